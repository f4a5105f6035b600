"""Configuration: rule sets, profiles, checks: in system.yaml, [tool.qms], --select/--ignore."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.check.config import (
    PROFILES,
    RULESETS,
    find_project_config,
    parse_project_config,
    resolve_config,
    ruleset,
    select_rules,
)
from qms.check.engine import run_checks
from qms.check.finding import Severity
from qms.check.registry import RULES, by_code
from qms.load import load

SYSTEM = "system: s\nname: S\nas_of: 2026-03-01\nprovider: {id: s, name: S}\n"
GOVERNED = """\
process: {pid}
name: P
category: {category}
governed_by_cycle: true
steps:
  - {{id: alku, start: Alku}}
  - {{id: tyo, task: Työ, pdca: check}}
  - {{id: loppu, end: Loppu}}
flow:
  - alku -> tyo -> loppu
"""


def _system(tmp_path: Path, extra: str = "", processes: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "s"
    (folder / "processes").mkdir(parents=True)
    (folder / "system.yaml").write_text(SYSTEM + extra, encoding="utf-8")
    for name, text in (processes or {}).items():
        (folder / "processes" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_every_rule_is_in_exactly_one_rule_set_at_its_default_severity() -> None:
    seen: dict[str, str] = {}
    for name in RULESETS:
        for code, severity in ruleset(name)["rules"].items():
            assert code not in seen, f"{code} is in {seen[code]} and {name}"
            seen[code] = name
            assert severity == by_code(code).default_severity.value, f"{name}.yaml: {code}"
    assert set(seen) == {r.code for r in RULES}
    assert all(seen[r.code] == "structure" for r in RULES if r.code.startswith("S"))


def test_recommended_runs_every_rule_at_its_default() -> None:
    config = resolve_config(None, RULES)
    assert config.settings.profile == "recommended"
    assert all(config.severity(r) is r.default_severity for r in RULES)


def test_strict_turns_warnings_into_errors_and_keeps_infos() -> None:
    config = resolve_config(None, RULES, profile="strict")
    assert config.severity(by_code("Q105")) is Severity.ERROR
    assert config.severity(by_code("Q003")) is Severity.INFO
    assert config.settings.option("inherit_measures") == "none"


def test_small_provider_lowers_bookkeeping_rules_and_lets_the_cycle_govern() -> None:
    config = resolve_config(None, RULES, profile="small-provider")
    assert config.severity(by_code("Q117")) is Severity.INFO
    assert config.settings.option("inherit_measures") == "all"


@pytest.mark.parametrize(("profile", "category", "expected"), [
    ("recommended", "management", []),
    ("recommended", "core", ["Q103"]),
    ("small-provider", "core", []),
    ("strict", "management", ["Q103", "Q105"]),
])
def test_profiles_decide_who_inherits_measures_and_risks(tmp_path: Path, profile: str, category: str,
                                                         expected: list[str]) -> None:
    folder = _system(tmp_path, processes={"p": GOVERNED.format(pid="p", category=category)})
    system = load(folder).system
    config = resolve_config(system, RULES, profile=profile, select=["Q103", "Q105"])
    assert sorted(f.code for f in run_checks(system, config)) == expected


def test_checks_in_system_yaml_set_profile_severities_and_parameters(tmp_path: Path) -> None:
    folder = _system(tmp_path, "checks:\n  profile: strict\n  rules: {Q001: warning, no-dead-end: off, Q504: info}\n"
                               "  audit_cycle_years: 5\n")
    system = load(folder).system
    config = resolve_config(system, RULES)
    assert config.settings.profile == "strict"
    assert config.settings.audit_cycle_years == 5
    assert config.severity(by_code("Q001")) is Severity.WARNING
    assert config.severity(by_code("S003")) is None
    assert config.severity(by_code("Q504")) is Severity.INFO
    assert config.problems == ()


def test_unknown_rule_in_checks_is_a_located_config_problem(tmp_path: Path) -> None:
    folder = _system(tmp_path, "checks:\n  rules: {Q0504: off}\n")
    system = load(folder).system
    (problem,) = resolve_config(system, RULES).problems
    assert (problem.rule, problem.location.line, problem.location.column) == ("config", 6, 11)
    assert problem.message == "unknown rule 'Q0504' in the check configuration"
    assert problem.hint == "did you mean 'Q504'?"


def test_pyproject_is_found_upward_and_system_yaml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "laatu"\n\n[tool.qms]\nprofile = "small-provider"\nreview_interval_months = 24\n\n'
        '[tool.qms.rules]\nQ206 = "off"\nQ504 = "error"\n', encoding="utf-8")
    folder = _system(tmp_path, "checks:\n  rules: {Q504: warning}\n")
    project, problems = find_project_config(folder)
    assert problems == []
    assert project is not None and project.data["profile"] == "small-provider"
    config = resolve_config(load(folder).system, RULES, project=project)
    assert config.settings.profile == "small-provider"
    assert config.settings.review_interval_months == 24
    assert config.severity(by_code("Q206")) is None
    assert config.severity(by_code("Q504")) is Severity.WARNING  # system.yaml overrides pyproject


def test_pyproject_without_tool_qms_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.qms]\nprofile = "strict"\n', encoding="utf-8")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    project, _ = find_project_config(tmp_path / "inner")
    assert project is not None and project.data["profile"] == "strict"


def test_bad_pyproject_values_are_located() -> None:
    text = '[tool.qms]\nprofile = "strict"\naudit_cycle_years = "three"\n\n[tool.qms.rules]\nS0001 = "off"\n'
    project, problems = parse_project_config(text, "pyproject.toml")
    assert problems == [] and project is not None
    config = resolve_config(None, RULES, project=project)
    assert [(str(p.location), p.message) for p in config.problems] == [
        ("pyproject.toml:3:1", "[tool.qms] expected a whole number for 'audit_cycle_years', got 'three'"),
    ]
    project2, _ = parse_project_config('[tool.qms.rules]\nS0001 = "off"\n', "pyproject.toml")
    config2 = resolve_config(None, RULES, project=project2)
    assert [(p.location.line, p.message, p.hint) for p in config2.problems] == [
        (2, "unknown rule 'S0001' in the check configuration", "did you mean 'S001'?"),
    ]


def test_pyproject_problems_are_located_in_the_tool_qms_table_only() -> None:
    # The same keys elsewhere in the file (another tool's table, a comment) are not the place.
    text = ('[tool.other]\nprofile = "x"\nQ0410 = "off"\nrules = 3\n\n'
            '[tool.qms]\nprofil = "strict"\nrules = {Q0410 = "off"}\n')
    project, _ = parse_project_config(text, "pyproject.toml")
    config = resolve_config(None, RULES, project=project)
    assert [(str(p.location), p.message, p.hint) for p in config.problems] == [
        ("pyproject.toml:7:1", "[tool.qms] unknown key 'profil'", "did you mean 'profile'?"),
    ]
    text = text.replace("profil ", "profile ")
    project, _ = parse_project_config(text, "pyproject.toml")
    config = resolve_config(None, RULES, project=project)
    assert [(str(p.location), p.message) for p in config.problems] == [
        ("pyproject.toml:8:10", "unknown rule 'Q0410' in the check configuration"),
    ]


def test_pydantic_words_never_reach_the_user_from_pyproject() -> None:
    text = '[tool.qms]\nreview_interval_months = [1]\nprofile = 3\n'
    project, _ = parse_project_config(text, "pyproject.toml")
    messages = [p.message for p in resolve_config(None, RULES, project=project).problems]
    assert messages and not any("Input should" in m or "valid" in m for m in messages), messages


def test_invalid_toml_is_a_problem() -> None:
    project, problems = parse_project_config("[tool.qms\n", "pyproject.toml")
    assert project is None
    assert problems[0].message.startswith("invalid TOML")


@pytest.mark.parametrize(("selectors", "expected"), [
    (["S003"], {"S003"}),
    (["no-dead-end"], {"S003"}),
    (["Q50"], {f"Q50{i}" for i in range(1, 10)}),
    (["structure"], {r.code for r in RULES if r.code.startswith("S")}),
])
def test_select_forms(selectors: list[str], expected: set[str]) -> None:
    codes, unknown = select_rules(selectors, RULES)
    assert (codes, unknown) == (expected, [])


def test_select_and_ignore_combine() -> None:
    config = resolve_config(None, RULES, select=["structure"], ignore=["S016", "fake-join"])
    running = {r.code for r in RULES if config.severity(r) is not None}
    assert running == {r.code for r in RULES if r.code.startswith("S")} - {"S016", "S007"}


def test_select_turns_on_a_rule_the_config_turned_off(tmp_path: Path) -> None:
    folder = _system(tmp_path, "checks:\n  rules: {Q003: off}\n")
    config = resolve_config(load(folder).system, RULES, select=["Q003"])
    assert config.severity(by_code("Q003")) is Severity.INFO


def test_profiles_are_the_documented_three() -> None:
    assert PROFILES == ("recommended", "strict", "small-provider")
