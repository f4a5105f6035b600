"""Located problems and the two kinds of error."""

from __future__ import annotations

from qms.errors import InternalError, Problem, QmsError, UserError
from qms.location import SourceLocation


def test_a_problem_reads_like_a_compiler_message() -> None:
    p = Problem(SourceLocation("a.yaml", 3, 5), "unknown role 'qa'", "did you mean 'qa_lead'?")
    assert p.format() == "a.yaml:3:5: error: unknown role 'qa' (did you mean 'qa_lead'?)"
    assert Problem(SourceLocation("a.yaml"), "empty", severity="warning").format() == "a.yaml: warning: empty"


def test_a_user_error_carries_every_problem() -> None:
    first = Problem(SourceLocation("a.yaml", 1, 1), "one")
    second = Problem(SourceLocation("b.yaml", 2, 1), "two")
    error = UserError([first, second])
    assert error.problems == [first, second]
    assert str(error) == "a.yaml:1:1: error: one\nb.yaml:2:1: error: two"
    assert UserError("plain").problems[0].format() == "qms: error: plain"


def test_both_errors_are_qms_errors_and_differ() -> None:
    assert issubclass(UserError, QmsError) and issubclass(InternalError, QmsError)
    assert not issubclass(InternalError, UserError)
