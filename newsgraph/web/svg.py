"""Server-side SVG: an actor's timeline and the who-met-whom network.

Both are plain SVG with links, so they work without JavaScript and under a
CSP with no inline script or style (classes only, styled by style.css).
Every label is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


def parse_partial_date(value: str | None) -> dt.date | None:
    """Return the first day a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD…) can mean, or None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


@dataclass
class TimelinePoint:
    date: dt.date
    kind: str  # "statement" | "event"
    label: str
    href: str
    count: int = 1  # items this point stands for (same kind, same day)


def timeline_svg(points: list[TimelinePoint], width: int = 760, height: int = 150) -> Markup:
    """Return an SVG plot of statements (upper lane) and events (lower lane) over time; each point links.

    A point stands for all items of one kind on one day (its size and label give how many).
    """
    if not points:
        return Markup("")
    left, right = 40, 20
    first = min(p.date for p in points)
    last = max(p.date for p in points)
    span = max((last - first).days, 1)
    if first == last:
        first = first - dt.timedelta(days=1)
        span = 2
    lanes = {"statement": 45, "event": 100}
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Timeline of statements and events" xmlns="http://www.w3.org/2000/svg">']
    for kind, y in lanes.items():
        out.append(f'<text class="lane-label" x="2" y="{y + 4}">{"said" if kind == "statement" else "did"}</text>')
        out.append(f'<line class="lane" x1="{left}" y1="{y}" x2="{width - right}" y2="{y}"/>')
    for tick_date, anchor in ((first, "start"), (last, "end")):
        x = left + (tick_date - first).days / span * (width - left - right)
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}">{tick_date.isoformat()}</text>')
    for n, p in enumerate(points):
        x = left + (p.date - first).days / span * (width - left - right)
        y = lanes.get(p.kind, 100)
        radius = 5 + 3 * math.sqrt(p.count - 1)
        count = f'<text class="count" x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle">{p.count}</text>' if p.count > 1 else ""
        out.append(f'<a href="{escape(p.href)}" class="point point-{escape(p.kind)}" id="tp-{n}">'
                   f'<circle cx="{x:.1f}" cy="{y}" r="{radius:.1f}"><title>{escape(p.date.isoformat())}: '
                   f'{escape(p.label)}</title></circle>{count}</a>')
    out.append("</svg>")
    return Markup("".join(out))


@dataclass
class NetNode:
    id: int
    name: str
    weight: int  # mentions in the corpus
    href: str


@dataclass
class NetEdge:
    source: int
    target: int
    count: int
    label: str
    href: str


def network_svg(nodes: list[NetNode], edges: list[NetEdge], width: int = 900, height: int = 600) -> Markup:
    """Return the graph as SVG: a force-directed layout (networkx), nodes sized by weight, edges by count."""
    if not nodes:
        return Markup("")
    import networkx as nx  # imported here: only this page needs it

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    for e in edges:
        graph.add_edge(e.source, e.target, weight=e.count)
    pos = nx.spring_layout(graph, seed=7) if len(nodes) > 1 else {nodes[0].id: (0.0, 0.0)}
    margin = 80
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)

    def place(node_id: int) -> tuple[float, float]:
        x, y = pos[node_id]
        px = margin + (x - min_x) / ((max_x - min_x) or 1) * (width - 2 * margin) if max_x > min_x else width / 2
        py = margin + (y - min_y) / ((max_y - min_y) or 1) * (height - 2 * margin) if max_y > min_y else height / 2
        return px, py

    max_weight = max((n.weight for n in nodes), default=1) or 1
    max_count = max((e.count for e in edges), default=1) or 1
    out = [f'<svg class="network" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Network of actors" xmlns="http://www.w3.org/2000/svg">']
    for e in edges:
        (x1, y1), (x2, y2) = place(e.source), place(e.target)
        stroke = 1.5 + 6 * math.sqrt(e.count / max_count)
        out.append(f'<a href="{escape(e.href)}" class="edge"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke-width="{stroke:.1f}"><title>{escape(e.label)}</title></line></a>')
    for n in nodes:
        x, y = place(n.id)
        radius = 6 + 18 * math.sqrt(max(n.weight, 0) / max_weight)
        out.append(f'<a href="{escape(n.href)}" class="node" data-actor-id="{n.id}"><circle cx="{x:.1f}" cy="{y:.1f}" '
                   f'r="{radius:.1f}"><title>{escape(n.name)}: {n.weight} mentions</title></circle>'
                   f'<text x="{x:.1f}" y="{y + radius + 14:.1f}" text-anchor="middle">{escape(n.name)}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))
