"""The diagram of an export: a shape for every planned shape, an edge for every flow and association."""

from __future__ import annotations

from lxml import etree

from qms.bpmn import export_process
from qms.bpmn.plan import new_context, plan_process
from qms.bpmn.tags import BPMNDI, DC, DI
from qms.model import Process, QualitySystem

NS = {"bpmndi": BPMNDI, "dc": DC, "di": DI}


def test_every_planned_shape_and_edge_is_drawn_once() -> None:
    p = Process.model_validate({
        "process": "p", "name": "P", "category": "core", "lanes": ["r"],
        "steps": [{"id": "s", "start": "S", "lane": "r"}, {"id": "a", "task": "A", "lane": "r", "reads": ["d"],
                   "note": "N"}, {"id": "e", "end": "E", "lane": "r"}],
        "flow": ["s -> a -> e"],
    })
    system = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p])
    plan = plan_process(new_context(system, None), p, "")
    root = etree.fromstring(export_process(system, p))
    shapes = [el.get("bpmnElement") for el in root.iterfind(".//bpmndi:BPMNShape", NS)]
    edges = [el.get("bpmnElement") for el in root.iterfind(".//bpmndi:BPMNEdge", NS)]
    assert shapes == [plan.participant, "Lane_r", *(ident for ident, _ in plan.shapes_di)]
    assert edges == plan.edges_di
    for el in root.iterfind(".//bpmndi:BPMNEdge", NS):
        assert len(el.findall("di:waypoint", NS)) >= 2
