"""Processes: step kinds and labels, compact flow lines, flow and message ids."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from qms.model import Process, Step
from qms.model.process import expand_flow


def test_a_step_knows_its_kind_and_label() -> None:
    call = Step.model_validate({"id": "c", "call": "other", "name": "Other process"})
    assert (call.kind, call.label) == ("call", "Other process")
    task = Step.model_validate({"id": "t", "task": {"fi": "Tehtävä", "en": "Task"}})
    assert (task.kind, task.label) == ("task", {"fi": "Tehtävä", "en": "Task"})


def test_two_kinds_on_one_step_are_refused() -> None:
    with pytest.raises(ValidationError):
        Step.model_validate({"id": "x", "task": "A", "decision": "B?"})


def test_a_chain_line_expands_into_flows_and_keeps_its_label_on_the_last() -> None:
    assert expand_flow("a -> b -> c: ok") == [{"from": "a", "to": "b"}, {"from": "b", "to": "c", "label": "ok"}]


def test_flow_and_message_ids_are_unique() -> None:
    p = Process.model_validate({
        "process": "p", "name": "P", "category": "core",
        "steps": [{"id": "a", "task": "A"}, {"id": "b", "task": "B"}],
        "flow": ["a -> b", "a -> b", {"id": "f_a_b_2", "from": "b", "to": "a"}],
        "messages": ["a -> x", "a -> x"],
    })
    assert p.flow_ids() == ["f_a_b", "f_a_b_3", "f_a_b_2"]
    assert p.message_ids() == ["m_a_x", "m_a_x_2"]
    assert p.step("b") is p.steps[1] and p.step("z") is None
    assert not p.is_stub
