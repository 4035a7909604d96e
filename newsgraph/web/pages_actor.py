"""Actor pages: the list, one actor (names, titles, timeline, statements, meetings), lookup by name."""

from __future__ import annotations

import re
from collections import OrderedDict

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsgraph.model import Evidence, TimelineItem
from newsgraph.web.deps import render, state, store
from newsgraph.web.queries import ActorId, CursorParam, article_path, checked_cursor
from newsgraph.web.svg import TimelinePoint, parse_partial_date, timeline_svg

router = APIRouter(include_in_schema=False)


def evidence_href(request: Request, ev: Evidence) -> str:
    """Return the article page URL that marks this evidence (anchor #hl)."""
    return f"{article_path(ev.article_id)}?hl={ev.start}-{ev.end}#hl"


def timeline_points(request: Request, items: list[TimelineItem]) -> list[TimelinePoint]:
    """Return one plot point per kind and day: a lone item links to its evidence, a group to its list."""
    groups: dict[tuple[str, str], list[TimelineItem]] = {}
    for item in items:
        if parse_partial_date(item.date) is not None and item.evidence:
            groups.setdefault((item.kind, item.date), []).append(item)
    points = []
    for (kind, date), group in groups.items():
        if len(group) == 1:
            label, href = group[0].summary[:200], evidence_href(request, group[0].evidence[0])
        else:
            label = f"{len(group)} {kind}s: " + " | ".join(i.summary[:80] for i in group[:3])
            href = f"#{'d' if kind == 'statement' else 'ev'}-{date}"
        points.append(TimelinePoint(parse_partial_date(date), kind, label, href, len(group)))
    return points


@router.get("/actors", response_class=HTMLResponse, name="actors_page")
def actors_page(request: Request, q: str | None = None, cursor: CursorParam = None) -> HTMLResponse:
    """Return the list of actors, most mentioned first, optionally filtered by name."""
    page = store(request).list_actors(query=q or None, limit=50, cursor=checked_cursor(cursor))
    return render(request, "actors.html", {"page": page, "q": q or ""})


@router.get("/actors/lookup", name="actor_lookup")
def actor_lookup(request: Request, name: str) -> RedirectResponse:
    """Redirect to the corpus actor best matching ``name`` (404 when none)."""
    actor = store(request).find_actor(name)
    path = request.app.url_path_for("actor_page", actor_id=actor.id)
    return RedirectResponse(state(request).settings.public_url(path), status_code=303)


@router.get("/actors/{actor_id}", response_class=HTMLResponse, name="actor_page")
def actor_page(request: Request, actor_id: ActorId) -> HTMLResponse:
    """Return one actor's page."""
    s = store(request)
    actor = s.get_actor(actor_id)
    items = s.actor_timeline(actor_id)
    by_date: OrderedDict[str, list[TimelineItem]] = OrderedDict()
    for item in items:
        if item.kind == "statement":
            by_date.setdefault(item.date or "undated", []).append(item)
    return render(request, "actor.html", {
        "actor": actor, "items": items, "statements_by_date": by_date,
        "meetings": s.actor_meetings(actor_id),
        "timeline": timeline_svg(timeline_points(request, items)),
        "wikidata_url": (f"https://www.wikidata.org/wiki/{actor.wikidata}"
                         if actor.wikidata and re.fullmatch(r"Q[1-9][0-9]*", actor.wikidata) else None),
    })
