"""Cross-reference resolution: every id a file mentions must exist, with 'did you mean'."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qms.errors import Problem
from qms.graph.kinds import ACTIVITY_KINDS
from qms.location import SourceLocation
from qms.model import Process, QualitySystem, StrictModel
from qms.model.frameworks import self_assessment_model
from qms.model.measure import parse_number, parse_target
from qms.suggest import did_you_mean

__all__ = ["resolve"]


class _Resolver:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def at(self, obj: StrictModel, *path: str | int) -> SourceLocation:
        return obj.where(*path) or obj.loc or SourceLocation("?")

    def ref(
        self, obj: StrictModel, path: tuple[str | int, ...], value: str | None, targets: Any,
        what: str, hint: str, process: str = "",
    ) -> None:
        if value is None or value in targets:
            return
        near = did_you_mean(value, targets)
        self.problems.append(
            Problem(self.at(obj, *path), f"unknown {what} '{value}'", near or hint, process=process,
                    element=str(getattr(obj, "id", "") or ""))
        )

    def refs(
        self, obj: StrictModel, field: str, values: Iterable[str], targets: Any, what: str,
        hint: str, process: str = "",
    ) -> None:
        for i, value in enumerate(values):
            self.ref(obj, (field, i), value, targets, what, hint, process)

    def unique(self, items: Iterable[Any], what: str, key: str = "id", process: str = "") -> set[str]:
        seen: dict[str, Any] = {}
        for item in items:
            ident = getattr(item, key)
            if ident in seen:
                first = seen[ident].loc
                here = item.loc
                line = ""
                if first and first.line:
                    line = f" (first at line {first.line})" if here and here.file == first.file else f" (first at {first})"
                self.problems.append(
                    Problem(self.at(item, key), f"duplicate {what} id '{ident}'{line}",
                            "ids must be unique; rename one", process=process, element=ident)
                )
            else:
                seen[ident] = item
        return set(seen)


def resolve(system: QualitySystem, *, standalone: bool, broken: Iterable[str] = ()) -> list[Problem]:
    """Check every reference of ``system``; return one located problem per unknown id.

    When ``standalone`` (a single process file), only references inside the process are
    checked: lanes against ``lanes:``, flows against steps, documents against ``documents:``.
    ``broken`` are the ids of process files that did not load: their own errors say why, so
    a reference to them is not reported again.
    """
    r = _Resolver()
    roles = r.unique(system.roles, "role")
    groups = r.unique(system.quality_groups, "quality group")
    owners = roles | groups
    units = r.unique(system.org_units, "organisation unit")
    stakeholders = r.unique(system.stakeholders, "stakeholder")
    forms = r.unique(system.education_forms, "education form")
    procs = {p.process for p in system.processes} | set(broken)
    all_measures = [m for _, m in system.all_measures()]
    measures = r.unique(all_measures, "measure")
    evidence = r.unique(system.evidence, "evidence record")
    evaluations = r.unique(system.evaluations, "evaluation")
    plan = system.development_plan
    findings = r.unique(plan.findings, "finding") if plan else set()
    actions = r.unique(plan.actions, "action") if plan else set()
    objectives = r.unique(system.strategy.objectives, "objective") if system.strategy else set()
    events = r.unique(system.annual_cycle.events, "cycle event") if system.annual_cycle else set()
    role_hint = "use a role id from roles: in system.yaml"
    proc_hint = "use a process id (the process: key of a file under processes/)"

    for p in system.processes:
        _resolve_process(r, p, system, standalone, roles, owners, units, stakeholders, forms, procs)
    if standalone:
        return r.problems

    for u in system.org_units:
        r.ref(u, ("parent",), u.parent, units, "organisation unit", "use an id from org_units:")
        r.ref(u, ("manager",), u.manager, roles, "role", role_hint)
    for role in system.roles:
        r.ref(role, ("org_unit",), role.org_unit, units, "organisation unit", "use an id from org_units:")
    for g in system.quality_groups:
        r.ref(g, ("chair",), g.chair, roles, "role", role_hint)
    for task in system.provider.special_tasks:
        r.refs(task, "processes", task.processes, procs, "process", proc_hint)
        r.refs(task, "measures", task.measures, measures, "measure", "use a measure id")
    if system.strategy:
        for o in system.strategy.objectives:
            r.ref(o, ("parent",), o.parent, objectives, "objective", "use an objective id")
            r.ref(o, ("owner",), o.owner, owners, "role", role_hint)
            r.refs(o, "measures", o.measures, measures, "measure", "use a measure id")
            r.refs(o, "processes", o.processes, procs, "process", proc_hint)
    for grp in system.architecture.groups:
        r.refs(grp, "processes", grp.processes, procs, "process", proc_hint)
    r.refs(system.architecture, "value_chain", system.architecture.value_chain, procs, "process", proc_hint)
    for holder, m in system.all_measures():
        pid = holder.process if holder else ""
        r.ref(m, ("owner",), m.owner, owners, "role", role_hint, pid)
        r.refs(m, "processes", m.processes, procs, "process", proc_hint, pid)
        r.refs(m, "objectives", m.objectives, objectives, "objective", "use an objective id", pid)
        r.refs(m, "education_forms", m.education_forms, forms, "education form", "use an id from education_forms:", pid)
    for fb in system.feedback:
        r.ref(fb, ("owner",), fb.owner, owners, "role", role_hint)
        r.refs(fb, "measures", fb.measures, measures, "measure", "use a measure id")
        r.refs(fb, "feeds", fb.feeds, procs, "process", proc_hint)
        r.refs(fb, "actions", fb.actions, actions, "action", "use an action id of development_plan")
        if fb.analysis:
            pid, _, sid = fb.analysis.partition(".")
            proc = system.process(pid)
            if proc is None:
                r.ref(fb, ("analysis",), pid, procs, "process", "write process_id.step_id")
            elif sid and proc.step(sid) is None:
                r.ref(fb, ("analysis",), sid, {s.id for s in proc.steps}, f"step of '{pid}'", "write process_id.step_id")
    for ev in system.evaluations:
        r.refs(ev, "processes", ev.processes, procs, "process", proc_hint)
        r.refs(ev, "org_units", ev.org_units, units, "organisation unit", "use an id from org_units:")
        r.refs(ev, "education_forms", ev.education_forms, forms, "education form", "use an id from education_forms:")
        r.ref(ev, ("responsible",), ev.responsible, owners, "role", role_hint)
        r.refs(ev, "auditors", ev.auditors, units | roles, "auditor (unit or role)", "use an org unit or role id")
        r.refs(ev, "evidence", ev.evidence, evidence, "evidence record", "use an id from evidence:")
    assessed = {i.id for i in system.self_assessment.items} if system.self_assessment else set()
    if plan:
        r.refs(plan, "follow_up", plan.follow_up, events, "cycle event", "use an id from annual_cycle.events")
        for f in plan.findings:
            r.ref(f, ("source",), f.source, evaluations, "evaluation", "use an id from evaluations:")
            r.refs(f, "processes", f.processes, procs, "process", proc_hint)
            r.refs(f, "measures", f.measures, measures, "measure", "use a measure id")
        for a in plan.actions:
            r.refs(a, "findings", a.findings, findings | evaluations | assessed, "finding",
                   "use a finding id of development_plan or a self-assessment item id")
            r.ref(a, ("owner",), a.owner, owners, "role", role_hint)
            r.ref(a, ("effect_measure",), a.effect_measure, measures, "measure", "use a measure id")
            r.refs(a, "processes", a.processes, procs, "process", proc_hint)
    if system.annual_cycle:
        for e in system.annual_cycle.events:
            r.ref(e, ("evaluation",), e.evaluation, evaluations, "evaluation", "use an id from evaluations:")
    if system.self_assessment:
        feedback = {fb.id for fb in system.feedback}
        model = self_assessment_model(system.self_assessment.framework)
        areas = set(model.areas) if model else set()
        for item in system.self_assessment.items:
            if areas:
                r.ref(item, ("area_id",), item.area_id, areas, f"{model.id if model else ''} area",
                      f"use one of {', '.join(sorted(areas))}")
            r.refs(item, "evidence", item.evidence, evidence, "evidence record", "use an id from evidence:")
            r.refs(item, "measures", item.measures, measures, "measure", "use a measure id")
            r.refs(item, "evaluations", item.evaluations, evaluations, "evaluation", "use an id from evaluations:")
            r.refs(item, "feedback", item.feedback, feedback, "feedback instrument", "use an id from feedback:")
    for rec in system.evidence:
        r.ref(rec, ("owner",), rec.owner, owners, "role", role_hint)
    for pa in system.partnerships:
        r.ref(pa, ("partner",), pa.partner, stakeholders, "stakeholder", "use an id from stakeholders:")
        r.refs(pa, "processes", pa.processes, procs, "process", proc_hint)
        r.refs(pa, "actions", pa.actions, actions, "action", "use an action id of development_plan")
    return r.problems


def _resolve_nesting(r: _Resolver, p: Process) -> None:
    """``within:`` names a ``subprocess:`` step, ``attached_to:`` (on an ``event:``) an activity."""
    pid = p.process
    subs = {s.id for s in p.steps if s.kind == "subprocess"}
    activities = {s.id for s in p.steps if s.kind in ACTIVITY_KINDS}
    for s in p.steps:
        r.ref(s, ("within",), s.within, subs, "sub-process", "within: takes the id of a subprocess: step", pid)
        if s.attached_to is not None and s.kind != "event":
            r.problems.append(Problem(r.at(s, "attached_to"), f"a {s.kind} step cannot be attached to an activity",
                                      "only an event: is attached_to a task, call or subprocess step",
                                      process=pid, element=s.id))
        else:
            r.ref(s, ("attached_to",), s.attached_to, activities, "activity",
                  "attached_to: takes the id of a task, call or subprocess step", pid)


def _resolve_process(
    r: _Resolver, p: Process, system: QualitySystem, standalone: bool, roles: set[str],
    owners: set[str], units: set[str], stakeholders: set[str], forms: set[str], procs: set[str],
) -> None:
    pid = p.process
    steps = r.unique(p.steps, "step", process=pid)
    docs = r.unique(p.documents, "document", process=pid)
    r.unique(p.risks, "risk", process=pid)
    lane_hint = "add it to lanes:" if standalone else "use a role id from roles: in system.yaml"
    if not standalone:
        r.refs(p, "lanes", p.lanes, roles, "role", lane_hint, pid)
        r.ref(p, ("owner",), p.owner, owners, "role", "use a role id from roles: in system.yaml", pid)
        r.ref(p, ("parent",), p.parent, procs, "process", "use a process id", pid)
        r.refs(p, "customers", p.customers, stakeholders | roles | units, "customer",
               "use a stakeholder, role or organisation unit id", pid)
        r.refs(p, "education_forms", p.education_forms, forms, "education form", "use an id from education_forms:", pid)
        r.refs(p, "org_units", p.org_units, units, "organisation unit", "use an id from org_units:", pid)
        for items in (p.inputs, p.outputs):
            for item in items:
                r.refs(item, "from", item.from_, procs | stakeholders | roles | units, "process or stakeholder",
                       "use a process or stakeholder id", pid)
                r.refs(item, "to", item.to, procs | stakeholders | roles | units, "process or stakeholder",
                       "use a process or stakeholder id", pid)
        for risk in p.risks:
            r.ref(risk, ("owner",), risk.owner, owners, "role", "use a role id", pid)
        for d in p.documents:
            r.ref(d, ("owner",), d.owner, owners, "role", "use a role id", pid)
            r.ref(d, ("approved_by",), d.approved_by, owners, "role", "use a role id", pid)
        if p.review:
            r.ref(p.review, ("approved_by",), p.review.approved_by, owners, "role", "use a role id", pid)
    _resolve_nesting(r, p)
    for s in p.steps:
        lane = s.lane
        if lane is None or (standalone and not p.lanes):
            pass  # a lone file without lanes: nothing to check the lane against
        elif not standalone and lane in roles:
            if p.lanes and lane not in p.lanes:
                r.problems.append(Problem(r.at(s, "lane"), f"lane '{lane}' is not in the process's lanes",
                                          "add it to lanes:", process=pid, element=s.id))
        else:
            hint = "add it to lanes:" if standalone else "add it to the process's lanes:" if p.lanes else lane_hint
            r.ref(s, ("lane",), lane, set(p.lanes) or roles, "lane", hint, pid)
        if s.call is not None and not standalone:
            r.ref(s, ("call",), s.call, procs, "process", "call: takes the id of another process", pid)
        r.refs(s, "documents", s.documents, docs, "document", "define it under documents:", pid)
        r.refs(s, "reads", s.reads, docs, "document", "define it under documents:", pid)
        if s.raci and not standalone:
            for part in ("responsible", "accountable", "consulted", "informed"):
                r.refs(s.raci, part, getattr(s.raci, part), owners, "role", "use a role id", pid)
    for d in p.documents:
        if d.id in steps:
            r.problems.append(Problem(r.at(d, "id"), f"document id '{d.id}' is also a step id",
                                      "documents and steps share one name space; rename the document",
                                      process=pid, element=d.id))
    _plausible(r, p)
    kinds = {s.id: s.kind for s in p.steps}
    for f in p.flow:
        r.ref(f, ("from",), f.from_, steps, "step", "flows connect step ids of this process", pid)
        r.ref(f, ("to",), f.to, steps, "step", "flows connect step ids of this process", pid)
    for m in p.messages:
        ends = [m.from_, m.to]
        inside = [e for e in ends if e in steps]
        if len(inside) == 2:
            r.problems.append(Problem(r.at(m), f"message '{m.from_} -> {m.to}' connects two steps",
                                      "a message goes to or comes from an external participant; "
                                      "use flow: between steps (or rename a step that has a stakeholder's id)",
                                      process=pid))
            continue
        for e in inside:
            if kinds[e] in {"decision", "parallel", "inclusive"}:
                r.problems.append(Problem(r.at(m), f"message '{m.from_} -> {m.to}' starts or ends at gateway '{e}'",
                                          "a gateway only routes; attach the message to a task or an event",
                                          process=pid, element=e))
        if not inside:
            r.problems.append(Problem(r.at(m), f"message '{m.from_} -> {m.to}' connects no step of this process",
                                      "one end is a step id, the other a stakeholder id", process=pid))
            continue
        for e in ends:
            if e in steps:
                continue
            if standalone:
                continue
            r.ref(m, ("from",) if e == m.from_ else ("to",), e, stakeholders | procs, "participant",
                  "use a stakeholder id from system.yaml (or the id of another process)", pid)


#: Longest step name a diagram can show; a longer one is a description written in the wrong key.
MAX_NAME = 200


def _plausible(r: _Resolver, p: Process) -> None:
    """Warnings for what loads but cannot be what was meant: a step name of a page's length, and a
    result that is text where the measure's target is a number (it is then never compared)."""
    for s in p.steps:
        label = s.label
        longest = max((len(t) for t in (label.values() if isinstance(label, dict) else [label or ""])), default=0)
        if longest > MAX_NAME:
            r.problems.append(Problem(r.at(s, s.kind), f"the name of step '{s.id}' is {longest} characters long",
                                      f"keep a name under {MAX_NAME} characters and put the rest in `description:`",
                                      severity="warning", process=p.process, element=s.id))
    for m in p.measures:
        if parse_target(m.target) is None:
            continue
        for i, result in enumerate(m.results):
            if parse_number(result.value) is None:
                r.problems.append(Problem(
                    r.at(m, "results", i, "value"),
                    f"result '{result.value}' of measure '{m.id}' is not a number, so it is not compared with "
                    f"the target '{m.target}'", "write the result as a number, e.g. 20 or '20 %'",
                    severity="warning", process=p.process, element=m.id))
