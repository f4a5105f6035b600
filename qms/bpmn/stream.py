"""Writing a BPMN document one subtree at a time, byte for byte as one ``tostring`` of the whole tree."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from lxml import etree

from qms.bpmn.tags import NSMAP, QMS, q
from qms.errors import InternalError

__all__ = ["Stream", "serialise"]

_SUB = etree.SubElement
_CUT = b"<qms:cut/>"
_T_CUT = q(QMS, "cut")


def serialise(root: etree._Element) -> bytes:
    """The whole document under ``root``, pretty-printed, with the XML declaration."""
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


@dataclass(slots=True)
class Stream:
    """Writes a document one subtree at a time, byte for byte as one ``tostring`` of the whole tree.

    Why: a system's one-file export has hundreds of thousands of elements. Written a process
    (or a pool's diagram shapes) at a time, the tree never exists whole. The pretty-printer
    indents an element by its depth and nothing else, so a subtree serialised under a fresh
    copy of its open ancestors (the *spine*) comes out as it does in the whole document; the
    bytes before and after it (the spine's start and end tags) are cut off.
    ``lxml.etree.xmlfile`` cannot do this: it declares the namespaces again on every subtree
    it writes, indents from column 0 and writes ``<a></a>`` for an empty element.
    """

    spine: list[tuple[str, dict[str, str]]]  # (tag, attributes) of the root and the open elements under it
    out: io.BytesIO = field(default_factory=io.BytesIO)
    head: bytes = b""  # the spine's serialisation up to where the innermost open element's children go
    tail: bytes = b""  # from after those children to the end of the document
    written: int = 0  # how much of ``head`` is in ``out``

    def __post_init__(self) -> None:
        self._cut()

    def _cut(self) -> None:
        inner = self.fresh()
        _SUB(inner, _T_CUT)
        xml = serialise(inner.getroottree().getroot())
        at = xml.index(_CUT)
        start = xml.rindex(b"\n", 0, at) + 1
        self.head, self.tail = xml[:start], xml[at + len(_CUT) + 1:]

    def fresh(self) -> etree._Element:
        """A new copy of the open elements; returns the innermost, to add the next subtrees to."""
        (tag, attrs), *inner = self.spine
        el = etree.Element(tag, attrs, nsmap=NSMAP)
        for tag, attrs in inner:
            el = _SUB(el, tag, attrs)
        return el

    def write(self, inner: etree._Element) -> None:
        """Write the children of ``inner`` (from :meth:`fresh`); the caller drops them after."""
        if not len(inner):
            return
        xml = serialise(inner.getroottree().getroot())
        head, tail = self.head, self.tail
        if not (xml.startswith(head) and xml.endswith(tail)):
            raise InternalError("a subtree written on its own changed how its ancestors are written")
        self.out.write(memoryview(head)[self.written:])
        self.written = len(head)
        self.out.write(memoryview(xml)[len(head):len(xml) - len(tail)])

    def open(self, tag: str, attrs: dict[str, str]) -> None:
        """Start an element under the innermost open one; what is written next goes inside it."""
        self.spine.append((tag, attrs))
        self._cut()

    def close(self) -> None:
        """End the innermost open element (the root last)."""
        tag, attrs = self.spine[-1]
        if self.written < len(self.head):  # nothing went inside: an empty element, ``<a/>``
            self.spine.pop()
            if not self.spine:
                self.out.write(serialise(etree.Element(tag, attrs, nsmap=NSMAP)))
                return
            self._cut()
            inner = self.fresh()
            _SUB(inner, tag, attrs)
            self.write(inner)
            return
        self.spine.pop()
        if not self.spine:
            self.out.write(self.tail)
            return
        tail = self.tail
        self._cut()
        self.out.write(tail[:len(tail) - len(self.tail)])
        self.written = len(self.head)

    def getvalue(self) -> bytes:
        """The document; every open element is closed."""
        while self.spine:
            self.close()
        return self.out.getvalue()
