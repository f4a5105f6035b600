"""Rule tests as data: every folder tests/check/rules/<CODE>/ and every docstring example runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.check.registry import RULES
from qms.check.rule import Rule
from tests.check.harness import actual, expected, run_rule, write_example

HERE = Path(__file__).parent / "rules"
CASES = sorted(p for folder in HERE.iterdir() if folder.is_dir() for p in folder.iterdir()
               if p.name.startswith(("valid-", "invalid-")))


def _id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def _load_errors(loaded: object) -> list[str]:
    return [p.format() for p in loaded.problems if p.severity == "error"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case(case: Path) -> None:
    code = case.parent.name
    loaded, findings = run_rule(case, code)
    assert _load_errors(loaded) == []
    assert [f for f in findings if f.code == "internal-error"] == []
    got = actual(case, findings)
    if case.name.startswith("invalid-"):
        want = expected(case)
        assert want, f"{_id(case)} declares no '# expect:' line"
        assert {w[0] for w in want} == {code}, "an invalid case expects only its own rule"
        assert got == want
    else:
        assert got == [], "a valid case has no finding"


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_valid_and_invalid_cases(r: Rule) -> None:
    names = [p.name for p in (HERE / r.code).iterdir()] if (HERE / r.code).is_dir() else []
    assert any(n.startswith("invalid-") for n in names), f"tests/check/rules/{r.code}/ has no invalid case"
    assert any(n.startswith("valid-") for n in names), f"tests/check/rules/{r.code}/ has no valid case"


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_docstring_examples(r: Rule, tmp_path: Path) -> None:
    kinds = [e.kind for e in r.examples]
    assert "bad" in kinds and "good" in kinds, f"{r.code}: the docstring needs a **Bad** and a **Good** example"
    assert r.section("Why") and r.section("Fix"), f"{r.code}: the docstring needs Why: and Fix: paragraphs"
    for i, example in enumerate(r.examples):
        case = write_example(example.text, tmp_path / f"{example.kind}{i}")
        loaded, findings = run_rule(case, r.code)
        assert _load_errors(loaded) == [], f"{r.code} {example.kind} example does not load"
        own = [f for f in findings if f.code == r.code]
        assert [f for f in findings if f.code == "internal-error"] == []
        if example.kind == "bad":
            assert own, f"{r.code}: the bad example gives no finding"
        else:
            assert own == [], f"{r.code}: the good example gives {[f.message for f in own]}"


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_rule_module_shape(r: Rule) -> None:
    module = r.func.__module__.rsplit(".", 1)[-1]
    assert module == f"{r.code.lower()}_{r.name.replace('-', '_')}", "file is sNNN_<name>.py / qNNN_<name>.py"
    assert ("structure" in r.func.__module__) == r.code.startswith("S")
    assert r.summary.endswith("."), f"{r.code}: the summary is one sentence"
