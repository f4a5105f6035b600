"""What in a description shows each criterion: items, and what shows each item."""

from __future__ import annotations

from qms.check.context import Context, Settings
from qms.check.evidence import ASSESSORS, assess
from qms.model import QualitySystem

BASE = {"system": "s", "name": "S", "as_of": "2026-03-01", "provider": {"id": "p", "name": "P"}}
STEPS = {"steps": [{"id": "a", "start": "A"}, {"id": "t", "task": "T", "pdca": "check"},
                   {"id": "u", "task": "U", "pdca": "act"}, {"id": "b", "end": "B"}],
         "flow": ["a -> t -> u -> b"]}


def _ctx(profile: str = "recommended", **extra: object) -> tuple[QualitySystem, Context]:
    system = QualitySystem.model_validate({**BASE, **extra})
    return system, Context(system, system.as_of, Settings(profile=profile,
                                                          options={"cycle_reviews": profile == "small-provider"}))


def _shown(cid: str, profile: str = "recommended", **extra: object) -> list[tuple[str, bool]]:
    system, ctx = _ctx(profile, **extra)
    return [(i.key, i.shown is not None) for i in assess(cid, system, ctx).items]


def test_a_stub_shows_nothing_even_with_the_right_tag() -> None:
    stub = {"process": "p", "name": "P", "category": "support", "tags": ["deviation_handling"]}
    assert _shown("ISO-10.2", processes=[stub]) == [("process", False)]
    described = {**stub, **STEPS}
    assert _shown("ISO-10.2", processes=[described]) == [("process", True)]


def test_per_process_criteria_have_one_item_per_process() -> None:
    with_io = {"process": "p", "name": "P", "category": "core", "inputs": ["x"], "outputs": ["y"], **STEPS}
    stub = {"process": "q", "name": "Q", "category": "core"}
    assert _shown("ISO-4.4-a", processes=[with_io, stub]) == [("p", True), ("q", False)]


def test_the_complete_annual_cycle_shows_what_it_governs() -> None:
    cycle = {"name": "V", "events": [{"id": k, "name": k, "months": [i + 1], "pdca": k}
                                     for i, k in enumerate(("plan", "do", "check", "act"))]}
    process = {"process": "p", "name": "P", "category": "support", **STEPS}
    assert _shown("ISO-4.4-g", processes=[process], annual_cycle=cycle) == [("p", False)]
    governed = {**process, "governed_by_cycle": True}
    assert _shown("ISO-4.4-g", processes=[governed], annual_cycle=cycle) == [("p", True)]
    assert _shown("ISO-4.4-g", "small-provider", processes=[process], annual_cycle=cycle) == [("p", True)]
    half = {"name": "V", "events": cycle["events"][:2]}  # type: ignore[index]
    assert _shown("ISO-4.4-g", processes=[governed], annual_cycle=half) == [("p", False)]


def test_special_tasks_do_not_apply_without_tasks() -> None:
    system, ctx = _ctx()
    assert assess("FI-QMS-14", system, ctx).not_applicable == "the provider has no special tasks"


def test_an_early_warning_must_follow_a_single_learner() -> None:
    path = {"process": "p", "name": "P", "category": "core", "tags": ["student_path"], **STEPS,
            "measures": [{"id": "M-1", "name": "Eroaminen", "alert": "> 10 %", "monitors": "provider"}]}
    assert _shown("EQAVET-E3", processes=[path]) == [("student_path", True), ("alert", False)]
    path["measures"] = [{"id": "M-2", "name": "Osaamispisteet", "alert": "< 10", "monitors": "individual"}]
    assert _shown("EQAVET-E3", processes=[path]) == [("student_path", True), ("alert", True)]


def test_evaluations_count_only_when_done_by_as_of() -> None:
    later = {"id": "IA-1", "name": "I", "type": "self_assessment", "date": "2026-05"}
    assert _shown("EQAVET-E1", evaluations=[later]) == [("self_evaluation", False)]
    done = {**later, "date": "2025-05"}
    assert _shown("EQAVET-E1", evaluations=[done]) == [("self_evaluation", True)]


def test_every_assessor_runs_on_an_empty_system() -> None:
    system, ctx = _ctx()
    for cid in ASSESSORS:
        evidence = assess(cid, system, ctx)
        assert evidence.items or evidence.not_applicable, cid
        assert all(i.shown is None for i in evidence.items), cid
