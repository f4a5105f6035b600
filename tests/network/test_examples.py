"""The network's example systems load and check without errors (their findings are pinned in
tests/check/test_example_findings.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from qms.check import run_checks
from qms.cli import cli
from qms.graph import process_graph
from qms.load import load
from tests.conftest import MODELS

SYSTEMS = ["kao", "jedu", "jedu-yhdistyminen/kalajokilaakso", "jedu-yhdistyminen/siika-pyhajoki"]


@pytest.mark.parametrize("name", SYSTEMS)
def test_loads_without_problems_and_checks_without_errors(name: str) -> None:
    result = load(MODELS / name)
    assert [p.format() for p in result.problems] == []
    assert result.system is not None
    findings = run_checks(result.system)
    assert [f.message for f in findings if f.severity.name == "ERROR"] == []


@pytest.mark.parametrize("name", ["kao", "jedu"])
def test_described_processes_read_like_the_other_examples(name: str) -> None:
    system = load(MODELS / name).system
    described = [p for p in system.processes if not p.is_stub]
    assert len(described) == 2
    for p in described:
        assert 6 <= len(p.steps) <= 25 and p.lanes and all(s.lane in p.lanes for s in p.steps)
        assert any(d.get("gateway") == "exclusive" for _, d in process_graph(p).nodes(data=True))
    assert "Esimerkkikuvaus" in str(system.notice)


def test_qms_check_of_the_new_examples_exits_0() -> None:
    result = CliRunner().invoke(cli, ["check", *(str(MODELS / n) for n in SYSTEMS), str(MODELS / "lamppu")])
    assert result.exit_code == 0, result.stderr[-2000:]
