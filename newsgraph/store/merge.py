"""Keeping corpus resolution independent of the order articles arrive in.

Two rules make the corpus a function of its articles, not of their order:

* **Merging**: when one article's actor is named like two corpus actors (its
  name one, an alias the other), those are one actor: they are merged, so the
  actors are the connected groups of shared names whatever came first (unless
  two different knowledge-base identities would meet, which never merge).
* **Votes**: a corpus actor's shown name, type and country are not those of
  the first article that named it but the ones most of its articles use (ties:
  a name not in capitals, then the fuller, then alphabetical order), recounted
  whenever an article names it.

Events are keyed by type, actors with their roles and an exact date (see
``event_key`` and ``resolve.resolve_event``); an actor merge re-keys the
events it touches and joins those that became the same event.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.store import schema as t

#: Event types whose two sides are interchangeable (who met whom, who fought whom): roles
#: do not tell two such events apart.
SYMMETRIC_KEY_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "FIGHT"})

#: Columns holding a corpus actor id, re-pointed when two actors merge.
_ACTOR_REFS = (
    (t.article_actors, "actor_id"), (t.mentions, "actor_id"), (t.statements, "speaker_id"),
    (t.statements, "addressee_id"), (t.event_evidence, "place_id"), (t.event_actors, "actor_id"),
)


def event_key(event_type: str, roles: list[tuple[int, str]]) -> str:
    """Return the key of an event's actors: "s3|t17" (role initial + corpus id), roles dropped for symmetric types."""
    symmetric = event_type in SYMMETRIC_KEY_TYPES
    return "|".join(sorted({("p" if symmetric else (role or "p")[0]) + str(actor) for actor, role in roles}))


def merge_actors(conn: Connection, kept: int, gone: int) -> None:
    """Merge corpus actor ``gone`` into ``kept``: every reference, name and identity moves; ``gone`` is deleted."""
    if kept == gone:
        return
    rows = {r.id: r._mapping for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_([kept, gone])))}
    moved = {c: rows[gone][c] for c in ("kb_id", "wikidata", "country") if rows[gone][c] and not rows[kept][c]}
    mine = set(conn.execute(sa.select(t.actor_names.c.norm, t.actor_names.c.family)
                            .where(t.actor_names.c.actor_id == kept)).all())
    for r in conn.execute(sa.select(t.actor_names).where(t.actor_names.c.actor_id == gone)).all():
        if (r.norm, r.family) in mine:
            conn.execute(t.actor_names.delete().where(t.actor_names.c.id == r.id))
    conn.execute(t.actor_names.update().where(t.actor_names.c.actor_id == gone).values(actor_id=kept))
    for table, column in _ACTOR_REFS:
        conn.execute(table.update().where(table.c[column] == gone).values({column: kept}))
    conn.execute(t.actors.delete().where(t.actors.c.id == gone))
    if moved:  # after the delete: kb_id and wikidata are unique
        conn.execute(t.actors.update().where(t.actors.c.id == kept).values(**moved))
    rekey_events(conn, kept)


def rekey_events(conn: Connection, actor_id: int) -> None:
    """Recompute the actor key of every event ``actor_id`` takes part in; join events that became one."""
    event_ids = conn.execute(sa.select(t.event_actors.c.event_id).distinct()
                             .where(t.event_actors.c.actor_id == actor_id)).scalars().all()
    for event_id in sorted(event_ids):
        row = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).first()
        if row is None:  # already joined into another
            continue
        roles = conn.execute(sa.select(t.event_actors.c.actor_id, t.event_actors.c.role)
                             .where(t.event_actors.c.event_id == event_id)).all()
        key = event_key(row.type, [(r.actor_id, r.role) for r in roles])
        same = None
        if row.date:
            same = conn.execute(
                sa.select(t.events.c.id).where(
                    t.events.c.type == row.type, t.events.c.actor_key == key, t.events.c.date == row.date,
                    t.events.c.date_precision == row.date_precision, t.events.c.id != event_id)
                .order_by(t.events.c.id).limit(1)).scalar()
        if same is None:
            conn.execute(t.events.update().where(t.events.c.id == event_id).values(actor_key=key))
            continue
        keep, drop = min(same, event_id), max(same, event_id)
        for table in (t.event_evidence, t.event_actors):
            conn.execute(table.update().where(table.c.event_id == drop).values(event_id=keep))
        conn.execute(t.events.delete().where(t.events.c.id == drop))
        conn.execute(t.events.update().where(t.events.c.id == keep).values(actor_key=key))


def _name_rank(name: str, votes: int) -> tuple:
    return (votes, not name.isupper(), len(name.split()), len(name), name)


def refresh_actors(conn: Connection, ids: set[int]) -> None:
    """Set each actor's name, type and country to what most of its (current) articles say."""
    if not ids:
        return
    names: dict[int, Counter] = defaultdict(Counter)
    types: dict[int, Counter] = defaultdict(Counter)
    countries: dict[int, Counter] = defaultdict(Counter)
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        for r in conn.execute(
            sa.select(t.article_actors.c.actor_id, t.article_actors.c.name, t.article_actors.c.type,
                      t.article_actors.c.country, sa.func.count().label("n"))
            .where(t.article_actors.c.actor_id.in_(ordered[i : i + 500]), t.article_actors.c.superseded == sa.false())
            .group_by(t.article_actors.c.actor_id, t.article_actors.c.name, t.article_actors.c.type,
                      t.article_actors.c.country)
        ):
            names[r.actor_id][r.name] += r.n
            types[r.actor_id][r.type] += r.n
            if r.country:
                countries[r.actor_id][r.country] += r.n
    current = {r.id: r for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_(ordered)))}
    for actor_id, votes in names.items():
        row = current.get(actor_id)
        if row is None:
            continue
        values = {
            "name": max(votes, key=lambda n: _name_rank(n, votes[n])),
            "type": max(types[actor_id], key=lambda k: (types[actor_id][k], k)),
        }
        if countries[actor_id]:
            values["country"] = max(countries[actor_id], key=lambda k: (countries[actor_id][k], k))
        if any(row._mapping[k] != v for k, v in values.items()):
            conn.execute(t.actors.update().where(t.actors.c.id == actor_id).values(**values))
