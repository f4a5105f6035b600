"""Load one side of a diff: a folder or file, or a path as it was at a git revision."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from qms.diff.git import export_revision, split_rev_path
from qms.errors import Problem, UserError
from qms.load import LoadResult, load
from qms.location import SourceLocation

__all__ = ["load_at", "load_side", "split_range"]


def split_range(spec: str) -> tuple[str, str]:
    """``A..B`` → (A, B); B empty means the working tree.

    >>> split_range("v1..v2")
    ('v1', 'v2')
    >>> split_range("HEAD~1..")
    ('HEAD~1', '')
    """
    old, sep, new = spec.partition("..")
    if not sep or not old:
        raise UserError([Problem(SourceLocation("--rev"), f"'{spec}' is not a range A..B",
                                 "write two revisions, e.g. --rev v1..v2, or --rev HEAD~1.. for the working tree")])
    return old, new


def _relocate(problem: Problem, tmp: Path, shown: str) -> Problem:
    file = problem.location.file
    try:
        rel = Path(file).resolve().relative_to(tmp.resolve()).as_posix()
    except ValueError:
        return problem
    return dataclasses.replace(problem, location=dataclasses.replace(problem.location, file=f"{shown}:{rel}"))


def load_at(rev: str, path: str) -> LoadResult:
    """Load ``path`` as it was at git revision ``rev``; problems name ``REV:file``."""
    with tempfile.TemporaryDirectory(prefix="qms-diff-") as tmp:
        where = export_revision(rev, path, Path(tmp))
        result = load(where)
        result.problems = [_relocate(p, Path(tmp), rev) for p in result.problems]
        result.files = [f"{rev}:{path}"]
        result.root = None
    return result


def load_side(spec: str, rev: str = "") -> LoadResult:
    """One side of a diff: ``REV:path``, ``path`` at ``rev``, or ``path`` as it is on disk.

    Raises
    ------
    UserError
        When the side does not load without errors, or git does not know the revision.
    """
    if rev:
        result = load_at(rev, spec)
    else:
        split = split_rev_path(spec) if not Path(spec).exists() else None
        result = load_at(*split) if split else load(spec)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors or result.system is None:
        raise UserError(errors or f"{spec} did not load")
    return result
