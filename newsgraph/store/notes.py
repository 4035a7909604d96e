"""Fact notes: comments on one fact of an article and "wrong" flags, stored, listed and exported.

A fact is named by the article page's anchor: ``s-N`` (statement N), ``e-N`` (event N), ``actor-ID``
(the article's actor ID).  The note keeps the fact's text as shown, so an export of flags still says
what was wrong after the article is analysed again and the numbering moves.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.model import Analysis
from newsgraph.store import schema as t
from newsgraph.store.export import csv_cell
from newsgraph.store.util import now_iso, parse_iso, shown

FACT = re.compile(r"^(s|e)-([0-9]{1,6})$|^actor-([A-Za-z0-9_.:-]{1,80})$")
KINDS = ("comment", "flag")
EXPORT_COLUMNS = ("note_id", "kind", "article_id", "article_version", "article_title", "article_url", "fact",
                  "fact_kind", "fact_text", "name", "body", "created_at")


@dataclass
class FactNote:
    """A note on one fact (the email is stored, never returned)."""

    id: int
    article_id: str
    version: int
    fact: str
    fact_kind: str
    fact_text: str
    kind: str
    name: str
    body: str
    created_at: object
    hidden: bool = False


def describe_fact(analysis: Analysis, fact: str) -> tuple[str, str]:
    """Return (kind, text as shown) of the fact an anchor names in this analysis; QueryError if it names none."""
    match = FACT.match(fact or "")
    if not match:
        raise QueryError(f"fact: not a fact anchor {shown(fact)}")
    if match[1] == "s" and int(match[2]) < len(analysis.statements):
        st = analysis.statements[int(match[2])]
        return "statement", f"{st.speaker_text or st.speaker or 'unknown'}: {st.content}"
    if match[1] == "e" and int(match[2]) < len(analysis.events):
        ev = analysis.events[int(match[2])]
        return "event", f"{ev.type}: {ev.text}"
    actor = analysis.actor(match[3]) if match[3] else None
    if actor is not None:
        return "actor", f"{actor.name} ({actor.type})"
    raise QueryError(f"fact: the article has no fact {shown(fact)}")


def add(conn: Connection, article_id: str, version: int, fact: str, fact_kind: str, fact_text: str, *,
        kind: str, name: str, email: str, body: str) -> FactNote:
    """Store one note and return it."""
    if kind not in KINDS:
        raise QueryError(f"kind: {shown(kind)} is neither a comment nor a flag")
    note_id = conn.execute(t.fact_notes.insert().values(
        article_id=article_id, version=version, fact=fact, fact_kind=fact_kind, fact_text=fact_text, kind=kind,
        name=name, email=email, body=body, created_at=now_iso(), hidden=False,
    )).inserted_primary_key[0]
    return _note(conn.execute(sa.select(*_columns()).where(t.fact_notes.c.id == note_id)).one())


def _columns() -> list[sa.Column]:
    return [c for c in t.fact_notes.c if c.name != "email"]


def _note(row: sa.Row) -> FactNote:
    return FactNote(id=row.id, article_id=row.article_id, version=row.version, fact=row.fact, fact_kind=row.fact_kind,
                    fact_text=row.fact_text, kind=row.kind, name=row.name, body=row.body,
                    created_at=parse_iso(row.created_at), hidden=row.hidden)


def for_article(conn: Connection, article_id: str) -> list[FactNote]:
    """Return an article's shown notes, oldest first."""
    rows = conn.execute(sa.select(*_columns()).where(t.fact_notes.c.article_id == article_id,
                                                     t.fact_notes.c.hidden == sa.false()).order_by(t.fact_notes.c.id))
    return [_note(r) for r in rows]


def hide(conn: Connection, note_id: int) -> str:
    """Hide a note (kept, not shown or exported); return its article id. NotFoundError if there is none."""
    article_id = conn.execute(sa.select(t.fact_notes.c.article_id).where(t.fact_notes.c.id == note_id)).scalar()
    if article_id is None:
        raise NotFoundError(f"no note with id {note_id!r}")
    conn.execute(t.fact_notes.update().where(t.fact_notes.c.id == note_id).values(hidden=True))
    return article_id


def export_csv(engine: Engine, kind: str | None = None) -> Iterator[str]:
    """Yield every shown note (only ``kind`` when given) as CSV lines, header first, oldest first, streamed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    yield out.getvalue()
    query = (sa.select(*_columns(), t.articles.c.title, t.articles.c.url)
             .outerjoin(t.articles, t.articles.c.id == t.fact_notes.c.article_id)
             .where(t.fact_notes.c.hidden == sa.false()).order_by(t.fact_notes.c.id))
    if kind:
        query = query.where(t.fact_notes.c.kind == kind)
    with engine.connect() as conn:
        for r in conn.execution_options(yield_per=500).execute(query):
            out.seek(0)
            out.truncate()
            writer.writerow([csv_cell(v) for v in (r.id, r.kind, r.article_id, r.version, r.title, r.url, r.fact,
                                                   r.fact_kind, r.fact_text, r.name, r.body, r.created_at)])
            yield out.getvalue()
