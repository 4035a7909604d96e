"""Streaming exports: JSON Lines of analyses, CSV of facts, GDELT-like event rows.

Rows are read in keyset-paginated chunks (short transactions, bounded memory),
so an export has no row cap and does not hold a long read lock.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsgraph.store import schema as t
from newsgraph.store.read import get_analysis, live

CHUNK = 500

#: One schema for every fact CSV (the corpus export, search downloads, an article's CSV).
FACT_HEADER = ["article_id", "title", "url", "site", "published", "kind", "fact_id", "event_id", "actor_ids", "actors",
               "roles", "type", "mode", "date", "date_precision", "date_text", "place", "cue", "trigger", "direct",
               "text", "start", "end"]
ARTICLE_HEADER = ["article_id", "title", "url", "site", "published", "published_precision", "byline", "language",
                  "duplicate_of"]
EVENT_HEADER = ["event_id", "date", "date_precision", "source_actor", "source_country", "target_actor",
                "target_country", "type", "mode", "place", "articles", "independent_sources", "source_urls"]


#: A cell starting with one of these is run as a formula by spreadsheet programs;
#: article text is untrusted, so such cells are prefixed with an apostrophe (OWASP's advice).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """Return a value safe to put in a CSV cell: None as empty, formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_line(values: list[object]) -> str:
    """Return one CSV line (with its newline) for these values, each through ``csv_cell``."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([csv_cell(v) for v in values])
    return buffer.getvalue()


def _keyed(engine: Engine, keys: Callable[[Connection], list[int]]) -> Iterator[tuple[Connection, list[int]]]:
    """Yield (connection, chunk of keys): the keys read once, each chunk's rows in a short transaction."""
    with engine.connect() as conn:
        wanted = keys(conn)
    for i in range(0, len(wanted), CHUNK):
        with engine.connect() as conn:
            yield conn, wanted[i : i + CHUNK]


def _chunks(engine: Engine, query: Callable[[Connection, int], list[sa.Row]], key: str) -> Iterator[tuple[Connection, list[sa.Row]]]:
    last = -1
    while True:
        with engine.connect() as conn:
            rows = query(conn, last)
            if not rows:
                return
            yield conn, rows
        last = getattr(rows[-1], key)


def export_jsonl(engine: Engine, keys: Callable[[Connection], list[int]] | None = None) -> Iterator[str]:
    """Yield one Analysis (JSON) per stored article (those of ``keys``, article pks, when given), in storage order."""
    def page(conn: Connection, last: int) -> list[sa.Row]:
        return conn.execute(sa.select(t.articles.c.pk, t.articles.c.id).where(t.articles.c.pk > last)
                            .order_by(t.articles.c.pk).limit(CHUNK)).all()

    if keys is None:
        for conn, rows in _chunks(engine, page, "pk"):
            for row in rows:
                yield get_analysis(conn, row.id).model_dump_json() + "\n"
        return
    for conn, chunk in _keyed(engine, keys):
        ids = {r.pk: r.id for r in conn.execute(sa.select(t.articles.c.pk, t.articles.c.id).where(t.articles.c.pk.in_(chunk)))}
        for pk in chunk:
            yield get_analysis(conn, ids[pk]).model_dump_json() + "\n"


def export_csv(engine: Engine) -> Iterator[str]:
    """Yield a header, then one row per current statement, event report and framing flag (FACT_HEADER)."""
    from newsgraph.store.facts import export_facts  # facts imports this module's CSV helpers

    return export_facts(engine)
def export_events(engine: Engine, keys: Callable[[Connection], list[int]] | None = None) -> Iterator[str]:
    """Yield a header, then one GDELT-like row per corpus event that has current evidence (those of ``keys``)."""
    yield csv_line(EVENT_HEADER)

    def page(conn: Connection, last: int) -> list[sa.Row]:
        return conn.execute(sa.select(t.events).where(t.events.c.id > last).order_by(t.events.c.id).limit(CHUNK)).all()

    def chunks() -> Iterator[tuple[Connection, list[sa.Row]]]:
        if keys is None:
            yield from _chunks(engine, page, "id")
            return
        for conn, chunk in _keyed(engine, keys):
            yield conn, conn.execute(sa.select(t.events).where(t.events.c.id.in_(chunk)).order_by(t.events.c.id)).all()

    for conn, rows in chunks():
        ids = [r.id for r in rows]
        reports: dict[int, list[sa.Row]] = {}
        for r in conn.execute(
            sa.select(t.event_evidence.c.event_id, t.event_evidence.c.article_id, t.event_evidence.c.place_id,
                      t.articles.c.url, t.articles.c.source, t.articles.c.dup_of)
            .join(t.articles, t.articles.c.id == t.event_evidence.c.article_id)
            .where(t.event_evidence.c.event_id.in_(ids), t.event_evidence.c.superseded == live)
            .order_by(t.articles.c.published, t.event_evidence.c.id)
        ):
            reports.setdefault(r.event_id, []).append(r)
        roles: dict[int, dict[str, list[int]]] = {}
        for r in conn.execute(sa.select(t.event_actors).where(t.event_actors.c.event_id.in_(ids)).order_by(t.event_actors.c.id)):
            bucket = roles.setdefault(r.event_id, {})
            if r.actor_id not in bucket.setdefault(r.role, []):
                bucket[r.role].append(r.actor_id)
        actor_ids = {a for b in roles.values() for ids_ in b.values() for a in ids_}
        actor_ids |= {r.place_id for rs in reports.values() for r in rs if r.place_id}
        info = {r.id: r for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_(actor_ids)))} if actor_ids else {}
        for ev in rows:
            if ev.id not in reports:
                continue
            bucket = roles.get(ev.id, {})
            participants = bucket.get("participant", [])
            source = (bucket.get("source") or participants[:1] or [None])[0]
            target = (bucket.get("target") or [p for p in participants if p != source][:1] or [None])[0]
            place = next((r.place_id for r in reports[ev.id] if r.place_id), None)

            def name(i: int | None) -> str | None:
                return info[i].name if i in info else None

            def country(i: int | None) -> str | None:
                return info[i].country if i in info else None

            urls = list(dict.fromkeys(r.url or r.source for r in reports[ev.id]))
            yield csv_line([
                ev.id, ev.date or (ev.date_lo if ev.date_lo == ev.date_hi else None), ev.date_precision,
                name(source), country(source), name(target), country(target), ev.type, ev.mode, name(place),
                len({r.article_id for r in reports[ev.id]}), len({r.dup_of or r.article_id for r in reports[ev.id]}),
                " ".join(urls),
            ])
