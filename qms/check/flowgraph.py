"""Linear-time analyses of one process's sequence flow, computed once and shared by the rules.

The view is built straight from the model (steps and flows, typed by :data:`qms.graph.KINDS`),
without the cost of a networkx graph: reachability (one BFS from the starts, one reverse BFS
from the ends), back edges (one DFS), a topological order of the rest, and a single
topological pass that tracks which parallel or alternative branch each flow lies on
(deadlock, lack of synchronisation, fake joins).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import networkx as nx

from qms.graph.kinds import KINDS
from qms.model import Process, Step
from qms.model.process import STEP_KINDS

__all__ = ["Edge", "FlowView", "Merge", "flow_view"]


class Edge(NamedTuple):
    """A sequence flow: its ends, its index in ``flow:``, label, condition, default, model object.

    A named tuple: a 40-step process has ~50 flows and a frozen dataclass costs 3 µs each to build.
    """

    src: str
    dst: str
    pos: int
    label: Any
    condition: str | None
    default: bool
    flow: Any


@dataclass(frozen=True, slots=True)
class Merge:
    """What the branch analysis found where flows meet at ``node``.

    ``kind`` is ``deadlock`` (a parallel join waits for alternatives), ``unsynchronised``
    (concurrent branches meet without a parallel join) or ``maybe-deadlock`` (a parallel join
    after an inclusive split). ``split`` is the gateway whose branches meet, when known;
    ``flows`` the indexes (in ``flow:``) of two incoming flows that show it.
    """

    node: str
    kind: str
    split: str | None
    flows: tuple[int, int]


# A branch context: split id → (split kind: and | or | xor, the branch indexes the token may be on).
_Ctx = dict[str, tuple[str, frozenset[int]]]


@dataclass
class FlowView:
    """The sequence-flow graph of one process, with cached analyses.

    Why: every structural rule needs the same adjacency, reachability and back edges; the
    engine builds one view per process and the analyses run once, in linear time.
    ``nodes`` are the step ids in file order; ``out``/``inc`` hold the sequence flows.
    """

    nodes: list[str]
    steps: dict[str, Step]
    step_kinds: dict[str, str]
    edges: list[Edge]
    out: dict[str, list[Edge]] = field(default_factory=dict)
    inc: dict[str, list[Edge]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    gateways: dict[str, str | None] = field(default_factory=dict)

    def step_kind(self, node: str) -> str:
        """The model kind of a step: start, end, event, task, decision, parallel, inclusive or call."""
        return self.step_kinds[node]

    def kind(self, node: str) -> str:
        """The graph kind of ``node``: start, end, event, task, gateway or subprocess."""
        return self.kinds[node]

    def gateway(self, node: str) -> str | None:
        """``exclusive``, ``parallel`` or ``inclusive`` for a gateway, else None."""
        return self.gateways[node]

    @cached_property
    def gateway_nodes(self) -> list[str]:
        """The gateways, in step order."""
        return [n for n in self.nodes if self.gateways[n]]

    @cached_property
    def starts(self) -> list[str]:
        """Start events, in step order."""
        return [n for n, k in self.kinds.items() if k == "start"]

    @cached_property
    def ends(self) -> list[str]:
        """End events, in step order."""
        return [n for n, k in self.kinds.items() if k == "end"]

    @cached_property
    def connected(self) -> set[str]:
        """Steps with at least one sequence flow in or out."""
        return {n for n in self.nodes if self.out[n] or self.inc[n]}

    @cached_property
    def reachable(self) -> set[str]:
        """Steps reachable from a start event (one search along the flows)."""
        return _search(self.starts, self.out, True)

    @cached_property
    def reaches_end(self) -> set[str]:
        """Steps from which an end event is reachable (one search against the flows)."""
        return _search(self.ends, self.inc, False)

    @cached_property
    def back_edges(self) -> set[int]:
        """Indexes of the flows that close a loop: found by one DFS from the starts, then the rest."""
        white, grey, black = 0, 1, 2
        colour = dict.fromkeys(self.nodes, white)
        back: set[int] = set()
        roots = self.starts + [n for n in self.nodes if n not in set(self.starts)]
        for root in roots:
            if colour[root] != white:
                continue
            colour[root] = grey
            stack: list[tuple[str, int]] = [(root, 0)]
            while stack:
                node, i = stack[-1]
                outs = self.out[node]
                if i < len(outs):
                    stack[-1] = (node, i + 1)
                    e = outs[i]
                    if colour[e.dst] == grey:
                        back.add(e.pos)
                    elif colour[e.dst] == white:
                        colour[e.dst] = grey
                        stack.append((e.dst, 0))
                else:
                    colour[node] = black
                    stack.pop()
        return back

    @cached_property
    def _forward(self) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
        back = self.back_edges
        fin: dict[str, list[Edge]] = {n: [] for n in self.nodes}
        fout: dict[str, list[Edge]] = {n: [] for n in self.nodes}
        for e in self.edges:
            if e.pos not in back:
                fout[e.src].append(e)
                fin[e.dst].append(e)
        return fin, fout

    def forward_in(self, node: str) -> list[Edge]:
        """Incoming flows of ``node`` that are not loop-backs."""
        return self._forward[0][node]

    def forward_out(self, node: str) -> list[Edge]:
        """Outgoing flows of ``node`` that are not loop-backs."""
        return self._forward[1][node]

    @cached_property
    def order(self) -> list[str]:
        """A topological order of the steps once the back edges are removed (Kahn)."""
        fin, fout = self._forward
        indeg = {n: len(fin[n]) for n in self.nodes}
        queue = deque(n for n in self.nodes if indeg[n] == 0)
        out: list[str] = []
        while queue:
            n = queue.popleft()
            out.append(n)
            for e in fout[n]:
                indeg[e.dst] -= 1
                if indeg[e.dst] == 0:
                    queue.append(e.dst)
        return out

    @cached_property
    def merges(self) -> list[Merge]:
        """Problems where branches meet, from one topological pass over the acyclic part.

        A token context maps each split passed to the branch the token is on. A parallel
        join whose incoming flows are not on different branches of one parallel split waits
        forever (``deadlock``); an exclusive merge or a task that receives flows on
        different branches of a parallel or inclusive split runs twice (``unsynchronised``).
        """
        return _branch_analysis(self)

    def components(self, members: set[str], *, reverse: bool = False) -> list[list[str]]:
        """Sink (or, with ``reverse``, source) strongly connected components of ``members``.

        Used to report one finding per place where the flow gets stuck, not one per step.
        """
        sub = nx.DiGraph()
        sub.add_nodes_from(members)
        for n in members:
            for e in self.out[n]:
                if e.dst in members:
                    sub.add_edge(n, e.dst)
        cond = nx.condensation(sub)
        rank = {n: i for i, n in enumerate(self.nodes)}
        result = []
        for c in cond.nodes:
            degree = cond.in_degree(c) if reverse else cond.out_degree(c)
            if degree == 0:
                result.append(sorted(cond.nodes[c]["members"], key=lambda n: rank.get(n, 0)))
        return sorted(result, key=lambda comp: rank.get(comp[0], 0))


def _search(roots: Iterable[str], adjacency: dict[str, list[Edge]], forward: bool) -> set[str]:
    """Every node reachable from ``roots`` over ``adjacency`` (along or against the flows)."""
    seen = set(roots)
    stack = list(seen)
    while stack:
        for e in adjacency[stack.pop()]:
            m = e.dst if forward else e.src
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return seen


def _kind_of(step: Step) -> str:
    fields = step.__dict__
    for key in STEP_KINDS:
        if fields.get(key) is not None:
            return key
    return "task"  # a step whose kind key holds nothing (``task:``) is drawn as a task


def flow_view(process: Process) -> FlowView:
    """Build the sequence-flow view of ``process`` (steps and sequence flows only).

    Flows that name an unknown step are left out (loading reports them).

    Examples
    --------
    >>> from qms.model import Process
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "task": "B"}, {"id": "c", "end": "C"}],
    ...     "flow": ["a -> b -> c", "b -> b"]})
    >>> v = flow_view(p)
    >>> sorted(v.reachable), sorted(v.back_edges), v.order
    (['a', 'b', 'c'], [2], ['a', 'b', 'c'])
    """
    steps: dict[str, Step] = {}
    for st in process.steps:
        steps.setdefault(st.id, st)
    nodes = list(steps)
    step_kinds: dict[str, str] = {}
    kinds: dict[str, str] = {}
    gateways: dict[str, str | None] = {}
    for n, st in steps.items():
        k = step_kinds[n] = _kind_of(st)
        row = KINDS[k]
        kinds[n] = row.graph_kind
        gateways[n] = row.gateway
    view = FlowView(nodes, steps, step_kinds, [], {n: [] for n in nodes}, {n: [] for n in nodes}, kinds, gateways)
    out, inc, edges = view.out, view.inc, view.edges
    for i, f in enumerate(process.flow):
        src, dst = f.from_, f.to
        if src not in steps or dst not in steps:
            continue
        e = Edge(src, dst, i, f.label, f.condition, f.default, f)
        edges.append(e)
        out[src].append(e)
        inc[dst].append(e)
    return view


def _disjoint(a: _Ctx, b: _Ctx, kinds: tuple[str, ...]) -> str | None:
    """The split on whose different branches contexts ``a`` and ``b`` lie, if one of ``kinds``."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    for split, (kind, branches) in small.items():
        other = large.get(split)
        if other is not None and kind in kinds and not (branches & other[1]):
            return split
    return None


def _merge(contexts: list[_Ctx], full: dict[str, frozenset[int]], *, join: bool) -> _Ctx:
    """The context after flows meet. A join keeps every split; a merge only the common ones."""
    keys: set[str] = set(contexts[0])
    for c in contexts[1:]:
        keys = keys | set(c) if join else keys & set(c)
    out: _Ctx = {}
    for split in keys:
        present = [c[split] for c in contexts if split in c]
        branches = frozenset().union(*(b for _, b in present))
        if branches != full.get(split):
            out[split] = (present[0][0], branches)
    return out


def _branch_analysis(view: FlowView) -> list[Merge]:
    full: dict[str, frozenset[int]] = {}
    ectx: dict[int, _Ctx] = {}
    found: list[Merge] = []
    # Only forward flows count: a loop-back branch never meets the others on the acyclic
    # part, and keeping it open would make every later context grow (quadratic time).
    # For the same reason a split is dropped from a context once no other pending flow holds
    # it: its other branches have ended, so this branch can meet none of them (``holders``
    # counts, per split, the flows not yet followed whose context holds it).
    holders: dict[str, int] = {}
    fin, fout = view._forward
    gateways, kinds = view.gateways, view.kinds
    for n in view.order:
        incoming = fin[n]
        contexts = [ectx.pop(e.pos, {}) for e in incoming] if incoming else []
        for c in contexts:
            for split in c:
                holders[split] -= 1
        gateway = gateways[n]
        kind = kinds[n]
        ctx: _Ctx = {}
        if len(incoming) == 1:
            ctx = contexts[0]
        elif len(incoming) > 1:
            if gateway == "parallel":
                found.extend(_check_join(n, incoming, contexts))
                ctx = _merge(contexts, full, join=True)
            elif gateway == "inclusive":
                ctx = _merge(contexts, full, join=True)
            else:
                if kind != "end":
                    found.extend(_check_merge(n, incoming, contexts))
                ctx = _merge(contexts, full, join=False)
        outs = fout[n]
        if not outs:
            continue
        if any(not holders[split] for split in ctx):
            ctx = {split: v for split, v in ctx.items() if holders[split]}
        if len(outs) > 1:
            if gateway == "parallel":
                split_kind = "and"
            elif gateway == "inclusive":
                split_kind = "or"
            elif gateway == "exclusive":
                split_kind = "xor"
            else:  # an implicit split: unconditioned flows all run
                plain = [e for e in outs if not e.condition and not e.default]
                split_kind = "and" if len(plain) == len(outs) else "or"
            full[n] = frozenset(range(len(outs)))
            for i, e in enumerate(outs):
                branch = dict(ctx)
                branch[n] = (split_kind, frozenset({i}))
                ectx[e.pos] = branch
            holders[n] = len(outs)
        else:
            for e in outs:
                ectx[e.pos] = ctx
        for split in ctx:
            holders[split] += len(outs)
    return found


def _check_join(node: str, incoming: list[Edge], contexts: list[_Ctx]) -> list[Merge]:
    for i in range(len(incoming)):
        for j in range(i + 1, len(incoming)):
            if _disjoint(contexts[i], contexts[j], ("and",)):
                continue
            pair = (incoming[i].pos, incoming[j].pos)
            maybe = _disjoint(contexts[i], contexts[j], ("or",))
            if maybe:
                return [Merge(node, "maybe-deadlock", maybe, pair)]
            return [Merge(node, "deadlock", _disjoint(contexts[i], contexts[j], ("xor",)), pair)]
    return []


def _check_merge(node: str, incoming: list[Edge], contexts: list[_Ctx]) -> list[Merge]:
    for i in range(len(incoming)):
        for j in range(i + 1, len(incoming)):
            split = _disjoint(contexts[i], contexts[j], ("and", "or"))
            if split:
                return [Merge(node, "unsynchronised", split, (incoming[i].pos, incoming[j].pos))]
    return []
