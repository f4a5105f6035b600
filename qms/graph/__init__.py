"""Typed networkx graphs of processes and of the process architecture."""

from qms.graph.build import flow_graph, process_graph, system_graph
from qms.graph.kinds import KINDS, NodeKind, kind_of
from qms.graph.process import FlowData, NodeData, ProcessGraph

__all__ = [
    "KINDS",
    "FlowData",
    "NodeData",
    "NodeKind",
    "ProcessGraph",
    "flow_graph",
    "kind_of",
    "process_graph",
    "system_graph",
]
