"""Corpus-level resolution: actors across articles, events across reports.

Rules (general, never keyed on particular names):

* An article's actor is the corpus actor with the same knowledge-base id, else
  the same Wikidata id, else one of whose seen names (normalised) equals the
  actor's name or one of its aliases, within the same type family (an outlet's
  ORG is another's GROUP; GPE, LOC and FAC are all places).
  An article actor named like several corpus actors merges them (``merge``),
  and a corpus actor's shown name is the one most of its articles use, so the
  actors do not depend on the order articles arrive in.  A bare surname is not
  matched across articles (see ``_person_variant``).
* An article's event is the corpus event with the same PLOVER type, the same
  corpus actors in the same roles (either side for symmetric types) and the
  same date at the same precision; undated events are never merged.

Near-duplicate texts (syndicated copies) are grouped in ``store/duplicates.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.model import Actor, Event
from newsgraph.store import schema as t
from newsgraph.store.merge import event_key, merge_actors
from newsgraph.store.names import family, linking_names, normalise_name, shown_only
from newsgraph.store.util import insert_ignore, now_iso

# ---------------------------------------------------------------- actors


def resolve_actors(conn: Connection, actors: list[Actor], touched: set[int] | None = None) -> dict[str, int]:
    """Return {article actor id: corpus actor id}, creating or enriching corpus actors.

    ``touched``, when given, receives the corpus actors that existed before (found or merged):
    the ones whose voted name may change.

    The names of all the article's actors are looked up in one query; actors
    are then resolved in order, each seeing the ones resolved before it.
    """
    names = {a.id: [n for n in dict.fromkeys([a.name, *a.aliases]) if normalise_name(n)] for a in actors}
    links = {a.id: linking_names(names[a.id], a.type) for a in actors}
    seen, by_key = _lookup(conn, actors, links)
    result: dict[str, int] = {}
    enrich: list[tuple[int, Actor]] = []
    name_rows: list[dict[str, object]] = []
    for actor in actors:
        fam = _matching_family(actor)
        found = by_key.get(("kb", actor.kb_id)) if actor.kb_id else None
        if found is None and actor.wikidata:
            found = by_key.get(("wd", actor.wikidata))
        matches = _name_matches(actor, fam, links[actor.id], seen)
        if found is None and matches:
            found = min(i for i, _, _ in matches)
        if found is None and fam == "PERSON":
            found = _person_variant(conn, normalise_name(actor.name), actor)
        if found is None:
            found = int(conn.execute(t.actors.insert(), {
                "name": actor.name, "type": actor.type, "kb_id": actor.kb_id, "wikidata": actor.wikidata,
                "country": actor.country, "created_at": now_iso(),
            }).inserted_primary_key[0])
            rows = _name_rows(found, names[actor.id], links[actor.id], fam)
            if rows:  # now, so that a later actor's match can see it
                conn.execute(insert_ignore(conn, t.actor_names, ["norm", "family", "actor_id"]), rows)
        else:
            enrich.append((found, actor))
            name_rows += _name_rows(found, names[actor.id], links[actor.id], fam)
        # every other corpus actor this actor is named like is the same actor (order independence)
        for other in sorted({i for i, _, _ in matches if i != found}):
            if not _joinable(conn, found, other):
                continue
            if name_rows:  # the names gathered so far point at actors that may now merge
                conn.execute(insert_ignore(conn, t.actor_names, ["norm", "family", "actor_id"]), name_rows)
                name_rows = []
            kept, gone = min(found, other), max(found, other)
            merge_actors(conn, kept, gone)
            _renamed(gone, kept, seen, by_key, result, enrich)
            enrich.append((kept, actor))
            found = kept
        for n in links[actor.id]:
            entries = seen.setdefault((n, fam), [])
            if all(e[0] != found for e in entries):
                entries.append((found, actor.kb_id, actor.wikidata))
        if actor.kb_id:
            by_key.setdefault(("kb", actor.kb_id), found)
        if actor.wikidata:
            by_key.setdefault(("wd", actor.wikidata), found)
        result[actor.id] = found
    if name_rows:
        conn.execute(insert_ignore(conn, t.actor_names, ["norm", "family", "actor_id"]), name_rows)
    if enrich:
        _enrich(conn, enrich)
    if touched is not None:
        touched.update(i for i, _ in enrich)
    return result


def _lookup(conn: Connection, actors: list[Actor], links: dict[str, set[str]]) -> tuple[dict, dict]:
    """Return (seen, by_key): corpus actors holding each (linking name, family), and those holding each
    kb / Wikidata id of the article's actors, in one query each."""
    norms = sorted({n for ns in links.values() for n in ns})
    seen: dict[tuple[str, str], list[tuple[int, str | None, str | None]]] = {}
    for i in range(0, len(norms), 500):
        for row in conn.execute(
            sa.select(t.actor_names.c.norm, t.actor_names.c.family, t.actors.c.id, t.actors.c.kb_id, t.actors.c.wikidata)
            .join(t.actors, t.actors.c.id == t.actor_names.c.actor_id)
            .where(t.actor_names.c.norm.in_(norms[i : i + 500]))
            .order_by(t.actors.c.id)
        ):
            seen.setdefault((row.norm, row.family), []).append((row.id, row.kb_id, row.wikidata))
    by_key: dict[tuple[str, str], int] = {}
    for column, kind in ((t.actors.c.kb_id, "kb"), (t.actors.c.wikidata, "wd")):
        values = sorted({v for a in actors if (v := (a.kb_id if kind == "kb" else a.wikidata))})
        if values:
            for row in conn.execute(sa.select(t.actors.c.id, column).where(column.in_(values))):
                by_key[(kind, row[1])] = row.id
    return seen, by_key


def _name_matches(actor: Actor, fam: str, links: set[str], seen: dict) -> list[tuple[int, str | None, str | None]]:
    """Return the corpus actors holding one of the actor's linking names, but never another kb/Wikidata identity."""
    if fam == UNMATCHED:
        return []
    return [(i, kb, wd) for norm in sorted(links) for i, kb, wd in seen.get((norm, fam), ())
            if not ((actor.kb_id and kb and kb != actor.kb_id) or (actor.wikidata and wd and wd != actor.wikidata))]


def _name_rows(actor_id: int, names: list[str], links: set[str], fam: str) -> list[dict[str, object]]:
    """Return actor_names rows: linking names in the actor's family, the others under one no lookup uses."""
    rows = []
    for n in names:
        norm = normalise_name(n)
        kind = fam if norm in links or fam == UNMATCHED else shown_only(fam)
        rows.append({"actor_id": actor_id, "name": n[:2000], "norm": norm, "family": kind})
    return rows


def _joinable(conn: Connection, found: int, other: int) -> bool:
    """True when two corpus actors can merge: they never carry two different kb or Wikidata identities."""
    rows = conn.execute(sa.select(t.actors.c.kb_id, t.actors.c.wikidata).where(t.actors.c.id.in_([found, other]))).all()
    if len(rows) != 2:
        return False
    (kb1, wd1), (kb2, wd2) = rows
    return not ((kb1 and kb2 and kb1 != kb2) or (wd1 and wd2 and wd1 != wd2))


def _renamed(gone: int, kept: int, seen: dict, by_key: dict, result: dict, enrich: list) -> None:
    """Point the article's lookup tables at ``kept`` where they named the merged-away ``gone``."""
    for key, entries in seen.items():
        if any(e[0] == gone for e in entries):
            moved = [(kept, kb, wd) if i == gone else (i, kb, wd) for i, kb, wd in entries]
            seen[key] = list({e[0]: e for e in reversed(moved)}.values())[::-1]
    for key, value in list(by_key.items()):
        if value == gone:
            by_key[key] = kept
    for local, value in result.items():
        if value == gone:
            result[local] = kept
    enrich[:] = [(kept if i == gone else i, a) for i, a in enrich]


#: The family of unnamed groups with no country ("police", "protesters"): two
#: articles' "police" are not the same actor, so these are never matched by name.
UNMATCHED = "G:-"


def _matching_family(actor: Actor) -> str:
    """Return the family an actor's names are matched in.

    An unnamed collective actor ("Israeli soldiers": only descriptions, no name,
    no knowledge-base identity) matches only unnamed groups of the same country.
    """
    named = actor.kb_id or actor.wikidata or any(m.kind in ("name", "alias") for m in actor.mentions)
    if actor.type != "GROUP" or named or not actor.mentions:
        return family(actor.type)
    return f"G:{actor.country}" if actor.country else UNMATCHED


def _person_variant(conn: Connection, norm: str, actor: Actor) -> int | None:
    """Return the one corpus person this name is a transliteration variant of ("Ali Akbar Ahmadiyan" is
    "Ali Akbar Ahmadian": all words equal but one long word differing by a letter or two), else None.

    A bare surname is not matched across articles ("Haniyeh" alone is its own actor unless the article
    names him in full): "the only person with that surname" would depend on which articles came first,
    and two people share surnames.  Within one article the analysis already ties a surname to its full name.
    """
    words = norm.split()
    if len(words) < 2:
        return None
    rows = conn.execute(
        sa.select(t.actor_names.c.actor_id, t.actor_names.c.norm)
        .where(t.actor_names.c.family == "PERSON", t.actor_names.c.norm.like(f"{_like(words[0])} %", escape="\\"))
        .limit(200)
    ).all()
    matches = {r.actor_id for r in rows if _variant(words, r.norm.split())}
    if len(matches) == 1 and _same_identity(conn, next(iter(matches)), actor):
        return next(iter(matches))
    return None


def _variant(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return min(len(x), len(y)) >= 6 and x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= 0.85


def _same_identity(conn: Connection, actor_id: int, actor: Actor) -> bool:
    row = conn.execute(sa.select(t.actors.c.kb_id, t.actors.c.wikidata).where(t.actors.c.id == actor_id)).one()
    return not ((actor.kb_id and row.kb_id and actor.kb_id != row.kb_id)
                or (actor.wikidata and row.wikidata and actor.wikidata != row.wikidata))


def _like(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def _enrich(conn: Connection, found: list[tuple[int, Actor]]) -> None:
    """Fill in what corpus actors lack (KB ids, country); the shown name is voted (merge.refresh_actors)."""
    rows = {r.id: r for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_({i for i, _ in found})))}
    taken_kb = {r.kb_id for r in rows.values() if r.kb_id}
    taken_wd = {r.wikidata for r in rows.values() if r.wikidata}
    changes: dict[int, dict[str, object]] = {}
    for actor_id, actor in found:
        row, values = rows[actor_id], changes.setdefault(actor_id, {})
        current = {**row._mapping, **values}
        if actor.kb_id and not current["kb_id"] and actor.kb_id not in taken_kb:
            values["kb_id"] = actor.kb_id
            taken_kb.add(actor.kb_id)
        if actor.wikidata and not current["wikidata"] and actor.wikidata not in taken_wd:
            values["wikidata"] = actor.wikidata
            taken_wd.add(actor.wikidata)
        if actor.country and not current["country"]:
            values["country"] = actor.country
    for actor_id, values in changes.items():
        if values:
            conn.execute(t.actors.update().where(t.actors.c.id == actor_id).values(**values))


# ---------------------------------------------------------------- events

def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_span(date: str | None, precision: str | None, published: str | None) -> tuple[str, str] | None:
    """Return the first and last day (ISO) an event can have happened on, or None when unknown."""
    if date:
        if precision == "year" or re.fullmatch(r"\d{4}", date):
            return f"{date[:4]}-01-01", f"{date[:4]}-12-31"
        if precision == "month" or re.fullmatch(r"\d{4}-\d{2}", date):
            start = _parse_day(f"{date[:7]}-01")
            if start:
                nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                return start.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        day = _parse_day(date)
        if day:
            slack = dt.timedelta(days=3 if precision == "approximate" else 0)
            return (day - slack).isoformat(), (day + slack).isoformat()
    pub = _parse_day(published)
    if pub:  # undated: reported within the week before publication
        return (pub - dt.timedelta(days=7)).isoformat(), pub.isoformat()
    return None


def resolve_event(
    conn: Connection, event: Event, roles: list[tuple[int, str]], published: str | None, exclude: set[int]
) -> int:
    """Return the corpus event id for an article's event (``roles``: its (corpus actor id, role) pairs).

    Two articles tell the same event only when the type, the actors in their roles (either side for
    symmetric types) and the date agree: the same date at the same precision.  An undated event, or
    one without actors, is never merged: nothing says it is the same occurrence.  Equal keys are an
    equivalence, so the grouping does not depend on the order articles arrive in.
    ``exclude``: corpus events this article already tells (another event of the same article is another event).
    """
    key = event_key(event.type, roles)
    span = date_span(event.date, event.date_precision, published)
    if key and event.date and event.date_precision:
        row = conn.execute(
            sa.select(t.events.c.id, t.events.c.mode)
            .where(
                t.events.c.type == event.type, t.events.c.actor_key == key, t.events.c.date == event.date,
                t.events.c.date_precision == event.date_precision, t.events.c.id.not_in(list(exclude)),
            )
            .order_by(t.events.c.id)
            .limit(1)
        ).first()
        if row is not None:
            if event.mode and (row.mode is None or event.mode < row.mode):  # the same mode whatever the order
                conn.execute(t.events.update().where(t.events.c.id == row.id).values(mode=event.mode))
            return int(row.id)
    return int(
        conn.execute(t.events.insert(), {
            "type": event.type, "mode": event.mode, "date": event.date, "date_precision": event.date_precision,
            "date_lo": span[0] if span else None, "date_hi": span[1] if span else None,
            "actor_key": key, "created_at": now_iso(),
        }).inserted_primary_key[0]
    )


# ------------------------------------------------------- near-duplicates
