"""The vuosikello wheel: month sectors from the start month, events on their months, PDCA colours,
labels apart and outside the wheel, print size, every language."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from qms.load import load
from qms.model import LANGUAGES, AnnualCycle, QualitySystem
from qms.render.cycle import draw_cycle
from qms.render.svg import render
from qms.render.theme import DEFAULT_THEME, MONTHS, word
from qms.render.wheel import text_width
from qms.render.writer import PDCA, wrap
from tests.conftest import EXAMPLES, MODELS
from tests.render.conftest import HOSTILE

Golden = Callable[[str, str], None]
NS = {"s": "http://www.w3.org/2000/svg"}
#: A4 landscape inside the handbook's print margins (print.css), in points.
A4_ACROSS = (297 - 34) / 25.4 * 72
A4_DOWN = (210 - 38) / 25.4 * 72


def _svg(system: QualitySystem, lang: str | None = None) -> etree._Element:
    return etree.fromstring(draw_cycle(system, lang=lang).dot.encode("utf-8"))


def _angle(x: float, y: float) -> float:
    """Degrees clockwise from the top, as the wheel counts them."""
    return math.degrees(math.atan2(x, -y)) % 360


def _arc_angles(path: str) -> tuple[float, float]:
    """Start and end angle of the outer arc of a sector path ``M x,y A r,r 0 f 1 x,y …``."""
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", path)]
    return _angle(numbers[0], numbers[1]), _angle(numbers[4], numbers[5])


def _outer_radius(root: etree._Element) -> float:
    path = root.find("s:g[@class='month']/s:path", NS)
    assert path is not None
    return float(re.findall(r"A(\d+\.\d+)", path.get("d", ""))[0])


def _label_boxes(root: etree._Element) -> list[tuple[float, float, float, float]]:
    """Left, top, right, bottom of each event label (from its text and the font size)."""
    size = DEFAULT_THEME.small_size
    line = round(size * 1.25, 3)
    boxes = []
    for text in root.iterfind("s:g[@id='labels']/s:text", NS):
        x, y = float(text.get("x", "0")), float(text.get("y", "0"))
        lines = [span.text or "" for span in text.iterfind("s:tspan", NS)]
        width = max(text_width(t, size) for t in lines)
        top = y - line + 0.3 * size
        left = x if text.get("text-anchor") == "start" else x - width
        boxes.append((left, top, left + width, top + len(lines) * line))
    return boxes


def _apart(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def _distance_from_centre(box: tuple[float, float, float, float]) -> float:
    x = min(max(0.0, box[0]), box[2])
    y = min(max(0.0, box[1]), box[3])
    return math.hypot(x, y)


def _assert_apart(root: etree._Element) -> None:
    """Labels apart from each other and outside the wheel."""
    boxes = _label_boxes(root)
    assert all(_apart(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    rim = _outer_radius(root)
    assert all(_distance_from_centre(box) > rim for box in boxes)


def _assert_readable(root: etree._Element) -> None:
    """Labels apart and outside the wheel; no text under 8 pt when the picture is fitted to A4 landscape."""
    _assert_apart(root)
    sizes = [float(el.get("font-size", "")) for el in root.iter() if el.get("font-size")]
    width, height = (float(root.get(k, "").removesuffix("pt")) for k in ("width", "height"))
    scale = min(1.0, A4_ACROSS / width, A4_DOWN / height)
    assert min(sizes) * scale >= 8


def test_cycle_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("vuosikello.svg", draw_cycle(mini).dot)


def test_cycle_is_svg_drawn_without_graphviz_and_the_same_every_time(mini: QualitySystem) -> None:
    d = draw_cycle(mini)
    assert d.engine == "svg" and d.filename("svg") == d.filename("dot") == "vuosikello.svg"
    assert d.dot == draw_cycle(mini).dot


def test_months_start_at_the_top_with_the_start_month_and_run_clockwise(mini: QualitySystem) -> None:
    assert mini.annual_cycle is not None and mini.annual_cycle.cycle_start_month == 8
    months = _svg(mini).findall("s:g[@class='month']", NS)
    assert [g.get("id") for g in months] == [f"month-{m}" for m in (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)]
    starts = [_arc_angles(g.find("s:path", NS).get("d", ""))[0] for g in months]  # type: ignore[union-attr]
    assert starts == pytest.approx([k * 30 for k in range(12)], abs=0.01)
    january = mini.model_copy(update={"annual_cycle": mini.annual_cycle.model_copy(update={"cycle_start_month": 1})})
    assert _svg(january).find("s:g[@class='month']", NS).get("id") == "month-1"  # type: ignore[union-attr]


def test_an_event_covers_its_months_and_months_apart_get_an_arc_each(mini: QualitySystem) -> None:
    root = _svg(mini)
    kysely = root.find("s:g[@id='event-kysely']/s:path", NS)  # January and February: the 6th and 7th sector
    assert kysely is not None
    assert _arc_angles(kysely.get("d", "")) == pytest.approx((150.8, 209.2), abs=0.01)
    audits = root.findall("s:g[@class='event check']", NS)
    spans = sorted(_arc_angles(g.find("s:path", NS).get("d", "")) for g in audits  # type: ignore[union-attr]
                   if (g.get("id") or "").startswith("event-auditointi"))
    assert [a for span in spans for a in span] == pytest.approx([60.8, 89.2, 270.8, 299.2], abs=0.01)  # May, Oct


def test_events_are_filled_by_phase_with_the_phase_letter_and_a_legend(mini: QualitySystem) -> None:
    root = _svg(mini)
    assert mini.annual_cycle is not None
    for event in mini.annual_cycle.events:
        for g in root.iterfind(f"s:g[@class='event {event.pdca}']", NS):
            path, letter = g.find("s:path", NS), g.find("s:text", NS)
            assert path is not None and letter is not None
            assert path.get("fill") == DEFAULT_THEME.pdca_fills[event.pdca or ""]
            assert letter.text == word(event.pdca or "", "fi")[:1]
    legend = root.find("s:g[@id='legend']", NS)
    assert legend is not None
    assert [r.get("fill") for r in legend.iterfind("s:rect", NS)] == [DEFAULT_THEME.pdca_fills[p] for p in PDCA]
    assert [t.text for t in legend.iterfind("s:text", NS)][1::2] == [word(p, "fi") for p in PDCA]


def test_continuous_events_are_listed_in_the_centre(mini: QualitySystem) -> None:
    centre = _svg(mini).find("s:g[@id='cycle-centre']", NS)
    assert centre is not None
    words = " ".join(t.text or "" for t in centre.iterfind("s:text", NS))
    assert words.startswith("Vuosikello Jatkuvasti Amispalaute")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_of_the_wheel_is_in_the_chosen_language(mini: QualitySystem, lang: str) -> None:
    texts = {t.text for t in _svg(mini, lang).iter(f"{{{NS['s']}}}text", f"{{{NS['s']}}}tspan")}
    assert set(MONTHS[lang]) <= texts
    assert {word(p, lang) for p in PDCA} | {word("continuous", lang)} <= texts


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_wheels_are_readable_on_a_printed_page(name: str) -> None:
    system = load(MODELS / name).system
    assert system is not None and system.annual_cycle is not None
    _assert_readable(_svg(system))


_MONTHS = st.lists(st.integers(1, 12), min_size=1, max_size=5, unique=True)
_NAMES = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzäöÅ ŋđ-"), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 12), st.lists(st.tuples(_MONTHS, _NAMES, st.sampled_from(PDCA)), min_size=1, max_size=30))
def test_labels_stay_apart_and_outside_the_wheel_on_any_cycle(
    mini: QualitySystem, start: int, events: list[tuple[list[int], str, str]]
) -> None:
    cycle = AnnualCycle.model_validate({
        "name": "Vuosikello", "cycle_start_month": start,
        "events": [{"id": f"e{i}", "name": name.strip() or "x", "months": months, "pdca": pdca}
                   for i, (months, name, pdca) in enumerate(events)],
    })
    _assert_apart(_svg(mini.model_copy(update={"annual_cycle": cycle})))


@pytest.mark.needs_rsvg
@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_and_pdf_are_made_from_the_svg_with_the_same_bytes_every_run(
    mini: QualitySystem, fmt: str, magic: bytes
) -> None:
    first = render(draw_cycle(mini), fmt, dpi=72)
    assert first.startswith(magic) and render(draw_cycle(mini), fmt, dpi=72) == first


def test_hostile_names_stay_text_and_an_empty_cycle_is_twelve_months(mini: QualitySystem) -> None:
    cycle = AnnualCycle.model_validate({"name": HOSTILE, "events": [
        {"id": "a", "name": HOSTILE, "months": [3, 4], "pdca": "do"},
        {"id": "b", "name": HOSTILE, "continuous": True}]})
    root = _svg(mini.model_copy(update={"annual_cycle": cycle}))
    assert not root.xpath("//*[local-name()='b' or local-name()='script']")
    words = "".join(t.text or "" for t in root.iter(f"{{{NS['s']}}}tspan"))
    assert "".join(wrap(HOSTILE.replace("\n", " "), 26)).replace(" ", "") in words.replace(" ", "")
    empty = _svg(mini.model_copy(update={"annual_cycle": AnnualCycle.model_validate({"name": "V"})}))
    assert len(empty.findall("s:g[@class='month']", NS)) == 12 and not empty.findall("s:g[@class='event']", NS)


def test_cycle_without_annual_cycle_is_refused(mini: QualitySystem) -> None:
    with pytest.raises(ValueError, match="no annual_cycle"):
        draw_cycle(mini.model_copy(update={"annual_cycle": None}))
