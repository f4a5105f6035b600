"""The criteria coverage report: per framework, criterion → shown / not shown / needs evidence.

The report states what the model shows, never a verdict of compliance and never a maturity
level: a criterion is *shown* when its rules found nothing (and, for criteria that need a
human's confirmation, an evidence record names it), *not shown* when a rule found something
(the findings are the pointers), and *needs evidence* when only a record can show it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from qms.check.criteria import CRITERIA, FRAMEWORKS, Criterion
from qms.check.finding import Finding, loc
from qms.check.registry import RULES
from qms.check.rule import Rule
from qms.location import SourceLocation
from qms.model import QualitySystem, text_in

__all__ = [
    "STATUSES",
    "CoverageReport",
    "CriterionStatus",
    "FrameworkCoverage",
    "Pointer",
    "coverage",
    "format_coverage_json",
    "format_coverage_text",
]

Status = Literal["shown", "not shown", "needs evidence", "not checked"]
STATUSES: tuple[str, ...] = ("shown", "not shown", "needs evidence", "not checked")


@dataclass(frozen=True, slots=True)
class Pointer:
    """Where to look: a finding, an evidence record or a model element, with its position."""

    kind: Literal["finding", "evidence", "model"]
    text: str
    file: str = ""
    line: int = 0
    column: int = 0
    ref: str = ""

    @classmethod
    def at(cls, kind: Literal["finding", "evidence", "model"], text: str, where: SourceLocation | None,
           ref: str = "") -> Pointer:
        """A pointer at a source location (which may be unknown)."""
        if where is None:
            return cls(kind, text, ref=ref)
        return cls(kind, text, where.file, where.line, where.column, ref)

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"kind": self.kind, "text": self.text, "ref": self.ref or None, "file": self.file or None,
                "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class CriterionStatus:
    """One criterion's status with the rules that check it and the pointers behind the status."""

    criterion: Criterion
    status: Status
    rules: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] = ()
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        c = self.criterion
        return {"id": c.id, "title": c.title, "ref": c.ref, "level": c.level, "check": c.automation,
                "status": self.status, "rules": list(self.rules), "note": self.note,
                "pointers": [p.as_dict() for p in self.pointers]}


@dataclass(frozen=True, slots=True)
class FrameworkCoverage:
    """The criteria of one framework (FI-LAW, FI-QMS, EQAVET, ISO, EFQM)."""

    id: str
    name: str
    criteria: tuple[CriterionStatus, ...]

    def counts(self) -> dict[str, int]:
        """How many criteria have each status."""
        return {s: sum(c.status == s for c in self.criteria) for s in STATUSES}


@dataclass(frozen=True)
class CoverageReport:
    """The coverage of the catalogue by one system, per framework.

    Why: the handbook's criteria page and ``qms check --report coverage`` show the same
    report; an evaluator reads it as "what the description shows, and where".
    """

    system: str
    name: str
    as_of: dt.date | None
    frameworks: tuple[FrameworkCoverage, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        """How many criteria have each status, over all frameworks."""
        total = dict.fromkeys(STATUSES, 0)
        for fw in self.frameworks:
            for s, n in fw.counts().items():
                total[s] += n
        return total

    def get(self, criterion_id: str) -> CriterionStatus | None:
        """The status of one criterion."""
        for fw in self.frameworks:
            for c in fw.criteria:
                if c.criterion.id == criterion_id:
                    return c
        return None

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "system": self.system,
            "name": self.name,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "summary": self.counts(),
            "frameworks": [
                {"id": fw.id, "name": fw.name, "summary": fw.counts(), "criteria": [c.as_dict() for c in fw.criteria]}
                for fw in self.frameworks
            ],
        }


def coverage(
    system: QualitySystem,
    findings: Iterable[Finding],
    *,
    rules: Sequence[Rule] = RULES,
    ran: Iterable[str] | None = None,
    as_of: dt.date | None = None,
) -> CoverageReport:
    """The coverage report of ``system`` from the ``findings`` of a check run.

    Parameters
    ----------
    system
        The checked system.
    findings
        The findings of the run (suppressed findings excluded).
    rules
        The registry.
    ran
        Codes of the rules that ran; by default all. A criterion none of whose rules ran is
        ``not checked`` (unless it needs evidence only).
    as_of
        "Today" (default: ``system.as_of``); evidence whose ``valid_until`` has passed does not count.
    """
    today = as_of or system.as_of
    ran_codes = set(ran) if ran is not None else {r.code for r in rules}
    by_criterion: dict[str, list[Finding]] = {}
    for f in findings:
        for cid in f.criteria:
            by_criterion.setdefault(cid, []).append(f)
    checking: dict[str, list[str]] = {}
    for r in rules:
        for cid in r.criteria:
            checking.setdefault(cid, []).append(r.code)
    frameworks = []
    for fw_id, fw_name in FRAMEWORKS.items():
        items = [
            _status(c, system, by_criterion.get(c.id, []), checking.get(c.id, []), ran_codes, today)
            for c in CRITERIA if c.framework == fw_id
        ]
        frameworks.append(FrameworkCoverage(fw_id, fw_name, tuple(items)))
    name = text_in(system.name, system.default_language)
    return CoverageReport(system.system, name, today, tuple(frameworks))


def _status(
    c: Criterion, system: QualitySystem, found: list[Finding], rule_codes: list[str], ran: set[str],
    today: dt.date | None,
) -> CriterionStatus:
    active = [code for code in rule_codes if code in ran]
    evidence: list[Pointer] = []
    expired: list[Pointer] = []
    for rec in system.evidence:
        if c.id not in rec.criteria:
            continue
        target = expired if (today and rec.valid_until and rec.valid_until < today) else evidence
        title = text_in(rec.title, system.default_language)
        target.append(Pointer.at("evidence", f"{rec.id}: {title} ({rec.kind})",
                                 loc(rec), rec.id))
    note = f"evidence {', '.join(p.ref for p in expired)} is no longer valid" if expired else ""
    if found:
        pointers = [Pointer.at("finding", f"{f.code} {f.name}: {f.message}", f.location, f.element or f.process)
                    for f in found]
        return CriterionStatus(c, "not shown", tuple(rule_codes), tuple(pointers + evidence), note)
    model = tuple(_model_pointers(c.id, system))
    if c.automation == "HUMAN" or (c.automation == "SEMI" and active):
        if evidence:
            return CriterionStatus(c, "shown", tuple(rule_codes), tuple(evidence) + model, note)
        kinds = ", ".join(c.evidence) if c.evidence else "a record"
        why = "the model shows no gap; " if c.automation == "SEMI" else ""
        return CriterionStatus(c, "needs evidence", tuple(rule_codes), model,
                               note or f"{why}an evidence record ({kinds}) that names {c.id} would show it")
    if not active:
        return CriterionStatus(c, "not checked", tuple(rule_codes), tuple(evidence), note or "its rules did not run")
    return CriterionStatus(c, "shown", tuple(rule_codes), model + tuple(evidence), note)


def _processes_tagged(system: QualitySystem, *tags: str) -> Iterable[Pointer]:
    for p in system.processes:
        if set(tags) & set(p.tags):
            yield Pointer.at("model", f"process {p.process}", loc(p, "process"), p.process)


def _evaluations(system: QualitySystem, *types: str) -> Iterable[Pointer]:
    for e in system.evaluations:
        if e.type in types:
            yield Pointer.at("model", f"{e.type.replace('_', ' ')} {e.id} {e.date or ''}".strip(), loc(e), e.id)


def _events(system: QualitySystem, kind: str) -> Iterable[Pointer]:
    for e in system.annual_cycle.events if system.annual_cycle else []:
        if kind in e.kind:
            yield Pointer.at("model", f"annual cycle: {e.id}", loc(e), e.id)


_MODEL_POINTERS: dict[str, Callable[[QualitySystem], Iterable[Pointer]]] = {
    "ISO-10.2": lambda s: _processes_tagged(s, "deviation_handling"),
    "FI-QMS-8": lambda s: _processes_tagged(s, "regional_impact", "anticipation"),
    "FI-QMS-13": lambda s: _processes_tagged(s, "staff_competence"),
    "EQAVET-I1": lambda s: _processes_tagged(s, "finance"),
    "ISO-9.2": lambda s: _evaluations(s, "internal_audit"),
    "EQAVET-E1": lambda s: _evaluations(s, "self_assessment"),
    "FI-LAW-1": lambda s: _evaluations(s, "self_assessment", "internal_audit", "external_evaluation"),
    "FI-QMS-15": lambda s: _evaluations(s, "peer_review", "benchmarking"),
    "ISO-9.3": lambda s: _events(s, "management_review"),
    "FI-QMS-9": lambda s: _events(s, "communication"),
    "FI-QMS-10": lambda s: [Pointer.at("model", "annual cycle", loc(s.annual_cycle))] if s.annual_cycle else [],
    "FI-QMS-11": lambda s: [Pointer.at("model", f"development plan {s.development_plan.id}",
                                       loc(s.development_plan), s.development_plan.id)] if s.development_plan else [],
    "FI-QMS-12": lambda s: [Pointer.at("model", f"self-assessment item {i.id}: {i.level}", loc(i), i.id)
                            for i in (s.self_assessment.items if s.self_assessment else [])],
    "EQAVET-R1": lambda s: [Pointer.at("model", f"feedback instrument {fb.id}", loc(fb), fb.id) for fb in s.feedback],
    "FI-QMS-14": lambda s: [Pointer.at("model", f"special task {t.id}", loc(t), t.id)
                            for t in s.provider.special_tasks],
    "EQAVET-P4": lambda s: [Pointer.at("model", f"quality group {g.id}", loc(g), g.id) for g in s.quality_groups],
    "FI-QMS-7": lambda s: [Pointer.at("model", f"partnership {pa.id}", loc(pa), pa.id) for pa in s.partnerships],
    "FI-LAW-4": lambda s: [Pointer.at("model", f"{e.id} published {e.published.isoformat()}", loc(e, "published"), e.id)
                           for e in s.evaluations if e.published],
}


def _model_pointers(criterion_id: str, system: QualitySystem) -> Iterable[Pointer]:
    make = _MODEL_POINTERS.get(criterion_id)
    return make(system) if make else ()


_MARK = {"shown": "✓", "not shown": "✗", "needs evidence": "?", "not checked": "–"}


def format_coverage_text(reports: Sequence[CoverageReport], *, pointers: bool = True) -> str:
    """A plain-text table per framework: mark, criterion, status, then the pointers indented."""
    out: list[str] = []
    for report in reports:
        when = f" as of {report.as_of.isoformat()}" if report.as_of else ""
        out.append(f"Criteria coverage: {report.name} ({report.system}){when}")
        out.append("What the description shows; not a verdict of compliance and not a maturity level.")
        counts = report.counts()
        out.append("  " + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + "\n")
        for fw in report.frameworks:
            out.append(f"{fw.id}: {fw.name}")
            for c in fw.criteria:
                out.append(f"  {_MARK[c.status]} {c.criterion.id:<12} {c.status:<15} {c.criterion.title}")
                if pointers:
                    for p in c.pointers:
                        where = f"{p.file}:{p.line}:{p.column}: " if p.file and p.line else (f"{p.file}: " if p.file else "")
                        out.append(f"      {where}{p.text}")
                    if c.note:
                        out.append(f"      note: {c.note}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def format_coverage_json(reports: Sequence[CoverageReport]) -> str:
    """``{"version": 1, "coverage": [report, ...]}``."""
    return json.dumps({"version": 1, "coverage": [r.as_dict() for r in reports]}, ensure_ascii=False, indent=2) + "\n"
