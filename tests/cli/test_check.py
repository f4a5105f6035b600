"""``qms check`` through CliRunner: formats, profiles, exit codes, coverage report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli

SYSTEM = """\
system: s
name: Demo
as_of: 2026-03-01
provider: {id: s, name: Demo, purpose: Osaamista}
"""
PROCESS = """\
process: p
name: P
category: support
owner: r
steps:
  - {id: alku, start: Alku}
  - {id: tyo, task: Työ, pdca: check}
  - {id: loppu, end: Loppu}
flow:
  - alku -> tyo -> loppu
"""


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def _system(process: str = PROCESS, extra: str = "") -> None:
    Path("s/processes").mkdir(parents=True)
    Path("s/system.yaml").write_text(SYSTEM + "roles: [{id: r, name: R}]\n" + extra, encoding="utf-8")
    Path("s/processes/p.yaml").write_text(process, encoding="utf-8")


def test_findings_go_to_stdout_and_the_summary_to_stderr(runner: CliRunner) -> None:
    _system()
    result = runner.invoke(cli, ["check", "s", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert ("s/system.yaml:1:1: warning Q410 deviation-handling: no described process handles deviations, complaints "
            "and nonconformities [ISO 9001:2015 10.2]") in result.stdout
    assert result.stderr.startswith("1 path checked: 0 errors, ")
    assert len(result.stderr.splitlines()) == 1


def test_error_finding_exits_1(runner: CliRunner) -> None:
    _system(PROCESS.replace("  - alku -> tyo -> loppu\n", "  - alku -> tyo\n"))
    result = runner.invoke(cli, ["check", "s", "--lang", "en"])
    assert result.exit_code == 1
    assert ("s/processes/p.yaml:7:5: error S003 no-dead-end: the flow stops at step 'tyo': it has no outgoing flow "
            "and is not an end event (add a flow from 'tyo' to the next step or to an end event)") in result.stdout


def test_max_warnings(runner: CliRunner) -> None:
    _system()
    assert runner.invoke(cli, ["check", "s", "--max-warnings", "1000"]).exit_code == 0
    assert runner.invoke(cli, ["check", "s", "--max-warnings", "0"]).exit_code == 1


def test_strict_profile_turns_warnings_into_errors(runner: CliRunner) -> None:
    _system()
    result = runner.invoke(cli, ["check", "s", "--profile", "strict"])
    assert result.exit_code == 1
    assert "error Q410 deviation-handling" in result.stdout


def test_select_and_ignore(runner: CliRunner) -> None:
    _system()
    result = runner.invoke(cli, ["check", "s", "--select", "Q410,Q504", "--ignore", "audit-programme",
                                 "--format", "json"])
    assert result.exit_code == 0
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"Q410"}


def test_unknown_rule_in_select_is_a_usage_error(runner: CliRunner) -> None:
    _system()
    result = runner.invoke(cli, ["check", "s", "--select", "Q0410"])
    assert result.exit_code == 2
    assert "Invalid value for --select: unknown rule 'Q0410'" in result.stderr


def test_json_contract(runner: CliRunner) -> None:
    _system()
    result = runner.invoke(cli, ["check", "s", "--format", "json"])
    data = json.loads(result.stdout)
    assert list(data) == ["version", "findings", "summary"]
    assert set(data["findings"][0]) == {"rule", "name", "severity", "message", "hint", "file", "line", "column",
                                        "process", "element", "criteria"}
    assert data["summary"]["files"] == 2 and data["summary"]["processes"] == 1
    assert data["summary"]["errors"] == 0


def test_sarif_and_github(runner: CliRunner) -> None:
    _system()
    sarif = json.loads(runner.invoke(cli, ["check", "s", "--format", "sarif"]).stdout)
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"]
    github = runner.invoke(cli, ["check", "s", "--format", "github"]).stdout
    assert "::warning file=s/system.yaml,line=1,col=1,title=Q410 deviation-handling::" in github


def test_coverage_report(runner: CliRunner) -> None:
    _system()
    text = runner.invoke(cli, ["check", "s", "--report", "coverage", "--lang", "en"])
    assert text.exit_code == 0
    assert text.stdout.startswith("Criteria coverage: Demo (s) (as of 2026-03-01)\n")
    assert "FI-LAW: Act 531/2017 on Vocational Education and Training, section 126" in text.stdout
    finnish = runner.invoke(cli, ["check", "s", "--report", "coverage"]).stdout  # the system's default_language
    assert finnish.startswith("Kriteerien kattavuus: Demo (s) (tilanne 2026-03-01)\n")
    assert "FI-LAW: Laki ammatillisesta koulutuksesta (531/2017) 126 §" in finnish
    data = json.loads(runner.invoke(cli, ["check", "s", "--report", "coverage", "--format", "json"]).stdout)
    frameworks = data["coverage"][0]["frameworks"]
    assert [fw["id"] for fw in frameworks] == ["FI-LAW", "FI-QMS", "EQAVET", "ISO", "EFQM", "CAF"]
    assert [(fw["version"], fw["in_force"]) for fw in frameworks][:1] == [("531/2017", True)]
    assert frameworks[-1]["in_force"] is False
    assert runner.invoke(cli, ["check", "s", "--report", "coverage", "--format", "sarif"]).exit_code == 2


def test_top_lists_the_findings_to_fix_first(runner: CliRunner) -> None:
    _system()
    every = runner.invoke(cli, ["check", "s", "--lang", "en"])
    top = runner.invoke(cli, ["check", "s", "--lang", "en", "--top", "3"])
    listed = every.stdout.splitlines()
    assert len(listed) > 3
    shown = top.stdout.splitlines()
    assert len(shown) == 3 and all(line in listed for line in shown)
    note, summary = top.stderr.splitlines()
    assert note.startswith(f"... and {len(listed) - 3} more")
    assert summary == every.stderr.splitlines()[-1]  # the summary still counts every finding


def test_as_of_for_a_single_file(runner: CliRunner) -> None:
    Path("p.yaml").write_text(PROCESS + "review: {version: 1, next_review: 2026-01-01}\n", encoding="utf-8")
    assert "Q108" not in runner.invoke(cli, ["check", "p.yaml"]).stdout
    late = runner.invoke(cli, ["check", "p.yaml", "--as-of", "2026-03-01", "--lang", "en"])
    assert "warning Q108 review-overdue: the review of process 'p' was due on 2026-01-01" in late.stdout
    bad = runner.invoke(cli, ["check", "p.yaml", "--as-of", "1.3.2026"])
    assert bad.exit_code == 2 and "'1.3.2026' is not a date" in bad.stderr


def test_config_problem_exits_2(runner: CliRunner) -> None:
    _system(extra="checks:\n  rules: {Q0410: off}\n")
    result = runner.invoke(cli, ["check", "s"])
    assert result.exit_code == 2
    assert "s/system.yaml:7:11: error config: unknown rule 'Q0410' in the check configuration (did you mean 'Q410'?)" \
        in result.stdout


def test_several_paths_one_summary(runner: CliRunner) -> None:
    _system()
    Path("q.yaml").write_text(PROCESS.replace("process: p", "process: q"), encoding="utf-8")
    result = runner.invoke(cli, ["check", "s", "q.yaml", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["summary"]["processes"] == 2
    assert any(f["file"] == "q.yaml" for f in data["findings"])


@pytest.mark.parametrize(("system", "process"), [
    ("redu", "talousarvio"), ("redu", "oppijan_polku"), ("sakk", "koulutuksen_suunnittelu")])
def test_a_process_file_of_a_system_gives_its_findings_of_the_folder_check(system: str, process: str) -> None:
    from tests.conftest import MODELS

    runner = CliRunner()
    folder = runner.invoke(cli, ["check", str(MODELS / system), "--format", "json"])
    alone = runner.invoke(cli, ["check", str(MODELS / system / "processes" / f"{process}.yaml"), "--format", "json"])
    assert alone.exit_code == folder.exit_code, alone.output
    mine = [f for f in json.loads(folder.stdout)["findings"] if f["file"].endswith(f"/processes/{process}.yaml")]
    assert json.loads(alone.stdout)["findings"] == mine
    assert all(f["process"] in (process, None) for f in mine)  # None: one finding for several measures


def test_a_typo_in_a_process_file_checked_alone_is_found_against_its_system(runner: CliRunner) -> None:
    _system(PROCESS.replace("owner: r", "owner: rr"))
    result = runner.invoke(cli, ["check", "s/processes/p.yaml"])
    assert result.exit_code == 2
    assert result.stdout == "s/processes/p.yaml:4:8: error load: unknown role 'rr' (did you mean 'r'?)\n"
