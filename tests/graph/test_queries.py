"""The graph queries, each on its own: reachability, the depth-first search, ordering, layers, splits."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from qms.graph.build import flow_graph
from qms.graph.queries import (
    back_edges,
    depth_first,
    joins,
    layers,
    reachable,
    reaching,
    sink_components,
    splits,
    topological_order,
)
from qms.model import Process

# Random directed graphs on up to 12 nodes, self-loops included.
GRAPHS = st.integers(1, 12).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n).map(
        lambda edges: _graph(n, edges)
    )
)


def _graph(n: int, edges: list[tuple[int, int]]) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return g


def _process(steps: list[dict[str, str]], flow: list[str]) -> Process:
    return Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": steps, "flow": flow})


def test_reachable_follows_the_edges_and_keeps_the_sources() -> None:
    g = nx.DiGraph([("a", "b"), ("b", "c"), ("x", "a")])
    assert reachable(g, ["a"]) == {"a", "b", "c"}
    assert reachable(g, ["c"]) == {"c"}
    assert reachable(g, []) == set()


def test_reaching_goes_against_the_edges() -> None:
    g = nx.DiGraph([("a", "b"), ("b", "c"), ("x", "a"), ("c", "y")])
    assert reaching(g, ["b"]) == {"x", "a", "b"}
    assert reaching(g, ["x", "y"]) == {"x", "a", "b", "c", "y"}


@given(GRAPHS)
def test_reachable_agrees_with_networkx(g: nx.DiGraph) -> None:
    assert reachable(g, [0]) == nx.descendants(g, 0) | {0}
    assert reaching(g, [0]) == nx.ancestors(g, 0) | {0}


def test_the_search_starts_at_the_roots_so_they_decide_the_back_edges() -> None:
    g = nx.DiGraph([("x", "y"), ("y", "x"), ("s", "y")])
    assert back_edges(g, ["s"]) == {("x", "y")}
    assert back_edges(g) == {("y", "x")}  # from x, the first node of the graph


def test_a_self_loop_is_a_back_edge_and_a_cross_edge_is_not() -> None:
    g = nx.DiGraph([("a", "b"), ("a", "c"), ("c", "b"), ("b", "b")])
    assert back_edges(g, ["a"]) == {("b", "b")}


def test_the_search_counts_what_the_roots_reach() -> None:
    g = nx.DiGraph([("s", "a"), ("b", "a")])
    search = depth_first(g, ["s"])
    assert search.preorder == ["s", "a", "b"]
    assert search.preorder[: search.from_roots] == ["s", "a"]
    assert search.postorder == ["a", "s", "b"]


@given(GRAPHS)
def test_without_its_back_edges_a_graph_has_no_cycle(g: nx.DiGraph) -> None:
    search = depth_first(g, [0])
    forward = g.copy()
    forward.remove_edges_from(search.back_edges)
    assert nx.is_directed_acyclic_graph(forward)
    assert sorted(search.preorder) == sorted(search.postorder) == sorted(g)


@given(GRAPHS)
def test_the_order_puts_every_node_after_its_forward_predecessors(g: nx.DiGraph) -> None:
    search = depth_first(g)
    position = {n: i for i, n in enumerate(topological_order(search))}
    assert sorted(position) == sorted(g)
    for u, v in g.edges:
        if (u, v) not in search.back_edges:
            assert position[u] < position[v]


@given(GRAPHS)
def test_layers_are_the_longest_forward_paths(g: nx.DiGraph) -> None:
    search = depth_first(g)
    column = layers(g, search)
    forward = g.copy()
    forward.remove_edges_from(search.back_edges)
    for v in g:
        longest = max((column[u] + 1 for u in forward.predecessors(v)), default=0)
        assert column[v] == longest


def test_splits_and_joins_count_parallel_flows() -> None:
    p = _process(
        [{"id": "a", "task": "A"}, {"id": "b", "task": "B"}, {"id": "c", "task": "C"}],
        ["a -> b", "a -> b: again", "b -> c"],
    )
    g = flow_graph(p)
    assert splits(g) == ["a"]
    assert joins(g) == ["b"]
    assert g.flows_between({("a", "b")}) == {0, 1}


def test_sink_components_are_the_places_a_flow_gets_stuck() -> None:
    g = nx.DiGraph([("s", "a"), ("a", "b"), ("b", "a"), ("s", "c"), ("c", "d")])
    assert sink_components(g, ["a", "b", "c", "d"]) == [["a", "b"], ["d"]]
    assert sink_components(g, ["a", "b", "c", "d"], reverse=True) == [["a", "b"], ["c"]]
    assert sink_components(g, ["d", "a", "b"], rank={"d": 0, "a": 1, "b": 2}) == [["d"], ["a", "b"]]
