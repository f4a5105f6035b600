"""Labels where nothing else is: each label tries a few places near what it names, in order,
and takes the first that overlaps no shape, no edge, no other label and no lane or pool border.

Names of events and gateways go under their shape (else above, right or left); a flow's label goes
beside its first segment, next to the gateway it leaves, before any other part of the flow; a message's
label beside its end at the participant's pool. A grid of cells holds what is already drawn, so each
test looks at a few neighbours only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from qms.layout.shapes import Box, Diagram, External, Point, Pool

__all__ = ["place_labels"]

CELL = 128
GAP = 4  # between a label and the line or shape it names


@dataclass(slots=True)
class _Grid:
    """Boxes and segments by grid cell."""

    boxes: dict[tuple[int, int], list[Box]] = field(default_factory=dict)
    segments: dict[tuple[int, int], list[tuple[Point, Point]]] = field(default_factory=dict)
    borders: dict[tuple[int, int], list[tuple[int, int, int]]] = field(default_factory=dict)  # y, x0, x1

    def add_box(self, box: Box) -> None:
        for cell in _cells(box):
            self.boxes.setdefault(cell, []).append(box)

    def add_segment(self, a: Point, b: Point) -> None:
        box = (min(a[0], b[0]), min(a[1], b[1]), abs(a[0] - b[0]), abs(a[1] - b[1]))
        for cell in _cells(box):
            self.segments.setdefault(cell, []).append((a, b))

    def add_border(self, y: int, x0: int, x1: int) -> None:
        for cell in _cells((x0, y, x1 - x0, 0)):
            self.borders.setdefault(cell, []).append((y, x0, x1))

    def free(self, box: Box) -> bool:
        x, y, w, h = box
        for cell in _cells(box):
            for other in self.boxes.get(cell, ()):
                if x < other[0] + other[2] and other[0] < x + w and y < other[1] + other[3] and other[1] < y + h:
                    return False
            for a, b in self.segments.get(cell, ()):
                if _touches(a, b, box):
                    return False
            for by, x0, x1 in self.borders.get(cell, ()):
                if y <= by <= y + h and x0 < x + w and x < x1:
                    return False
        return True


def _cells(box: Box) -> Iterator[tuple[int, int]]:
    x, y, w, h = box
    for cx in range(x // CELL, (x + w) // CELL + 1):
        for cy in range(y // CELL, (y + h) // CELL + 1):
            yield cx, cy


def _touches(a: Point, b: Point, box: Box) -> bool:
    """The segment runs through ``box`` or along its inside (a label may not sit on a line)."""
    x, y, w, h = box
    if a[0] == b[0]:
        lo, hi = sorted((a[1], b[1]))
        return x - 1 <= a[0] <= x + w + 1 and lo < y + h and y < hi
    lo, hi = sorted((a[0], b[0]))
    return y - 1 <= a[1] <= y + h + 1 and lo < x + w and x < hi


def place_labels(d: Diagram, pools: Iterable[Pool], externals: Iterable[External],
                 headers: dict[str, Box]) -> None:
    """Move each label of ``d`` to the first free place near what it names (in place).

    ``headers`` are the lane and pool headers (no label goes there). A label that finds no
    free place keeps the place the layout gave it, and :mod:`qms.layout.quality` reports it.
    """
    pools = list(pools)
    grid = _Grid()
    solid = [x.id for x in externals]
    containers: list[str] = []
    for p in pools:
        containers.append(p.id)
        containers.extend(b for b in p.bands if b)
        for node in p.nodes:
            solid.append(node.id)
            solid.extend(a.id for a in node.artifacts)
    for ident in solid:
        if ident in d.shapes:
            grid.add_box(_grown(d.shapes[ident], 2))
    for box in headers.values():
        grid.add_box(box)
    for ident in containers:
        if ident in d.shapes:
            x, y, w, h = d.shapes[ident]
            grid.add_border(y, x, x + w)
            grid.add_border(y + h, x, x + w)
    for pts in d.edges.values():
        for a, b in zip(pts, pts[1:], strict=False):
            grid.add_segment(a, b)
    for ident, candidates in _wishes(d, pools):
        box = d.labels[ident]
        for cand in (*candidates, *_nearby(candidates[0])):
            if grid.free(cand):
                box = cand
                break
        d.labels[ident] = box
        grid.add_box(box)


_OFFSETS = sorted(((dx, dy) for dx in range(-240, 241, 12) for dy in range(-160, 161, 8)),
                  key=lambda o: (o[0] * o[0] + 4 * o[1] * o[1], o))


def _nearby(box: Box) -> Iterator[Box]:
    """Places around ``box``, nearest first (where a crowded label goes when its wishes are taken)."""
    x, y, w, h = box
    for dx, dy in _OFFSETS:
        yield x + dx, y + dy, w, h


def _grown(box: Box, by: int) -> Box:
    return box[0] - by, box[1] - by, box[2] + 2 * by, box[3] + 2 * by


def _wishes(d: Diagram, pools: list[Pool]) -> Iterator[tuple[str, list[Box]]]:
    """Every label with its candidate places, best first; shapes' names first, then flows', then messages'."""
    labels = d.labels
    for p in pools:
        for node in p.nodes:
            if node.id in labels:
                yield node.id, [labels[node.id], *_around(d.shapes[node.id], labels[node.id])]
            for art in node.artifacts:
                if art.id in labels:
                    yield art.id, [labels[art.id], *_around(d.shapes[art.id], labels[art.id])]
    for p in pools:
        for e in (*p.edges, *p.links):
            if e.id in labels:
                yield e.id, [*_along(d.edges[e.id], labels[e.id]), labels[e.id]]
        for m in p.messages:
            if m.id in labels:
                pts = d.edges[m.id] if m.incoming else d.edges[m.id][::-1]  # from the participant's end
                yield m.id, [labels[m.id], *_along(pts, labels[m.id], reach=60)]


def _around(shape: Box, label: Box) -> list[Box]:
    """Under, above, right and left of a shape, then further down."""
    x, y, w, h = shape
    lw, lh = label[2], label[3]
    cx = x + w // 2
    return [
        (cx - lw // 2, y + h + GAP, lw, lh),
        (cx - lw // 2, y - GAP - lh, lw, lh),
        (x + w + GAP, y + h // 2 - lh // 2, lw, lh),
        (x - GAP - lw, y + h // 2 - lh // 2, lw, lh),
        (x + w + GAP, y + h + GAP, lw, lh),
        (x - GAP - lw, y + h + GAP, lw, lh),
        (x + w + GAP, y - GAP - lh, lw, lh),
        (x - GAP - lw, y - GAP - lh, lw, lh),
        *((cx - lw // 2, y + h + GAP + k * 12, lw, lh) for k in range(1, 6)),
    ]


def _along(pts: list[Point], label: Box, reach: int = 6) -> Iterator[Box]:
    """Beside each segment of an edge, from its first end on: both sides, stepping along."""
    lw, lh = label[2], label[3]
    for a, b in zip(pts, pts[1:], strict=False):
        if a[1] == b[1]:  # horizontal: above, then below, stepping away from a
            step = 1 if b[0] >= a[0] else -1
            length = abs(b[0] - a[0])
            for k in range(0, max(1, length - lw) + 1, 12)[:reach]:
                x0 = a[0] + step * (GAP + k) if step > 0 else a[0] - GAP - k - lw
                yield x0, a[1] - GAP - lh, lw, lh
                yield x0, a[1] + GAP, lw, lh
        else:  # vertical: right, then left, stepping away from a
            step = 1 if b[1] >= a[1] else -1
            length = abs(b[1] - a[1])
            for k in range(0, max(1, length - lh) + 1, 8)[:reach]:
                y0 = a[1] + step * (GAP + k) if step > 0 else a[1] - GAP - k - lh
                yield a[0] + GAP, y0, lw, lh
                yield a[0] - GAP - lw, y0, lw, lh
