"""The diagram (BPMN DI) of an export: shapes and edges of the plane, a pool at a time."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from lxml import etree

from qms import layout as lay
from qms.bpmn.plan import Ids, Planned
from qms.bpmn.stream import Stream
from qms.bpmn.tags import T_BOUNDS, T_EDGE, T_LABEL, T_SHAPE, T_WAYPOINT

__all__ = ["write_diagram"]

_SUB = etree.SubElement


def write_diagram(
    stream: Stream, ids: Ids, diagram: lay.Diagram, externals: list[str], plans: list[Planned], stubs: list[str],
) -> None:
    """Shapes and edges of the plane, a pool at a time."""
    shapes, labels, edges = diagram.shapes, diagram.labels, diagram.edges
    used = ids.used
    sub = _SUB

    def di_id(ident: str) -> str:
        di = ident + "_di"
        if di in used:
            return ids.new(di)
        used.add(di)
        return di

    def label(el: etree._Element, ident: str) -> None:
        box = labels.get(ident)
        if box is not None:
            x, y, w, h = box
            sub(sub(el, T_LABEL), T_BOUNDS, {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})

    def draw(members: Iterable[tuple[str, dict[str, str] | None]]) -> None:
        plane = stream.fresh()
        for ident, extra in members:
            attrs = {"id": di_id(ident), "bpmnElement": ident}
            if extra:
                attrs.update(extra)
            el = sub(plane, T_SHAPE, attrs)
            x, y, w, h = shapes[ident]
            sub(el, T_BOUNDS, {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})
            if ident in labels:
                label(el, ident)
        stream.write(plane)

    horizontal = {"isHorizontal": "true"}
    extras = {"callActivity": {"isExpanded": "false"}, "exclusiveGateway": {"isMarkerVisible": "true"}}
    draw((pid, horizontal) for pid in externals)
    for plan in plans:
        draw(chain([(plan.participant, horizontal)], ((band, horizontal) for band in plan.pool.bands if band),
                   ((ident, extras.get(kind)) for ident, kind in plan.shapes_di)))
    draw((pid, horizontal) for pid in stubs)
    for plan in plans:
        plane = stream.fresh()
        for ident in chain(plan.edges_di, (m[0] for m in plan.messages)):
            el = sub(plane, T_EDGE, {"id": di_id(ident), "bpmnElement": ident})
            for x, y in edges[ident]:
                sub(el, T_WAYPOINT, {"x": str(x), "y": str(y)})
            if ident in labels:
                label(el, ident)
        stream.write(plane)
