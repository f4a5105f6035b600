"""The findings to fix first."""

from __future__ import annotations

from qms.check.finding import Finding, Severity
from qms.check.priority import first_to_fix, weight


def _f(code: str, severity: Severity, *criteria: str, line: int = 1) -> Finding:
    return Finding(code, code.lower(), severity, "m", criteria=criteria)


def test_errors_come_before_warnings_whatever_they_cite() -> None:
    error = _f("S003", Severity.ERROR)
    law = _f("Q501", Severity.WARNING, "FI-LAW-1")
    assert first_to_fix([law, error], 1) == [error]


def test_a_legal_duty_comes_before_a_framework_then_good_practice_then_a_convention() -> None:
    law = _f("Q502", Severity.WARNING, "FI-LAW-4")
    iso = _f("Q410", Severity.WARNING, "ISO-10.2")
    practice = _f("Q509", Severity.WARNING, "FI-QMS-10")
    assert first_to_fix([practice, iso, law], 3) == [law, iso, practice]


def test_a_finding_without_criteria_ranks_with_the_frameworks() -> None:
    stubs = _f("Q001", Severity.WARNING)
    iso = _f("Q410", Severity.WARNING, "ISO-10.2")
    practice = _f("Q509", Severity.WARNING, "FI-QMS-10")
    assert weight(stubs)[:2] == weight(iso)[:2]
    assert first_to_fix([practice, stubs], 1) == [stubs]


def test_n_limits_the_list_and_keeps_it_stable() -> None:
    findings = [_f(f"Q{i:03d}", Severity.INFO) for i in range(10)]
    assert first_to_fix(findings, 3) == first_to_fix(list(reversed(findings)), 3)
    assert len(first_to_fix(findings, 3)) == 3
