"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.markup import escape

from newsgraph.errors import NewsgraphError

#: Errors and progress go to stderr; records go to stdout.
err_console = Console(stderr=True, highlight=False)

DEFAULT_DB = "sqlite:///newsgraph.db"


def db_url(option: str | None) -> str:
    """Return the database URL: the --db option, else $NEWSGRAPH_DB, else ./newsgraph.db."""
    url = option or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
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
