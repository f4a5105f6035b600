"""The ProcessGraph: steps in file order, the first of an id, flows kept apart, kinds from the table."""

from __future__ import annotations

import gc
import weakref

from qms.graph.build import flow_graph
from qms.model import Process


def _graph() -> Process:
    return Process.model_validate({
        "process": "p", "name": "P", "category": "core",
        "steps": [{"id": "b", "task": "B"}, {"id": "a", "start": "A"}, {"id": "c", "decision": "C?"}],
        "flow": ["a -> b", "b -> c", "b -> c: again", "c -> b", "c -> nowhere"],
    })


def test_nodes_are_steps_in_file_order_with_their_kind() -> None:
    g = flow_graph(_graph())
    assert g.nodes == ["b", "a", "c"]
    assert [g.kind(n).graph_kind for n in g.nodes] == ["task", "start", "gateway"]
    assert g.data["c"].step.id == "c"


def test_flows_to_unknown_steps_are_left_out_and_parallel_flows_kept() -> None:
    g = flow_graph(_graph())
    assert [f.pos for f in g.flows] == [0, 1, 2, 3]
    assert [f.pos for f in g.out["b"]] == [1, 2]
    assert [f.pos for f in g.inc["b"]] == [0, 3]
    assert sorted(g.nx.edges) == [("a", "b"), ("b", "c"), ("c", "b")]
    assert g.flows_between({("b", "c")}) == {1, 2}


def test_a_graph_is_freed_without_the_cycle_collector() -> None:
    g = flow_graph(_graph())
    g.flows_between({("a", "b")})
    ref = weakref.ref(g.nx)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del g
        assert ref() is None
    finally:
        if enabled:
            gc.enable()
