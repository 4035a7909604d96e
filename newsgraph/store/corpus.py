"""Corpus-level queries: actors, their timelines, the event network, related articles."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.errors import NotFoundError
from newsgraph.model import ArticleSummary, CorpusActor, Evidence, NetworkEdge, TimelineItem
from newsgraph.store import schema as t
from newsgraph.store.util import shown
from newsgraph.store.read import evidence, evidence_columns, live, summaries
from newsgraph.store.resolve import normalise_name

#: Event types whose two sides are symmetric (who met whom): edges are undirected.
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
#: How much a shared actor of each type makes two articles related (places are weak links).
RELATED_WEIGHT = {"PERSON": 1.0, "ORG": 1.0, "GROUP": 1.0, "GPE": 0.25, "LOC": 0.25, "FAC": 0.25}
RELATED_EVENT_WEIGHT = 3.0


def _like_escape(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def actor_stats(conn: Connection, ids: sa.ColumnElement | list[int] | None = None) -> sa.Subquery:
    """Return a subquery: actor_id, articles, mentions (current facts only), for ``ids`` (a list or a select) or all."""
    art_where = [t.article_actors.c.superseded == live]
    men_where = [t.mentions.c.superseded == live]
    if ids is not None:  # aggregate only what is asked for: the tables grow with the corpus
        art_where.append(t.article_actors.c.actor_id.in_(ids))
        men_where.append(t.mentions.c.actor_id.in_(ids))
    art = (
        sa.select(t.article_actors.c.actor_id, sa.func.count(sa.distinct(t.article_actors.c.article_id)).label("articles"))
        .where(*art_where)
        .group_by(t.article_actors.c.actor_id)
        .subquery()
    )
    men = (
        sa.select(t.mentions.c.actor_id, sa.func.count().label("mentions"))
        .where(*men_where)
        .group_by(t.mentions.c.actor_id)
        .subquery()
    )
    return (
        sa.select(art.c.actor_id, art.c.articles, sa.func.coalesce(men.c.mentions, 0).label("mentions"))
        .outerjoin(men, men.c.actor_id == art.c.actor_id)
        .subquery()
    )


def corpus_actors(conn: Connection, ids: list[int]) -> list[CorpusActor]:
    """Return the corpus actors with these ids, in that order."""
    if not ids:
        return []
    stats = actor_stats(conn, ids)
    rows = {r.id: r for r in conn.execute(
        sa.select(t.actors, stats.c.articles, stats.c.mentions)
        .outerjoin(stats, stats.c.actor_id == t.actors.c.id)
        .where(t.actors.c.id.in_(ids))
    )}
    names: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(sa.select(t.actor_names).where(t.actor_names.c.actor_id.in_(ids)).order_by(t.actor_names.c.id)):
        names[r.actor_id].append(r.name)
    titles: dict[int, list[str]] = defaultdict(list)
    affiliated: dict[int, set[tuple[str, int, str]]] = defaultdict(set)
    links = conn.execute(
        sa.select(t.article_actors.c.actor_id, t.article_actors.c.article_id, t.article_actors.c.version,
                  t.article_actors.c.titles, t.article_actors.c.affiliations)
        .where(t.article_actors.c.actor_id.in_(ids), t.article_actors.c.superseded == live)
    ).all()
    for link in links:
        titles[link.actor_id].extend(x for x in link.titles if x not in titles[link.actor_id])
        affiliated[link.actor_id].update((link.article_id, link.version, a) for a in link.affiliations)
    wanted = {x for s in affiliated.values() for x in s}
    local_name: dict[tuple[str, int, str], str] = {}
    if wanted:
        for r in conn.execute(
            sa.select(t.article_actors.c.article_id, t.article_actors.c.version, t.article_actors.c.local_id,
                      t.actors.c.name)
            .join(t.actors, t.actors.c.id == t.article_actors.c.actor_id)
            .where(t.article_actors.c.article_id.in_({w[0] for w in wanted}), t.article_actors.c.superseded == live)
        ):
            local_name[(r.article_id, r.version, r.local_id)] = r.name
    out = []
    for actor_id in ids:
        r = rows.get(actor_id)
        if r is None:
            continue
        affs = sorted({local_name[k] for k in affiliated[actor_id] if k in local_name} - {r.name})
        out.append(CorpusActor(
            id=r.id, name=r.name, type=r.type, wikidata=r.wikidata, kb_id=r.kb_id,
            aliases=[n for n in dict.fromkeys(names[actor_id]) if n != r.name], titles=titles[actor_id],
            affiliations=affs, article_count=r.articles or 0, mention_count=r.mentions or 0,
        ))
    return out


def get_actor(conn: Connection, actor_id: int) -> CorpusActor:
    """Return one corpus actor; NotFoundError if there is none."""
    found = corpus_actors(conn, [actor_id])
    if not found:
        raise NotFoundError(f"no actor with id {actor_id!r}")
    return found[0]


def find_actor(conn: Connection, name: str) -> CorpusActor:
    """Return the best-known actor with this name or alias (else whose name contains it)."""
    norm = normalise_name(name)
    if not norm:
        raise NotFoundError(f"no actor named {shown(name)}")

    def best(condition: sa.ColumnElement[bool]) -> int | None:
        candidates = sa.select(t.actor_names.c.actor_id).where(condition).distinct().limit(200)
        stats = actor_stats(conn, candidates)
        return conn.execute(
            sa.select(stats.c.actor_id)
            .order_by(stats.c.mentions.desc(), stats.c.articles.desc(), stats.c.actor_id)
            .limit(1)
        ).scalar()

    # a name that identifies its actor first; then one only shown as some article's alias (store/names.py)
    found = best(sa.and_(t.actor_names.c.norm == norm, t.actor_names.c.family.not_like("-%")))
    if found is None:
        found = best(t.actor_names.c.norm == norm)
    if found is None:  # a part of a name: "Haniyeh" for "Ismail Haniyeh"
        pattern = _like_escape(norm)
        found = best(sa.or_(
            t.actor_names.c.norm.like(f"% {pattern}", escape="\\"),
            t.actor_names.c.norm.like(f"{pattern} %", escape="\\"),
            t.actor_names.c.norm.like(f"% {pattern} %", escape="\\"),
        ))
    if found is None and name.strip().isdigit():
        return get_actor(conn, int(name))
    if found is None:
        raise NotFoundError(f"no actor named {shown(name)}")
    return get_actor(conn, found)


def list_actors(conn: Connection, query: str | None, limit: int, offset: int) -> tuple[list[CorpusActor], bool]:
    """Return a page of actors, most mentioned first, and whether there are more."""
    stats = actor_stats(conn)
    sel = sa.select(stats.c.actor_id).order_by(stats.c.mentions.desc(), stats.c.actor_id)
    if query and normalise_name(query):
        pattern = f"%{_like_escape(normalise_name(query))}%"
        sel = sel.where(stats.c.actor_id.in_(
            sa.select(t.actor_names.c.actor_id).where(t.actor_names.c.norm.like(pattern, escape="\\"))
        ))
    ids = list(conn.execute(sel.offset(offset).limit(limit + 1)).scalars())
    return corpus_actors(conn, ids[:limit]), len(ids) > limit


def _event_evidence(conn: Connection, where: list) -> tuple[dict[int, sa.Row], dict[int, list], dict[int, set]]:
    """Return (events by id, their live evidence rows, their (actor_id, role) pairs) for events matching ``where``."""
    rows = conn.execute(
        sa.select(t.event_evidence, *evidence_columns(), t.events.c.date.label("ev_date"),
                  t.events.c.date_precision.label("ev_precision"), t.events.c.date_lo, t.events.c.date_hi)
        .join(t.events, t.events.c.id == t.event_evidence.c.event_id)
        .join(t.articles, t.articles.c.id == t.event_evidence.c.article_id)
        .where(t.event_evidence.c.superseded == live, *where)
        .order_by(t.event_evidence.c.event_id, t.articles.c.published, t.event_evidence.c.id)
    ).all()
    by_event: dict[int, list] = defaultdict(list)
    for r in rows:
        by_event[r.event_id].append(r)
    roles: dict[int, set] = defaultdict(set)
    evidence_ids = [r.id for r in rows]
    for i in range(0, len(evidence_ids), 500):
        for r in conn.execute(sa.select(t.event_actors).where(t.event_actors.c.evidence_id.in_(evidence_ids[i : i + 500]))):
            roles[r.event_id].add((r.actor_id, r.role))
    first = {e: rs[0] for e, rs in by_event.items()}
    return first, by_event, roles


def _names(conn: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(conn.execute(sa.select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(ids))).all())


def _event_date(row: sa.Row) -> str | None:
    if row.ev_date:
        return row.ev_date
    return row.date_lo if row.date_lo and row.date_lo == row.date_hi else None


def timeline(conn: Connection, actor_id: int) -> list[TimelineItem]:
    """Return the actor's statements and events with evidence, oldest first."""
    get_actor(conn, actor_id)
    items: list[TimelineItem] = []
    st_rows = conn.execute(
        sa.select(t.statements, *evidence_columns(), t.articles.c.published_precision)
        .join(t.articles, t.articles.c.id == t.statements.c.article_id)
        .where(t.statements.c.speaker_id == actor_id, t.statements.c.superseded == live)
    ).all()
    names = _names(conn, {r.addressee_id for r in st_rows if r.addressee_id})
    for r in st_rows:
        items.append(TimelineItem(
            kind="statement", date=r.said_date or (r.a_published[:10] if r.a_published else None),
            date_precision=r.said_precision if r.said_date else r.published_precision, summary=r.content, direct=r.direct, cue=r.cue,
            counterparts=[names[r.addressee_id]] if r.addressee_id in names else [],
            evidence=[evidence(r, r.content)],
        ))
    involved = sa.select(t.event_actors.c.event_id).where(t.event_actors.c.actor_id == actor_id)
    first, by_event, roles = _event_evidence(conn, [t.event_evidence.c.event_id.in_(involved)])
    names = _names(conn, {a for pairs in roles.values() for a, _ in pairs})
    for event_id, row in first.items():
        others = sorted({names[a] for a, _ in roles[event_id] if a != actor_id and a in names})
        items.append(TimelineItem(
            kind="event", date=_event_date(row), date_precision=row.ev_precision, event_type=row.type,
            summary=f"{row.type} with {', '.join(others)}" if others else row.type, counterparts=others,
            evidence=[evidence(r, r.text) for r in by_event[event_id]],
        ))
    items.sort(key=lambda i: (i.date or "9999", i.kind))
    return items


def network(
    conn: Connection, actor_id: int | None, since: str | None, until: str | None, types: list[str] | None
) -> list[NetworkEdge]:
    """Return edges between actors who took part in the same corpus events."""
    where = []
    if types:
        where.append(t.events.c.type.in_(types))
    if since:
        where.append(t.events.c.date_hi >= since)
    if until:
        where.append(t.events.c.date_lo <= until)
    if actor_id is not None:
        where.append(t.event_evidence.c.event_id.in_(
            sa.select(t.event_actors.c.event_id).where(t.event_actors.c.actor_id == actor_id)
        ))
    first, by_event, roles = _event_evidence(conn, where)
    edges: dict[tuple[int, int, str], dict] = {}
    for event_id, row in first.items():
        for a, b in _pairs(roles[event_id], row.type in SYMMETRIC_TYPES):
            if actor_id is not None and actor_id not in (a, b):
                continue
            edge = edges.setdefault((a, b, row.type), {"events": set(), "dates": [], "evidence": {}})
            edge["events"].add(event_id)
            if _event_date(row):
                edge["dates"].append(_event_date(row))
            for r in by_event[event_id]:
                edge["evidence"][r.id] = evidence(r, r.text)
    names = _names(conn, {x for a, b, _ in edges for x in (a, b)})
    out = []
    for (a, b, kind), edge in edges.items():
        proofs: list[Evidence] = list(edge["evidence"].values())
        out.append(NetworkEdge(
            source_id=a, source=names.get(a, "?"), target_id=b, target=names.get(b, "?"), event_type=kind,
            count=len(edge["events"]), first_date=min(edge["dates"], default=None),
            last_date=max(edge["dates"], default=None), evidence=proofs,
            sources=len({p.duplicate_of or p.article_id for p in proofs}),
        ))
    out.sort(key=lambda e: (-e.count, e.source, e.target))
    return out


def _pairs(roles: set[tuple[int, str]], symmetric: bool) -> set[tuple[int, int]]:
    """Return the actor pairs an event links: source -> others when a source is named, else all pairs."""
    actors = {a for a, _ in roles}
    sources = {a for a, r in roles if r == "source"}
    if sources and not symmetric:
        pairs = {(s, o) for s in sources for o in actors - {s}}
    else:
        pairs = set(combinations(sorted(actors), 2))
        if sources and symmetric:  # keep the source first where one is named
            pairs = {(b, a) if b in sources and a not in sources else (a, b) for a, b in pairs}
    return pairs


def related(conn: Connection, article_id: str, limit: int) -> list[ArticleSummary]:
    """Return other articles sharing actors (weighted by type) and events, strongest first."""
    mine = conn.execute(
        sa.select(t.article_actors.c.actor_id, t.article_actors.c.type)
        .where(t.article_actors.c.article_id == article_id, t.article_actors.c.superseded == live)
    ).all()
    weights = {r.actor_id: RELATED_WEIGHT.get(r.type, 0.5) for r in mine}
    score: dict[str, float] = defaultdict(float)
    if weights:
        for r in conn.execute(
            sa.select(t.article_actors.c.article_id, t.article_actors.c.actor_id).distinct()
            .where(t.article_actors.c.actor_id.in_(list(weights)), t.article_actors.c.superseded == live,
                   t.article_actors.c.article_id != article_id)
        ):
            score[r.article_id] += weights[r.actor_id]
    my_events = sa.select(t.event_evidence.c.event_id).where(
        t.event_evidence.c.article_id == article_id, t.event_evidence.c.superseded == live
    )
    for r in conn.execute(
        sa.select(t.event_evidence.c.article_id, t.event_evidence.c.event_id).distinct()
        .where(t.event_evidence.c.event_id.in_(my_events), t.event_evidence.c.superseded == live,
               t.event_evidence.c.article_id != article_id)
    ):
        score[r.article_id] += RELATED_EVENT_WEIGHT
    best = sorted(score, key=lambda k: (-score[k], k))[:limit]
    found = summaries(conn, best)
    return [found[k].model_copy(update={"score": score[k]}) for k in best if k in found]
