"""The test tree mirrors qms/: every module with logic has its own test file.

``qms/graph/queries.py`` is tested in ``tests/graph/test_queries.py``; a rule
``qms/check/rules/structure/s003_no_dead_end.py`` by its fixture folder
``tests/check/rules/S003/`` (run by tests/check/test_rules.py).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qms"
TESTS = ROOT / "tests"

#: Modules without logic of their own: nothing to test but what their imports test.
NO_LOGIC = {
    "__init__.py",  # every package's re-exports (and the rule packages' empty markers)
    "__main__.py",  # `python -m qms`: calls the click group
    "cli/__init__.py",  # the click group: its commands are tested in tests/cli/
    "check/rules/_util.py",  # three one-line text helpers, each with doctests
}

#: Modules tested through another test file today: module → that file. A module that gets
#: its own test file leaves this table (the test below says so); a new module gets no entry.
TESTED_ELSEWHERE = {
    "cli/network.py": "tests/cli/test_compare.py",
    "diff/git.py": "tests/diff/test_versions.py",
    "network/load.py": "tests/network/test_check.py",
    "network/members.py": "tests/network/test_compare.py",
    "network/model.py": "tests/network/test_check.py",
    "network/output.py": "tests/network/test_compare.py",
    "network/run.py": "tests/network/test_compare.py",
    "build/cache.py": "tests/test_build.py",
    "build/checks.py": "tests/test_build.py",
    "build/outputs.py": "tests/test_build.py",
    "build/plan.py": "tests/test_build.py",
    "build/result.py": "tests/test_build.py",
    "build/watch.py": "tests/test_build.py",
    "check/criteria.py": "tests/check/test_coverage.py",
    "check/finding.py": "tests/check/test_output.py",
    "cli/export.py": "tests/cli/test_export_import.py",
    "cli/import_.py": "tests/cli/test_export_import.py",
    "cli/fmt.py": "tests/cli/test_main.py",
    "cli/output.py": "tests/cli/test_main.py",
    "cli/schema.py": "tests/cli/test_main.py",
    "handbook/pdf.py": "tests/test_build.py",
    "handbook/report.py": "tests/handbook/test_build.py",
    "load/fmt.py": "tests/cli/test_main.py",
    "load/messages.py": "tests/load/test_loader.py",
    "load/resolve.py": "tests/load/test_loader.py",
    "load/yaml_reader.py": "tests/load/test_loader.py",
}


def _expected_test(module: Path) -> Path:
    rel = module.relative_to(PACKAGE)
    if rel.parent.name in ("structure", "quality") and rel.parent.parent.name == "rules" and rel.stem[0] in "sq":
        return TESTS / "check" / "rules" / rel.stem.split("_", 1)[0].upper()
    return TESTS / rel.parent / f"test_{rel.stem}.py"


def test_every_module_with_logic_has_its_own_test_file() -> None:
    missing = []
    for module in sorted(PACKAGE.rglob("*.py")):
        rel = module.relative_to(PACKAGE).as_posix()
        if module.name in NO_LOGIC or rel in NO_LOGIC or rel in TESTED_ELSEWHERE:
            continue
        expected = _expected_test(module)
        if not expected.exists():
            missing.append(f"qms/{rel} has no test file: add {expected.relative_to(ROOT).as_posix()}")
    assert missing == [], "\n".join(missing)


def test_the_tables_name_only_what_exists_and_is_still_needed() -> None:
    for rel in NO_LOGIC - {"__init__.py", "__main__.py"}:
        assert (PACKAGE / rel).is_file(), f"qms/{rel} is gone: remove it from NO_LOGIC"
    for rel, where in TESTED_ELSEWHERE.items():
        assert (PACKAGE / rel).is_file(), f"qms/{rel} is gone: remove it from TESTED_ELSEWHERE"
        assert (ROOT / where).is_file(), f"{where}, named for qms/{rel}, is gone"
        own = _expected_test(PACKAGE / rel)
        assert not own.exists(), f"qms/{rel} has {own.relative_to(ROOT).as_posix()} now: remove it from TESTED_ELSEWHERE"
