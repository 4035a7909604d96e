"""Network page: who met whom (or any event type), drawn as SVG, each edge with its evidence."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.errors import NotFoundError, QueryError
from newsgraph.model import NetworkEdge
from newsgraph.web.deps import render, store
from newsgraph.web.queries import edge_types
from newsgraph.web.svg import NetEdge, NetNode, network_svg

router = APIRouter(include_in_schema=False)

#: Beyond this many actors a drawing is unreadable; the edge table still lists all.
MAX_DRAWN_NODES = 150


def build_graph(request: Request, edges: list[NetworkEdge]) -> tuple[list[NetNode], list[NetEdge]]:
    """Return SVG nodes (sized by corpus mentions) and edges (linking to their row in the table)."""
    s = store(request)
    names: dict[int, str] = {}
    degree: dict[int, int] = {}
    for e in edges:
        names[e.source_id], names[e.target_id] = e.source, e.target
        degree[e.source_id] = degree.get(e.source_id, 0) + e.count
        degree[e.target_id] = degree.get(e.target_id, 0) + e.count
    keep = set(sorted(degree, key=lambda i: -degree[i])[:MAX_DRAWN_NODES])
    nodes = []
    for actor_id in sorted(keep):
        try:
            weight = s.get_actor(actor_id).mention_count
        except NotFoundError:
            weight = degree[actor_id]
        nodes.append(NetNode(actor_id, names[actor_id], weight, request.app.url_path_for("actor_page", actor_id=actor_id)))
    net_edges = [NetEdge(e.source_id, e.target_id, e.count, f"{e.source} – {e.target}: {e.count} {e.event_type}",
                         f"#edge-{n}")
                 for n, e in enumerate(edges) if e.source_id in keep and e.target_id in keep]
    return nodes, net_edges


@router.get("/network", response_class=HTMLResponse, name="network_page")
def network_page(request: Request, actor: str | None = None, since: str | None = None, until: str | None = None,
                 type: str | None = None) -> HTMLResponse:  # noqa: A002 - the query parameter's name
    """Return the network page, filtered by actor, dates and event type (a bad filter: the form and a message)."""
    filters = {"actor": actor or "", "since": since or "", "until": until or "", "type": type or ""}
    try:
        edges = store(request).network(actor=actor or None, since=since or None, until=until or None,
                                       types=edge_types(type))
    except QueryError as err:
        return render(request, "network.html", {"edges": [], "svg": "", "filters": filters, "error": str(err)}, status=400)
    nodes, net_edges = build_graph(request, edges)
    return render(request, "network.html", {"edges": edges, "svg": network_svg(nodes, net_edges), "filters": filters})
