"""The ``ingest`` command: read, analyse and store articles, with a progress bar that knows its total.

Progress and errors go to stderr; the one-line failures are the ones every entry point prints.
"""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from newsgraph.cli.common import (SOURCES_HELP, DbOption, err_console, open_store, reads_sources, report_error,
                                  report_failure, warn)

#: Articles read and extracted before one round of "already stored?" checks and analysis.
INGEST_CHUNK = 16  # = newsgraph.process.CHUNK




@reads_sources
def ingest_command(
    sources: Annotated[list[str], typer.Argument(help=SOURCES_HELP)],
    db: DbOption = None,
    options: object = None,  # a newsgraph.process.Options, filled by reads_sources
) -> None:
    """Read, analyse and store articles; articles already stored are skipped, so a rerun resumes."""
    from newsgraph.analyze.pipeline import default_analyzer
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest import count_documents
    from newsgraph.model import IngestFailure
    from newsgraph.process import process

    store = open_store(db)
    tally = dict.fromkeys(("new", "updated", "unchanged", "skipped", "failed"), 0)
    try:
        analyzer = default_analyzer()
    except NewsgraphError as err:
        report_error(err)
        raise typer.Exit(2) from None
    with _ingest_progress(_total(sources, count_documents)) as (progress, task):
        for outcome in process(sources, options=options, analyzer=analyzer, store=store, chunk=INGEST_CHUNK,
                               name="newsgraph ingest"):
            if isinstance(outcome, IngestFailure):
                tally["failed"] += 1
                report_failure(outcome)
            else:
                tally[outcome.status] = tally.get(outcome.status, 0) + 1
            progress.update(task, advance=1, status=", ".join(f"{k} {v}" for k, v in tally.items() if v))
    store.close()
    err_console.print(", ".join(f"{k} {v}" for k, v in tally.items()), highlight=False, markup=False)
    if not any(tally.values()):
        warn(f"{' '.join(sources)}: no readable document found")
    if tally["failed"] or not any(tally.values()):
        raise typer.Exit(1)


#: CSV corpus files larger than this are not counted ahead (the bar then shows no total).
_COUNTED_CSV_BYTES = 2**28


def _total(sources: list[str], count_documents) -> int | None:  # noqa: ANN001 - newsgraph.ingest.count_documents
    """Return how many documents (and failure lines) the sources will give, when cheap to know, else None.

    ``count_documents`` knows pages, directories and JSON Lines; a CSV/TSV corpus file is counted
    here by its rows (a row is one document, or one failure line naming it).
    """
    total = 0
    for source in sources:
        n = count_documents([source])
        if n is None:
            n = _csv_rows(source)
        if n is None:
            return None
        total += n
    return total


def _csv_rows(source: str) -> int | None:
    import csv
    from pathlib import Path

    path = Path(source)
    if not source.lower().endswith((".csv", ".tsv")) or not path.is_file() or path.stat().st_size > _COUNTED_CSV_BYTES:
        return None
    dialect = "excel-tab" if source.lower().endswith(".tsv") else "excel"
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
            return max(sum(1 for row in csv.reader(fh, dialect) if row) - 1, 0)
    except (OSError, csv.Error):
        return None


@contextlib.contextmanager
def _ingest_progress(total: int | None):  # noqa: ANN202 - yields (Progress, task id)
    """A Rich progress bar on stderr: with a total and time left when the input's size is known."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    counter = MofNCompleteColumn() if total else TextColumn("{task.completed}")
    columns = [SpinnerColumn(), TextColumn("ingest"), BarColumn(), counter, TextColumn("documents"),
               TimeElapsedColumn(), *([TimeRemainingColumn()] if total else []), TextColumn("{task.fields[status]}")]
    with Progress(*columns, console=err_console, transient=False) as progress:
        yield progress, progress.add_task("ingest", total=total, status="")


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` command to the CLI."""
    app.command("ingest")(ingest_command)
