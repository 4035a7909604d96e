"""Fact rows in one schema (``export.FACT_HEADER``) for every fact CSV and JSON download.

The corpus export, a search's "download these results" and an article's CSV all come from here,
so a column means the same thing everywhere: ``fact_id`` is the fact's anchor on its article page
(``s-3``, ``e-0``, ``f-2``, ``m-a1-0``, ``d-4``), ``event_id`` the corpus event, ``actor_ids`` corpus
actor ids.  The keys of the matching rows are read once (the search's own query, in its order),
then the rows are read in chunks, each in a short transaction: no row cap, bounded memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, Engine

from newsgraph.store import schema as t
from newsgraph.store.export import _FORMULA_STARTS, ARTICLE_HEADER, CHUNK, FACT_HEADER
from newsgraph.store.read import live
from newsgraph.store.search import Filters, Term, select_articles, select_events, select_statements

#: Facts read per short transaction.
FACT_CHUNK = 1000
FACT_KINDS = ("statement", "event", "framing", "mention", "date")
CORPUS_KINDS = ("statement", "event", "framing")
_ART = (t.articles.c.title.label("a_title"), t.articles.c.url.label("a_url"), t.articles.c.site.label("a_site"),
        t.articles.c.published.label("a_published"))

Rows = Callable[[Connection, list[int]], Iterator[tuple[int, list[Any]]]]


def _base(r: sa.Row, kind: str, fact_id: str, *, text: str, event_id: int | None = None, actor_ids: str | None = None,
          actors: str | None = None, roles: str | None = None, type: str | None = None,  # noqa: A002
          mode: str | None = None, date: str | None = None, date_precision: str | None = None,
          date_text: str | None = None, place: str | None = None, cue: str | None = None,
          trigger: str | None = None, direct: bool | None = None) -> tuple[int, list[Any]]:
    """Return (the row's id, its cells in FACT_HEADER order)."""
    return r.id, [r.article_id, r.a_title, r.a_url, r.a_site, r.a_published, kind, fact_id, event_id, actor_ids, actors,
                  roles, type, mode, date, date_precision, date_text, place, cue, trigger, direct, text, r.start, r.end]


def _member(conn: Connection, column: sa.Column, values: Iterable[Any]) -> sa.ColumnElement[bool]:
    """Return ``column IN values``: on PostgreSQL as ``= ANY(array)``, one parameter instead of one per value
    (binding a thousand parameters per chunk cost more than the query)."""
    values = list(values)
    if conn.dialect.name == "postgresql":
        return column == sa.any_(sa.bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


def _ids(conn: Connection, column: sa.Column, ids: list[int]) -> sa.ColumnElement[bool]:
    """Return ``column IN ids``, as a range when the ids are ascending and dense (a whole-corpus export:
    no long parameter list to bind; fact_records drops the rows of the range that were not asked for)."""
    if len(ids) > 50 and all(a < b for a, b in zip(ids, ids[1:])) and ids[-1] - ids[0] < 2 * len(ids):
        return column.between(ids[0], ids[-1])
    return _member(conn, column, ids)


def _names(conn: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r.id: r.name for r in conn.execute(sa.select(t.actors.c.id, t.actors.c.name).where(_member(conn, t.actors.c.id, ids)))}


def _joined(values: Sequence[Any]) -> str | None:
    return "; ".join(str(v) for v in values) if values else None


def statement_rows(conn: Connection, ids: list[int]) -> Iterator[tuple[int, list[Any]]]:
    """Yield the fact rows of these statements (speaker and addressee as actors, with their roles)."""
    rows = conn.execute(sa.select(t.statements, *_ART).join(t.articles, t.articles.c.id == t.statements.c.article_id)
                        .where(_ids(conn, t.statements.c.id, ids))).all()
    names = _names(conn, {x for r in rows for x in (r.speaker_id, r.addressee_id) if x})
    for r in rows:
        people = [(r.speaker_id, "speaker"), (r.addressee_id, "addressee")]
        people = [(i, role) for i, role in people if i]
        yield _base(r, "statement", f"s-{r.ord}", actor_ids=_joined([i for i, _ in people]),
                    actors=_joined([names.get(i, "") for i, _ in people]) or r.speaker_text,
                    roles=_joined([role for _, role in people]), date=r.said_date, date_precision=r.said_precision,
                    cue=r.cue, direct=r.direct, text=r.content)


def event_rows(conn: Connection, ids: list[int]) -> Iterator[tuple[int, list[Any]]]:
    """Yield the fact rows of these event reports (actors in order with their roles, the place's name)."""
    rows = conn.execute(sa.select(t.event_evidence, *_ART).join(t.articles, t.articles.c.id == t.event_evidence.c.article_id)
                        .where(_ids(conn, t.event_evidence.c.id, ids))).all()
    actors: dict[int, list[sa.Row]] = {}
    for a in conn.execute(sa.select(t.event_actors).where(_ids(conn, t.event_actors.c.evidence_id, ids)).order_by(t.event_actors.c.ord)):
        actors.setdefault(a.evidence_id, []).append(a)
    names = _names(conn, {a.actor_id for v in actors.values() for a in v} | {r.place_id for r in rows if r.place_id})
    for r in rows:
        who = actors.get(r.id, [])
        yield _base(r, "event", f"e-{r.ord}", event_id=r.event_id, actor_ids=_joined([a.actor_id for a in who]),
                    actors=_joined([names.get(a.actor_id, "") for a in who]), roles=_joined([a.role for a in who]),
                    type=r.type, mode=r.mode, date=r.date, date_precision=r.date_precision, date_text=r.date_text,
                    place=names.get(r.place_id) if r.place_id else None, trigger=r.trigger, text=r.text)


def framing_rows(conn: Connection, ids: list[int]) -> Iterator[tuple[int, list[Any]]]:
    """Yield the fact rows of these framing flags (the category in ``type``)."""
    for r in conn.execute(sa.select(t.framing, *_ART).join(t.articles, t.articles.c.id == t.framing.c.article_id)
                          .where(_ids(conn, t.framing.c.id, ids))):
        yield _base(r, "framing", f"f-{r.ord}", type=r.category, text=r.text)


def mention_rows(conn: Connection, ids: list[int]) -> Iterator[tuple[int, list[Any]]]:
    """Yield the fact rows of these actor mentions (the actor's type in ``type``, its mention kind in ``roles``).

    The mentions are read alone, then their article actors, actors and articles by id: joined in one
    query, PostgreSQL would hash the whole article_actors table for every chunk.
    """
    rows = conn.execute(sa.select(t.mentions).where(_ids(conn, t.mentions.c.id, ids))).all()
    locals_ = {r.id: r for r in conn.execute(sa.select(t.article_actors.c.id, t.article_actors.c.local_id,
                                                       t.article_actors.c.type)
                                             .where(_member(conn, t.article_actors.c.id, {r.article_actor_id for r in rows})))}
    names = _names(conn, {r.actor_id for r in rows})
    articles = {a.id: a for a in conn.execute(sa.select(t.articles.c.id, *_ART)
                                              .where(_member(conn, t.articles.c.id, {r.article_id for r in rows})))}
    for r in rows:
        local, art = locals_[r.article_actor_id], articles[r.article_id]
        yield r.id, [r.article_id, art.a_title, art.a_url, art.a_site, art.a_published, "mention",
                     f"m-{local.local_id}-{r.ord}", None, str(r.actor_id), names.get(r.actor_id), r.kind, local.type,
                     None, None, None, None, None, None, None, None, r.text, r.start, r.end]


def date_rows(conn: Connection, ids: list[int]) -> Iterator[tuple[int, list[Any]]]:
    """Yield the fact rows of these date expressions (resolved value, precision, words)."""
    for r in conn.execute(sa.select(t.date_mentions, *_ART).join(t.articles, t.articles.c.id == t.date_mentions.c.article_id)
                          .where(_ids(conn, t.date_mentions.c.id, ids))):
        yield _base(r, "date", f"d-{r.ord}", date=r.value, date_precision=r.precision, date_text=r.text, text=r.text)


ROWS: dict[str, Rows] = {"statement": statement_rows, "event": event_rows, "framing": framing_rows,
                         "mention": mention_rows, "date": date_rows}
_TABLES = {"framing": t.framing, "mention": t.mentions, "date": t.date_mentions}


def fact_keys(conn: Connection, kind: str, terms: list[Term], f: Filters, ordered: bool = False) -> list[int]:
    """Return the ids of the current facts of ``kind`` the search matches (its order when ``ordered``, else by id).

    Statements and events are filtered as search filters them; framing, mentions and dates by
    their article (the articles the same words and filters find).
    """
    if kind in ("statement", "event"):
        s = (select_statements if kind == "statement" else select_events)(conn, terms, f)
        query = s.ordered(terms, f.sort) if ordered else s.sel.order_by(s.key)
        return list(conn.execute(query.add_columns(s.key)).scalars())
    table = _TABLES[kind]
    articles = select_articles(conn, terms, f).sel.add_columns(t.articles.c.id)
    query = (sa.select(table.c.id).where(table.c.superseded == live, table.c.article_id.in_(articles))
             .order_by(table.c.article_id, table.c.ord) if ordered else sa.select(table.c.id)
             .where(table.c.superseded == live, table.c.article_id.in_(articles)).order_by(table.c.id))
    return list(conn.execute(query).scalars())


def fact_records(engine: Engine, terms: list[Term], f: Filters, kinds: Sequence[str] = CORPUS_KINDS,
                 ordered: bool = False) -> Iterator[list[Any]]:
    """Yield one row (cells in FACT_HEADER order) per matching fact, kind by kind, in chunks of short transactions."""
    for kind in kinds:
        with engine.connect() as conn:
            keys = fact_keys(conn, kind, terms, f, ordered)
        for i in range(0, len(keys), FACT_CHUNK):
            chunk = keys[i : i + FACT_CHUNK]
            with engine.connect() as conn:
                got = dict(ROWS[kind](conn, chunk))
            for key in chunk:
                if key in got:
                    yield got[key]


def article_records(engine: Engine, terms: list[Term], f: Filters, ordered: bool = True) -> Iterator[list[Any]]:
    """Yield one row (cells in ARTICLE_HEADER order) per matching article, in the search's order when ``ordered``."""
    with engine.connect() as conn:
        s = select_articles(conn, terms, f)
        keys = list(conn.execute((s.ordered(terms, f.sort) if ordered else s.sel.order_by(s.key)).add_columns(s.key)).scalars())
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i : i + CHUNK]
        with engine.connect() as conn:
            got = {r.pk: r for r in conn.execute(sa.select(t.articles).where(t.articles.c.pk.in_(chunk)))}
        for key in chunk:
            r = got[key]
            yield [r.id, r.title, r.url, r.site, r.published, r.published_precision, r.byline, r.language, r.dup_of]


def as_csv(records: Iterator[list[Any]], header: list[str]) -> Iterator[str]:
    """Yield the header line, then one CSV line per row (formula-like text neutralised, as ``csv_cell`` does)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    yield buffer.getvalue()
    risky = _FORMULA_STARTS
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        # csv_cell inlined (it is called for every cell of every row): None is written empty by csv itself.
        writer.writerow([("'" + v) if v.__class__ is str and v.startswith(risky) else v for v in record])
        yield buffer.getvalue()


def as_json(records: Iterator[list[Any]], header: list[str]) -> Iterator[str]:
    """Yield a JSON array of the rows as objects (header keys), one a line (streamed: never built whole)."""
    first = True
    for record in records:
        yield ("[\n" if first else ",\n") + json.dumps(dict(zip(header, record)), ensure_ascii=False)
        first = False
    yield "[]\n" if first else "\n]\n"


def export_facts(engine: Engine) -> Iterator[str]:
    """Yield the whole corpus's facts as CSV: header, then every current statement, event report, framing flag."""
    return as_csv(fact_records(engine, [], Filters()), FACT_HEADER)


__all__ = ["FACT_KINDS", "CORPUS_KINDS", "ARTICLE_HEADER", "fact_records", "article_records", "as_csv", "as_json",
           "export_facts"]
