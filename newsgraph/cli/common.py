"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import NewsgraphError
from newsgraph.settings import get_settings

#: Errors and progress go to stderr; records go to stdout.
err_console = Console(stderr=True, highlight=False)

DEFAULT_DB = "sqlite:///newsgraph.db"
DbOption = Annotated[Optional[str], typer.Option("--db", help="Database URL or SQLite path (default: $NEWSGRAPH_DB, else ./newsgraph.db).")]


def db_url(option: str | None) -> str:
    """Return the database URL: the --db option, else $NEWSGRAPH_DB, else ./newsgraph.db."""
    if option:
        url = option
    else:
        try:
            url = get_settings().db or DEFAULT_DB
        except NewsgraphError as err:  # a bad NEWSGRAPH_* value: one line naming it, no traceback
            fail(f"settings: {err}")
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{url}"
    return url


def report_error(err: BaseException, source: str | None = None) -> None:
    """Print one line naming the input and what went wrong (never a traceback)."""
    if isinstance(err, NewsgraphError):
        line = str(err) if err.source or not source else f"{source}: {err}"
    else:
        line = f"{source}: {type(err).__name__}: {err}" if source else f"{type(err).__name__}: {err}"
    err_console.print(f"[red]error:[/red] {escape(line)}", markup=True, soft_wrap=True, emoji=False)


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit."""
    err_console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True, emoji=False)
    sys.exit(code)


def report_failure(record) -> None:  # noqa: ANN001 - a model.IngestFailure
    """Print a failure record's one line (it names the input)."""
    err_console.print(f"[red]error:[/red] {escape(record.error)}", markup=True, soft_wrap=True, emoji=False)


def closed_pipe() -> None:
    """End quietly (exit 0) when the reader of stdout has gone, as ``newsgraph export | head`` does: no error line."""
    try:  # later writes and the flush at exit go nowhere instead of raising again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(0)


def warn(message: str) -> None:
    """Print one warning line."""
    err_console.print(f"[yellow]warning:[/yellow] {escape(message)}", soft_wrap=True, emoji=False)


# ---------------------------------------------------------------- reading options

_META = "Metadata (one article: a file, a URL or -)"
SOURCES_HELP = ("Files (.html .htm .html.gz .txt), directories, '-' for stdin, URLs, feeds (feed:URL, .rss/.atom/.xml), "
                "WARC files, .urls lists, corpus files (.jsonl .csv: one article a row, with its metadata).")
FieldOption = Annotated[Optional[list[str]], typer.Option("--field", help="Corpus files (.jsonl/.csv): FIELD=COLUMN for a column of another name, e.g. text=story_text (repeatable).", rich_help_panel="Corpus files")]
_GIVEN = ("url", "title", "published", "site", "byline")


def _keyword(name: str, default: object, annotation: object) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


#: The options every command that reads sources takes (read, analyze, ingest), declared once.
READ_PARAMETERS = (
    _keyword("allow_private", False, Annotated[bool, typer.Option("--allow-private", help="Allow URLs on loopback or private networks.")]),
    _keyword("timeout", 20.0, Annotated[float, typer.Option("--timeout", help="Seconds a URL may take to answer and download.")]),
    _keyword("url", None, Annotated[Optional[str], typer.Option("--url", help="The article's URL (gives its id and, by default, its site).", rich_help_panel=_META)]),
    _keyword("title", None, Annotated[Optional[str], typer.Option("--title", help="The article's headline.", rich_help_panel=_META)]),
    _keyword("published", None, Annotated[Optional[str], typer.Option("--published", help="Publication date or time, e.g. 2023-06-22 or 2023-06-22T20:22.", rich_help_panel=_META)]),
    _keyword("site", None, Annotated[Optional[str], typer.Option("--site", help="The outlet, e.g. ISWNews.", rich_help_panel=_META)]),
    _keyword("byline", None, Annotated[Optional[str], typer.Option("--byline", help="Author or agency credit.", rich_help_panel=_META)]),
    _keyword("field", None, FieldOption),
)


def reads_sources(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the reading options (READ_PARAMETERS); it receives them as one ``options``
    (a ``newsgraph.process.Options``), checked: metadata describes one article, --field pairs are valid."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "options"]

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        values = {p.name: kwargs.pop(p.name, p.default) for p in READ_PARAMETERS}
        given = given_metadata(list(kwargs["sources"]), **{k: values[k] for k in _GIVEN})
        kwargs["options"] = options_for(allow_private=values["allow_private"], timeout=values["timeout"],
                                        given=given, fields=values["field"])
        return command(*args, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*own, *READ_PARAMETERS])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*own, *READ_PARAMETERS]}
    return wrapper


def given_metadata(sources: list[str], **values: str | None) -> dict[str, str]:
    """Return the metadata options given, checking they describe one article (exit 2 otherwise).

    They apply to a single file, URL or stdin: a directory, feed, list, WARC or
    corpus file holds many articles (a corpus row gives its own).
    """
    from newsgraph.errors import InputError
    from newsgraph.ingest import classify

    given = {k: v for k, v in values.items() if v is not None and v.strip()}
    if not given:
        return given
    options = ", ".join(f"--{k}" for k in given)
    if len(sources) != 1:
        fail(f"{options}: give one input (they describe one article), not {len(sources)}", code=2)
    try:
        kind = classify(sources[0])
    except InputError:
        return given  # the read reports the missing file
    if kind not in ("file", "stdin", "url"):
        fail(f"{options}: {sources[0]} holds many articles (a {kind}); metadata options describe one", code=2)
    return given


def options_for(*, allow_private: bool = False, timeout: float = 20.0, given: dict[str, str] | None = None,
                fields: list[str] | None = None):  # noqa: ANN201 - a process.Options
    """Return the process options of a command (exit 2 on a bad --field)."""
    from newsgraph.errors import InputError
    from newsgraph.ingest.corpus import parse_field_map
    from newsgraph.process import Options

    try:
        field_map = parse_field_map(fields)
    except InputError as err:
        fail(str(err), code=2)
    return Options(allow_private=allow_private, timeout=timeout, given=given or {}, fields=field_map)


def open_store(db: str | None):  # type: ignore[no-untyped-def]
    """Return the Store at ``db`` (or the default database); a store that cannot open exits 2 with its one line."""
    from newsgraph.errors import StoreError
    from newsgraph.store import Store

    try:
        return Store(db_url(db))
    except StoreError as err:
        report_error(err)
        raise typer.Exit(2) from None
