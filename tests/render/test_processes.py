"""How the map and the hierarchy arrange processes: rows, order, parents and links."""

from __future__ import annotations

from qms.model import Process, QualitySystem
from qms.render.processes import child_processes, ordered_processes, process_link, split_rows


def _p(pid: str, category: str = "core", **extra: object) -> Process:
    return Process.model_validate({"process": pid, "name": pid.upper(), "category": category, **extra})


def test_rows_are_as_even_as_they_can_be() -> None:
    items = [_p(f"p{i}") for i in range(7)]
    assert [len(r) for r in split_rows(items, 5)] == [4, 3]
    assert [len(r) for r in split_rows(items[:5], 5)] == [5]
    assert split_rows([], 5) == []


def test_value_chain_first_then_groups_then_the_rest() -> None:
    a, b, c = _p("a"), _p("b"), _p("c")
    system = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[a, b, c],
                           architecture={"value_chain": ["c"], "groups": [{"id": "g", "name": "G", "category": "core", "processes": ["b"]}]})
    assert [p.process for p in ordered_processes(system, "core", [a, b, c])] == ["c", "b", "a"]


def test_children_hang_under_their_parent_and_stubs_get_links_only_when_asked() -> None:
    parent, child = _p("top", steps=[{"id": "x", "task": "X"}]), _p("sub", parent="top")
    system = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[parent, child])
    assert child_processes(system) == {"top": [child]}
    assert process_link(parent, "{id}.svg", False) == "top.svg"
    assert process_link(child, "{id}.svg", False) is None
    assert process_link(child, "{id}.svg", True) == "sub.svg"
    assert process_link(parent, None, True) is None
