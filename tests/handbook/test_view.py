"""Numbers, dates and target status."""

from __future__ import annotations

import datetime as dt

import pytest

from qms.handbook.view import compare, format_date, format_number, measure_status
from qms.model import Measure


@pytest.mark.parametrize(("value", "cond", "expected"), [
    (4.4, ">= 4,3", True), (4.2, ">= 4,3", False), (2.0, "<= 2 %", True), (-0.4, ">= 0 M€", False),
    (61, "> 60 pv", True), (3, "≥ 3", True), (1, "<= valtakunnallinen keskiarvo", None), (1, None, None),
])
def test_compare(value: float, cond: str | None, expected: bool | None) -> None:
    assert compare(value, cond) is expected


@pytest.mark.parametrize(("results", "expected"), [
    ([], "no_result"), ([{"period": "2025", "value": 4.4}], "met"), ([{"period": "2025", "value": 4.1}], "not_met"),
    ([{"period": "2025", "value": 3.8}], "alerted"), ([{"period": "2025", "value": "hyvä"}], "unknown_status"),
    ([{"period": "2025", "value": 4.4}, {"period": "2024", "value": 3.0}], "met"),
])
def test_measure_status_uses_the_latest_period(results: list[dict[str, object]], expected: str) -> None:
    m = Measure.model_validate({"id": "m", "name": "M", "target": ">= 4,3", "alert": "< 4,0", "results": results})
    assert measure_status(m) == expected


def test_formats_follow_the_language() -> None:
    assert format_number(0.9, "fi") == "0,9"
    assert format_number(-0.4, "en") == "-0.4"
    assert format_date(dt.date(2025, 10, 31), "sv") == "31.10.2025"
    assert format_date(None, "fi") == ""
