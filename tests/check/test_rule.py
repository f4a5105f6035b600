"""The rule decorator: codes, names and scopes checked; the docstring becomes the documentation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qms.check.finding import Finding
from qms.check.registry import by_code
from qms.check.rule import rule


def _check() -> Iterator[Finding]:
    """Every step has an owner.

    Why: someone answers for it.

    Fix: add `owner:`.
    """
    yield from ()


_check.__module__ = "rules.without.a.module"  # the docstring of the function stands in for a rule module's


def test_a_rule_reads_its_summary_sections_and_aliases() -> None:
    r = rule(code="S999", name="step-owner", scope="structure", default_severity="warning", aliases=["owner"])(_check)
    assert r.summary == "Every step has an owner."
    assert r.section("Why") == "Someone answers for it."
    assert r.section("Fix") == "Add `owner:`."
    assert r.doc_url == "docs/rules/S999.md"
    assert r.matches("S999") and r.matches("step-owner") and r.matches("owner") and not r.matches("S998")
    assert r.standalone and list(r()) == []


@pytest.mark.parametrize(("code", "name", "scope", "message"), [
    ("X001", "a-rule", "structure", "is not S### or Q###"),
    ("S001", "A_Rule", "structure", "is not kebab-case"),
    ("S001", "a-rule", "everything", "is not one of"),
])
def test_a_malformed_rule_is_refused(code: str, name: str, scope: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rule(code=code, name=name, scope=scope, default_severity="error")  # type: ignore[arg-type]


def test_the_examples_of_a_registered_rule_are_read_from_its_docstring() -> None:
    examples = by_code("S003").examples
    assert [e.kind for e in examples] == ["bad", "good"]
    assert all(e.text.endswith("\n") and not e.text.startswith(" ") for e in examples)
