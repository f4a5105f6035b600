"""Columns by longest path, rows by barycentre sweeps: fewer crossings than the search order alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qms.layout.order import _crossings, rank


def test_a_chain_is_one_row_of_columns() -> None:
    r = rank(4, [(0, 1), (1, 2), (2, 3)], [0, 0, 0, 0], 1)
    assert r.column == [0, 1, 2, 3] and r.row == [0, 0, 0, 0] and r.back == set()


def test_a_loop_is_a_back_edge_and_keeps_the_columns() -> None:
    r = rank(3, [(0, 1), (1, 2), (2, 1)], [0, 0, 0], 1)
    assert r.column == [0, 1, 2] and r.back == {2}


def test_the_sweeps_untangle_what_the_search_order_crosses() -> None:
    # the search visits 0, 3, 2, 1: in that order 1 -> 3 crosses 0 -> 2; the sweep swaps 3 and 2
    ends = [(0, 3), (1, 3), (0, 2)]
    r = rank(4, ends, [0, 0, 0, 0], 1)
    assert r.row == [0, 1, 0, 1]
    assert _crossings(r.overall([0, 0, 0, 0]), r.column, ends) == 0


def test_rows_are_counted_per_band_and_overall() -> None:
    r = rank(4, [(0, 1), (0, 2), (1, 3), (2, 3)], [0, 1, 1, 0], 2)
    assert r.band_rows == [1, 2]
    assert r.overall([0, 1, 1, 0]) == [0, 1, 2, 0]


@st.composite
def _graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], list[int], int]:
    n = draw(st.integers(2, 20))
    ends = [(i, i + 1) for i in range(n - 1)]
    ends += draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
    bands = draw(st.integers(1, 3))
    return n, ends, [draw(st.integers(0, bands - 1)) for _ in range(n)], bands


@settings(max_examples=100, deadline=None)
@given(_graphs())
def test_every_shape_gets_its_own_cell_and_forward_edges_go_right(graph: tuple) -> None:
    n, ends, band, bands = graph
    r = rank(n, ends, band, bands)
    places = {(band[v], r.column[v], r.row[v]) for v in range(n)}
    assert len(places) == n
    assert all(r.row[v] < r.band_rows[band[v]] for v in range(n))
    for k, (s, t) in enumerate(ends):
        assert k in r.back or r.column[s] < r.column[t]
    assert rank(n, ends, band, bands) == r
