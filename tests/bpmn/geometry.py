"""Geometry of exported DI, for tests: overlapping shapes and edges through shapes."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from qms.bpmn.tags import BPMN, BPMNDI, DC, DI

_NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI}
_CONTAINERS = {"participant", "lane"}


@dataclass
class Shape:
    id: str
    tag: str
    x: int
    y: int
    w: int
    h: int

    def inside(self, px: float, py: float, margin: float = 0) -> bool:
        return self.x + margin < px < self.x + self.w - margin and self.y + margin < py < self.y + self.h - margin


def read(xml: bytes) -> tuple[dict[str, Shape], dict[str, tuple[list[tuple[int, int]], str, str]]]:
    """Shapes (id → Shape) and edges (id → (waypoints, source id, target id)) of a file."""
    root = etree.fromstring(xml)
    tags: dict[str, str] = {}
    ends: dict[str, tuple[str, str]] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith("{" + BPMN):
            continue
        ident = el.get("id")
        if ident:
            tags[ident] = etree.QName(el).localname
            if el.get("sourceRef") is not None:
                ends[ident] = (el.get("sourceRef", ""), el.get("targetRef", ""))
    for da in root.iterfind(".//bpmn:dataOutputAssociation", _NS):
        ends[da.get("id", "")] = (da.getparent().get("id", ""), da.findtext("bpmn:targetRef", "", _NS))
    for da in root.iterfind(".//bpmn:dataInputAssociation", _NS):
        ends[da.get("id", "")] = (da.findtext("bpmn:sourceRef", "", _NS), da.getparent().get("id", ""))
    shapes: dict[str, Shape] = {}
    for s in root.iterfind(".//bpmndi:BPMNShape", _NS):
        bx = s.find("dc:Bounds", _NS)
        ref = s.get("bpmnElement", "")
        shapes[ref] = Shape(ref, tags.get(ref, "?"), int(bx.get("x")), int(bx.get("y")), int(bx.get("width")),
                            int(bx.get("height")))
    edges = {}
    for e in root.iterfind(".//bpmndi:BPMNEdge", _NS):
        ref = e.get("bpmnElement", "")
        pts = [(int(w.get("x")), int(w.get("y"))) for w in e.iterfind("di:waypoint", _NS)]
        src, dst = ends.get(ref, ("", ""))
        edges[ref] = (pts, src, dst)
    return shapes, edges


def overlaps(shapes: dict[str, Shape]) -> list[tuple[str, str]]:
    """Pairs of non-container shapes whose bounds intersect."""
    items = sorted((s for s in shapes.values() if s.tag not in _CONTAINERS), key=lambda s: s.x)
    out = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if b.x >= a.x + a.w:
                break
            if a.y < b.y + b.h and b.y < a.y + a.h:
                out.append((a.id, b.id))
    return out


def crossings(shapes: dict[str, Shape], edges: dict) -> list[tuple[str, str]]:
    """(edge, shape) pairs where an edge segment passes through a shape other than its ends."""
    out = []
    solid = [s for s in shapes.values() if s.tag not in _CONTAINERS]
    for eid, (pts, src, dst) in edges.items():
        for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
            for s in solid:
                if s.id in (src, dst):
                    continue
                if _segment_hits(x1, y1, x2, y2, s):
                    out.append((eid, s.id))
    return out


def _segment_hits(x1: int, y1: int, x2: int, y2: int, s: Shape) -> bool:
    if x1 == x2:
        lo, hi = sorted((y1, y2))
        return s.x < x1 < s.x + s.w and lo < s.y + s.h and s.y < hi
    if y1 == y2:
        lo, hi = sorted((x1, x2))
        return s.y < y1 < s.y + s.h and lo < s.x + s.w and s.x < hi
    return False  # diagonal segments are not produced
