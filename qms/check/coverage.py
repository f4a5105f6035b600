"""The criteria coverage report: per framework version, each criterion's status and the evidence behind it.

A status is earned by evidence the report points at (:mod:`qms.check.evidence`), never by the
absence of findings:

- ``met``: every item the criterion asks about is shown, no finding of its rules stands against
  it, and, where a person must confirm it (SEMI), an evidence record names it;
- ``partly met``: some items are shown ("n of m"), or a finding stands against a shown item;
- ``not met``: nothing in the description shows it;
- ``not applicable``: the framework version in force does not ask for it, or it does not apply
  to this provider (the reason is given);
- ``needs evidence``: only a person can judge it, and no record names it yet;
- ``not assessed``: the check could not judge it: a single process file was checked, and the
  criterion is about the whole system.

Switching a rule off changes no status: the findings of a rule only take items away.

The report says what the description shows; it is not a verdict of compliance nor a maturity level.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from qms.check.context import Context, Settings
from qms.check.criteria import CRITERIA, Criterion
from qms.check.evidence import Evidence, Pointer, assess
from qms.check.finding import Finding, loc
from qms.check.i18n import Msg, say
from qms.check.registry import RULES
from qms.check.rule import Rule
from qms.check.versions import Applied, applied_versions
from qms.model import QualitySystem, text_in

__all__ = [
    "STATUSES",
    "CoverageReport",
    "CriterionStatus",
    "FrameworkCoverage",
    "Pointer",
    "coverage",
    "format_coverage_json",
    "format_coverage_markdown",
    "format_coverage_text",
]

Status = Literal["met", "partly met", "not met", "not applicable", "needs evidence", "not assessed"]
STATUSES: tuple[str, ...] = ("met", "partly met", "not met", "not applicable", "needs evidence", "not assessed")


@dataclass(frozen=True, slots=True)
class CriterionStatus:
    """One criterion's status, the evidence that earns it and the findings that stand against it."""

    criterion: Criterion
    status: Status
    rules: tuple[str, ...] = ()
    pointers: tuple[Pointer, ...] = ()
    note: str = ""
    ref: str = ""
    shown: int = 0
    items: int = 0

    @property
    def evidence(self) -> tuple[Pointer, ...]:
        """The pointers that show the criterion (model elements and records), without the findings."""
        return tuple(p for p in self.pointers if p.kind != "finding")

    def counts(self) -> str:
        """``"3 of 5"`` for a criterion with items, else ``""``."""
        return f"{self.shown} of {self.items}" if self.items else ""

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """JSON form."""
        c = self.criterion
        return {"id": c.id, "title": c.title_in(lang), "ref": say(self.ref or c.ref, lang), "source": c.source,
                "level": c.level,
                "check": c.automation, "status": self.status, "shown": self.shown, "items": self.items,
                "rules": list(self.rules), "note": say(self.note, lang),
                "evidence": [p.as_dict() for p in self.evidence],
                "pointers": [p.as_dict() for p in self.pointers]}


@dataclass(frozen=True, slots=True)
class FrameworkCoverage:
    """The criteria of one framework, in the version applied to the system."""

    id: str
    name: str
    criteria: tuple[CriterionStatus, ...]
    version: str | None = None
    version_name: str = ""
    in_force: bool = True
    reason: str = ""

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

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """JSON form."""
        return {
            "system": self.system,
            "name": self.name,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "summary": self.counts(),
            "frameworks": [
                {"id": fw.id, "name": fw.name, "version": fw.version, "version_name": fw.version_name,
                 "in_force": fw.in_force, "reason": say(fw.reason, lang), "summary": fw.counts(),
                 "criteria": [c.as_dict(lang) for c in fw.criteria]}
                for fw in self.frameworks
            ],
        }


def coverage(
    system: QualitySystem,
    findings: Iterable[Finding],
    *,
    rules: Sequence[Rule] = RULES,
    as_of: dt.date | None = None,
    settings: Settings | None = None,
    lang: str = "en",
    standalone: bool = False,
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
    as_of
        "Today" (default: ``system.as_of``): selects the framework versions in force; evidence
        whose ``valid_until`` has passed does not count.
    settings
        The check settings (the profile: ``small-provider`` lets the annual cycle show the
        per-process criteria it governs).
    lang
        Language of the framework names (fi, en, sv).
    standalone
        True when ``system`` wraps a single process file: criteria about the whole system are
        ``not assessed``.
    """
    today = as_of or system.as_of
    ctx = Context(system, today, settings or Settings(profile=system.checks.profile,
                                                      audit_cycle_years=system.checks.audit_cycle_years))
    by_criterion: dict[str, list[Finding]] = {}
    for f in findings:
        for cid in f.criteria:
            by_criterion.setdefault(cid, []).append(f)
    checking: dict[str, list[str]] = {}
    for r in rules:
        for cid in r.criteria:
            checking.setdefault(cid, []).append(r.code)
    applied = applied_versions(system, today)
    frameworks = []
    for fw_id, a in applied.items():
        items = [_status(c, a, system, ctx, by_criterion.get(c.id, []), checking.get(c.id, []), today, standalone)
                 for c in CRITERIA if c.framework == fw_id]
        frameworks.append(FrameworkCoverage(
            fw_id, a.framework.label(lang), tuple(items), a.version.id if a.version else None,
            a.version.label(lang) if a.version else "", a.in_force, a.reason))
    name = text_in(system.name, system.default_language)
    return CoverageReport(system.system, name, today, tuple(frameworks))


def _records(c: Criterion, system: QualitySystem, today: dt.date | None) -> tuple[list[Pointer], list[str]]:
    valid: list[Pointer] = []
    expired: list[str] = []
    for rec in system.evidence:
        if c.id not in rec.criteria:
            continue
        if today and rec.valid_until and rec.valid_until < today:
            expired.append(rec.id)
            continue
        if today and rec.date and rec.date > today:
            continue
        title = text_in(rec.title, system.default_language)
        valid.append(Pointer.at("evidence", f"{rec.id}: {title} ({rec.kind})", loc(rec), rec.id))
    return valid, expired


def _status(c: Criterion, a: Applied, system: QualitySystem, ctx: Context, found: list[Finding],
            rule_codes: list[str], today: dt.date | None, standalone: bool) -> CriterionStatus:
    ref = a.ref(c)
    rules = tuple(rule_codes)
    if ref is None:
        if not a.in_force:
            why = Msg("{framework}: {reason}", framework=a.framework.id, reason=a.reason)
        else:
            why = Msg("{version} does not ask for this", version=a.version.label() if a.version else a.framework.id)
        return CriterionStatus(c, "not applicable", rules, note=why)
    if standalone and "P" not in c.level:
        return CriterionStatus(c, "not assessed", rules, note=Msg("a single process file was checked"), ref=ref)
    records, expired = _records(c, system, today)
    note = Msg("evidence {ids} is no longer valid", ids=", ".join(expired)) if expired else ""
    if c.automation == "HUMAN":
        if records:
            return CriterionStatus(c, "met", rules, tuple(records), note, ref)
        kinds = ", ".join(c.evidence) or "a record"
        return CriterionStatus(c, "needs evidence", rules, (), note or Msg(
            "a person judges this: an evidence record ({kinds}) that names {id} shows it", kinds=kinds, id=c.id), ref)
    ev: Evidence = assess(c.id, system, ctx)
    if ev.not_applicable:
        return CriterionStatus(c, "not applicable", rules, note=ev.not_applicable, ref=ref)
    return _from_items(c, ev, found, records, note, rules, ref)


def _from_items(c: Criterion, ev: Evidence, found: list[Finding], records: list[Pointer], note: str,
                rules: tuple[str, ...], ref: str) -> CriterionStatus:
    keys = {i.key for i in ev.items}
    against = {k for f in found for k in (f.element, f.process) if k in keys}
    loose = [f for f in found if f.element not in keys and f.process not in keys]
    shown = [i for i in ev.items if i.shown is not None and i.key not in against]
    gaps = [Pointer.at("finding", f"{f.code} {f.name}: {f.message}", f.location, f.element or f.process) for f in found]
    evidence = [i.shown for i in shown if i.shown is not None]
    missing = [i.label for i in ev.items if i.shown is None]
    n, m = len(shown), len(ev.items)
    pointers = tuple(dict.fromkeys(evidence + records + gaps))
    if n == 0:
        why = Msg("nothing in the description shows it: {missing}", missing="; ".join(missing[:5])) if missing else note
        return CriterionStatus(c, "not met", rules, pointers, why or note, ref, n, m)
    if n < m or loose:
        why = (Msg("not shown: {missing}", missing="; ".join(missing[:5])) if missing else
               Msg("shown, but findings stand against it") if loose and n == m else note)
        return CriterionStatus(c, "partly met", rules, pointers, why or note, ref, n, m)
    if c.automation == "SEMI" and not records:
        kinds = ", ".join(c.evidence) or "a record"
        return CriterionStatus(c, "needs evidence", rules, pointers, note or Msg(
            "the description shows it; a person confirms it with an evidence record ({kinds}) that names {id}",
            kinds=kinds, id=c.id), ref, n, m)
    return CriterionStatus(c, "met", rules, pointers, note, ref, n, m)


_MARK = {"met": "✓", "partly met": "◐", "not met": "✗", "not applicable": "·", "needs evidence": "?",
         "not assessed": "–"}
_WORDS: dict[str, dict[str, str]] = {
    "fi": {"met": "täyttyy", "partly met": "täyttyy osittain", "not met": "ei täyty", "not applicable": "ei sovellu",
           "needs evidence": "vaatii todentavan aineiston", "not assessed": "ei arvioitu",
           "title": "Kriteerien kattavuus", "as of": "tilanne", "of": "/",
           "disclaimer": "Mitä kuvaus osoittaa; ei vaatimustenmukaisuuden eikä kypsyystason arvio.",
           "not in force": "ei voimassa", "note": "huom."},
    "sv": {"met": "uppfyllt", "partly met": "delvis uppfyllt", "not met": "inte uppfyllt",
           "not applicable": "ej tillämpligt", "needs evidence": "kräver belägg", "not assessed": "inte bedömt",
           "title": "Kriterietäckning", "as of": "per", "of": "av",
           "disclaimer": "Vad beskrivningen visar; inget utlåtande om överensstämmelse eller mognadsnivå.",
           "not in force": "inte i kraft", "note": "obs."},
    "en": {"title": "Criteria coverage", "as of": "as of", "of": "of",
           "disclaimer": "What the description shows; not a verdict of compliance and not a maturity level.",
           "not in force": "not in force", "note": "note"},
}


def status_word(status: str, lang: str) -> str:
    """The status in ``lang`` (``täyttyy osittain``)."""
    return _WORDS.get(lang, {}).get(status, status)


def _w(word: str, lang: str) -> str:
    return _WORDS.get(lang, _WORDS["en"]).get(word, _WORDS["en"].get(word, word))


def format_coverage_text(reports: Sequence[CoverageReport], *, pointers: bool = True, lang: str = "en") -> str:
    """A plain-text table per framework: mark, criterion, status ("n of m"), then the pointers indented."""
    out: list[str] = []
    for report in reports:
        when = f" ({_w('as of', lang)} {report.as_of.isoformat()})" if report.as_of else ""
        out.append(f"{_w('title', lang)}: {report.name} ({report.system}){when}")
        out.append(_w("disclaimer", lang))
        out.append("  " + ", ".join(f"{n} {status_word(s, lang)}" for s, n in report.counts().items() if n) + "\n")
        for fw in report.frameworks:
            version = fw.version_name or fw.version or ""
            head = f"{fw.id}: {version or fw.name}"
            out.append(head if fw.in_force else f"{head} ({_w('not in force', lang)}: {say(fw.reason, lang)})")
            for c in fw.criteria:
                counts = f" {c.shown} {_w('of', lang)} {c.items}" if c.status == "partly met" and c.shown < c.items else ""
                word = status_word(c.status, lang) + counts
                ref = f" [{say(c.ref, lang)}]" if c.ref else ""
                out.append(f"  {_MARK[c.status]} {c.criterion.id:<12} {word:<26} {c.criterion.title_in(lang)}{ref}")
                if pointers and c.status != "not applicable":
                    for p in c.pointers:
                        where = f"{p.file}:{p.line}:{p.column}: " if p.file and p.line else (f"{p.file}: " if p.file else "")
                        out.append(f"      {where}{p.text}")
                if pointers and c.note:
                    out.append(f"      {_w('note', lang)}: {say(c.note, lang)}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def format_coverage_markdown(reports: Sequence[CoverageReport], *, lang: str = "en") -> str:
    """One Markdown table per framework: criterion, status, the evidence that earns it, and why."""
    out: list[str] = []
    for report in reports:
        when = f" ({_w('as of', lang)} {report.as_of.isoformat()})" if report.as_of else ""
        out += [f"## {_w('title', lang)}: {report.name} ({report.system}){when}", "",
                "  ".join(f"{n} {status_word(s, lang)}" for s, n in report.counts().items() if n), ""]
        for fw in report.frameworks:
            version = fw.version_name or fw.version or fw.name
            out += [f"### {fw.id}: {version}" + ("" if fw.in_force else f" ({_w('not in force', lang)})"), "",
                    "| Criterion | Status | Evidence | Why |", "|---|---|---|---|"]
            for c in fw.criteria:
                word = status_word(c.status, lang) + (f" ({c.shown} {_w('of', lang)} {c.items})"
                                                       if c.status == "partly met" and c.shown < c.items else "")
                shown = "; ".join(p.text for p in c.evidence[:3]) + ("; …" if len(c.evidence) > 3 else "")
                gaps = "; ".join(p.text for p in c.pointers if p.kind == "finding")
                why = "; ".join(t for t in (say(c.note, lang), gaps) if t)
                out.append(f"| {c.criterion.id} {_cell(c.criterion.title_in(lang))} | {word} | {_cell(shown)} "
                           f"| {_cell(why)} |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def format_coverage_json(reports: Sequence[CoverageReport], lang: str = "en") -> str:
    """``{"version": 1, "coverage": [report, ...]}``."""
    return json.dumps({"version": 1, "coverage": [r.as_dict(lang) for r in reports]}, ensure_ascii=False,
                      indent=2) + "\n"
