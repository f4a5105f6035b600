"""A small SVG line chart of results over periods, one line per provider, readable in black and white."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

__all__ = ["line_chart"]

#: Okabe–Ito colours (safe for colour blindness); with the dashes and markers each line is told apart in print.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "12 4", "4 4 1 4")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
MAX_LINES = 12

_W, _H = 640, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 170, 28, 40


def _num(x: float) -> str:
    """A coordinate with one decimal, the same text on every run.

    >>> _num(3.0), _num(2.25), _num(-0.0)
    ('3', '2.2', '0')
    """
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _label(value: float) -> str:
    """A tick's text: whole numbers without decimals, others with up to two.

    >>> _label(60.0), _label(4.25)
    ('60', '4.25')
    """
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{_num(x - 3.5)}" y="{_num(y - 3.5)}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        pts = f"{_num(x)},{_num(y - 4.5)} {_num(x - 4.5)},{_num(y + 3.5)} {_num(x + 4.5)},{_num(y + 3.5)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if kind == "diamond":
        pts = f"{_num(x)},{_num(y - 5)} {_num(x + 5)},{_num(y)} {_num(x)},{_num(y + 5)} {_num(x - 5)},{_num(y)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    return (f'<path d="M{_num(x - 4)} {_num(y - 4)}L{_num(x + 4)} {_num(y + 4)}M{_num(x - 4)} {_num(y + 4)}'
            f'L{_num(x + 4)} {_num(y - 4)}" stroke="{colour}" stroke-width="2"/>')


def _ticks(low: float, high: float) -> list[float]:
    """Round values for the y axis, about five of them.

    >>> _ticks(55.0, 72.0)
    [55, 60, 65, 70]
    """
    raw = (high - low) / 5 or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)
    first = math.ceil(low / step) * step
    count = int((high - first) / step + 1e-9) + 1
    return [round(first + i * step, 6) for i in range(count)]


def line_chart(title: str, unit: str, series: Sequence[tuple[str, Sequence[tuple[str, float | str]]]]) -> str:
    """An ``<svg>`` element: periods left to right, one line and marker shape per provider.

    Values that are not numbers are left out; with no number at all the chart says so.
    At most :data:`MAX_LINES` providers are drawn; the legend names how many more there are.
    """
    numeric = [(label, [(p, float(v)) for p, v in points if isinstance(v, int | float)]) for label, points in series]
    shown = [(label, pts) for label, pts in numeric if pts][:MAX_LINES]
    hidden = sum(1 for _, pts in numeric if pts) - len(shown)
    periods = sorted({p for _, pts in shown for p, _ in pts})
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
           f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="11">',
           f'<text x="{_LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)} ({escape(unit)})</text>']
    if not periods:
        out.append(f'<text x="{_LEFT}" y="{_H // 2}">no results to draw</text></svg>')
        return "\n".join(out)
    values = [v for _, pts in shown for _, v in pts]
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x_of(period: str) -> float:
        return _LEFT + (plot_w * (periods.index(period) + 0.5) / len(periods))

    def y_of(value: float) -> float:
        return _TOP + plot_h * (high - value) / (high - low)

    out.append(f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#888"/>')
    for t in _ticks(low, high):
        y = y_of(t)
        out.append(f'<line x1="{_LEFT}" y1="{_num(y)}" x2="{_LEFT + plot_w}" y2="{_num(y)}" stroke="#ddd"/>')
        out.append(f'<text x="{_LEFT - 6}" y="{_num(y + 4)}" text-anchor="end">{_label(t)}</text>')
    for p in periods:
        out.append(f'<text x="{_num(x_of(p))}" y="{_H - _BOTTOM + 16}" text-anchor="middle">{escape(p)}</text>')
    for i, (label, pts) in enumerate(shown):
        colour, dash, marker = COLOURS[i % len(COLOURS)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]
        ordered = sorted(pts)
        coords = " ".join(f"{_num(x_of(p))},{_num(y_of(v))}" for p, v in ordered)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g><title>{escape(label)}</title>'
                   f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>')
        out += [_marker(marker, x_of(p), y_of(v), colour) for p, v in ordered]
        ly = _TOP + 14 + i * 18
        lx = _W - _RIGHT + 14
        out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 26}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"{dashed}/>')
        out.append(_marker(marker, lx + 13, ly - 4, colour))
        out.append(f'<text x="{lx + 32}" y="{ly}">{escape(label)}</text></g>')
    if hidden:
        out.append(f'<text x="{_W - _RIGHT + 14}" y="{_TOP + 14 + len(shown) * 18}">+ {hidden} more</text>')
    out.append("</svg>")
    return "\n".join(out)
