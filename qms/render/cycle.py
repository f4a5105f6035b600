"""The vuosikello (annual cycle) as DOT: a wheel of months with the year's events."""

from __future__ import annotations

import math
from collections.abc import Sequence

from qms.model import QualitySystem
from qms.render.theme import DEFAULT_THEME, MONTHS, Theme, word
from qms.render.writer import (
    Diagram,
    Dot,
    Html,
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
    months = MONTHS.get(texts.lang) or MONTHS["fi"]
    by_month: dict[int, list[int]] = {m: [] for m in range(1, 13)}
    continuous: list[int] = []
    for i, event in enumerate(cycle.events):
        if event.continuous or not event.months:
            continuous.append(i)
            continue
        for m in dict.fromkeys(event.months):
            by_month[m].append(i)
    names = [texts(e.name) for e in cycle.events]
    order = [(cycle.cycle_start_month - 1 + k) % 12 + 1 for k in range(12)]

    def event_rows(indices: Sequence[int], width: int) -> tuple[str, list[str]]:
        rows, lines = [], []
        for i in indices:
            event = cycle.events[i]
            wrapped = wrap(names[i], width)
            lines += wrapped
            fill = theme.pdca_fills.get(event.pdca or "", "#ffffff")
            letter = word(event.pdca, texts.lang)[:1] if event.pdca else ""
            rows.append(
                f'<TR><TD BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT">'
                f"{lines_html(wrapped)}</TD>"
                f'<TD BGCOLOR="{fill}" VALIGN="TOP"><FONT POINT-SIZE="{theme.small_size - 1:g}" '
                f'COLOR="{theme.muted}">{html_text(letter)}</FONT></TD></TR>'
            )
        return "".join(rows), lines

    size = theme.small_size + 0.5
    labels: list[str] = []
    sizes: list[tuple[float, float]] = []
    for m in order:
        rows, lines = event_rows(by_month[m], 20)
        header = months[m - 1]
        labels.append(
            '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" '
            f'COLOR="{theme.lane_border}" BGCOLOR="#ffffff">'
            f'<TR><TD COLSPAN="2" BGCOLOR="{theme.pool_fill}"><B>{html_text(header)}</B></TD>'
            f"</TR>{rows}</TABLE>"
        )
        w, h = _estimate([header, *(line + "   " for line in lines)], size)
        sizes.append((w, h + 0.1 * len(by_month[m])))

    centre_rows, centre_lines = event_rows(continuous, 26)
    title = texts(cycle.name) or word("annual_cycle", texts.lang)
    centre = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
        f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="{theme.title_size:g}"><B>'
        f"{lines_html(wrap(title, 20))}</B></FONT></TD></TR>"
    )
    if continuous:
        centre += f'<TR><TD COLSPAN="2"><I>{html_text(word("continuous", texts.lang))}</I></TD></TR>{centre_rows}'
    centre += "</TABLE>"
    cw, ch = _estimate([*wrap(title, 20), *centre_lines], size + 2)
    ring = max(1.5, math.hypot(cw, ch) / 2 + 0.35)

    angles = [math.radians(90 - (k + 0.5) * 30) for k in range(12)]
    used = [k for k, m in enumerate(order) if by_month[m]]
    radius = ring + 0.45
    while True:
        # Each box touches the circle of ``radius`` from outside, growing outwards.
        positions = []
        for k in range(12):
            ux, uy = math.cos(angles[k]), math.sin(angles[k])
            w, h = sizes[k]
            reach = radius + abs(ux) * w / 2 + abs(uy) * h / 2
            positions.append((reach * ux * 1.3, reach * uy))
        if _boxes_apart([positions[k] for k in used], [sizes[k] for k in used], 0.15):
            break
        radius += 0.05

    dot = Dot()
    dot.open('digraph "vuosikello"')
    base_defaults(
        dot,
        theme,
        {
            "layout": "neato",
            "splines": "line",
            "pad": 0.3,
            "id": "vuosikello",
            "outputorder": "edgesfirst",
            "labelloc": "b",
            "labeljust": "c",
            "label": title_label(theme, "", pdca_legend(theme, texts.lang)),
        },
    )
    dot.defaults("node", {"shape": "plaintext", "margin": 0, "fontsize": size})
    dot.node("cycle:centre", {"label": Html(centre), "pos": "0,0!", "id": "cycle-centre"})
    for k, m in enumerate(order):
        a = angles[k]
        tick = f"cycle:tick:{m}"
        dot.node(
            tick,
            {
                "shape": "circle",
                "label": str(m),
                "width": 0.34,
                "fixedsize": "true",
                "style": "filled",
                "fillcolor": theme.pool_fill,
                "color": theme.muted,
                "fontsize": theme.small_size,
                "pos": f"{ring * math.cos(a):.3f},{ring * math.sin(a):.3f}!",
                "id": f"month-{m}",
            },
        )
        if by_month[m]:
            x, y = positions[k]
            dot.node(f"cycle:month:{m}", {"label": Html(labels[k]), "pos": f"{x:.3f},{y:.3f}!", "id": f"events-{m}"})
    for k, m in enumerate(order):
        nxt = order[(k + 1) % 12]
        dot.edge(f"cycle:tick:{m}", f"cycle:tick:{nxt}", {"penwidth": 2.0, "color": theme.muted, "arrowsize": 0.6})
        if by_month[m]:
            dot.edge(
                f"cycle:tick:{m}", f"cycle:month:{m}", {"style": "dotted", "arrowhead": "none", "color": theme.muted}
            )
    dot.close()
    return Diagram("vuosikello", "cycle", dot.text(), "neato", frozenset(texts.fallbacks))


# ---------------------------------------------------------------------------------------------
