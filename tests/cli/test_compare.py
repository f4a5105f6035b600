"""``qms compare``, and ``qms check`` / ``qms build`` of a network folder, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qms.cli import cli
from tests.conftest import MODELS
from tests.network.conftest import LAMPPU, write_network


def test_compare_the_example_network_as_text_json_and_html(tmp_path: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["compare", str(LAMPPU)])
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("Comparison: LAMPPU – Laatua ammatilliseen koulutukseen pohjoisessa as of 2012-12-31 "
                                  "(5 members)\n")
    assert "Indicator lapaisy: Läpäisy (%, higher is better, per year)" in text.stdout
    data = json.loads(runner.invoke(cli, ["compare", str(LAMPPU), "--format", "json"]).stdout)
    assert [m["id"] for m in data["members"]] == ["redu", "lappia", "jedu", "kao", "sakk"]
    out = tmp_path / "vertailu.html"
    html = runner.invoke(cli, ["compare", str(LAMPPU), "--format", "html", "-o", str(out)])
    assert html.exit_code == 0 and html.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 5 and "Criteria coverage" in page


def test_compare_systems_with_merge() -> None:
    result = CliRunner().invoke(cli, ["compare", str(MODELS / "jedu-yhdistyminen"), "--merge"])
    assert result.exit_code == 0, result.output
    assert "  tyossaoppiminen: only in kalajokilaakso\n" in result.stdout
    assert "  talous: the same in kalajokilaakso, siika_pyhajoki\n" in result.stdout


def test_compare_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["compare", str(MODELS / "kao"), str(tmp_path / "none")])
    assert missing.exit_code == 2
    assert "none: error: path does not exist" in missing.stderr  # the path as shown, relative where it can be
    mixed = runner.invoke(cli, ["compare", str(LAMPPU), str(MODELS / "kao")])
    assert mixed.exit_code == 2 and "a network is compared on its own" in mixed.stderr
    same = runner.invoke(cli, ["compare", str(MODELS / "kao"), str(MODELS / "kao")])
    assert same.exit_code == 1 and "two systems have the id 'kao'" in same.stderr
    bad = write_network(tmp_path / "n", "indicators:\n  - {id: x, name: X, unit: '%', direction: higher, "
                                        "measures: {sakk: M-X}}\n")
    mapped = runner.invoke(cli, ["compare", str(bad)])
    assert mapped.exit_code == 1 and "sakk has no measure 'M-X'" in mapped.stderr


def test_check_of_a_network() -> None:
    result = CliRunner().invoke(cli, ["check", str(LAMPPU)])
    assert result.exit_code == 0
    assert result.stdout.count("warning network:") == 3
    assert result.stderr == "1 path checked: 0 errors, 3 warnings, 0 infos in 1 file (0 processes)\n"


def test_check_of_a_network_with_a_broken_mapping(tmp_path: Path) -> None:
    bad = write_network(tmp_path / "n", "indicators:\n  - {id: x, name: X, unit: '%', direction: higher, "
                                        "measures: {redu: M-OP-4}}\n")
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 1
    assert "has the target '<= 8 %' (lower is better); the indicator 'x' is better higher" in result.stdout


def test_build_of_a_network(tmp_path: Path) -> None:
    net = write_network(tmp_path / "n", "", members=["kao", "jedu"])
    result = CliRunner().invoke(cli, ["build", str(net), "-o", str(tmp_path / "out"), "--skip", "diagrams",
                                      "--skip", "bpmn", "--skip", "handbook"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "out" / "index.html")
    assert (tmp_path / "out" / "kao" / "report" / "check.txt").is_file()
    assert b'href="jedu/index.html"' not in (tmp_path / "out" / "index.html").read_bytes()  # no handbook built
