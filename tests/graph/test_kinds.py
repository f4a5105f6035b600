"""The table of element kinds and what is derived from it."""

from __future__ import annotations

import pytest

from qms.graph.kinds import ACTIVITY_KINDS, DEFAULT_HOLDER_KINDS, GATEWAY_KINDS, KINDS, kind_of, step_kind
from qms.model import Step
from qms.model.process import STEP_KINDS


def test_every_step_kind_of_the_model_has_one_row() -> None:
    assert tuple(KINDS) == STEP_KINDS


def test_the_derived_sets_come_from_the_table() -> None:
    assert {"decision", "parallel", "inclusive", "event_gateway", "complex"} == GATEWAY_KINDS
    assert {"task", "call", "subprocess"} == ACTIVITY_KINDS
    assert {"task", "call", "subprocess", "decision", "inclusive", "complex"} == DEFAULT_HOLDER_KINDS
    assert {kind_of(k).bpmn_tag for k in GATEWAY_KINDS} == {"exclusiveGateway", "parallelGateway", "inclusiveGateway",
                                                           "eventBasedGateway", "complexGateway"}


@pytest.mark.parametrize("kind", STEP_KINDS)
def test_step_kind_agrees_with_the_model(kind: str) -> None:
    step = Step.model_validate({"id": "x", kind: "call-target" if kind == "call" else "X"})
    assert step_kind(step) == step.kind == kind
