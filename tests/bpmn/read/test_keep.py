"""What the model has no field for, kept as XML: types in the BPMN namespace, the prefixes values name."""

from __future__ import annotations

from lxml import etree

from qms.bpmn.read.keep import bound_types, keep_xml
from qms.bpmn.tags import BPMN, XSI


def test_an_xsi_type_in_the_bpmn_namespace_says_bpmn_whatever_the_files_prefix() -> None:
    el = etree.fromstring(f'<b2:timeCycle xmlns:b2="{BPMN}" xmlns:xsi="{XSI}" xsi:type="b2:tFormalExpression">'
                          'R1/P1D</b2:timeCycle>')
    assert bound_types(el).get(f"{{{XSI}}}type") == "bpmn:tFormalExpression"
    assert el.get(f"{{{XSI}}}type") == "b2:tFormalExpression"  # (a copy: the file's tree is not changed)


def test_a_prefix_a_value_names_is_declared_on_what_is_kept() -> None:
    host = etree.fromstring(f'<d xmlns="{BPMN}" xmlns:xs="urn:xs" xmlns:unused="urn:u">'
                            '<itemDefinition id="i" structureRef="xs:string"/></d>')
    (item,) = host
    text = keep_xml(host, {"flag": "1"}, [], [item])
    assert text.startswith('<qms:keep xmlns:xs="urn:xs" ')  # (declared where the value is read back)
    keep = etree.fromstring(text)
    assert keep.get("flag") == "1" and keep[0].get("structureRef") == "xs:string"
