"""What a reader sees go wrong in a laid-out diagram, counted.

:func:`defects` lists overlapping shapes, edges through shapes, labels over shapes, edges or
other labels, labels on a lane or pool border, segments that are neither horizontal nor
vertical, and shapes outside their lane; :func:`crossings` counts where two edges cross. The
property tests want no defect at all, and the benchmark compares crossings per edge with
bpmn-auto-layout's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from qms.layout.shapes import Box, Diagram, External, Point, Pool

__all__ = ["Defect", "Scene", "crossings", "crossings_per_edge", "defects", "scene"]

Segment = tuple[Point, Point]


@dataclass(frozen=True, slots=True)
class Defect:
    """One thing wrong, and the ids of what is involved."""

    kind: str  # overlap | edge-through-shape | label-over-shape | label-over-edge | label-over-label
    #            | label-on-border | not-orthogonal | outside-lane
    ids: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.kind}: {' '.join(self.ids)}"


@dataclass(slots=True)
class Scene:
    """A diagram with what its ids mean: solid shapes, containers, each edge's ends, each shape's lane."""

    diagram: Diagram
    solid: list[str]  # steps, artifacts and collapsed pools: nothing may run through them
    containers: list[str]  # pools and lanes: their borders carry no label
    ends: dict[str, tuple[str, str]]  # edge id → the ids of the shapes it joins
    lane_of: dict[str, str]  # shape id → lane id


def scene(diagram: Diagram, pools: Iterable[Pool], externals: Iterable[External] = ()) -> Scene:
    """The :class:`Scene` of ``diagram`` as laid out from ``pools`` and ``externals``."""
    s = Scene(diagram, [x.id for x in externals], [], {}, {})
    for p in pools:
        s.containers.append(p.id)
        s.containers.extend(b for b in p.bands if b)
        if p.collapsed:
            s.solid.append(p.id)
        for node in p.nodes:
            s.solid.append(node.id)
            if node.band < len(p.bands) and p.bands[node.band]:
                s.lane_of[node.id] = p.bands[node.band]
            for art in node.artifacts:
                s.solid.append(art.id)
                s.ends[art.assoc] = (node.id, art.id)
        for e in (*p.edges, *p.links):
            s.ends[e.id] = (e.src, e.dst)
        for m in p.messages:
            s.ends[m.id] = (m.node, m.external)
    return s


def defects(s: Scene) -> list[Defect]:
    """Every defect of the scene, in a stable order."""
    return [*_shape_overlaps(s), *_edges_through_shapes(s), *_label_defects(s), *_not_orthogonal(s),
            *_outside_lanes(s)]


def crossings(diagram: Diagram, edges: Iterable[str] | None = None) -> int:
    """Points where a segment of one edge crosses a segment of another (touching ends do not count).

    Examples
    --------
    >>> d = Diagram(edges={"a": [(0, 5), (10, 5)], "b": [(5, 0), (5, 10)], "c": [(20, 0), (20, 9)]})
    >>> crossings(d)
    1
    """
    chosen = sorted(diagram.edges) if edges is None else list(edges)
    horizontal: list[tuple[int, int, int, int]] = []  # y, x0, x1, edge number
    vertical: list[tuple[int, int, int, int]] = []  # x, y0, y1, edge number
    for k, ident in enumerate(chosen):
        for (x1, y1), (x2, y2) in _segments(diagram.edges[ident]):
            if y1 == y2 and x1 != x2:
                horizontal.append((y1, min(x1, x2), max(x1, x2), k))
            elif x1 == x2 and y1 != y2:
                vertical.append((x1, min(y1, y2), max(y1, y2), k))
    vertical.sort()
    xs = [v[0] for v in vertical]
    count = 0
    for y, x0, x1, k in horizontal:
        for x, y0, y1, j in vertical[bisect_right(xs, x0):bisect_right(xs, x1 - 1)]:
            if j != k and x0 < x < x1 and y0 < y < y1:
                count += 1
    return count


def crossings_per_edge(diagram: Diagram, edges: Iterable[str] | None = None) -> float:
    """:func:`crossings` divided by the number of edges (0 for none)."""
    chosen = sorted(diagram.edges) if edges is None else list(edges)
    return crossings(diagram, chosen) / len(chosen) if chosen else 0.0


def _segments(points: list[Point]) -> Iterator[Segment]:
    return zip(points, points[1:], strict=False)


def _overlap(a: Box, b: Box) -> bool:
    """Interiors intersect (sharing a border does not count)."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _hits(seg: Segment, box: Box) -> bool:
    """An axis-parallel segment runs through the interior of ``box``."""
    (x1, y1), (x2, y2) = seg
    x, y, w, h = box
    if x1 == x2:
        lo, hi = sorted((y1, y2))
        return x < x1 < x + w and lo < y + h and y < hi
    if y1 == y2:
        lo, hi = sorted((x1, x2))
        return y < y1 < y + h and lo < x + w and x < hi
    return False


def _pairs(boxes: list[tuple[str, Box]]) -> Iterator[tuple[str, str]]:
    """Pairs of overlapping boxes (a sweep over x)."""
    items = sorted(boxes, key=lambda b: (b[1][0], b[0]))
    for i, (a, ba) in enumerate(items):
        for b, bb in items[i + 1:]:
            if bb[0] >= ba[0] + ba[2]:
                break
            if _overlap(ba, bb):
                yield a, b


def _shape_overlaps(s: Scene) -> Iterator[Defect]:
    shapes = s.diagram.shapes
    for a, b in _pairs([(i, shapes[i]) for i in s.solid if i in shapes]):
        yield Defect("overlap", (a, b))


def _edges_through_shapes(s: Scene) -> Iterator[Defect]:
    shapes = s.diagram.shapes
    solid = [(i, shapes[i]) for i in s.solid if i in shapes]
    for eid in sorted(s.diagram.edges):
        ends = s.ends.get(eid, ())
        for seg in _segments(s.diagram.edges[eid]):
            for sid, box in solid:
                if sid not in ends and _hits(seg, box):
                    yield Defect("edge-through-shape", (eid, sid))


def _label_defects(s: Scene) -> Iterator[Defect]:
    d = s.diagram
    labels = sorted(d.labels.items())
    solid = [(i, d.shapes[i]) for i in s.solid if i in d.shapes]
    for lid, box in labels:
        for sid, shape in solid:
            if sid != lid and _overlap(box, shape):
                yield Defect("label-over-shape", (lid, sid))
        for eid in sorted(d.edges):
            if eid != lid and any(_hits(seg, box) for seg in _segments(d.edges[eid])):
                yield Defect("label-over-edge", (lid, eid))
        for cid in s.containers:
            if cid in d.shapes and _on_border(box, d.shapes[cid]):
                yield Defect("label-on-border", (lid, cid))
    for a, b in _pairs(labels):
        yield Defect("label-over-label", (a, b))


def _on_border(label: Box, container: Box) -> bool:
    """The label straddles the container's top or bottom border (or its left, the header's edge)."""
    lx, ly, lw, lh = label
    x, y, w, h = container
    across = lx < x + w and x < lx + lw
    down = ly < y + h and y < ly + lh
    return (across and (ly < y < ly + lh or ly < y + h < ly + lh)) or (down and lx < x < lx + lw)


def _not_orthogonal(s: Scene) -> Iterator[Defect]:
    for eid in sorted(s.diagram.edges):
        if any(a[0] != b[0] and a[1] != b[1] for a, b in _segments(s.diagram.edges[eid])):
            yield Defect("not-orthogonal", (eid,))


def _outside_lanes(s: Scene) -> Iterator[Defect]:
    shapes = s.diagram.shapes
    for sid, lane in sorted(s.lane_of.items()):
        if sid in shapes and lane in shapes:
            x, y, w, h = shapes[sid]
            lx, ly, lw, lh = shapes[lane]
            if not (lx <= x and x + w <= lx + lw and ly <= y and y + h <= ly + lh):
                yield Defect("outside-lane", (sid, lane))
