"""Run the rules over a system: once per process for process rules, once for system rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qms.check.config import Config, resolve_config
from qms.check.context import Context
from qms.check.criteria import criterion
from qms.check.finding import Finding, Severity, finding, loc
from qms.check.i18n import Msg
from qms.check.registry import RULES
from qms.check.rule import Rule
from qms.check.versions import Applied, applied_versions
from qms.errors import Problem
from qms.location import SourceLocation
from qms.model import QualitySystem

__all__ = ["INTERNAL_ERROR", "CheckResult", "check", "problem_finding", "run_checks", "suppressions"]

INTERNAL_ERROR = "internal-error"


@dataclass
class CheckResult:
    """Findings of a run plus what a report needs: the rules that ran and their severities."""

    findings: list[Finding]
    config: Config
    ran: tuple[Rule, ...] = ()
    suppressed: list[Finding] = field(default_factory=list)


def run_checks(
    system: QualitySystem,
    config: Config | str | None = None,
    *,
    as_of: dt.date | None = None,
    standalone: bool = False,
    rules: Sequence[Rule] = RULES,
) -> list[Finding]:
    """Check ``system`` and return its findings, sorted by file, line and column.

    Parameters
    ----------
    system
        A loaded quality system (or the wrapper of a single process file).
    config
        The resolved configuration (:func:`~qms.check.config.resolve_config`), or a profile
        name (``"strict"``); by default the system's own ``checks:`` and its profile.
    as_of
        "Today" for the date checks; defaults to ``system.as_of``. The clock is never read.
    standalone
        True for a single process file: system rules that need the whole system are skipped.

    Examples
    --------
    >>> from qms.model import Process, Provider, QualitySystem
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "task": "B"}], "flow": ["a -> b"]})
    >>> s = QualitySystem(system="p", name="P", provider=Provider(id="p", name="P"), processes=[p])
    >>> [f.code for f in run_checks(s, standalone=True) if f.code.startswith("S")]
    ['S002', 'S016']
    """
    return check(system, config, as_of=as_of, standalone=standalone, rules=rules).findings


def check(
    system: QualitySystem,
    config: Config | str | None = None,
    *,
    as_of: dt.date | None = None,
    standalone: bool = False,
    rules: Sequence[Rule] = RULES,
) -> CheckResult:
    """Like :func:`run_checks`, but return the :class:`CheckResult` with the rules that ran."""
    if not isinstance(config, Config):
        config = resolve_config(system, rules, profile=config)
    return _check(system, config, as_of, standalone, rules)


def _check(system: QualitySystem, config: Config, as_of: dt.date | None, standalone: bool,
           rules: Sequence[Rule]) -> CheckResult:
    ctx = Context(system, as_of or system.as_of, config.settings, standalone)
    active = [(r, sev) for r in rules if (sev := config.severity(r)) is not None]
    active = [(r, sev) for r, sev in active if not standalone or r.standalone]
    out: list[Finding] = []
    per_process = [(r, sev) for r, sev in active if r.scope != "system"]
    for p in system.processes:
        todo = [(r, sev) for r, sev in per_process if r.stubs or not p.is_stub]
        if not todo:
            continue
        try:
            view = ctx.flow(p)
        except Exception as exc:  # a model the flow builder cannot take: report, go on
            out.append(_internal(None, exc, p.process, p.loc))
            continue
        for r, sev in todo:
            out.extend(_apply(r, sev, (p, view, ctx), p.process, p.loc))
        ctx.release(p)  # keeps the live heap small: one view at a time
    for r, sev in active:
        if r.scope == "system":
            out.extend(_apply(r, sev, (system, ctx), "", system.loc))
    kept, dropped = _suppress(system, out)
    applied = applied_versions(system, ctx.as_of)
    kept = [f for f in (_cite(f, applied) for f in kept) if f is not None]
    kept.extend(_pins(system, applied, ctx.as_of))
    kept.sort(key=Finding.sort_key)
    return CheckResult(kept, config, tuple(r for r, _ in active), dropped)


def _cite(f: Finding, applied: dict[str, Applied]) -> Finding | None:
    """``f`` with the passages that ask for it in the versions in force; None when none is in force.

    A finding that cites no criterion (a flow that does not work, a stub) is kept as it is.
    """
    if not f.criteria:
        return f
    refs = []
    for cid in f.criteria:
        c = criterion(cid)
        a = applied.get(c.framework) if c else None
        ref = a.ref(c) if a and c else None
        if ref and ref not in refs:
            refs.append(ref)
    return dataclasses.replace(f, refs=tuple(refs)) if refs else None


def _pins(system: QualitySystem, applied: dict[str, Applied], day: dt.date | None) -> list[Finding]:
    """A warning for each pinned framework version that was not in force on ``day``."""
    out = []
    for fw_id, a in applied.items():
        if not a.pinned or a.in_force or a.version is None or day is None:
            continue
        current = a.framework.in_force_on(day)
        f = finding(
            Msg("{framework} {version} is pinned in checks.frameworks but was not in force on {day}; "
                "{current} was, and the checks of {framework} are off", framework=fw_id, version=a.version.id,
                day=day.isoformat(), current=current.label() if current else Msg("no version")),
            at=loc(system.checks, "frameworks", fw_id),
            hint=Msg("pin the version in force, or remove the pin: `{framework}: {version}`", framework=fw_id,
                     version=current.id if current else "off"))
        out.append(dataclasses.replace(f, code="config", name="config", severity=Severity.WARNING))
    return out


def _apply(r: Rule, sev: Severity, args: tuple[object, ...], process: str, where: SourceLocation | None,
           ) -> Iterable[Finding]:
    out: list[Finding] = []
    try:
        for f in r.func(*args):
            out.append(dataclasses.replace(
                f, code=r.code, name=r.name, severity=sev, criteria=f.criteria or r.criteria,
                doc_url=r.doc_url, process=f.process or process,
            ))
    except Exception as exc:  # one failing rule must not stop the run (bpmnlint applyRule)
        out.append(_internal(r, exc, process, where))
    return out


def _internal(r: Rule | None, exc: Exception, process: str, where: SourceLocation | None) -> Finding:
    frames = traceback.extract_tb(exc.__traceback__)
    origin = ""
    if frames:
        last = frames[-1]
        origin = f" at {Path(last.filename).name}:{last.lineno}"
        ours = [fr for fr in frames if not _library(fr.filename)]
        if ours and ours[-1] is not last:
            origin += f" (from {Path(ours[-1].filename).name}:{ours[-1].lineno})"
    what = f"rule {r.code} {r.name}" if r else "building the flow of the process"
    scope = f" on process '{process}'" if process else ""
    f = finding(
        f"{what} failed{scope}: {type(exc).__name__}: {exc}{origin}",
        at=where,
        hint=f"this is a bug in qms, please report it; meanwhile skip the rule with --ignore {r.code}" if r
        else "this is a bug in qms, please report it",
        process=process,
    )
    return dataclasses.replace(f, code=INTERNAL_ERROR, name=INTERNAL_ERROR, severity=Severity.ERROR)


def _library(filename: str) -> bool:
    path = filename.replace("\\", "/")
    return "/site-packages/" in path or "/lib/python3" in path


def suppressions(system: QualitySystem) -> dict[tuple[str, str], dict[str, str]]:
    """Every ``ignore:`` map by (process id, element id); ``""`` for the process itself.

    Steps and measures of a process are keyed by their ids; catalogue measures by
    ``("", measure id)``.
    """
    out: dict[tuple[str, str], dict[str, str]] = {}
    for p in system.processes:
        if p.ignore:
            out[(p.process, "")] = p.ignore
        for s in p.steps:
            if s.ignore:
                out[(p.process, s.id)] = s.ignore
        for m in p.measures:
            if m.ignore:
                out[(p.process, m.id)] = m.ignore
    for m in system.measures:
        if m.ignore:
            out[("", m.id)] = m.ignore
    return out


def _suppress(system: QualitySystem, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    table = suppressions(system)
    if not table:
        return findings, []
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for f in findings:
        keys = (f.code, f.name)
        maps = [table.get((f.process, "")), table.get((f.process, f.element)), table.get(("", f.element))]
        if f.code != INTERNAL_ERROR and any(m and any(k in m for k in keys) for m in maps):
            dropped.append(f)
        else:
            kept.append(f)
    return kept, dropped


def problem_finding(p: Problem) -> Finding:
    """A load or configuration problem as a finding (rule ``load`` or ``config``)."""
    rule = p.rule or "load"
    return Finding(
        code=rule, name=rule, severity=Severity.parse(p.severity), message=p.message, hint=p.hint,
        location=p.location, process=p.process, element=p.element,
    )
