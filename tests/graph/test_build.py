"""Graph building: typed nodes and edges, parallel flows kept apart, architecture relations."""

from __future__ import annotations

from qms.graph import process_graph, system_graph
from qms.model import Process, QualitySystem


def _process(**extra: object) -> Process:
    data = {
        "process": "kysely", "name": "Kysely", "category": "management",
        "lanes": ["laatu"],
        "steps": [
            {"id": "alku", "start": "Alku", "lane": "laatu"},
            {"id": "jako", "parallel": "Jako", "lane": "laatu"},
            {"id": "a", "task": "A", "lane": "laatu", "documents": ["lomake"], "systems": ["Webropol"]},
            {"id": "b", "call": "muu", "lane": "laatu"},
            {"id": "kooste", "parallel": "Kooste", "lane": "laatu"},
            {"id": "ok", "decision": "Riittää?", "lane": "laatu"},
            {"id": "loppu", "end": "Loppu", "lane": "laatu"},
        ],
        "flow": ["alku -> jako", "jako -> a -> kooste", "jako -> b -> kooste", "kooste -> ok",
                 "ok -> loppu: kyllä", "ok -> loppu: ei, riittää silti"],
        "messages": ["a -> opiskelijat: linkki", "opiskelijat -> a: vastaukset"],
        "documents": [{"id": "lomake", "name": "Lomake"}],
    }
    data.update(extra)
    return Process.model_validate(data)


def test_node_and_edge_kinds() -> None:
    g = process_graph(_process())
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    assert kinds == {
        "alku": "start", "jako": "gateway", "a": "task", "b": "subprocess", "kooste": "gateway",
        "ok": "gateway", "loppu": "end", "opiskelijat": "participant", "lomake": "data",
        "ds_webropol": "datastore",
    }
    assert g.nodes["jako"]["gateway"] == "parallel" and g.nodes["ok"]["gateway"] == "exclusive"
    edge_kinds = sorted(d["kind"] for *_, d in g.edges(data=True))
    assert edge_kinds.count("sequence") == 8
    assert edge_kinds.count("message") == 2
    assert edge_kinds.count("association") == 2


def test_two_branches_to_the_same_step_stay_two_edges() -> None:
    g = process_graph(_process())
    keys = sorted(g["ok"]["loppu"])
    assert keys == ["f_ok_loppu", "f_ok_loppu_2"]
    assert {g["ok"]["loppu"][k]["label"] for k in keys} == {"kyllä", "ei, riittää silti"}


def test_system_graph_relations() -> None:
    kysely = _process(outputs=[{"name": "raportti", "to": ["muu"]}], customers=["opiskelijat"], parent="muu")
    muu = Process.model_validate({"process": "muu", "name": "Muu", "category": "core",
                                  "inputs": [{"name": "raportti", "from": "kysely"}]})
    system = QualitySystem.model_validate({
        "system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
        "stakeholders": [{"id": "opiskelijat", "name": "Opiskelijat"}],
        "processes": [kysely, muu],
    })
    g = system_graph(system)
    edges = sorted((u, v, d["kind"]) for u, v, d in g.edges(data=True))
    assert edges == [
        ("kysely", "muu", "call"),
        ("kysely", "muu", "handoff"),
        ("kysely", "muu", "parent"),
        ("kysely", "opiskelijat", "customer"),
        ("kysely", "opiskelijat", "interaction"),
        ("opiskelijat", "kysely", "interaction"),
    ]
