"""The one rule for what nobody reads: each kind reported once, with its lines and ids."""

from __future__ import annotations

from lxml import etree

from qms.bpmn.read.reader import Reader
from qms.bpmn.tags import BPMN, QMS


def test_what_nobody_reads_is_one_warning_per_kind_and_qms_data_none() -> None:
    root = etree.fromstring(f'<definitions xmlns="{BPMN}" xmlns:q="{QMS}" xmlns:o="urn:o">\n<group id="g1"/>\n'
                            '<group id="g2"/>\n<o:x/>\n<q:model/></definitions>')
    r = Reader(root, "f.bpmn", "fi")
    for el in root:
        r.unread(el)
    r.report()
    said = [w.format() for w in r.warnings]
    assert said == ["f.bpmn:2:1: warning: bpmn:group 'g1': 2 bpmn:group element(s) are not held by the model: "
                    "'g1' (line 2), 'g2' (line 3)",
                    "f.bpmn:4:1: warning: x: 1 extension element(s) in namespace urn:o are not kept: line 4"]


def test_an_element_read_for_its_text_reports_an_element_inside_it() -> None:
    root = etree.fromstring(f'<incoming xmlns="{BPMN}">f1<group id="stray"/></incoming>')
    r = Reader(root, "f.bpmn", "fi")
    r.leaf(root)
    assert list(r.not_read) == ["group"]
