"""Writing a document a subtree at a time gives the bytes of one serialisation of the whole tree."""

from __future__ import annotations

from lxml import etree

from qms.bpmn.stream import Stream, serialise
from qms.bpmn.tags import NSMAP, b


def test_subtrees_written_one_at_a_time_equal_the_whole_tree() -> None:
    root = etree.Element(b("definitions"), {"id": "d"}, nsmap=NSMAP)
    for i in range(3):
        etree.SubElement(etree.SubElement(root, b("process"), id=f"p{i}"), b("task"), id=f"t{i}")
    diagram = etree.SubElement(root, b("diagram"), id="x")
    etree.SubElement(diagram, b("shape"), id="s")
    etree.SubElement(root, b("empty"), id="e")

    stream = Stream([(b("definitions"), {"id": "d"})])
    for i in range(3):
        inner = stream.fresh()
        etree.SubElement(etree.SubElement(inner, b("process"), id=f"p{i}"), b("task"), id=f"t{i}")
        stream.write(inner)
    stream.open(b("diagram"), {"id": "x"})
    inner = stream.fresh()
    etree.SubElement(inner, b("shape"), id="s")
    stream.write(inner)
    stream.close()
    stream.open(b("empty"), {"id": "e"})
    assert stream.getvalue() == serialise(root)
