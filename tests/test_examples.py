"""The bundled example systems load cleanly and hold what the brief describes."""

from __future__ import annotations

import pytest

from qms.graph import process_graph
from qms.load import load
from tests.conftest import EXAMPLES, MODELS


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_loads_without_problems(name: str) -> None:
    result = load(MODELS / name)
    assert [p.format() for p in result.problems] == []
    assert result.system is not None
    assert result.system.system == name


@pytest.mark.parametrize("name", EXAMPLES)
def test_described_processes_have_6_to_25_steps_lanes_decisions_measures(name: str) -> None:
    system = load(MODELS / name).system
    described = [p for p in system.processes if not p.is_stub]
    assert described
    for p in described:
        g = process_graph(p)
        assert 6 <= len(p.steps) <= 25, p.process
        assert p.lanes, p.process
        assert all(s.lane in p.lanes for s in p.steps), p.process
        if len(p.steps) >= 10:
            assert any(d.get("gateway") == "exclusive" for _, d in g.nodes(data=True)), p.process
    assert any(m.target for p in described for m in p.measures)


def test_sakk_has_northern_sami_labels() -> None:
    system = load(MODELS / "sakk").system
    names = {r.id: r.name for r in system.roles}
    assert names["opettaja"]["se"] == "Oahpaheaddji"
    assert system.provider.name["se"] == "Sámi oahpahusguovddáš"


def test_lappia_keeps_two_branches_to_the_same_step() -> None:
    p = load(MODELS / "lappia").system.process("tyoelamayhteistyo_kysely")
    to_analysis = [f for f in p.flow if f.from_ == "vastausaste" and f.to == "analyysi"]
    assert len(to_analysis) == 2
    assert len({fid for fid, f in zip(p.flow_ids(), p.flow, strict=True) if f in to_analysis}) == 2
