"""``network.yaml``: the members of a network, their common process map and shared indicators."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator

from qms.model.base import Id, Lang, StrictModel, Text

__all__ = ["PERIODS", "CommonProcess", "Indicator", "Network"]

#: How the period of a shared indicator's results is written.
PERIODS: dict[str, str] = {
    "year": r"\d{4}",
    "school_year": r"\d{4}[-–/]\d{2,4}",
    "term": r"\d{4}-(K|S|H[12])",
    "quarter": r"\d{4}-Q[1-4]",
    "month": r"\d{4}-\d{2}",
}


def _one_or_many(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
    return value


class CommonProcess(StrictModel):
    """A process of the map the members agree on, and which process of each member it is.

    Why: members name the same process differently (``oppijan_polku``, ``opiskelijan_polku``).
    A member not listed under ``members`` is looked up by the common id.
    """

    id: Id
    name: Text
    category: Literal["management", "core", "support"]
    members: dict[Id, list[Id]] = Field(default_factory=dict)

    _many = field_validator("members", mode="before")(classmethod(lambda cls, v: _one_or_many(v)))


class Indicator(StrictModel):
    """A shared indicator: one definition, and the measure of each member that reports it."""

    id: Id
    name: Text
    definition: Text | None = None
    unit: str
    direction: Literal["higher", "lower"]
    period: Literal["year", "school_year", "term", "quarter", "month"] = "year"
    source: Text | None = None
    measures: dict[Id, Id] = Field(default_factory=dict)


class Network(StrictModel):
    """A network of providers (laatuverkosto) that compares and develops its quality systems together.

    Why: the members keep their own systems; the network agrees only on what it compares.
    ``members`` are paths of member system folders, relative to ``network.yaml``.
    """

    network: Id
    name: Text
    notice: Text | None = None
    as_of: dt.date | None = None
    default_language: Lang = "fi"
    purpose: Text | None = None
    members: list[str] = Field(min_length=1)
    processes: list[CommonProcess] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
