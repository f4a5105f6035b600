"""The root of a file: pools, processes without pools, messages between pools, diagrams."""

from __future__ import annotations

from qms.bpmn.read import read_bpmn
from qms.bpmn.tags import BPMN


def test_a_process_without_a_pool_is_read_and_a_pool_without_a_process_is_a_stakeholder() -> None:
    data = (f'<definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x"><collaboration id="c">'
            '<participant id="p1" name="Opiskelija"/></collaboration>'
            '<process id="loose"><startEvent id="s"/></process></definitions>').encode()
    result = read_bpmn(data, "f.bpmn")
    assert [p.process for p in result.system.processes] == ["loose"]
    assert [(s.id, s.name) for s in result.system.stakeholders] == [("opiskelija", "Opiskelija")]


def test_the_messages_and_errors_of_another_tools_file_go_with_its_first_process() -> None:
    data = (f'<definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x"><message id="m" name="Hakemus"/>'
            '<process id="p"><startEvent id="s"><messageEventDefinition messageRef="m"/></startEvent></process>'
            '</definitions>').encode()
    (p,) = read_bpmn(data, "f.bpmn").system.processes
    assert p.xml is not None and '<message id="m" name="Hakemus"/>' in p.xml.replace(f' xmlns="{BPMN}"', "")
