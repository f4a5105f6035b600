"""A swimlane too large for the paper, cut into pages, with off-page connectors.

Cuts across the flow fall between two columns, where no shape stands (and, where it can, no
label); cuts along it fall at lane borders. Each page repeats the lane headers, and an edge
that runs on to another page ends at a circle numbered with that page, the off-page
connector, from which it starts again there. Pages are numbered row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qms.layout import Box, Diagram, Point

__all__ = ["PAPERS", "Page", "page_size", "paginate"]

#: Landscape paper: printable width and height in millimetres (10 mm margins).
PAPERS = {"a4": (277, 190), "a3": (400, 277)}
CONNECTOR = 16  # diameter of an off-page connector, in pixels


@dataclass(slots=True)
class Page:
    """One page: the part of the diagram it shows, how its edges are cut, and its connectors."""

    number: int  # from 1
    area: Box  # the part of the whole diagram on the page (lane headers left of it)
    left: int  # x of the page's left edge in the whole diagram (the lane headers are drawn from here)
    diagram: Diagram = field(default_factory=Diagram)
    pieces: dict[str, list[tuple[str, str, str, bool, bool]]] = field(default_factory=dict)
    """edge id → its pieces on the page: (piece id, tail, head, starts at the tail, ends at the head);
    a tail or head that is an off-page connector is its id."""
    connectors: dict[str, tuple[Box, int]] = field(default_factory=dict)  # id → box, page it leads to


def page_size(paper: str, scale: float, title: int) -> tuple[int, int]:
    """Printable width and height of landscape ``paper`` in layout pixels at ``scale`` points per
    pixel, less ``title`` pixels at the top.

    Examples
    --------
    >>> page_size("a4", 0.75, 36)
    (1046, 682)
    """
    w, h = PAPERS[paper]
    return int(w / 25.4 * 72 / scale), int(h / 25.4 * 72 / scale) - title


def paginate(d: Diagram, size: tuple[int, int], header: int, containers: set[str], lanes: list[str],
             ends: dict[str, tuple[str, str]]) -> list[Page]:
    """Cut ``d`` into pages of at most ``size`` pixels (``header`` of the width repeat the lane headers).

    ``containers`` are the lanes and pools (cut with the page, not kept whole), ``lanes`` the lanes
    top to bottom, ``ends`` the tail and head of every edge. A diagram that fits is one page.
    """
    right = max([x + w for x, _, w, _ in d.shapes.values()] + [x for pts in d.edges.values() for x, _ in pts]) + 1
    bottom = max([y + h for _, y, _, h in (*d.shapes.values(), *d.labels.values())]
                 + [y for pts in d.edges.values() for _, y in pts]) + 1
    xs = _cuts_across(d, containers, size[0], header, right)
    ys = _cuts_along(d, lanes, size[1], bottom)
    columns = len(xs) - 1
    pages = [Page(r * columns + c + 1, (a, top, b - a, low - top), a - header if c else 0)
             for r, (top, low) in enumerate(zip(ys, ys[1:], strict=False))
             for c, (a, b) in enumerate(zip(xs, xs[1:], strict=False))]
    for page in pages:
        _fill(page, d, containers)
        for eid in sorted(d.edges):
            _cut_edge(page, eid, d.edges[eid], ends[eid], columns, len(pages))
    return _without_empty(pages, containers)


def _without_empty(pages: list[Page], containers: set[str]) -> list[Page]:
    """The pages that show something besides lanes, numbered anew (no edge leads to an empty page)."""
    kept = [p for p in pages if p.diagram.edges or set(p.diagram.shapes) - containers]
    number = {p.number: n for n, p in enumerate(kept, 1)}
    for p in kept:
        p.number = number[p.number]
        p.connectors = {cid: (box, number.get(other, other)) for cid, (box, other) in p.connectors.items()}
    return kept


def _cuts_across(d: Diagram, containers: set[str], width: int, header: int, right: int) -> list[int]:
    """x of every cut across the flow: the first 0, the last the diagram's right."""
    shapes = [(x, x + w) for ident, (x, _, w, _) in d.shapes.items() if ident not in containers]
    labels = [(x, x + w) for x, _, w, _ in d.labels.values()]
    verticals = {a[0] for pts in d.edges.values() for a, b in zip(pts, pts[1:], strict=False) if a[0] == b[0]}
    cuts = [0]
    while right - cuts[-1] > (width if len(cuts) == 1 else width - header):
        limit = cuts[-1] + (width if len(cuts) == 1 else width - header)
        xs = [x for x in range(limit - CONNECTOR, cuts[-1] + width // 4, -1) if x not in verticals]
        free = [x for x in xs if not any(lo - CONNECTOR < x < hi + CONNECTOR for lo, hi in shapes)]
        clear = [x for x in free if not any(lo - CONNECTOR < x < hi + CONNECTOR for lo, hi in labels)]
        near = [x for x in clear if x > limit - width // 8]  # else a label may be cut, to save a page
        cuts.append((near or free or clear or [limit - CONNECTOR])[0])
    return [*cuts, right]


def _cuts_along(d: Diagram, lanes: list[str], height: int, bottom: int) -> list[int]:
    """y of every cut along the flow, at lane borders: the first 0, the last the diagram's bottom."""
    borders = sorted({d.shapes[lane][1] for lane in lanes if lane in d.shapes})
    cuts = [0]
    while bottom - cuts[-1] > height:
        fits = [y for y in borders if cuts[-1] + height // 4 < y <= cuts[-1] + height]
        cuts.append(fits[-1] if fits else cuts[-1] + height)
    return [*cuts, bottom]


def _inside(page: Page, x: float, y: float) -> bool:
    a, top, w, h = page.area
    return a <= x < a + w and top <= y < top + h


def _fill(page: Page, d: Diagram, containers: set[str]) -> None:
    """The shapes and labels of the page: containers cut to it, the rest kept whole where its centre is."""
    a, top, w, h = page.area
    for ident, (x, y, sw, sh) in d.shapes.items():
        if ident in containers:
            x0, x1, y0, y1 = max(x, a), min(x + sw, a + w), max(y, top), min(y + sh, top + h)
            if x0 < x1 and y0 < y1:
                page.diagram.shapes[ident] = (x0, y0, x1 - x0, y1 - y0)
        elif _inside(page, x + sw / 2, y + sh / 2):
            page.diagram.shapes[ident] = (x, y, sw, sh)
    for ident, box in d.labels.items():
        if _inside(page, box[0] + box[2] / 2, box[1] + box[3] / 2):
            page.diagram.labels[ident] = box


def _cut_edge(page: Page, eid: str, pts: list[Point], ends: tuple[str, str], columns: int, pages: int) -> None:
    """The pieces of one edge that lie on the page, each ending at its node or at a connector."""
    pieces: list[tuple[list[Point], bool, bool]] = []  # points, starts at the tail, ends at the head
    current: list[Point] = []
    start = False
    for i, (p, q) in enumerate(zip(pts, pts[1:], strict=False)):
        part = _clip(p, q, page.area)
        if part is None or (current and part[0] != current[-1]):
            if current:
                pieces.append((current, start, False))
            current = []
            if part is None:
                continue
        if not current:
            current, start = [part[0]], i == 0 and part[0] == p
        current.append(part[1])
        if part[1] != q:  # it leaves the page here
            pieces.append((current, start, False))
            current = []
    if current:
        pieces.append((current, start, current[-1] == pts[-1]))
    pieces = [piece for piece in pieces if len(set(piece[0])) > 1]
    for k, (piece, first, last) in enumerate(pieces):
        pid = eid if k == 0 else f"{eid}~{k + 1}"
        first = first and ends[0] in page.diagram.shapes
        last = last and ends[1] in page.diagram.shapes
        tail = ends[0] if first else _connector(page, f"{pid}:from", piece, 0, columns, pages)
        head = ends[1] if last else _connector(page, f"{pid}:to", piece, -1, columns, pages)
        page.diagram.edges[pid] = piece
        page.pieces.setdefault(eid, []).append((pid, tail, head, first, last))


def _clip(p: Point, q: Point, area: Box) -> tuple[Point, Point] | None:
    """The part of the axis-parallel segment ``p``–``q`` inside ``area`` (its right and bottom
    edges excluded), if any."""
    a, top, w, h = area
    axis = 0 if p[1] == q[1] else 1  # the coordinate that changes along the segment
    other = p[1 - axis]
    if not (a <= other < a + w if axis else top <= other < top + h):
        return None
    lo_edge, hi_edge = (a, a + w - 1) if axis == 0 else (top, top + h - 1)
    lo, hi = max(min(p[axis], q[axis]), lo_edge), min(max(p[axis], q[axis]), hi_edge)
    if lo >= hi:
        return None
    s, e = (lo, hi) if p[axis] < q[axis] else (hi, lo)
    return ((s, other), (e, other)) if axis == 0 else ((other, s), (other, e))


def _connector(page: Page, ident: str, piece: list[Point], at: int, columns: int, pages: int) -> str:
    """A connector where ``piece`` leaves the page (``at`` -1: its end) or comes in (0: its start);
    the piece is shortened to touch it. Its number is the page on the other side."""
    a, top, w, h = page.area
    x, y = piece[at]
    r = CONNECTOR // 2
    side = {x >= a + w - 1: (1, 0), x <= a: (-1, 0), y >= top + h - 1: (0, 1), y <= top: (0, -1)}.get(True, (1, 0))
    cx = x if side[0] == 0 else (a + w - r if side[0] > 0 else a + r)
    cy = y if side[1] == 0 else (top + h - r if side[1] > 0 else top + r)
    piece[at] = (cx - side[0] * r, cy - side[1] * r)
    other = page.number + side[0] + side[1] * columns
    cid = f"offpage:{ident}"
    page.connectors[cid] = ((cx - r, cy - r, CONNECTOR, CONNECTOR), max(1, min(pages, other)))
    return cid
