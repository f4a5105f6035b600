"""A throw-away git repository holding an example system, for tests of revisions and history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import MODELS

ENV = {"GIT_AUTHOR_NAME": "Laatu", "GIT_AUTHOR_EMAIL": "laatu@example.org", "GIT_COMMITTER_NAME": "Laatu",
       "GIT_COMMITTER_EMAIL": "laatu@example.org", "HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1"}


def run_git(repo: Path, *args: str, date: str = "2026-01-15T10:00:00") -> str:
    env = {**ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(root: Path, name: str = "redu") -> Path:
    """``root`` as a git repository with ``models/<name>`` committed once (tag ``v1``)."""
    shutil.copytree(MODELS / name, root / "models" / name)
    run_git(root, "init", "-q", "-b", "main")
    run_git(root, "add", ".")
    run_git(root, "commit", "-q", "-m", "first version")
    run_git(root, "tag", "v1")
    return root / "models" / name


def commit_edit(repo: Path, file: Path, old: str, new: str, message: str, date: str, tag: str = "") -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    run_git(repo, "commit", "-q", "-am", message, date=date)
    if tag:
        run_git(repo, "tag", tag)
