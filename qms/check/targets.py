"""Measure targets and results (``">= 4,3"``, ``"≤ 45 pv"``, ``"100 %"``) for the rules.

The grammar lives in :mod:`qms.model.measure`, where it is applied when a file is loaded;
this module gives the rules its names and picks the latest result.
"""

from __future__ import annotations

from qms.model.measure import Target, parse_number, parse_target

__all__ = ["Target", "latest_result", "parse_number", "parse_target"]


def latest_result(results: list[tuple[str, float | str]]) -> tuple[str, float] | None:
    """The ``(period, value)`` of the latest period that has a number, or None.

    Periods sort as text (``2024`` < ``2025`` < ``2025-Q3``); among equal periods the last
    listed wins.

    Examples
    --------
    >>> latest_result([("2024", "52 pv"), ("2025", 47), ("2023", 58)])
    ('2025', 47.0)
    """
    best: tuple[str, float] | None = None
    for period, value in results:
        number = parse_number(value)
        if number is None:
            continue
        if best is None or str(period) >= best[0]:
            best = (str(period), number[0])
    return best
