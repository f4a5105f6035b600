"""The view model: what the handbook templates loop over, made from the system as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qms.handbook.collate import fi_key
from qms.handbook.glossary import BUILTIN_GLOSSARY
from qms.model import CATEGORIES, Process, QualitySystem, Step, text_in
from qms.render.theme import MONTHS

__all__ = ["StepRow", "cycle_months", "glossary_rows", "month_name", "ordered_processes", "role_view", "step_rows"]


def ordered_processes(system: QualitySystem) -> list[tuple[str, list[Process]]]:
    """Processes by category (management, core, support), in the map's order.

    Processes named in the architecture groups come first, in group order; the rest
    follow by code and name.
    """
    listed: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for group in system.architecture.groups:
        listed[group.category].extend(group.processes)
    procs = {p.process: p for p in system.processes}
    out = []
    for category in CATEGORIES:
        first = [procs[i] for i in dict.fromkeys(listed[category]) if i in procs and procs[i].category == category]
        seen = {p.process for p in first}
        rest = [p for p in system.processes if p.category == category and p.process not in seen]
        rest.sort(key=lambda p: (p.code or "~", fi_key(text_in(p.name, "fi"))))
        if first or rest:
            out.append((category, first + rest))
    return out


@dataclass(frozen=True, slots=True)
class StepRow:
    """One row of a process's steps table."""

    number: int
    step: Step
    next: list[tuple[str, Any]]  # (target step id, label)
    messages: list[tuple[str, str, Any]]  # (direction, participant id, name)


def step_rows(process: Process) -> list[StepRow]:
    """The steps of a process with their outgoing flows and messages, in file order."""
    rows = []
    for i, step in enumerate(process.steps, 1):
        nxt = [(f.to, f.label) for f in process.flow if f.from_ == step.id]
        msgs = [("out", m.to, m.name) for m in process.messages if m.from_ == step.id]
        msgs += [("in", m.from_, m.name) for m in process.messages if m.to == step.id]
        rows.append(StepRow(i, step, nxt, msgs))
    return rows


def role_view(system: QualitySystem) -> dict[str, dict[str, list[Any]]]:
    """For each role id: what it owns and does across processes, measures, documents, plans."""
    view: dict[str, dict[str, list[Any]]] = {
        r.id: {k: [] for k in ("owns", "lanes", "steps", "raci", "measures", "documents", "risks", "actions")}
        for r in system.roles
    }

    def add(rid: str | None, key: str, item: Any) -> None:
        if rid and rid in view and item not in view[rid][key]:
            view[rid][key].append(item)

    for p in system.processes:
        add(p.owner, "owns", p.process)
        for lane in p.lanes:
            add(lane, "lanes", p.process)
        for s in p.steps:
            if s.lane and not p.lanes:
                add(s.lane, "lanes", p.process)
            add(s.lane, "steps", (p.process, s))
            if s.raci:
                for letter, ids in (("R", s.raci.responsible), ("A", s.raci.accountable),
                                    ("C", s.raci.consulted), ("I", s.raci.informed)):
                    for rid in ids:
                        add(rid, "raci", (p.process, s, letter))
        for d in p.documents:
            add(d.owner, "documents", (p.process, d))
        for r in p.risks:
            add(r.owner, "risks", (p.process, r))
    for _owner_process, m in system.all_measures():
        add(m.owner, "measures", m.id)
    if system.development_plan:
        for a in system.development_plan.actions:
            add(a.owner, "actions", a)
    return view


def cycle_months(system: QualitySystem) -> list[tuple[int, list[Any]]]:
    """The vuosikello by month, from ``cycle_start_month``; continuous events (shown once) left out."""
    cycle = system.annual_cycle
    if cycle is None:
        return []
    start = cycle.cycle_start_month
    months = [(start - 1 + i) % 12 + 1 for i in range(12)]
    return [(m, [e for e in cycle.events if m in e.months and not e.continuous]) for m in months]


def month_name(month: int, ui: str) -> str:
    """The name of a month (1–12) in the interface language."""
    return MONTHS.get(ui, MONTHS["fi"])[month - 1]


def glossary_rows(system: QualitySystem, lang: str) -> list[dict[str, Any]]:
    """The system's glossary merged with the built-in one, in Finnish alphabetical order.

    Each row has ``term`` and ``definition`` (texts by language) and ``builtin``. A system
    term whose Finnish form equals a built-in one (ignoring case) replaces it. Rows sort by
    the term in the page language.
    """
    rows: dict[str, dict[str, Any]] = {}
    for t in BUILTIN_GLOSSARY:
        rows[t.fi.casefold()] = {"term": {"fi": t.fi, "en": t.en},
                                 "definition": {"fi": t.def_fi, "en": t.def_en}, "builtin": True}
    for g in system.glossary:
        key = text_in(g.term, "fi", system.default_language).casefold()
        rows[key] = {"term": g.term, "definition": g.definition, "builtin": False}
    return sorted(rows.values(), key=lambda r: fi_key(text_in(r["term"], lang, system.default_language)))

