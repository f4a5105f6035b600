"""The wheel's geometry: runs of months, rings that never overlap, labels spread apart, sector paths."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qms.render.wheel import month_runs, point, sector_path, span_of, spread, text_width, tracks

ORDERS = st.integers(1, 12).map(lambda start: [(start - 1 + k) % 12 + 1 for k in range(12)])
MONTHS = st.lists(st.integers(1, 12), min_size=1, max_size=12, unique=True)


@given(MONTHS, ORDERS)
def test_runs_cover_exactly_the_months_and_never_touch(months: list[int], order: list[int]) -> None:
    runs = month_runs(months, order)
    covered = [order[(k + i) % 12] for k, n in runs for i in range(n)]
    assert sorted(covered) == sorted(months)
    if len(runs) > 1:  # apart runs have a month between them, also across the wheel's end
        ends = {(k + n) % 12 for k, n in runs}
        assert not ends & {k for k, _ in runs}


@given(st.lists(st.tuples(MONTHS, ORDERS), min_size=1, max_size=20))
def test_spans_on_one_ring_never_overlap(events: list[tuple[list[int], list[int]]]) -> None:
    order = events[0][1]
    spans = [span_of(run) for months, _ in events for run in month_runs(months, order)]
    rings = tracks(spans)

    def degrees(span: tuple[float, float]) -> set[int]:
        return {round(a) % 360 for a in range(int(span[0]), int(span[1]))}

    for i in range(len(spans)):
        for j in range(i + 1, len(spans)):
            if rings[i] == rings[j]:
                assert not degrees(spans[i]) & degrees(spans[j])
    assert set(rings) == set(range(max(rings) + 1))  # no empty ring in between


@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(1, 40)), min_size=1, max_size=30),
       st.booleans())
def test_spread_keeps_boxes_apart_in_order_and_inside_a_range_with_room(
    boxes: list[tuple[float, float]], ranged: bool
) -> None:
    ideal, heights = [b[0] for b in boxes], [b[1] for b in boxes]
    room = (-600.0, 600.0 + sum(heights) + 3 * len(heights))
    tops = spread(ideal, heights, 3.0, room if ranged else None)
    order = sorted(range(len(ideal)), key=lambda i: (ideal[i], i))
    for a, b in zip(order, order[1:], strict=False):
        assert tops[a] + heights[a] + 3.0 <= tops[b] + 1e-6
    if ranged:
        assert all(room[0] - 1e-6 <= t and t + h <= room[1] + 1e-6 for t, h in zip(tops, heights, strict=True))


def test_spread_leaves_boxes_that_do_not_meet_where_they_want_to_be() -> None:
    assert spread([0, 50, 100], [10, 10, 10], 2) == [0, 50, 100]


@given(st.floats(1, 200), st.floats(1, 100), st.integers(0, 11), st.integers(1, 11))
def test_a_sector_path_runs_along_its_two_radii(r_in: float, width: float, first: int, count: int) -> None:
    start, end = span_of((first, count))
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", sector_path(0, 0, r_in, r_in + width, start, end))]
    corners = {"outer start": (numbers[0], numbers[1]), "outer end": (numbers[4], numbers[5]),
               "inner end": (numbers[6], numbers[7]), "inner start": (numbers[10], numbers[11])}
    for name, (x, y) in corners.items():
        radius, angle = (r_in + width if "outer" in name else r_in), (start if "start" in name else end)
        assert (x, y) == pytest.approx(point(0, 0, radius, angle), abs=0.006)


def test_a_whole_ring_is_two_closed_circles() -> None:
    assert sector_path(0, 0, 5, 10, 0, 360).count("Z") == 2
    assert sector_path(0, 0, 0, 10, 0, 360).count("Z") == 1


def test_wider_letters_and_bold_text_take_more_room() -> None:
    assert text_width("iiii", 10) < text_width("aaaa", 10) < text_width("MMMM", 10)
    assert text_width("aaaa", 10) < text_width("aaaa", 10, bold=True)
    assert text_width("aaaa", 20) == 2 * text_width("aaaa", 10)
