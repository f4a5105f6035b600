"""The indicator chart: valid SVG, one line per provider, the same bytes every run."""

from __future__ import annotations

from lxml import etree

from qms.network.chart import MAX_LINES, line_chart

SVG = "{http://www.w3.org/2000/svg}"
SERIES = [("redu", [("2023", 68.0), ("2024", 69.0), ("2025", 71.0)]), ("kao", [("2011", 71.0), ("2010", 69.5)]),
          ("sakk", [("2012", 61.0), ("2013", "n/a")])]


def test_one_line_per_provider_with_its_points_in_period_order() -> None:
    svg = etree.fromstring(line_chart("Läpäisy", "%", SERIES).encode())
    lines = svg.findall(f".//{SVG}polyline")
    assert len(lines) == 3
    assert [g.findtext(f"{SVG}title") for g in svg.findall(f"{SVG}g")] == ["redu", "kao", "sakk"]
    kao = lines[1].get("points").split()
    assert len(kao) == 2 and float(kao[0].split(",")[0]) < float(kao[1].split(",")[0])
    assert len(lines[2].get("points").split()) == 1  # "n/a" is not drawn
    assert {line.get("stroke-dasharray") for line in lines[1:]} != {None}  # told apart without colour


def test_deterministic_and_escaped() -> None:
    first = line_chart("A < B & C", "ka 1–5", SERIES)
    assert first == line_chart("A < B & C", "ka 1–5", SERIES)
    assert "A &lt; B &amp; C" in first


def test_no_numbers_and_too_many_lines() -> None:
    assert "no results to draw" in line_chart("X", "%", [("a", [("2012", "n/a")])])
    many = [(f"p{i}", [("2012", float(i))]) for i in range(MAX_LINES + 3)]
    svg = line_chart("X", "%", many)
    assert svg.count("<polyline") == MAX_LINES and "+ 3 more" in svg
