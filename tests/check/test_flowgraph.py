"""The flow analyses: block-structured processes are sound, and the analyses are linear."""

from __future__ import annotations

import itertools
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qms.check.config import resolve_config
from qms.check.engine import run_checks
from qms.check.flowgraph import flow_view
from qms.check.registry import RULES
from qms.model import Process, Provider, QualitySystem

# A block is ("task",) | ("seq", [blocks]) | ("xor" | "and" | "or", [blocks]) | ("loop", block)
BLOCKS = st.recursive(
    st.just(("task",)),
    lambda inner: st.one_of(
        st.tuples(st.just("seq"), st.lists(inner, min_size=2, max_size=3)),
        st.tuples(st.sampled_from(["xor", "and", "or"]), st.lists(inner, min_size=2, max_size=3)),
        st.tuples(st.just("loop"), inner),
    ),
    max_leaves=12,
)
_GATEWAY = {"xor": "decision", "and": "parallel", "or": "inclusive"}


class _Builder:
    def __init__(self) -> None:
        self.steps: list[dict[str, Any]] = []
        self.flow: list[dict[str, Any]] = []
        self.ids = itertools.count()
        self.loop_exits: set[str] = set()

    def step(self, kind: str, name: str, **extra: Any) -> str:
        sid = f"s{next(self.ids)}"
        self.steps.append({"id": sid, kind: name, "lane": "r", **extra})
        return sid

    def link(self, a: str, b: str, label: str | None = None) -> None:
        if label is None and a in self.loop_exits:
            label = "ei"  # the forward branch of a loop's "again?" decision
        self.flow.append({"from": a, "to": b, **({"label": label} if label else {})})

    def block(self, b: tuple[Any, ...]) -> tuple[str, str]:
        """Add block ``b``; return its entry and exit step."""
        kind = b[0]
        if kind == "task":
            s = self.step("task", "Työ", pdca="do")
            return s, s
        if kind == "seq":
            parts = [self.block(x) for x in b[1]]
            for (_, out), (inp, _) in itertools.pairwise(parts):
                self.link(out, inp)
            return parts[0][0], parts[-1][1]
        if kind == "loop":
            entry = self.step("decision", "Yhdistys", pdca="check")
            inp, out = self.block(b[1])
            again = self.step("decision", "Uudestaan?", pdca="check")
            self.loop_exits.add(again)
            self.link(entry, inp)
            self.link(out, again)
            self.link(again, entry, "kyllä")
            return entry, again
        gateway = _GATEWAY[kind]
        split = self.step(gateway, "Jako", **({"pdca": "check"} if gateway == "decision" else {}))
        join = self.step(gateway, "Yhdistys", **({"pdca": "check"} if gateway == "decision" else {}))
        for i, branch in enumerate(b[1]):
            inp, out = self.block(branch)
            self.link(split, inp, None if gateway == "parallel" else f"haara {i}")
            self.link(out, join)
        return split, join


def _process(block: tuple[Any, ...]) -> Process:
    builder = _Builder()
    start = builder.step("start", "Alku")
    inp, out = builder.block(block)
    end = builder.step("end", "Loppu")
    builder.link(start, inp)
    builder.link(out, end)
    return Process.model_validate({"process": "p", "name": "P", "category": "core", "lanes": ["r"],
                                   "steps": builder.steps, "flow": builder.flow})


@settings(max_examples=150, deadline=None)
@given(BLOCKS)
def test_block_structured_processes_have_no_structural_finding(block: tuple[Any, ...]) -> None:
    p = _process(block)
    system = QualitySystem(system="p", name="P", provider=Provider(id="p", name="P"), processes=[p])
    config = resolve_config(system, RULES, select=["structure"])
    findings = run_checks(system, config, standalone=True)
    assert [(f.code, f.message) for f in findings] == []


def test_a_parallel_block_inside_an_exclusive_branch_is_sound() -> None:
    p = _process(("xor", [("and", [("task",), ("task",)]), ("task",)]))
    assert flow_view(p).merges == []


def test_analyses_are_linear_in_the_number_of_steps() -> None:
    def build(n: int) -> Process:
        chain = ("seq", [("xor", [("task",), ("and", [("task",), ("task",)])]) for _ in range(n)])
        return _process(chain)

    def cost(p: Process) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            v = flow_view(p)
            _ = (v.reachable, v.reaches_end, v.merges, v.order)
            best = min(best, time.process_time() - start)
        return best

    small, large = build(50), build(400)
    assert len(large.steps) > 7 * len(small.steps)
    # 8× the steps may cost at most ~24× the time (linear with generous slack, not quadratic: 64×)
    assert cost(large) < 24 * max(cost(small), 1e-4)


def test_a_sub_process_and_a_boundary_event_have_no_structural_finding() -> None:
    steps = [
        {"id": "a", "start": "Alku", "lane": "r"},
        {"id": "sub", "subprocess": "Käsittely", "lane": "r", "pdca": "check"},
        {"id": "s2", "start": "Alku 2", "within": "sub", "lane": "r"},
        {"id": "t2", "task": "Työ", "type": "user", "within": "sub", "lane": "r", "pdca": "do"},
        {"id": "e2", "end": "Valmis 2", "within": "sub", "lane": "r"},
        {"id": "late", "event": "Myöhässä", "trigger": "timer", "when": "P7D", "attached_to": "sub", "lane": "r"},
        {"id": "remind", "task": "Muistuta", "lane": "r", "pdca": "act"},
        {"id": "e", "end": "Loppu", "lane": "r"},
        {"id": "e3", "end": "Muistutettu", "lane": "r"},
    ]
    flow = ["a -> sub -> e", "s2 -> t2 -> e2", "late -> remind -> e3"]
    p = Process.model_validate({"process": "p", "name": "P", "category": "core", "lanes": ["r"],
                                "steps": steps, "flow": flow})
    view = flow_view(p)
    assert view.starts == ["a"] and set(view.roots) == {"a", "s2", "late"}
    assert view.reachable == {s["id"] for s in steps}
    system = QualitySystem(system="p", name="P", provider=Provider(id="p", name="P"), processes=[p])
    findings = run_checks(system, resolve_config(system, RULES, select=["structure"]), standalone=True)
    assert [(f.code, f.message) for f in findings] == []
