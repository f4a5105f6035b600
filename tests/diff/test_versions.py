"""Loading a side of a diff from a folder or from a git revision; clean errors for bad revisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.diff import diff_systems, load_side, split_range
from qms.diff.git import log_revisions, split_rev_path
from qms.errors import UserError
from tests.diff.gitrepo import commit_edit, make_repo


def test_a_path_at_two_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = make_repo(tmp_path)
    commit_edit(tmp_path, system / "processes" / "talousarvio.yaml", "owner: talousjohtaja", "owner: johtoryhma",
                "owner of the budget process", "2026-02-01T09:00:00", tag="v2")
    monkeypatch.chdir(tmp_path)
    old, new = load_side("models/redu", "v1"), load_side("v2:models/redu")
    assert old.system and new.system
    changes = diff_systems(old.system, new.system)
    assert [(c.what, c.process, c.old, c.new) for c in changes] == [("owner", "talousarvio", "talousjohtaja", "johtoryhma")]
    assert [v.subject for v in log_revisions(system)] == ["first version", "owner of the budget process"]


def test_an_unknown_revision_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as exc:
        load_side("models/redu", "no-such-tag")
    assert str(exc.value) == ("no-such-tag:models/redu: error: unknown revision 'no-such-tag' "
                              "(give a commit, tag or branch that `git log --oneline` shows)")


def test_a_path_missing_at_a_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as exc:
        load_side("models/nothing", "v1")
    assert str(exc.value) == ("v1:models/nothing: error: 'models/nothing' did not exist at v1 "
                              "(check the path, or list it with `git ls-tree REV PATH`)")


def test_outside_a_repository_there_is_no_history(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    assert log_revisions(tmp_path / "x") == []


def test_rev_specs() -> None:
    assert split_rev_path("v1:models/redu") == ("v1", "models/redu")
    assert split_range("a..b") == ("a", "b")
    with pytest.raises(UserError, match="is not a range"):
        split_range("a")


def test_a_process_file_at_a_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    old = load_side("v1:models/redu/processes/talousarvio.yaml")
    assert old.standalone and old.system is not None
    assert [p.process for p in old.system.processes] == ["talousarvio"]
