"""Measures (mittarit) with targets, alert thresholds and results."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from qms.model.base import Id, StrictModel, Text

__all__ = ["Benchmark", "Measure", "Result"]

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


class Result(StrictModel):
    """One measured value of a measure for a period (``2025``, ``2025-Q3``).

    ``segment`` names the part of the provider the value is for (a unit, a field, a learner
    group: ``tulosalue:tekniikka``); a value without one is the provider's total.
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
        return str(value) if isinstance(value, int | float) else value

    @property
    def complete(self) -> bool:
        """True when the measure has a target, a source, a frequency and an owner."""
        return all((self.target, self.source, self.frequency, self.owner))
