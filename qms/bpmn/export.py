"""Model → BPMN 2.0 XML with diagram interchange (DI): pure functions that return bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
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
from qms.errors import Problem, UserError
from qms.location import SourceLocation
from qms.memory import quiet_gc
from qms.model import LANGUAGES, Process, QualitySystem, Step, slugify, text_in
from qms.model.base import Text

__all__ = ["FORMAT_VERSION", "export_process", "export_system", "exportable", "quiet_gc"]

FORMAT_VERSION = "1"
"""Version of the ``qms:model`` payload; bump it when its meaning changes."""

_EXPORTER = "qms"
_T = TypeVar("_T")
_GATEWAY_KINDS = {"decision", "parallel", "inclusive"}
_ACTIVITY_KINDS = {"task", "call"}
_DEFAULT_HOLDERS = {"task", "callActivity", "exclusiveGateway", "inclusiveGateway"}
_JOIN_TAG = {"decision": "exclusiveGateway", "parallel": "parallelGateway", "inclusive": "inclusiveGateway"}
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


# quiet_gc moved to qms.memory; kept importable from here.


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
    nodes: list[_Node] = []
    by_step: dict[str, _Node] = {}
    for step in process.steps:
        kind = step.kind
        label = step.name if kind == "call" else getattr(step, kind)
        node = _Node(ids.new(prefix + step.id), export_tag(kind, step.throw, step.trigger),
                     _step_name(ctx, step, label), step.lane, step, kind, label)
        nodes.append(node)
        by_step[step.id] = node
    flows: list[_Flow] = []
    for fid, f in zip(process.flow_ids(), process.flow, strict=True):
        src, dst = by_step.get(f.from_), by_step.get(f.to)
        if src is None or dst is None:
            continue  # a dangling flow: the loader reports it
        name = ctx.text(f.label) if f.label is not None else ""
        flow = _Flow(ids.new(prefix + fid), src.id, dst.id, name, f.condition, label=f.label)
        if f.default:
            src.default = flow.id
        flows.append(flow)

    out: dict[str, list[_Flow]] = {}
    inc: dict[str, list[_Flow]] = {}
    for fl in flows:
        out.setdefault(fl.src, []).append(fl)
        inc.setdefault(fl.dst, []).append(fl)
    extra_nodes: dict[str, list[_Node]] = {}
    extra_flows: list[_Flow] = []
    for node in nodes:
        assert node.step is not None
        kind = node.kind
        gateway = kind in _GATEWAY_KINDS
        outs, ins = out.get(node.id, []), inc.get(node.id, [])
        if len(ins) > 1 and kind != "start" and (not gateway or len(outs) > 1):
            tag = _JOIN_TAG.get(kind, "exclusiveGateway")
            join = _Node(ids.new(f"{node.id}_join"), tag, "", node.lane, derived=("join", node.step.id))
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
            if node.default:
                split.default, node.default = node.default, None
            for fl in outs:
                fl.src = split.id
            extra_flows.append(_Flow(ids.new(f"f_{node.id}_split"), node.id, split.id, derived=True))
            extra_nodes.setdefault(node.id, []).append(split)
    if extra_nodes:
        merged: list[_Node] = []
        for node in nodes:
            ext = extra_nodes.get(node.id, [])
            merged.extend(x for x in ext if x.derived and x.derived[0] == "join")
            merged.append(node)
            merged.extend(x for x in ext if x.derived and x.derived[0] == "split")
        nodes = merged
    flows.extend(extra_flows)
    index = {n.id: n for n in nodes}
    for fl in flows:
        index[fl.src].outgoing.append(fl.id)
        index[fl.dst].incoming.append(fl.id)
    # only activities and exclusive/inclusive gateways may name a default flow (the JSON keeps it)
    for node in nodes:
        if node.default and node.tag not in _DEFAULT_HOLDERS:
            node.default = None
    # a conditional fork: every flow that is not the default needs a condition
    by_src: dict[str, list[_Flow]] = {}
    for fl in flows:
        by_src.setdefault(fl.src, []).append(fl)
    for src_id, outs in by_src.items():
        source = index[src_id]
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
    for fl in flows:
        if fl.condition and not fl.name:  # a condition needs a name in a diagram
            fl.name = fl.condition
    return nodes, flows, index


# ------------------------------------------------------------------ XML helpers


def _names(parent: etree._Element, value: Text | None, tag: str = "name") -> None:
    """``<qms:name lang="fi">…</qms:name>`` for every language of a translated text."""
    if isinstance(value, dict):
        for lang in LANGUAGES:
            if lang in value:
                _SUB(parent, q(QMS, tag), lang=lang).text = value[lang]


def _bounds(parent: etree._Element, box: lay.Box) -> None:
    x, y, w, h = box
    _SUB(parent, _T_BOUNDS, x=str(x), y=str(y), width=str(w), height=str(h))


def _json(data: Any) -> str:
    """Compact JSON with sorted keys: equal models give equal bytes (qms import restores the order)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _model_json(obj: Any, exclude: set[str] | None = None) -> str:
    return _json(obj.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude=exclude))


# ------------------------------------------------------------------ one process


@dataclass(slots=True)
class _Emitted:
    participant: str
    pool: lay.Pool
    externals: dict[str, str]  # external end id → participant id
    messages: list[tuple[str, str, str, str, str]]  # (id, source, target, name, "src" | "dst" | "")
    edges_di: list[str]  # ids of edges drawn (sequence flows, associations)
    shapes_di: list[tuple[str, str]]  # (id, kind) of shapes drawn in the pool


def _step_extension(ctx: _Ctx, parent: etree._Element, step: Step, label: Text | None) -> None:
    attrs: dict[str, str] = {}
    if step.pdca:
        attrs["pdca"] = step.pdca
    if step.phase:
        attrs["phase"] = step.phase
    if step.when is not None:
        attrs["when"] = ctx.text(step.when)
    multilingual = isinstance(label, dict) and len(label) > 1
    if not attrs and not multilingual and not step.raci:
        return
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
    _SUB(ext, q(QMS, "model"), version=FORMAT_VERSION, lang=ctx.lang).text = _model_json(process)


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


def _emit_process(
    ctx: _Ctx, defs: etree._Element, process: Process, prefix: str, collab: etree._Element,
) -> _Emitted:
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

    proc = _SUB(defs, b("process"), id=pid, name=ctx.text(process.name), isExecutable="false")
    if process.purpose is not None:
        _SUB(proc, _T_DOC).text = ctx.text(process.purpose)
    _process_extension(ctx, proc, process)
    if lane_order:
        lane_set = _SUB(proc, b("laneSet"), id=ids.new(f"{prefix}LaneSet_{process.process}"))
        members: dict[str, list[str]] = {r: [] for r in lane_order}
        for n in nodes:
            if n.lane is not None:
                members[n.lane].append(n.id)
        for role in lane_order:
            lane = _SUB(lane_set, b("lane"), id=lane_ids[role], name=ctx.text(ctx.roles.get(role, role)))
            _SUB(_SUB(lane, _T_EXT), q(QMS, "role"), ref=role)
            for ref in members[role]:
                _SUB(lane, _T_FNREF).text = ref

    # data objects: one per document, a reference per use; data stores per use
    docs = {d.id: d for d in process.documents}
    used_docs: list[str] = list(dict.fromkeys(d for s in process.steps for d in (*s.documents, *s.reads)))
    data_object = {doc: ids.new(f"{prefix}DataObject_{doc}") for doc in used_docs}
    for doc in used_docs:
        d = docs.get(doc)
        obj = _SUB(proc, b("dataObject"), id=data_object[doc], name=ctx.text(d.name) if d else doc)
        _SUB(_SUB(obj, _T_EXT), q(QMS, "document"), ref=doc)

    layout_nodes: list[lay.Node] = []
    refs: list[tuple[str, dict[str, str]]] = []  # data references, written after the flow nodes
    artifacts_xml: list[tuple[str, dict[str, str], str | None]] = []  # (tag, attrs, text)
    shapes: list[tuple[str, str]] = []
    edges_di: list[str] = []
    for node in nodes:
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

        band = band_of[node.lane] if node.lane is not None else no_lane
        if node.tag in ("task", "callActivity"):
            w, h, lw, lh = lay.task_width(node.name), 80, 0, 0
        elif node.tag.endswith("Gateway"):
            w = h = 50
            lw, lh = lay.label_size(node.name)
        else:
            w = h = 36
            lw, lh = lay.label_size(node.name)
        lnode = lay.Node(node.id, band, w, h, lw, lh)
        layout_nodes.append(lnode)
        shapes.append((node.id, node.tag))
        if step is None:
            continue
        activity = node.kind in _ACTIVITY_KINDS
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
            artifacts_xml.append(("textAnnotation", {"id": note}, text))
            assoc = ids.new(f"{prefix}Association_{sid}_note")
            artifacts_xml.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": note}, None))
            lines = max(1, lay.label_size(text, 110)[1] // lay.LINE_H)
            lnode.artifacts.append(lay.Artifact(note, 120, 12 + lines * lay.LINE_H, assoc))
            shapes.append((note, "note"))
            edges_di.append(assoc)
        if activity:
            if inputs:
                prop = ids.new(f"{prefix}Property_{sid}")
                _SUB(el, b("property"), id=prop, name="__targetRef_placeholder")
                for assoc, ref in inputs:
                    da = _SUB(el, b("dataInputAssociation"), id=assoc)
                    _SUB(da, b("sourceRef")).text = ref
                    _SUB(da, b("targetRef")).text = prop
            for assoc, ref in outputs:
                da = _SUB(el, b("dataOutputAssociation"), id=assoc)
                _SUB(da, b("targetRef")).text = ref
        else:
            for assoc, ref in inputs:
                artifacts_xml.append(("association", {"id": assoc, "sourceRef": ref, "targetRef": node.id,
                                                      "associationDirection": "One"}, None))
            for assoc, ref in outputs:
                artifacts_xml.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": ref,
                                                      "associationDirection": "One"}, None))
        if node.kind in ("start", "end", "event"):
            _event_definition(ctx, el, step, node.label)

    for tag, ref_attrs in refs:
        _SUB(proc, tag, ref_attrs)
    layout_edges: list[lay.Edge] = []
    for fl in flows:
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
        lw, lh = lay.label_size(fl.name) if fl.name else (0, 0)
        layout_edges.append(lay.Edge(fl.id, fl.src, fl.dst, lw, lh))
    for tag, attrs, body in artifacts_xml:
        el = _SUB(proc, b(tag), attrs)
        if body is not None:
            _SUB(el, b("text")).text = body

    # the pool, external participants and message flows
    part = etree.Element(b("participant"), id=participant, name=ctx.text(process.name), processRef=pid)
    collab.append(part)
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
    return _Emitted(participant, pool, externals, messages, edges_di, shapes)


# ------------------------------------------------------------------ documents


def _definitions(ids: _Ids, ident: str) -> etree._Element:
    return etree.Element(
        b("definitions"),
        nsmap=NSMAP,
        id=ids.new(f"Definitions_{ident}"),
        targetNamespace=f"urn:qms:model:{ident}",
        exporter=_EXPORTER,
        exporterVersion=FORMAT_VERSION,
    )


def _finish(
    ctx: _Ctx, defs: etree._Element, collab: etree._Element, emitted: list[_Emitted],
    stubs: list[tuple[str, Process]],
) -> bytes:
    ids = ctx.ids
    # external participants: one per stakeholder, in order of first use
    ext_participant: dict[str, str] = {}
    for em in emitted:
        for ext in em.externals:
            if ext not in ext_participant:
                ext_participant[ext] = ids.new(f"Participant_{ext}")
    for ext, pid in ext_participant.items():
        part = _SUB(collab, b("participant"), id=pid, name=ctx.text(ctx.stakeholders.get(ext, ext)))
        _SUB(_SUB(part, _T_EXT), q(QMS, "stakeholder"), ref=ext)
    for em in emitted:
        for mid, src, dst, name, ext_end in em.messages:
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
        for m in em.pool.messages:
            m.external = ext_participant[m.external]
    pools = [em.pool for em in emitted]
    for pid, _ in stubs:
        pools.append(lay.Pool(pid, [], [], [], collapsed=True))
    externals = [lay.External(pid) for pid in ext_participant.values()]
    diagram = lay.layout(pools, externals)

    dia = _SUB(defs, q(BPMNDI, "BPMNDiagram"), id=ids.new("BPMNDiagram_1"))
    plane = _SUB(dia, q(BPMNDI, "BPMNPlane"), id=ids.new("BPMNPlane_1"), bpmnElement=collab.get("id"))
    shapes, labels, edges = diagram.shapes, diagram.labels, diagram.edges

    used = ids.used

    def di_id(ident: str) -> str:
        di = ident + "_di"
        if di in used:
            return ids.new(di)
        used.add(di)
        return di

    def shape(ident: str, extra: dict[str, str] | None = None) -> None:
        attrs = {"id": di_id(ident), "bpmnElement": ident}
        if extra:
            attrs.update(extra)
        el = _SUB(plane, _T_SHAPE, attrs)
        x, y, w, h = shapes[ident]
        _SUB(el, _T_BOUNDS, {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})
        lab = labels.get(ident)
        if lab is not None:
            _bounds(_SUB(el, _T_LABEL), lab)

    horizontal = {"isHorizontal": "true"}
    extras = {"callActivity": {"isExpanded": "false"}, "exclusiveGateway": {"isMarkerVisible": "true"}}
    for pid in ext_participant.values():
        shape(pid, horizontal)
    for em in emitted:
        shape(em.participant, horizontal)
        for band in em.pool.bands:
            if band:
                shape(band, horizontal)
        for ident, kind in em.shapes_di:
            shape(ident, extras.get(kind))
    for pid, _ in stubs:
        shape(pid, horizontal)
    sub = _SUB
    for em in emitted:
        for ident in [*em.edges_di, *(m[0] for m in em.messages)]:
            el = sub(plane, _T_EDGE, {"id": di_id(ident), "bpmnElement": ident})
            for x, y in edges[ident]:
                sub(el, _T_WAYPOINT, {"x": str(x), "y": str(y)})
            lab = labels.get(ident)
            if lab is not None:
                _bounds(sub(el, _T_LABEL), lab)
    xml: bytes = etree.tostring(defs, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


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
    ``qms`` namespace: the whole process as canonical JSON in ``qms:model`` (so that import is
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
    with quiet_gc():
        ctx = _ctx(system, lang)
        defs = _definitions(ctx.ids, process.process)
        collab = _SUB(defs, b("collaboration"), id=ctx.ids.new(f"Collaboration_{process.process}"))
        emitted = _checked(process, lambda: _emit_process(ctx, defs, process, "", collab))
        return _finish(ctx, defs, collab, [emitted], [])


def export_system(system: QualitySystem, *, lang: str | None = None) -> bytes:
    """Export a whole system as one BPMN file: one pool per process, in one collaboration.

    Processes without steps (stubs) are black-box pools. Ids of elements inside a process
    are prefixed with ``<process id>.`` so that steps of different processes stay apart; the
    system's own data (roles, stakeholders, measures, …) is kept in ``qms:system``.
    """
    with quiet_gc():
        return _export_system(system, lang)


def _export_system(system: QualitySystem, lang: str | None) -> bytes:
    ctx = _ctx(system, lang)
    defs = _definitions(ctx.ids, system.system)
    collab = _SUB(defs, b("collaboration"), id=ctx.ids.new(f"Collaboration_{system.system}"))
    ext = _SUB(collab, _T_EXT)
    _SUB(ext, q(QMS, "system"), version=FORMAT_VERSION, lang=ctx.lang).text = _model_json(
        system, exclude={"processes"}
    )
    emitted: list[_Emitted] = []
    stubs: list[tuple[str, Process]] = []
    for p in system.processes:
        if exportable(p):
            emitted.append(_checked(p, partial(_emit_process, ctx, defs, p, f"{p.process}.", collab)))
        else:
            pid = ctx.ids.new(f"Participant_{p.process}")
            part = _SUB(collab, b("participant"), id=pid, name=ctx.text(p.name))
            if p.purpose is not None:
                _SUB(part, _T_DOC).text = ctx.text(p.purpose)
            pext = _SUB(part, _T_EXT)
            _SUB(pext, q(QMS, "model"), version=FORMAT_VERSION, lang=ctx.lang).text = _model_json(p)
            stubs.append((pid, p))
    return _finish(ctx, defs, collab, emitted, stubs)
