"""Model → typed networkx graphs: one process, or the whole system architecture."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, TypeVar

import networkx as nx

from qms.graph.kinds import KINDS, kind_of, step_kind
from qms.graph.process import FlowData, NodeData, ProcessGraph
from qms.model import Process, QualitySystem, slugify, text_in

__all__ = ["adjacency_graph", "digraph", "flow_graph", "process_graph", "system_graph"]

N = TypeVar("N", bound=Hashable)


def process_graph(process: Process) -> nx.MultiDiGraph:
    """Build the typed graph of one process.

    Nodes are the steps (``kind`` = start, end, event, task, gateway or subprocess,
    plus ``step_kind``, ``gateway``, ``label``, ``lane``, ``pdca``, ``step`` = the model
    object, ``loc``), the external participants of message flows (``kind="participant"``),
    documents (``kind="data"``) and information systems (``kind="datastore"``).
    Edges carry ``kind`` = sequence, message or association, ``id`` and the model object.
    Sequence edges are keyed by their flow id, so two flows between the same steps stay two.

    Examples
    --------
    >>> from qms.model import Process
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> g = process_graph(p)
    >>> g.nodes["a"]["kind"], list(g.edges(keys=True))
    ('start', [('a', 'b', 'f_a_b')])
    """
    g = nx.MultiDiGraph(process=process.process, name=process.name)
    for step in process.steps:
        nk = kind_of(step.kind)
        g.add_node(
            step.id,
            kind=nk.graph_kind,
            step_kind=step.kind,
            gateway=nk.gateway,
            label=step.label,
            lane=step.lane,
            pdca=step.pdca,
            step=step,
            loc=step.loc,
        )
    for fid, flow in zip(process.flow_ids(), process.flow, strict=True):
        g.add_edge(
            flow.from_, flow.to, key=fid, kind="sequence", id=fid, label=flow.label,
            condition=flow.condition, default=flow.default, flow=flow, loc=flow.loc,
        )
    for mid, msg in zip(process.message_ids(), process.messages, strict=True):
        for end in (msg.from_, msg.to):
            if end not in g:
                g.add_node(end, kind="participant", label=None, loc=msg.loc)
        g.add_edge(msg.from_, msg.to, key=mid, kind="message", id=mid, label=msg.name, flow=msg,
                   loc=msg.loc)
    docs = {d.id: d for d in process.documents}
    for step in process.steps:
        for doc_id in step.documents:
            _data_node(g, doc_id, docs)
            g.add_edge(step.id, doc_id, key=f"a_{step.id}_{doc_id}", kind="association",
                       id=f"a_{step.id}_{doc_id}", direction="output")
        for doc_id in step.reads:
            _data_node(g, doc_id, docs)
            g.add_edge(doc_id, step.id, key=f"a_{doc_id}_{step.id}", kind="association",
                       id=f"a_{doc_id}_{step.id}", direction="input")
        for system in step.systems:
            sid = "ds_" + slugify(text_in(system, "fi"))
            if sid not in g:
                g.add_node(sid, kind="datastore", label=system, loc=step.loc)
            g.add_edge(step.id, sid, key=f"a_{step.id}_{sid}", kind="association",
                       id=f"a_{step.id}_{sid}", direction="uses")
    return g


def _data_node(g: nx.MultiDiGraph, doc_id: str, docs: dict) -> None:  # type: ignore[type-arg]
    if doc_id not in g:
        doc = docs.get(doc_id)
        g.add_node(doc_id, kind="data", label=doc.name if doc else doc_id, document=doc,
                   loc=doc.loc if doc else None)


def system_graph(system: QualitySystem) -> nx.MultiDiGraph:
    """Build the architecture graph of a system.

    Nodes: processes (``kind="process"``, ``category``, ``process`` = model object) and
    stakeholders (``kind="stakeholder"``). Edges (``kind``):
    ``call`` (a step calls another process), ``handoff`` (an output ``to:`` or an input
    ``from:`` names another process, ``label`` = the item's name), ``interaction``
    (a message flow with a stakeholder; direction as in the process), ``parent``
    (process → its parent process) and ``customer`` (process → a customer stakeholder).
    """
    g = nx.MultiDiGraph(system=system.system)
    stakeholders = {s.id for s in system.stakeholders}
    for p in system.processes:
        g.add_node(p.process, kind="process", category=p.category, label=p.name, process=p,
                   loc=p.loc)
    for s in system.stakeholders:
        g.add_node(s.id, kind="stakeholder", label=s.name, stakeholder=s, loc=s.loc)
    for p in system.processes:
        for step in p.steps:
            if step.call:
                g.add_edge(p.process, step.call, kind="call", step=step.id, loc=step.loc)
        for item in p.outputs:
            for target in item.to:
                g.add_edge(p.process, target, kind="handoff", label=item.name, loc=item.loc)
        for item in p.inputs:
            for source in item.from_:
                if not _has_handoff(g, source, p.process, item.name):
                    g.add_edge(source, p.process, kind="handoff", label=item.name, loc=item.loc)
        for msg in p.messages:
            if msg.to in stakeholders:
                g.add_edge(p.process, msg.to, kind="interaction", step=msg.from_, label=msg.name)
            elif msg.from_ in stakeholders:
                g.add_edge(msg.from_, p.process, kind="interaction", step=msg.to, label=msg.name)
        if p.parent:
            g.add_edge(p.process, p.parent, kind="parent")
        for c in p.customers:
            if c in stakeholders:
                g.add_edge(p.process, c, kind="customer")
    return g


def _has_handoff(g: nx.MultiDiGraph, u: str, v: str, label: object) -> bool:
    data = g.get_edge_data(u, v) or {}
    return any(d.get("kind") == "handoff" and d.get("label") == label for d in data.values())


def flow_graph(process: Process) -> ProcessGraph:
    """Build the sequence-flow :class:`~qms.graph.process.ProcessGraph` of ``process``.

    The first step of an id counts; flows that name an unknown step are left out (loading
    reports them).

    Examples
    --------
    >>> from qms.model import Process
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b", "a -> b"]})
    >>> g = flow_graph(p)
    >>> g.nodes, g.kind("a").graph_kind, [f.pos for f in g.nx.edges["a", "b"]["flows"]]
    (['a', 'b'], 'start', [0, 1])
    """
    data: dict[str, NodeData] = {}
    out: dict[str, list[FlowData]] = {}
    inc: dict[str, list[FlowData]] = {}
    succ: dict[str, dict[str, dict[str, Any]]] = {}
    pred: dict[str, dict[str, dict[str, Any]]] = {}
    flows: list[FlowData] = []
    for st in process.steps:
        if st.id not in data:
            data[st.id] = NodeData(st, KINDS[step_kind(st)])
            out[st.id], inc[st.id], succ[st.id], pred[st.id] = [], [], {}, {}
    for i, f in enumerate(process.flow):
        src, dst = f.from_, f.to
        if src not in data or dst not in data:
            continue
        e = FlowData(src, dst, i, f.label, f.condition, f.default, f)
        flows.append(e)
        out[src].append(e)
        inc[dst].append(e)
        between = succ[src].get(dst)
        if between is None:
            succ[src][dst] = pred[dst][src] = {"flows": [e]}
        else:
            between["flows"].append(e)
    return ProcessGraph(adjacency_graph(succ, pred), flows, out, inc, data)


def digraph(nodes: Iterable[N], edges: Iterable[tuple[N, N, dict[str, Any]]]) -> nx.DiGraph:
    """A ``DiGraph`` of ``nodes`` (in their order) and ``edges`` (tail, head, data), in one pass.

    Examples
    --------
    >>> g = digraph(["a", "b", "c"], [("a", "b", {"w": 1}), ("b", "c", {})])
    >>> list(g), list(g.edges(data=True)), list(g.predecessors("b"))
    (['a', 'b', 'c'], [('a', 'b', {'w': 1}), ('b', 'c', {})], ['a'])
    """
    succ: dict[N, dict[N, dict[str, Any]]] = {n: {} for n in nodes}
    pred: dict[N, dict[N, dict[str, Any]]] = {n: {} for n in succ}
    for u, v, attrs in edges:
        succ[u][v] = pred[v][u] = attrs
    return adjacency_graph(succ, pred)


def adjacency_graph(succ: dict[N, dict[N, dict[str, Any]]], pred: dict[N, dict[N, dict[str, Any]]]) -> nx.DiGraph:
    """The ``DiGraph`` whose adjacency is ``succ`` and ``pred`` (each edge's data dict shared by both).

    The dicts become networkx's own (its data descriptors keep the graph's views in step):
    ``add_nodes_from`` and ``add_edges_from`` check and copy every item, which doubles the time
    the checks and the BPMN layout take to build their graphs.
    """
    g = nx.DiGraph()
    g._node = {n: {} for n in succ}
    g._succ, g._pred = succ, pred
    return g
