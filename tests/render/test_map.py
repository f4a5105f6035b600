"""The process map: golden, band order, value chain and links."""

from __future__ import annotations

import re
from collections.abc import Callable

from qms.model import QualitySystem
from qms.render.dot import (
    draw_map,
)

Golden = Callable[[str, str], None]


def test_map_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("map.dot", draw_map(mini).dot)


def test_map_orders_bands_and_value_chain(mini: QualitySystem) -> None:
    dot = draw_map(mini).dot
    assert re.findall(r'id="band-(\w+)"', dot) == ["management", "core", "support"]
    row = re.search(r'\{rank=same; "map:need"; (.*?) "map:result";\}', dot)
    assert row is not None and row.group(1) == '"ennakointi"; "oppijan_polku";'
    assert '"oppijan_polku" [label=' in dot and 'shape="cds"' in dot


def test_map_links_use_the_pattern(mini: QualitySystem) -> None:
    dot = draw_map(mini, href="processes/{id}.html", link_stubs=True).dot
    assert 'URL="processes/talousarvio.html"' in dot and 'URL="processes/strategia.html"' in dot
    assert 'HREF="processes/palautekysely.html"' in dot  # a sub-process row in its parent's box
    gallery = draw_map(mini).dot
    assert 'URL="talousarvio.svg"' in gallery and "strategia.svg" not in gallery
