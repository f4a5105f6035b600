"""What the handbook shows of a check run: findings and criteria coverage, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["COVERAGE_STATES", "CriteriaReport", "CriterionView", "FindingView"]

#: Coverage states of one criterion, the statuses of :mod:`qms.check.coverage` as CSS-safe
#: words (their names are in ``texts.WORDS``, ``cov_*``).
COVERAGE_STATES: tuple[str, ...] = ("met", "partly-met", "not-met", "not-applicable", "needs-evidence", "not-assessed")


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding as the criteria page shows it."""

    severity: str  # error | warning | info
    code: str
    name: str
    message: str
    hint: str = ""
    file: str = ""
    line: int = 0
    column: int = 0
    process: str = ""
    element: str = ""
    criteria: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """``file:line:col`` (or less, as known)."""
        if not self.file:
            return ""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class CriterionView:
    """One criterion with its coverage state and the findings and evidence behind it."""

    id: str
    framework: str
    title: str
    automation: str = "AUTO"
    state: str = "not-assessed"
    findings: tuple[FindingView, ...] = ()
    evidence: tuple[str, ...] = ()  # evidence record ids
    model: tuple[str, ...] = ()  # ids of the model elements that show it (processes, evaluations …)
    note: str = ""
    titles: Mapping[str, str] = field(default_factory=dict)  # the title by language, where the catalogue has it
    ref: str = ""  # the passage of the framework version in force (``531/2017 126 §``)
    shown: int = 0  # items of the criterion the description shows …
    items: int = 0  # … of this many ("3 / 5"); 0 when the criterion has no items


@dataclass(frozen=True, slots=True)
class CriteriaReport:
    """The criteria report of a system: criteria by framework, and every finding.

    Why: the handbook must not depend on the rule engine's internals; the build
    pipeline converts whatever the engine returns into this.
    """

    frameworks: tuple[tuple[str, str], ...] = ()  # (framework id, display name), in order
    criteria: tuple[CriterionView, ...] = ()
    findings: tuple[FindingView, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # severity → number
    framework_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # id → name by language
