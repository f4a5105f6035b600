"""Geometry of a wheel of months: points, sectors as SVG paths, month runs, labels spread apart.

Angles are in degrees, clockwise from the top (12 o'clock), as a clock is read; SVG's
y axis points down. Every function is pure and rounds what it writes, so the same
input gives the same SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "point",
    "month_runs",
    "sector_path",
    "span_of",
    "spread",
    "text_width",
    "tracks",
]


def point(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    """The point at radius ``r`` and ``angle`` (degrees clockwise from the top) around (cx, cy).

    Examples
    --------
    >>> point(0, 0, 10, 90)
    (10.0, 0.0)
    >>> point(0, 0, 10, 180)
    (0.0, 10.0)
    """
    a = math.radians(angle)
    return round(cx + r * math.sin(a), 6) + 0.0, round(cy - r * math.cos(a), 6) + 0.0


def _xy(p: tuple[float, float]) -> str:
    return f"{p[0]:.2f},{p[1]:.2f}"


def sector_path(cx: float, cy: float, r_in: float, r_out: float, start: float, end: float) -> str:
    """An SVG path of the ring sector between radii ``r_in`` and ``r_out`` from ``start`` to ``end``.

    ``r_in`` 0 gives a pie slice; a sweep of 360° or more gives the whole ring (two half arcs,
    as one arc cannot close on itself).

    Examples
    --------
    >>> sector_path(0, 0, 0, 10, 0, 90)
    'M0.00,0.00 L0.00,-10.00 A10.00,10.00 0 0 1 10.00,0.00 Z'
    >>> sector_path(0, 0, 5, 10, 0, 90)
    'M0.00,-10.00 A10.00,10.00 0 0 1 10.00,0.00 L5.00,0.00 A5.00,5.00 0 0 0 0.00,-5.00 Z'
    """
    if end - start >= 360:
        return _ring_path(cx, cy, r_in, r_out)
    large = 1 if end - start > 180 else 0
    outer = f"A{r_out:.2f},{r_out:.2f} 0 {large} 1 {_xy(point(cx, cy, r_out, end))}"
    if r_in <= 0:
        return f"M{cx:.2f},{cy:.2f} L{_xy(point(cx, cy, r_out, start))} {outer} Z"
    inner = f"A{r_in:.2f},{r_in:.2f} 0 {large} 0 {_xy(point(cx, cy, r_in, start))}"
    return f"M{_xy(point(cx, cy, r_out, start))} {outer} L{_xy(point(cx, cy, r_in, end))} {inner} Z"


def _ring_path(cx: float, cy: float, r_in: float, r_out: float) -> str:
    halves = [f"M{_xy(point(cx, cy, r, 0))} A{r:.2f},{r:.2f} 0 1 1 {_xy(point(cx, cy, r, 180))} "
              f"A{r:.2f},{r:.2f} 0 1 1 {_xy(point(cx, cy, r, 0))} Z" for r in (r_out, r_in) if r > 0]
    return " ".join(halves)


def month_runs(months: Sequence[int], order: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of consecutive months in wheel ``order``: (first position, count) each.

    A run may pass the end of the wheel's year (December → January on a school-year wheel
    is one run).

    Examples
    --------
    >>> order = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    >>> month_runs([12, 1, 2], order)
    [(4, 3)]
    >>> month_runs([5, 10], order)
    [(2, 1), (9, 1)]
    >>> month_runs([7, 8], order)
    [(11, 2)]
    >>> month_runs(range(1, 13), order)
    [(0, 12)]
    """
    taken = sorted({order.index(m) for m in months})
    if len(taken) == len(order):
        return [(0, len(order))]
    runs: list[list[int]] = []
    for k in taken:
        if runs and runs[-1][0] + runs[-1][1] == k:
            runs[-1][1] += 1
        else:
            runs.append([k, 1])
    if len(runs) > 1 and runs[0][0] == 0 and sum(runs[-1]) == len(order):
        last = runs.pop()
        runs[0] = [last[0], last[1] + runs[0][1]]
        runs.sort()
    return [(k, n) for k, n in runs]


def span_of(run: tuple[int, int], months: int = 12) -> tuple[float, float]:
    """Start and end angle of a run of months.

    >>> span_of((11, 2))
    (330.0, 390.0)
    """
    step = 360 / months
    return run[0] * step, (run[0] + run[1]) * step


def tracks(spans: Sequence[tuple[float, float]]) -> list[int]:
    """A ring (0 = innermost) for each span so that spans on one ring never overlap.

    Longer spans are placed first, each on the lowest free ring (spans that only
    touch do not overlap).

    Examples
    --------
    >>> tracks([(0, 30), (0, 60), (30, 60), (330, 390)])
    [2, 0, 1, 1]
    """
    rings: list[list[tuple[float, float]]] = []
    out = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda i: (-(spans[i][1] - spans[i][0]), spans[i][0], i)):
        pieces = _pieces(spans[i])
        for r, taken in enumerate(rings):
            if not any(a < d and c < b for a, b in pieces for c, d in taken):
                taken.extend(pieces)
                out[i] = r
                break
        else:
            rings.append(list(pieces))
            out[i] = len(rings) - 1
    return out


def _pieces(span: tuple[float, float]) -> list[tuple[float, float]]:
    """A span cut at 360° into pieces within [0, 360)."""
    a, b = span
    return [(a, b)] if b <= 360 else [(a, 360.0), (0.0, b - 360)]


#: Widths of characters in em of DejaVu Sans, by class (the rest: ``_WIDE`` for capitals, 0.6).
_NARROW = frozenset("iljtfr.,:;'|!()[]ı ")
_WIDE = frozenset("mwMWÆŒ")


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` at font ``size``, estimated for DejaVu Sans.

    An estimate on the generous side: it is used to keep labels apart and inside
    the picture, where a little too much room is harmless.

    Examples
    --------
    >>> round(text_width("kesäkuu", 10), 1)
    42.0
    """
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.34
        elif ch in _WIDE:
            em += 0.9
        elif ch.isupper() or ch.isdigit():
            em += 0.7
        else:
            em += 0.6
    return em * size * (1.08 if bold else 1.0)


def spread(ideal: Sequence[float], heights: Sequence[float], gap: float,
           within: tuple[float, float] | None = None) -> list[float]:
    """Tops of boxes stacked in one column, each as near its ``ideal`` top as the others allow.

    The boxes keep their order (sorted by ideal top) and at least ``gap`` between
    them; boxes that would overlap are moved together as a block centred on where they
    want to be (the least squares of the shifts). ``within`` (top, bottom) keeps the
    column inside a range as far as it has room; past that it grows downwards.

    Examples
    --------
    >>> spread([0, 5, 100], [10, 10, 10], 2)
    [-3.5, 8.5, 100.0]
    >>> spread([0, 5, 100], [10, 10, 10], 2, within=(0, 105))
    [0.0, 12.0, 95.0]
    """
    tops = _blocks(ideal, heights, gap)
    if within is None:
        return tops
    order = sorted(range(len(tops)), key=lambda i: (tops[i], i))
    bottom = within[1]
    for i in reversed(order):  # up from the bottom of the range
        tops[i] = min(tops[i], bottom - heights[i])
        bottom = tops[i] - gap
    top = within[0]
    for i in order:  # down from its top, which wins when the range is too short
        tops[i] = max(tops[i], top)
        top = tops[i] + heights[i] + gap
    return [round(t, 6) + 0.0 for t in tops]


def _blocks(ideal: Sequence[float], heights: Sequence[float], gap: float) -> list[float]:
    """The tops of :func:`spread` without a range."""
    order = sorted(range(len(ideal)), key=lambda i: (ideal[i], i))
    blocks: list[list[int]] = []
    tops: list[float] = []
    for i in order:
        blocks.append([i])
        tops.append(ideal[i])
        while len(blocks) > 1:
            prev, last = blocks[-2], blocks[-1]
            prev_end = tops[-2] + sum(heights[j] for j in prev) + gap * len(prev)
            if prev_end <= tops[-1]:
                break
            merged = prev + last
            offsets = _offsets(merged, heights, gap)
            tops[-2:] = [sum(ideal[j] - o for j, o in zip(merged, offsets, strict=True)) / len(merged)]
            blocks[-2:] = [merged]
    out = [0.0] * len(ideal)
    for block, top in zip(blocks, tops, strict=True):
        for j, o in zip(block, _offsets(block, heights, gap), strict=True):
            out[j] = round(top + o, 6) + 0.0
    return out


def _offsets(block: Sequence[int], heights: Sequence[float], gap: float) -> list[float]:
    offsets, y = [], 0.0
    for j in block:
        offsets.append(y)
        y += heights[j] + gap
    return offsets
