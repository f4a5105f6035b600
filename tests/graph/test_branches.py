"""The branch analysis: where parallel and alternative branches meet."""

from __future__ import annotations

from qms.check.flowgraph import flow_view
from qms.graph.branches import Merge, split_kind
from qms.graph.process import FlowData
from qms.model import Process


def _merges(steps: list[dict[str, str]], flow: list[str]) -> list[Merge]:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": steps, "flow": flow})
    return flow_view(p).merges


def _steps(**kinds: str) -> list[dict[str, str]]:
    return [{"id": "s", "start": "S"}, *({"id": i, k: i.upper()} for i, k in kinds.items()), {"id": "e", "end": "E"}]


def test_a_parallel_join_after_a_decision_is_a_deadlock() -> None:
    found = _merges(_steps(d="decision", a="task", b="task", j="parallel"),
                    ["s -> d", "d -> a: yes", "d -> b: no", "a -> j", "b -> j", "j -> e"])
    assert found == [Merge("j", "deadlock", "d", (3, 4))]


def test_a_parallel_join_after_an_inclusive_split_may_deadlock() -> None:
    found = _merges(_steps(d="inclusive", a="task", b="task", j="parallel"),
                    ["s -> d", "d -> a: one", "d -> b: two", "a -> j", "b -> j", "j -> e"])
    assert found == [Merge("j", "maybe-deadlock", "d", (3, 4))]


def test_parallel_branches_that_meet_at_a_task_run_it_twice() -> None:
    found = _merges(_steps(f="parallel", a="task", b="task", t="task"),
                    ["s -> f", "f -> a", "f -> b", "a -> t", "b -> t", "t -> e"])
    assert found == [Merge("t", "unsynchronised", "f", (3, 4))]


def test_matching_splits_and_joins_are_sound_and_loops_do_not_count() -> None:
    assert _merges(_steps(f="parallel", a="task", b="task", j="parallel", d="decision"),
                   ["s -> f", "f -> a", "f -> b", "a -> j", "b -> j", "j -> d", "d -> f: again", "d -> e: done"]) == []
    assert _merges(_steps(d="decision", a="task", b="task", m="decision"),
                   ["s -> d", "d -> a: yes", "d -> b: no", "a -> m", "b -> m", "m -> e"]) == []


def test_split_kind_reads_the_gateway_or_the_conditions() -> None:
    plain = FlowData("a", "b", 0, None, None, False, None)
    conditional = FlowData("a", "c", 1, None, "x > 1", False, None)
    assert split_kind("parallel", []) == "and"
    assert split_kind("inclusive", []) == "or"
    assert split_kind(None, [plain, plain]) == "and"
    assert split_kind(None, [plain, conditional]) == "or"
