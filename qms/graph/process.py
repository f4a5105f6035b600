"""The typed sequence-flow graph of one process: ``ProcessGraph`` over a networkx ``DiGraph``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import networkx as nx

from qms.graph.kinds import NodeKind
from qms.model import Step

__all__ = ["FlowData", "NodeData", "ProcessGraph"]


@dataclass(slots=True)
class NodeData:
    """What the graph knows of one step: the model object and its row of the kind table."""

    step: Step
    kind: NodeKind


class FlowData(NamedTuple):
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


@dataclass(slots=True)
class ProcessGraph:
    """The steps of one process and the sequence flows between them.

    Why: the checks, the BPMN export and the layout ask the same questions (what is
    reachable, which flows close a loop, where flows split and join); they ask them of one
    graph, through :mod:`qms.graph.queries`. ``nx`` is a ``DiGraph`` whose nodes are the
    step ids in file order and whose edges hold ``flows``, the list of :class:`FlowData`
    between the two steps (two flows between the same steps stay two). ``data`` maps each
    step id to its :class:`NodeData` (kept beside the graph, not as a networkx attribute
    dict per node, which would double the cost of building it); ``out`` and ``inc`` list
    every step's flows in file order.
    """

    nx: nx.DiGraph
    flows: list[FlowData] = field(default_factory=list)
    out: dict[str, list[FlowData]] = field(default_factory=dict)
    inc: dict[str, list[FlowData]] = field(default_factory=dict)
    data: dict[str, NodeData] = field(default_factory=dict)

    @property
    def nodes(self) -> list[str]:
        """The step ids, in file order."""
        return list(self.data)

    def kind(self, node: str) -> NodeKind:
        """The kind-table row of ``node``."""
        return self.data[node].kind

    def flows_between(self, pairs: set[tuple[str, str]]) -> set[int]:
        """The positions in ``flow:`` of every flow between the pairs of steps given."""
        # get_edge_data, not ``nx.edges[u, v]``: the edge view is cached on the graph and
        # holds it back, so the graph would wait for the cyclic collector to be freed
        return {f.pos for u, v in pairs for f in self.nx.get_edge_data(u, v)["flows"]}
