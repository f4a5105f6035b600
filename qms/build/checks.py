"""The check stage of a build: the check report files and the criteria report of the handbook."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qms import __version__
from qms.build.cache import Cache
from qms.build.result import BuildResult, Key, Progress, StageReport
from qms.errors import Problem
from qms.handbook import ALL, CriteriaReport, CriterionView, FindingView, Page
from qms.load import LoadResult
from qms.model import QualitySystem

if TYPE_CHECKING:
    from qms.check.engine import CheckResult
    from qms.check.finding import Finding

__all__ = ["CHECK_REPORTS", "check_outputs", "check_stage", "counts", "criteria_report", "problem_view", "run_checks"]


def run_checks(result: LoadResult) -> tuple[list[Finding], CheckResult | None]:
    """Findings of the rule engine plus the load and configuration problems, and the result.

    The same configuration as ``qms check``: ``checks:`` of system.yaml and ``[tool.qms]``
    of the nearest pyproject.toml.
    """
    from qms.check.config import find_project_config, resolve_config
    from qms.check.engine import check, problem_finding
    from qms.check.registry import RULES

    findings: list[Finding] = [problem_finding(p) for p in result.problems]
    if result.system is None:
        return findings, None
    start = result.root if result.root is not None else Path(result.files[0]).parent
    project, problems = find_project_config(start)
    config = resolve_config(result.system, RULES, project=project)
    findings.extend(problem_finding(p) for p in (*problems, *config.problems))
    outcome = check(result.system, config, standalone=result.standalone)
    return findings + list(outcome.findings), outcome


def problem_view(p: Problem) -> FindingView:
    return FindingView(severity=p.severity, code=p.rule or "load", name=p.rule or "load", message=p.message,
                       hint=p.hint, file=p.location.file, line=p.location.line, column=p.location.column,
                       process=p.process, element=p.element)


def _view(f: Finding) -> FindingView:
    return FindingView(
        severity=str(getattr(f.severity, "value", f.severity)), code=f.code, name=f.name, message=f.message,
        hint=f.hint, file=f.file, line=f.line, column=f.column, process=f.process, element=f.element,
        criteria=tuple(f.criteria),
    )


def criteria_report(system: QualitySystem, findings: Iterable[Finding],
                    outcome: CheckResult | None = None, *, lang: str = "en",
                    standalone: bool = False) -> CriteriaReport:
    """The criteria page's data from a check run: :func:`qms.check.coverage` per criterion.

    Each criterion carries its status (``met`` … ``not assessed``, as ``qms check --report
    coverage`` gives it), "n of m" items shown, the passage it cites, its findings (from
    ``findings``), the evidence records and model elements the coverage report points at,
    and its note, all in ``lang`` where the catalogue has it. Without ``outcome`` (no rule
    engine) only the findings are listed.
    """
    from qms.check.i18n import say, translate

    views = [_view(f) for f in translate(findings, lang)]
    if outcome is None:
        return CriteriaReport(findings=tuple(views), counts=counts(views))
    from qms.check import coverage

    report = coverage(system, outcome.findings, lang=lang, standalone=standalone)
    rows = []
    for fw in report.frameworks:
        for st in fw.criteria:
            c = st.criterion
            rows.append(CriterionView(
                c.id, fw.id, c.title, c.automation, st.status.replace(" ", "-"),
                tuple(v for v in views if c.id in v.criteria),
                tuple(p.ref for p in st.pointers if p.kind == "evidence" and p.ref),
                tuple(p.ref for p in st.pointers if p.kind == "model" and p.ref),
                say(st.note, lang), dict(c.titles), ref=say(st.ref or c.ref, lang), shown=st.shown, items=st.items))
    frameworks = tuple((fw.id, f"{fw.name} ({fw.version_name})" if fw.version_name else fw.name)
                       for fw in report.frameworks)
    return CriteriaReport(frameworks, tuple(rows), tuple(views), counts(views))


def counts(views: Iterable[FindingView]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for v in views:
        out[v.severity] = out.get(v.severity, 0) + 1
    return out


CHECK_REPORTS = ("report/check.txt", "report/check.json", "report/check.sarif")


def check_outputs(findings: Sequence[Finding], outcome: CheckResult | None = None, *, files: int = 0,
                  processes: int = 0) -> dict[str, bytes]:
    """The check report as text, JSON (the ``qms check --format json`` contract) and SARIF 2.1.0,
    written by the same formatters as ``qms check``."""
    from qms.check.output import format_json, format_sarif, format_text, summarise

    summary = summarise(findings, files=files, processes=processes)
    ran = list(outcome.ran) if outcome is not None else []
    texts = (format_text(findings), format_json(findings, summary), format_sarif(findings, ran, version=__version__))
    return {rel: text.encode("utf-8") for rel, text in zip(CHECK_REPORTS, texts, strict=True)}


def check_stage(result: LoadResult, system: QualitySystem, cache: Cache, key: Key, wanted: set[str],
                 pages: Sequence[Page], page_extra: str, report: BuildResult,
                 progress: Progress, lang: str = "en") -> CriteriaReport | None:
    """The check reports, and the criteria report when a page that shows it is made again."""
    check_targets = CHECK_REPORTS if "check" in wanted else ()
    all_key = key("check", [ALL])
    need_report = any(not cache.fresh(p, all_key) for p in check_targets) | any(
        pg.needs_report and not cache.fresh(pg.path, key("page", pg.deps, page_extra)) for pg in pages)
    crit: CriteriaReport | None = None
    if "check" not in wanted and not need_report:
        return crit
    t0 = time.perf_counter()
    st = StageReport("check")
    progress.stage("check", len(check_targets))
    if need_report:
        findings, outcome = run_checks(result)
        views = [_view(f) for f in findings]
        crit = _system_relative(criteria_report(
            system, findings, outcome, lang=lang, standalone=result.standalone), result.root)
        report.counts = counts(views)
        report.errors = [f for f, v in zip(findings, views, strict=True) if v.severity == "error"]
        for rel, data in check_outputs(findings, outcome, files=len(result.files),
                                       processes=len(system.processes)).items():
            if rel in check_targets:
                cache.write(rel, all_key, data, report.written)
                st.made += 1
    else:
        st.reused = len(check_targets)
        report.counts = _cached_counts(cache)
    c = report.counts
    st.note = f"{c.get('error', 0)} errors, {c.get('warning', 0)} warnings, {c.get('info', 0)} notes {st.note}".strip()
    st.seconds = time.perf_counter() - t0
    progress.done(st)
    report.stages.append(st)
    return crit


def _system_relative(report: CriteriaReport, root: Path | None) -> CriteriaReport:
    """Finding locations relative to the system folder (``processes/x.yaml:3:5``) for the handbook."""
    if root is None:
        return report
    base = root.resolve()

    def rel(v: FindingView) -> FindingView:
        try:
            return dataclasses.replace(v, file=Path(v.file).resolve().relative_to(base).as_posix())
        except (ValueError, OSError):
            return v

    criteria = tuple(dataclasses.replace(c, findings=tuple(rel(f) for f in c.findings)) for c in report.criteria)
    return dataclasses.replace(report, criteria=criteria, findings=tuple(rel(f) for f in report.findings))


def _cached_counts(cache: Cache) -> dict[str, int]:
    try:
        summary = json.loads(cache.read("report/check.json"))["summary"]
        return {"error": summary["errors"], "warning": summary["warnings"], "info": summary["infos"]}
    except (OSError, ValueError, KeyError):
        return {}


