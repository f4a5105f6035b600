"""Change history from git: approved versions, their changes, pending changes, and the handbook's section."""

from __future__ import annotations

from pathlib import Path

from qms.diff.history import process_history, recent_approvals
from qms.handbook.build import build_site
from qms.load import load
from tests.diff.gitrepo import commit_edit, make_repo, run_git


def _approve_v4(repo: Path, budget: Path) -> None:
    text = budget.read_text(encoding="utf-8")
    start = text.index("review:")
    budget.write_text(text[:start] + "review: {version: 4, approved_by: yhtymahallitus, approved: 2026-03-01}\n",
                      encoding="utf-8")
    commit_edit(repo, budget, "owner: talousjohtaja", "owner: johtoryhma", "approve version 4",
                "2026-03-02T12:00:00")


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    system = make_repo(tmp_path)
    budget = system / "processes" / "talousarvio.yaml"
    commit_edit(tmp_path, budget, "owner: talousjohtaja", "owner: talousjohtaja  # draft", "a comment only",
                "2026-02-01T09:00:00")
    _approve_v4(tmp_path, budget)
    return system, budget


def test_each_approved_version_lists_its_changes(tmp_path: Path) -> None:
    system, budget = _repo(tmp_path)
    history = process_history(budget, load(system).system.process("talousarvio"))
    assert history is not None
    newest, first = history.versions
    assert (newest.version, str(newest.approved), newest.approved_by) == ("4", "2026-03-01", "yhtymahallitus")
    assert newest.committed == "2026-03-02"
    assert newest.lines == ("owner talousjohtaja → johtoryhma",)  # the review fields are the approval record
    assert [c.field for c in newest.changes] == ["owner"]
    assert first.first and first.version == "3" and first.changes == ()
    assert history.pending == ()


def test_changes_since_the_approved_version_are_pending(tmp_path: Path) -> None:
    system, budget = _repo(tmp_path)
    budget.write_text(budget.read_text(encoding="utf-8").replace("owner: johtoryhma", "owner: talousjohtaja", 1),
                      encoding="utf-8")
    history = process_history(budget, load(system).system.process("talousarvio"))
    assert history is not None
    assert history.pending == ("owner johtoryhma → talousjohtaja",)


def test_no_history_outside_git_or_without_approval(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("process: p\nname: P\ncategory: core\n", encoding="utf-8")
    assert process_history(tmp_path / "p.yaml") is None
    run_git(tmp_path, "init", "-q")
    run_git(tmp_path, "add", ".")
    run_git(tmp_path, "commit", "-q", "-m", "p")
    assert process_history(tmp_path / "p.yaml") is None


def test_the_handbook_shows_the_history_on_the_process_page_and_the_front_page(tmp_path: Path) -> None:
    system, _ = _repo(tmp_path)
    loaded = load(system).system
    assert loaded is not None
    assert [(p.process, v.version) for p, v in recent_approvals(loaded)][:2] == [("talousarvio", "4"),
                                                                                 ("talousarvio", "3")]
    site = build_site(loaded, lang="fi")
    page = site["processes/talousarvio.html"].decode()
    assert 'id="process-talousarvio-history">Muutoshistoria</h2>' in page
    assert "owner talousjohtaja → johtoryhma" in page
    front = site["index.html"].decode()
    assert 'id="recent-approvals"' in front
    assert "<li>owner talousjohtaja → johtoryhma</li>" in front
