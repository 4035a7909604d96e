"""What the pages and the API both need: search values, edge types, comment checks, bounded parameters.

API modules import this, never a page module.  Every number a client sends is bounded here, so a
crafted cursor, id or span answers 422 (the one error shape) and never reaches the database as a
value it cannot hold.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote

from fastapi import Path, Query

from newsgraph.errors import QueryError
from newsgraph.store.util import decode_cursor
from newsgraph.web.deps import ApiError

#: Largest integer SQLite and PostgreSQL BIGINT hold; ids and offsets must stay below it.
MAX_INT = 2**63 - 1
#: Cursors are short base64 strings; anything much longer is not one of ours.
MAX_CURSOR_CHARS = 200

KINDS = ("articles", "statements", "events")

ActorId = Annotated[int, Path(ge=1, le=MAX_INT, description="A corpus actor's id.")]
CommentId = Annotated[int, Path(ge=1, le=MAX_INT, description="A comment's id.")]
ArticleId = Annotated[str, Path(min_length=1, max_length=200, description="An article's id.")]
CursorParam = Annotated[str | None, Query(max_length=MAX_CURSOR_CHARS,
                                          description="The `next_cursor` of the previous page.")]
SpanParam = Annotated[str | None, Query(max_length=41, pattern=r"^[0-9]{1,20}-[0-9]{1,20}$",
                                        description="START-END character offsets to mark.")]

# Deliberately loose: one "@", no spaces, a dot in the domain. Deliverability is not our business.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 100
MAX_EMAIL = 254


def checked_cursor(cursor: str | None) -> str | None:
    """Return ``cursor`` when it decodes to an offset or id the store can use; raise 422 otherwise."""
    if not cursor:
        return None
    try:
        value = decode_cursor(cursor)
    except QueryError:
        value = None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INT:
        raise ApiError(422, f"cursor: not a cursor this server gave ({cursor[:40]!r})", "invalid")
    return cursor


def parse_span(value: str | None) -> tuple[int, int] | None:
    """Return (start, end) from "START-END" (each at most 20 digits), or None when absent or malformed."""
    if not value:
        return None
    match = re.fullmatch(r"([0-9]{1,20})-([0-9]{1,20})", value)
    if not match or int(match[1]) >= int(match[2]):
        return None
    return int(match[1]), int(match[2])


def direct_flag(value: str | None) -> bool | None:
    """Return True for "direct", False for "indirect", None for anything else (both)."""
    return {"direct": True, "indirect": False, "true": True, "false": False}.get((value or "").lower())


def edge_types(type_: str | None) -> tuple[str, ...] | None:
    """Return the event types to draw: "CONSULT" by default, "ALL" for every type."""
    if not type_:
        return ("CONSULT",)
    if type_.upper() == "ALL":
        return None
    return tuple(t.strip().upper() for t in type_.split(",") if t.strip())


def validate_comment(name: str, email: str, body: str, max_chars: int) -> dict[str, str]:
    """Return {field: message} for every invalid field (empty when the comment is fine)."""
    errors = {}
    if not name.strip():
        errors["name"] = "Please enter your name."
    elif len(name) > MAX_NAME:
        errors["name"] = f"The name is longer than {MAX_NAME} characters."
    if not email.strip():
        errors["email"] = "Please enter your email (it is never shown)."
    elif len(email) > MAX_EMAIL or not _EMAIL.match(email.strip()):
        errors["email"] = "Please enter a valid email address."
    if not body.strip():
        errors["body"] = "Please write a comment."
    elif len(body) > max_chars:
        errors["body"] = f"The comment is longer than {max_chars} characters ({len(body)})."
    return errors


def article_path(article_id: str) -> str:
    """Return the article page's path (the id quoted, so a "/" in it cannot break the route)."""
    return "/articles/" + quote(article_id, safe="")
