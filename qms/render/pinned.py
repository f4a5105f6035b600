"""DOT with every position given: shapes at their boxes and edges along their routes, for ``neato -n2``.

The layout (:mod:`qms.layout`) works in pixels with y pointing down, as BPMN DI does; Graphviz
works in points with y pointing up. :class:`Canvas` converts, and writes each shape as a node with
``pos``, ``width``, ``height`` and ``fixedsize``, and each edge with a ``pos`` made of the Bézier
pieces of its straight segments, so that Graphviz draws exactly the layout's picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qms.layout import Box, Point
from qms.render.writer import Attrs, Dot

__all__ = ["SCALE", "Canvas"]

SCALE = 0.75
"""Points per layout pixel: bpmn-js's 12-pixel task names become 9-point text."""

ARROW = 10.0
"""Length of an arrowhead of ``arrowsize`` 1, in points (Graphviz's)."""


@dataclass(slots=True)
class Canvas:
    """Converts layout pixels to Graphviz points and writes pinned nodes and edges."""

    dot: Dot
    height: int  # of the whole picture in pixels: y is flipped around it
    top: int = 0  # the layout's y = 0 is this many pixels down (room for a title)
    left: int = 0  # the layout's x at the picture's left edge (a page of a wide diagram)

    def xy(self, x: float, y: float) -> str:
        """A point of the layout as a Graphviz ``x,y`` in points."""
        return f"{(x - self.left) * SCALE:.2f},{(self.height - self.top - y) * SCALE:.2f}"

    def node(self, name: str, box: Box, attrs: Attrs) -> None:
        """A node filling ``box`` (x, y, width, height in pixels)."""
        x, y, w, h = box
        self.dot.node(name, {
            **attrs, "pos": self.xy(x + w / 2, y + h / 2), "width": _inches(w), "height": _inches(h),
            "fixedsize": "true",
        })

    def text(self, name: str, box: Box, attrs: Attrs) -> None:
        """Text centred in ``box``, as wide as Graphviz measures it (a label)."""
        x, y, w, h = box
        self.dot.node(name, {**attrs, "shape": "plaintext", "pos": self.xy(x + w / 2, y + h / 2), "width": 0,
                             "height": 0, "margin": 0})

    def edge(self, tail: str, head: str, points: Sequence[Point], attrs: Attrs, *, start: float = 0.0,
             end: float = 0.0) -> None:
        """An edge along ``points``; ``start`` and ``end`` are the lengths (points) of its arrowheads."""
        self.dot.edge(tail, head, {**attrs, "pos": self.route(points, start, end)})

    def route(self, points: Sequence[Point], start: float = 0.0, end: float = 0.0) -> str:
        """The ``pos`` of an edge: straight Bézier pieces, shortened where an arrowhead sits.

        Examples
        --------
        >>> Canvas(Dot(), 100).route([(0, 0), (0, 40), (40, 40)], end=7.5)
        'e,30.00,45.00 0.00,75.00 0.00,75.00 0.00,45.00 0.00,45.00 0.00,45.00 22.50,45.00 22.50,45.00'
        """
        pts = [(float(x), float(y)) for x, y in _distinct(points)]
        if len(pts) < 2:
            pts = [pts[0], pts[0]] if pts else [(0.0, 0.0), (0.0, 0.0)]
        head = ""  # Graphviz reads the start point first, then the end point
        if start:
            head = "s," + self.xy(*pts[0]) + " "
            pts[0] = _towards(pts[0], pts[1], start / SCALE)
        if end:
            head += "e," + self.xy(*pts[-1]) + " "
            pts[-1] = _towards(pts[-1], pts[-2], end / SCALE)
        pieces = [self.xy(*pts[0])]
        for a, b in zip(pts, pts[1:], strict=False):
            pieces += [self.xy(*a), self.xy(*b), self.xy(*b)]
        return head + " ".join(pieces)


def _inches(pixels: float) -> float:
    return round(pixels * SCALE / 72, 4)


def _distinct(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


def _towards(p: tuple[float, float], q: tuple[float, float], by: float) -> tuple[float, float]:
    """``p`` moved ``by`` pixels towards ``q`` (at most all the way)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = (dx * dx + dy * dy) ** 0.5
    if not length:
        return p
    t = min(1.0, by / length)
    return p[0] + dx * t, p[1] + dy * t
