"""The floor: what a bare lxml build and serialisation of the same elements costs.

``skeleton(xml)`` records every element of a BPMN file (parent, tag, attributes, text) once,
untimed; ``build(skeleton)`` is the timed part: the same element and attribute count, built
with ``etree.SubElement`` and written with the same ``tostring`` flags as qms's exporter. No
exporter written in Python with lxml can do less work for the same output, so qms's export
time over this floor is the price of everything else: planning, ids, layout, names.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

__all__ = ["Skeleton", "build", "parse", "skeleton"]


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The elements of one document in document order: (parent index, tag, attributes, text)."""

    nsmap: dict[str | None, str]
    root_tag: str
    root_attrib: dict[str, str]
    items: list[tuple[int, str, dict[str, str], str | None]]

    @property
    def elements(self) -> int:
        return len(self.items) + 1

    @property
    def attributes(self) -> int:
        return len(self.root_attrib) + sum(len(a) for _, _, a, _ in self.items)


def skeleton(xml: bytes) -> Skeleton:
    """Record the element tree of ``xml`` (comments and processing instructions are dropped)."""
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True, huge_tree=True))
    index = {root: 0}
    items: list[tuple[int, str, dict[str, str], str | None]] = []
    for el in root.iterdescendants(tag=etree.Element):
        index[el] = len(items) + 1
        items.append((index[el.getparent()], el.tag, dict(el.attrib), el.text))
    return Skeleton(dict(root.nsmap), root.tag, dict(root.attrib), items)


def build(sk: Skeleton) -> bytes:
    """Build the recorded tree with lxml and serialise it (the timed floor)."""
    sub = etree.SubElement
    root = etree.Element(sk.root_tag, sk.root_attrib, nsmap=sk.nsmap)  # type: ignore[arg-type]
    made = [root]
    append = made.append
    for parent, tag, attrib, text in sk.items:
        el = sub(made[parent], tag, attrib)
        if text is not None:
            el.text = text
        append(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def parse(xml: bytes) -> int:
    """The import floor: parse ``xml`` with lxml and count its elements."""
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    return sum(1 for _ in root.iter())
