"""The registry and the @rule decorator: stable codes, unique names, known criteria."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from qms.check import registry
from qms.check.criteria import CRITERIA, criterion
from qms.check.finding import Finding
from qms.check.registry import RULES, by_code, rule_for
from qms.check.rule import rule


def _noop(*args: object) -> Iterator[Finding]:
    yield from ()


def test_codes_and_names_are_unique_and_sorted() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(codes, key=lambda c: (c[0] != "S", c))
    assert len(set(codes)) == len(codes)
    assert len({r.name for r in RULES}) == len(RULES)


def test_duplicate_code_or_unknown_criterion_fails_at_import() -> None:
    twin = dataclasses.replace(RULES[0], name="another-name")
    with pytest.raises(ValueError, match="rule key 'S001' of S001 is already used by S001"):
        registry._validate((*RULES, twin))
    alias = dataclasses.replace(RULES[1], code="S998", name="x-y", aliases=("no-dead-end",))
    with pytest.raises(ValueError, match="'no-dead-end'"):
        registry._validate((*RULES, alias))
    unknown = dataclasses.replace(RULES[0], code="S997", name="z-z", criteria=("ISO-99",))
    with pytest.raises(ValueError, match="unknown criterion 'ISO-99'"):
        registry._validate((unknown,))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"code": "X001"}, "is not S### or Q###"),
    ({"name": "NoDeadEnd"}, "is not kebab-case"),
    ({"scope": "everything"}, "scope 'everything'"),
])
def test_decorator_rejects_bad_metadata(kwargs: dict[str, str], message: str) -> None:
    args = {"code": "S999", "name": "ok-name", "scope": "structure", "default_severity": "info", **kwargs}
    with pytest.raises(ValueError, match=message):
        rule(**args)(_noop)  # type: ignore[arg-type]


def test_lookup_by_code_name_and_unknown() -> None:
    assert by_code("S003") is by_code("no-dead-end")
    assert rule_for("nothing") is None


def test_every_auto_and_semi_criterion_has_a_rule() -> None:
    cited = {cid for r in RULES for cid in r.criteria}
    missing = [c.id for c in CRITERIA if c.automation in ("AUTO", "SEMI") and c.id not in cited]
    assert missing == []
    assert all(criterion(cid) is not None for cid in cited)


def test_every_criterion_a_model_can_show_has_its_evidence_function() -> None:
    from qms.check.evidence import ASSESSORS

    assert {c.id for c in CRITERIA if c.automation != "HUMAN"} == set(ASSESSORS)


def test_system_rules_that_skip_single_files_are_marked() -> None:
    assert not by_code("Q410").standalone
    assert by_code("Q201").standalone and by_code("Q002").standalone
    assert by_code("Q001").standalone and by_code("Q001").scope == "system"
    assert by_code("Q101").stubs and not by_code("Q102").stubs


def test_rule_docs_are_current() -> None:
    from pathlib import Path

    from qms.check.docs import rule_pages

    folder = Path(__file__).resolve().parents[2] / "docs" / "rules"
    stale = [name for name, text in rule_pages().items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    assert stale == [], "docs/rules is stale: run `python -m qms.check.docs docs/rules`"
