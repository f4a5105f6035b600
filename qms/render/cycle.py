"""The vuosikello (annual cycle) as DOT: a wheel of months with the year's events."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from qms.model import AnnualCycle, QualitySystem
from qms.render.theme import DEFAULT_THEME, MONTHS, Theme, word
from qms.render.writer import (
    Diagram,
    Dot,
    Html,
    Texts,
    base_defaults,
    html_text,
    lines_html,
    pdca_legend,
    texts_for,
    title_label,
    wrap,
)

__all__ = ["draw_cycle"]


def _estimate(lines: Sequence[str], size: float) -> tuple[float, float]:
    """Rough width and height in inches of a table of text lines (for placement only)."""
    chars = max((len(line) for line in lines), default=4)
    return chars * size * 0.56 / 72 + 0.25, len(lines) * size * 1.4 / 72 + 0.3


def _boxes_apart(positions: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]], gap: float) -> bool:
    for i in range(len(positions)):
        for j in range(i + 1, len(positions)):
            (xi, yi), (wi, hi) = positions[i], sizes[i]
            (xj, yj), (wj, hj) = positions[j], sizes[j]
            if abs(xi - xj) < (wi + wj) / 2 + gap and abs(yi - yj) < (hi + hj) / 2 + gap:
                return False
    return True


def draw_cycle(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
) -> Diagram:
    """Draw the annual cycle (vuosikello) as a wheel of twelve months.

    The year runs clockwise from the top, starting at ``cycle_start_month``. Each
    month's events are listed in a box outside the ring, filled by PDCA phase;
    continuous events are listed in the centre. Positions are computed here and fixed
    (``pos="x,y!"``, engine ``neato``), so the picture is the same on every run.

    Raises
    ------
    ValueError
        If the system has no ``annual_cycle``.
    """
    cycle = system.annual_cycle
    if cycle is None:
        raise ValueError(f"system '{system.system}' has no annual_cycle")
    texts = texts_for(system, lang)
    w = _Wheel(cycle, texts, theme, [texts(e.name) for e in cycle.events])
    for i, event in enumerate(cycle.events):
        if event.continuous or not event.months:
            w.continuous.append(i)
            continue
        for m in dict.fromkeys(event.months):
            w.by_month[m].append(i)
    order = [(cycle.cycle_start_month - 1 + k) % 12 + 1 for k in range(12)]
    size = theme.small_size + 0.5
    labels, sizes = _month_boxes(w, order, size)
    centre, (cw, ch) = _centre(w, size)
    ring = max(1.5, math.hypot(cw, ch) / 2 + 0.35)
    positions = _place(ring, sizes, [k for k, m in enumerate(order) if w.by_month[m]])
    dot = Dot()
    dot.open('digraph "vuosikello"')
    base_defaults(dot, theme, {
        "layout": "neato", "splines": "line", "pad": 0.3, "id": "vuosikello", "outputorder": "edgesfirst",
        "labelloc": "b", "labeljust": "c", "label": title_label(theme, "", pdca_legend(theme, texts.lang)),
    })
    dot.defaults("node", {"shape": "plaintext", "margin": 0, "fontsize": size})
    dot.node("cycle:centre", {"label": Html(centre), "pos": "0,0!", "id": "cycle-centre"})
    _write_months(dot, w, order, ring, labels, positions)
    dot.close()
    return Diagram("vuosikello", "cycle", dot.text(), "neato", frozenset(texts.fallbacks))


_ANGLES = [math.radians(90 - (k + 0.5) * 30) for k in range(12)]
"""The direction of each month's box from the centre, clockwise from the top."""


@dataclass(slots=True)
class _Wheel:
    """The cycle's events by month (indexes into ``cycle.events``), and what draws them."""

    cycle: AnnualCycle
    texts: Texts
    theme: Theme
    names: list[str]
    by_month: dict[int, list[int]] = field(default_factory=lambda: {m: [] for m in range(1, 13)})
    continuous: list[int] = field(default_factory=list)


def _event_rows(w: _Wheel, indices: Sequence[int], width: int) -> tuple[str, list[str]]:
    """Table rows of events, filled by PDCA phase with its letter; and the lines they take."""
    theme = w.theme
    rows, lines = [], []
    for i in indices:
        event = w.cycle.events[i]
        wrapped = wrap(w.names[i], width)
        lines += wrapped
        fill = theme.pdca_fills.get(event.pdca or "", "#ffffff")
        letter = word(event.pdca, w.texts.lang)[:1] if event.pdca else ""
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT">'
            f"{lines_html(wrapped)}</TD>"
            f'<TD BGCOLOR="{fill}" VALIGN="TOP"><FONT POINT-SIZE="{theme.small_size - 1:g}" '
            f'COLOR="{theme.muted}">{html_text(letter)}</FONT></TD></TR>'
        )
    return "".join(rows), lines


def _month_boxes(w: _Wheel, order: list[int], size: float) -> tuple[list[str], list[tuple[float, float]]]:
    """Each month's box (in wheel order) and its estimated size in inches."""
    months = MONTHS.get(w.texts.lang) or MONTHS["fi"]
    labels: list[str] = []
    sizes: list[tuple[float, float]] = []
    for m in order:
        rows, lines = _event_rows(w, w.by_month[m], 20)
        header = months[m - 1]
        labels.append(
            '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" '
            f'COLOR="{w.theme.lane_border}" BGCOLOR="#ffffff">'
            f'<TR><TD COLSPAN="2" BGCOLOR="{w.theme.pool_fill}"><B>{html_text(header)}</B></TD>'
            f"</TR>{rows}</TABLE>"
        )
        width, height = _estimate([header, *(line + "   " for line in lines)], size)
        sizes.append((width, height + 0.1 * len(w.by_month[m])))
    return labels, sizes


def _centre(w: _Wheel, size: float) -> tuple[str, tuple[float, float]]:
    """The centre: the cycle's name and its continuous events; and its estimated size."""
    theme, texts = w.theme, w.texts
    centre_rows, centre_lines = _event_rows(w, w.continuous, 26)
    title = texts(w.cycle.name) or word("annual_cycle", texts.lang)
    centre = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
        f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="{theme.title_size:g}"><B>'
        f"{lines_html(wrap(title, 20))}</B></FONT></TD></TR>"
    )
    if w.continuous:
        centre += f'<TR><TD COLSPAN="2"><I>{html_text(word("continuous", texts.lang))}</I></TD></TR>{centre_rows}'
    centre += "</TABLE>"
    return centre, _estimate([*wrap(title, 20), *centre_lines], size + 2)


def _place(ring: float, sizes: list[tuple[float, float]], used: list[int]) -> list[tuple[float, float]]:
    """Box centres: each box touches a circle from outside, the circle grown until no two boxes meet."""
    radius = ring + 0.45
    while True:
        positions = []
        for k in range(12):
            ux, uy = math.cos(_ANGLES[k]), math.sin(_ANGLES[k])
            width, height = sizes[k]
            reach = radius + abs(ux) * width / 2 + abs(uy) * height / 2
            positions.append((reach * ux * 1.3, reach * uy))
        if _boxes_apart([positions[k] for k in used], [sizes[k] for k in used], 0.15):
            return positions
        radius += 0.05


def _write_months(dot: Dot, w: _Wheel, order: list[int], ring: float, labels: list[str],
                  positions: list[tuple[float, float]]) -> None:
    """The ring of month ticks, each month's box beside its tick, and the arrows round the year."""
    theme = w.theme
    for k, m in enumerate(order):
        a = _ANGLES[k]
        dot.node(f"cycle:tick:{m}", {
            "shape": "circle", "label": str(m), "width": 0.34, "fixedsize": "true", "style": "filled",
            "fillcolor": theme.pool_fill, "color": theme.muted, "fontsize": theme.small_size,
            "pos": f"{ring * math.cos(a):.3f},{ring * math.sin(a):.3f}!", "id": f"month-{m}",
        })
        if w.by_month[m]:
            x, y = positions[k]
            dot.node(f"cycle:month:{m}", {"label": Html(labels[k]), "pos": f"{x:.3f},{y:.3f}!", "id": f"events-{m}"})
    for k, m in enumerate(order):
        nxt = order[(k + 1) % 12]
        dot.edge(f"cycle:tick:{m}", f"cycle:tick:{nxt}", {"penwidth": 2.0, "color": theme.muted, "arrowsize": 0.6})
        if w.by_month[m]:
            dot.edge(
                f"cycle:tick:{m}", f"cycle:month:{m}", {"style": "dotted", "arrowhead": "none", "color": theme.muted}
            )
