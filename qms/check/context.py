"""What every rule gets besides its subject: the system, "today", settings and shared indexes."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from qms.check.flowgraph import FlowView, flow_view
from qms.graph import system_graph
from qms.model import Measure, Process, QualitySystem

__all__ = [
    "STAFF",
    "STUDENT",
    "WORKING_LIFE",
    "Context",
    "Settings",
    "add_months",
    "group_of",
    "period_end",
    "period_year",
]

#: Stakeholder or target-group categories that mean students, working life and staff.
STUDENT = frozenset({"student", "students", "learner", "opiskelija", "applicant"})
WORKING_LIFE = frozenset({
    "working_life", "working_life_employer", "workplace_instructor", "employer", "workplace", "tyoelama",
})
STAFF = frozenset({"staff", "teacher", "teachers", "personnel", "henkilosto"})


def group_of(category: str) -> str | None:
    """Map a category or target group to ``student``, ``working_life`` or ``staff``.

    Examples
    --------
    >>> group_of("workplace_instructor"), group_of("staff"), group_of("authority")
    ('working_life', 'staff', None)
    """
    c = category.lower()
    if c in STUDENT:
        return "student"
    if c in WORKING_LIFE:
        return "working_life"
    if c in STAFF:
        return "staff"
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative goes back), clamped to the month's last day.

    Examples
    --------
    >>> add_months(dt.date(2026, 3, 31), -1)
    datetime.date(2026, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_year(period: str | None) -> int | None:
    """The year a period (``2025``, ``2025-10``, ``2025-Q3``, ``2024/2025``) ends in.

    Examples
    --------
    >>> period_year("2024/2025"), period_year("2025-Q3"), period_year("syksy")
    (2025, 2025, None)
    """
    if not period:
        return None
    years = [int(period[i : i + 4]) for i in range(len(period) - 3) if period[i : i + 4].isdigit()]
    return max(years) if years else None


def period_end(when: str | None) -> dt.date | None:
    """The last day of a date as precise as known (``2025``, ``2024-11``, ``2025-03-20``).

    Examples
    --------
    >>> period_end("2024-11"), period_end("2022"), period_end(None)
    (datetime.date(2024, 11, 30), datetime.date(2022, 12, 31), None)
    """
    if not when:
        return None
    parts = [int(x) for x in when.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return add_months(dt.date(parts[0], parts[1], 1), 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


@dataclass(frozen=True)
class Settings:
    """Check parameters and profile options (resolved from the profile and the config)."""

    profile: str = "recommended"
    review_interval_months: int = 12
    audit_cycle_years: int = 3
    options: Mapping[str, Any] = field(default_factory=dict)

    def option(self, name: str, default: Any = None) -> Any:
        """A profile option, e.g. ``inherit_measures``."""
        return self.options.get(name, default)


@dataclass
class Context:
    """The system under check, "today" (``as_of``), the settings and indexes built once.

    Why: rules are small functions; lookups they share (a process's measures, the actions
    that name a process, each process's graph) are built here once per run, so a system of
    hundreds of processes is checked in linear time.
    """

    system: QualitySystem
    as_of: dt.date | None = None
    settings: Settings = field(default_factory=Settings)
    standalone: bool = False
    _views: dict[str, FlowView] = field(default_factory=dict, repr=False)

    def flow(self, process: Process) -> FlowView:
        """The sequence-flow view of ``process`` with its cached analyses, built once per run.

        Its ``graph`` is the process's :class:`~qms.graph.process.ProcessGraph`."""
        v = self._views.get(process.process)
        if v is None:
            v = self._views[process.process] = flow_view(process)
        return v

    def release(self, process: Process) -> None:
        """Forget the cached view of ``process`` (the engine is done with it)."""
        self._views.pop(process.process, None)

    @cached_property
    def architecture(self) -> nx.MultiDiGraph:
        """The system graph (processes, stakeholders and their relations)."""
        return system_graph(self.system)

    @cached_property
    def processes(self) -> dict[str, Process]:
        """Processes by id."""
        return {p.process: p for p in self.system.processes}

    @cached_property
    def cycle_complete(self) -> bool:
        """True when the annual cycle has events in all four PDCA phases."""
        cycle = self.system.annual_cycle
        return cycle is not None and {e.pdca for e in cycle.events} >= {"plan", "do", "check", "act"}

    def cycle_governs(self, process: Process) -> bool:
        """True when the annual cycle plans, follows up and reviews ``process``: it is marked
        ``governed_by_cycle``, or the profile lets the cycle govern every process (``cycle_reviews``),
        and the cycle is complete. Such a process needs no review dates of its own."""
        governed = process.governed_by_cycle or bool(self.option_cycle)
        return governed and self.cycle_complete

    @property
    def option_cycle(self) -> bool:
        """The profile's ``cycle_reviews`` option (the small provider's way)."""
        return bool(self.settings.option("cycle_reviews", False))

    @cached_property
    def described(self) -> list[Process]:
        """Processes with steps (not stubs)."""
        return [p for p in self.system.processes if not p.is_stub]

    @cached_property
    def measures(self) -> dict[str, tuple[Process | None, Measure]]:
        """Every measure by id, with the process that holds it (None for the catalogue)."""
        return {m.id: (p, m) for p, m in self.system.all_measures()}

    @cached_property
    def measures_by_process(self) -> dict[str, list[Measure]]:
        """The measures of each process: its own plus catalogue measures that name it."""
        out: dict[str, list[Measure]] = defaultdict(list)
        for holder, m in self.system.all_measures():
            pids = set(m.processes)
            if holder is not None:
                pids.add(holder.process)
            for pid in pids:
                out[pid].append(m)
        return out

    def measure_processes(self, measure_id: str) -> set[str]:
        """The processes a measure belongs to."""
        holder, m = self.measures.get(measure_id, (None, None))
        if m is None:
            return set()
        return set(m.processes) | ({holder.process} if holder else set())

    @cached_property
    def objective_of_measure(self) -> dict[str, set[str]]:
        """Measure id → the objectives it serves (either side of the link counts)."""
        out: dict[str, set[str]] = defaultdict(set)
        if self.system.strategy:
            for o in self.system.strategy.objectives:
                for mid in o.measures:
                    out[mid].add(o.id)
        for _, m in self.system.all_measures():
            out[m.id].update(m.objectives)
        return out

    @cached_property
    def actions_by_process(self) -> dict[str, list[str]]:
        """Process id → the development-plan actions that concern it.

        An action concerns the processes it names, those of its findings, and the processes
        of the measures its findings or its effect measure name.
        """
        out: dict[str, list[str]] = defaultdict(list)
        plan = self.system.development_plan
        if plan is None:
            return out
        findings = {f.id: f for f in plan.findings}
        for a in plan.actions:
            pids: set[str] = set(a.processes)
            if a.effect_measure:
                pids |= self.measure_processes(a.effect_measure)
            for fid in a.findings:
                f = findings.get(fid)
                if f is None:
                    continue
                pids.update(f.processes)
                for mid in f.measures:
                    pids |= self.measure_processes(mid)
            for pid in pids:
                out[pid].append(a.id)
        return out

    @cached_property
    def linked_stakeholders(self) -> set[str]:
        """Stakeholders that some process, partnership or instrument refers to."""
        linked: set[str] = set()
        ids = {s.id for s in self.system.stakeholders}
        for p in self.system.processes:
            linked.update(p.customers)
            for m in p.messages:
                linked.update((m.from_, m.to))
            for item in (*p.inputs, *p.outputs):
                linked.update(item.from_)
                linked.update(item.to)
        for pa in self.system.partnerships:
            linked.add(pa.partner)
        return linked & ids

    def groups_of_measure(self, measure: Measure) -> set[str]:
        """The stakeholder groups (student, working_life, staff) a perception measure asks."""
        groups: set[str] = set()
        if measure.stakeholder_group:
            g = group_of(measure.stakeholder_group)
            if g:
                groups.add(g)
        groups.update(self.instrument_groups.get(measure.id, ()))
        return groups

    @cached_property
    def instrument_groups(self) -> dict[str, set[str]]:
        """Measure id → the groups of the feedback instruments that produce it."""
        out: dict[str, set[str]] = defaultdict(set)
        for fb in self.system.feedback:
            groups = {g for g in (group_of(t) for t in fb.target_groups) if g}
            for mid in fb.measures:
                out[mid].update(groups)
        return out

    def years_before(self, years: int) -> dt.date | None:
        """``as_of`` minus ``years`` years, or None without ``as_of``."""
        return add_months(self.as_of, -12 * years) if self.as_of else None

    def process_ids(self, items: Iterable[str]) -> list[str]:
        """The ids of ``items`` that are processes of this system."""
        return [i for i in items if i in self.processes]
