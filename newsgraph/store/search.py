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
        raise QueryError(f"'{what}' must be a date like 2023-06-21 (or 2023-06, 2023), got {str(value)[:40]!r}") from err


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


SORTS = ("relevance", "date", "oldest")


@dataclass
class Filters:
    actor_id: int | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    direct: bool | None = None
    cue: str | None = None  # statements: the cue word(s), any case
    sites: tuple[str, ...] | None = None  # an outlet collection: articles whose site is one of these (any case)
    sort: str | None = None  # one of SORTS; None: relevance with words, else newest first
    article: str | None = None  # one article's facts (its stored id)


@dataclass
class Selection:
    """A kind's filtered query before order and limit: its key column, score and date column."""

    sel: sa.Select
    key: sa.ColumnElement
    score: sa.ColumnElement
    tsq: object
    day: sa.ColumnElement  # the date the since/until filters, the month facet and date sorting use

    def ordered(self, terms: list[Term], sort: str | None) -> sa.Select:
        """Return the query in the asked order (ties broken by the key, newest first)."""
        sort = sort or ("relevance" if terms else "date")
        if sort == "relevance" and terms:
            order = [self.score.desc()]
        elif sort == "oldest":
            order = [self.day.asc().nulls_last()]
        else:
            order = [self.day.desc().nulls_last()]
        return self.sel.order_by(*order, self.key.desc() if sort != "oldest" else self.key.asc())


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


def _outlet_filters(f: Filters) -> list:
    out = []
    if (src := source_filter(f.source)) is not None:
        out.append(src)
    if f.sites is not None:
        out.append(sa.func.lower(t.articles.c.site).in_([s.casefold() for s in f.sites] or [""]))
    if f.article is not None:
        out.append(t.articles.c.id == f.article)
    return out


def _apply(sel: sa.Select, conn: Connection, fts: str, table: sa.Table, rowid: sa.Column, terms: list[Term]):  # type: ignore[no-untyped-def]
    if not terms:
        return sel, sa.null(), None
    join, where, score, tsq = _match(conn, fts, table, rowid, terms)
    if join is not None:
        sel = sel.join(join[0], join[1])
    return sel.where(where), score, tsq


def select_articles(conn: Connection, terms: list[Term], f: Filters, *columns: sa.ColumnElement) -> Selection:
    """Return the articles matching the words and filters (only ``columns`` selected)."""
    sel = sa.select(*columns).select_from(t.articles)
    sel, score, tsq = _apply(sel, conn, "articles_fts", t.articles, t.articles.c.pk, terms)
    if f.actor_id is not None:
        sel = sel.where(t.articles.c.id.in_(sa.select(t.article_actors.c.article_id).where(
            t.article_actors.c.actor_id == f.actor_id, t.article_actors.c.superseded == live)))
    if f.type:
        sel = sel.where(t.articles.c.id.in_(sa.select(t.event_evidence.c.article_id).where(
            t.event_evidence.c.type == f.type, t.event_evidence.c.superseded == live)))
    sel = sel.where(*_date_filters(t.articles.c.published, f), *_outlet_filters(f))
    return Selection(sel, t.articles.c.pk, score, tsq, t.articles.c.published)


def select_statements(conn: Connection, terms: list[Term], f: Filters, *columns: sa.ColumnElement) -> Selection:
    """Return the current statements matching the words and filters (only ``columns`` selected)."""
    sel = sa.select(*columns).select_from(t.statements).join(t.articles, t.articles.c.id == t.statements.c.article_id)
    sel, score, tsq = _apply(sel, conn, "statements_fts", t.statements, t.statements.c.id, terms)
    sel = sel.where(t.statements.c.superseded == live, *_date_filters(t.articles.c.published, f), *_outlet_filters(f))
    if f.actor_id is not None:
        sel = sel.where(t.statements.c.speaker_id == f.actor_id)
    if f.direct is not None:
        sel = sel.where(t.statements.c.direct == f.direct)
    if f.cue:
        sel = sel.where(sa.func.lower(t.statements.c.cue) == f.cue.casefold())
    return Selection(sel, t.statements.c.id, score, tsq, t.articles.c.published)


def event_day() -> sa.ColumnElement:
    """Return an event report's day: the corpus event's date, else the start of its span, else publication."""
    return sa.func.coalesce(t.events.c.date, t.events.c.date_lo, t.articles.c.published)


def select_events(conn: Connection, terms: list[Term], f: Filters, *columns: sa.ColumnElement) -> Selection:
    """Return the current event reports matching the words and filters (only ``columns`` selected)."""
    sel = (sa.select(*columns).select_from(t.event_evidence)
           .join(t.events, t.events.c.id == t.event_evidence.c.event_id)
           .join(t.articles, t.articles.c.id == t.event_evidence.c.article_id))
    sel, score, tsq = _apply(sel, conn, "events_fts", t.event_evidence, t.event_evidence.c.id, terms)
    day = event_day()
    sel = sel.where(t.event_evidence.c.superseded == live, *_date_filters(day, f), *_outlet_filters(f))
    if f.actor_id is not None:
        sel = sel.where(t.event_evidence.c.event_id.in_(
            sa.select(t.event_actors.c.event_id).where(t.event_actors.c.actor_id == f.actor_id)))
    if f.type:
        sel = sel.where(t.event_evidence.c.type == f.type)
    return Selection(sel, t.event_evidence.c.id, score, tsq, day)


SELECTORS = {"articles": select_articles, "statements": select_statements, "events": select_events}


def search_articles(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[ArticleSummary], bool]:
    """Return a page of matching articles (best first, or as ``f.sort`` asks; by date with no words)."""
    s = select_articles(conn, terms, f, *SUMMARY_COLUMNS, t.articles.c.pk)
    snippet = _snippet(conn, "articles_fts", 1, t.articles.c.body, s.tsq) if terms else sa.null()
    snip_col = snippet if terms and conn.dialect.name == "sqlite" else sa.null()
    s.sel = s.sel.add_columns(s.score.label("score"), snip_col.label("snip"))
    rows = conn.execute(s.ordered(terms, f.sort).offset(offset).limit(limit + 1)).all()
    snips = {r.id: r.snip for r in rows}
    if terms and conn.dialect.name == "postgresql" and rows:  # headlines for the page only (they are costly)
        snips = dict(conn.execute(sa.select(t.articles.c.id, snippet).where(t.articles.c.id.in_([r.id for r in rows]))).all())
    items = [summary(r, snippet=snips.get(r.id) or None, score=float(r.score) if r.score is not None else None)
             for r in rows[:limit]]
    return items, len(rows) > limit


def search_statements(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[SearchHit], bool]:
    """Return a page of matching current statements."""
    s = select_statements(conn, terms, f, t.statements, *evidence_columns(), t.actors.c.name.label("speaker_name"),
                          t.articles.c.published_precision.label("a_precision"))
    s.sel = s.sel.outerjoin(t.actors, t.actors.c.id == t.statements.c.speaker_id).add_columns(s.score.label("score"))
    rows = conn.execute(s.ordered(terms, f.sort).offset(offset).limit(limit + 1)).all()
    hits = [SearchHit(kind="statement", id=r.id, text=r.content, score=float(r.score) if r.score is not None else None,
                      speaker=r.speaker_name, speaker_id=r.speaker_id, cue=r.cue, direct=r.direct,
                      date=r.said_date or (r.a_published[:10] if r.a_published else None),
                      date_precision=r.said_precision if r.said_date else (r.a_precision if r.a_published else None),
                      actors=[r.speaker_name] if r.speaker_name else [], evidence=evidence(r, r.content))
            for r in rows[:limit]]
    return hits, len(rows) > limit


def _span(r: sa.Row) -> str | None:
    """Return the days an undated event can be on ("between 2019-11-13 and 2019-11-20"), as the date filter
    and the chart place it by the first of them; None for a dated one."""
    if r.ev_date or r.date or not r.ev_lo:
        return None
    return r.ev_lo if r.ev_lo == r.ev_hi or not r.ev_hi else f"between {r.ev_lo} and {r.ev_hi}"


def search_events(conn: Connection, terms: list[Term], f: Filters, limit: int, offset: int) -> tuple[list[SearchHit], bool]:
    """Return a page of matching event reports (each an article's telling of a corpus event)."""
    s = select_events(conn, terms, f, t.event_evidence, *evidence_columns(), t.events.c.date.label("ev_date"),
                      t.events.c.date_precision.label("ev_precision"), t.events.c.date_lo.label("ev_lo"),
                      t.events.c.date_hi.label("ev_hi"))
    s.sel = s.sel.add_columns(s.score.label("score"))
    rows = conn.execute(s.ordered(terms, f.sort).offset(offset).limit(limit + 1)).all()
    names: dict[int, list[str]] = {}
    ids = [r.id for r in rows[:limit]]
    if ids:
        for r in conn.execute(sa.select(t.event_actors.c.evidence_id, t.actors.c.name)
                              .join(t.actors, t.actors.c.id == t.event_actors.c.actor_id)
                              .where(t.event_actors.c.evidence_id.in_(ids)).order_by(t.event_actors.c.ord)):
            names.setdefault(r.evidence_id, []).append(r.name)
    hits = [SearchHit(kind="event", id=r.event_id, text=r.text, score=float(r.score) if r.score is not None else None,
                      event_type=r.type, date=r.ev_date or r.date,
                      date_precision=r.ev_precision if r.ev_date else r.date_precision,
                      date_text=r.date_text if r.date and r.date == (r.ev_date or r.date) else _span(r),
                      actors=list(dict.fromkeys(names.get(r.id, []))), evidence=evidence(r, r.text))
            for r in rows[:limit]]
    return hits, len(rows) > limit
