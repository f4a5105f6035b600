"""Slot order in channels and corridors, and when an edge may turn straight into its target."""

from __future__ import annotations

from qms.layout.route import by_channel, channel_crossing, corridor_crossing, elbow_free, untangled
from qms.layout.shapes import Node


def test_a_fan_out_puts_the_farthest_target_outermost() -> None:
    # one source in row 0, targets in rows 1, 2 and 3: the run to row 3 must take the left slot
    runs = [(0, 1, 0.0, 1.0), (1, 1, 0.0, 2.0), (2, 1, 0.0, 3.0)]
    order = untangled(runs, channel_crossing)
    assert [k for k, *_ in order] == [2, 1, 0]
    assert sum(channel_crossing(a, b) for i, a in enumerate(order) for b in order[i + 1:]) == 0


def test_runs_that_share_a_corridor_level_cross_whichever_goes_first() -> None:
    # a comes up from row 1 and leaves right along the corridor above row 0; b comes in along that
    # corridor and goes out to row 0: a left of b meet on the corridor, b left of a crosses a's vertical
    a, b = (0, 1, 1.0, -0.5), (1, 1, -0.5, 0.0)
    assert channel_crossing(a, b) == 1 and channel_crossing(b, a) == 1


def test_nested_corridor_runs_put_the_longer_above() -> None:
    inner, outer = (0, 2, 3.0, 5.0, False, False), (1, 2, 1.0, 7.0, False, False)
    assert corridor_crossing(inner, outer) == 2 and corridor_crossing(outer, inner) == 0
    assert [k for k, *_ in untangled([inner, outer], corridor_crossing)] == [1, 0]


def test_runs_are_grouped_by_channel() -> None:
    assert by_channel([(3, 0, 1, 0.0, 1.0), (2, 1, 1, 0.0, 1.0), (3, 2, 3, 1.0, 2.0)]) == {
        3: [(0, 1, 0.0, 1.0), (2, 3, 1.0, 2.0)], 2: [(1, 1, 0.0, 1.0)]}


def test_an_elbow_needs_a_free_column_and_a_free_side() -> None:
    task = Node("t", 0, 100, 80)
    event = Node("e", 0, 36, 36, 40, 14)
    assert elbow_free(task, 5, 0, 2, 3, set(), set())
    assert not elbow_free(task, 5, 0, 2, 3, {(1, 3)}, set())  # a shape between, in the target's column
    assert not elbow_free(task, 5, 0, 2, 3, set(), {5})  # a loop comes into its top
    assert elbow_free(task, 5, 2, 0, 3, set(), {5})  # from below: its bottom is free
    assert not elbow_free(event, 5, 2, 0, 3, set(), set())  # its name is under it
