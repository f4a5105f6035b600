"""The XML of one planned process: ``<bpmn:process>``, its extensions and the qms payload."""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from lxml import etree

from qms.bpmn.plan import Context, Flow, Node, Planned
from qms.bpmn.tags import (
    EVENT_DEFINITIONS,
    QMS,
    T_COND,
    T_DOC,
    T_EXT,
    T_FLOW,
    T_FNREF,
    T_INCOMING,
    T_OUTGOING,
    T_TYPE,
    b,
    q,
)
from qms.errors import Problem, UserError
from qms.location import SourceLocation
from qms.model import LANGUAGES, Process, Step
from qms.model.base import Text

__all__ = [
    "FORMAT_VERSION",
    "Branch",
    "decision_conditions",
    "placeholder",
    "PAYLOAD_PART",
    "checked",
    "model_json",
    "to_json",
    "write_names",
    "write_payload",
    "write_process",
    "write_stub",
]

FORMAT_VERSION = "1"
"""Version of the ``qms:model`` payload; bump it when its meaning changes."""

_T = TypeVar("_T")
_SUB = etree.SubElement


def checked(process: Process, emit: Callable[[], _T]) -> _T:
    """Run ``emit``; text that XML cannot hold (control characters) becomes a located UserError."""
    try:
        return emit()
    except ValueError as exc:
        if "XML compatible" not in str(exc):
            raise
        where = process.loc or SourceLocation(f"process {process.process}")
        raise UserError([Problem(
            where, f"process '{process.process}' has a text that cannot be written as XML: it holds a control "
                   "character", "remove the character (often pasted from a word processor) and export again",
            rule="export", process=process.process,
        )]) from None


def write_names(parent: etree._Element, value: Text | None, tag: str = "name") -> None:
    """``<qms:name lang="fi">…</qms:name>`` for every language of a translated text."""
    if isinstance(value, dict):
        for lang in LANGUAGES:
            if lang in value:
                _SUB(parent, q(QMS, tag), lang=lang).text = value[lang]


def to_json(data: Any) -> str:
    """Compact JSON with sorted keys: equal models give equal bytes (qms import restores the order)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def model_json(obj: Any, exclude: set[str] | None = None) -> str:
    """A model as :func:`to_json`, without defaults and with the YAML keys."""
    return to_json(obj.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude=exclude))


PAYLOAD_PART = 1_000_000
"""Characters per ``qms:part``. libxml2 refuses a text node over 10 MB unless its huge-tree mode
is on (which qms's reader keeps off); a part of a million characters is at most 4 MB of UTF-8."""


def write_payload(parent: etree._Element, tag: str, text: str, ctx: Context) -> None:
    """Write the JSON *text* as ``<qms:model>`` or ``<qms:system>``: as the element's text, or,
    when long, as ``qms:part`` children in order, each small enough for any XML parser."""
    el = _SUB(parent, q(QMS, tag), version=FORMAT_VERSION, lang=ctx.lang)
    if len(text) <= PAYLOAD_PART:
        el.text = text
        return
    for start in range(0, len(text), PAYLOAD_PART):
        _SUB(el, q(QMS, "part")).text = text[start:start + PAYLOAD_PART]


def _step_extension(ctx: Context, parent: etree._Element, step: Step, label: Text | None) -> None:
    multilingual = isinstance(label, dict) and len(label) > 1
    if not (step.pdca or step.phase or step.when is not None or multilingual or step.raci):
        return
    attrs: dict[str, str] = {}
    if step.pdca:
        attrs["pdca"] = step.pdca
    if step.phase:
        attrs["phase"] = step.phase
    if step.when is not None:
        attrs["when"] = ctx.text(step.when)
    ext = _SUB(parent, T_EXT)
    el = _SUB(ext, q(QMS, "step"), attrs)
    if multilingual:
        write_names(el, label)
    if step.raci:
        for part in ("responsible", "accountable", "consulted", "informed"):
            for role in getattr(step.raci, part):
                _SUB(el, q(QMS, part), role=role)


def _process_extension(ctx: Context, parent: etree._Element, process: Process) -> None:
    ext = _SUB(parent, T_EXT)
    attrs = {"process": process.process, "category": process.category, "level": process.level}
    if process.code:
        attrs["code"] = process.code
    if process.owner:
        attrs["owner"] = process.owner
    if process.review and process.review.version:
        attrs["version"] = process.review.version
    if process.review and process.review.next_review:
        attrs["next_review"] = process.review.next_review.isoformat()
    summary = _SUB(ext, q(QMS, "process"), attrs)
    write_names(summary, process.name)
    write_names(summary, process.purpose, "purpose")
    for m in process.measures:
        mattrs = {"ref": m.id, "name": ctx.text(m.name)}
        for key in ("target", "owner"):
            value = getattr(m, key)
            if value:
                mattrs[key] = value
        _SUB(summary, q(QMS, "measure"), mattrs)
    for r in process.risks:
        rattrs = {"ref": r.id, "name": ctx.text(r.name)}
        if r.likelihood and r.impact:
            rattrs["level"] = f"{r.likelihood}x{r.impact}"
        _SUB(summary, q(QMS, "risk"), rattrs)
    write_payload(ext, "model", model_json(process), ctx)


def _event_definition(ctx: Context, el: etree._Element, step: Step, label: Text | None) -> None:
    trigger = step.trigger
    if trigger is None or trigger == "none":
        return
    ed = _SUB(el, b(EVENT_DEFINITIONS[trigger]))
    if trigger == "timer" and step.when is not None:
        _SUB(ed, b("timeCycle"), {T_TYPE: "bpmn:tFormalExpression"}).text = ctx.text(step.when)
    elif trigger == "conditional":
        cond = _SUB(ed, b("condition"), {T_TYPE: "bpmn:tFormalExpression"})
        cond.text = ctx.text(step.when) if step.when is not None else ctx.text(label)


def write_process(ctx: Context, defs: etree._Element, plan: Planned) -> None:
    """The ``<bpmn:process>`` of a planned process, under ``defs``."""
    process = plan.process
    proc = _SUB(defs, b("process"), id=plan.pid, name=ctx.text(process.name), isExecutable="false")
    if process.purpose is not None:
        _SUB(proc, T_DOC).text = ctx.text(process.purpose)
    _process_extension(ctx, proc, process)
    rest = _carry_back(proc, _kept(process.xml))
    for holder in [x for x in rest if x.tag == q(QMS, "root")]:  # messages, errors, … of the file
        rest.remove(holder)
        for el in list(holder):
            defs.insert(defs.index(proc), _declared(el, holder))
    proc.extend(x for x in rest if x.tag in _PROCESS_EARLY)  # (BPMN's order: these before the lanes)
    if plan.lanes:
        _write_lanes(ctx, proc, plan)
    docs = {d.id: d for d in process.documents}
    for doc, object_id in plan.data_objects:
        d = docs.get(doc)
        obj = _SUB(proc, b("dataObject"), id=object_id, name=ctx.text(d.name) if d else doc)
        _SUB(_SUB(obj, T_EXT), q(QMS, "document"), ref=doc)
    holders = _write_nodes(ctx, proc, plan.nodes)
    for tag, ref_attrs in plan.refs:
        _SUB(proc, tag, ref_attrs)
    branches = decision_conditions(plan)
    within = {n.id: n.within for n in plan.nodes}
    for fl in plan.flows:  # a flow between two steps of one sub-process is written inside it
        inner = within.get(fl.src)
        holder = holders[inner] if inner is not None and inner == within.get(fl.dst) else proc
        _write_flow(holder, fl, branches.get(fl.id))
    for tag, attrs, body in plan.artifacts:
        el = _SUB(proc, b(tag), attrs)
        if body is not None:
            _SUB(el, b("text")).text = body
    proc.extend(x for x in rest if x.tag not in _PROCESS_EARLY)  # (groups, resource roles, …: last)


def _write_lanes(ctx: Context, proc: etree._Element, plan: Planned) -> None:
    """The lane set: a lane per role, each naming its flow nodes."""
    lane_set = _SUB(proc, b("laneSet"), id=plan.lane_set)
    members: dict[str, list[str]] = {r: [] for r, _ in plan.lanes}
    for n in plan.nodes:
        if n.lane is not None and n.within is None:
            members[n.lane].append(n.id)
    for role, lane_id in plan.lanes:
        lane = _SUB(lane_set, b("lane"), id=lane_id, name=ctx.text(ctx.roles.get(role, role)))
        _SUB(_SUB(lane, T_EXT), q(QMS, "role"), ref=role)
        for ref in members[role]:
            _SUB(lane, T_FNREF).text = ref


def _write_nodes(ctx: Context, proc: etree._Element, nodes: list[Node]) -> dict[str, etree._Element]:
    """The flow nodes, each in its process or sub-process; returns the sub-process elements by id."""
    holders: dict[str, etree._Element] = {}
    left = nodes
    while left:
        later = [n for n in left if n.within is not None and n.within not in holders]
        if len(later) == len(left):  # a sub-process that is not one (the loader reports it): at the top
            later = []
        for node in left:
            if node not in later:
                holder = proc if node.within is None or node.within not in holders else holders[node.within]
                holders[node.id] = _write_node(ctx, holder, node)
        left = later
    return holders


_PROCESS_EARLY = frozenset(b(t) for t in ("supportedInterfaceRef", "ioSpecification", "ioBinding", "auditing",
                                          "monitoring", "property"))
_LATE = frozenset(b(t) for t in ("resourceRole", "performer", "humanPerformer", "potentialOwner",
                                 "standardLoopCharacteristics", "multiInstanceLoopCharacteristics"))
_LOOP_TAG = {"standard": "standardLoopCharacteristics", "parallel": "multiInstanceLoopCharacteristics",
             "sequential": "multiInstanceLoopCharacteristics"}


def _kept(xml: str | None) -> etree._Element | None:
    """The ``qms:keep`` element of a step's or flow's ``xml:`` (None when there is none)."""
    if xml is None:
        return None
    return etree.fromstring(xml, _KEEP_PARSER)


_KEEP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _carry_back(el: etree._Element, keep: etree._Element | None) -> list[etree._Element]:
    """Put back on ``el`` what the import kept verbatim: attributes and extension elements at once;
    returns the other elements, to be placed by the caller."""
    if keep is None:
        return []
    for key, value in keep.attrib.items():
        el.set(key, value)
    rest: list[etree._Element] = []
    for child in keep:
        if child.tag == q(QMS, "ext"):
            ext = el.find(T_EXT)
            if ext is None:
                ext = etree.Element(T_EXT)
                el.insert(1 if len(el) and el[0].tag == T_DOC else 0, ext)
            ext.extend(_declared(x, keep) for x in child)
        elif child.tag == q(QMS, "root"):
            rest.append(child)
        else:
            rest.append(_declared(child, keep))
    return rest


def _declared(el: etree._Element, keep: etree._Element) -> etree._Element:
    """``el`` declaring the prefixes of the file it came from: values such as ``xsi:type="xs:string"``
    or ``structureRef="feel:string"`` name types by prefix, which lxml does not see as used."""
    if not isinstance(el.tag, str):
        return el
    nsmap = {p: u for p, u in (*keep.nsmap.items(), *el.nsmap.items()) if p}
    copy = etree.Element(el.tag, dict(el.attrib), nsmap=nsmap)
    copy.text = el.text
    copy.extend(list(el))
    return copy


def _write_node(ctx: Context, proc: etree._Element, node: Node) -> etree._Element:
    """One flow node: a step with its documentation, extensions, data and event definition,
    or a derived gateway."""
    attrs = {"id": node.id}
    if node.name:
        attrs["name"] = node.name
    el = _SUB(proc, b(node.tag), attrs)
    step = node.step
    rest: list[etree._Element] = []
    if step is not None:
        if step.description is not None:
            _SUB(el, T_DOC).text = ctx.text(step.description)
        _step_extension(ctx, el, step, node.label)
        rest = _carry_back(el, _kept(step.xml))
        if node.kind == "call" and step.call:
            el.set("calledElement", step.call)
        if step.attached_to is not None:
            el.set("attachedToRef", step.attached_to)
            if not step.interrupting:
                el.set("cancelActivity", "false")
        elif not step.interrupting:
            el.set("isInterrupting", "false")
        if step.type == "event" and node.kind == "subprocess":
            el.set("triggeredByEvent", "true")
    else:
        assert node.derived is not None
        ext = _SUB(el, T_EXT)
        _SUB(ext, q(QMS, "derived"), role=node.derived[0], of=node.derived[1])
    if node.default:
        el.set("default", node.default)
    for fid in node.incoming:
        _SUB(el, T_INCOMING).text = fid
    for fid in node.outgoing:
        _SUB(el, T_OUTGOING).text = fid
    if step is None:
        return el
    el.extend(x for x in rest if x.tag not in _LATE and not _is_definition(x))
    if node.prop:
        _SUB(el, b("property"), id=node.prop, name="__targetRef_placeholder")
        for assoc, ref in node.inputs:
            da = _SUB(el, b("dataInputAssociation"), id=assoc)
            _SUB(da, b("sourceRef")).text = ref
            _SUB(da, b("targetRef")).text = node.prop
    for assoc, ref in node.outputs:
        da = _SUB(el, b("dataOutputAssociation"), id=assoc)
        _SUB(da, b("targetRef")).text = ref
    if node.kind in ("start", "end", "event"):
        kept = [x for x in rest if _is_definition(x)]
        if kept:
            el.extend(kept)
        else:
            _event_definition(ctx, el, step, node.label)
    el.extend(x for x in rest if x.tag in _LATE)
    if step.loop is not None:
        loop = _SUB(el, b(_LOOP_TAG[step.loop]))
        if step.loop == "sequential":
            loop.set("isSequential", "true")
    return el


def _is_definition(el: etree._Element) -> bool:
    tag = el.tag
    return isinstance(tag, str) and (tag.endswith("EventDefinition") or tag == b("eventDefinitionRef"))


_DECISIONS = frozenset({"exclusiveGateway", "inclusiveGateway"})
"""Gateways that choose their branches by conditions: an engine needs one on every branch but the default."""


@dataclass(frozen=True, slots=True)
class Branch:
    """The condition written on a branch of a decision that the model gives none: a placeholder."""

    expression: str
    name: str  # the flow's name: its own, or (marked derived) its target's
    derived_name: bool


def placeholder(variable: str, value: str) -> str:
    """The placeholder condition of a branch: true when the variable named after the decision
    holds the branch's name. A Python (and FEEL-like) comparison, so SpiffWorkflow and other
    engines load it; the engine's task before the decision sets the variable.

    Examples
    --------
    >>> print(placeholder("raamissa", "kyllä"))
    raamissa == "kyllä"
    >>> print(placeholder("hr.valinta-2", 'sanoi "ei"'))
    hr_valinta_2 == "sanoi \\"ei\\""
    >>> print(placeholder("class", "x"))
    class_ == "x"
    """
    name = re.sub(r"\W", "_", variable, flags=re.ASCII)
    if keyword.iskeyword(name):
        name += "_"
    return f"{name} == {json.dumps(value, ensure_ascii=False)}"


def decision_conditions(plan: Planned) -> dict[str, Branch]:
    """A placeholder condition for every branch of an exclusive or inclusive gateway with
    several branches that is neither the default nor given a condition in the model (a
    condition derived from a label is replaced too), by flow id: engines load such a decision
    only when each of its branches has a condition or is the default.

    A process imported from another tool (``gateways: drawn``) is written back as drawn: no
    condition or name is added to it."""
    if plan.process.gateways == "drawn":
        return {}
    flows = {fl.id: fl for fl in plan.flows}
    nodes = {n.id: n for n in plan.nodes}
    out: dict[str, Branch] = {}
    for node in plan.nodes:
        if node.tag not in _DECISIONS or len(node.outgoing) < 2:
            continue
        variable = node.step.id if node.step is not None else node.derived[1] if node.derived else node.id
        for fid in node.outgoing:
            fl = flows[fid]
            if fid == node.default or (fl.condition and not fl.derived_condition):
                continue
            target = nodes[fl.dst]
            name = fl.name or target.name or target.id
            out[fid] = Branch(placeholder(variable, name), name, fl.derived_name or not fl.name)
    return out


def _write_flow(proc: etree._Element, fl: Flow, branch: Branch | None = None) -> None:
    """One sequence flow, with its condition and, when derived or translated, its extension."""
    attrs = {"id": fl.id}
    name = branch.name if branch is not None else fl.name
    if name:
        attrs["name"] = name
    attrs["sourceRef"] = fl.src
    attrs["targetRef"] = fl.dst
    el = _SUB(proc, T_FLOW, attrs)
    rest = _carry_back(el, _kept(fl.xml))
    if fl.derived:
        ext = _SUB(el, T_EXT)
        _SUB(ext, q(QMS, "derived"), role="flow")
    elif isinstance(fl.label, dict) and len(fl.label) > 1:
        ext = _SUB(el, T_EXT)
        write_names(_SUB(ext, q(QMS, "flow")), fl.label)
    if branch is not None:
        cattrs = {T_TYPE: "bpmn:tFormalExpression", q(QMS, "derived"): "name" if branch.derived_name else "label"}
        _SUB(el, T_COND, cattrs).text = branch.expression
    elif fl.condition:
        cattrs = {T_TYPE: "bpmn:tFormalExpression"}
        if fl.derived_condition:
            cattrs[q(QMS, "derived")] = "name" if fl.derived_name else "label"
        _SUB(el, T_COND, cattrs).text = fl.condition
    for x in rest:  # (a documentation first, as BPMN orders a flow's children)
        el.insert(0, x) if x.tag == T_DOC else el.append(x)


def write_stub(ctx: Context, collab: etree._Element, process: Process, pid: str) -> None:
    """The black-box pool of a process without steps."""
    part = _SUB(collab, b("participant"), id=pid, name=ctx.text(process.name))
    if process.purpose is not None:
        _SUB(part, T_DOC).text = ctx.text(process.purpose)
    pext = _SUB(part, T_EXT)
    write_payload(pext, "model", model_json(process), ctx)
