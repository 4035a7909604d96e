"""Writing one analysis: the article (versioned), its raw document, and all its facts.

Every function here runs inside the caller's write transaction; ``Store.save``
wraps one article in one transaction, ``Store.save_many`` a batch with one
savepoint per article.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from itertools import islice

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.errors import StoreError
from newsgraph.model import Analysis, Article, RawDocument
from newsgraph.store import schema as t
from newsgraph.store.records import SaveResult
from newsgraph.store.merge import refresh_actors
from newsgraph.store.duplicates import group_duplicates, text_hash
from newsgraph.store.resolve import resolve_actors, resolve_event
from newsgraph.store.util import iso, now_iso

FACT_TABLES = (t.article_actors, t.mentions, t.statements, t.event_evidence, t.date_mentions, t.framing)
#: Fact rows per INSERT: a long article's facts are written in batches, never built as one list of every row.
FACT_BATCH = 1_000


def validate(analysis: Analysis) -> None:
    """Raise StoreError (naming the article's source) if a fact does not cite its text or names no actor."""
    art = analysis.article
    body = art.body

    def cite(what: str, text: str | None, start: int | None, end: int | None) -> None:
        if start is None and end is None:
            return
        if start is None or end is None or not 0 <= start <= end <= len(body) or body[start:end] != text:
            raise StoreError(f"{what} at {start}:{end} does not cite {str(text)[:60]!r} in the body", source=art.source)

    ids = [a.id for a in analysis.actors]
    if len(set(ids)) != len(ids):
        raise StoreError("two actors share one id", source=art.source)
    known = set(ids)

    def ref(what: str, actor_id: str | None) -> None:
        if actor_id is not None and actor_id not in known:
            raise StoreError(f"{what} names unknown actor {actor_id!r}", source=art.source)

    for actor in analysis.actors:
        for m in actor.mentions:
            cite(f"mention of {actor.name!r}", m.text, m.start, m.end)
        for aff in actor.affiliations:
            ref(f"affiliation of {actor.name!r}", aff)
    for st in analysis.statements:
        cite("statement", st.content, st.start, st.end)
        if st.speaker_text is not None:
            cite("statement speaker", st.speaker_text, st.speaker_start, st.speaker_end)
        if st.cue is not None:
            cite("statement cue", st.cue, st.cue_start, st.cue_end)
        ref("statement speaker", st.speaker)
        ref("statement addressee", st.addressee)
    for ev in analysis.events:
        cite(f"{ev.type} event", ev.text, ev.start, ev.end)
        for span in ev.evidence:
            cite(f"{ev.type} event evidence", span.text, span.start, span.end)
        for role in ev.actors:
            ref(f"{ev.type} event", role.actor)
        ref(f"{ev.type} event place", ev.place)
    for d in analysis.dates:
        cite("date", d.text, d.start, d.end)
    for f in analysis.framing:
        cite("framing", f.text, f.start, f.end)


def _article_values(analysis: Analysis) -> dict[str, object]:
    art = analysis.article
    return {
        "source": art.source, "url": art.url, "site": art.site, "title": art.title,
        "published": art.published, "published_precision": art.published_precision, "byline": art.byline,
        "language": art.language, "body": art.body,
        "related": [r.model_dump(mode="json") for r in art.related],
        "furniture": [f.model_dump(mode="json") for f in art.furniture],
        "fetched_at": iso(art.fetched_at), "extractor": art.extractor, "low_confidence": art.low_confidence,
        "warnings": list(art.warnings), "analysed": analysis.analysed, "notes": list(analysis.notes),
        "model": analysis.model, "text_hash": text_hash(art.body), "updated_at": now_iso(),
    }


def save_analysis(conn: Connection, analysis: Analysis, raw: RawDocument | None) -> SaveResult:
    """Write one analysis in the open transaction; return what was done."""
    validate(analysis)
    art = analysis.article
    values = _article_values(analysis)
    row = conn.execute(sa.select(t.articles).where(t.articles.c.id == art.id)).first()
    if row is None:
        # the same text already stored under another id (another source): one article, remembered as a copy
        same = conn.execute(
            sa.select(t.articles.c.id, t.articles.c.version)
            .where(t.articles.c.text_hash == values["text_hash"])
            .order_by(t.articles.c.pk)
            .limit(1)
        ).first()
        # an id seen before as a copy whose text has since changed becomes an article of its own
        conn.execute(t.article_aliases.delete().where(t.article_aliases.c.alias_id == art.id))
        if same is not None:
            conn.execute(t.article_aliases.insert().values(alias_id=art.id, article_id=same.id))
            return SaveResult(article_id=same.id, status="unchanged", version=same.version)
        version, status = 1, "new"
        conn.execute(t.articles.insert(), {"id": art.id, "version": version, "stored_at": now_iso(), **values})
    else:
        if row.text_hash == values["text_hash"] and row.title == art.title:
            return SaveResult(article_id=art.id, status="unchanged", version=row.version)
        version, status = row.version + 1, "updated"
        conn.execute(
            t.article_versions.insert().values(
                article_id=art.id, version=row.version, record=_row_article(row).model_dump(mode="json"),
                superseded_at=now_iso(),
            )
        )
        for table in FACT_TABLES:
            conn.execute(
                table.update()
                .where(table.c.article_id == art.id, table.c.version == row.version)
                .values(superseded=True)
            )
        conn.execute(t.articles.update().where(t.articles.c.id == art.id).values(version=version, **values))
    _write_facts(conn, analysis, version)
    if raw is not None:
        _write_raw(conn, art.id, version, raw)
    group_duplicates(conn, art.id, art.body)
    return SaveResult(article_id=art.id, status=status, version=version)


def _row_article(row: sa.Row) -> Article:
    """Return the Article record held in an ``articles`` row."""
    from newsgraph.store.read import article_from_row  # read imports write's tables only; no cycle at import

    return article_from_row(row)


def _write_facts(conn: Connection, analysis: Analysis, version: int) -> None:
    art = analysis.article
    base = {"article_id": art.id, "version": version, "superseded": False}
    known: set[int] = set()  # corpus actors seen before this article: their voted names may change
    local_to_corpus = resolve_actors(conn, analysis.actors, known)
    link_ids = _insert_returning_ids(conn, t.article_actors, (
        {**base, "ord": i, "local_id": a.id, "actor_id": local_to_corpus[a.id], "name": a.name, "type": a.type,
         "wikidata": a.wikidata, "kb_id": a.kb_id, "country": a.country, "titles": list(a.titles),
         "aliases": list(a.aliases), "affiliations": list(a.affiliations)}
        for i, a in enumerate(analysis.actors)
    ))
    _insert(conn, t.mentions, (
        {**base, "ord": j, "article_actor_id": link_id, "actor_id": local_to_corpus[a.id], "text": m.text,
         "start": m.start, "end": m.end, "kind": m.kind}
        for a, link_id in zip(analysis.actors, link_ids)
        for j, m in enumerate(a.mentions)
    ))
    refresh_actors(conn, known)

    def corpus(local: str | None) -> int | None:
        return local_to_corpus[local] if local is not None else None

    _insert(conn, t.statements, (
        {**base, "ord": i, "speaker_local": s.speaker, "speaker_id": corpus(s.speaker),
         "speaker_text": s.speaker_text, "speaker_start": s.speaker_start, "speaker_end": s.speaker_end,
         "cue": s.cue, "cue_start": s.cue_start, "cue_end": s.cue_end, "content": s.content,
         "start": s.start, "end": s.end, "direct": s.direct, "addressee_local": s.addressee,
         "addressee_id": corpus(s.addressee), "said_date": s.date, "said_precision": s.date_precision,
         "said_source": s.date_source, "event_ord": s.event}
        for i, s in enumerate(analysis.statements)
    ))
    told_here: set[int] = set()  # two events of one article are two events
    event_ids = []
    for ev in analysis.events:
        roles = [(local_to_corpus[r.actor], r.role) for r in ev.actors]
        event_ids.append(resolve_event(conn, ev, roles, art.published, told_here))
        told_here.add(event_ids[-1])
    evidence_ids = _insert_returning_ids(conn, t.event_evidence, (
        {**base, "ord": i, "event_id": event_id, "type": ev.type, "mode": ev.mode, "date": ev.date,
         "date_precision": ev.date_precision, "date_text": ev.date_text, "place_local": ev.place,
         "place_id": corpus(ev.place), "trigger": ev.trigger, "confidence": ev.confidence, "text": ev.text, "start": ev.start, "end": ev.end,
         "spans": [sp.model_dump(mode="json") for sp in ev.evidence]}
        for i, (ev, event_id) in enumerate(zip(analysis.events, event_ids))
    ))
    _insert(conn, t.event_actors, (
        {"evidence_id": evidence_id, "event_id": event_id, "actor_id": local_to_corpus[r.actor], "local_id": r.actor,
         "role": r.role, "ord": j}
        for ev, event_id, evidence_id in zip(analysis.events, event_ids, evidence_ids)
        for j, r in enumerate(ev.actors)
    ))
    _insert(conn, t.date_mentions, (
        {**base, "ord": i, "text": d.text, "start": d.start, "end": d.end, "value": d.value,
         "precision": d.precision} for i, d in enumerate(analysis.dates)))
    _insert(conn, t.framing, (
        {**base, "ord": i, "text": f.text, "start": f.start, "end": f.end, "category": f.category,
         "note": f.note} for i, f in enumerate(analysis.framing)))


def _batches(rows: Iterable[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    rows = iter(rows)
    while batch := list(islice(rows, FACT_BATCH)):
        yield batch


def _insert(conn: Connection, table: sa.Table, rows: Iterable[dict[str, object]]) -> None:
    """Insert rows, ``FACT_BATCH`` per statement."""
    for batch in _batches(rows):
        conn.execute(table.insert(), batch)


def _insert_returning_ids(conn: Connection, table: sa.Table, rows: Iterable[dict[str, object]]) -> list[int]:
    """Insert rows, ``FACT_BATCH`` per statement; return their new ids in the rows' order."""
    ids: list[int] = []
    for batch in _batches(rows):
        result = conn.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), batch)
        ids.extend(r[0] for r in result)
    return ids


def _write_raw(conn: Connection, article_id: str, version: int, raw: RawDocument) -> None:
    conn.execute(t.raw_documents.insert(), {
        "article_id": article_id, "version": version, "source": raw.source, "url": raw.url,
        "content_type": raw.content_type, "fetched_at": iso(raw.fetched_at), "hints": dict(raw.hints),
        "size": len(raw.content), "content": zlib.compress(raw.content, 6),
    })
