"""Finding actors: stable keys (KB id or name slug), look-up by any name, alias or title, "did you mean",
the filtered and sorted actors list, and the few columns the network page needs per node."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.errors import NotFoundError
from newsgraph.model import CorpusActor
from newsgraph.store import schema as t
from newsgraph.store.corpus import actor_stats, corpus_actors, find_actor, get_actor
from newsgraph.store.names import normalise_name
from newsgraph.store.read import live
from newsgraph.store.util import shown

#: Sort orders of the actors list: column -> SQL ordering (ties by id, so pages are stable).
SORTS = ("mentions", "articles", "name", "type")
#: How many "did you mean" suggestions a failed look-up offers.
SUGGESTIONS = 5


def actor_key(kb_id: str | None, name: str, kind: str | None = None) -> str:
    """Return an actor's stable URL key: its knowledge-base id ("ali-khamenei"), else its name folded to a slug
    and, when known, its type ("gaza-strip~loc"): the store keeps one actor per name and type without a KB id."""
    slug = normalise_name(name).replace(" ", "-") or "actor"
    return kb_id or (f"{slug}~{kind.lower()}" if kind else slug)


def resolve_key(conn: Connection, key: str) -> int:
    """Return the id of the actor a URL key names: an integer id, a KB id, a Wikidata id or a name slug."""
    key = key.strip()
    if key.isdigit() and len(key) < 19:
        return get_actor(conn, int(key)).id
    for column in (t.actors.c.kb_id, t.actors.c.wikidata):
        found = conn.execute(sa.select(t.actors.c.id).where(column == key)).scalar()
        if found is not None:
            return found
    slug, _, kind = key.partition("~")
    norm = normalise_name(slug.replace("-", " "))
    if norm:
        where = [t.actor_names.c.norm == norm] + ([t.actors.c.type == kind.upper()] if kind else [])
        rows = conn.execute(
            sa.select(t.actors.c.id, t.actors.c.name).join(t.actor_names, t.actor_names.c.actor_id == t.actors.c.id)
            .where(*where).distinct().limit(200)
        ).all()
        own = [r.id for r in rows if normalise_name(r.name) == norm] or [r.id for r in rows]
        if own:
            return _most_mentioned(conn, own)
    raise NotFoundError(f"no actor {shown(key)}")


def _most_mentioned(conn: Connection, ids: list[int]) -> int:
    stats = actor_stats(conn, ids)
    best = conn.execute(sa.select(stats.c.actor_id).order_by(stats.c.mentions.desc(), stats.c.actor_id).limit(1)).scalar()
    return best if best is not None else min(ids)


def lookup(conn: Connection, name: str) -> CorpusActor:
    """Return the actor a name, alias, title or "title + name" form names; NotFoundError with suggestions else."""
    try:
        return find_actor(conn, name)
    except NotFoundError:
        pass
    norm = normalise_name(name)
    found = _by_title(conn, norm) if norm else None
    if found is not None:
        return get_actor(conn, found)
    hints = [a.name for a in suggest(conn, name)]
    hint = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
    raise NotFoundError(f"no actor named {shown(name)}{hint}")


def _title_rows(conn: Connection, words: list[str]) -> list[sa.Row]:
    """Return live article actors whose titles (as JSON text) hold all these words, at most 500."""
    text = sa.func.lower(sa.cast(t.article_actors.c.titles, sa.Text))
    where = [text.like(f"%{_like(w)}%", escape="\\") for w in words]
    return conn.execute(
        sa.select(t.article_actors.c.actor_id, t.article_actors.c.titles, t.article_actors.c.name)
        .where(t.article_actors.c.superseded == live, *where).limit(500)
    ).all()


def _by_title(conn: Connection, norm: str) -> int | None:
    """Return the actor titled ``norm`` ("supreme leader"), or named by a title or honorific and a part of its
    name ("imam khamenei", "president raisi"), the most mentioned where several are."""
    words = norm.split()
    exact, titled = [], []
    for r in _title_rows(conn, [max(words, key=len)]):
        if norm in {normalise_name(x) for x in r.titles}:
            exact.append(r.actor_id)
    if exact:
        return _most_mentioned(conn, sorted(set(exact)))
    honorifics = _honorifics()
    for cut in range(1, len(words)):
        head, rest = words[:cut], " ".join(words[cut:])
        titles = _title_rows(conn, head)
        if all(w in honorifics for w in head) or titles:
            try:
                candidate = find_actor(conn, rest)
            except NotFoundError:
                continue
            own = {normalise_name(x) for r in titles if r.actor_id == candidate.id for x in r.titles}
            if all(w in honorifics for w in head) or any(" ".join(head) in x for x in own):
                titled.append(candidate.id)
    return _most_mentioned(conn, sorted(set(titled))) if titled else None


def _honorifics() -> frozenset[str]:
    """Return the words of address before a name ("imam", "ayatollah", "mr"), from the lexicon."""
    from newsgraph.analyze.lexicon import lexicon  # the data file; no spaCy behind it

    return frozenset(w.rstrip(".") for w in lexicon().words("actors/title_words.csv", "honorific"))


def _like(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def suggest(conn: Connection, name: str, limit: int = SUGGESTIONS) -> list[CorpusActor]:
    """Return the actors whose names look most like ``name`` (spelling of the whole name or of one word,
    shared words weigh more), best first."""
    norm = normalise_name(name)
    words = [w for w in norm.split() if len(w) >= 3] or norm.split()
    if not words:
        return []
    like = [t.actor_names.c.norm.like(f"%{_like(w[:3])}%", escape="\\") for w in words]
    rows = conn.execute(sa.select(t.actor_names.c.actor_id, t.actor_names.c.norm).where(sa.or_(*like)).limit(3000)).all()
    score: dict[int, float] = defaultdict(float)
    for r in _title_rows(conn, [max(words, key=len)])[:200]:  # a title counts only as a whole ("supreme leadr")
        for title in r.titles:
            score[r.actor_id] = max(score[r.actor_id], difflib.SequenceMatcher(None, norm, normalise_name(title)).ratio())
    for actor_id, candidate in rows:
        whole = difflib.SequenceMatcher(None, norm, candidate).ratio()
        per_word = max((difflib.SequenceMatcher(None, w, c).ratio() for w in words for c in candidate.split()),
                       default=0.0)
        shared = len(set(norm.split()) & set(candidate.split()))
        score[actor_id] = max(score[actor_id], max(whole, per_word - 0.1) + 0.3 * shared)
    best = sorted((a for a in score if score[a] >= 0.7), key=lambda a: (-score[a], a))[:limit]
    return corpus_actors(conn, best)


def list_actors(conn: Connection, *, query: str | None, kind: str | None, country: str | None, sort: str,
                descending: bool, limit: int, offset: int) -> tuple[list[CorpusActor], bool]:
    """Return a page of actors filtered by name, type and country, in ``sort`` order, and whether more follow."""
    stats = actor_stats(conn)
    order = {"mentions": stats.c.mentions, "articles": stats.c.articles, "name": sa.func.lower(t.actors.c.name),
             "type": t.actors.c.type}[sort if sort in SORTS else "mentions"]
    sel = sa.select(stats.c.actor_id).join(t.actors, t.actors.c.id == stats.c.actor_id).order_by(
        order.desc() if descending else order.asc(), stats.c.actor_id)
    if query and normalise_name(query):
        pattern = f"%{_like(normalise_name(query))}%"
        sel = sel.where(stats.c.actor_id.in_(
            sa.select(t.actor_names.c.actor_id).where(t.actor_names.c.norm.like(pattern, escape="\\"))))
    if kind:
        sel = sel.where(t.actors.c.type == kind.upper())
    if country:
        sel = sel.where(stats.c.actor_id.in_(
            sa.select(t.article_actors.c.actor_id).where(t.article_actors.c.country == country.upper(),
                                                         t.article_actors.c.superseded == live)))
    ids = list(conn.execute(sel.offset(offset).limit(limit + 1)).scalars())
    return corpus_actors(conn, ids[:limit]), len(ids) > limit


def actor_facets(conn: Connection) -> dict[str, list[str]]:
    """Return the actor types and countries present (for the list's filter menus)."""
    types = sorted(conn.execute(sa.select(t.actors.c.type).distinct()).scalars())
    countries = sorted(c for c in conn.execute(
        sa.select(t.article_actors.c.country).where(t.article_actors.c.superseded == live).distinct()).scalars() if c)
    return {"types": types, "countries": countries}


def countries(conn: Connection, ids: list[int]) -> dict[int, str]:
    """Return the country code an actor's current facts give most often, by actor id."""
    out: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i in range(0, len(ids), 500):
        for r in conn.execute(
            sa.select(t.article_actors.c.actor_id, t.article_actors.c.country, sa.func.count().label("n"))
            .where(t.article_actors.c.actor_id.in_(ids[i:i + 500]), t.article_actors.c.superseded == live,
                   t.article_actors.c.country.is_not(None))
            .group_by(t.article_actors.c.actor_id, t.article_actors.c.country)
        ):
            out[r.actor_id][r.country] += r.n
    return {a: max(c, key=lambda k: (c[k], k)) for a, c in out.items()}


def network_nodes(conn: Connection, ids: list[int]) -> dict[int, tuple[str, str, str | None, int]]:
    """Return {actor id: (name, type, kb_id, mentions)} for the network's nodes, in one query per 500."""
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        stats = actor_stats(conn, chunk)
        for r in conn.execute(
            sa.select(t.actors.c.id, t.actors.c.name, t.actors.c.type, t.actors.c.kb_id, stats.c.mentions)
            .outerjoin(stats, stats.c.actor_id == t.actors.c.id).where(t.actors.c.id.in_(chunk))
        ):
            out[r.id] = (r.name, r.type, r.kb_id, r.mentions or 0)
    return out


def event_span(conn: Connection) -> tuple[str | None, str | None]:
    """Return the first and last day any corpus event can fall on (ISO), or Nones for an undated corpus."""
    row = conn.execute(sa.select(sa.func.min(t.events.c.date_lo), sa.func.max(t.events.c.date_hi))).one()
    return row[0], row[1]
