"""Pure helpers that turn model values into what a reader sees: numbers, dates, target status."""

from __future__ import annotations

import datetime as dt
import re

from qms.model import Measure, Result

__all__ = ["compare", "format_date", "format_number", "latest_result", "measure_status"]

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_CMP = re.compile(r"^\s*(<=|>=|≤|≥|<|>|=)\s*(-?\d+(?:[.,]\d+)?)")


def format_number(value: float | str, lang: str) -> str:
    """Format a result value: decimal comma outside English, no trailing ``.0``.

    Examples
    --------
    >>> format_number(4.4, "fi"), format_number(4.4, "en"), format_number(11900.0, "fi")
    ('4,4', '4.4', '11\xa0900')
    >>> format_number("ok", "fi")
    'ok'
    """
    if isinstance(value, str):
        return value
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"
    if lang == "en":
        return text
    # Finnish and Swedish: decimal comma, a no-break space between thousands.
    return text.replace(",", "\u00a0").replace(".", ",")


def format_date(value: dt.date | str | None, lang: str) -> str:
    """Format a date (or ``YYYY``/``YYYY-MM``) the way a reader of ``lang`` writes it.

    Examples
    --------
    >>> import datetime as dt
    >>> format_date(dt.date(2026, 1, 15), "fi"), format_date(dt.date(2026, 1, 15), "en")
    ('15.1.2026', '15 January 2026')
    >>> format_date("2025-10", "fi"), format_date("2025-10", "en"), format_date("2022", "fi")
    ('10/2025', 'October 2025', '2022')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        parts = value.split("-")
        if len(parts) == 3:
            value = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        elif len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return f"{_MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{month}/{year}"
        else:
            return value
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def compare(value: float, condition: str | None) -> bool | None:
    """Whether ``value`` satisfies a condition written like ``">= 4,3"`` or ``"< 0 M€"``.

    Returns None when the condition is not a comparison with a number
    (``"<= valtakunnallinen keskiarvo"``).

    Examples
    --------
    >>> compare(4.4, ">= 4,3"), compare(2.1, "<= 2 %"), compare(1, "≤ 2"), compare(3, "<= keskiarvo")
    (True, False, True, None)
    """
    if not condition:
        return None
    m = _CMP.match(condition)
    if not m:
        return None
    op, num = m.group(1), float(m.group(2).replace(",", "."))
    return {
        "<": value < num, ">": value > num, "=": value == num,
        "<=": value <= num, "≤": value <= num, ">=": value >= num, "≥": value >= num,
    }[op]


def latest_result(measure: Measure) -> Result | None:
    """The result of the latest period (periods sort as text: ``2024`` < ``2025-Q1`` < ``2025-Q2``)."""
    if not measure.results:
        return None
    return max(measure.results, key=lambda r: r.period)


def measure_status(measure: Measure) -> str:
    """The status of a measure's latest result against its target and alert threshold.

    One of ``alerted`` (the alert condition holds), ``met``, ``not_met``,
    ``no_result`` or ``unknown_status`` (no numeric target or value).

    Examples
    --------
    >>> from qms.model import Measure
    >>> m = Measure(id="m", name="M", target=">= 4,3", alert="< 4,0", results=[{"period": "2025", "value": 4.4}])
    >>> measure_status(m)
    'met'
    """
    result = latest_result(measure)
    if result is None:
        return "no_result"
    if isinstance(result.value, str):
        return "unknown_status"
    value = float(result.value)
    if compare(value, measure.alert):
        return "alerted"
    met = compare(value, measure.target)
    if met is None:
        return "unknown_status"
    return "met" if met else "not_met"
