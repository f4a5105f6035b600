"""The export's plan: every id handed out, every name and size known, before any XML is written.

:func:`plan_process` turns one process into a :class:`Planned` (flow nodes with the derived
split and join gateways, sequence flows, lanes, data, messages and the pool to lay out);
:mod:`qms.bpmn.write` writes its XML and :mod:`qms.bpmn.di` its diagram.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qms import layout as lay
from qms.bpmn.tags import T_OBJECT_REF, T_STORE_REF, export_tag
from qms.graph.build import flow_graph
from qms.graph.kinds import ACTIVITY_KINDS, GATEWAY_KINDS, KINDS
from qms.graph.process import ProcessGraph
from qms.graph.queries import joins, splits
from qms.model import Document, Process, QualitySystem, Step, slugify, text_in
from qms.model.base import Text

__all__ = ["Context", "Flow", "Ids", "Node", "Planned", "new_context", "plan_flows", "plan_process"]

_DEFAULT_HOLDERS = {row.bpmn_tag for row in KINDS.values() if row.default_holder}
_SHAPE_SIZE = {row.bpmn_tag: 0 if row.activity else 50 for row in KINDS.values() if row.activity or row.gateway}
"""Width and height of a flow node's shape by tag (36: events); 0: as wide as the name needs, 80 high."""


@dataclass(slots=True)
class Ids:
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
class Node:
    """A flow node to write: a step, or a split or join gateway derived from one."""

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
    within: str | None = None  # id of the sub-process node this node is drawn in


@dataclass(slots=True)
class Flow:
    """A sequence flow to write: one of the model, or one that links a derived gateway."""

    id: str
    src: str
    dst: str
    name: str = ""
    condition: str | None = None
    derived_condition: bool = False
    derived_name: bool = False
    derived: bool = False
    label: Text | None = None
    xml: str | None = None  # what the model has no field for, written back as it is


@dataclass(slots=True)
class Context:
    """What every part of one export shares: the system, the language and the ids handed out."""

    system: QualitySystem
    lang: str
    ids: Ids
    roles: dict[str, Text]
    stakeholders: dict[str, Text]
    processes: dict[str, Text]

    def text(self, value: Text | None) -> str:
        """``value`` in the export's language."""
        return text_in(value, self.lang, self.system.default_language)


def new_context(system: QualitySystem, lang: str | None) -> Context:
    """The context of one export of ``system`` in ``lang`` (default: the system's language)."""
    return Context(
        system=system,
        lang=lang or system.default_language,
        ids=Ids(),
        roles={r.id: r.name for r in system.roles},
        stakeholders={s.id: s.name for s in system.stakeholders},
        processes={p.process: p.name for p in system.processes},
    )


def _step_name(ctx: Context, step: Step, label: Text | None) -> str:
    if label is None and step.call:
        label = ctx.processes.get(step.call, step.call)
    return ctx.text(label) or step.id


def plan_flows(ctx: Context, process: Process, prefix: str) -> tuple[list[Node], list[Flow], dict[str, Node]]:
    """Flow nodes and sequence flows of one process, with derived split and join gateways.

    A step with several incoming flows gets a join gateway before it, and one that is no
    gateway but has several outgoing flows a split gateway after it (:func:`qms.graph.queries.joins`,
    :func:`~qms.graph.queries.splits`). Returns the nodes in document order, the flows and
    the nodes by id.
    """
    g = flow_graph(process)
    nodes, by_step = _step_nodes(ctx, process, prefix)
    flows, by_pos = _sequence_flows(ctx, process, g, by_step, prefix)
    index = {node.id: node for node in nodes}
    if process.gateways == "drawn":  # an imported process goes back as it was drawn
        for fl in flows:
            index[fl.src].outgoing.append(fl.id)
            index[fl.dst].incoming.append(fl.id)
        return nodes, flows, index
    joins_of, splits_of, links, source_of = _derived_gateways(ctx.ids, g, by_step, by_pos, index)
    for node in nodes:  # only activities and exclusive/inclusive gateways may name a default flow
        if node.default and node.tag not in _DEFAULT_HOLDERS:
            node.default = None
    _name_conditions(g, by_step, by_pos, source_of, index)
    if links:  # each derived join just before its step, each split just after
        nodes = [x for node in nodes for x in (*joins_of.get(node.id, ()), node, *splits_of.get(node.id, ()))]
    flows.extend(links)
    for fl in flows:
        index[fl.src].outgoing.append(fl.id)
        index[fl.dst].incoming.append(fl.id)
    return nodes, flows, index


def _step_nodes(ctx: Context, process: Process, prefix: str) -> tuple[list[Node], dict[str, Node]]:
    """A node per step, named in the export's language; the ids are handed out in step order."""
    nodes: list[Node] = []
    by_step: dict[str, Node] = {}
    drawn = process.gateways == "drawn"  # as drawn: an unnamed step stays unnamed
    for step in process.steps:
        kind = step.kind
        label = step.name if kind == "call" else getattr(step, kind)
        name = label if type(label) is str else _step_name(ctx, step, label)  # a plain name: the common case
        tag = export_tag(kind, step.throw, step.trigger, type_=step.type, attached=step.attached_to is not None)
        node = Node(ctx.ids.new(step.bpmn_id or prefix + step.id), tag, name if drawn else name or step.id,
                    step.lane, step, kind, label)
        nodes.append(node)
        by_step[step.id] = node
    for node in nodes:
        assert node.step is not None
        parent = by_step.get(node.step.within or "")
        node.within = parent.id if parent is not None else None
    return nodes, by_step


def _sequence_flows(ctx: Context, process: Process, g: ProcessGraph, by_step: dict[str, Node],
                    prefix: str) -> tuple[list[Flow], dict[int, Flow]]:
    """A flow per sequence flow between two steps (a dangling one the loader reports), by position."""
    flow_ids = process.flow_ids()
    flows: list[Flow] = []
    by_pos: dict[int, Flow] = {}
    for f in g.flows:
        src, dst = by_step[f.src], by_step[f.dst]
        # a condition needs a name in a diagram
        name = (ctx.text(f.label) if f.label is not None else "") or f.condition or ""
        model = f.flow
        flow = Flow(ctx.ids.new(model.bpmn_id or prefix + flow_ids[f.pos]), src.id, dst.id, name, f.condition,
                    label=f.label, xml=model.xml)
        if f.default:
            src.default = flow.id
        flows.append(flow)
        by_pos[f.pos] = flow
    return flows, by_pos


def _derived_gateways(
    ids: Ids, g: ProcessGraph, by_step: dict[str, Node], by_pos: dict[int, Flow], index: dict[str, Node],
) -> tuple[dict[str, list[Node]], dict[str, list[Node]], list[Flow], dict[str, Node]]:
    """The join and split gateways that make the model's implicit joins and splits explicit.

    Returns the joins and the splits by the id of their step's node, the flows that link
    them to their step, and the split each step's outgoing flows now leave from.
    """
    joining, splitting = set(joins(g)), set(splits(g))
    joins_of: dict[str, list[Node]] = {}
    splits_of: dict[str, list[Node]] = {}
    links: list[Flow] = []
    source_of: dict[str, Node] = {}
    for sid, node in by_step.items():
        gateway = node.kind in GATEWAY_KINDS
        if sid in joining and node.kind != "start" and (not gateway or sid in splitting):
            tag = KINDS[node.kind].bpmn_tag if gateway else "exclusiveGateway"
            join = Node(ids.new(f"{node.id}_join"), tag, "", node.lane, derived=("join", sid))
            index[join.id] = join
            for f in g.inc[sid]:
                by_pos[f.pos].dst = join.id
            links.append(Flow(ids.new(f"f_{node.id}_join"), join.id, node.id, derived=True))
            joins_of[node.id] = [join]
        if sid in splitting and not gateway:
            outs = [by_pos[f.pos] for f in g.out[sid]]
            split = _split_gateway(ids, node, outs)
            index[split.id] = split
            source_of[node.id] = split
            links.append(Flow(ids.new(f"f_{node.id}_split"), node.id, split.id, derived=True))
            splits_of[node.id] = [split]
    return joins_of, splits_of, links, source_of


def _split_gateway(ids: Ids, node: Node, outs: list[Flow]) -> Node:
    """The split after ``node``: exclusive when a branch is labelled or a default, else parallel."""
    assert node.step is not None
    labelled = [fl for fl in outs if fl.name or fl.condition]
    tag = "exclusiveGateway" if labelled or node.default else "parallelGateway"
    name = " / ".join(fl.name or fl.condition or "" for fl in outs) if labelled else ""
    split = Node(ids.new(f"{node.id}_split"), tag, name, node.lane, derived=("split", node.step.id))
    if node.default:
        split.default, node.default = node.default, None
    for fl in outs:
        fl.src = split.id
    return split


def _name_conditions(g: ProcessGraph, by_step: dict[str, Node], by_pos: dict[int, Flow],
                     source_of: dict[str, Node], index: dict[str, Node]) -> None:
    """A conditional fork: every flow that is not the default needs a condition (derived flows need none)."""
    for sid in dict.fromkeys(f.src for f in g.flows):
        node = by_step[sid]
        outs = [by_pos[f.pos] for f in g.out[sid]]
        source = source_of.get(node.id) or node
        if len(outs) == 1 and not source.default and not outs[0].condition:
            continue  # one plain flow: nothing to make explicit
        targets = [fl.dst for fl in outs]
        twice = len(set(targets)) < len(targets)  # two branches to one target must differ
        if not (source.default or twice or any(fl.condition for fl in outs)):
            continue
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


@dataclass(slots=True)
class Planned:
    """One process with every id handed out and every name and size known: what its XML and its
    pool's DI are written from."""

    process: Process
    pid: str
    participant: str
    nodes: list[Node]
    flows: list[Flow]
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


@dataclass(slots=True)
class _Lanes:
    order: list[str]  # the roles, top to bottom
    ids: dict[str, str]  # role → lane id
    bands: list[str]  # lane id per band of the pool ("": the band of steps without a lane)
    lane_set: str


@dataclass(slots=True)
class _Artifacts:
    """The data, stores and notes of a process's steps, and their associations."""

    prefix: str
    data_object: dict[str, str]  # document id → data object id
    refs: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    artifacts: list[tuple[str, dict[str, str], str | None]] = field(default_factory=list)
    shapes: list[tuple[str, str]] = field(default_factory=list)
    edges_di: list[str] = field(default_factory=list)


def plan_process(ctx: Context, process: Process, prefix: str) -> Planned:
    """Hand out the ids of one process (in the order that decides the suffixes of clashing ids)
    and size its shapes; no XML yet.

    The ids of a process drawn in another tool are its own (no prefix): they were unique in its file.
    """
    ids = ctx.ids
    if process.gateways == "drawn":
        prefix = ""
    nodes, flows, _index = plan_flows(ctx, process, prefix)
    message_ids = [ids.new(m.bpmn_id or prefix + mid) for m, mid in zip(process.messages, process.message_ids(),
                                                                        strict=True)]
    own = process.bpmn_id or process.process
    pid = own if own not in ids.used else ids.new(f"Process_{process.process}")
    ids.used.add(pid)
    participant = ids.new(f"Participant_{process.process}")
    lanes = _plan_lanes(ids, process, nodes, prefix)
    # data objects: one per document, a reference per use; data stores per use
    used_docs: list[str] = list(dict.fromkeys(d for s in process.steps for d in (*s.documents, *s.reads)))
    arts = _Artifacts(prefix, {doc: ids.new(f"{prefix}DataObject_{doc}") for doc in used_docs})
    docs = {d.id: d for d in process.documents}
    band_of = {role: i for i, role in enumerate(lanes.order)}
    layout_nodes: list[lay.Node] = []
    for node in nodes:
        lnode = _layout_node(node, len(lanes.order) if node.lane is None else band_of[node.lane])
        layout_nodes.append(lnode)
        arts.shapes.append((node.id, node.tag))
        step = node.step
        if step is not None and (step.documents or step.reads or step.systems or step.note is not None):
            _plan_artifacts(ctx, arts, node, step, lnode, docs)
    layout_edges = [lay.Edge(fl.id, fl.src, fl.dst, *(lay.label_size(fl.name) if fl.name else (0, 0)))
                    for fl in flows]
    externals, messages, layout_messages, links = _plan_messages(ctx, process, nodes, message_ids)
    pool = lay.Pool(participant, lanes.bands, layout_nodes, layout_edges, layout_messages, links=links)
    return Planned(process, pid, participant, nodes, flows, [(r, lanes.ids[r]) for r in lanes.order], lanes.lane_set,
                   [(doc, arts.data_object[doc]) for doc in used_docs], arts.refs, arts.artifacts, pool, externals,
                   messages, [fl.id for fl in flows] + arts.edges_di, arts.shapes)


def _plan_lanes(ids: Ids, process: Process, nodes: list[Node], prefix: str) -> _Lanes:
    """The process's lanes, then lanes only steps name, then a band for steps without one."""
    order: list[str] = list(dict.fromkeys(process.lanes))
    for n in nodes:
        if n.lane is not None and n.lane not in order:
            order.append(n.lane)
    lane_ids = {role: ids.new(process.bpmn_lanes.get(role) or f"{prefix}Lane_{role}") for role in order}
    bands = [lane_ids[r] for r in order]
    if any(n.lane is None for n in nodes) or not bands:
        bands.append("")
    lane_set = ids.new(f"{prefix}LaneSet_{process.process}") if order else ""
    return _Lanes(order, lane_ids, bands, lane_set)


def _layout_node(node: Node, band: int) -> lay.Node:
    """The node's shape as the layout sees it: events and gateways square, tasks as wide as their name."""
    size = _SHAPE_SIZE.get(node.tag, 36)
    if size:
        return lay.Node(node.id, band, size, size, *lay.label_size(node.name))
    return lay.Node(node.id, band, lay.task_width(node.name), lay.TASK_H)  # tasks: the name is inside


def _plan_artifacts(ctx: Context, arts: _Artifacts, node: Node, step: Step, lnode: lay.Node,
                    docs: dict[str, Document]) -> None:
    """The documents, stores and note of one step, each with the association that links it."""
    ids, prefix, sid = ctx.ids, arts.prefix, step.id
    activity = node.kind in ACTIVITY_KINDS
    inputs: list[tuple[str, str]] = []
    outputs: list[tuple[str, str]] = []
    for doc, incoming in [(d, False) for d in step.documents] + [(d, True) for d in step.reads]:
        ref = ids.new(f"{prefix}DataObjectReference_{sid}_{doc}")
        dname = ctx.text(docs[doc].name) if doc in docs else doc
        arts.refs.append((T_OBJECT_REF, {"id": ref, "name": dname, "dataObjectRef": arts.data_object[doc]}))
        assoc = ids.new(f"{prefix}{'DataInputAssociation' if incoming else 'DataOutputAssociation'}_{sid}_{doc}"
                        if activity else f"{prefix}Association_{sid}_{doc}")
        lnode.artifacts.append(lay.Artifact(ref, 36, 50, assoc, incoming, lay.label_size(dname)[1]))
        arts.shapes.append((ref, "data"))
        arts.edges_di.append(assoc)
        (inputs if incoming else outputs).append((assoc, ref))
    for system in step.systems:
        sname = ctx.text(system)
        slug = slugify(text_in(system, ctx.system.default_language))
        ref = ids.new(f"{prefix}DataStoreReference_{sid}_{slug}")
        arts.refs.append((T_STORE_REF, {"id": ref, "name": sname}))
        assoc = ids.new(f"{prefix}DataOutputAssociation_{sid}_{slug}"
                        if activity else f"{prefix}Association_{sid}_{slug}")
        lnode.artifacts.append(lay.Artifact(ref, 50, 50, assoc, False, lay.label_size(sname)[1]))
        arts.shapes.append((ref, "store"))
        arts.edges_di.append(assoc)
        outputs.append((assoc, ref))
    if step.note is not None:
        _plan_note(ctx, arts, node, step, lnode)
    _associate(ids, arts, node, activity, inputs, outputs, f"{prefix}Property_{sid}")


def _plan_note(ctx: Context, arts: _Artifacts, node: Node, step: Step, lnode: lay.Node) -> None:
    """A text annotation for the step's note, and its association."""
    note = ctx.ids.new(f"{arts.prefix}TextAnnotation_{step.id}")
    text = ctx.text(step.note)
    arts.artifacts.append(("textAnnotation", {"id": note}, text))
    assoc = ctx.ids.new(f"{arts.prefix}Association_{step.id}_note")
    arts.artifacts.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": note}, None))
    lines = max(1, lay.label_size(text, 110)[1] // lay.LINE_H)
    lnode.artifacts.append(lay.Artifact(note, 120, 12 + lines * lay.LINE_H, assoc))
    arts.shapes.append((note, "note"))
    arts.edges_di.append(assoc)


def _associate(ids: Ids, arts: _Artifacts, node: Node, activity: bool, inputs: list[tuple[str, str]],
               outputs: list[tuple[str, str]], prop: str) -> None:
    """An activity holds data associations; any other node is linked to its data by plain associations."""
    if activity:
        if inputs:
            node.prop = ids.new(prop)
        node.inputs, node.outputs = inputs, outputs
        return
    for assoc, ref in inputs:
        arts.artifacts.append(("association", {"id": assoc, "sourceRef": ref, "targetRef": node.id,
                                               "associationDirection": "One"}, None))
    for assoc, ref in outputs:
        arts.artifacts.append(("association", {"id": assoc, "sourceRef": node.id, "targetRef": ref,
                                               "associationDirection": "One"}, None))


def _plan_messages(
    ctx: Context, process: Process, nodes: list[Node], message_ids: list[str],
) -> tuple[dict[str, str], list[tuple[str, str, str, str, str]], list[lay.Message], list[lay.Edge]]:
    """External participants, message flows, and what the layout needs of them."""
    externals: dict[str, str] = {}
    messages: list[tuple[str, str, str, str, str]] = []
    layout_messages: list[lay.Message] = []
    links: list[lay.Edge] = []
    steps = {s.id for s in process.steps}
    index_of = {n.step.id: n.id for n in nodes if n.step is not None}
    for mid, m in zip(message_ids, process.messages, strict=True):
        name = ctx.text(m.name) if m.name is not None else ""
        lw, lh = lay.label_size(name) if name else (0, 0)
        if m.from_ in steps and m.to in steps:  # inside the pool: BPMN frowns on it, but it is the model
            messages.append((mid, index_of[m.from_], index_of[m.to], name, ""))
            links.append(lay.Edge(mid, index_of[m.from_], index_of[m.to], lw, lh))
            continue
        if m.from_ in steps and m.to not in steps:
            node_id, ext_id, incoming = index_of[m.from_], m.to, False
        elif m.to in steps and m.from_ not in steps:
            node_id, ext_id, incoming = index_of[m.to], m.from_, True
        else:
            continue  # no end is a step: the loader reports it
        externals.setdefault(ext_id, "")
        messages.append((mid, node_id, ext_id, name, "dst") if not incoming else (mid, ext_id, node_id, name, "src"))
        layout_messages.append(lay.Message(mid, node_id, ext_id, incoming, lw, lh))
    return externals, messages, layout_messages, links
