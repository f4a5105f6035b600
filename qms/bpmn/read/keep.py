"""What the model has no field for, kept as XML (``xml:``) to write back on export as it was."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy

from lxml import etree

from qms.bpmn.tags import BPMN, QMS, XSI, q

__all__ = ["T_KEEP", "T_KEEP_EXT", "T_KEEP_ROOT", "bound_types", "keep_xml", "named_prefixes"]

T_KEEP = q(QMS, "keep")
"""The element an ``xml:`` field holds: unknown attributes on it, unknown children in it."""
T_KEEP_EXT = q(QMS, "ext")
"""In ``qms:keep``: the extension elements of other tools."""
T_KEEP_ROOT = q(QMS, "root")
"""In the ``qms:keep`` of the first process of a file: the file's messages, errors, signals, …"""
T_XSI_TYPE = q(XSI, "type")


def bound_types(el: etree._Element) -> etree._Element:
    """A copy of ``el`` whose ``xsi:type`` values in the BPMN namespace say ``bpmn:`` (the prefix the
    export binds), whatever prefix, or default namespace, the file used."""
    copy = deepcopy(el)
    for x, y in zip(el.iter(), copy.iter(), strict=True):
        value = x.get(T_XSI_TYPE) if isinstance(x.tag, str) else None
        if value:
            prefix, _, name = value.rpartition(":")
            if x.nsmap.get(prefix or None) == BPMN:
                y.set(T_XSI_TYPE, f"bpmn:{name}")
    return copy


def keep_xml(el: etree._Element, attrs: dict[str, str], exts: Sequence[etree._Element],
             children: Sequence[etree._Element]) -> str:
    """``<qms:keep attrs…><qms:ext>exts…</qms:ext>children…</qms:keep>`` as text, declaring the prefixes
    of the file that values in it name (``structureRef="xs:string"``)."""
    keep = etree.Element(T_KEEP, attrs, nsmap={**named_prefixes(el, children), "qms": QMS})
    head = etree.tostring(keep, encoding="unicode")
    if not (exts or children):
        return str(head)
    parts = [head[:-2], ">"]  # (the empty element's "/>" opened up)
    if exts:
        parts.append("<qms:ext>")
        parts.extend(etree.tostring(x, encoding="unicode", with_tail=False) for x in exts)
        parts.append("</qms:ext>")
    parts.extend(etree.tostring(bound_types(x) if _typed(x) else x, encoding="unicode", with_tail=False)
                 for x in children)
    parts.append("</qms:keep>")
    return "".join(parts)


def _typed(el: etree._Element) -> bool:
    return any(x.get(T_XSI_TYPE) for x in el.iter() if isinstance(x.tag, str))


def named_prefixes(el: etree._Element, children: Sequence[etree._Element]) -> dict[str, str]:
    """The prefixes in scope that a value of ``el`` or of ``children`` names (``xs:string``)."""
    named: dict[str, str] = {}
    for x in (el, *(x for child in children for x in child.iter())):
        if not isinstance(x.tag, str):
            continue
        for value in (*x.attrib.values(), x.text or ""):
            prefix, colon, _ = value.strip().partition(":")
            if colon and prefix and prefix in x.nsmap and prefix != "qms":
                named[prefix] = x.nsmap[prefix]
    return named
