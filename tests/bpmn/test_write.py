"""Writing one planned process: the payload in parts, compact JSON, and text XML cannot hold."""

from __future__ import annotations

import pytest
from lxml import etree

from qms.bpmn import write
from qms.bpmn.plan import new_context
from qms.bpmn.tags import QMS, q
from qms.errors import UserError
from qms.model import Process, QualitySystem


def _context() -> write.Context:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core"})
    return new_context(QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p]), None)


def test_json_is_compact_sorted_and_keeps_letters() -> None:
    assert write.to_json({"b": 1, "a": "ä"}) == '{"a":"ä","b":1}'


def test_a_long_payload_is_written_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "PAYLOAD_PART", 4)
    parent = etree.Element("x")
    write.write_payload(parent, "model", "abcdefghij", _context())
    el = parent[0]
    assert el.tag == q(QMS, "model") and el.text is None
    assert [part.text for part in el] == ["abcd", "efgh", "ij"]
    short = etree.Element("x")
    write.write_payload(short, "model", "abc", _context())
    assert short[0].text == "abc" and len(short[0]) == 0


def test_names_are_written_in_every_language() -> None:
    parent = etree.Element("x")
    write.write_names(parent, {"sv": "Namn", "fi": "Nimi"})
    assert [(el.get("lang"), el.text) for el in parent] == [("fi", "Nimi"), ("sv", "Namn")]


def test_a_control_character_becomes_a_located_error() -> None:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core"})

    def emit() -> None:
        etree.Element("x").text = "bad \x01"

    with pytest.raises(UserError, match="control character"):
        write.checked(p, emit)


# ------------------------------------------------------------------ conditions an engine needs

def _decision_export(flow: list[object], **extra: object) -> tuple[Process, etree._Element]:
    from qms.bpmn import export_process

    p = Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": [
        {"id": "a", "start": "A"}, {"id": "ok", "decision": "Kunnossa?"}, {"id": "t", "task": "Korjaus"},
        {"id": "e", "end": "Valmis"}], "flow": flow, **extra})
    system = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p])
    return p, etree.fromstring(export_process(system, p))


def _branches(root: etree._Element) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Flow id → (name, condition, its qms:derived marker) of every flow out of the decision."""
    out = {}
    for fl in root.iter("{*}sequenceFlow"):
        if fl.get("sourceRef") == "ok":
            cond = fl.find("{*}conditionExpression")
            out[fl.get("id")] = (fl.get("name"), None if cond is None else cond.text,
                                 None if cond is None else cond.get(q(QMS, "derived")))
    return out


def test_each_labelled_branch_of_a_decision_gets_a_placeholder_condition() -> None:
    _, root = _decision_export(["a -> ok", {"ok -> e": "kyllä"}, {"ok -> t": 'ei "vielä"'}, "t -> ok"])
    assert _branches(root) == {"f_ok_e": ("kyllä", 'ok == "kyllä"', "label"),
                               "f_ok_t": ('ei "vielä"', 'ok == "ei \\"vielä\\""', "label")}


def test_a_default_branch_and_a_condition_of_the_model_are_kept_as_they_are() -> None:
    _, root = _decision_export(["a -> ok", {"from": "ok", "to": "e", "condition": "valmis == True"},
                                {"from": "ok", "to": "t", "default": True}, "t -> ok"])
    assert _branches(root) == {"f_ok_e": ("valmis == True", "valmis == True", None), "f_ok_t": (None, None, None)}
    assert root.find(".//{*}exclusiveGateway[@id='ok']").get("default") == "f_ok_t"


def test_an_unlabelled_branch_is_named_after_its_target_and_the_name_marked_derived() -> None:
    _, root = _decision_export(["a -> ok", "ok -> e", {"ok -> t": "ei"}, "t -> ok"])
    assert _branches(root) == {"f_ok_e": ("Valmis", 'ok == "Valmis"', "name"),
                               "f_ok_t": ("ei", 'ok == "ei"', "label")}


def test_the_placeholders_do_not_come_back_into_the_model() -> None:
    from qms.bpmn.read import read_bpmn

    flow = ["a -> ok", "ok -> e", {"ok -> t": "ei"}, "t -> ok"]
    p, root = _decision_export(flow)
    for payload in root.iter(q(QMS, "model")):  # read the diagram, not qms's own copy of the model
        payload.getparent().remove(payload)
    back = read_bpmn(etree.tostring(root), "p.bpmn").system.processes[0]
    assert sorted((f.label or "", f.condition or "") for f in back.flow) == [("", "")] * 3 + [("ei", "")]
    assert sorted((f.label or "", f.condition or "") for f in p.flow) == [("", "")] * 3 + [("ei", "")]


def test_a_process_drawn_in_another_tool_is_written_back_without_placeholders() -> None:
    _, root = _decision_export(["a -> ok", "ok -> e", {"ok -> t": "ei"}, "t -> ok"], gateways="drawn")
    assert _branches(root) == {"f_ok_e": (None, None, None), "f_ok_t": ("ei", None, None)}
