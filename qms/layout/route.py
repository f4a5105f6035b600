"""Orthogonal routing: where an edge may turn straight into its target, and in which order the
edges that share a channel (a vertical gap between two columns) or a corridor (a horizontal gap
above a row) take their slots, so that they cross as little as possible.

A run through a channel is (edge, place in its route, row it comes in at, row it goes out at); a
corridor above row ``r`` counts as row ``r - 0.5``. A run along a corridor is (edge, place, x of
its two verticals, whether each comes from above); x counts channel ``k`` as ``2k`` (plus its
slot / 1000) and column ``c``'s centre as ``2c + 1``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from qms.layout.shapes import Node

__all__ = ["by_channel", "channel_crossing", "corridor_crossing", "elbow_free", "untangled"]

_T = TypeVar("_T", bound=tuple[Any, ...])


def elbow_free(node: Node, v: int, rs: int, rt: int, j: int, cells: set[tuple[int, int]],
                ends_on_top: set[int]) -> bool:
    """An edge may turn into ``node`` (row ``rt``, column ``j``) from row ``rs``: no shape stands in
    its column between, and nothing else meets the side it would enter (a loop or a message on the
    top; a name or data under the shape)."""
    if any((r, j) in cells for r in range(min(rs, rt) + 1, max(rs, rt))):
        return False
    if rs < rt:
        return v not in ends_on_top
    return not node.label_h and not node.artifacts


def by_channel(wants: list[tuple[int, int, int, float, float]]) -> dict[int, list[tuple[int, int, float, float]]]:
    out: dict[int, list[tuple[int, int, float, float]]] = {}
    for chan, k, pos, y_in, y_out in wants:
        out.setdefault(chan, []).append((k, pos, y_in, y_out))
    return out


def channel_crossing(a: tuple[int, int, float, float], b: tuple[int, int, float, float]) -> int:
    """Crossings of two edges' runs through one channel when ``a`` takes the slot left of ``b``:
    ``b`` comes in across ``a``'s vertical, or ``a`` goes out across ``b``'s."""
    _, _, ia, oa = a
    _, _, ib, ob = b
    same_corridor = oa == ib and oa % 1  # a leaves right along the corridor that b comes in along from the left
    return int(min(ia, oa) < ib < max(ia, oa)) + int(min(ib, ob) < oa < max(ib, ob)) + int(bool(same_corridor))


def corridor_crossing(a: tuple[int, int, float, float, bool, bool], b: tuple[int, int, float, float, bool, bool]) -> int:
    """Crossings of two runs along one corridor when ``a`` takes the slot above ``b``: a vertical
    of ``b`` that comes from above crosses ``a``, one of ``a`` that goes down crosses ``b``."""
    _, _, a0, a1, a_up0, a_up1 = a
    _, _, b0, b1, b_up0, b_up1 = b
    lo_a, hi_a, lo_b, hi_b = min(a0, a1), max(a0, a1), min(b0, b1), max(b0, b1)
    return (sum(int(lo_a < x < hi_a) for x, up in ((b0, b_up0), (b1, b_up1)) if up)
            + sum(int(lo_b < x < hi_b) for x, up in ((a0, a_up0), (a1, a_up1)) if not up))


def untangled(members: list[_T], cost: Callable[[_T, _T], int]) -> list[_T]:
    """The runs through one channel (or corridor) in order: each goes where it adds the fewest
    crossings (``cost(a, b)``: crossings when ``a`` comes before ``b``)."""
    members = sorted(members, key=lambda m: m[2:] + m[:2])
    if len(members) > 64:  # a rare crowd: the sorted order will do
        return members
    order: list[_T] = []
    for m in members:
        costs = [sum(cost(o, m) for o in order[:i]) + sum(cost(m, o) for o in order[i:])
                 for i in range(len(order) + 1)]
        order.insert(costs.index(min(costs)), m)
    return order


# ------------------------------------------------------------------ the diagram
