"""The semantic diff: nothing for the same content, exactly the edit for an edited model."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qms.diff import Change, diff_processes, diff_systems
from qms.load import load, process_files
from qms.load.fmt import format_text
from qms.model import Process, QualitySystem, Result
from tests.conftest import EXAMPLES, MODELS
from tests.strategies import systems


@cache
def example(name: str) -> QualitySystem:
    system = load(MODELS / name).system
    assert system is not None
    return system


def _replace_process(system: QualitySystem, new: Process) -> QualitySystem:
    procs = [new if p.process == new.process else p for p in system.processes]
    return system.model_copy(update={"processes": procs})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(systems())
def test_a_system_against_itself_has_no_changes(system: QualitySystem) -> None:
    assert diff_systems(system, system) == []
    assert diff_systems(system, system.model_copy(deep=True)) == []


def test_a_folder_against_its_fmt_output_has_no_changes(tmp_path: Path) -> None:
    for name in EXAMPLES:
        copy = tmp_path / name
        shutil.copytree(MODELS / name, copy)
        for file in [copy / "system.yaml", *process_files(copy)]:
            file.write_text(format_text(file.read_text(encoding="utf-8")), encoding="utf-8")
        assert diff_systems(example(name), load(copy).system) == [], name


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(EXAMPLES), st.randoms(use_true_random=False))
def test_reordering_steps_tags_and_processes_is_no_change(name: str, rnd: object) -> None:
    system = example(name)
    procs = list(system.processes)
    rnd.shuffle(procs)  # type: ignore[attr-defined]
    shuffled = []
    for p in procs:
        steps, tags = list(p.steps), list(p.tags)
        rnd.shuffle(steps)  # type: ignore[attr-defined]
        rnd.shuffle(tags)  # type: ignore[attr-defined]
        shuffled.append(p.model_copy(update={"steps": steps, "tags": tags}))
    assert diff_systems(system, system.model_copy(update={"processes": shuffled})) == []


@st.composite
def step_edits(draw: st.DrawFn) -> tuple[QualitySystem, QualitySystem, Change]:
    """A described process of an example, one step's name changed."""
    system = example(draw(st.sampled_from(EXAMPLES)))
    process = draw(st.sampled_from([p for p in system.processes if p.steps]))
    index = draw(st.integers(0, len(process.steps) - 1))
    step = process.steps[index]
    text = draw(st.text(st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=20))
    old = getattr(step, step.kind)
    if step.kind == "call" or text == old:
        new_step, field, new_value = step.model_copy(update={"note": text}), "note", text
        old_value = step.note
    else:
        new_step, field, new_value, old_value = step.model_copy(update={step.kind: text}), step.kind, text, old
    steps = [new_step if i == index else s for i, s in enumerate(process.steps)]
    edited = _replace_process(system, process.model_copy(update={"steps": steps}))
    expected = Change("changed", "step", process.process, step.id, field, old_value, new_value)
    return system, edited, expected


@settings(max_examples=40, deadline=None)
@given(step_edits())
def test_a_generated_step_edit_is_reported_exactly(case: tuple[QualitySystem, QualitySystem, Change]) -> None:
    old, new, expected = case
    if expected.old == expected.new:
        assert diff_systems(old, new) == []
    else:
        assert diff_systems(old, new) == [expected]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(EXAMPLES), st.data())
def test_a_generated_measure_edit_is_reported_exactly(name: str, data: st.DataObject) -> None:
    system = example(name)
    owners = [(p, m) for p, m in system.all_measures() if p is not None]
    process, measure = data.draw(st.sampled_from(owners))
    target = data.draw(st.sampled_from([">= 1 %", "<= 99 %", "100 %"]).filter(lambda t: t != measure.target))
    period = data.draw(st.sampled_from(["2030", "2031"]))
    new_measure = measure.model_copy(update={"target": target,
                                             "results": [*measure.results, Result(period=period, value=1.0)]})
    new_process = process.model_copy(update={"measures": [new_measure if m.id == measure.id else m
                                                          for m in process.measures]})
    changes = diff_systems(system, _replace_process(system, new_process))
    assert changes == [
        Change("changed", "target", process.process, measure.id, "target", measure.target, target),
        Change("added", "result", process.process, f"{measure.id}/{period}", None, None,
               {"period": period, "value": 1.0}),
    ]


def test_owner_lane_flow_and_step_changes_of_one_process() -> None:
    p = example("redu").process("talousarvio")
    assert p is not None
    removed = p.steps[1]
    edited = p.model_copy(update={
        "owner": "johtoryhma",
        "lanes": [*p.lanes[1:], p.lanes[0], "henkilostopalvelut"],
        "steps": [s for s in p.steps if s.id != removed.id],
        "flow": [f.model_copy(update={"label": "uusi"}) if i == 0 else f for i, f in enumerate(p.flow)],
    })
    changes = diff_processes(p, edited)
    kinds = {(c.change, c.what, c.id, c.field) for c in changes}
    assert ("changed", "owner", "talousarvio", "owner") in kinds
    assert ("added", "lane", "talousarvio", "lanes") in kinds
    assert ("removed", "step", removed.id, None) in kinds
    assert ("changed", "flow", p.flow_ids()[0], "label") in kinds
    assert len(changes) == 4


def test_system_level_elements_are_keyed_by_id() -> None:
    system = example("redu")
    plan = system.development_plan
    assert plan is not None
    first = plan.actions[0]
    new_plan = plan.model_copy(update={"actions": [first.model_copy(update={"status": "done"}), *plan.actions[1:]]})
    changes = diff_systems(system, system.model_copy(update={"development_plan": new_plan}))
    assert changes == [Change("changed", "action", None, first.id, "status", first.status, "done")]


def test_the_order_of_lanes_is_a_change_the_order_of_tags_is_not() -> None:
    p = example("redu").process("talousarvio")
    assert p is not None
    lanes = [*reversed(p.lanes)]
    changes = diff_processes(p, p.model_copy(update={"lanes": lanes, "tags": [*reversed(p.tags)]}))
    assert changes == [Change("changed", "lane", "talousarvio", "talousarvio", "lanes", p.lanes, lanes)]
