"""Typed networkx graphs of processes and of the process architecture."""

from qms.graph.build import process_graph, system_graph
from qms.graph.kinds import KINDS, NodeKind, kind_of

__all__ = ["KINDS", "NodeKind", "kind_of", "process_graph", "system_graph"]
