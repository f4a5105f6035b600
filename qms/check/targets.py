"""Read measure targets such as ``">= 4,3"``, ``"≤ 45 pv"`` or ``"100 %"`` and compare results."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Target", "latest_result", "parse_number", "parse_target"]

_OPS: dict[str, str] = {
    ">=": ">=", "≥": ">=", "=>": ">=", "<=": "<=", "≤": "<=", "=<": "<=",
    ">": ">", "<": "<", "==": "=", "=": "=",
}
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
}
_TARGET_RE = re.compile(r"^\s*(>=|<=|=>|=<|==|[≥≤<>=])?\s*(.*?)\s*$", re.DOTALL)
_NUMBER_RE = re.compile(r"^([+\-−]?\s*\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?)\s*(.*)$", re.DOTALL)
_EPS = 1e-9


def parse_number(text: str | float | int) -> tuple[float, str] | None:
    """Read a leading number (decimal comma or point, spaces between thousands) and its unit.

    Examples
    --------
    >>> parse_number("4,3")
    (4.3, '')
    >>> parse_number("11 900 €")
    (11900.0, '€')
    >>> parse_number("−0,4 M€")
    (-0.4, 'M€')
    >>> parse_number("noin puolet") is None
    True
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text), ""
    m = _NUMBER_RE.match(text.strip())
    if not m:
        return None
    raw = re.sub(r"[\s\u00a0\u202f]", "", m[1]).replace("−", "-").replace(",", ".")
    try:
        return float(raw), m[2].strip()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Target:
    """A target as a comparison: ``op`` (``>=``, ``<=``, ``>``, ``<``, ``=``), ``value``, ``unit``.

    A target without an operator (``"100 %"``) means *at least* that value; write
    ``<= 0`` for an at-most target.
    """

    op: str
    value: float
    unit: str = ""

    def met_by(self, value: float) -> bool:
        """True when ``value`` reaches the target.

        Examples
        --------
        >>> parse_target("≤ 45 pv").met_by(47)
        False
        >>> parse_target(">= 4,3").met_by(4.3)
        True
        """
        if self.op == "=":
            return abs(value - self.value) <= _EPS * max(1.0, abs(self.value))
        compare = _COMPARE[self.op]
        if self.op in (">=", "<="):
            return compare(value, self.value) or abs(value - self.value) <= _EPS * max(1.0, abs(self.value))
        return compare(value, self.value)

    def __str__(self) -> str:
        op = {">=": "≥", "<=": "≤"}.get(self.op, self.op)
        number = f"{self.value:g}".replace(".", ",")
        return f"{op} {number}" + (f" {self.unit}" if self.unit else "")


def parse_target(text: str | None) -> Target | None:
    """Read a target written as a comparison; None when it is not one (``"kansallinen keskiarvo"``).

    Examples
    --------
    >>> parse_target(">= 4,3")
    Target(op='>=', value=4.3, unit='')
    >>> parse_target("≥ 70 %")
    Target(op='>=', value=70.0, unit='%')
    >>> parse_target("100 %")
    Target(op='>=', value=100.0, unit='%')
    >>> parse_target("< 2 %")
    Target(op='<', value=2.0, unit='%')
    >>> parse_target("<= valtakunnallinen keskiarvo") is None
    True
    """
    if not text:
        return None
    m = _TARGET_RE.match(str(text))
    if not m:
        return None
    number = parse_number(m[2])
    if number is None:
        return None
    op = _OPS[m[1]] if m[1] else ">="
    return Target(op, number[0], number[1])


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
