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


def split_outliers(dates: list[dt.date]) -> tuple[dt.date, dt.date]:
    """Return the (first, last) day of the axis: the dates' bulk, leaving out strays far before or after it
    (beyond three interquartile ranges of the quartiles, and at least 60 days)."""
    days = sorted(d.toordinal() for d in dates)
    q1, q3 = days[len(days) // 4], days[(3 * len(days)) // 4]
    fence = max(3 * (q3 - q1), 60)
    bulk = [d for d in days if q1 - fence <= d <= q3 + fence]
    return dt.date.fromordinal(bulk[0]), dt.date.fromordinal(bulk[-1])


def timeline_svg(points: list[TimelinePoint], width: int = 760, height: int = 150) -> Markup:
    """Return an SVG plot of statements (upper lane) and events (lower lane) over time; each point links.

    A point stands for all items of one kind on one day (its size and label give how many).  Points far
    before or after the rest are drawn apart, beyond a break in the axis, in date order.
    """
    if not points:
        return Markup("")
    first, last = split_outliers([p.date for p in points])
    early = sorted({p.date for p in points if p.date < first})
    late = sorted({p.date for p in points if p.date > last})
    left, right, zone = 40, 20, 70
    axis_lo = left + (zone + 20 if early else 0)
    axis_hi = width - right - (zone + 20 if late else 0)
    if first == last:
        first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        if day < first:
            return left + zone * (early.index(day) + 0.5) / len(early)
        if day > last:
            return width - right - zone + zone * (late.index(day) + 0.5) / len(late)
        return axis_lo + (day - first).days / span * (axis_hi - axis_lo)

    lanes = {"statement": 45, "event": 100}
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Timeline of statements and events" xmlns="http://www.w3.org/2000/svg">']
    for kind, y in lanes.items():
        out.append(f'<text class="lane-label" x="2" y="{y + 4}">{"said" if kind == "statement" else "did"}</text>')
        out.append(f'<line class="lane" x1="{left}" y1="{y}" x2="{width - right}" y2="{y}"/>')
    ticks = [(first, axis_lo, "start"), (last, axis_hi, "end")]
    for apart, x0, name in ((early, left, "earlier"), (late, width - right - zone, "later")):
        if apart:
            brk = x0 + zone + 10 if name == "earlier" else x0 - 10
            out.append(f'<g class="axis-break"><line x1="{brk - 3:.0f}" y1="30" x2="{brk + 3:.0f}" y2="115"/>'
                       f'<line x1="{brk + 3:.0f}" y1="30" x2="{brk + 9:.0f}" y2="115"/></g>')
            label = apart[0].isoformat() if len(apart) == 1 else f"{apart[0].year}–{apart[-1].year}"
            out.append(f'<text class="tick outlier-tick" x="{x0 + zone / 2:.0f}" y="{height - 8}" text-anchor="middle">'
                       f'{escape(name)} {escape(label)}</text>')
    for tick_date, x, anchor in ticks:
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}">{tick_date.isoformat()}</text>')
    for n, p in enumerate(points):
        x = x_of(p.date)
        y = lanes.get(p.kind, 100)
        radius = 5 + 3 * math.sqrt(p.count - 1)
        count = f'<text class="count" x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle">{p.count}</text>' if p.count > 1 else ""
        apart = " outlier" if p.date < first or p.date > last else ""
        out.append(f'<a href="{escape(p.href)}" class="point point-{escape(p.kind)}{apart}" id="tp-{n}">'
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
    kind: str = ""  # actor type (PERSON, ORG…), a class for its colour


@dataclass
class NetEdge:
    source: int
    target: int
    count: int
    label: str
    href: str
    type: str = ""  # event type: the edge's colour
    directed: bool = False  # drawn with an arrow from source to target


#: One colour per PLOVER type (a colour-blind-safe qualitative palette, extended); other types grey.
TYPE_COLOURS = (
    "#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bb5566", "#004488", "#ddaa33",
    "#117733", "#882255", "#44aa99", "#999933", "#cc6677", "#332288", "#aa4499", "#88ccee", "#661100",
)
OTHER_COLOUR = "#8da2b8"


def type_colours(types: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Return {event type: colour} for the PLOVER types, in their order (stable across pages)."""
    return {t: TYPE_COLOURS[n % len(TYPE_COLOURS)] for n, t in enumerate(types)}


def _marker_id(colour: str) -> str:
    return "arrow-" + colour.lstrip("#")


def _edge_shape(x1: float, y1: float, x2: float, y2: float, r1: float, r2: float, bend: float) -> str:
    """Return the SVG geometry of an edge: a line (bend 0) or a quadratic curve, trimmed to both circles."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    sx, sy = x1 + ux * r1, y1 + uy * r1
    ex, ey = x2 - ux * (r2 + 2), y2 - uy * (r2 + 2)
    if not bend:
        return f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" y2="{ey:.1f}"'
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    return f'<path d="M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}" fill="none"'


def _bends(edges: list[NetEdge]) -> list[float]:
    """Return a curve offset per edge so that edges between the same two actors fan out instead of overlapping."""
    seen: dict[tuple[int, int], int] = {}
    out = []
    for e in edges:
        key = (min(e.source, e.target), max(e.source, e.target))
        k = seen.get(key, 0)
        seen[key] = k + 1
        sign = 1 if e.source == key[0] else -1
        out.append(0.0 if k == 0 else sign * 18.0 * ((k + 1) // 2) * (1 if k % 2 else -1))
    return out


def network_svg(nodes: list[NetNode], edges: list[NetEdge], colours: dict[str, str] | None = None) -> Markup:
    """Return the graph as SVG: nodes and labels kept apart (web/netlayout.py), edges coloured by event type,
    arrows on directed ones, nodes sized by weight and edges by count; the viewBox fits the drawing."""
    from newsgraph.web.netlayout import colliding_labels, layout, short_label

    if not nodes:
        return Markup("")
    colours = colours or {}
    max_weight = max((n.weight for n in nodes), default=1) or 1
    max_count = max((e.count for e in edges), default=1) or 1
    radii = {n.id: 5 + 15 * math.sqrt(max(n.weight, 0) / max_weight) for n in nodes}
    labels = {n.id: short_label(n.name) for n in nodes}
    boxes = layout([n.id for n in nodes], radii, labels, [(e.source, e.target, math.log1p(e.count)) for e in edges])
    hidden = colliding_labels(boxes, [n.id for n in sorted(nodes, key=lambda n: (-n.weight, n.id))])
    left = min(b.bounds()[0] for b in boxes.values()) - 10
    top = min(b.bounds()[1] for b in boxes.values()) - 10
    width = max(b.bounds()[2] for b in boxes.values()) + 10 - left
    height = max(b.bounds()[3] for b in boxes.values()) + 10 - top
    out = [f'<svg class="network" viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
           f'aria-label="Network of actors" xmlns="http://www.w3.org/2000/svg" data-nodes="{len(nodes)}"><defs>']
    used = sorted({colours.get(e.type, OTHER_COLOUR) for e in edges if e.directed})
    for colour in used:
        out.append(f'<marker id="{_marker_id(colour)}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" '
                   f'markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    out.append('</defs><g class="edges">')
    for e, bend in zip(edges, _bends(edges)):
        a, b = boxes[e.source], boxes[e.target]
        colour = colours.get(e.type, OTHER_COLOUR)
        stroke = 1.2 + 4.5 * math.sqrt(e.count / max_count)
        arrow = f' marker-end="url(#{_marker_id(colour)})"' if e.directed else ""
        out.append(f'<a href="{escape(e.href)}" class="edge" data-type="{escape(e.type)}">'
                   f'{_edge_shape(a.x, a.y, b.x, b.y, a.radius, b.radius, bend)} stroke="{colour}" '
                   f'stroke-width="{stroke:.1f}"{arrow}><title>{escape(e.label)}</title>'
                   f'{"</line>" if not bend else "</path>"}</a>')
    out.append('</g><g class="nodes">')
    for n in nodes:
        box = boxes[n.id]
        label = "" if n.id in hidden else (
            f'<text x="{box.x:.1f}" y="{box.y + box.radius + 14:.1f}" text-anchor="middle">{escape(labels[n.id])}</text>')
        out.append(f'<a href="{escape(n.href)}" class="node" data-actor-id="{n.id}" data-kind="{escape(n.kind)}">'
                   f'<circle cx="{box.x:.1f}" cy="{box.y:.1f}" r="{box.radius:.1f}"><title>{escape(n.name)}: '
                   f'{n.weight} mentions</title></circle>{label}</a>')
    out.append("</g></svg>")
    return Markup("".join(out))
