"""Facet counts, volume over time and the no-results hint of a search (the analyst's workbench).

Every count is taken over exactly the rows the search returns (the same ``search.select_*``
query, without order and limit), so a facet's count is the number of results its link leads to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.store import schema as t
from newsgraph.store.read import live
from newsgraph.store.search import SELECTORS, Filters, Term, select_articles, select_events, select_statements

#: Values shown per facet (the rest are summed into "others").
FACET_SIZE = 10
UNDATED = "undated"


def _counted(conn: Connection, key: sa.ColumnElement, count: sa.ColumnElement, sel: sa.Select,
             size: int | None = FACET_SIZE) -> list[tuple[Any, int]]:
    query = sel.add_columns(count.label("n")).group_by(key).order_by(sa.desc("n"), key)
    return [(r[0], int(r.n)) for r in conn.execute(query.limit(size) if size else query)]


def _values(rows: list[tuple[Any, int]], label=str) -> list[dict[str, Any]]:  # noqa: ANN001
    return [{"value": v, "label": label(v), "count": n} for v, n in rows if v not in (None, "")]


def _actors(conn: Connection, rows: list[tuple[Any, int]]) -> list[dict[str, Any]]:
    ids = [v for v, _ in rows if v is not None]
    names = {r.id: r.name for r in conn.execute(sa.select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(ids)))} if ids else {}
    return [{"value": str(v), "label": names.get(v, f"#{v}"), "count": n} for v, n in rows if v is not None]


def _months(conn: Connection, day: sa.ColumnElement, sel: sa.Select) -> list[dict[str, Any]]:
    month = sa.func.substr(day, 1, 7)
    rows = conn.execute(sel.add_columns(month.label("m"), sa.func.count().label("n")).group_by(month).order_by(month))
    months: dict[str, int] = {}
    apart: dict[str, int] = {}  # a year without its month, or no date: not on the month axis
    for r in rows:
        if r.m and len(r.m) == 7 and r.m[4] == "-":
            months[r.m] = months.get(r.m, 0) + int(r.n)
        else:
            key = f"{r.m[:4]} (month unknown)" if r.m and r.m[:4].isdigit() else UNDATED
            apart[key] = apart.get(key, 0) + int(r.n)
    return ([{"value": m, "label": m, "count": n} for m, n in months.items()]
            + [{"value": None, "label": k, "count": n} for k, n in sorted(apart.items())])


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _days(conn: Connection, day: sa.ColumnElement, sel: sa.Select) -> list[dict[str, Any]]:
    """Return the results per day (ISO days in order), then periods without a day, apart."""
    value = sa.func.substr(day, 1, 10)
    days: dict[str, int] = {}
    apart: dict[str, int] = {}
    for r in conn.execute(sel.add_columns(value.label("d"), sa.func.count().label("n")).group_by(value).order_by(value)):
        if r.d and len(r.d) == 10 and _is_day(r.d):
            days[r.d] = days.get(r.d, 0) + int(r.n)
        else:
            key = f"{r.d[:7]} (day unknown)" if r.d and r.d[:4].isdigit() and len(r.d) >= 7 else (
                f"{r.d[:4]} (month unknown)" if r.d and r.d[:4].isdigit() else UNDATED)
            apart[key] = apart.get(key, 0) + int(r.n)
    return ([{"value": d, "label": d, "count": n} for d, n in days.items()]
            + [{"value": None, "label": k, "count": n} for k, n in sorted(apart.items())])


def facets(conn: Connection, kind: str, terms: list[Term], f: Filters) -> dict[str, Any]:
    """Return {"total", "facets": {name: [{value, label, count}]}, "months": [...]} for a search's results.

    Facets: outlet, actor, type (event type), cue and direct (statements), month.  ``months``
    holds every month with results in order, then the periods with no month (value None), for the
    volume chart; ``days`` the same by day when the results span two months or fewer.
    """
    s = SELECTORS[kind](conn, terms, f)
    keys = s.sel.add_columns(s.key.label("k")).subquery()
    total = conn.execute(sa.select(sa.func.count()).select_from(keys)).scalar() or 0
    result: dict[str, Any] = {"total": int(total), "facets": {}, "months": []}
    if not total:
        return result
    fc = result["facets"]
    base = SELECTORS[kind](conn, terms, f).sel
    fc["outlet"] = _values(_counted(conn, t.articles.c.site, sa.func.count(), base.add_columns(t.articles.c.site)))
    if kind == "articles":
        fc["actor"] = _actors(conn, _counted(
            conn, t.article_actors.c.actor_id, sa.func.count(sa.distinct(t.articles.c.pk)),
            base.add_columns(t.article_actors.c.actor_id).join(t.article_actors, sa.and_(
                t.article_actors.c.article_id == t.articles.c.id, t.article_actors.c.superseded == live))))
        fc["type"] = _values(_counted(
            conn, t.event_evidence.c.type, sa.func.count(sa.distinct(t.event_evidence.c.article_id)),
            sa.select(t.event_evidence.c.type).join(t.articles, t.articles.c.id == t.event_evidence.c.article_id)
            .where(t.articles.c.pk.in_(sa.select(keys.c.k)), t.event_evidence.c.superseded == live)))
    elif kind == "statements":
        fc["actor"] = _actors(conn, _counted(conn, t.statements.c.speaker_id, sa.func.count(),
                                             base.add_columns(t.statements.c.speaker_id)))
        cue = sa.func.lower(t.statements.c.cue)
        fc["cue"] = _values(_counted(conn, cue, sa.func.count(), base.add_columns(cue)))
        rows = _counted(conn, t.statements.c.direct, sa.func.count(), base.add_columns(t.statements.c.direct), None)
        fc["direct"] = [{"value": "direct" if v else "indirect", "label": "direct quotes" if v else "reported speech",
                         "count": n} for v, n in rows]
    else:
        # By the corpus event's actors, as the actor filter does (a report counts once for every actor of its event).
        pairs = sa.select(t.event_actors.c.event_id, t.event_actors.c.actor_id).distinct().subquery()
        fc["actor"] = _actors(conn, _counted(
            conn, pairs.c.actor_id, sa.func.count(),
            base.add_columns(pairs.c.actor_id).join(pairs, pairs.c.event_id == t.event_evidence.c.event_id)))
        fc["type"] = _values(_counted(conn, t.event_evidence.c.type, sa.func.count(),
                                      base.add_columns(t.event_evidence.c.type)))
    result["months"] = _months(conn, s.day, SELECTORS[kind](conn, terms, f).sel)
    if len([m for m in result["months"] if m["value"]]) <= 2:  # a short span: the chart shows days
        result["days"] = _days(conn, s.day, SELECTORS[kind](conn, terms, f).sel)
    fc["month"] = sorted((m for m in result["months"] if m["value"]),
                         key=lambda m: (-m["count"], m["value"]))[:FACET_SIZE]
    return result


def side(conn: Connection, terms: list[Term], f: Filters) -> dict[str, Any]:
    """Return one side of a comparison: how many articles, statements (direct, reported), event reports
    (by type) and framing flags (by category) the words and filters find, with the top cues."""
    out: dict[str, Any] = {"articles": count(conn, "articles", terms, f)}
    st = select_statements(conn, terms, f).sel
    rows = _counted(conn, t.statements.c.direct, sa.func.count(), st.add_columns(t.statements.c.direct), None)
    out["direct"] = sum(n for v, n in rows if v)
    out["reported"] = sum(n for v, n in rows if not v)
    out["statements"] = out["direct"] + out["reported"]
    cue = sa.func.lower(t.statements.c.cue)
    out["cues"] = dict(_counted(conn, cue, sa.func.count(), select_statements(conn, terms, f).sel.add_columns(cue), 5))
    ev = select_events(conn, terms, f).sel
    out["event_types"] = dict(_counted(conn, t.event_evidence.c.type, sa.func.count(),
                                       ev.add_columns(t.event_evidence.c.type), None))
    out["events"] = sum(out["event_types"].values())
    articles = select_articles(conn, terms, f).sel.add_columns(t.articles.c.id)
    framing = sa.select(t.framing.c.category).where(t.framing.c.superseded == live, t.framing.c.article_id.in_(articles))
    out["framing"] = dict(_counted(conn, t.framing.c.category, sa.func.count(), framing, None))
    return out


def count(conn: Connection, kind: str, terms: list[Term], f: Filters) -> int:
    """Return how many results a search has."""
    s = SELECTORS[kind](conn, terms, f)
    return int(conn.execute(sa.select(sa.func.count()).select_from(s.sel.add_columns(s.key).subquery())).scalar() or 0)


#: The filters a no-results hint tries without, as the reader calls them.
_RELAXED = {"actor": ("actor_id",), "event type": ("type",), "dates": ("since", "until"), "outlet": ("source",),
            "collection": ("sites",), "direct/reported": ("direct",), "cue": ("cue",)}


def hint(conn: Connection, kind: str, terms: list[Term], query: str, f: Filters) -> str | None:
    """Return one line saying why a search found nothing and what might (None when it found something):
    how the words were read, and what the same search finds without each of its filters."""
    if count(conn, kind, terms, f):
        return None
    parts = _words_hint(conn, kind, terms, query, f) if terms else []
    active = {name: fields for name, fields in _RELAXED.items() if any(getattr(f, x) is not None for x in fields)}
    relaxed = []
    for name, fields in active.items():
        n = count(conn, kind, terms, dataclasses.replace(f, **dict.fromkeys(fields)))
        if n:
            relaxed.append(f"without the {name} filter: {n}")
    if relaxed:
        parts.append(f"No {kind} match all the filters; " + "; ".join(relaxed[:3]) + ".")
    elif terms:
        others = {k: count(conn, k, terms, f) for k in SELECTORS if k != kind}
        found = [f"{n} {k}" for k, n in others.items() if n]
        if found:
            parts.append(f"The same words find {' and '.join(found)}.")
    return " ".join(parts) or None


def _words_hint(conn: Connection, kind: str, terms: list[Term], query: str, f: Filters) -> list[str]:
    read = " ".join(("OR " if term.or_previous else "") + ("-" if term.negated else "")
                    + (" ".join(term.words) if len(term.words) == 1 else '"' + " ".join(term.words) + '"')
                    for term in terms)
    what = {"articles": "article titles and texts", "statements": "what was said (not who said it)",
            "events": "the sentences that tell events"}[kind]
    parts = [f"Searched {what} for: {read}."]
    if " or " in f" {query} " and len(terms) > 1 and not any(term.or_previous for term in terms):
        parts.append("Write OR in capitals for either word.")
    if kind != "articles":
        named = [w for term in terms if not term.negated for w in term.words if len(w) > 2 and _is_name(conn, w)]
        if named:
            parts.append(f"{', '.join(named)}: an actor's name — filter by actor to see "
                         f"{'what they said' if kind == 'statements' else 'their events'}.")
    return parts


def _is_name(conn: Connection, word: str) -> bool:
    """Return True when ``word`` is one of the words of an actor's name."""
    w = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    norm = t.actor_names.c.norm
    found = sa.or_(norm == word, norm.like(f"{w} %", escape="\\"), norm.like(f"% {w}", escape="\\"),
                   norm.like(f"% {w} %", escape="\\"))
    return conn.execute(sa.select(t.actor_names.c.actor_id).where(found).limit(1)).first() is not None


__all__ = ["facets", "count", "hint", "select_articles", "select_statements", "select_events", "UNDATED"]
