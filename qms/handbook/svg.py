"""Graphviz SVG made safe to inline in a page: no scripts, unique ids, links rewritten."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

__all__ = ["inline_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK = "{http://www.w3.org/1999/xlink}href"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                          remove_pis=True, huge_tree=False)
_DROP = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*([a-z%]*)\s*$")


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _safe_href(href: str) -> bool:
    h = href.strip().lower()
    return not (h.startswith(("javascript:", "data:", "vbscript:")) or "//" in h.split("#")[0][:8])


def _scaled(length: str, scale: float) -> str:
    m = _LENGTH.match(length)
    if not m:
        return length
    return f"{float(m.group(1)) * scale:.2f}{m.group(2)}"


def inline_svg(
    svg: str, *, prefix: str, label: str, links: Mapping[str, str] | None = None, scale: float | None = None,
) -> str:
    """Return ``svg`` as an ``<svg>`` element to paste into HTML.

    Graphviz already escapes the labels; this is a second line of defence for a page
    that must stay inert whatever the model holds: scripts, event-handler attributes,
    ``foreignObject`` and ``javascript:``/external links are removed. Element ids get
    ``prefix`` so that several diagrams on one page (the print version) do not clash;
    the title becomes ``label`` and the element gets ``role="img"``.

    Parameters
    ----------
    svg
        An SVG document, as ``dot -Tsvg`` writes it.
    prefix
        Prepended to every ``id`` (and to the ``#…`` references to them).
    label
        The accessible name of the picture.
    links
        Replacement link targets: a link whose target is a key is pointed at the value.
    scale
        Multiply the natural ``width`` and ``height`` (Graphviz's points) by this, for a
        diagram that is shown at a readable size and scrolls instead of shrinking.

    Examples
    --------
    >>> out = inline_svg('<svg xmlns="http://www.w3.org/2000/svg"><g id="a" onclick="x()">'
    ...                  '<script>alert(1)</script><text>&lt;b&gt;</text></g></svg>', prefix="d-", label="Map")
    >>> "script" in out, "onclick" in out, 'id="d-a"' in out, "&lt;b&gt;" in out
    (False, False, True, True)
    """
    root = etree.fromstring(svg.encode("utf-8"), _PARSER)
    if _local(root.tag) != "svg":
        raise ValueError("not an SVG document")
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if _local(el.tag) in _DROP:
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in list(el.attrib):
            local = etree.QName(name).localname.lower()
            value = el.attrib[name]
            if local.startswith("on"):
                del el.attrib[name]
            elif local == "id":
                el.attrib[name] = prefix + value
            elif local == "href":
                base, hash_, fragment = value.partition("#")
                if links and value in links:
                    value = links[value]
                elif links and base in links and hash_:  # a row of a page's table: keep the row's anchor
                    target = links[base]
                    value = f"{'' if target.startswith('#') else target.partition('#')[0]}#{fragment}"
                elif value.startswith("#"):
                    value = "#" + prefix + value[1:]
                if _safe_href(value):
                    el.attrib[name] = value
                else:
                    del el.attrib[name]
            elif "url(#" in value:
                el.attrib[name] = _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value)
    # The accessible name: one <title> first, role="img" unless it holds links.
    for title in root.findall(f"{{{SVG_NS}}}title"):
        root.remove(title)
    title = etree.Element(f"{{{SVG_NS}}}title")
    title.text = label
    title.attrib["id"] = f"{prefix}title"
    root.insert(0, title)
    root.attrib["aria-labelledby"] = f"{prefix}title"
    has_links = any(_local(el.tag) == "a" for el in root.iter() if isinstance(el.tag, str))
    root.attrib["role"] = "group" if has_links else "img"
    root.attrib["focusable"] = "false"
    if scale:
        for dim in ("width", "height"):
            if dim in root.attrib:
                root.attrib[dim] = _scaled(root.attrib[dim], scale)
    text: str = etree.tostring(root, encoding="unicode")
    return text
