"""Measures: numbers in comparisons read as text, completeness needs four things."""

from __future__ import annotations

from qms.model import Measure


def test_numbers_are_kept_as_text_and_completeness_needs_all_four() -> None:
    m = Measure.model_validate({"id": "m", "name": "M", "target": 4.3, "alert": 4})
    assert (m.target, m.alert) == ("4.3", "4")
    assert not m.complete
    full = m.model_copy(update={"source": "Arvo", "frequency": "vuosittain", "owner": "laatu"})
    assert full.complete
