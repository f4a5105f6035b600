"""Measure targets as comparisons, with decimal commas, units and no sign."""

from __future__ import annotations

import re

import pytest

from qms.check.targets import Target, latest_result, parse_number, parse_target


@pytest.mark.parametrize(("text", "target"), [
    (">= 4,3", Target(">=", 4.3, "")),
    ("≥ 70 %", Target(">=", 70.0, "%")),
    ("≤ 45 pv", Target("<=", 45.0, "pv")),
    ("100 %", Target(">=", 100.0, "%")),
    ("< 2 %", Target("<", 2.0, "%")),
    ("<= 2 %", Target("<=", 2.0, "%")),
    ("≤ 8 %/v", Target("<=", 8.0, "%/v")),
    (">= 0 M€", Target(">=", 0.0, "M€")),
    ("≥ 60/v", Target(">=", 60.0, "/v")),
    ("= 0", Target("=", 0.0, "")),
    ("> −0,5", Target(">", -0.5, "")),
    ("≥ 12 300 €", Target(">=", 12300.0, "€")),
])
def test_parse_target(text: str, target: Target) -> None:
    assert parse_target(text) == target


@pytest.mark.parametrize("text", [None, "", "<= valtakunnallinen keskiarvo", "kasvaa", ">="])
def test_not_a_comparison(text: str | None) -> None:
    assert parse_target(text) is None


@pytest.mark.parametrize(("target", "value", "met"), [
    ("≤ 45 pv", 47, False), ("≤ 45 pv", 45, True), (">= 4,3", 4.3, True), (">= 4,3", 4.29, False),
    ("< 2 %", 2, False), ("< 2 %", 1.7, True), ("100 %", 100, True), ("100 %", 94, False), ("= 0", 0.0, True),
])
def test_met_by(target: str, value: float, met: bool) -> None:
    parsed = parse_target(target)
    assert parsed is not None and parsed.met_by(value) is met


def test_numbers_and_latest_result() -> None:
    assert parse_number("47 pv") == (47.0, "pv")
    assert parse_number(True) is None
    assert latest_result([("2025", "n/a"), ("2024", "3,8")]) == ("2024", 3.8)
    assert latest_result([]) is None
    assert str(parse_target(">= 4,3")) == "≥ 4,3"


@pytest.mark.parametrize("text", [">= 60 %", "<= 14 pv", "100 %", "≥ 4,3", "< 2 %", "= 0", "<= valtakunnallinen keskiarvo"])
def test_a_target_is_read_when_the_file_is_loaded(text: str) -> None:
    from qms.model import Measure

    assert Measure.model_validate({"id": "m", "name": "M", "target": text}).target == text


@pytest.mark.parametrize(("text", "hint"), [
    ("vähintään 60 %", "write '>= 60 %'"),
    ("alle 14 pv", "write '< 14 pv'"),
    ("at most 3", "write '<= 3'"),
    ("mahdollisimman nopea", "write an operator and a number with its unit, e.g. '>= 60 %', '<= 14 pv' or '100 %'"),
    (">=", "write an operator and a number with its unit, e.g. '>= 60 %', '<= 14 pv' or '100 %'"),
])
def test_a_target_that_is_no_comparison_is_a_load_error_with_an_example(text: str, hint: str) -> None:
    from qms.model.measure import check_comparison

    with pytest.raises(ValueError, match=f"^'{re.escape(text)}' is not a comparison; hint: {re.escape(hint)}$"):
        check_comparison(text)
