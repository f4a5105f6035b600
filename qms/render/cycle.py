"""The vuosikello (annual cycle) as the wheel people draw, written as SVG.

Twelve month sectors run clockwise from the top, starting at ``cycle_start_month``
(August for a school year). Each event is an arc over the months it spans, filled by
its PDCA phase, with the phase's letter on it and its name outside the wheel at the end
of a leader line; continuous events are listed in the centre. Graphviz has no wheel
layout, so positions come from :mod:`qms.render.wheel` and the SVG is written here; PNG
and PDF are made from it by :func:`qms.render.svg.render`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from qms.model import AnnualCycle, CycleEvent, QualitySystem
from qms.render.theme import DEFAULT_THEME, MONTHS, Theme, word
from qms.render.wheel import month_runs, point, sector_path, span_of, spread, text_width, tracks
from qms.render.writer import PDCA, Diagram, Texts, plain_text, texts_for, wrap

__all__ = ["draw_cycle"]

SVG_NS = "http://www.w3.org/2000/svg"

#: Distances of the wheel in points (1/72 inch, the unit of the SVG).
MONTH_RING = 22.0  #: width of the ring of month names
TRACK = 15.0  #: width of one ring of event arcs
TRACK_GAP = 1.5
LABEL_GAP = 14.0  #: from the wheel's rim to the nearest label
LABEL_WRAP = 26  #: characters per line of an event's name
PAD = 12.0


def draw_cycle(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
) -> Diagram:
    """Draw the annual cycle (vuosikello) as a wheel of twelve month sectors.

    The picture is finished SVG (engine ``svg``): the same model gives the same bytes,
    every text is at least ``theme.small_size`` points, and the wheel fits an A4 page
    across.

    Raises
    ------
    ValueError
        If the system has no ``annual_cycle``.
    """
    cycle = system.annual_cycle
    if cycle is None:
        raise ValueError(f"system '{system.system}' has no annual_cycle")
    texts = texts_for(system, lang)
    w = _Wheel(cycle, texts, theme, [(cycle.cycle_start_month - 1 + k) % 12 + 1 for k in range(12)])
    w.arcs = [
        _Arc(event, texts(event.name), span)
        for event in cycle.events
        if event.months and not event.continuous
        for span in map(span_of, month_runs(event.months, w.order))
    ]
    for arc, ring in zip(w.arcs, tracks([a.span for a in w.arcs]), strict=True):
        arc.ring = ring
    w.centre = _centre_lines(w)
    _measure(w)
    svg = _svg(w)
    return Diagram("vuosikello", "cycle", svg, "svg", frozenset(texts.fallbacks))


@dataclass(slots=True)
class _Arc:
    """One run of an event's months: its arc on the wheel and its label outside."""

    event: CycleEvent
    name: str
    span: tuple[float, float]
    ring: int = 0
    lead: float = 0.0  #: the angle its leader line leaves the arc at
    lines: list[str] = field(default_factory=list)
    top: float = 0.0
    x: float = 0.0

    @property
    def middle(self) -> float:
        return (self.span[0] + self.span[1]) / 2 % 360

    @property
    def right(self) -> bool:
        return self.lead < 180


@dataclass(slots=True)
class _Wheel:
    """The cycle, what draws it, and the radii and label places computed for it."""

    cycle: AnnualCycle
    texts: Texts
    theme: Theme
    order: list[int]
    arcs: list[_Arc] = field(default_factory=list)
    centre: list[tuple[str, str, str]] = field(default_factory=list)  #: (text, style, PDCA fill)
    r_centre: float = 0.0
    r_events: float = 0.0
    r_out: float = 0.0

    @property
    def size(self) -> float:
        return self.theme.small_size

    @property
    def line(self) -> float:
        return round(self.theme.small_size * 1.25, 3)

    def month(self, m: int) -> str:
        return (MONTHS.get(self.texts.lang) or MONTHS["fi"])[m - 1]


def _centre_lines(w: _Wheel) -> list[tuple[str, str, str]]:
    """The lines of the centre: the cycle's name, then its continuous events under their heading."""
    title = w.texts(w.cycle.name) or word("annual_cycle", w.texts.lang)
    lines = [(line, "title", "") for line in wrap(title, 16)]
    continuous = [e for e in w.cycle.events if e.continuous or not e.months]
    if continuous:
        lines.append((word("continuous", w.texts.lang), "heading", ""))
        for e in continuous:
            fill = w.theme.pdca_fills.get(e.pdca or "", "#ffffff")
            lines += [(line, "event", fill if n == 0 else "") for n, line in enumerate(wrap(w.texts(e.name), 22))]
    return lines


def _text_size(w: _Wheel, style: str) -> float:
    return w.size + 2.5 if style == "title" else w.size


def _measure(w: _Wheel) -> None:
    """The radii of the rings, and every label's lines and place."""
    width = max(text_width(t, _text_size(w, s), bold=s == "title") + (12 if s == "event" else 0)
                for t, s, _ in w.centre)
    height = sum(_text_size(w, s) * 1.25 for _, s, _ in w.centre)
    longest = max(text_width(w.month(m), w.size + 0.5, bold=True) for m in range(1, 13))
    w.r_centre = max(48.0, ((width / 2) ** 2 + (height / 2) ** 2) ** 0.5 + 6,
                     (longest + 10) * 6 / 3.14159 - MONTH_RING / 2)
    w.r_events = w.r_centre + MONTH_RING + 3
    rings = max((a.ring for a in w.arcs), default=0) + 1
    w.r_out = w.r_events + rings * (TRACK + TRACK_GAP)
    _leads(w.arcs)
    for right in (True, False):
        side = [a for a in w.arcs if a.right == right]
        for a in side:
            a.lines = wrap(a.name, LABEL_WRAP)
        ideal = [-(w.r_out + LABEL_GAP) * _cos(a.lead) - w.line / 2 for a in side]
        heights = [len(a.lines) * w.line for a in side]
        reach = w.r_out + LABEL_GAP + 2 * w.line  # labels beside the wheel, not piled above or under it
        for a, top in zip(side, spread(ideal, heights, 3.0, (-reach, reach)), strict=True):
            a.top = top
            elbow = abs(point(0, 0, w.r_out + 5, a.lead)[0]) + 6  # the leader comes in from the wheel's side
            a.x = max(_label_x(w, top, top + len(a.lines) * w.line), elbow) * (1 if right else -1)


def _leads(arcs: Sequence[_Arc]) -> None:
    """Angles for the leader lines, fanned out where arcs share a middle (several events in a month)."""
    by_middle: dict[float, list[_Arc]] = {}
    for a in arcs:
        by_middle.setdefault(round(a.middle, 3), []).append(a)
    for group in by_middle.values():
        step = min(8.0, (min(a.span[1] - a.span[0] for a in group) - 6) / len(group))
        for j, a in enumerate(sorted(group, key=lambda a: -a.ring)):
            a.lead = (a.middle + (j - (len(group) - 1) / 2) * step) % 360


def _cos(angle: float) -> float:
    return point(0, 0, 1, angle)[1] * -1


def _label_x(w: _Wheel, top: float, bottom: float) -> float:
    """How far from the centre (across) a label between ``top`` and ``bottom`` starts, clear of the wheel."""
    reach = w.r_out + LABEL_GAP
    nearest = min(abs(top), abs(bottom)) if top * bottom > 0 else 0.0
    return max(8.0, (reach * reach - nearest * nearest) ** 0.5 if nearest < reach else 0.0)


# ---------------------------------------------------------------------------------------------
# Writing the SVG


def _el(parent: etree._Element, tag: str, attrs: dict[str, str], text: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, f"{{{SVG_NS}}}{tag}", attrs)
    if text is not None:
        el.text = plain_text(text)
    return el


def _bounds(w: _Wheel) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of everything drawn (the legend goes under the bottom)."""
    xs, ys = [-w.r_out, w.r_out], [-w.r_out, w.r_out]
    for a in w.arcs:
        width = max(text_width(line, w.size) for line in a.lines)
        xs += [a.x, a.x + width] if a.right else [a.x - width, a.x]
        ys += [a.top, a.top + len(a.lines) * w.line]
    return min(xs) - PAD, min(ys) - PAD, max(xs) + PAD, max(ys) + PAD


def _svg(w: _Wheel) -> str:
    left, top, right, bottom = _bounds(w)
    legend = _legend_items(w)
    legend_width = sum(width for _, _, width in legend)
    right = max(right, left + legend_width + 2 * PAD)
    bottom += w.line + 10
    width, height = right - left, bottom - top
    root = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS})
    for key, value in (("width", f"{width:.0f}pt"), ("height", f"{height:.0f}pt"),
                       ("viewBox", f"{left:.2f} {top:.2f} {width:.2f} {height:.2f}"), ("id", "vuosikello"),
                       ("font-family", f"{w.theme.font}, sans-serif"), ("font-size", f"{w.size:g}")):
        root.attrib[key] = value
    title = w.texts(w.cycle.name) or word("annual_cycle", w.texts.lang)
    _el(root, "title", {}, title)
    _el(root, "rect", {"x": f"{left:.2f}", "y": f"{top:.2f}", "width": f"{width:.2f}", "height": f"{height:.2f}",
                       "fill": "#ffffff"})
    _months(w, root)
    _events(w, root)
    _centre(w, root)
    _labels(w, root)
    _legend(w, root, legend, left + PAD, bottom - PAD - 4)
    for el in root.iter():  # one element a line, for readable differences; never inside a text
        if etree.QName(el).localname in ("svg", "g"):
            el.text = "\n"
        if etree.QName(el).localname != "tspan":
            el.tail = "\n"
    text: str = etree.tostring(root, encoding="unicode")
    return text


def _months(w: _Wheel, root: etree._Element) -> None:
    """The month sectors (shaded in turn) and the month names along the inner ring."""
    theme = w.theme
    for k, m in enumerate(w.order):
        a0, a1 = k * 30.0, (k + 1) * 30.0
        g = _el(root, "g", {"id": f"month-{m}", "class": "month"})
        _el(g, "title", {}, w.month(m))
        _el(g, "path", {"d": sector_path(0, 0, w.r_centre, w.r_out, a0, a1),
                        "fill": theme.lane_fills[k % len(theme.lane_fills)],
                        "stroke": theme.lane_border, "stroke-width": "0.8"})
        _el(g, "path", {"d": sector_path(0, 0, w.r_centre, w.r_centre + MONTH_RING, a0, a1),
                        "fill": theme.pool_fill, "stroke": theme.lane_border, "stroke-width": "0.8"})
        x, y = point(0, 0, w.r_centre + MONTH_RING / 2, (a0 + a1) / 2)
        _el(g, "text", {"transform": f"translate({x:.2f} {y:.2f}) rotate({_upright((a0 + a1) / 2):g})",
                        "y": f"{0.36 * (w.size + 0.5):.2f}", "font-size": f"{w.size + 0.5:g}",
                        "font-weight": "bold", "fill": theme.ink, "text-anchor": "middle"}, w.month(m))


def _upright(angle: float) -> float:
    """The rotation of text along the ring at ``angle``, turned so that it never stands on its head.

    >>> _upright(45), _upright(165), _upright(300)
    (45, -15, 300)
    """
    return angle - 180 if 90 < angle < 270 else angle


def _ring(w: _Wheel, ring: int) -> tuple[float, float]:
    inner = w.r_events + ring * (TRACK + TRACK_GAP)
    return inner, inner + TRACK


def _events(w: _Wheel, root: etree._Element) -> None:
    """Each event's arcs, filled by phase, with the phase's letter on them."""
    theme = w.theme
    for i, a in enumerate(w.arcs):
        phase = a.event.pdca or ""
        g = _el(root, "g", {"id": f"event-{a.event.id}" + (f"-{i}" if _repeated(w, i) else ""),
                            "class": f"event {phase}".strip()})
        _el(g, "title", {}, a.name)
        inner, outer = _ring(w, a.ring)
        _el(g, "path", {"d": sector_path(0, 0, inner, outer, a.span[0] + 0.8, a.span[1] - 0.8),
                        "fill": theme.pdca_fills.get(phase, "#ffffff"), "stroke": theme.muted,
                        "stroke-width": "0.6"})
        if phase:
            x, y = point(0, 0, (inner + outer) / 2, a.middle)
            _el(g, "text", {"x": f"{x:.2f}", "y": f"{y + 0.35 * w.size:.2f}", "text-anchor": "middle",
                            "font-weight": "bold", "fill": theme.ink}, word(phase, w.texts.lang)[:1])


def _repeated(w: _Wheel, i: int) -> bool:
    """True when the event of arc ``i`` has more than one arc (months apart)."""
    return sum(a.event.id == w.arcs[i].event.id for a in w.arcs) > 1


def _centre(w: _Wheel, root: etree._Element) -> None:
    """The centre disc: the cycle's name and the continuous events."""
    theme = w.theme
    g = _el(root, "g", {"id": "cycle-centre"})
    _el(g, "circle", {"cx": "0", "cy": "0", "r": f"{w.r_centre:.2f}", "fill": "#ffffff",
                      "stroke": theme.lane_border, "stroke-width": "0.8"})
    y = -sum(_text_size(w, s) * 1.25 for _, s, _ in w.centre) / 2
    for text, style, fill in w.centre:
        size = _text_size(w, style)
        y += size * 1.25
        attrs = {"x": "0", "y": f"{y - 0.3 * size:.2f}", "text-anchor": "middle", "fill": theme.ink}
        if style == "title":
            attrs |= {"font-size": f"{size:g}", "font-weight": "bold"}
        elif style == "heading":
            attrs |= {"font-style": "italic", "fill": theme.muted}
        elif fill:
            half = text_width(text, size) / 2
            _el(g, "rect", {"x": f"{-half - 8:.2f}", "y": f"{y - size * 1.1:.2f}", "width": "6",
                            "height": f"{size * 0.9:.2f}", "fill": fill, "stroke": theme.muted,
                            "stroke-width": "0.5"})
        _el(g, "text", attrs, text)


def _labels(w: _Wheel, root: etree._Element) -> None:
    """Event names outside the wheel, each with a leader line from its arc."""
    theme = w.theme
    g = _el(root, "g", {"id": "labels"})
    for a in w.arcs:
        _, outer = _ring(w, a.ring)
        x0, y0 = point(0, 0, outer - 1.5, a.lead)
        x1, y1 = point(0, 0, w.r_out + 5, a.lead)
        anchor_y = a.top + w.line / 2
        x2 = a.x - 3 if a.right else a.x + 3
        _el(g, "polyline", {"points": f"{x0:.2f},{y0:.2f} {x1:.2f},{y1:.2f} {x2:.2f},{anchor_y:.2f}",
                            "fill": "none", "stroke": theme.muted, "stroke-width": "0.7"})
        _el(g, "circle", {"cx": f"{x0:.2f}", "cy": f"{y0:.2f}", "r": "1.6", "fill": theme.ink})
        text = _el(g, "text", {"x": f"{a.x:.2f}", "y": f"{a.top + w.line - 0.3 * w.size:.2f}",
                               "text-anchor": "start" if a.right else "end", "fill": theme.ink})
        for n, line in enumerate(a.lines):
            _el(text, "tspan", {"x": f"{a.x:.2f}", "dy": "0" if n == 0 else f"{w.line:g}"}, line)


def _legend_items(w: _Wheel) -> list[tuple[str, str, float]]:
    """The PDCA phases, their colours and the room each takes in the legend."""
    return [(word(p, w.texts.lang), w.theme.pdca_fills[p], text_width(word(p, w.texts.lang), w.size) + 26)
            for p in PDCA]


def _legend(w: _Wheel, root: etree._Element, items: Sequence[tuple[str, str, float]], x: float, y: float) -> None:
    """A row of colour chips named by phase, with the letter that marks the arcs."""
    g = _el(root, "g", {"id": "legend"})
    for name, fill, width in items:
        _el(g, "rect", {"x": f"{x:.2f}", "y": f"{y - 9:.2f}", "width": "14", "height": "11", "fill": fill,
                        "stroke": w.theme.muted, "stroke-width": "0.6"})
        _el(g, "text", {"x": f"{x + 7:.2f}", "y": f"{y - 0.5:.2f}", "text-anchor": "middle", "font-weight": "bold",
                        "font-size": f"{w.size:g}", "fill": w.theme.ink}, name[:1])
        _el(g, "text", {"x": f"{x + 18:.2f}", "y": f"{y:.2f}", "fill": w.theme.ink}, name)
        x += width
