"""The model of a process read: steps in the order they are drawn, boundary events on their host."""

from __future__ import annotations

from qms.bpmn.read import read_bpmn
from qms.bpmn.tags import BPMN


def test_a_boundary_event_filed_in_another_process_goes_to_its_host() -> None:
    data = (f'<definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x">'
            '<process id="a"><task id="t" name="T"/></process>'
            '<process id="b"><boundaryEvent id="be" attachedToRef="t"/></process></definitions>').encode()
    a, _ = read_bpmn(data, "f.bpmn").system.processes
    assert a.step("be") is not None and a.step("be").attached_to == "t"  # type: ignore[union-attr]
