"""Pinned DOT: boxes become nodes with positions in points, routes become Bézier pieces."""

from __future__ import annotations

import re

import pytest

from qms.render.pinned import SCALE, Canvas
from qms.render.svg import render
from qms.render.writer import Dot


def test_a_node_is_pinned_at_its_box_centre_with_y_up() -> None:
    dot = Dot()
    Canvas(dot, 200).node("a", (0, 0, 96, 48), {"shape": "box"})
    line = dot.text()
    assert f'pos="{48 * SCALE:.2f},{(200 - 24) * SCALE:.2f}"' in line
    assert 'width="1"' in line and 'height="0.5"' in line and 'fixedsize="true"' in line


def test_a_route_has_three_points_per_segment_and_room_for_arrows() -> None:
    pos = Canvas(Dot(), 100).route([(0, 0), (0, 40), (40, 40), (40, 40)], start=7.5, end=7.5)
    s, e, *points = pos.split()
    assert s.startswith("s,") and e.startswith("e,")
    assert (len(points) - 1) % 3 == 0 and len(points) == 7  # the repeated point is dropped
    assert points[0] == "0.00,67.50"  # 10 px (7.5 pt) in from the start
    assert points[-1] == "22.50,45.00"  # and 10 px short of the end


@pytest.mark.needs_dot
def test_graphviz_draws_the_route_as_given() -> None:
    dot = Dot()
    dot.open('digraph "g"')
    dot.defaults("graph", {"bb": "0,0,150,75"})
    canvas = Canvas(dot, 100)
    canvas.node("a", (0, 0, 40, 20), {"shape": "box"})
    canvas.node("b", (160, 80, 40, 20), {"shape": "box"})
    canvas.edge("a", "b", [(40, 10), (100, 10), (100, 90), (160, 90)], {"id": "f"}, end=7.0)
    dot.close()
    svg = render(dot.text(), "svg", engine="pinned").decode()
    path = re.search(r'<g id="f" class="edge">.*?<path[^>]* d="([^"]+)"', svg, re.S)
    assert path is not None
    xs = sorted({round(float(x)) for x in re.findall(r"(-?[\d.]+),", path.group(1))})
    assert xs == [30, 75, 113]  # only the route's own x positions: 40, 100 and the arrow's base
