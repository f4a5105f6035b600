"""The export's plan: ids, derived split and join gateways, derived conditions, lanes and data."""

from __future__ import annotations

from typing import Any

from qms.bpmn.plan import Ids, new_context, plan_flows, plan_process
from qms.model import Process, QualitySystem


def _system(**process: Any) -> tuple[QualitySystem, Process]:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core", **process})
    return QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p]), p


def test_ids_keep_model_ids_and_suffix_a_clash() -> None:
    ids = Ids()
    assert [ids.new("a"), ids.new("a"), ids.new("a"), ids.new("a_2_x")] == ["a", "a_2", "a_3", "a_2_x"]


def test_a_task_with_two_ways_out_gets_a_split_and_one_with_two_ways_in_a_join() -> None:
    system, p = _system(
        steps=[{"id": "s", "start": "S"}, {"id": "a", "task": "A"}, {"id": "b", "task": "B"},
               {"id": "c", "task": "C"}, {"id": "e", "end": "E"}],
        flow=["s -> a", "a -> b", "a -> c", "b -> e", "c -> e"],
    )
    nodes, flows, index = plan_flows(new_context(system, None), p, "")
    assert [n.id for n in nodes] == ["s", "a", "a_split", "b", "c", "e_join", "e"]
    assert index["a_split"].tag == "parallelGateway"  # unlabelled branches all run
    assert index["e_join"].tag == "exclusiveGateway"
    assert index["a_split"].derived == ("split", "a")
    assert {(f.src, f.dst) for f in flows if f.derived} == {("a", "a_split"), ("e_join", "e")}
    assert index["a_split"].outgoing == ["f_a_b", "f_a_c"]
    assert index["e_join"].incoming == ["f_b_e", "f_c_e"]


def test_a_labelled_split_is_exclusive_and_every_other_branch_gets_a_condition() -> None:
    system, p = _system(
        steps=[{"id": "a", "task": "A"}, {"id": "b", "task": "B"}, {"id": "c", "task": "C"}],
        flow=[{"from": "a", "to": "b", "label": "yes", "condition": "ok"}, "a -> c"],
    )
    _nodes, flows, index = plan_flows(new_context(system, None), p, "")
    assert index["a_split"].tag == "exclusiveGateway"
    assert index["a_split"].name == "yes / "
    unnamed = next(f for f in flows if f.dst == "c")
    assert (unnamed.name, unnamed.condition, unnamed.derived_name) == ("C", "C", True)


def test_a_gateway_gets_no_split_and_its_join_keeps_its_kind() -> None:
    system, p = _system(
        steps=[{"id": "a", "task": "A"}, {"id": "b", "task": "B"}, {"id": "j", "parallel": "J"},
               {"id": "c", "task": "C"}, {"id": "d", "task": "D"}],
        flow=["a -> j", "b -> j", "j -> c", "j -> d"],
    )
    _nodes, _, index = plan_flows(new_context(system, None), p, "")
    assert "j_split" not in index
    assert index["j_join"].tag == "parallelGateway"


def test_the_plan_gives_lanes_in_order_and_data_their_own_ids() -> None:
    system, p = _system(
        lanes=["x"],
        steps=[{"id": "a", "task": "A", "lane": "y", "documents": ["d"]}, {"id": "b", "task": "B", "lane": "x"},
               {"id": "c", "task": "C"}],
        flow=["a -> b -> c"],
    )
    plan = plan_process(new_context(system, None), p, "")
    assert plan.lanes == [("x", "Lane_x"), ("y", "Lane_y")]
    assert plan.pool.bands == ["Lane_x", "Lane_y", ""]  # a band for the step without a lane
    assert plan.data_objects == [("d", "DataObject_d")]
    assert plan.nodes[0].outputs == [("DataOutputAssociation_a_d", "DataObjectReference_a_d")]
