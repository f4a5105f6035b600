"""Measures (mittarit) with targets, alert thresholds and results."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, field_validator

from qms.model.base import Id, StrictModel, Text

__all__ = ["Benchmark", "Measure", "Result", "Target", "check_comparison", "parse_number", "parse_target"]

MeasureType = Literal["input", "process", "output", "outcome", "perception"]
SourceKind = Literal[
    "national_register",
    "national_stats",
    "national_survey",
    "own_survey",
    "hr_system",
    "finance_system",
    "student_admin",
    "own_records",
    "other",
]


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


#: Words people write instead of an operator, and the operator to write.
_WORDS = {"vähintään": ">=", "enintään": "<=", "yli": ">", "alle": "<", "at least": ">=", "at most": "<=",
          "over": ">", "under": "<", "minst": ">=", "högst": "<="}


def check_comparison(text: str) -> str:
    """Return ``text`` when it is a target: an operator and a number with its unit (``">= 60 %"``),
    a bare number (at least that), or an operator and the name of a reference value
    (``"<= valtakunnallinen keskiarvo"``); raise ``ValueError`` with an example otherwise.

    Examples
    --------
    >>> check_comparison("<= 14 pv")
    '<= 14 pv'
    >>> check_comparison("vähintään 60 %")
    Traceback (most recent call last):
    ValueError: 'vähintään 60 %' is not a comparison; hint: write '>= 60 %'
    """
    m = _TARGET_RE.match(text)
    rest = m[2] if m else ""
    if m and (m[1] or parse_number(rest) is not None) and rest:
        return text
    lowered = text.strip().lower()
    for word, op in _WORDS.items():
        if lowered.startswith(word + " ") and parse_number(text.strip()[len(word):]) is not None:
            return _fail(text, f"write '{op} {text.strip()[len(word):].strip()}'")
    return _fail(text, "write an operator and a number with its unit, e.g. '>= 60 %', '<= 14 pv' or '100 %'")


def _fail(text: str, hint: str) -> str:
    raise ValueError(f"'{text}' is not a comparison; hint: {hint}")


class Result(StrictModel):
    """One measured value of a measure for a period (``2025``, ``2025-Q3``).

    ``segment`` names the part of the provider the value is for (a unit, a field, a learner
    group: ``tulosalue:tekniikka``); a value without one is the provider's total.

    ``value`` is a number, a number with its unit (``"47 pv"``, ``"4,3"``), or a word for a
    qualitative result (``"hyvä"``), which no target is compared with.
    """

    period: str
    value: float | str
    segment: str | None = None
    comment: Text | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class Benchmark(StrictModel):
    """A comparison value from another source (national mean, a peer provider)."""

    source: Text
    value: float | str


class Measure(StrictModel):
    """A measure of quality or effectiveness (mittari, tunnusluku).

    Why: ISO 9001 4.4 c and EQAVET ask for indicators with targets, a data source, a
    rhythm and an owner; a measure is *complete* when it has all of them.
    ``target`` and ``alert`` are written as a comparison, e.g. ``">= 4.3"``, ``"≤ 8 %"``.
    ``segment_by`` says by what results must be broken down (``[tulosalue]``, ``[education_form]``);
    ``monitors`` says whom one value is about: the provider, a unit, a group, or one learner
    (``individual``: study progress, HOKS progress, absences, the base of an early warning).
    """

    id: Id
    name: Text
    type: MeasureType | None = None
    definition: Text | None = None
    unit: str | None = None
    target: str | None = None
    alert: str | None = None
    baseline: str | None = None
    source: Text | None = None
    source_kind: SourceKind | None = None
    frequency: Text | None = None
    owner: Id | None = None
    reported_to: list[Text] = Field(default_factory=list)
    processes: list[Id] = Field(default_factory=list)
    objectives: list[Id] = Field(default_factory=list)
    education_forms: list[Id] = Field(default_factory=list)
    stakeholder_group: str | None = None
    eqavet_indicators: list[int] = Field(default_factory=list)
    segment_by: list[str] = Field(default_factory=list)
    monitors: Literal["provider", "unit", "group", "individual"] | None = None
    results: list[Result] = Field(default_factory=list)
    benchmarks: list[Benchmark] = Field(default_factory=list)
    ignore: dict[str, str] = Field(default_factory=dict)

    @field_validator("target", "alert", "baseline", mode="before")
    @classmethod
    def _number_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value

    @field_validator("target", "alert")
    @classmethod
    def _comparison(cls, value: str | None) -> str | None:
        return value if value is None else check_comparison(value)

    @property
    def complete(self) -> bool:
        """True when the measure has a target, a source, a frequency and an owner."""
        return all((self.target, self.source, self.frequency, self.owner))
