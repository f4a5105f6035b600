"""Inlining Graphviz SVG: inert whatever the model holds."""

from __future__ import annotations

import shutil

import pytest
from lxml import etree, html

from qms.handbook.svg import inline_svg
from qms.model import QualitySystem
from qms.render.dot import draw_flow
from qms.render.svg import render

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")

HOSTILE = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt">
<title>old</title>
<defs><linearGradient id="g"/></defs>
<g id="node1" onclick="alert(1)" style="fill:url(#g)"><script>alert(2)</script>
<a xlink:href="javascript:alert(3)"><text>x</text></a>
<a xlink:href="../processes/p.html"><text>&lt;script&gt;alert(4)&lt;/script&gt;</text></a>
<a href="#node1"><text>self</text></a>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject></g></svg>"""


def test_scripts_handlers_and_javascript_links_are_removed() -> None:
    out = inline_svg(HOSTILE, prefix="d-", label="Kartta", links={"../processes/p.html": "processes/p.html"})
    tree = etree.fromstring(out)
    tags = {etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str)}
    assert "script" not in tags and "foreignObject" not in tags
    assert "onclick" not in out and "javascript:" not in out
    assert 'href="processes/p.html"' in out and 'href="#d-node1"' in out
    assert 'id="d-node1"' in out and "url(#d-g)" in out
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in out
    assert tree.attrib["role"] == "group" and tree.attrib["aria-labelledby"] == "d-title"
    assert tree[0].text == "Kartta"


def test_scale_multiplies_the_natural_size() -> None:
    out = inline_svg(HOSTILE, prefix="x", label="L", scale=0.5)
    tree = etree.fromstring(out)
    assert (tree.attrib["width"], tree.attrib["height"]) == ("50.00pt", "25.00pt")


def test_inline_svg_parses_as_html() -> None:
    page = f"<!DOCTYPE html><html><body>{inline_svg(HOSTILE, prefix='a-', label='L')}</body></html>"
    doc = html.fromstring(page)
    assert not doc.xpath("//script")


@needs_dot
def test_graphviz_output_of_hostile_names_is_escaped() -> None:
    payload = "<script>alert(1)</script>"
    p = {
        "process": "p", "name": payload, "category": "core", "lanes": ["r"],
        "steps": [{"id": "a", "start": payload, "lane": "r"}, {"id": "t", "task": payload + " & <b>", "lane": "r"},
                  {"id": "b", "end": "B", "lane": "r"}],
        "flow": ["a -> t", f"t -> b: {payload}"]}
    s = QualitySystem.model_validate({"system": "s", "name": payload, "provider": {"id": "s", "name": payload},
                                      "roles": [{"id": "r", "name": payload}], "processes": [p]})
    svg = render(draw_flow(s.processes[0], s), "svg").decode("utf-8")
    tree = etree.fromstring(svg.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    assert not [e for e in tree.iter() if isinstance(e.tag, str) and etree.QName(e).localname == "script"]
    assert "<script>" not in svg
    texts = "".join(tree.itertext())
    assert "<script>alert(1)</script>" in texts  # shown as text


def test_a_link_to_a_row_keeps_its_anchor_on_the_mapped_page() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           '<a xlink:href="../p.html#row-1"><text>x</text></a></svg>')
    assert 'href="../../processes/p.html#row-1"' in inline_svg(svg, prefix="d-", label="x",
                                                               links={"../p.html": "../../processes/p.html"})
    assert 'href="#row-1"' in inline_svg(svg, prefix="d-", label="x", links={"../p.html": "#process-p"})
