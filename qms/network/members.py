"""What a comparison needs of one member system, made in one pass (and in parallel for many members).

A member is loaded, checked and summarised where it is read; only the summary travels, so a
network of 130 providers is compared without holding 130 models at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms import __version__
from qms.check.config import find_project_config, resolve_config
from qms.check.coverage import coverage
from qms.check.engine import check
from qms.check.registry import RULES
from qms.errors import Problem
from qms.load import LoadResult, load, process_files
from qms.location import SourceLocation
from qms.model import Process, QualitySystem, text_in

__all__ = ["CalendarItem", "CoverageCell", "MeasureInfo", "Member", "ProcessInfo", "fingerprint", "member_from_dict",
           "member_to_dict", "summarise", "summarise_all"]

#: Below this many members, summaries are made in this process (starting workers costs more).
PARALLEL_FROM = 8


@dataclass(frozen=True, slots=True)
class ProcessInfo:
    """A member's process as the map sees it."""

    id: str
    name: str
    category: str
    code: str
    stub: bool


@dataclass(frozen=True, slots=True)
class MeasureInfo:
    """A member's measure as a shared indicator needs it."""

    id: str
    name: str
    unit: str | None
    target: str | None
    results: tuple[tuple[str, float | str], ...]
    where: SourceLocation | None
    process: str | None


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """One criterion of a member's own coverage report; ``status`` is shown exactly as the report has it."""

    framework: str
    criterion: str
    title: str
    status: str


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """A development-plan date or an evaluation of a member, as precise as known (``2012``, ``2012-03``)."""

    when: str
    kind: str
    id: str
    name: str


@dataclass
class Member:
    """The summary of one member system; ``problems`` hold its load problems."""

    path: str
    id: str = ""
    name: str = ""
    as_of: dt.date | None = None
    problems: list[Problem] = field(default_factory=list)
    processes: dict[str, ProcessInfo] = field(default_factory=dict)
    measures: dict[str, MeasureInfo] = field(default_factory=dict)
    coverage: tuple[CoverageCell, ...] = ()
    calendar: tuple[CalendarItem, ...] = ()
    models: dict[str, Process] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the member loaded without errors."""
        return bool(self.id) and not any(p.severity == "error" for p in self.problems)


def _coverage(loaded: LoadResult, path: Path) -> tuple[CoverageCell, ...]:
    """The member's own coverage report, made as ``qms check PATH --report coverage`` makes it."""
    system = loaded.system
    assert system is not None
    project, _ = find_project_config(loaded.root if loaded.root is not None else path)
    config = resolve_config(system, RULES, project=project)
    result = check(system, config, standalone=loaded.standalone)
    report = coverage(system, result.findings, settings=config.settings, standalone=loaded.standalone)
    return tuple(CoverageCell(fw.id, c.criterion.id, c.criterion.title, str(c.status))
                 for fw in report.frameworks for c in fw.criteria)


def _calendar(system: QualitySystem) -> tuple[CalendarItem, ...]:
    lang = system.default_language
    items = [CalendarItem(str(e.date), e.type, e.id, text_in(e.name, lang)) for e in system.evaluations if e.date]
    plan = system.development_plan
    if plan is not None:
        name = text_in(plan.name, lang)
        for kind, when in (("plan_start", plan.start), ("plan_adopted", plan.adopted), ("plan_end", plan.end)):
            if when:
                items.append(CalendarItem(str(when), kind, plan.id, name))
        items += [CalendarItem(a.due.isoformat(), f"action_due ({a.status})", a.id, text_in(a.name, lang))
                  for a in plan.actions if a.due]
    return tuple(sorted(items, key=lambda i: (i.when, i.kind, i.id)))


def _measures(system: QualitySystem) -> dict[str, MeasureInfo]:
    lang = system.default_language
    return {m.id: MeasureInfo(m.id, text_in(m.name, lang), m.unit, m.target,
                              tuple((r.period, r.value) for r in m.results), m.loc, p.process if p else None)
            for p, m in system.all_measures()}


def summarise(path: str | Path, *, with_coverage: bool = True, keep_models: bool = False) -> Member:
    """Load, check and summarise the member system at ``path``; never raises for bad input."""
    folder = Path(path)
    loaded = load(folder)
    member = Member(str(path), problems=list(loaded.problems))
    system = loaded.system
    if system is None or not loaded.ok:
        return member
    lang = system.default_language
    member.id, member.name, member.as_of = system.system, text_in(system.provider.name, lang), system.as_of
    member.processes = {p.process: ProcessInfo(p.process, text_in(p.name, lang), p.category, p.code or "", p.is_stub)
                        for p in system.processes}
    member.measures = _measures(system)
    member.calendar = _calendar(system)
    if with_coverage:
        member.coverage = _coverage(loaded, folder)
    if keep_models:
        member.models = {p.process: p for p in system.processes}
    return member


def _summarise_one(args: tuple[str, bool]) -> Member:
    return summarise(args[0], with_coverage=args[1])


def summarise_all(paths: Sequence[str | Path], *, with_coverage: bool = True, keep_models: bool = False,
                  jobs: int | None = None) -> list[Member]:
    """The members' summaries in the order of ``paths``; many members are summarised on every core."""
    workers = min(jobs or os.cpu_count() or 1, len(paths))
    if keep_models or workers < 2 or len(paths) < PARALLEL_FROM:
        return [summarise(p, with_coverage=with_coverage, keep_models=keep_models) for p in paths]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_summarise_one, [(str(p), with_coverage) for p in paths], chunksize=1))


def fingerprint(path: str | Path) -> str:
    """What a cached summary of the member at ``path`` depends on: its files' names, sizes and times."""
    folder = Path(path)
    files = [folder / "system.yaml", *process_files(folder)] if folder.is_dir() else [folder]
    parts = [__version__]
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        parts.append(f"{f.as_posix()}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _loc_dict(loc: SourceLocation | None) -> dict[str, Any] | None:
    return None if loc is None else {"file": loc.file, "line": loc.line, "column": loc.column,
                                     "yaml_path": loc.yaml_path}


def _loc(data: dict[str, Any] | None) -> SourceLocation | None:
    return None if data is None else SourceLocation(**data)


def member_to_dict(m: Member) -> dict[str, Any]:
    """A summary as JSON (without models), for the network site's cache."""
    return {
        "path": m.path, "id": m.id, "name": m.name, "as_of": m.as_of.isoformat() if m.as_of else None,
        "problems": [{"location": _loc_dict(p.location), "message": p.message, "hint": p.hint,
                      "severity": p.severity, "rule": p.rule, "process": p.process, "element": p.element}
                     for p in m.problems],
        "processes": [[p.id, p.name, p.category, p.code, p.stub] for p in m.processes.values()],
        "measures": [{"id": x.id, "name": x.name, "unit": x.unit, "target": x.target,
                      "results": [list(r) for r in x.results], "where": _loc_dict(x.where), "process": x.process}
                     for x in m.measures.values()],
        "coverage": [[c.framework, c.criterion, c.title, c.status] for c in m.coverage],
        "calendar": [[c.when, c.kind, c.id, c.name] for c in m.calendar],
    }


def member_from_dict(d: dict[str, Any]) -> Member:
    """The summary :func:`member_to_dict` wrote."""
    return Member(
        path=d["path"], id=d["id"], name=d["name"],
        as_of=dt.date.fromisoformat(d["as_of"]) if d["as_of"] else None,
        problems=[Problem(_loc(p.pop("location")) or SourceLocation(d["path"]), **p) for p in d["problems"]],
        processes={p[0]: ProcessInfo(*p) for p in d["processes"]},
        measures={x["id"]: MeasureInfo(x["id"], x["name"], x["unit"], x["target"],
                                       tuple((r[0], r[1]) for r in x["results"]), _loc(x["where"]), x["process"])
                  for x in d["measures"]},
        coverage=tuple(CoverageCell(*c) for c in d["coverage"]),
        calendar=tuple(CalendarItem(*c) for c in d["calendar"]),
    )
