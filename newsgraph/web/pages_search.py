"""Search page, a workbench: full text, facet counts that add a filter, a volume chart (SVG drawn here,
readable without JavaScript), sort, removable filters, and downloads of every result."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.errors import NewsgraphError, QueryError
from newsgraph.web.deps import query_string, render, state, store
from newsgraph.web.queries import KINDS, CursorParam
from newsgraph.web.workbench import (FILTERS, SORTS, compare_sides, run_facets, run_search, search_values,
                                     volume_bars)

router = APIRouter(include_in_schema=False)

FACET_TITLES = {"outlet": "Top outlets", "actor": "Top actors", "type": "Event types", "cue": "Cues",
                "direct": "Direct or reported", "month": "Busiest months"}
#: The URL parameter each facet sets.
FACET_PARAMS = {"outlet": "source", "actor": "actor", "type": "type", "cue": "cue", "direct": "direct", "month": "month"}


def collections(request: Request) -> dict[str, list[str]]:
    """Return the outlet collections named in the NEWSGRAPH_COLLECTIONS file (none when unset)."""
    from newsgraph.store.collections import load_collections

    return load_collections(state(request).settings.collections)


def _chips(values: dict[str, str], s, facets: dict | None) -> list[dict[str, str]]:  # noqa: ANN001
    """Return the active filters, each with the link that removes it."""
    names = {v["value"]: v["label"] for v in (facets or {}).get("facets", {}).get("actor", [])}
    out = []
    for key in FILTERS:
        if values[key]:
            label = values[key]
            if key == "actor" and label.isdigit():
                label = names.get(label) or _actor_name(s, int(label)) or label
            out.append({"key": key, "label": label, "remove": {**values, key: ""}})
    return out


def _actor_name(s, actor_id: int) -> str | None:  # noqa: ANN001
    try:
        return s.get_actor(actor_id).name
    except NewsgraphError:
        return None


@router.get("/search", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, q: str | None = None, kind: str | None = None, actor: str | None = None,
                type: str | None = None, source: str | None = None, since: str | None = None,  # noqa: A002
                until: str | None = None, direct: str | None = None, cue: str | None = None,
                sort: str | None = None, collection: str | None = None, cursor: CursorParam = None,
                limit: int = Query(20, ge=1, le=100)) -> HTMLResponse:
    """Return the search form, the facets and chart of the results, and one page of them (newest first
    when no words are given)."""
    values = search_values(q=q, kind=kind, actor=actor, type=type, source=source, since=since, until=until,
                           direct=direct, cue=cue, sort=sort, collection=collection)
    s = store(request)
    page, facets, error, named = None, None, None, {}
    try:
        named = collections(request)
        page = run_search(s, values, cursor, limit, named)
        facets = run_facets(s, values, named)
    except QueryError as err:
        error = str(err)
    except NewsgraphError as err:  # a collections file that cannot be read
        error = str(err)
    chips = _chips(values, s, facets)
    links = dict(values)
    if limit != 20:
        links["limit"] = str(limit)  # kept in the next-page link
    context = {"params": links, "page": page, "facets": facets, "error": error, "kinds": KINDS, "sorts": SORTS,
               "chart": volume_bars(facets["months"], facets.get("days")) if facets else None, "chips": chips,
               "actor_name": next((c["label"] for c in chips if c["key"] == "actor"), None),
               "facet_titles": FACET_TITLES, "facet_params": FACET_PARAMS, "collections": sorted(named)}
    return render(request, "search.html", context, status=400 if error else 200)


@router.get("/compare", response_class=HTMLResponse, name="compare_page")
def compare_page(request: Request, a: str | None = None, b: str | None = None, actor: str | None = None,
                 q: str | None = None, since: str | None = None, until: str | None = None) -> HTMLResponse:
    """Return two outlets or collections side by side for one actor (or a query): articles, statements,
    event reports by type and framing by category, each count a link to the search that finds them."""
    s = store(request)
    error, rows, sides, named = None, None, [], {}
    try:
        named = collections(request)
        sides = compare_sides([x.strip() for x in (a, b) if x and x.strip()], named)
        if len(sides) == 2:
            rows = s.compare([side["filters"] for side in sides], query=q or "", actor=actor or None,
                             since=since or None, until=until or None)
    except NewsgraphError as err:
        error = str(err)
    base = {"q": q or "", "actor": actor or "", "since": since or "", "until": until or ""}
    outlets = [v["value"] for v in s.search_facets("", kind="articles")["facets"].get("outlet", [])] if not error else []
    def link(side: dict, kind: str, extra: dict) -> str:
        return query_string({**base, **side["params"], "kind": kind, **extra})

    context = {"a": a or "", "b": b or "", "base": base, "sides": sides, "rows": rows, "error": error,
               "collections": sorted(named), "outlets": outlets, "category": readable_category, "link": link}
    return render(request, "compare.html", context, status=400 if error else 200)


def readable_category(label: str) -> str:
    """Return a framing label for reading: "Name_Calling,Labeling" -> "Name calling, labeling"."""
    text = ", ".join(part.replace("_", " ").strip() for part in label.split(","))
    return text[:1].upper() + text[1:].lower()
