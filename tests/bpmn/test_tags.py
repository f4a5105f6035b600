"""The element table: every model step kind exports to a tag that imports back to the same kind."""

from __future__ import annotations

import pytest

from qms.bpmn.tags import ELEMENTS, EVENT_DEFINITIONS, TRIGGER_OF, b, export_tag, local
from qms.graph import KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_step_kind_exports_to_a_tag_that_imports_as_that_kind(kind: str) -> None:
    assert ELEMENTS[export_tag(kind, trigger="timer")].step_kind == kind


def test_triggers_and_event_definitions_are_inverse() -> None:
    assert {v: k for k, v in EVENT_DEFINITIONS.items()} == TRIGGER_OF


def test_every_flow_node_of_the_descriptive_and_analytic_classes_is_mapped() -> None:
    analytic = {
        "task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
        "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess", "startEvent",
        "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway",
        "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
    }
    assert analytic <= set(ELEMENTS)
    counted = {e.count for e in ELEMENTS.values()}
    assert counted == {"task", "subprocess", "event", "gateway"}


def test_a_none_intermediate_event_is_a_throw_event() -> None:
    assert export_tag("event") == "intermediateThrowEvent"
    assert export_tag("event", trigger="message") == "intermediateCatchEvent"
    assert export_tag("event", throw=True, trigger="message") == "intermediateThrowEvent"


def test_local_names_use_the_bpmn_prefix() -> None:
    assert local(b("userTask")) == "bpmn:userTask"
