"""``newsgraph read``: sources -> one clean Article per document (JSON Lines or text)."""

from __future__ import annotations

import contextlib
import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

from newsgraph.cli.common import SOURCES_HELP, err_console, reads_sources, report_failure, warn

if TYPE_CHECKING:
    from newsgraph.model import Article


class OutputFormat(str, Enum):
    json = "json"
    text = "text"


def format_text(article: "Article") -> str:
    """Return an Article as a human-readable block: metadata, body, related links, removed furniture."""
    lines = [f"# {article.title or '(no title)'}"]
    meta = [
        ("source", article.source),
        ("url", article.url),
        ("site", article.site),
        ("published", f"{article.published} ({article.published_precision})" if article.published else None),
        ("byline", article.byline),
        ("language", article.language),
        ("id", article.id),
    ]
    lines += [f"{key}: {value}" for key, value in meta if value]
    if article.low_confidence:
        lines.append("LOW CONFIDENCE")
    lines += [f"warning: {w}" for w in article.warnings]
    lines += ["", article.body]
    if article.related:
        lines += ["", "Related:"] + [f"  - {r.title}" + (f" <{r.url}>" if r.url else "") for r in article.related]
    if article.furniture:
        lines += ["", "Removed:"] + [f"  [{f.reason}] {f.text}" for f in article.furniture]
    return "\n".join(lines) + "\n"


def _wants_progress(sources: list[str]) -> bool:
    """A progress bar for many documents: several sources, or one that holds many (directory, feed, WARC, list, corpus)."""
    from newsgraph.errors import InputError
    from newsgraph.ingest import classify

    if not err_console.is_terminal:
        return False
    if len(sources) > 1:
        return True
    try:
        return classify(sources[0]) not in ("file", "stdin", "url")
    except InputError:
        return False


@reads_sources
def read(
    sources: list[str] = typer.Argument(..., help=SOURCES_HELP),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json (one JSON object a line) or text."),
    options: object = None,  # a newsgraph.process.Options, filled by reads_sources
) -> None:
    """Read news pages, URLs, feeds, web archives or corpus files; print one clean Article per document."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.model import IngestFailure
    from newsgraph.process import process

    failures = printed = 0
    progress = Progress(
        SpinnerColumn(), TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
    )
    with progress if _wants_progress(sources) else contextlib.nullcontext():
        task = progress.add_task("", total=None)
        for outcome in process(sources, options=options, name="newsgraph read"):
            if isinstance(outcome, IngestFailure):
                failures += 1
                report_failure(outcome)
                continue
            progress.update(task, advance=1, description=escape(outcome.raw.source[-60:]))
            article = outcome.article
            if output_format is OutputFormat.json:
                sys.stdout.write(article.model_dump_json() + "\n")
            else:
                sys.stdout.write(("\n" if printed else "") + format_text(article))
            sys.stdout.flush()
            printed += 1
    if printed == 0 and failures == 0:  # e.g. a feed with no items: say so, and fail a script that expected some
        warn(f"{' '.join(sources)}: no readable document found")
        raise typer.Exit(1)
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``read`` command to the newsgraph CLI."""
    app.command("read")(read)
