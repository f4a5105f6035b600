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
