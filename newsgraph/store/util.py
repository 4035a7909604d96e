"""Small helpers shared by the store modules."""

from __future__ import annotations

import base64
import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from newsgraph.errors import QueryError


def now_iso() -> str:
    """Return the current UTC time as ISO 8601."""
    return dt.datetime.now(dt.timezone.utc).isoformat()


def iso(value: dt.datetime | None) -> str | None:
    """Return a datetime as ISO 8601 text (kept exactly, offset included)."""
    return value.isoformat() if value is not None else None


def parse_iso(value: str | None) -> dt.datetime | None:
    """Return the datetime stored by ``iso``."""
    return dt.datetime.fromisoformat(value) if value else None


def insert_ignore(conn: Connection, table: sa.Table, keys: list[str]):  # type: ignore[no-untyped-def]
    """Return an INSERT that skips rows conflicting on ``keys`` (SQLite and PostgreSQL)."""
    module = postgresql if conn.dialect.name == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=keys)


def encode_cursor(value: object) -> str:
    """Return an opaque pagination cursor for ``value`` (JSON-able)."""
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, default: object = None) -> object:
    """Return the value of a cursor from ``encode_cursor``; QueryError for anything else."""
    if not cursor:
        return default
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError) as err:
        raise QueryError(f"invalid cursor {cursor[:40]!r}") from err


def check_limit(limit: int, maximum: int = 1000) -> int:
    """Return ``limit`` if it is between 1 and ``maximum``; QueryError otherwise."""
    if not isinstance(limit, int) or not 1 <= limit <= maximum:
        raise QueryError(f"limit must be between 1 and {maximum}, got {limit!r}")
    return limit


def shown(text: object, width: int = 80) -> str:
    """Return user input quoted for a one-line message: repr, cut to ``width`` characters."""
    text = str(text)
    return repr(text if len(text) <= width else text[:width] + "…")


def no_nul(text: str | None) -> str | None:
    """Return filter text without NUL characters (no stored text has them; PostgreSQL refuses them)."""
    return text.replace("\x00", "") if text else text
