"""Ranking and ordering: the column of every shape, and its row within its lane, with few crossings.

Columns are longest-path layers of the flow without its back edges (found by a depth-first search
from the sources). Within each lane and column the shapes are stacked in rows; their order starts as
the search's preorder (the first branch of every decision keeps the top row) and is then improved by
barycentre sweeps (Sugiyama, Tagawa and Toda 1981): each shape moves towards the mean row of its
neighbours in the columns before it, then after it, and the order with the fewest crossings is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qms.graph.build import digraph
from qms.graph.queries import depth_first, layers

__all__ = ["Ranks", "rank"]

SWEEPS = 4
"""Forward and backward sweeps; more seldom helps (crossings stop falling after two or three)."""


@dataclass(slots=True)
class Ranks:
    """Where each shape goes: its column, its row within its band (lane) and its row overall."""

    column: list[int]
    row: list[int]  # within the shape's band and column
    band_rows: list[int]  # rows of each band (at least 1)
    back: set[int]  # indices of the edges that go back (loops)

    def overall(self, band: Sequence[int]) -> list[int]:
        """Each shape's row counted over all bands, top to bottom."""
        first = [0] * len(self.band_rows)
        total = 0
        for b, rows in enumerate(self.band_rows):
            first[b] = total
            total += rows
        return [first[band[v]] + self.row[v] for v in range(len(band))]


def rank(n: int, ends: Sequence[tuple[int, int]], band: Sequence[int], bands: int) -> Ranks:
    """Columns and rows of ``n`` shapes joined by edges ``ends`` (source, target), each in ``band[v]``.

    Examples
    --------
    >>> r = rank(4, [(0, 1), (0, 2), (1, 3), (2, 3)], [0, 0, 0, 0], 1)
    >>> r.column, r.row, r.band_rows
    ([0, 1, 1, 2], [0, 0, 1, 0], [2])
    """
    g = digraph(range(n), ((s, t, {}) for s, t in ends))
    indeg = [0] * n
    for _, t in ends:
        indeg[t] += 1
    search = depth_first(g, [v for v in range(n) if indeg[v] == 0])
    col = layers(g, search)
    column = [int(col[v]) for v in range(n)]
    back_pairs = search.back_edges
    back = {k for k, (s, t) in enumerate(ends) if (s, t) in back_pairs or column[t] <= column[s]}
    cells: dict[tuple[int, int], list[int]] = {}
    for v in search.preorder:
        cells.setdefault((band[v], column[int(v)]), []).append(int(v))  # type: ignore[call-overload]
    band_rows = [1] * bands
    for (b, _), members in cells.items():
        band_rows[b] = max(band_rows[b], len(members))
    forward = [(s, t) for k, (s, t) in enumerate(ends) if k not in back]
    ranks = Ranks(column, [0] * n, band_rows, back)
    _sweep(ranks, cells, forward, band)
    return ranks


def _place(ranks: Ranks, cells: dict[tuple[int, int], list[int]]) -> None:
    for members in cells.values():
        for r, v in enumerate(members):
            ranks.row[v] = r


def _sweep(ranks: Ranks, cells: dict[tuple[int, int], list[int]], forward: list[tuple[int, int]],
           band: Sequence[int]) -> None:
    """Barycentre sweeps over the columns; keeps the cell orders with the fewest crossings."""
    _place(ranks, cells)
    if not forward or all(len(m) < 2 for m in cells.values()):
        return
    preds: dict[int, list[int]] = {}
    succs: dict[int, list[int]] = {}
    for s, t in forward:
        succs.setdefault(s, []).append(t)
        preds.setdefault(t, []).append(s)
    by_column = sorted(cells, key=lambda key: (key[1], key[0]))
    first = [a - r for a, r in zip(ranks.overall(band), ranks.row, strict=True)]  # first row of each shape's band
    at = ranks.overall(band)
    best = {key: list(m) for key, m in cells.items()}
    fewest = _crossings(at, ranks.column, forward)
    for i in range(2 * SWEEPS):
        neighbours = preds if i % 2 == 0 else succs
        for key in by_column if i % 2 == 0 else reversed(by_column):
            members = cells[key]
            if len(members) < 2:
                continue
            members.sort(key=lambda v: _mean([at[u] for u in neighbours.get(v, ())], at[v]))
            for r, v in enumerate(members):
                ranks.row[v] = r
                at[v] = first[v] + r
        count = _crossings(at, ranks.column, forward)
        if count < fewest:
            fewest, best = count, {key: list(m) for key, m in cells.items()}
    cells.update(best)
    _place(ranks, cells)


def _mean(values: list[int], default: int) -> float:
    return sum(values) / len(values) if values else float(default)


def _crossings(at: list[int], column: list[int], forward: list[tuple[int, int]]) -> int:
    """Crossings of the forward edges drawn straight between their columns (a proxy of the drawing's)."""
    spans: dict[int, list[tuple[float, float]]] = {}
    for s, t in forward:  # an edge over several columns is cut into one piece per column gap
        c0, c1 = column[s], column[t]
        for c in range(c0, c1):
            a = at[s] + (at[t] - at[s]) * (c - c0) / (c1 - c0)
            b = at[s] + (at[t] - at[s]) * (c + 1 - c0) / (c1 - c0)
            spans.setdefault(c, []).append((a, b))
    count = 0
    for pieces in spans.values():
        if len(pieces) > 400:  # very wide gaps: sort and count inversions would do, but are rare
            pieces = pieces[:400]
        for i, (a1, b1) in enumerate(pieces):
            for a2, b2 in pieces[i + 1:]:
                if (a1 - a2) * (b1 - b2) < 0:
                    count += 1
    return count
