"""Full-text search behind one API: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

The query text is untrusted.  It is parsed here into words, "phrases", ``OR``
and ``-excluded`` terms made of word characters only, and rebuilt in each
engine's syntax, so no operator, quote or SQL fragment typed by a user ever
reaches the engine as syntax (SQLite's FTS5 has no "plain text" query parser
like PostgreSQL's websearch_to_tsquery, hence this small parser).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.engine import Connection

from newsgraph.errors import QueryError
from newsgraph.model import ArticleSummary
from newsgraph.store import schema as t
from newsgraph.store.read import SUMMARY_COLUMNS, evidence, evidence_columns, live, summary
from newsgraph.store.records import SearchHit

MAX_QUERY_CHARS = 2000
MAX_TERMS = 32


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    negated: bool = False
    or_previous: bool = False


def parse_query(query: str) -> list[Term]:
    """Return the terms of a user's query; QueryError if it is too long."""
    if not isinstance(query, str):
        raise QueryError("search query must be text")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"search query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    terms: list[Term] = []
    pending_or = False
    for match in re.finditer(r'(-?)"([^"]*)"?|(\S+)', query):
        negated, phrase, token = match.group(1) == "-", match.group(2), match.group(3)
        if token == "OR" and terms:
            pending_or = True
            continue
        if token is not None and token.startswith("-") and len(token) > 1:
            negated, token = True, token[1:]
        words = tuple(re.findall(r"\w+", (phrase if phrase is not None else token).casefold()))
        if not words:
            continue
        terms.append(Term(words, negated, pending_or and not negated))
        pending_or = False
    if len(terms) > MAX_TERMS:
        raise QueryError(f"search query has too many terms ({len(terms)}; at most {MAX_TERMS})")
    if terms and all(term.negated for term in terms):
        raise QueryError("search query excludes words but names none to find")
    return terms


def fts5_query(terms: list[Term]) -> str:
    """Return the FTS5 MATCH expression: every term a quoted phrase of plain words."""
    positive = [term for term in terms if not term.negated]
    expr = ""
    for term in positive:
        phrase = '"' + " ".join(term.words) + '"'
        expr = phrase if not expr else f"{expr} {'OR' if term.or_previous else 'AND'} {phrase}"
    expr = f"({expr})"
    for term in terms:
        if term.negated:
            expr += ' NOT "' + " ".join(term.words) + '"'
    return expr


def websearch_text(terms: list[Term]) -> str:
    """Return the same query in websearch_to_tsquery's syntax (words only, so always valid)."""
    parts = []
    for term in terms:
        text = " ".join(term.words)
        text = f'"{text}"' if len(term.words) > 1 else text
        parts.append(("or " if term.or_previous else "") + ("-" if term.negated else "") + text)
    return " ".join(parts)


def parse_day(value: str | dt.date | None, what: str) -> str | None:
    """Return an ISO day from a date or text; QueryError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        text = str(value).strip()
        if re.fullmatch(r"\d{4}", text):
            text += "-01-01" if what == "since" else "-12-31"
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            start = dt.date.fromisoformat(text + "-01")
            if what == "since":
                return start.isoformat()
            nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as err:
        raise QueryError(f"--{what} must be an ISO date like 2023-06-21, got {str(value)[:40]!r}") from err


def source_filter(source: str | None) -> sa.ColumnElement[bool] | None:
    """Return the filter for --source: the site name, a part of the URL, or the source as given."""
    if not source:
        return None
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", source.casefold()) + "%"
    return sa.or_(
        sa.func.lower(t.articles.c.site) == source.casefold(),
        sa.func.lower(t.articles.c.url).like(pattern, escape="\\"),
        t.articles.c.source == source,
    )


@dataclass
class Filters:
    actor_id: int | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    direct: bool | None = None


def _match(conn: Connection, fts: str, table: sa.Table, rowid: sa.Column, terms: list[Term]):  # type: ignore[no-untyped-def]
    """Return (join target or None, where clause, score expression, snippet column) for one FTS index."""
    if conn.dialect.name == "postgresql":
        tsq = sa.func.websearch_to_tsquery(sa.cast("english", REGCONFIG), websearch_text(terms))
        tsv = sa.literal_column(f"{table.name}.tsv")
        return None, tsv.op("@@")(tsq), sa.func.ts_rank_cd(tsv, tsq), tsq
    index = sa.table(fts, sa.column("rowid"))
    where = sa.literal_column(fts).op("MATCH")(fts5_query(terms))
    return (index, index.c.rowid == rowid), where, -sa.func.bm25(sa.literal_column(fts)), None


def _snippet(conn: Connection, fts: str, column_index: int, text_col: sa.Column, tsq):  # type: ignore[no-untyped-def]
    if conn.dialect.name == "postgresql":
        return sa.func.ts_headline(sa.cast("english", REGCONFIG), sa.func.left(text_col, 100_000), tsq,
                                   'StartSel="",StopSel="",MaxWords=35,MinWords=15')
    return sa.func.snippet(sa.literal_column(fts), column_index, "", "", "…", 24)


def _date_filters(col: sa.ColumnElement, f: Filters) -> list:
    out = []
    if f.since:
        out.append(sa.func.substr(col, 1, 10) >= f.since)
    if f.until:
        out.append(sa.func.substr(col, 1, 10) <= f.until)
    return out


def _apply(sel: sa.Select, conn: Connection, fts: str, table: sa.Table, rowid: sa.Column, terms: list[Term]):  # type: ignore[no-untyped-def]
    if not terms:
        return sel, sa.null(), None
    join, where, score, tsq = _match(conn, fts, table, rowid, terms)
    if join is not None:
        sel = sel.join(join[0], join[1])
    return sel.where(where), score, tsq


def search_articles(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[ArticleSummary], bool]:
    """Return a page of matching articles (best first; by date when there is no text query)."""
    sel = sa.select(*SUMMARY_COLUMNS, t.articles.c.pk).select_from(t.articles)
    sel, score, tsq = _apply(sel, conn, "articles_fts", t.articles, t.articles.c.pk, terms)
    if f.actor_id is not None:
        sel = sel.where(t.articles.c.id.in_(sa.select(t.article_actors.c.article_id).where(
            t.article_actors.c.actor_id == f.actor_id, t.article_actors.c.superseded == live)))
    if f.type:
        sel = sel.where(t.articles.c.id.in_(sa.select(t.event_evidence.c.article_id).where(
            t.event_evidence.c.type == f.type, t.event_evidence.c.superseded == live)))
    sel = sel.where(*_date_filters(t.articles.c.published, f))
    if (src := source_filter(f.source)) is not None:
        sel = sel.where(src)
    snippet = _snippet(conn, "articles_fts", 1, t.articles.c.body, tsq) if terms else sa.null()
    if terms and conn.dialect.name == "sqlite":
        sel = sel.add_columns(score.label("score"), snippet.label("snip"))
    else:
        sel = sel.add_columns(score.label("score"), sa.null().label("snip"))
    order = [score.desc()] if terms else [t.articles.c.published.desc().nulls_last()]
    rows = conn.execute(sel.order_by(*order, t.articles.c.pk.desc()).offset(offset).limit(limit + 1)).all()[: limit + 1]
    snips = {r.id: r.snip for r in rows}
    if terms and conn.dialect.name == "postgresql" and rows:  # headlines for the page only (they are costly)
        snips = dict(conn.execute(sa.select(t.articles.c.id, snippet).where(t.articles.c.id.in_([r.id for r in rows]))).all())
    items = [summary(r, snippet=snips.get(r.id) or None, score=float(r.score) if r.score is not None else None)
             for r in rows[:limit]]
    return items, len(rows) > limit


def search_statements(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[SearchHit], bool]:
    """Return a page of matching current statements."""
    sel = (sa.select(t.statements, *evidence_columns(), t.actors.c.name.label("speaker_name"))
           .select_from(t.statements)
           .join(t.articles, t.articles.c.id == t.statements.c.article_id)
           .outerjoin(t.actors, t.actors.c.id == t.statements.c.speaker_id))
    sel, score, tsq = _apply(sel, conn, "statements_fts", t.statements, t.statements.c.id, terms)
    sel = sel.where(t.statements.c.superseded == live, *_date_filters(t.articles.c.published, f))
    if f.actor_id is not None:
        sel = sel.where(t.statements.c.speaker_id == f.actor_id)
    if f.direct is not None:
        sel = sel.where(t.statements.c.direct == f.direct)
    if (src := source_filter(f.source)) is not None:
        sel = sel.where(src)
    order = [score.desc()] if terms else [t.articles.c.published.desc().nulls_last()]
    rows = conn.execute(sel.add_columns(score.label("score")).order_by(*order, t.statements.c.id.desc())
                        .offset(offset).limit(limit + 1)).all()
    hits = [SearchHit(kind="statement", id=r.id, text=r.content, score=float(r.score) if r.score is not None else None,
                      speaker=r.speaker_name, speaker_id=r.speaker_id, cue=r.cue, direct=r.direct,
                      date=r.a_published[:10] if r.a_published else None,
                      actors=[r.speaker_name] if r.speaker_name else [], evidence=evidence(r, r.content))
            for r in rows[:limit]]
    return hits, len(rows) > limit


def search_events(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[SearchHit], bool]:
    """Return a page of matching event reports (each an article's telling of a corpus event)."""
    sel = (sa.select(t.event_evidence, *evidence_columns(), t.events.c.date.label("ev_date"))
           .select_from(t.event_evidence)
           .join(t.events, t.events.c.id == t.event_evidence.c.event_id)
           .join(t.articles, t.articles.c.id == t.event_evidence.c.article_id))
    sel, score, tsq = _apply(sel, conn, "events_fts", t.event_evidence, t.event_evidence.c.id, terms)
    day = sa.func.coalesce(t.events.c.date, t.events.c.date_lo, t.articles.c.published)
    sel = sel.where(t.event_evidence.c.superseded == live, *_date_filters(day, f))
    if f.actor_id is not None:
        sel = sel.where(t.event_evidence.c.event_id.in_(
            sa.select(t.event_actors.c.event_id).where(t.event_actors.c.actor_id == f.actor_id)))
    if f.type:
        sel = sel.where(t.event_evidence.c.type == f.type)
    if (src := source_filter(f.source)) is not None:
        sel = sel.where(src)
    order = [score.desc()] if terms else [day.desc().nulls_last()]
    rows = conn.execute(sel.add_columns(score.label("score")).order_by(*order, t.event_evidence.c.id.desc())
                        .offset(offset).limit(limit + 1)).all()
    names: dict[int, list[str]] = {}
    ids = [r.id for r in rows[:limit]]
    if ids:
        for r in conn.execute(sa.select(t.event_actors.c.evidence_id, t.actors.c.name)
                              .join(t.actors, t.actors.c.id == t.event_actors.c.actor_id)
                              .where(t.event_actors.c.evidence_id.in_(ids)).order_by(t.event_actors.c.ord)):
            names.setdefault(r.evidence_id, []).append(r.name)
    hits = [SearchHit(kind="event", id=r.event_id, text=r.text, score=float(r.score) if r.score is not None else None,
                      event_type=r.type, date=r.ev_date or r.date or (r.a_published[:10] if r.a_published else None),
                      actors=list(dict.fromkeys(names.get(r.id, []))), evidence=evidence(r, r.text))
            for r in rows[:limit]]
    return hits, len(rows) > limit
