"""What in a description shows each criterion: the items it should hold and the element that shows each.

Why: a criterion is met because something in the description shows it (a measure, a step, a
record), never because no rule fired. Each function below returns the *items* a criterion asks
about (every process for a per-process criterion, every action of the plan, each of the four
PDCA phases …) and, for each, a pointer to what shows it or None. A process without steps (a
stub) never shows anything, and a tag only says where to look: the tagged process must be
described. So adding an empty process can only add an item that is not shown.

The coverage report (:mod:`qms.check.coverage`) turns the items into a status: all shown is
``met``, some ``partly met`` ("n of m"), none ``not met``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from qms.check.context import Context, period_end
from qms.check.finding import loc
from qms.check.i18n import Msg
from qms.location import SourceLocation
from qms.model import Measure, Process, QualitySystem

__all__ = ["ASSESSORS", "Evidence", "Item", "Pointer", "assess"]

PointerKind = Literal["finding", "evidence", "model"]


@dataclass(frozen=True, slots=True)
class Pointer:
    """Where to look: a finding, an evidence record or a model element, with its position."""

    kind: PointerKind
    text: str
    file: str = ""
    line: int = 0
    column: int = 0
    ref: str = ""

    @classmethod
    def at(cls, kind: PointerKind, text: str, where: SourceLocation | None, ref: str = "") -> Pointer:
        """A pointer at a source location (which may be unknown)."""
        if where is None:
            return cls(kind, text, ref=ref)
        return cls(kind, text, where.file, where.line, where.column, ref)

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"kind": self.kind, "text": self.text, "ref": self.ref or None, "file": self.file or None,
                "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a criterion asks about (``key``: the id findings name) and what shows it."""

    key: str
    label: str
    shown: Pointer | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The items of one criterion, or why the criterion does not apply to this provider."""

    items: tuple[Item, ...] = ()
    not_applicable: str = ""


Assessor = Callable[[QualitySystem, Context], Evidence]


def _model(text: str, obj: object, *path: str, ref: str = "") -> Pointer:
    return Pointer.at("model", text, loc(obj, *path), ref)


def _per_process(ctx: Context, shows: Callable[[Process], Pointer | None],
                 population: Iterable[Process] | None = None, *, cycle: bool = False) -> Evidence:
    """One item per process; a stub shows nothing. With ``cycle``, the complete annual cycle shows
    it for every described process it governs (``governed_by_cycle``, or every process under the
    small-provider profile): the cycle plans, follows up and evaluates them."""
    by_cycle = _cycle_pointer(ctx) if cycle else None
    items = []
    for p in ctx.system.processes if population is None else population:
        governed = by_cycle if by_cycle and ctx.cycle_governs(p) else None
        shown = None if p.is_stub else _of_process(p, shows(p) or governed)
        items.append(Item(p.process, f"process {p.process}", shown))
    return Evidence(tuple(items) or (Item("processes", "a described process it applies to"),))


def _of_process(p: Process, pointer: Pointer | None) -> Pointer | None:
    """``pointer`` with the process named in its text."""
    if pointer is None or p.process in pointer.text.split():
        return pointer
    return dataclasses.replace(pointer, text=f"process {p.process}: {pointer.text}", ref=pointer.ref or p.process)


def _cycle_pointer(ctx: Context) -> Pointer | None:
    cycle = ctx.system.annual_cycle
    return _model("annual cycle (all four PDCA phases)", cycle) if cycle and ctx.cycle_complete else None


def _one(key: str, label: str, shown: Pointer | None) -> Evidence:
    return Evidence((Item(key, label, shown),))


def _first(pointers: Iterable[Pointer]) -> Pointer | None:
    return next(iter(pointers), None)


def _done(ctx: Context, *types: str, within_years: int | None = None) -> list[Pointer]:
    """Evaluations of ``types`` that were done by ``as_of`` (and, optionally, within the last years)."""
    out = []
    for e in ctx.system.evaluations:
        if e.type not in types or e.status != "done":
            continue
        end = period_end(str(e.date)) if e.date else None
        if ctx.as_of and end and end > ctx.as_of:
            continue
        if within_years and ctx.as_of and (end is None or end.year < ctx.as_of.year - within_years):
            continue
        out.append(_model(f"{e.type.replace('_', ' ')} {e.id} {e.date or ''}".strip(), e, ref=e.id))
    return out


def _described_tagged(ctx: Context, *tags: str) -> list[Process]:
    return [p for p in ctx.described if set(tags) & set(p.tags)]


def _tagged_item(ctx: Context, key: str, label: str, *tags: str) -> Item:
    found = _described_tagged(ctx, *tags)
    return Item(key, label, _model(f"process {found[0].process} (described, tagged {'/'.join(tags)})",
                                   found[0], "steps", ref=found[0].process) if found else None)


def _measured_item(ctx: Context, key: str, label: str, *tags: str) -> Item:
    for p in _described_tagged(ctx, *tags):
        for m in ctx.measures_by_process.get(p.process, []):
            if m.target:
                return Item(key, label, _model(f"measure {m.id} of process {p.process}", m, "target", ref=m.id))
    return Item(key, label, None)


def _measures(system: QualitySystem) -> list[Measure]:
    return [m for _, m in system.all_measures()]


# --- per-process criteria -------------------------------------------------------------------

def _inputs_outputs(s: QualitySystem, ctx: Context) -> Evidence:
    return _per_process(ctx, lambda p: _model("inputs and outputs", p, "inputs") if p.inputs and p.outputs else None)


def _interfaces(s: QualitySystem, ctx: Context) -> Evidence:
    called = {st.call for p in s.processes for st in p.steps if st.call}
    linked = {i for p in s.processes for io in p.inputs for i in io.from_} | {
        i for p in s.processes for io in p.outputs for i in io.to}

    def shows(p: Process) -> Pointer | None:
        own = [i for io in p.inputs for i in io.from_] + [i for io in p.outputs for i in io.to]
        if any(i in ctx.processes for i in own):
            return _model("inputs from or outputs to other processes", p, "inputs" if p.inputs else "outputs")
        if p.process in called or any(st.call for st in p.steps):
            return _model("called as a sub-process, or calls one", p, "steps")
        if p.process in linked:
            return _model("another process hands over to it", p, "process")
        return None

    return _per_process(ctx, shows)


def _process_measures(s: QualitySystem, ctx: Context) -> Evidence:
    def shows(p: Process) -> Pointer | None:
        m = next((m for m in ctx.measures_by_process.get(p.process, []) if m.target), None)
        return _model(f"measure {m.id} with target {m.target}", m, "target", ref=m.id) if m else None

    return _per_process(ctx, shows, cycle=True)


def _resources(s: QualitySystem, ctx: Context) -> Evidence:
    return _per_process(ctx, lambda p: _model("resources", p, "resources") if p.resources else None)


def _responsibilities(s: QualitySystem, ctx: Context) -> Evidence:
    return _per_process(ctx, lambda p: _model(f"owner {p.owner}", p, "owner") if p.owner else None)


def _risks(s: QualitySystem, ctx: Context) -> Evidence:
    def shows(p: Process) -> Pointer | None:
        r = next((r for r in p.risks if r.controls), None)
        return _model(f"risk {r.id} with controls", r, "controls", ref=r.id) if r else None

    return _per_process(ctx, shows, cycle=True)


def _evaluated(s: QualitySystem, ctx: Context) -> Evidence:
    def shows(p: Process) -> Pointer | None:
        r = p.review
        if r and (r.last_reviewed or r.approved) and r.next_review:
            return _model(f"review, next {r.next_review.isoformat()}", r, "next_review")
        return None

    return _per_process(ctx, shows, cycle=True)


def _improved(s: QualitySystem, ctx: Context) -> Evidence:
    acted = {pid: a for a in (s.development_plan.actions if s.development_plan else []) for pid in a.processes}

    def shows(p: Process) -> Pointer | None:
        if p.process in acted:
            a = acted[p.process]
            return _model(f"improvement action {a.id}", a, ref=a.id)
        if p.review and p.review.outcome:
            return _model("outcome of the review", p.review, "outcome")
        return None

    return _per_process(ctx, shows, cycle=True)


def _documented(s: QualitySystem, ctx: Context) -> Evidence:
    def shows(p: Process) -> Pointer | None:
        if p.documents:
            return _model(f"document {p.documents[0].id}", p.documents[0], ref=p.documents[0].id)
        step = next((st for st in p.steps if st.documents), None)
        return _model(f"step {step.id} produces documents", step, "documents") if step else None

    return _per_process(ctx, shows)


def _pdca(s: QualitySystem, ctx: Context) -> Evidence:
    def shows(p: Process) -> Pointer | None:
        phases = {st.pdca for st in p.steps}
        if {"check", "act"} <= phases:
            st = next(st for st in p.steps if st.pdca == "check")
            return _model(f"steps in check and act, e.g. {st.id}", st, "pdca")
        return None

    return _per_process(ctx, shows, cycle=True)


def _customers(s: QualitySystem, ctx: Context) -> Evidence:
    feeds = {pid: fb for fb in s.feedback for pid in fb.feeds}

    def shows(p: Process) -> Pointer | None:
        fb = feeds.get(p.process)
        if p.customers and fb:
            return _model(f"customers, and feedback {fb.id} feeds it", fb, "feeds", ref=fb.id)
        return None

    return _per_process(ctx, shows, [p for p in s.processes if p.category == "core"])


# --- system-level criteria ------------------------------------------------------------------

def _evaluates(s: QualitySystem, ctx: Context) -> Evidence:
    """Evaluations done, or the annual cycle's evaluation events (a small provider's way: the
    quality group's evaluation of the school year, feedback every term)."""
    evaluations = _done(ctx, "self_assessment", "internal_audit", "external_evaluation", "survey_round", "peer_review")
    cycle = s.annual_cycle
    evaluations += [_model(f"annual cycle: {e.id} (evaluation)", e, "pdca", ref=e.id)
                    for e in (cycle.events if cycle else []) if e.pdca == "check"]
    outcome = next((m for m in _measures(s) if m.type == "outcome" and m.results), None)
    return Evidence((
        Item("evaluations", "evaluation of the activities", _first(evaluations)),
        Item("effectiveness", "effectiveness (an outcome measure with results)",
             _model(f"outcome measure {outcome.id}", outcome, "results", ref=outcome.id) if outcome else None),
    ))


def _responsible(s: QualitySystem, ctx: Context) -> Evidence:
    owner = next((r for r in s.roles if r.qms_owner or r.qm_responsibility), None)
    plan = s.development_plan
    return Evidence((
        Item("responsibility", "a role answers for quality management",
             _model(f"role {owner.id}", owner, ref=owner.id) if owner else None),
        Item("improvement", "quality management is developed (a development plan with actions)",
             _model(f"development plan {plan.id}", plan, "actions", ref=plan.id) if plan and plan.actions else None),
    ))


def _published(s: QualitySystem, ctx: Context) -> Evidence:
    due = [e for e in s.evaluations if e.status == "done" and (e.publish_required or e.published)]
    if not due:
        return _one("publication", "published results of an evaluation", None)
    return Evidence(tuple(
        Item(e.id, f"evaluation {e.id}", _model(f"{e.id} published {e.published.isoformat()}", e, "published", ref=e.id)
             if e.published and (ctx.as_of is None or e.published <= ctx.as_of) else None)
        for e in due))


def _scope(s: QualitySystem, ctx: Context) -> Evidence:
    core = [p for p in ctx.described if p.category == "core"]
    items = []
    for form in s.education_forms:
        p = next((p for p in core if not p.education_forms or form.id in p.education_forms), None)
        items.append(Item(form.id, f"education form {form.id}", _model(f"core process {p.process}", p, ref=p.process)
                          if p else None))
    if not items:
        p = core[0] if core else None
        items.append(Item("core", "a described core process", _model(f"core process {p.process}", p) if p else None))
    return Evidence(tuple(items))


def _chain(s: QualitySystem, ctx: Context) -> Evidence:
    objectives = s.strategy.objectives if s.strategy else []
    if not objectives:
        return _one("strategy", "objectives of the strategy", None)
    return Evidence(tuple(
        Item(o.id, f"objective {o.id}", _model(f"objective {o.id} with measures and processes", o, "measures", ref=o.id)
             if o.measures and o.processes and any(pid in ctx.processes and not ctx.processes[pid].is_stub
                                                   for pid in o.processes) else None)
        for o in objectives))


def _measure_items(s: QualitySystem, ok: Callable[[Measure], bool], what: str) -> Evidence:
    measures = _measures(s)
    if not measures:
        return _one("measures", "measures", None)
    return Evidence(tuple(Item(m.id, f"measure {m.id}", _model(f"measure {m.id}: {what}", m, ref=m.id) if ok(m) else None)
                          for m in measures))


def _measure_basics(s: QualitySystem, ctx: Context) -> Evidence:
    return _measure_items(s, lambda m: bool(m.source and m.frequency and (m.reported_to or m.owner)),
                          "source, frequency and forum")


_GROUPS = {"student": ("student", "students", "opiskelija"), "staff": ("staff", "henkilosto", "personnel"),
           "working_life": ("working_life", "tyoelama", "working_life_employer", "workplace_instructor")}


def _participation(s: QualitySystem, ctx: Context) -> Evidence:
    items = []
    for group, words in _GROUPS.items():
        ev = next((e for e in s.evaluations if e.status == "done" and set(words) & set(e.participants)), None)
        items.append(Item(group, f"{group.replace('_', ' ')} take part",
                          _model(f"evaluation {ev.id}: participants", ev, "participants", ref=ev.id) if ev else None))
    return Evidence(tuple(items))


def _workplace(s: QualitySystem, ctx: Context) -> Evidence:
    groups = {"working_life", "working_life_employer", "workplace_instructor", "tyopaikka"}
    fb = next((fb for fb in s.feedback if groups & set(fb.target_groups)), None)
    return Evidence((
        _tagged_item(ctx, "process", "a described process for learning at workplaces", "workplace_learning"),
        Item("feedback", "feedback from workplaces", _model(f"feedback {fb.id}", fb, "target_groups", ref=fb.id)
             if fb else None),
    ))


#: Stakeholder categories of working life and partners.
WORKING_LIFE = ("working_life", "working_life_employer", "workplace_instructor", "employer", "advisory_board",
                "partner", "tyoelama")


def _partnerships(s: QualitySystem, ctx: Context) -> Evidence:
    """Partnership records with an agreement and a review date; without any, the working-life
    stakeholders with their requirements and a review date."""
    if s.partnerships:
        return Evidence(tuple(
            Item(pa.id, f"partnership {pa.id}", _model(f"partnership {pa.id}: agreement and review date", pa,
                                                       ref=pa.id) if pa.agreement_ref and pa.review_date else None)
            for pa in s.partnerships))
    working = [st for st in s.stakeholders if set(st.category) & set(WORKING_LIFE)]
    if not working:
        return _one("partnerships", "partnerships, or working-life stakeholders followed up", None)
    return Evidence(tuple(
        Item(st.id, f"stakeholder {st.id}", _model(f"stakeholder {st.id}: requirements and review date", st,
                                                   "requirements", ref=st.id)
             if st.requirements and st.review_date else None) for st in working))


def _regional(s: QualitySystem, ctx: Context) -> Evidence:
    tags = ("regional_impact", "anticipation")
    return Evidence((_tagged_item(ctx, "process", "a described anticipation or regional-impact process", *tags),
                     _measured_item(ctx, "measure", "a measure of it with a target", *tags)))


def _communicated(s: QualitySystem, ctx: Context) -> Evidence:
    cycle = s.annual_cycle
    event = next((e for e in (cycle.events if cycle else []) if "communication" in e.kind and e.audience), None)
    return _one("communication", "communication of results, with its audience",
                _model(f"annual cycle: {event.id}", event, "audience", ref=event.id) if event else None)


def _cycle(s: QualitySystem, ctx: Context) -> Evidence:
    events = s.annual_cycle.events if s.annual_cycle else []
    items = []
    for phase in ("plan", "do", "check", "act"):
        e = next((e for e in events if e.pdca == phase), None)
        items.append(Item(phase, f"{phase} in the annual cycle", _model(f"annual cycle: {e.id}", e, "pdca", ref=e.id)
                          if e else None))
    return Evidence(tuple(items))


def _plan(s: QualitySystem, ctx: Context) -> Evidence:
    plan = s.development_plan
    if plan is None or not plan.actions:
        return _one("plan", "a development plan with actions", None)
    return Evidence(tuple(
        Item(a.id, f"action {a.id}", _model(f"action {a.id}: owner, due date, finding", a, ref=a.id)
             if a.owner and a.due and a.findings else None) for a in plan.actions))


def _maturity(s: QualitySystem, ctx: Context) -> Evidence:
    sa = s.self_assessment
    if sa is None or not sa.items:
        return _one("self_assessment", "a self-assessment with levels", None)
    return Evidence(tuple(
        Item(i.id, f"self-assessment item {i.id}", _model(f"item {i.id}: {i.level}, evidence {', '.join(i.evidence)}", i,
                                                          "evidence", ref=i.id) if i.evidence else None)
        for i in sa.items))


def _staff(s: QualitySystem, ctx: Context) -> Evidence:
    return Evidence((_tagged_item(ctx, "process", "a described staff-competence process", "staff_competence"),
                     _measured_item(ctx, "measure", "a measure of it with a target", "staff_competence")))


def _special(s: QualitySystem, ctx: Context) -> Evidence:
    tasks = s.provider.special_tasks
    if not tasks:
        return Evidence(not_applicable=Msg("the provider has no special tasks"))
    items = []
    for t in tasks:
        described = [pid for pid in t.processes if pid in ctx.processes and not ctx.processes[pid].is_stub]
        ok = described and t.measures
        items.append(Item(t.id, f"special task {t.id}", _model(
            f"special task {t.id}: process {described[0]} and measure {t.measures[0]}", t, ref=t.id) if ok else None))
    return Evidence(tuple(items))


def _peer(s: QualitySystem, ctx: Context) -> Evidence:
    return _one("peer", "a peer review or benchmarking in the last three years",
                _first(_done(ctx, "peer_review", "benchmarking", within_years=3)))


def _assessment_quality(s: QualitySystem, ctx: Context) -> Evidence:
    tags = ("competence_assessment",)
    return Evidence((_tagged_item(ctx, "process", "a described process for assessing competence", *tags),
                     _measured_item(ctx, "measure", "a measure of the assessment's quality", *tags)))


def _external_refs(s: QualitySystem, ctx: Context) -> Evidence:
    objectives = s.strategy.objectives if s.strategy else []
    strategic = [o for o in objectives if o.level == "strategic"] or objectives
    if not strategic:
        return _one("objectives", "strategic objectives", None)
    return Evidence(tuple(Item(o.id, f"objective {o.id}", _model(f"objective {o.id}: external goals", o, "external_refs",
                                                                 ref=o.id) if o.external_refs else None)
                          for o in strategic))


def _targets(s: QualitySystem, ctx: Context) -> Evidence:
    objectives = s.strategy.objectives if s.strategy else []
    if not objectives:
        return _one("objectives", "objectives with measures", None)
    targeted = {m.id for m in _measures(s) if m.target}
    return Evidence(tuple(
        Item(o.id, f"objective {o.id}", _model(f"objective {o.id}: measure with a target", o, "measures", ref=o.id)
             if set(o.measures) & targeted or any(o.id in m.objectives for m in _measures(s) if m.target) else None)
        for o in objectives))


def _needs(s: QualitySystem, ctx: Context) -> Evidence:
    stakeholders = {st.id for st in s.stakeholders}
    planning = _described_tagged(ctx, "anticipation", "regional_impact")
    heard = None
    for p in planning:
        msg = next((m for m in p.messages if m.from_ in stakeholders), None)
        io = next((io for io in p.inputs if set(io.from_) & stakeholders), None)
        if msg or io:
            heard = _model(f"process {p.process} hears stakeholders", msg or io, ref=p.process)
            break
    return Evidence((_tagged_item(ctx, "process", "a described process that identifies needs", "anticipation",
                                  "regional_impact"),
                     Item("stakeholders", "stakeholders' input into it", heard)))


def _allocated(s: QualitySystem, ctx: Context) -> Evidence:
    owner = next((r for r in s.roles if r.qms_owner), None)
    quality = next((r for r in s.roles if r.qm_responsibility), None)
    group = s.quality_groups[0] if s.quality_groups else None
    return Evidence((
        Item("owner", "a role owns the quality system", _model(f"role {owner.id}", owner, ref=owner.id) if owner else None),
        Item("responsibility", "roles or a group carry quality responsibilities",
             _model(f"role {quality.id}", quality, ref=quality.id) if quality else
             (_model(f"quality group {group.id}", group, ref=group.id) if group else None)),
    ))


def _finance(s: QualitySystem, ctx: Context) -> Evidence:
    return _one("finance", "a described process that assigns resources (budget)",
                _tagged_item(ctx, "finance", "", "finance").shown)


def _self_evaluation(s: QualitySystem, ctx: Context) -> Evidence:
    return _one("self_evaluation", "a self-evaluation in the last three years",
                _first(_done(ctx, "self_assessment", within_years=3)))


def _outcomes(s: QualitySystem, ctx: Context) -> Evidence:
    measures = _measures(s)

    def first(ok: Callable[[Measure], bool], label: str) -> Pointer | None:
        m = next((m for m in measures if ok(m) and m.results), None)
        return _model(f"{label} {m.id}", m, "results", ref=m.id) if m else None

    learner = {"student", "students", "learner", "opiskelija"}
    return Evidence((
        Item("outcome", "an outcome measure with results", first(lambda m: m.type == "outcome", "outcome measure")),
        Item("learners", "learners' satisfaction measured", first(
            lambda m: m.type == "perception" and (m.stakeholder_group or "") in learner, "learner perception measure")),
        Item("staff", "staff satisfaction measured", first(
            lambda m: m.type == "perception" and (m.stakeholder_group or "") in {"staff", "henkilosto"},
            "staff perception measure")),
    ))


def _early_warning(s: QualitySystem, ctx: Context) -> Evidence:
    path = _described_tagged(ctx, "student_path")
    alert = None
    for p in path:
        m = next((m for m in ctx.measures_by_process.get(p.process, []) if m.alert and m.monitors == "individual"),
                 None)
        if m:
            alert = _model(f"measure {m.id} alerts about a single learner, on process {p.process}", m, "alert",
                           ref=m.id)
            break
    return Evidence((_tagged_item(ctx, "student_path", "a described student-path process", "student_path"),
                     Item("alert", "an alert about a single learner that triggers support", alert)))


def _loops(s: QualitySystem, ctx: Context) -> Evidence:
    if not s.feedback:
        return _one("feedback", "feedback instruments", None)
    return Evidence(tuple(
        Item(fb.id, f"feedback {fb.id}", _model(f"feedback {fb.id}: feeds, analysed or acted on", fb, ref=fb.id)
             if fb.feeds and (fb.analysis or fb.actions) else None) for fb in s.feedback))


#: EQAVET reference indicators relevant to a provider (1 and 7 are system or context indicators).
PROVIDER_INDICATORS: tuple[int, ...] = (2, 3, 4, 5, 6, 8, 9, 10)


def _indicators(s: QualitySystem, ctx: Context) -> Evidence:
    items = []
    for n in PROVIDER_INDICATORS:
        m = next((m for m in _measures(s) if n in m.eqavet_indicators and (m.target or m.results)), None)
        items.append(Item(f"indicator-{n}", f"EQAVET indicator {n}",
                          _model(f"measure {m.id}", m, "eqavet_indicators", ref=m.id) if m else None))
    return Evidence(tuple(items))


def _interested(s: QualitySystem, ctx: Context) -> Evidence:
    if not s.stakeholders:
        return _one("stakeholders", "interested parties with requirements", None)
    return Evidence(tuple(
        Item(st.id, f"stakeholder {st.id}", _model(f"stakeholder {st.id}: requirements", st, "requirements", ref=st.id)
             if st.requirements else None) for st in s.stakeholders))


def _audits(s: QualitySystem, ctx: Context) -> Evidence:
    years = ctx.settings.audit_cycle_years
    audits = _done(ctx, "internal_audit", within_years=years)
    if ctx.settings.option("peer_review_counts"):
        audits += _done(ctx, "peer_review", within_years=years)
    return _one("audits", f"internal audits done in the last {years} years", _first(audits))


def _review(s: QualitySystem, ctx: Context) -> Evidence:
    cycle = s.annual_cycle
    event = next((e for e in (cycle.events if cycle else []) if "management_review" in e.kind and e.inputs and e.outputs),
                 None)
    return _one("management_review", "a management review with inputs and outputs",
                _model(f"annual cycle: {event.id}", event, "inputs", ref=event.id) if event else None)


def _deviations(s: QualitySystem, ctx: Context) -> Evidence:
    return Evidence((_tagged_item(ctx, "process", "a described process for deviations and complaints",
                                  "deviation_handling"),))


def _radar(s: QualitySystem, ctx: Context) -> Evidence:
    measured = [m for m in _measures(s) if m.results]
    if not measured:
        return _one("results", "measures with results", None)
    return Evidence(tuple(
        Item(m.id, f"measure {m.id}", _model(f"measure {m.id}: target, {len(m.results)} periods, comparison", m,
                                             "results", ref=m.id)
             if m.target and len({r.period for r in m.results}) >= 3 and m.benchmarks else None) for m in measured))


def _balance(s: QualitySystem, ctx: Context) -> Evidence:
    measures = _measures(s)
    perception = next((m for m in measures if m.type == "perception" and m.results), None)
    performance = next((m for m in measures if m.type in ("output", "outcome") and m.results), None)
    return Evidence((
        Item("perception", "stakeholder perceptions with results",
             _model(f"perception measure {perception.id}", perception, ref=perception.id) if perception else None),
        Item("performance", "performance results",
             _model(f"performance measure {performance.id}", performance, ref=performance.id) if performance else None),
    ))


def _caf_results(s: QualitySystem, ctx: Context) -> Evidence:
    measures = [m for m in _measures(s) if m.results]
    kinds: dict[str, Callable[[Measure], bool]] = {
        "customers": lambda m: m.type == "perception" and m.stakeholder_group not in ("staff", "henkilosto"),
             "people": lambda m: m.type == "perception" and m.stakeholder_group in ("staff", "henkilosto"),
             "key performance": lambda m: m.type in ("output", "outcome")}
    items = []
    for key, ok in kinds.items():
        m = next((m for m in measures if ok(m)), None)
        items.append(Item(key, f"{key} results", _model(f"measure {m.id}", m, ref=m.id) if m else None))
    return Evidence(tuple(items))


def _caf_self_assessment(s: QualitySystem, ctx: Context) -> Evidence:
    return _one("caf", "a self-assessment", _first(_done(ctx, "self_assessment", within_years=3)))


ASSESSORS: dict[str, Assessor] = {
    "FI-LAW-1": _evaluates, "FI-LAW-2": _responsible, "FI-LAW-4": _published,
    "FI-QMS-1": _scope, "FI-QMS-2": _chain, "FI-QMS-3": _customers, "FI-QMS-4": _measure_basics,
    "FI-QMS-5": _participation, "FI-QMS-6": _workplace, "FI-QMS-7": _partnerships, "FI-QMS-8": _regional,
    "FI-QMS-9": _communicated, "FI-QMS-10": _cycle, "FI-QMS-11": _plan, "FI-QMS-12": _maturity,
    "FI-QMS-13": _staff, "FI-QMS-14": _special, "FI-QMS-15": _peer, "FI-QMS-16": _assessment_quality,
    "EQAVET-P1": _external_refs, "EQAVET-P2": _targets, "EQAVET-P3": _needs, "EQAVET-P4": _allocated,
    "EQAVET-I1": _finance, "EQAVET-E1": _self_evaluation, "EQAVET-E2": _outcomes, "EQAVET-E3": _early_warning,
    "EQAVET-R1": _loops, "EQAVET-IND": _indicators, "EQAVET-CYCLE": _pdca,
    "ISO-4.4-a": _inputs_outputs, "ISO-4.4-b": _interfaces, "ISO-4.4-c": _process_measures, "ISO-4.4-d": _resources,
    "ISO-4.4-e": _responsibilities, "ISO-4.4-f": _risks, "ISO-4.4-g": _evaluated, "ISO-4.4-h": _improved,
    "ISO-4.4.2": _documented, "ISO-4.2": _interested, "ISO-9.2": _audits, "ISO-9.3": _review,
    "ISO-10.2": _deviations, "EFQM-RADAR": _radar, "EFQM-6": _balance,
    "CAF-RES": _caf_results, "CAF-SA": _caf_self_assessment,
}


def assess(criterion_id: str, system: QualitySystem, ctx: Context) -> Evidence:
    """The items of ``criterion_id`` in ``system`` and what shows each."""
    return ASSESSORS[criterion_id](system, ctx)

