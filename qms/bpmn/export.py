"""Model → BPMN 2.0 XML with diagram interchange (DI): pure functions that return bytes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import Any, TypeVar

from lxml import etree

from qms.bpmn import layout as lay
from qms.bpmn.tags import (
    BPMNDI,
    DC,
    DI,
    EVENT_DEFINITIONS,
    NSMAP,
    QMS,
    XSI,
    b,
    export_tag,
    q,
)
from qms.errors import InternalError, Problem, UserError
from qms.graph.kinds import ACTIVITY_KINDS, GATEWAY_KINDS, KINDS
from qms.location import SourceLocation
from qms.memory import quiet_gc
from qms.model import LANGUAGES, Process, QualitySystem, Step, slugify, text_in
from qms.model.base import Text

__all__ = ["FORMAT_VERSION", "export_process", "export_system", "exportable"]

FORMAT_VERSION = "1"
"""Version of the ``qms:model`` payload; bump it when its meaning changes."""

_EXPORTER = "qms"
_T = TypeVar("_T")
_DEFAULT_HOLDERS = {row.bpmn_tag for row in KINDS.values() if row.default_holder}
_SHAPE_SIZE = {row.bpmn_tag: 0 if row.activity else 50 for row in KINDS.values() if row.activity or row.gateway}
"""Width and height of a flow node's shape by tag (36: events); 0: as wide as the name needs, 80 high."""
_TYPE = q(XSI, "type")

# Clark tags used in the hot loops
_T_INCOMING = b("incoming")
_T_OUTGOING = b("outgoing")
_T_FLOW = b("sequenceFlow")
_T_COND = b("conditionExpression")
_T_DOC = b("documentation")
_T_EXT = b("extensionElements")
_T_SHAPE = q(BPMNDI, "BPMNShape")
_T_EDGE = q(BPMNDI, "BPMNEdge")
_T_LABEL = q(BPMNDI, "BPMNLabel")
_T_BOUNDS = q(DC, "Bounds")
_T_WAYPOINT = q(DI, "waypoint")
_T_FNREF = b("flowNodeRef")
_T_OBJECT_REF = b("dataObjectReference")
_T_STORE_REF = b("dataStoreReference")
_SUB = etree.SubElement


def _checked(process: Process, emit: Callable[[], _T]) -> _T:
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


def exportable(process: Process) -> bool:
    """True when ``process`` has steps to draw (a stub has none and gets no file of its own)."""
    return not process.is_stub


# ------------------------------------------------------------------ plan


@dataclass(slots=True)
class _Ids:
    """Hands out unique XML ids: model ids unchanged, derived ids with a suffix on a clash."""

    used: set[str] = field(default_factory=set)

    def new(self, base: str) -> str:
        used = self.used
        if base not in used:
            used.add(base)
            return base
        n = 2
        while f"{base}_{n}" in self.used:
            n += 1
        ident = f"{base}_{n}"
        self.used.add(ident)
        return ident


@dataclass(slots=True)
class _Node:
    id: str
    tag: str
    name: str
    lane: str | None
    step: Step | None = None
    kind: str = ""  # the step kind (computed once: Step.kind is a property)
    label: Text | None = None
    derived: tuple[str, str] | None = None  # (split | join, step id)
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)
    default: str | None = None
    inputs: Sequence[tuple[str, str]] = ()  # (data association id, reference id)
    outputs: Sequence[tuple[str, str]] = ()
    prop: str = ""  # id of the property that data input associations point to


@dataclass(slots=True)
class _Flow:
    id: str
    src: str
    dst: str
    name: str = ""
    condition: str | None = None
    derived_condition: bool = False
    derived_name: bool = False
    derived: bool = False
    label: Text | None = None


@dataclass(slots=True)
class _Ctx:
    system: QualitySystem
    lang: str
    ids: _Ids
    roles: dict[str, Text]
    stakeholders: dict[str, Text]
    processes: dict[str, Text]

    def text(self, value: Text | None) -> str:
        return text_in(value, self.lang, self.system.default_language)


def _ctx(system: QualitySystem, lang: str | None) -> _Ctx:
    return _Ctx(
        system=system,
        lang=lang or system.default_language,
        ids=_Ids(),
        roles={r.id: r.name for r in system.roles},
        stakeholders={s.id: s.name for s in system.stakeholders},
        processes={p.process: p.name for p in system.processes},
    )


def _step_name(ctx: _Ctx, step: Step, label: Text | None) -> str:
    if label is None and step.call:
        label = ctx.processes.get(step.call, step.call)
    return ctx.text(label) or step.id


def _plan_flows(ctx: _Ctx, process: Process, prefix: str) -> tuple[list[_Node], list[_Flow], dict[str, _Node]]:
    """Flow nodes and sequence flows of one process, with derived split and join gateways."""
    ids = ctx.ids
    new_id = ids.new
    nodes: list[_Node] = []
    by_step: dict[str, _Node] = {}
    index: dict[str, _Node] = {}
    for step in process.steps:
        kind = step.kind
        label = step.name if kind == "call" else getattr(step, kind)
        name = label if type(label) is str else _step_name(ctx, step, label)  # a plain name: the common case
        node = _Node(new_id(prefix + step.id), export_tag(kind, step.throw, step.trigger), name or step.id,
                     step.lane, step, kind, label)
        nodes.append(node)
        by_step[step.id] = node
        index[node.id] = node
    flows: list[_Flow] = []
    out: dict[str, list[_Flow]] = {}
    inc: dict[str, list[_Flow]] = {}
    for fid, f in zip(process.flow_ids(), process.flow, strict=True):
        src, dst = by_step.get(f.from_), by_step.get(f.to)
        if src is None or dst is None:
            continue  # a dangling flow: the loader reports it
        # a condition needs a name in a diagram
        name = (ctx.text(f.label) if f.label is not None else "") or f.condition or ""
        flow = _Flow(new_id(prefix + fid), src.id, dst.id, name, f.condition, label=f.label)
        if f.default:
            src.default = flow.id
        flows.append(flow)
        if src.id in out:
            out[src.id].append(flow)
        else:
            out[src.id] = [flow]
        if dst.id in inc:
            inc[dst.id].append(flow)
        else:
            inc[dst.id] = [flow]
    extra_nodes: dict[str, list[_Node]] = {}
    extra_flows: list[_Flow] = []
    source_of: dict[str, _Node] = {}  # step node id → the node its outgoing flows leave from (its split)
    for node in nodes:
        assert node.step is not None
        kind = node.kind
        gateway = kind in GATEWAY_KINDS
        outs, ins = out.get(node.id, ()), inc.get(node.id, ())
        if len(ins) > 1 and kind != "start" and (not gateway or len(outs) > 1):
            tag = KINDS[kind].bpmn_tag if gateway else "exclusiveGateway"
            join = _Node(ids.new(f"{node.id}_join"), tag, "", node.lane, derived=("join", node.step.id))
            index[join.id] = join
            for fl in ins:
                fl.dst = join.id
            link = _Flow(ids.new(f"f_{node.id}_join"), join.id, node.id, derived=True)
            extra_nodes.setdefault(node.id, []).append(join)
            extra_flows.append(link)
        if len(outs) > 1 and not gateway:
            labelled = [fl for fl in outs if fl.name or fl.condition]
            tag = "exclusiveGateway" if labelled or node.default else "parallelGateway"
            name = " / ".join(fl.name or fl.condition or "" for fl in outs) if labelled else ""
            split = _Node(ids.new(f"{node.id}_split"), tag, name, node.lane, derived=("split", node.step.id))
            index[split.id] = split
            source_of[node.id] = split
            if node.default:
                split.default, node.default = node.default, None
            for fl in outs:
                fl.src = split.id
            extra_flows.append(_Flow(ids.new(f"f_{node.id}_split"), node.id, split.id, derived=True))
            extra_nodes.setdefault(node.id, []).append(split)
        # only activities and exclusive/inclusive gateways may name a default flow (the JSON keeps it)
        if node.default and node.tag not in _DEFAULT_HOLDERS:
            node.default = None
    # a conditional fork: every flow that is not the default needs a condition (derived flows need none)
    for node_id, outs in out.items():
        source = source_of.get(node_id) or index[node_id]
        if len(outs) == 1 and not source.default and not outs[0].condition:
            continue  # one plain flow: nothing to make explicit
        targets = [fl.dst for fl in outs]
        twice = len(set(targets)) < len(targets)  # two branches to one target must differ
        if source.default or twice or any(fl.condition for fl in outs):
            seen = {(fl.dst, fl.condition) for fl in outs if fl.condition}
            for fl in outs:
                if not fl.condition and fl.id != source.default:
                    if not fl.name:  # a conditional branch needs a name: its target's
                        target = index[fl.dst]
                        if target.derived is not None:
                            target = by_step[target.derived[1]]
                        fl.name = target.name or fl.id
                        fl.derived_name = True
                    cond = fl.name if (fl.dst, fl.name) not in seen else fl.id
                    seen.add((fl.dst, cond))
                    fl.condition = cond
                    fl.derived_condition = True
    if extra_nodes:
        merged: list[_Node] = []
        for node in nodes:
            ext = extra_nodes.get(node.id, [])
            merged.extend(x for x in ext if x.derived and x.derived[0] == "join")
            merged.append(node)
            merged.extend(x for x in ext if x.derived and x.derived[0] == "split")
        nodes = merged
    flows.extend(extra_flows)
    for fl in flows:
        index[fl.src].outgoing.append(fl.id)
        index[fl.dst].incoming.append(fl.id)
    return nodes, flows, index


# ------------------------------------------------------------------ XML helpers


def _names(parent: etree._Element, value: Text | None, tag: str = "name") -> None:
    """``<qms:name lang="fi">…</qms:name>`` for every language of a translated text."""
    if isinstance(value, dict):
        for lang in LANGUAGES:
            if lang in value:
                _SUB(parent, q(QMS, tag), lang=lang).text = value[lang]


def _json(data: Any) -> str:
    """Compact JSON with sorted keys: equal models give equal bytes (qms import restores the order)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _model_json(obj: Any, exclude: set[str] | None = None) -> str:
    return _json(obj.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude=exclude))


PAYLOAD_PART = 1_000_000
"""Characters per ``qms:part``. libxml2 refuses a text node over 10 MB unless its huge-tree mode
is on (which qms's reader keeps off); a part of a million characters is at most 4 MB of UTF-8."""


def _payload(parent: etree._Element, tag: str, text: str, ctx: _Ctx) -> None:
    """Write the JSON *text* as ``<qms:model>`` or ``<qms:system>``: as the element's text, or,
    when long, as ``qms:part`` children in order, each small enough for any XML parser."""
    el = _SUB(parent, q(QMS, tag), version=FORMAT_VERSION, lang=ctx.lang)
    if len(text) <= PAYLOAD_PART:
        el.text = text
        return
    for start in range(0, len(text), PAYLOAD_PART):
        _SUB(el, q(QMS, "part")).text = text[start:start + PAYLOAD_PART]


# ------------------------------------------------------------------ one process


@dataclass(slots=True)
class _Planned:
    """One process with every id handed out and every name and size known: what its XML and its
    pool's DI are written from."""

    process: Process
    pid: str
    participant: str
    nodes: list[_Node]
    flows: list[_Flow]
    lanes: list[tuple[str, str]]  # (role, lane id), top to bottom
    lane_set: str  # "" without lanes
    data_objects: list[tuple[str, str]]  # (document id, data object id)
    refs: list[tuple[str, dict[str, str]]]  # data references (tag, attributes), written after the flow nodes
    artifacts: list[tuple[str, dict[str, str], str | None]]  # (tag, attributes, text)
    pool: lay.Pool
    externals: dict[str, str]  # external end id → participant id
    messages: list[tuple[str, str, str, str, str]]  # (id, source, target, name, "src" | "dst" | "")
    edges_di: list[str]  # ids of edges drawn (sequence flows, associations)
    shapes_di: list[tuple[str, str]]  # (id, kind) of shapes drawn in the pool


def _step_extension(ctx: _Ctx, parent: etree._Element, step: Step, label: Text | None) -> None:
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
    ext = _SUB(parent, _T_EXT)
    el = _SUB(ext, q(QMS, "step"), attrs)
    if multilingual:
        _names(el, label)
    if step.raci:
        for part in ("responsible", "accountable", "consulted", "informed"):
            for role in getattr(step.raci, part):
                _SUB(el, q(QMS, part), role=role)


def _process_extension(ctx: _Ctx, parent: etree._Element, process: Process) -> None:
    ext = _SUB(parent, _T_EXT)
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
    _names(summary, process.name)
    _names(summary, process.purpose, "purpose")
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
    _payload(ext, "model", _model_json(process), ctx)


def _event_definition(ctx: _Ctx, el: etree._Element, step: Step, label: Text | None) -> None:
    trigger = step.trigger
    if trigger is None or trigger == "none":
        return
    ed = _SUB(el, b(EVENT_DEFINITIONS[trigger]))
    if trigger == "timer" and step.when is not None:
        _SUB(ed, b("timeCycle"), {_TYPE: "bpmn:tFormalExpression"}).text = ctx.text(step.when)
    elif trigger == "conditional":
        cond = _SUB(ed, b("condition"), {_TYPE: "bpmn:tFormalExpression"})
        cond.text = ctx.text(step.when) if step.when is not None else ctx.text(label)


def _plan_process(ctx: _Ctx, process: Process, prefix: str) -> _Planned:
    """Hand out the ids of one process (in the order that decides the suffixes of clashing ids)
    and size its shapes; no XML yet."""
    ids = ctx.ids
    nodes, flows, _index = _plan_flows(ctx, process, prefix)
    message_ids = [ids.new(prefix + mid) for mid in process.message_ids()]
    pid = process.process if process.process not in ids.used else ids.new(f"Process_{process.process}")
    ids.used.add(pid)
    participant = ids.new(f"Participant_{process.process}")

    # lanes: the process's lanes, then lanes only steps name, then a band for steps without one
    lane_order: list[str] = list(dict.fromkeys(process.lanes))
    for n in nodes:
        if n.lane is not None and n.lane not in lane_order:
            lane_order.append(n.lane)
    lane_ids = {role: ids.new(f"{prefix}Lane_{role}") for role in lane_order}
    band_of = {role: i for i, role in enumerate(lane_order)}
    bands = [lane_ids[r] for r in lane_order]
    no_lane = len(bands)
    if any(n.lane is None for n in nodes) or not bands:
        bands.append("")
    lane_set = ids.new(f"{prefix}LaneSet_{process.process}") if lane_order else ""

    # data objects: one per document, a reference per use; data stores per use
    docs = {d.id: d for d in process.documents}
    used_docs: list[str] = list(dict.fromkeys(d for s in process.steps for d in (*s.documents, *s.reads)))
    data_object = {doc: ids.new(f"{prefix}DataObject_{doc}") for doc in used_docs}

    layout_nodes: list[lay.Node] = []
    refs: list[tuple[str, dict[str, str]]] = []
    artifacts: list[tuple[str, dict[str, str], str | None]] = []
    shapes: list[tuple[str, str]] = []
    edges_di: list[str] = []
    task_width, label_size, new_node = lay.task_width, lay.label_size, lay.Node
    for node in nodes:
        band = no_lane if node.lane is None else band_of[node.lane]
        size = _SHAPE_SIZE.get(node.tag, 36)
        if size:
            lnode = new_node(node.id, band, size, size, *label_size(node.name))
        else:  # tasks: the name is inside
            lnode = new_node(node.id, band, task_width(node.name), lay.TASK_H)
        layout_nodes.append(lnode)
        shapes.append((node.id, node.tag))
        step = node.step
        if step is None or not (step.documents or step.reads or step.systems or step.note is not None):
            continue
        activity = node.kind in ACTIVITY_KINDS
        sid = step.id
        inputs: list[tuple[str, str]] = []
        outputs: list[tuple[str, str]] = []
        for doc, incoming in [(d, False) for d in step.documents] + [(d, True) for d in step.reads]:
            ref = ids.new(f"{prefix}DataObjectReference_{sid}_{doc}")
            dname = ctx.text(docs[doc].name) if doc in docs else doc
            refs.append((_T_OBJECT_REF, {"id": ref, "name": dname, "dataObjectRef": data_object[doc]}))
            lh2 = lay.label_size(dname)[1]
            assoc = ids.new(f"{prefix}{'DataInputAssociation' if incoming else 'DataOutputAssociation'}_{sid}_{doc}"
                            if activity else f"{prefix}Association_{sid}_{doc}")
            lnode.artifacts.append(lay.Artifact(ref, 36, 50, assoc, incoming, lh2))
            shapes.append((ref, "data"))
            edges_di.append(assoc)
            (inputs if incoming else outputs).append((assoc, ref))
        for system in step.systems:
            sname = ctx.text(system)
            slug = slugify(text_in(system, ctx.system.default_language))
            ref = ids.new(f"{prefix}DataStoreReference_{sid}_{slug}")
            refs.append((_T_STORE_REF, {"id": ref, "name": sname}))
            lh2 = lay.label_size(sname)[1]
            assoc = ids.new(f"{prefix}DataOutputAssociation_{sid}_{slug}"
                            if activity else f"{prefix}Association_{sid}_{slug}")
            lnode.artifacts.append(lay.Artifact(ref, 50, 50, assoc, False, lh2))
            shapes.append((ref, "store"))
            edges_di.append(assoc)
            outputs.append((assoc, ref))
        if step.note is not None:
            note = ids.new(f"{prefix}TextAnnotation_{sid}")
            text = ctx.text(step.note)
            artifacts.append(("textAnnotation", {"id": note}, text))
            assoc = ids.new(f"{prefix}Association_{sid}_note")
            artifacts.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": note}, None))
            lines = max(1, lay.label_size(text, 110)[1] // lay.LINE_H)
            lnode.artifacts.append(lay.Artifact(note, 120, 12 + lines * lay.LINE_H, assoc))
            shapes.append((note, "note"))
            edges_di.append(assoc)
        if activity:
            if inputs:
                node.prop = ids.new(f"{prefix}Property_{sid}")
            node.inputs, node.outputs = inputs, outputs
        else:
            for assoc, ref in inputs:
                artifacts.append(("association", {"id": assoc, "sourceRef": ref, "targetRef": node.id,
                                                  "associationDirection": "One"}, None))
            for assoc, ref in outputs:
                artifacts.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": ref,
                                                  "associationDirection": "One"}, None))
    layout_edges = [lay.Edge(fl.id, fl.src, fl.dst, *(lay.label_size(fl.name) if fl.name else (0, 0)))
                    for fl in flows]

    # external participants and message flows
    externals: dict[str, str] = {}
    messages: list[tuple[str, str, str, str, str]] = []
    layout_messages: list[lay.Message] = []
    steps = {s.id for s in process.steps}
    index_of = {n.step.id: n.id for n in nodes if n.step is not None}
    links: list[lay.Edge] = []
    for mid, m in zip(message_ids, process.messages, strict=True):
        if m.from_ in steps and m.to in steps:  # inside the pool: BPMN frowns on it, but it is the model
            name = ctx.text(m.name) if m.name is not None else ""
            messages.append((mid, index_of[m.from_], index_of[m.to], name, ""))
            lw, lh = lay.label_size(name) if name else (0, 0)
            links.append(lay.Edge(mid, index_of[m.from_], index_of[m.to], lw, lh))
            continue
        if m.from_ in steps and m.to not in steps:
            node_id, ext_id, incoming = index_of[m.from_], m.to, False
        elif m.to in steps and m.from_ not in steps:
            node_id, ext_id, incoming = index_of[m.to], m.from_, True
        else:
            continue  # no end is a step: the loader reports it
        externals.setdefault(ext_id, "")
        name = ctx.text(m.name) if m.name is not None else ""
        messages.append((mid, node_id, ext_id, name, "dst") if not incoming else (mid, ext_id, node_id, name, "src"))
        lw, lh = lay.label_size(name) if name else (0, 0)
        layout_messages.append(lay.Message(mid, node_id, ext_id, incoming, lw, lh))
    pool = lay.Pool(participant, bands, layout_nodes, layout_edges, layout_messages, links=links)
    edges_di = [fl.id for fl in flows] + edges_di
    return _Planned(process, pid, participant, nodes, flows, [(r, lane_ids[r]) for r in lane_order], lane_set,
                    [(doc, data_object[doc]) for doc in used_docs], refs, artifacts, pool, externals, messages,
                    edges_di, shapes)


def _write_process(ctx: _Ctx, defs: etree._Element, plan: _Planned) -> None:
    """The ``<bpmn:process>`` of a planned process, under ``defs``."""
    process = plan.process
    proc = _SUB(defs, b("process"), id=plan.pid, name=ctx.text(process.name), isExecutable="false")
    if process.purpose is not None:
        _SUB(proc, _T_DOC).text = ctx.text(process.purpose)
    _process_extension(ctx, proc, process)
    if plan.lanes:
        lane_set = _SUB(proc, b("laneSet"), id=plan.lane_set)
        members: dict[str, list[str]] = {r: [] for r, _ in plan.lanes}
        for n in plan.nodes:
            if n.lane is not None:
                members[n.lane].append(n.id)
        for role, lane_id in plan.lanes:
            lane = _SUB(lane_set, b("lane"), id=lane_id, name=ctx.text(ctx.roles.get(role, role)))
            _SUB(_SUB(lane, _T_EXT), q(QMS, "role"), ref=role)
            for ref in members[role]:
                _SUB(lane, _T_FNREF).text = ref
    docs = {d.id: d for d in process.documents}
    for doc, object_id in plan.data_objects:
        d = docs.get(doc)
        obj = _SUB(proc, b("dataObject"), id=object_id, name=ctx.text(d.name) if d else doc)
        _SUB(_SUB(obj, _T_EXT), q(QMS, "document"), ref=doc)

    for node in plan.nodes:
        attrs = {"id": node.id}
        if node.name:
            attrs["name"] = node.name
        el = _SUB(proc, b(node.tag), attrs)
        step = node.step
        if step is not None:
            if step.description is not None:
                _SUB(el, _T_DOC).text = ctx.text(step.description)
            _step_extension(ctx, el, step, node.label)
            if node.kind == "call" and step.call:
                el.set("calledElement", step.call)
        else:
            assert node.derived is not None
            ext = _SUB(el, _T_EXT)
            _SUB(ext, q(QMS, "derived"), role=node.derived[0], of=node.derived[1])
        if node.default:
            el.set("default", node.default)
        for fid in node.incoming:
            _SUB(el, _T_INCOMING).text = fid
        for fid in node.outgoing:
            _SUB(el, _T_OUTGOING).text = fid
        if step is None:
            continue
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
            _event_definition(ctx, el, step, node.label)

    for tag, ref_attrs in plan.refs:
        _SUB(proc, tag, ref_attrs)
    for fl in plan.flows:
        attrs = {"id": fl.id}
        if fl.name:
            attrs["name"] = fl.name
        attrs["sourceRef"] = fl.src
        attrs["targetRef"] = fl.dst
        el = _SUB(proc, _T_FLOW, attrs)
        if fl.derived:
            ext = _SUB(el, _T_EXT)
            _SUB(ext, q(QMS, "derived"), role="flow")
        elif isinstance(fl.label, dict) and len(fl.label) > 1:
            ext = _SUB(el, _T_EXT)
            _names(_SUB(ext, q(QMS, "flow")), fl.label)
        if fl.condition:
            cattrs = {_TYPE: "bpmn:tFormalExpression"}
            if fl.derived_condition:
                cattrs[q(QMS, "derived")] = "name" if fl.derived_name else "label"
            _SUB(el, _T_COND, cattrs).text = fl.condition
    for tag, attrs, body in plan.artifacts:
        el = _SUB(proc, b(tag), attrs)
        if body is not None:
            _SUB(el, b("text")).text = body


# ------------------------------------------------------------------ documents, a subtree at a time


_CUT = b"<qms:cut/>"
_T_CUT = q(QMS, "cut")


def _serialise(root: etree._Element) -> bytes:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


@dataclass(slots=True)
class _Stream:
    """Writes a document one subtree at a time, byte for byte as one ``tostring`` of the whole tree.

    Why: a system's one-file export has hundreds of thousands of elements. Written a process
    (or a pool's diagram shapes) at a time, the tree never exists whole. The pretty-printer
    indents an element by its depth and nothing else, so a subtree serialised under a fresh
    copy of its open ancestors (the *spine*) comes out as it does in the whole document; the
    bytes before and after it (the spine's start and end tags) are cut off.
    ``lxml.etree.xmlfile`` cannot do this: it declares the namespaces again on every subtree
    it writes, indents from column 0 and writes ``<a></a>`` for an empty element.
    """

    spine: list[tuple[str, dict[str, str]]]  # (tag, attributes) of the root and the open elements under it
    out: io.BytesIO = field(default_factory=io.BytesIO)
    head: bytes = b""  # the spine's serialisation up to where the innermost open element's children go
    tail: bytes = b""  # from after those children to the end of the document
    written: int = 0  # how much of ``head`` is in ``out``

    def __post_init__(self) -> None:
        self._cut()

    def _cut(self) -> None:
        inner = self.fresh()
        _SUB(inner, _T_CUT)
        xml = _serialise(inner.getroottree().getroot())
        at = xml.index(_CUT)
        start = xml.rindex(b"\n", 0, at) + 1
        self.head, self.tail = xml[:start], xml[at + len(_CUT) + 1:]

    def fresh(self) -> etree._Element:
        """A new copy of the open elements; returns the innermost, to add the next subtrees to."""
        (tag, attrs), *inner = self.spine
        el = etree.Element(tag, attrs, nsmap=NSMAP)
        for tag, attrs in inner:
            el = _SUB(el, tag, attrs)
        return el

    def write(self, inner: etree._Element) -> None:
        """Write the children of ``inner`` (from :meth:`fresh`); the caller drops them after."""
        if not len(inner):
            return
        xml = _serialise(inner.getroottree().getroot())
        head, tail = self.head, self.tail
        if not (xml.startswith(head) and xml.endswith(tail)):
            raise InternalError("a subtree written on its own changed how its ancestors are written")
        self.out.write(memoryview(head)[self.written:])
        self.written = len(head)
        self.out.write(memoryview(xml)[len(head):len(xml) - len(tail)])

    def open(self, tag: str, attrs: dict[str, str]) -> None:
        """Start an element under the innermost open one; what is written next goes inside it."""
        self.spine.append((tag, attrs))
        self._cut()

    def close(self) -> None:
        """End the innermost open element (the root last)."""
        tag, attrs = self.spine[-1]
        if self.written < len(self.head):  # nothing went inside: an empty element, ``<a/>``
            self.spine.pop()
            if not self.spine:
                self.out.write(_serialise(etree.Element(tag, attrs, nsmap=NSMAP)))
                return
            self._cut()
            inner = self.fresh()
            _SUB(inner, tag, attrs)
            self.write(inner)
            return
        self.spine.pop()
        if not self.spine:
            self.out.write(self.tail)
            return
        tail = self.tail
        self._cut()
        self.out.write(tail[:len(tail) - len(self.tail)])
        self.written = len(self.head)

    def getvalue(self) -> bytes:
        """The document; every open element is closed."""
        while self.spine:
            self.close()
        return self.out.getvalue()


def _begin(ctx: _Ctx, ident: str) -> tuple[_Stream, str]:
    """The document's root, open, and the id of its collaboration (the first ids handed out)."""
    ids = ctx.ids
    stream = _Stream([(b("definitions"), {
        "id": ids.new(f"Definitions_{ident}"),
        "targetNamespace": f"urn:qms:model:{ident}",
        "exporter": _EXPORTER,
        "exporterVersion": FORMAT_VERSION,
    })])
    return stream, ids.new(f"Collaboration_{ident}")


def _document(
    ctx: _Ctx, stream: _Stream, collab_id: str, members: list[tuple[Process, _Planned | str]],
    system_json: str | None = None,
) -> bytes:
    """Write the collaboration, the processes and the diagram of planned processes and stubs (their
    participant id) under the root of ``stream``."""
    ids = ctx.ids
    plans = [plan for _, plan in members if isinstance(plan, _Planned)]
    # external participants: one per stakeholder, in order of first use
    ext_participant: dict[str, str] = {}
    for plan in plans:
        for ext in plan.externals:
            if ext not in ext_participant:
                ext_participant[ext] = ids.new(f"Participant_{ext}")
    for plan in plans:
        for m in plan.pool.messages:
            m.external = ext_participant[m.external]

    # the collaboration: a pool per process, then the external participants and the message flows
    defs = stream.fresh()
    collab = _SUB(defs, b("collaboration"), id=collab_id)
    if system_json is not None:
        _payload(_SUB(collab, _T_EXT), "system", system_json, ctx)
    stubs: list[str] = []
    for p, member in members:
        if isinstance(member, _Planned):
            _checked(p, partial(_SUB, collab, b("participant"), id=member.participant, name=ctx.text(p.name),
                                processRef=member.pid))
        else:
            _checked(p, partial(_write_stub, ctx, collab, p, member))
            stubs.append(member)
    for ext, pid in ext_participant.items():
        part = _SUB(collab, b("participant"), id=pid, name=ctx.text(ctx.stakeholders.get(ext, ext)))
        _SUB(_SUB(part, _T_EXT), q(QMS, "stakeholder"), ref=ext)
    for plan in plans:
        for mid, src, dst, name, ext_end in plan.messages:
            if ext_end == "src":
                src = ext_participant[src]
            elif ext_end == "dst":
                dst = ext_participant[dst]
            attrs = {"id": mid}
            if name:
                attrs["name"] = name
            attrs["sourceRef"] = src
            attrs["targetRef"] = dst
            _SUB(collab, b("messageFlow"), attrs)
    stream.write(defs)

    for plan in plans:
        defs = stream.fresh()
        _checked(plan.process, partial(_write_process, ctx, defs, plan))
        stream.write(defs)

    pools = [plan.pool for plan in plans]
    pools += [lay.Pool(pid, [], [], [], collapsed=True) for pid in stubs]
    diagram = lay.layout(pools, [lay.External(pid) for pid in ext_participant.values()])
    stream.open(q(BPMNDI, "BPMNDiagram"), {"id": ids.new("BPMNDiagram_1")})
    stream.open(q(BPMNDI, "BPMNPlane"), {"id": ids.new("BPMNPlane_1"), "bpmnElement": collab_id})
    _write_diagram(stream, ids, diagram, list(ext_participant.values()), plans, stubs)
    return stream.getvalue()


def _write_stub(ctx: _Ctx, collab: etree._Element, process: Process, pid: str) -> None:
    """The black-box pool of a process without steps."""
    part = _SUB(collab, b("participant"), id=pid, name=ctx.text(process.name))
    if process.purpose is not None:
        _SUB(part, _T_DOC).text = ctx.text(process.purpose)
    pext = _SUB(part, _T_EXT)
    _payload(pext, "model", _model_json(process), ctx)


def _write_diagram(
    stream: _Stream, ids: _Ids, diagram: lay.Diagram, externals: list[str], plans: list[_Planned], stubs: list[str],
) -> None:
    """Shapes and edges of the plane, a pool at a time."""
    shapes, labels, edges = diagram.shapes, diagram.labels, diagram.edges
    used = ids.used
    sub = _SUB

    def di_id(ident: str) -> str:
        di = ident + "_di"
        if di in used:
            return ids.new(di)
        used.add(di)
        return di

    def label(el: etree._Element, ident: str) -> None:
        box = labels.get(ident)
        if box is not None:
            x, y, w, h = box
            sub(sub(el, _T_LABEL), _T_BOUNDS, {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})

    def draw(members: Iterable[tuple[str, dict[str, str] | None]]) -> None:
        plane = stream.fresh()
        for ident, extra in members:
            attrs = {"id": di_id(ident), "bpmnElement": ident}
            if extra:
                attrs.update(extra)
            el = sub(plane, _T_SHAPE, attrs)
            x, y, w, h = shapes[ident]
            sub(el, _T_BOUNDS, {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})
            if ident in labels:
                label(el, ident)
        stream.write(plane)

    horizontal = {"isHorizontal": "true"}
    extras = {"callActivity": {"isExpanded": "false"}, "exclusiveGateway": {"isMarkerVisible": "true"}}
    draw((pid, horizontal) for pid in externals)
    for plan in plans:
        draw(chain([(plan.participant, horizontal)], ((band, horizontal) for band in plan.pool.bands if band),
                   ((ident, extras.get(kind)) for ident, kind in plan.shapes_di)))
    draw((pid, horizontal) for pid in stubs)
    for plan in plans:
        plane = stream.fresh()
        for ident in chain(plan.edges_di, (m[0] for m in plan.messages)):
            el = sub(plane, _T_EDGE, {"id": di_id(ident), "bpmnElement": ident})
            for x, y in edges[ident]:
                sub(el, _T_WAYPOINT, {"x": str(x), "y": str(y)})
            if ident in labels:
                label(el, ident)
        stream.write(plane)


def export_process(system: QualitySystem, process: Process, *, lang: str | None = None) -> bytes:
    """Export one process as a BPMN 2.0 file with a collaboration and DI.

    Parameters
    ----------
    system
        The system the process belongs to: it names the lanes (roles), the external pools
        (stakeholders) and called processes.
    process
        A process with steps (see :func:`exportable`).
    lang
        The language of names and documentation; default the system's default language.
        Every language is kept in the extension elements.

    Returns
    -------
    bytes
        UTF-8 XML, byte-identical for equal models.

    Notes
    -----
    One file holds a ``collaboration`` with the provider's pool (lanes for roles) and a
    collapsed pool per external stakeholder, the ``process`` and a ``BPMNDiagram`` laid out by
    :mod:`qms.bpmn.layout`. What BPMN has no element for goes into ``extensionElements`` in the
    ``qms`` namespace: the whole process as canonical JSON in ``qms:model``, in ``qms:part``
    pieces when it is longer than an XML parser takes as one text (so that import is
    lossless) and readable attributes per element (``qms:step pdca=…``, names in every language).

    Where the model has a construct that BPMN tools flag, the exporter makes it explicit with a
    *derived* gateway (marked ``qms:derived``, folded back on import): a step with several
    outgoing flows gets a split gateway, a step with several incoming flows a join gateway.

    Examples
    --------
    >>> from qms.model import Process, QualitySystem
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> s = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p])
    >>> b'<bpmn:sequenceFlow id="f_a_b" sourceRef="a" targetRef="b"/>' in export_process(s, p)
    True
    """
    with quiet_gc():  # the tree is freed before the collector is back on: it then has little to scan
        return _export_process(system, process, lang)


def _export_process(system: QualitySystem, process: Process, lang: str | None) -> bytes:
    ctx = _ctx(system, lang)
    stream, collab_id = _begin(ctx, process.process)
    return _document(ctx, stream, collab_id, [(process, _plan_process(ctx, process, ""))])


def export_system(system: QualitySystem, *, lang: str | None = None) -> bytes:
    """Export a whole system as one BPMN file: one pool per process, in one collaboration.

    Processes without steps (stubs) are black-box pools. Ids of elements inside a process
    are prefixed with ``<process id>.`` so that steps of different processes stay apart; the
    system's own data (roles, stakeholders, measures, …) is kept in ``qms:system``.
    The file is written a process at a time: the whole XML tree never exists at once.
    """
    with quiet_gc():
        return _export_system(system, lang)


def _export_system(system: QualitySystem, lang: str | None) -> bytes:
    ctx = _ctx(system, lang)
    stream, collab_id = _begin(ctx, system.system)
    system_json = _model_json(system, exclude={"processes"})
    members: list[tuple[Process, _Planned | str]] = [
        (p, _plan_process(ctx, p, f"{p.process}.") if exportable(p) else ctx.ids.new(f"Participant_{p.process}"))
        for p in system.processes
    ]
    return _document(ctx, stream, collab_id, members, system_json)
