"""The comparison of the five-member example network: map, coverage matrix, indicators, calendar, merge."""

from __future__ import annotations

import json
from functools import cache

from click.testing import CliRunner

from qms.cli import cli
from qms.network import compare, read_network
from qms.network.compare import Comparison
from qms.network.members import summarise, summarise_all
from qms.network.run import compare_paths, run_network
from tests.conftest import MODELS
from tests.network.conftest import FIVE, LAMPPU


@cache
def lamppu() -> Comparison:
    run = run_network(LAMPPU)
    assert run.file.network is not None
    return compare(run.loaded, run.file.network)


def _own_coverage(name: str) -> dict[str, str]:
    """The member's own report, as `qms check MEMBER --report coverage --format json` gives it."""
    result = CliRunner().invoke(cli, ["check", str(MODELS / name), "--report", "coverage", "--format", "json"])
    (report,) = json.loads(result.stdout)["coverage"]
    return {c["id"]: c["status"] for fw in report["frameworks"] for c in fw["criteria"]}


def test_members_in_the_network_order() -> None:
    assert lamppu().ids == tuple(FIVE)


def test_matrix_cells_equal_each_members_own_coverage_report() -> None:
    c = lamppu()
    for column, name in enumerate(c.ids):
        own = _own_coverage(name)
        assert {row.criterion: row.cells[column] for row in c.coverage} == own, name


def test_the_common_map_says_described_stub_or_lacks() -> None:
    rows = {r.id: dict(zip(lamppu().ids, r.cells, strict=True)) for r in lamppu().map}
    assert rows["laadunhallinta"] == {"redu": "stub", "lappia": "stub", "jedu": "described", "kao": "described",
                                      "sakk": "lacks"}
    assert rows["opiskelijan_polku"] == {"redu": "described", "lappia": "stub", "jedu": "described",
                                         "kao": "described", "sakk": "stub"}
    assert rows["tyoelamayhteistyo"]["lappia"] == "described"


def test_indicator_cells_are_the_members_measures() -> None:
    (lapaisy,) = [r for r in lamppu().indicators if r.id == "lapaisy"]
    cells = dict(zip(lamppu().ids, lapaisy.cells, strict=True))
    assert cells["lappia"] is None
    assert cells["kao"] is not None and cells["kao"].measure == "M-K-LAP"
    assert cells["kao"].results == (("2009", 68.0), ("2010", 69.5), ("2011", 71.0))
    sakk = summarise(MODELS / "sakk").measures["M-S5"]
    assert cells["sakk"] is not None and cells["sakk"].results == sakk.results


def test_calendar_holds_every_members_evaluations_in_date_order() -> None:
    cal = lamppu().calendar
    assert list(cal) == sorted(cal)
    visits = [(when, member) for when, member, kind, _, _ in cal if kind == "benchmarking" and when == "2012-03-22"]
    assert {m for _, m in visits} >= {"kao", "jedu", "sakk"}


def test_systems_one_by_one_use_the_union_of_their_processes() -> None:
    c, problems = compare_paths([str(MODELS / "kao"), str(MODELS / "jedu")])
    assert problems == [] and c is not None
    rows = {r.id: r.cells for r in c.map}
    assert rows["opiskelijan_polku"] == ("described", "stub")
    assert rows["naytot"] == ("lacks", "described")
    assert c.indicators == ()


def test_merge_shows_common_differing_and_single_processes() -> None:
    c, problems = compare_paths([str(MODELS / "jedu-yhdistyminen")], merge=True)
    assert c is not None
    assert [p for p in problems if p.severity == "error"] == []
    states = {r.id: (r.state, r.members) for r in c.merge}
    assert states["opiskelijapalaute"][0] == "differs"
    assert any(state == "only" for state, _ in states.values())
    differs = next(r for r in c.merge if r.id == "opiskelijapalaute")
    assert "owner laatupaallikko → laatukoordinaattori" in differs.changes
    assert "step ryhmakasittely added (Tulosten käsittely ryhmissä)" in differs.changes


def test_parallel_and_serial_summaries_agree() -> None:
    paths = [MODELS / n for n in FIVE]
    assert summarise_all(paths, jobs=1) == summarise_all(paths * 2, jobs=2)[:5]


def test_network_file_reads_five_members() -> None:
    net = read_network(LAMPPU)
    assert net.problems == [] and net.network is not None
    assert [p.name for p in net.member_paths()] == FIVE
