"""``qms diff`` through the command line: formats, revisions, and the error paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli
from tests.conftest import MODELS
from tests.diff.gitrepo import commit_edit, make_repo


def test_two_folders_as_text_json_and_html(tmp_path: Path) -> None:
    shutil.copytree(MODELS / "redu", tmp_path / "new")
    budget = tmp_path / "new" / "processes" / "talousarvio.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("owner: talousjohtaja", "owner: johtoryhma", 1),
                      encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(cli, ["diff", str(MODELS / "redu"), str(tmp_path / "new")])
    assert text.exit_code == 0, text.output
    assert text.output.splitlines()[1] == "Process Talousarvion laadinta ja seuranta: owner talousjohtaja → johtoryhma"
    data = json.loads(runner.invoke(cli, ["diff", str(MODELS / "redu"), str(tmp_path / "new"), "--format", "json"]).output)
    assert data["changes"] == [{"change": "changed", "what": "owner", "process": "talousarvio", "id": "talousarvio",
                                "field": "owner", "old": "talousjohtaja", "new": "johtoryhma"}]
    out = tmp_path / "d.html"
    html = runner.invoke(cli, ["diff", str(MODELS / "redu"), str(tmp_path / "new"), "--format", "html", "-o", str(out)])
    assert html.exit_code == 0 and html.output == ""
    assert "johtoryhma" in out.read_text(encoding="utf-8")


def test_process_files_and_the_same_folder(tmp_path: Path) -> None:
    file = MODELS / "redu" / "processes" / "talousarvio.yaml"
    result = CliRunner().invoke(cli, ["diff", str(file), str(file)])
    assert result.exit_code == 0
    assert result.output.endswith("no changes\n")


def test_rev_range_and_unknown_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = make_repo(tmp_path)
    commit_edit(tmp_path, system / "processes" / "talousarvio.yaml", "owner: talousjohtaja", "owner: johtoryhma",
                "owner", "2026-02-01T09:00:00", tag="v2")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(cli, ["diff", "models/redu", "--rev", "v1..v2"])
    assert ok.exit_code == 0, ok.output
    assert "owner talousjohtaja → johtoryhma" in ok.output
    bad = runner.invoke(cli, ["diff", "models/redu", "--rev", "v1..v9"])
    assert bad.exit_code == 2
    assert bad.output == ("v9:models/redu: error: unknown revision 'v9' "
                          "(give a commit, tag or branch that `git log --oneline` shows)\n")


def test_usage_errors() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["diff", "a"]).exit_code == 2
    assert runner.invoke(cli, ["diff", "a", "b", "--rev", "x..y"]).exit_code == 2
    mixed = runner.invoke(cli, ["diff", str(MODELS / "redu"), str(MODELS / "redu" / "processes" / "talousarvio.yaml")])
    assert mixed.exit_code == 2 and "must be of one kind" in mixed.output
    missing = runner.invoke(cli, ["diff", "nowhere", str(MODELS / "redu")])
    assert missing.exit_code == 2
    assert "nowhere: error: path does not exist" in missing.output
