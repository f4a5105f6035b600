"""Error taxonomy: UserError (fixable input) and InternalError (a bug in qms)."""

from __future__ import annotations

from dataclasses import dataclass

from qms.location import SourceLocation

__all__ = ["InternalError", "Problem", "QmsError", "UserError"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in the input: what is wrong and what to do.

    Why: loading collects every problem of a run and reports them together, in the
    compiler-style form ``path:line:col: error: message (hint)``.
    """

    location: SourceLocation
    message: str
    hint: str = ""
    severity: str = "error"
    rule: str = "load"
    process: str = ""
    element: str = ""

    def format(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class QmsError(Exception):
    """Base class of every error qms raises on purpose."""


class UserError(QmsError):
    """Input the user can fix; printed without a traceback.

    Carries one or more located problems.
    """

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(SourceLocation("qms"), problems)]
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class InternalError(QmsError):
    """A bug in qms: printed with a traceback and a request to report it."""
