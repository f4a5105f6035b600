"""Questions about a flow graph, as functions of a networkx ``DiGraph`` (networkx style).

The checks ask them of a :class:`~qms.graph.process.ProcessGraph`'s ``nx``, the BPMN
layout of the graph of its shapes; both get the same answers from the same code.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from itertools import chain
from typing import NamedTuple, TypeVar

import networkx as nx

from qms.graph.process import ProcessGraph

__all__ = [
    "Search",
    "back_edges",
    "depth_first",
    "joins",
    "layers",
    "reachable",
    "reaching",
    "sink_components",
    "splits",
    "topological_order",
]

N = TypeVar("N", bound=Hashable)


def reachable(g: nx.DiGraph, sources: Iterable[N]) -> set[N]:
    """The nodes reachable from ``sources`` along the edges, the sources included.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "c")])
    >>> sorted(reachable(g, ["a"]))
    ['a', 'b', 'c']
    """
    return _search(g._succ, sources)


def reaching(g: nx.DiGraph, targets: Iterable[N]) -> set[N]:
    """The nodes from which one of ``targets`` can be reached, the targets included.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "c")])
    >>> sorted(reaching(g, ["b"]))
    ['a', 'b']
    """
    return _search(g._pred, targets)


def _search(adjacency: dict[N, dict[N, object]], roots: Iterable[N]) -> set[N]:
    # Over networkx's adjacency dicts, as its own algorithms read them: ``nx.descendants``
    # takes one source and costs four times as much on the small graphs of processes.
    seen = set(roots)
    stack = list(seen)
    while stack:
        for m in adjacency[stack.pop()]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return seen


class Search(NamedTuple):
    """The result of :func:`depth_first`.

    ``preorder``: the nodes in the order first met; ``postorder``: in the order finished;
    ``back_edges``: the edges that close a loop; ``from_roots``: how many nodes of
    ``preorder`` (the first ones) were met from the roots given, that is, are reachable from them.
    """

    preorder: list[Hashable]
    postorder: list[Hashable]
    back_edges: set[tuple[Hashable, Hashable]]
    from_roots: int


def depth_first(g: nx.DiGraph, roots: Iterable[Hashable] = ()) -> Search:
    """Search depth-first from ``roots``, then from every node not yet met, in ``g``'s order.

    A back edge leads to a node on the current search path: it closes a loop, and without
    the back edges the graph has no cycle. (``nx.dfs_labeled_edges`` labels back, forward
    and cross edges alike "nontree" and starts from one source, so the search is written
    here, once, over networkx's adjacency.) Which edges are back edges depends on where the
    search starts, so the roots (the start events) come first.

    Examples
    --------
    >>> g = nx.DiGraph([("x", "y"), ("y", "x"), ("s", "y")])
    >>> depth_first(g, ["s"])
    Search(preorder=['s', 'y', 'x'], postorder=['x', 'y', 's'], back_edges={('x', 'y')}, from_roots=3)
    >>> depth_first(g).back_edges
    {('y', 'x')}
    """
    succ = g._succ  # networkx's adjacency, read as its own algorithms read it
    state: dict[Hashable, int] = {}  # absent: not met; 1: on the search path; 2: done
    preorder: list[Hashable] = []
    postorder: list[Hashable] = []
    back: set[tuple[Hashable, Hashable]] = set()
    roots = list(roots)
    from_roots = 0
    for i, root in enumerate(chain(roots, g)):
        if i == len(roots):
            from_roots = len(preorder)
        if root in state:
            continue
        state[root] = 1
        preorder.append(root)
        stack = [(root, iter(succ[root]))]
        while stack:
            v, children = stack[-1]
            for w in children:  # resumes where it left off
                seen = state.get(w)
                if seen is None:
                    state[w] = 1
                    preorder.append(w)
                    stack.append((w, iter(succ[w])))
                    break
                if seen == 1:
                    back.add((v, w))
            else:
                state[v] = 2
                postorder.append(v)
                stack.pop()
    return Search(preorder, postorder, back, from_roots if roots else 0)


def back_edges(g: nx.DiGraph, roots: Iterable[Hashable] = ()) -> set[tuple[Hashable, Hashable]]:
    """The edges that close a loop, found by :func:`depth_first` from ``roots``.

    Examples
    --------
    >>> sorted(back_edges(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("c", "c")]), ["a"]))
    [('c', 'b'), ('c', 'c')]
    """
    return depth_first(g, roots).back_edges


def topological_order(search: Search) -> list[Hashable]:
    """Every node after all its predecessors, once the search's back edges are left out.

    The reverse of the order in which the search finished the nodes.

    Examples
    --------
    >>> topological_order(depth_first(nx.DiGraph([("a", "b"), ("b", "a"), ("c", "b")]), ["a"]))
    ['c', 'a', 'b']
    """
    return search.postorder[::-1]


def layers(g: nx.DiGraph, search: Search) -> dict[Hashable, int]:
    """The column of each node: the length of the longest path to it without back edges.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "a")])
    >>> layers(g, depth_first(g, ["a"]))
    {'a': 0, 'b': 1, 'c': 2}
    """
    back = search.back_edges
    layer = dict.fromkeys(g, 0)
    succ = g._succ
    for v in reversed(search.postorder):
        lv = layer[v] + 1
        for w in succ[v]:
            if layer[w] < lv and (v, w) not in back:
                layer[w] = lv
    return layer


def splits(g: ProcessGraph) -> list[str]:
    """The steps with more than one outgoing flow, in file order.

    Examples
    --------
    >>> from qms.graph.build import flow_graph
    >>> from qms.model import Process
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": [
    ...     {"id": "a", "task": "A"}, {"id": "b", "task": "B"}, {"id": "c", "task": "C"}],
    ...     "flow": ["a -> b", "a -> c", "b -> c"]})
    >>> splits(flow_graph(p)), joins(flow_graph(p))
    (['a'], ['c'])
    """
    return [n for n, flows in g.out.items() if len(flows) > 1]


def joins(g: ProcessGraph) -> list[str]:
    """The steps with more than one incoming flow, in file order (see :func:`splits`)."""
    return [n for n, flows in g.inc.items() if len(flows) > 1]


def sink_components(g: nx.DiGraph, members: Iterable[Hashable], *, reverse: bool = False,
                    rank: dict[Hashable, int] | None = None) -> list[list[Hashable]]:
    """The strongly connected parts of ``members`` that no edge leaves (``reverse``: enters).

    Each part is one place where a flow gets stuck (or that nothing reaches). Parts and
    their nodes are sorted by ``rank`` (default: graph order).

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("a", "d")])
    >>> sink_components(g, ["b", "c", "d"])
    [['b', 'c'], ['d']]
    >>> sink_components(g, ["b", "c", "d"], reverse=True)
    [['b', 'c'], ['d']]
    """
    order = rank if rank is not None else {n: i for i, n in enumerate(g)}
    cond = nx.condensation(g.subgraph(members))
    degree = cond.in_degree if reverse else cond.out_degree
    parts = [sorted(cond.nodes[c]["members"], key=lambda n: order.get(n, 0)) for c in cond if degree(c) == 0]
    return sorted(parts, key=lambda part: order.get(part[0], 0))
