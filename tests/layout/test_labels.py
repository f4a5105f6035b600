"""Labels go where nothing else is: off edges, shapes, other labels, borders and headers."""

from __future__ import annotations

from qms.layout import Diagram, Edge, Node, Pool
from qms.layout.labels import place_labels
from qms.layout.quality import defects, scene


def _pool() -> Pool:
    return Pool("pool", ["lane"], [Node("a", 0, 36, 36, 40, 14), Node("b", 0, 100, 80)],
                [Edge("f", "a", "b", 30, 14), Edge("g", "b", "a")])


def _diagram() -> Diagram:
    return Diagram(
        shapes={"pool": (0, 0, 600, 300), "lane": (30, 0, 570, 300), "a": (100, 100, 36, 36), "b": (300, 78, 100, 80)},
        labels={"a": (98, 140, 40, 14), "f": (150, 111, 30, 14)},  # the flow's label sits on the flow
        edges={"f": [(136, 118), (300, 118)], "g": [(350, 158), (350, 200), (118, 200), (118, 136)]},
    )


def test_a_label_on_its_own_flow_moves_beside_it() -> None:
    d = _diagram()
    place_labels(d, [_pool()], [], {"lane": (30, 0, 30, 300)})
    x, y, w, h = d.labels["f"]
    assert y + h <= 118 or y >= 118  # above or below the line, not across it
    assert x >= 136 and x + w <= 300  # beside the flow, next to the shape it leaves
    assert defects(scene(d, [_pool()])) == []


def test_a_name_crossed_by_an_edge_moves_off_it() -> None:
    d = _diagram()
    d.edges["g"] = [(350, 158), (350, 147), (118, 147), (118, 136)]  # the loop runs under a, through its name
    place_labels(d, [_pool()], [], {})
    assert d.labels["a"] != (98, 140, 40, 14)
    assert defects(scene(d, [_pool()])) == []


def test_no_label_goes_into_a_header() -> None:
    d = _diagram()
    d.labels["a"] = (20, 140, 40, 14)
    place_labels(d, [_pool()], [], {"lane": (30, 0, 30, 300)})
    x, _, w, _ = d.labels["a"]
    assert x >= 60 or x + w <= 30


def test_placing_is_deterministic() -> None:
    a, b = _diagram(), _diagram()
    place_labels(a, [_pool()], [], {})
    place_labels(b, [_pool()], [], {})
    assert a == b
