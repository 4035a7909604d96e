"""Reading articles back: the Analysis as saved, summaries, counts, failures, comments."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.errors import NotFoundError
from newsgraph.model import (
    Actor,
    Analysis,
    Article,
    ArticleSummary,
    Comment,
    DateMention,
    Event,
    EventActor,
    Evidence,
    Framing,
    Furniture,
    IngestFailure,
    Mention,
    RelatedLink,
    Span,
    Statement,
)
from newsgraph.store import schema as t
from newsgraph.store.duplicates import text_hash
from newsgraph.store.util import shown
from newsgraph.store.util import parse_iso

live = sa.false()  # superseded == False, spelled once


def canonical_id(conn: Connection, article_id: str) -> str | None:
    """Return the stored id for ``article_id`` (itself, or the article it is a copy of), or None."""
    found = conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id == article_id)).scalar()
    if found is None:
        found = conn.execute(
            sa.select(t.article_aliases.c.article_id).where(t.article_aliases.c.alias_id == article_id)
        ).scalar()
    return found


def known_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Return those of ``ids`` stored as articles or as copies of one."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        found.update(conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id.in_(chunk))).scalars())
        found.update(
            conn.execute(sa.select(t.article_aliases.c.alias_id).where(t.article_aliases.c.alias_id.in_(chunk))).scalars()
        )
    return found


def unchanged_ids(conn: Connection, articles: Iterable[Article]) -> set[str]:
    """Return the ids of those articles already stored with the same text and title (nothing to redo)."""
    wanted = {a.id: a for a in articles}
    found: set[str] = set()
    ids = list(wanted)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = conn.execute(
            sa.select(t.articles.c.id, t.articles.c.text_hash, t.articles.c.title).where(t.articles.c.id.in_(chunk))
        ).all()
        copies = conn.execute(
            sa.select(t.article_aliases.c.alias_id, t.articles.c.text_hash)
            .join(t.articles, t.articles.c.id == t.article_aliases.c.article_id)
            .where(t.article_aliases.c.alias_id.in_(chunk))
        ).all()
        found.update(r.id for r in rows if r.text_hash == text_hash(wanted[r.id].body) and r.title == wanted[r.id].title)
        found.update(r.alias_id for r in copies if r.text_hash == text_hash(wanted[r.alias_id].body))
    return found


def article_from_row(row: sa.Row) -> Article:
    """Return the Article record held in an ``articles`` row."""
    return Article(
        id=row.id, source=row.source, url=row.url, site=row.site, title=row.title, published=row.published,
        published_precision=row.published_precision, byline=row.byline, language=row.language, body=row.body,
        related=[RelatedLink(**r) for r in row.related], furniture=[Furniture(**f) for f in row.furniture],
        fetched_at=parse_iso(row.fetched_at), extractor=row.extractor, low_confidence=row.low_confidence,
        warnings=list(row.warnings),
    )


def _rows(conn: Connection, table: sa.Table, article_id: str, version: int) -> list[sa.Row]:
    return conn.execute(
        sa.select(table).where(table.c.article_id == article_id, table.c.version == version).order_by(table.c.ord)
    ).all()


def get_analysis(conn: Connection, article_id: str) -> Analysis:
    """Return the current version's Analysis exactly as saved; NotFoundError if there is none."""
    stored = canonical_id(conn, article_id)
    row = conn.execute(sa.select(t.articles).where(t.articles.c.id == stored)).first() if stored else None
    if row is None:
        raise NotFoundError(f"no article with id {shown(article_id)}")
    v = row.version
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for m in _rows(conn, t.mentions, row.id, v):
        mentions[m.article_actor_id].append(Mention(text=m.text, start=m.start, end=m.end, kind=m.kind))
    actors = [
        Actor(id=a.local_id, name=a.name, type=a.type, wikidata=a.wikidata, kb_id=a.kb_id, country=a.country,
              titles=list(a.titles), aliases=list(a.aliases), affiliations=list(a.affiliations),
              mentions=mentions[a.id])
        for a in _rows(conn, t.article_actors, row.id, v)
    ]
    statements = [
        Statement(speaker=s.speaker_local, speaker_text=s.speaker_text, speaker_start=s.speaker_start,
                  speaker_end=s.speaker_end, cue=s.cue, cue_start=s.cue_start, cue_end=s.cue_end, content=s.content,
                  start=s.start, end=s.end, direct=s.direct, addressee=s.addressee_local, date=s.said_date,
                  date_precision=s.said_precision, date_source=s.said_source, event=s.event_ord)
        for s in _rows(conn, t.statements, row.id, v)
    ]
    evidence_rows = _rows(conn, t.event_evidence, row.id, v)
    roles: dict[int, list[EventActor]] = defaultdict(list)
    if evidence_rows:
        for r in conn.execute(
            sa.select(t.event_actors)
            .where(t.event_actors.c.evidence_id.in_([e.id for e in evidence_rows]))
            .order_by(t.event_actors.c.evidence_id, t.event_actors.c.ord)
        ):
            roles[r.evidence_id].append(EventActor(actor=r.local_id, role=r.role))
    events = [
        Event(type=e.type, mode=e.mode, actors=roles[e.id], date=e.date, date_precision=e.date_precision,
              date_text=e.date_text, place=e.place_local, trigger=e.trigger, confidence=e.confidence, text=e.text, start=e.start, end=e.end,
              evidence=[Span(**s) for s in e.spans])
        for e in evidence_rows
    ]
    dates = [
        DateMention(text=d.text, start=d.start, end=d.end, value=d.value, precision=d.precision)
        for d in _rows(conn, t.date_mentions, row.id, v)
    ]
    framing = [
        Framing(text=f.text, start=f.start, end=f.end, category=f.category, note=f.note)
        for f in _rows(conn, t.framing, row.id, v)
    ]
    return Analysis(
        article=article_from_row(row), analysed=row.analysed, notes=list(row.notes), actors=actors,
        statements=statements, events=events, dates=dates, framing=framing, model=row.model,
    )


def get_raw(conn: Connection, article_id: str) -> bytes | None:
    """Return the raw bytes saved with the article's current version, or None."""
    stored = canonical_id(conn, article_id)
    if stored is None:
        raise NotFoundError(f"no article with id {shown(article_id)}")
    content = conn.execute(
        sa.select(t.raw_documents.c.content)
        .join(t.articles, sa.and_(t.articles.c.id == t.raw_documents.c.article_id,
                                  t.articles.c.version == t.raw_documents.c.version))
        .where(t.articles.c.id == stored)
    ).scalar()
    return zlib.decompress(content) if content is not None else None


SUMMARY_COLUMNS = (
    t.articles.c.id, t.articles.c.title, t.articles.c.url, t.articles.c.site, t.articles.c.published,
    t.articles.c.byline,
)


def summary(row: sa.Row, *, snippet: str | None = None, score: float | None = None) -> ArticleSummary:
    """Return an ArticleSummary from a row holding SUMMARY_COLUMNS."""
    return ArticleSummary(id=row.id, title=row.title, url=row.url, site=row.site, published=row.published,
                          byline=row.byline, snippet=snippet, score=score)


def summaries(conn: Connection, ids: list[str]) -> dict[str, ArticleSummary]:
    """Return summaries of the articles with these ids, by id."""
    out: dict[str, ArticleSummary] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(sa.select(*SUMMARY_COLUMNS, t.articles.c.body).where(t.articles.c.id.in_(ids[i : i + 500])))
        for row in rows:
            out[row.id] = summary(row, snippet=_lead(row.body))
    return out


def _lead(body: str, size: int = 200) -> str:
    text = " ".join(body[: size * 2].split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + "…"


def evidence_columns() -> tuple:
    """Article columns an Evidence needs (join ``articles`` in the query)."""
    return (t.articles.c.title.label("a_title"), t.articles.c.url.label("a_url"), t.articles.c.site.label("a_site"),
            t.articles.c.published.label("a_published"), t.articles.c.dup_of.label("a_dup_of"))


def evidence(row: sa.Row, text: str) -> Evidence:
    """Return the Evidence of a fact row joined with ``evidence_columns``."""
    return Evidence(article_id=row.article_id, article_title=row.a_title, url=row.a_url, site=row.a_site,
                    published=row.a_published, start=row.start, end=row.end, text=text, duplicate_of=row.a_dup_of)


def recent(conn: Connection, limit: int, before_pk: int | None) -> tuple[list[ArticleSummary], int | None]:
    """Return the newest stored articles (by storage order) and the pk to continue from."""
    query = sa.select(*SUMMARY_COLUMNS, t.articles.c.pk, t.articles.c.body).order_by(t.articles.c.pk.desc())
    if before_pk is not None:
        query = query.where(t.articles.c.pk < before_pk)
    rows = conn.execute(query.limit(limit + 1)).all()
    items = [summary(r, snippet=_lead(r.body)) for r in rows[:limit]]
    return items, (rows[limit - 1].pk if len(rows) > limit else None)


def counts(conn: Connection) -> dict[str, int]:
    """Return the corpus counts (current facts only)."""
    def count(query: sa.Select) -> int:
        return int(conn.execute(query).scalar() or 0)

    return {
        "articles": count(sa.select(sa.func.count()).select_from(t.articles)),
        "actors": count(sa.select(sa.func.count(sa.distinct(t.article_actors.c.actor_id))).where(t.article_actors.c.superseded == live)),
        "statements": count(sa.select(sa.func.count()).select_from(t.statements).where(t.statements.c.superseded == live)),
        "events": count(sa.select(sa.func.count(sa.distinct(t.event_evidence.c.event_id))).where(t.event_evidence.c.superseded == live)),
        "comments": count(sa.select(sa.func.count()).select_from(t.comments).where(t.comments.c.hidden == sa.false())),
        "failures": count(sa.select(sa.func.count()).select_from(t.ingest_failures)),
    }


def failures(conn: Connection, limit: int) -> list[IngestFailure]:
    """Return the newest ingest failures first."""
    rows = conn.execute(sa.select(t.ingest_failures).order_by(t.ingest_failures.c.id.desc()).limit(limit))
    return [IngestFailure(source=r.source, stage=r.stage, error=r.error, error_type=r.error_type, at=parse_iso(r.at))
            for r in rows]


def comment_from_row(row: sa.Row) -> Comment:
    """Return a Comment (never the email)."""
    return Comment(id=row.id, article_id=row.article_id, name=row.name, body=row.body,
                   created_at=parse_iso(row.created_at), hidden=row.hidden)


def comments(conn: Connection, article_id: str, include_hidden: bool) -> list[Comment]:
    """Return an article's comments, oldest first."""
    cols = [c for c in t.comments.c if c.name != "email"]
    query = sa.select(*cols).where(t.comments.c.article_id == article_id).order_by(t.comments.c.id)
    if not include_hidden:
        query = query.where(t.comments.c.hidden == sa.false())
    return [comment_from_row(r) for r in conn.execute(query)]
