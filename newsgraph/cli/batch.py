"""``newsgraph batch`` (read and analyse many inputs on Dask) and ``newsgraph load`` (shards -> database)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.common import FieldOption, db_url, err_console, options_for, report_error


def batch_command(
    sources: Annotated[list[str], typer.Argument(help="Directories, WARC files, corpus files (.jsonl .csv), .urls lists, URLs, feeds (feed:X, .rss/.atom/.xml, .feeds lists).")],
    scheduler: Annotated[str, typer.Option("--scheduler", help="'local' starts a LocalCluster; tcp://HOST:8786 uses a running Dask cluster.")] = "local",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster (one thread each).")] = 2,
    out: Annotated[str | None, typer.Option("--out", help="Database URL or file (.db/.sqlite), or a directory for Parquet shards. Default: --db / $NEWSGRAPH_DB / ./newsgraph.db.")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Inputs per Dask task (a WARC file is always a task of its own).")] = 50,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow URLs on loopback or private networks.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds allowed for each fetch.")] = 20.0,
    field: FieldOption = None,
) -> None:
    """Read, analyse and store many inputs on a Dask cluster; re-run the same command to resume."""
    from newsgraph.batch.runner import run_batch
    from newsgraph.batch.writers import is_db_url
    from newsgraph.errors import NewsgraphError

    target = db_url(out) if out is None or is_db_url(out) else out
    fields = options_for(fields=field).fields
    try:
        report = run_batch(sources, out=target, scheduler=scheduler, workers=workers, partition_size=partition_size,
                           allow_private=allow_private, timeout=timeout, fields=fields)
    except NewsgraphError as err:
        report_error(err)
        raise typer.Exit(2) from None
    peak = max(report.peak_rss.values(), default=0) / 2**20
    err_console.print(
        f"{report.articles} article(s) stored, {report.skipped_articles} already stored, "
        f"{report.failures} failure(s), {report.inputs_skipped} input(s) done before; "
        f"{report.rate:.1f} articles/s over {report.seconds:.1f} s (+{report.startup_seconds:.1f} s start-up); "
        f"peak worker memory {peak:.0f} MiB -> {target}",
        highlight=False, soft_wrap=True,
    )
    if report.failures:
        raise typer.Exit(1)


def load_command(
    directory: Annotated[str, typer.Argument(help="A directory of Parquet shards written by `newsgraph batch --out DIR`.")],
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default $NEWSGRAPH_DB or ./newsgraph.db).")] = None,
) -> None:
    """Put the Parquet shards of a batch run into the database (articles already stored are skipped)."""
    from newsgraph.batch.writers import load_dir
    from newsgraph.errors import NewsgraphError

    try:
        report = load_dir(directory, db_url(db))
    except NewsgraphError as err:
        report_error(err)
        raise typer.Exit(2) from None
    err_console.print(
        f"{report.shards} shard(s) loaded ({report.shards_skipped} loaded before): {report.written} article(s) stored, "
        f"{report.skipped} already stored, {report.failures} failure(s) recorded",
        highlight=False, soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add the ``batch`` and ``load`` commands to the CLI."""
    app.command("batch")(batch_command)
    app.command("load")(load_command)
