"""Actor pages: the list (filter, sort, JSON/CSV), one actor (names, titles, timeline, statements, meetings),
look-up by any name with "did you mean"; actors are addressed by a stable key (KB id or name slug)."""

from __future__ import annotations

import csv
import io
import re
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse

from newsgraph.errors import NotFoundError
from newsgraph.model import Evidence, TimelineItem
from newsgraph.store.export import csv_cell
from newsgraph.store.lookup import SORTS, actor_key
from newsgraph.web.deps import ApiError, render, state, store, templates
from newsgraph.web.queries import MAX_INT, CursorParam, article_path, checked_cursor
from newsgraph.web.svg import TimelinePoint, parse_partial_date, timeline_svg

router = APIRouter(include_in_schema=False)
templates.env.globals["actor_key"] = actor_key

#: An actor's URL key: an integer id, a KB id ("ali-khamenei"), a Wikidata id or a name slug.
ActorKey = Annotated[str, Path(min_length=1, max_length=200, description="An actor id, KB id or name slug.")]
Short = Annotated[str | None, Query(max_length=40)]
CSV_COLUMNS = ("id", "key", "name", "type", "country", "kb_id", "wikidata", "articles", "mentions", "aliases", "titles")


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


def _actor_rows(request: Request, actors: list) -> list[dict]:
    """Return the list's rows: each actor with its stable key and most often given country."""
    countries = store(request).actor_countries([a.id for a in actors])
    return [{"actor": a, "key": actor_key(a.kb_id, a.name, a.type), "country": countries.get(a.id, "")} for a in actors]


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        a = r["actor"]
        writer.writerow([csv_cell(v) for v in (a.id, r["key"], a.name, a.type, r["country"], a.kb_id, a.wikidata,
                                               a.article_count, a.mention_count, "|".join(a.aliases), "|".join(a.titles))])
    return out.getvalue()


@router.get("/actors", response_class=HTMLResponse, name="actors_page")
def actors_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None, type: Short = None,  # noqa: A002
                country: Short = None, sort: Short = None, order: Short = None, format: Short = None,  # noqa: A002
                cursor: CursorParam = None, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
    """Return the actors, filtered by name, type and country and sorted; ``format=json|csv`` for the data."""
    sort = sort if sort in SORTS else "mentions"
    descending = (order or ("asc" if sort in ("name", "type") else "desc")) != "asc"
    s = store(request)
    page = s.browse_actors(query=q or None, kind=type or None, country=country or None, sort=sort,
                           descending=descending, limit=limit, cursor=checked_cursor(cursor))
    rows = _actor_rows(request, page.items)
    params = {"q": q or "", "type": type or "", "country": country or "", "sort": sort,
              "order": "desc" if descending else "asc"}
    if format == "json":
        return JSONResponse({"items": [{**r["actor"].model_dump(mode="json"), "key": r["key"], "country": r["country"]}
                                       for r in rows], "next_cursor": page.next_cursor})
    if format == "csv":  # every matching actor, a page at a time, from this page on
        def pages():  # noqa: ANN202
            current, header = page, True
            while True:
                text = _csv(_actor_rows(request, current.items))
                yield text if header else text.split("\n", 1)[1]
                header = False
                if not current.next_cursor:
                    return
                current = s.browse_actors(query=q or None, kind=type or None, country=country or None, sort=sort,
                                          descending=descending, limit=500, cursor=current.next_cursor)

        return StreamingResponse(pages(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="actors.csv"'})
    return render(request, "actors.html", {"page": page, "rows": rows, "params": params, "facets": s.actor_facets(),
                                           "sorts": SORTS, "q": q or ""})


@router.get("/actors/lookup", name="actor_lookup")
def actor_lookup(request: Request, name: Annotated[str, Query(max_length=400)]) -> Response:
    """Redirect to the corpus actor any name, alias or title names; else a 404 page with "did you mean"."""
    s = store(request)
    try:
        actor = s.lookup_actor(name)
    except NotFoundError:
        return render(request, "actor_missing.html", {"name": name, "suggestions": s.suggest_actors(name)}, status=404)
    path = request.app.url_path_for("actor_page", actor_id=actor_key(actor.kb_id, actor.name, actor.type))
    return RedirectResponse(state(request).settings.public_url(path), status_code=303)


@router.get("/actors/{actor_id}", response_class=HTMLResponse, name="actor_page")
def actor_page(request: Request, actor_id: ActorKey) -> Response:
    """Return one actor's page; ``actor_id`` is its integer id, KB id, Wikidata id or name slug."""
    if actor_id.isdigit() and not 1 <= int(actor_id) <= MAX_INT:
        raise ApiError(422, f"actor_id: {actor_id[:30]!r} is not an actor id", "invalid")
    s = store(request)
    try:
        actor = s.resolve_actor(actor_id)
    except NotFoundError:
        wanted = actor_id.replace("-", " ")
        return render(request, "actor_missing.html", {"name": wanted, "suggestions": s.suggest_actors(wanted)},
                      status=404)
    items = s.actor_timeline(actor.id)
    by_date: OrderedDict[str, list[TimelineItem]] = OrderedDict()
    for item in items:
        if item.kind == "statement":
            by_date.setdefault(item.date or "undated", []).append(item)
    key = actor_key(actor.kb_id, actor.name, actor.type)
    meetings = s.actor_meetings(actor.id)
    others = s.network_nodes(sorted({i for m in meetings for i in (m.source_id, m.target_id)}))
    keys = {i: actor_key(kb_id, name, kind) for i, (name, kind, kb_id, _) in others.items()}
    return render(request, "actor.html", {
        "actor": actor, "items": items, "statements_by_date": by_date, "key": key,
        "permalink": state(request).settings.public_url(request.app.url_path_for("actor_page", actor_id=key)),
        "meetings": meetings, "keys": keys,
        "timeline": timeline_svg(timeline_points(request, items)),
        "wikidata_url": (f"https://www.wikidata.org/wiki/{actor.wikidata}"
                         if actor.wikidata and re.fullmatch(r"Q[1-9][0-9]*", actor.wikidata) else None),
    })
