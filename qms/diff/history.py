"""The change history of a process from git: its approved versions, what each changed, and what is pending.

An *approved version* is the first commit in which a process file records a new approval
(``review: {version, approved}``); its changes are the semantic diff against the previous
approved version, not the commit messages. Changes in the working file since the last approved
version are *pending*. Outside a git work tree there is no history.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from qms.diff.git import GitVersion, git, log_revisions, repo_root
from qms.diff.output import change_line
from qms.diff.semantic import Change, diff_processes
from qms.errors import UserError
from qms.load.yaml_reader import parse_text
from qms.model import Process, QualitySystem

__all__ = ["WORDS", "ApprovedVersion", "History", "change_history", "history_words", "process_history",
           "recent_approvals"]


@dataclass(frozen=True, slots=True)
class ApprovedVersion:
    """One approved version of a process: the approval record and what changed since the one before.

    ``changes`` leave out the ``review`` fields: the approval record itself.
    """

    process: str
    version: str | None
    approved: dt.date
    approved_by: str | None
    commit: str
    committed: str
    changes: tuple[Change, ...]
    lines: tuple[str, ...]
    first: bool


@dataclass(frozen=True, slots=True)
class History:
    """The approved versions of a process, newest first, and the changes not yet approved."""

    versions: tuple[ApprovedVersion, ...]
    pending: tuple[str, ...]


#: The words of the history section, by interface language.
WORDS: dict[str, dict[str, str]] = {
    "fi": {"title": "Muutoshistoria", "version": "Versio", "approved": "hyväksytty", "first": "Ensimmäinen hyväksytty versio",
           "pending": "Hyväksymättömät muutokset", "none": "Ei sisällön muutoksia", "recent": "Viimeksi hyväksytyt"},
    "en": {"title": "Change history", "version": "Version", "approved": "approved", "first": "First approved version",
           "pending": "Changes not yet approved", "none": "No changes of content", "recent": "Recently approved"},
    "sv": {"title": "Ändringshistorik", "version": "Version", "approved": "godkänd", "first": "Första godkända versionen",
           "pending": "Ändringar som inte godkänts", "none": "Inga ändringar i innehållet",
           "recent": "Senast godkända"},
}


def history_words(lang: str) -> dict[str, str]:
    """The section's words in ``lang`` (Finnish where there are none)."""
    return WORDS.get(lang, WORDS["fi"])


def _parse(text: bytes, shown: str) -> Process | None:
    parsed, _ = parse_text(text.decode("utf-8", "replace"), shown)
    if parsed is None or not isinstance(parsed.data, dict):
        return None
    try:
        return Process.model_validate(parsed.data)
    except ValidationError:
        return None


def _approval(p: Process | None) -> tuple[str | None, dt.date] | None:
    if p is None or p.review is None or p.review.approved is None:
        return None
    return p.review.version, p.review.approved


def _versions(file: Path, revisions: Sequence[GitVersion]) -> list[tuple[GitVersion, Process]]:
    root = repo_root(file)
    rel = file.resolve().relative_to(root.resolve()).as_posix()
    states = []
    for rev in revisions:
        try:
            text = git(["show", f"{rev.commit}:{rel}"], root)
        except UserError:  # the file did not exist at this commit (renamed or deleted)
            continue
        process = _parse(text, f"{rev.commit[:10]}:{rel}")
        if process is not None:
            states.append((rev, process))
    return states


@functools.lru_cache(maxsize=4096)
def _approved(file: str, head: str) -> tuple[tuple[ApprovedVersion, ...], Process | None]:
    """The approved versions of ``file`` at commit ``head``, oldest first, and the last approved process."""
    path = Path(file)
    approved: list[ApprovedVersion] = []
    base: Process | None = None
    seen: set[tuple[str | None, dt.date]] = set()
    for rev, process in _versions(path, log_revisions(path)):
        key = _approval(process)
        if key is None or key in seen:
            continue
        seen.add(key)
        changes = tuple(c for c in diff_processes(base, process) if not (c.field or "").startswith("review.")) \
            if base is not None else ()
        review = process.review
        assert review is not None and review.approved is not None
        approved.append(ApprovedVersion(process.process, review.version, review.approved, review.approved_by,
                                        rev.commit[:10], rev.date, changes,
                                        tuple(change_line(c, {}, head=False) for c in changes), base is None))
        base = process
    return tuple(approved), base


def process_history(file: str | Path, current: Process | None = None) -> History | None:
    """The history of the process file ``file``; ``current`` is the process as loaded now.

    Returns None outside a git work tree, or when no committed version records an approval.
    Git is asked once per file and commit of the repository (results are cached).
    """
    path = Path(file)
    if not path.is_file():
        return None
    try:
        head = git(["rev-parse", "--verify", "--quiet", "HEAD"], path.parent).decode().strip()
    except UserError:
        return None
    versions, base = _approved(str(path.resolve()), head)
    if not versions:
        return None
    pending: tuple[str, ...] = ()
    if current is not None and base is not None:
        pending = tuple(change_line(c, {}, head=False) for c in diff_processes(base, current))
    return History(tuple(reversed(versions)), pending)


def change_history(process: Process) -> History | None:
    """The history of a loaded process, found through the file it was loaded from (for the handbook)."""
    where = process.loc
    return process_history(where.file, process) if where is not None and where.file else None


def recent_approvals(system: QualitySystem, limit: int = 10) -> list[tuple[Process, ApprovedVersion]]:
    """The latest approved versions of all processes, newest approval first (for the front page)."""
    found: list[tuple[Process, ApprovedVersion]] = []
    for p in system.processes:
        history = change_history(p)
        if history is not None:
            found += [(p, v) for v in history.versions]
    found.sort(key=lambda pv: (pv[1].approved, pv[1].committed, pv[0].process), reverse=True)
    return found[:limit]
