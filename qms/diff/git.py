"""Read a system as it was at a git revision, and the revisions that touched a path (``git`` via subprocess)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from qms.errors import Problem, UserError
from qms.location import SourceLocation

__all__ = ["GitVersion", "export_revision", "git", "log_revisions", "repo_root", "split_rev_path"]


def git(args: Sequence[str], cwd: Path, *, what: str = "") -> bytes:
    """Run ``git ARGS`` in ``cwd``; a failure is a :class:`UserError` carrying git's own message."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UserError([Problem(SourceLocation(str(cwd)), "git is not installed",
                                 "install git, or compare two folders instead of revisions")]) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = message[0] if message else f"git {' '.join(args)} failed"
        first = first.removeprefix("fatal: ")
        raise UserError([Problem(SourceLocation(what or str(cwd)), first,
                                 "check the revision with `git log --oneline`")])
    return done.stdout


def repo_root(path: Path) -> Path:
    """The top folder of the git work tree that holds ``path``."""
    start = path if path.is_dir() else path.parent
    if not start.exists():
        start = Path.cwd()
    out = git(["rev-parse", "--show-toplevel"], start, what=str(path))
    return Path(out.decode().strip())


def split_rev_path(spec: str) -> tuple[str, str] | None:
    """``REV:path`` → (rev, path); None when ``spec`` is a plain path.

    >>> split_rev_path("HEAD~2:models/redu")
    ('HEAD~2', 'models/redu')
    >>> split_rev_path("models/redu") is None
    True
    """
    rev, sep, path = spec.partition(":")
    if not sep or not rev or ("/" in rev and Path(rev).exists()):
        return None
    return rev, path or "."


def _verify(rev: str, root: Path) -> str:
    out = git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root, what=rev) if rev else b""
    return out.decode().strip()


def export_revision(rev: str, path: str, into: Path, *, cwd: Path | None = None) -> Path:
    """Write ``path`` as it was at ``rev`` under ``into``; return where it now is.

    Raises
    ------
    UserError
        When git does not know the revision, or the path did not exist at it.
    """
    base = cwd or Path.cwd()
    root = repo_root(base / path if (base / path).exists() else base)
    try:
        _verify(rev, root)
    except UserError:
        raise UserError([Problem(SourceLocation(f"{rev}:{path}"), f"unknown revision '{rev}'",
                                 "give a commit, tag or branch that `git log --oneline` shows")]) from None
    rel = (base / path).resolve().relative_to(root.resolve()).as_posix() if (base / path).exists() \
        else Path(path).as_posix()
    missing = UserError([Problem(SourceLocation(f"{rev}:{path}"), f"'{path}' did not exist at {rev}",
                                 "check the path, or list it with `git ls-tree REV PATH`")])
    try:
        git(["cat-file", "-e", f"{rev}:{rel}"], root)
    except UserError:
        raise missing from None
    data = git(["archive", "--format=tar", rev, "--", rel], root, what=f"{rev}:{path}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / rel


class GitVersion(NamedTuple):
    """One commit that touched a path: its hash, date (ISO, from the commit) and subject."""

    commit: str
    date: str
    subject: str


def log_revisions(path: Path) -> list[GitVersion]:
    """The commits that touched ``path``, oldest first ([] when it is not in a git work tree)."""
    try:
        root = repo_root(path)
    except UserError:
        return []
    rel = path.resolve().relative_to(root.resolve()).as_posix() or "."
    out = git(["log", "--reverse", "--format=%H%x1f%cs%x1f%s", "--", rel], root, what=str(path))
    versions = []
    for line in out.decode("utf-8", "replace").splitlines():
        commit, date, subject = line.split("\x1f", 2)
        versions.append(GitVersion(commit, date, subject))
    return versions
