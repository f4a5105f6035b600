"""The sequence flow of one process as the structural rules see it, with cached analyses.

The graph is :func:`qms.graph.build.flow_graph`'s; the analyses are :mod:`qms.graph.queries`
and :mod:`qms.graph.branches`, each computed once per process and shared by the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from qms.graph.branches import Merge, branch_merges
from qms.graph.build import flow_graph
from qms.graph.kinds import NodeKind
from qms.graph.process import FlowData, ProcessGraph
from qms.graph.queries import Search, depth_first, reaching, sink_components, topological_order
from qms.model import Process, Step

__all__ = ["Edge", "FlowView", "Merge", "flow_view"]

#: A sequence flow as the rules see it (the graph's :class:`~qms.graph.process.FlowData`).
Edge = FlowData


@dataclass
class FlowView:
    """The sequence-flow graph of one process, with the analyses the rules share.

    Why: every structural rule needs the same adjacency, reachability and back edges; the
    engine builds one view per process and each analysis runs once.
    ``nodes`` are the step ids in file order; ``out``/``inc`` hold the sequence flows.
    """

    graph: ProcessGraph
    nodes: list[str] = field(init=False)
    steps: dict[str, Step] = field(init=False)
    edges: list[Edge] = field(init=False)
    out: dict[str, list[Edge]] = field(init=False)
    inc: dict[str, list[Edge]] = field(init=False)
    kinds: dict[str, NodeKind] = field(init=False)

    def __post_init__(self) -> None:
        # plain attributes: the rules read them once per step, and a property costs a call each time
        g = self.graph
        self.nodes, self.edges, self.out, self.inc = g.nodes, g.flows, g.out, g.inc
        self.steps = {n: d.step for n, d in g.data.items()}
        self.kinds = {n: d.kind for n, d in g.data.items()}

    def step_kind(self, node: str) -> str:
        """The model kind of a step: start, end, event, task, decision, parallel, inclusive or call."""
        return self.kinds[node].step_kind

    def kind(self, node: str) -> str:
        """The graph kind of ``node``: start, end, event, task, gateway or subprocess."""
        return self.kinds[node].graph_kind

    def gateway(self, node: str) -> str | None:
        """``exclusive``, ``parallel`` or ``inclusive`` for a gateway, else None."""
        return self.kinds[node].gateway

    @cached_property
    def gateway_nodes(self) -> list[str]:
        """The gateways, in step order."""
        return [n for n, k in self.kinds.items() if k.gateway]

    @cached_property
    def starts(self) -> list[str]:
        """Start events of the process (not of a sub-process in it), in step order."""
        return [n for n, k in self.kinds.items() if k.graph_kind == "start" and self.steps[n].within is None]

    @cached_property
    def roots(self) -> list[str]:
        """Where a token starts: the start events, those inside sub-processes and boundary events."""
        return [n for n, k in self.kinds.items()
                if k.graph_kind == "start" or self.steps[n].attached_to is not None]

    @cached_property
    def ends(self) -> list[str]:
        """End events, in step order."""
        return [n for n, k in self.kinds.items() if k.graph_kind == "end"]

    @cached_property
    def connected(self) -> set[str]:
        """Steps with at least one sequence flow in or out."""
        return {n for n in self.nodes if self.out[n] or self.inc[n]}

    @cached_property
    def _search(self) -> Search:
        return depth_first(self.graph.nx, self.roots)

    @cached_property
    def reachable(self) -> set[str]:
        """Steps reachable from a start event (the ones the search from the roots met)."""
        search = self._search
        return set(search.preorder[: search.from_roots])  # type: ignore[arg-type]

    @cached_property
    def reaches_end(self) -> set[str]:
        """Steps from which an end event is reachable."""
        return reaching(self.graph.nx, self.ends)

    @cached_property
    def back_edges(self) -> set[int]:
        """Indexes (in ``flow:``) of the flows that close a loop, searched from the roots."""
        return self.graph.flows_between(self._search.back_edges)  # type: ignore[arg-type]

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
        """A topological order of the steps once the back edges are removed."""
        return topological_order(self._search)  # type: ignore[return-value]

    @cached_property
    def merges(self) -> list[Merge]:
        """Problems where branches meet (:func:`qms.graph.branches.branch_merges`)."""
        fin, fout = self._forward
        return branch_merges(self.graph, fin, fout, self.order)

    def components(self, members: set[str], *, reverse: bool = False) -> list[list[str]]:
        """Sink (or, with ``reverse``, source) strongly connected components of ``members``.

        Used to report one finding per place where the flow gets stuck, not one per step.
        """
        rank: dict[object, int] = {n: i for i, n in enumerate(self.nodes)}
        return sink_components(self.graph.nx, members, reverse=reverse, rank=rank)  # type: ignore[return-value]


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
    return FlowView(flow_graph(process))
