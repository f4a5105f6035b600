"""What a build reports: per-stage counts, the outcome, the progress protocol and the warm memo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from qms.errors import Problem

if TYPE_CHECKING:
    from qms.check.finding import Finding

__all__ = ["STAGES", "BuildResult", "Key", "Memo", "Progress", "Quiet", "StageReport"]

#: The stages of a build, in order.
STAGES: tuple[str, ...] = ("check", "diagrams", "bpmn", "handbook", "search")
"""The stages of a build; ``search`` is the handbook's search index (Pagefind), made with its pages."""

class Key(Protocol):
    """How :func:`qms.build.build` keys an output: the hash of the code that makes ``kind``, the
    language, ``extra`` and the content of the inputs ``deps`` (``system``, ``process:<id>``)."""

    def __call__(self, kind: str, deps: Iterable[str], *extra: str) -> str:
        """The key of an output of ``kind`` made from ``deps``."""


@dataclass
class StageReport:
    """What one stage did: outputs made, reused from the last build, and removed."""

    name: str
    made: int = 0
    reused: int = 0
    removed: int = 0
    seconds: float = 0.0
    note: str = ""

    @property
    def summary(self) -> str:
        """One line: ``diagrams   2 made, 5 reused  (1.3 s)``."""
        parts = [f"{self.made} made", f"{self.reused} reused"]
        if self.removed:
            parts.append(f"{self.removed} removed")
        text = f"{self.name:<9} {', '.join(parts)}  ({self.seconds:.1f} s)"
        return f"{text}  {self.note}" if self.note else text


class Progress(Protocol):
    """Where a build reports what it does (the CLI prints it; tests collect it)."""

    def stage(self, name: str, total: int) -> None:
        """A stage starts that has ``total`` outputs to consider."""

    def step(self, name: str, done: int, total: int) -> None:
        """``done`` outputs of the stage are finished (called while slow work runs)."""

    def done(self, report: StageReport) -> None:
        """The stage is finished."""


class Quiet:
    """A :class:`Progress` that reports nothing."""

    def stage(self, name: str, total: int) -> None:
        pass

    def step(self, name: str, done: int, total: int) -> None:
        pass

    def done(self, report: StageReport) -> None:
        pass


@dataclass
class BuildResult:
    """The outcome of :func:`qms.build.build`."""

    out: Path
    stages: list[StageReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # findings by severity
    written: list[str] = field(default_factory=list)
    index: Path | None = None
    pdf: Path | None = None
    messages: list[str] = field(default_factory=list)  # notes for the user (a missing tool …)
    failed: bool = False  # an output could not be made (a diagram Graphviz failed on)
    errors: list[Finding] = field(default_factory=list)  # error-level findings of the checks this build ran

    @property
    def ok(self) -> bool:
        """True when the input loaded, no finding is an error and every output was made."""
        return (not self.failed and not any(p.severity == "error" for p in self.problems)
                and not self.counts.get("error"))


@dataclass
class Memo:
    """What a long-running process keeps between builds (``qms build --watch``).

    Why: after an edit of one process most of print.html is what it was. A warm process
    keeps each chapter of it under the key of its inputs and renders only the chapters
    whose inputs changed; the page is the same, byte for byte, as a cold build's. One
    entry per chapter is kept, so the memo does not grow with each edit.
    """

    parts: dict[str, tuple[str, str]] = field(default_factory=dict)  # part name → (key, HTML)
    graphviz: str | None = None  # ``dot -V`` of the first build
