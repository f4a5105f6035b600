"""The DI layout: columns by longest path, lanes as bands, no overlaps, edges around shapes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qms.layout import Artifact, Edge, External, Message, Node, Pool, layout
from tests.bpmn.geometry import Shape, _segment_hits


def _pool(n_nodes: int, edges: list[tuple[int, int]], bands: int = 2, **kw: Any) -> Pool:
    nodes = [Node(f"n{i}", i % bands, 100 if i % 3 else 36, 80 if i % 3 else 36, 0 if i % 3 else 90,
                  0 if i % 3 else 28) for i in range(n_nodes)]
    flows = [Edge(f"e{k}", f"n{a}", f"n{b}", 40 * (k % 2), 14 * (k % 2)) for k, (a, b) in enumerate(edges)]
    return Pool("pool", [f"lane{i}" for i in range(bands)], nodes, flows, **kw)


def _problems(pool: Pool, externals: list[External] | None = None) -> list[str]:
    d = layout([pool], externals or [])
    solid = {k: Shape(k, "node", *v) for k, v in d.shapes.items() if k.startswith(("n", "a")) or k.startswith("x")}
    out = []
    items = sorted(solid.values(), key=lambda s: s.x)
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if b.x >= a.x + a.w:
                break
            if a.y < b.y + b.h and b.y < a.y + a.h:
                out.append(f"overlap {a.id} {b.id}")
    ends = {e.id: (e.src, e.dst) for e in pool.edges}
    for eid, pts in d.edges.items():
        assert len(pts) >= 2, eid
        for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
            assert x1 == x2 or y1 == y2, f"{eid} is not orthogonal: {pts}"
            for s in solid.values():
                if s.id in ends.get(eid, ()) or eid.startswith(("m", "as")):
                    continue
                if _segment_hits(x1, y1, x2, y2, s):
                    out.append(f"{eid} crosses {s.id}")
    return out


def test_a_chain_is_one_row_left_to_right() -> None:
    pool = _pool(5, [(0, 1), (1, 2), (2, 3), (3, 4)], bands=1)
    d = layout([pool], [])
    xs = [d.shapes[f"n{i}"][0] for i in range(5)]
    centres = {d.shapes[f"n{i}"][1] + d.shapes[f"n{i}"][3] // 2 for i in range(5)}
    assert xs == sorted(xs)
    assert len(centres) == 1
    assert all(len(d.edges[f"e{k}"]) == 2 for k in range(4))  # straight lines


def test_lanes_are_horizontal_bands_in_order_and_hold_their_nodes() -> None:
    pool = _pool(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)], bands=3)
    d = layout([pool], [])
    lanes = [d.shapes[f"lane{i}"] for i in range(3)]
    assert [lane[1] for lane in lanes] == sorted(lane[1] for lane in lanes)
    for i in range(6):
        _x, y, _w, h = d.shapes[f"n{i}"]
        _lx, ly, _lw, lh = lanes[i % 3]
        assert ly <= y and y + h <= ly + lh


def test_a_back_edge_leaves_the_top_and_keeps_the_columns() -> None:
    pool = _pool(4, [(0, 1), (1, 2), (2, 3), (2, 1)], bands=1)
    d = layout([pool], [])
    assert d.shapes["n1"][0] < d.shapes["n2"][0]
    loop = d.edges["e3"]
    top_of_source = d.shapes["n2"][1]
    assert loop[0][1] == top_of_source and loop[1][1] < top_of_source


def test_artifacts_sit_under_their_step_with_an_association() -> None:
    node = Node("n0", 0, 100, 80, artifacts=[Artifact("a0", 36, 50, "as0", label_h=14),
                                              Artifact("a1", 50, 50, "as1", incoming=True)])
    d = layout([Pool("p", [""], [node], [])], [])
    assert d.shapes["a0"][1] > d.shapes["n0"][1] + 80
    assert d.edges["as1"][-1][1] == d.shapes["n0"][1] + 80  # from the data store up to the step


def test_external_participants_get_message_flows_that_reach_their_edge() -> None:
    pool = _pool(3, [(0, 1), (1, 2)], bands=2,
                 messages=[Message("m0", "n1", "x0", False), Message("m1", "n2", "x1", True)])
    d = layout([pool], [External("x0"), External("x1")])
    for mid, ext in (("m0", "x0"), ("m1", "x1")):
        pts = d.edges[mid]
        x, y, w, h = d.shapes[ext]
        end = pts[-1] if mid == "m0" else pts[0]
        assert x <= end[0] <= x + w and end[1] in (y, y + h)
    assert not _problems(pool, [External("x0"), External("x1")])


@st.composite
def _graphs(draw: Any) -> Pool:
    n = draw(st.integers(2, 25))
    edges = [(i, i + 1) for i in range(n - 1)]
    edges += draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
    bands = draw(st.integers(1, 4))
    return _pool(n, edges, bands=bands)


@settings(max_examples=150, deadline=None)
@given(_graphs())
def test_no_overlap_no_edge_through_a_shape_and_orthogonal_edges(pool: Pool) -> None:
    assert _problems(pool) == []


@settings(max_examples=30, deadline=None)
@given(_graphs())
def test_layout_is_deterministic(pool: Pool) -> None:
    assert layout([pool], []) == layout([pool], [])
