"""Network page: who did what to whom, drawn as SVG (colour per event type, arrows where directed),
each edge with its evidence in the table below."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.errors import QueryError
from newsgraph.model import PLOVER_TYPES, NetworkEdge
from newsgraph.store.corpus import SYMMETRIC_TYPES
from newsgraph.store.lookup import actor_key
from newsgraph.web.deps import render, store
from newsgraph.web.queries import edge_types
from newsgraph.web.svg import NetEdge, NetNode, network_svg, type_colours

router = APIRouter(include_in_schema=False)

#: Beyond this many actors a drawing is unreadable even zoomed; the edge table still lists all.
MAX_DRAWN_NODES = 400


def plover_types() -> tuple[str, ...]:
    """Return the PLOVER event types newsgraph codes (the dropdown's choices, the colours' order)."""
    return PLOVER_TYPES


def build_graph(request: Request, edges: list[NetworkEdge]) -> tuple[list[NetNode], list[NetEdge], dict[int, str]]:
    """Return SVG nodes (the most connected actors, sized by corpus mentions), their edges (linking to
    their row in the table, directed unless the event type is symmetric) and the drawn actors' URL keys."""
    degree: dict[int, int] = {}
    for e in edges:
        degree[e.source_id] = degree.get(e.source_id, 0) + e.count
        degree[e.target_id] = degree.get(e.target_id, 0) + e.count
    keep = sorted(sorted(degree, key=lambda i: (-degree[i], i))[:MAX_DRAWN_NODES])
    info = store(request).network_nodes(keep)
    nodes = []
    keys = {i: actor_key(kb_id, name, kind) for i, (name, kind, kb_id, _) in info.items()}
    for actor_id in keep:
        name, kind, kb_id, mentions = info.get(actor_id, ("?", "", None, degree[actor_id]))
        href = request.app.url_path_for("actor_page", actor_id=keys.get(actor_id, str(actor_id)))
        nodes.append(NetNode(actor_id, name, mentions or degree[actor_id], href, kind))
    kept = set(keep)
    net_edges = [NetEdge(e.source_id, e.target_id, e.count, f"{e.source} → {e.target}: {e.count} {e.event_type}"
                         if e.event_type not in SYMMETRIC_TYPES else f"{e.source} – {e.target}: {e.count} {e.event_type}",
                         f"#edge-{n}", e.event_type, e.event_type not in SYMMETRIC_TYPES)
                 for n, e in enumerate(edges) if e.source_id in kept and e.target_id in kept]
    return nodes, net_edges, keys


@router.get("/network", response_class=HTMLResponse, name="network_page")
def network_page(request: Request, actor: str | None = None, since: str | None = None, until: str | None = None,
                 type: str | None = None) -> HTMLResponse:  # noqa: A002 - the query parameter's name
    """Return the network page, filtered by actor, date range and event type (a bad filter: the form and a message)."""
    filters = {"actor": actor or "", "since": since or "", "until": until or "", "type": (type or "CONSULT").upper()}
    types = plover_types()
    colours = type_colours(types)
    context = {"filters": filters, "types": types, "colours": colours, "edges": [], "svg": "", "legend": [],
               "symmetric": SYMMETRIC_TYPES, "drawn": 0, "keys": {}, "span": store(request).event_span()}
    try:
        edges = store(request).network(actor=actor or None, since=since or None, until=until or None,
                                       types=edge_types(type))
    except QueryError as err:
        return render(request, "network.html", {**context, "error": str(err)}, status=400)
    nodes, net_edges, keys = build_graph(request, edges)
    present = sorted({e.event_type for e in edges}, key=lambda x: (types.index(x) if x in types else 99, x))
    context.update({
        "edges": edges, "svg": network_svg(nodes, net_edges, colours), "drawn": len(nodes), "keys": keys,
        "actors": len({i for e in edges for i in (e.source_id, e.target_id)}),
        "legend": [(x, colours.get(x, "#8da2b8"), x not in SYMMETRIC_TYPES) for x in present],
    })
    return render(request, "network.html", context)


@router.get("/network/colours.css", name="network_colours")
def network_colours() -> Response:
    """Return the edge colour per event type as CSS (the page's CSP allows no inline style; one palette, svg.py's)."""
    rules = [f'svg.network .edge[data-type="{t}"] > * {{ stroke: {c}; }}' for t, c in type_colours(plover_types()).items()]
    rules += [f'.type-dot[data-type="{t}"] {{ background: {c}; }}' for t, c in type_colours(plover_types()).items()]
    return Response("\n".join(rules) + "\n", media_type="text/css", headers={"Cache-Control": "max-age=3600"})
