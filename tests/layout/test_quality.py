"""The quality measures, and the layout measured by them: generated processes and the examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from qms.layout import Diagram, Edge, External, Message, Node, Pool, layout
from qms.layout.quality import Defect, crossings, crossings_per_edge, defects, scene
from qms.load import load
from qms.model import Process
from qms.render.flow import LANE_HEADER, flow_layout
from tests.bpmn.strategies import rich_processes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["redu", "sakk", "lappia"]


def _pool(nodes: list[Node], edges: list[Edge], **kw: object) -> Pool:
    return Pool("pool", ["lane"], nodes, edges, **kw)  # type: ignore[arg-type]


def _defects_of(process: Process, headers: tuple[int, int]) -> list[Defect]:
    fl = flow_layout(process, headers=headers)
    return defects(scene(fl.diagram, [fl.plan.pool], fl.externals))


def test_each_measure_finds_what_it_names() -> None:
    d = Diagram(
        shapes={"pool": (0, 0, 400, 200), "lane": (30, 0, 370, 100), "a": (50, 20, 100, 80),
                "b": (120, 30, 100, 80), "c": (300, 20, 36, 36)},
        labels={"a": (200, 90, 40, 20), "c": (300, 0, 40, 14)},
        edges={"f": [(150, 60), (300, 38)], "g": [(10, 50), (390, 50)]},
    )
    pool = _pool([Node("a", 0, 100, 80), Node("b", 0, 100, 80), Node("c", 0, 36, 36)],
                 [Edge("f", "a", "c"), Edge("g", "a", "b")])
    kinds = {x.kind for x in defects(scene(d, [pool]))}
    assert kinds == {"overlap", "edge-through-shape", "not-orthogonal", "label-over-shape", "label-on-border",
                     "outside-lane"}


def test_labels_over_edges_and_labels_are_found() -> None:
    d = Diagram(shapes={"pool": (0, 0, 400, 200)}, labels={"f": (10, 40, 50, 20), "g": (40, 45, 50, 20)},
                edges={"f": [(0, 100), (300, 100)], "g": [(20, 0), (20, 150)]})
    found = {str(x) for x in defects(scene(d, [_pool([], [Edge("f", "x", "y"), Edge("g", "x", "y")])]))}
    assert found == {"label-over-edge: f g", "label-over-label: f g"}


def test_crossings_count_points_where_two_edges_cross() -> None:
    d = Diagram(edges={"h": [(0, 50), (100, 50)], "v": [(50, 0), (50, 100)], "w": [(60, 0), (60, 50)],
                       "t": [(0, 50), (0, 100)]})
    assert crossings(d) == 1  # w only touches h, t shares an end with it
    assert crossings_per_edge(d) == 0.25
    assert crossings_per_edge(Diagram()) == 0.0


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_processes())
def test_generated_processes_lay_out_without_defects(process: Process) -> None:
    assert _defects_of(process, (30, 30)) == []  # as exported


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_processes())
def test_generated_processes_draw_without_defects(process: Process) -> None:
    assert _defects_of(process, (0, LANE_HEADER)) == []  # as the swimlane draws it


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_lay_out_without_defects(name: str) -> None:
    system = load(ROOT / "models" / name).system
    assert system is not None
    for p in system.processes:
        if not p.is_stub:
            fl = flow_layout(p, system)
            assert defects(scene(fl.diagram, [fl.plan.pool], fl.externals)) == [], p.process


def test_message_labels_of_one_participant_stay_apart() -> None:
    nodes = [Node(f"n{i}", 0, 100, 80) for i in range(3)]
    edges = [Edge(f"e{i}", f"n{i}", f"n{i + 1}") for i in range(2)]
    messages = [Message(f"m{i}{j}", f"n{i}", "x", j == 0, 60, 28) for i in range(3) for j in range(2)]
    pool = _pool(nodes, edges, messages=messages)
    d = layout([pool], [External("x")])
    assert defects(scene(d, [pool], [External("x")])) == []
