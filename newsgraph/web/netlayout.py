"""Where the network's nodes go: a networkx force layout, then node+label boxes pushed apart.

networkx's spring layout (Fruchterman-Reingold) places linked actors near each
other but knows nothing of labels, so a few hundred names drawn at its points
overlap.  Each node is therefore a box (its circle and the label under it) and
a few sweeps push overlapping boxes apart along the axis where they overlap
least (the usual rectangle overlap removal).  The canvas grows with the number
of nodes instead of squeezing them, and the SVG viewBox is fitted to the
result; zooming and panning (app.js) move that viewBox.  A label that still
collides after the sweeps is not drawn (its name stays in the node's tooltip),
so what is drawn never overlaps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Label font size (px, style.css) and a width per character that is wide enough for the browser's sans-serif.
FONT_PX = 12
CHAR_PX = 7.4
LABEL_H = 16.0
MAX_LABEL_CHARS = 26
#: Space kept between boxes; the starting canvas holds SPREAD times the boxes' area, ASPECT wide to high.
GAP = 6.0
SPREAD = 5.0
ASPECT = 1.5


@dataclass
class Box:
    """A node's circle and label, centred on (x, y) horizontally; the label hangs under the circle."""

    x: float
    y: float
    radius: float
    label_w: float

    @property
    def half_w(self) -> float:
        return max(self.radius, self.label_w / 2) + GAP / 2

    def bounds(self) -> tuple[float, float, float, float]:
        """Return (left, top, right, bottom) of circle and label together, with half the gap around."""
        return (self.x - self.half_w, self.y - self.radius - GAP / 2, self.x + self.half_w,
                self.y + self.radius + 2 + LABEL_H + GAP / 2)

    def label_bounds(self) -> tuple[float, float, float, float]:
        """Return the label's own box."""
        return (self.x - self.label_w / 2, self.y + self.radius + 2, self.x + self.label_w / 2,
                self.y + self.radius + 2 + LABEL_H)


def short_label(name: str) -> str:
    """Return the label drawn for a name: at most MAX_LABEL_CHARS characters (the tooltip has it whole)."""
    return name if len(name) <= MAX_LABEL_CHARS else name[: MAX_LABEL_CHARS - 1].rstrip() + "…"


def label_width(label: str) -> float:
    """Return the estimated drawn width of a label (px)."""
    return len(label) * CHAR_PX + 4


def spring_positions(ids: list[int], links: list[tuple[int, int, float]]) -> dict[int, tuple[float, float]]:
    """Return networkx spring-layout positions in [-1, 1]², the same every time (seeded)."""
    import networkx as nx  # imported here: only this page needs it

    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for a, b, weight in links:
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += weight
        else:
            graph.add_edge(a, b, weight=weight)
    # k a little above networkx's 1/sqrt(n) default: labelled nodes need more room than points
    pos = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(len(ids)), iterations=40)
    return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}


def layout(ids: list[int], radii: dict[int, float], labels: dict[int, str],
           links: list[tuple[int, int, float]]) -> dict[int, Box]:
    """Return each node's box: spring layout scaled to a canvas sized by the boxes' area, overlaps removed."""
    pos = spring_positions(ids, links)
    boxes = {n: Box(pos[n][0], pos[n][1], radii[n], label_width(labels[n])) for n in ids}
    area = sum((b.bounds()[2] - b.bounds()[0]) * (b.bounds()[3] - b.bounds()[1]) for b in boxes.values())
    height = max(500.0, math.sqrt(area * SPREAD / ASPECT))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for n, box in boxes.items():
        box.x = (pos[n][0] - min(xs)) / span_x * height * ASPECT
        box.y = (pos[n][1] - min(ys)) / span_y * height
    for _ in range(10):  # a crowded layout that does not come apart is spread a little wider and tried again
        if separate(boxes, 20) < 20:
            break
        for box in boxes.values():
            box.x, box.y = box.x * 1.1, box.y * 1.1
    return boxes


def separate(boxes: dict[int, Box], sweeps: int = 400) -> int:
    """Push overlapping boxes apart in place, all pairs at once (numpy): each pair moves apart by its overlap
    along the axis where it overlaps least; return the sweeps used (0: nothing overlapped)."""
    import numpy as np

    order = list(boxes)
    if len(order) < 2:
        return 0
    x = np.array([boxes[n].x for n in order], dtype=float)
    y = np.array([boxes[n].y for n in order], dtype=float)
    half = np.array([boxes[n].half_w for n in order])
    up = np.array([boxes[n].radius + GAP / 2 for n in order])
    down = np.array([boxes[n].radius + 2 + LABEL_H + GAP / 2 for n in order])
    tie = np.arange(len(order), dtype=float)[None, :] - np.arange(len(order), dtype=float)[:, None]
    for sweep in range(sweeps):
        ox = np.minimum(x + half, (x + half)[:, None]) - np.maximum(x - half, (x - half)[:, None])
        oy = np.minimum(y + down, (y + down)[:, None]) - np.maximum(y - up, (y - up)[:, None])
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            for n, px, py in zip(order, x, y):
                boxes[n].x, boxes[n].y = float(px), float(py)
            return sweep
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        sx = np.sign(np.where(x[None, :] != x[:, None], x[None, :] - x[:, None], tie))  # i -> j direction
        sy = np.sign(np.where(y[None, :] != y[:, None], y[None, :] - y[:, None], tie))
        # row i, column j: j moves by +push, so i moves by the sum of -push over its row
        # damped by how many boxes push each one, or crowded boxes overshoot and swap back and forth
        crowd = np.maximum(hit.sum(axis=1), 1)
        x -= (np.where(along_x, (ox / 2 + 0.5) * sx, 0.0)).sum(axis=1) / np.sqrt(crowd)
        y -= (np.where(along_y, (oy / 2 + 0.5) * sy, 0.0)).sum(axis=1) / np.sqrt(crowd)
    for n, px, py in zip(order, x, y):
        boxes[n].x, boxes[n].y = float(px), float(py)
    return sweeps


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float]:
    """Return how far two boxes overlap along x and y (0 or less: they do not)."""
    return min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])


def colliding_labels(boxes: dict[int, Box], order: list[int]) -> set[int]:
    """Return the nodes whose label would overlap any circle or a label kept before it (``order``: first kept)."""
    import numpy as np

    circles = np.array([(b.x - b.radius, b.y - b.radius, b.x + b.radius, b.y + b.radius) for b in boxes.values()])
    kept = np.empty((0, 4))
    hidden: set[int] = set()
    for n in order:
        mine = np.array(boxes[n].label_bounds())
        others = np.vstack([circles, kept])
        ox = np.minimum(others[:, 2], mine[2]) - np.maximum(others[:, 0], mine[0])
        oy = np.minimum(others[:, 3], mine[3]) - np.maximum(others[:, 1], mine[1])
        if ((ox > 0) & (oy > 0)).any():
            hidden.add(n)
        else:
            kept = np.vstack([kept, mine])
    return hidden
