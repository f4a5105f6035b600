"""The engine: stubs, standalone files, internal errors, suppressions, and no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

from qms.check.config import resolve_config
from qms.check.context import Context
from qms.check.engine import INTERNAL_ERROR, check, run_checks
from qms.check.finding import Finding, Severity, finding
from qms.check.flowgraph import FlowView
from qms.check.registry import RULES, by_code
from qms.check.rule import rule
from qms.load import load
from qms.model import Process, QualitySystem
from tests.strategies import systems

PROCESS = """\
process: p
name: P
category: core
owner: johto
steps:
  - {id: alku, start: Alku}
  - {id: tyo, task: Työ, pdca: do}
  - {id: loppu, end: Loppu}
flow:
  - alku -> tyo
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_single_file_runs_structure_and_process_rules_but_not_system_rules(tmp_path: Path) -> None:
    loaded = load(_write(tmp_path, "p.yaml", PROCESS))
    codes = {f.code for f in run_checks(loaded.system, standalone=True)}
    assert {"S003", "Q102", "Q113"} <= codes  # tyo is a dead end; no inputs; no check step
    assert not codes & {"Q410", "Q504", "Q507", "Q003"}, "system rules need the whole system"


def test_stubs_are_exempt_from_structure_and_content_rules(tmp_path: Path) -> None:
    loaded = load(_write(tmp_path, "p.yaml", "process: p\nname: P\ncategory: core\n"))
    codes = sorted(f.code for f in run_checks(loaded.system, standalone=True))
    assert codes == ["Q001", "Q101"]  # the stub rule and the owner rule (which sees stubs)


def test_findings_carry_rule_severity_location_process_element_and_criteria(tmp_path: Path) -> None:
    loaded = load(_write(tmp_path, "p.yaml", PROCESS))
    f = next(f for f in run_checks(loaded.system, standalone=True) if f.code == "S003")
    assert (f.name, f.severity, f.process, f.element) == ("no-dead-end", Severity.ERROR, "p", "tyo")
    assert (f.file, f.line, f.column) == (str(tmp_path / "p.yaml") if Path(f.file).is_absolute()
                                          else f.file, 7, 5)
    assert (f.criteria, f.refs) == ((), ())  # the flow's well-formedness is not an ISO clause
    assert f.doc_url == "docs/rules/S003.md"
    assert f.hint
    q102 = next(f for f in run_checks(loaded.system, standalone=True) if f.code == "Q102")
    assert (q102.criteria, q102.refs) == (("ISO-4.4-a",), ("ISO 9001:2015 4.4.1 a",))


def test_a_rule_that_raises_becomes_an_internal_error_and_the_run_goes_on(tmp_path: Path) -> None:
    @rule(code="S999", name="always-fails", scope="structure", default_severity="warning")
    def broken(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
        yield finding("first", at=process.loc)
        raise KeyError("missing-step")

    loaded = load(_write(tmp_path, "p.yaml", PROCESS))
    rules = (*RULES, broken)
    findings = run_checks(loaded.system, resolve_config(loaded.system, rules), standalone=True, rules=rules)
    internal = [f for f in findings if f.code == INTERNAL_ERROR]
    assert len(internal) == 1
    assert internal[0].severity is Severity.ERROR
    assert internal[0].message.startswith("rule S999 always-fails failed on process 'p': KeyError: 'missing-step'")
    assert "--ignore S999" in internal[0].hint
    assert any(f.code == "S999" and f.message == "first" for f in findings), "findings before the error are kept"
    assert any(f.code == "S003" for f in findings), "the other rules still ran"


def test_a_system_rule_that_raises_is_reported_once(tmp_path: Path) -> None:
    @rule(code="Q999", name="system-fails", scope="system", default_severity="info")
    def broken(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    folder = tmp_path / "s"
    _write(folder, "system.yaml", "system: s\nname: S\nprovider: {id: s, name: S}\n")
    loaded = load(folder)
    rules = (*RULES, broken)
    findings = run_checks(loaded.system, resolve_config(loaded.system, rules), rules=rules)
    assert [f.message for f in findings if f.code == INTERNAL_ERROR] == [
        f"rule Q999 system-fails failed: RuntimeError: boom at {Path(__file__).name}:{_line_of('boom')}"
    ]


def _line_of(text: str) -> int:
    for i, line in enumerate(Path(__file__).read_text(encoding="utf-8").splitlines(), 1):
        if f'RuntimeError("{text}")' in line:
            return i
    raise AssertionError(text)


def test_suppression_by_code_or_name_on_process_step_and_measure(tmp_path: Path) -> None:
    text = PROCESS.replace("owner: johto\n", "owner: johto\nignore: {Q102: Syötteet kuvataan J1:ssä}\n").replace(
        "{id: tyo, task: Työ, pdca: do}", "{id: tyo, task: Työ, pdca: do, ignore: {no-dead-end: Kesken}}"
    ) + "measures:\n  - {id: M-1, name: A, ignore: {Q201: Luonnos}}\n"
    loaded = load(_write(tmp_path, "p.yaml", text))
    result = check(loaded.system, standalone=True)
    codes = {f.code for f in result.findings}
    assert not codes & {"Q102", "S003", "Q201"}
    assert {f.code for f in result.suppressed} == {"Q102", "S003", "Q201"}
    assert "Q002" not in codes, "every suppression has a reason"


def test_the_clock_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FarFuture(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2999, 1, 1)

    folder = tmp_path / "s"
    _write(folder, "system.yaml", "system: s\nname: S\nas_of: 2026-03-01\nprovider: {id: s, name: S}\n"
           "development_plan:\n  id: ks\n  name: KS\n  actions: [{id: A-1, name: A, due: 2026-06-30}]\n")
    _write(folder, "processes/p.yaml", PROCESS + "review: {version: 1, next_review: 2027-01-01}\n")
    loaded = load(folder)
    before = run_checks(loaded.system)
    monkeypatch.setattr(dt, "date", FarFuture)
    assert run_checks(loaded.system) == before
    assert not {"Q108", "Q512"} & {f.code for f in before}


def test_as_of_argument_overrides_the_systems_date(tmp_path: Path) -> None:
    loaded = load(_write(tmp_path, "p.yaml", PROCESS + "review: {version: 1, next_review: 2027-01-01}\n"))
    config = resolve_config(loaded.system, RULES, select=["Q108"])
    assert check(loaded.system, config, standalone=True).findings == []
    late = check(loaded.system, config, as_of=dt.date(2027, 1, 2), standalone=True).findings
    assert [f.code for f in late] == ["Q108"]


def test_a_process_the_flow_builder_cannot_take_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qms.check.context as context

    def explode(process: Process) -> FlowView:
        raise ValueError("bad step")

    monkeypatch.setattr(context, "flow_view", explode)
    loaded = load(_write(tmp_path, "p.yaml", PROCESS))
    findings = run_checks(loaded.system, standalone=True)
    assert [f.message for f in findings if f.code == INTERNAL_ERROR] == [
        "building the flow of the process failed on process 'p': ValueError: bad step at test_engine.py:"
        f"{_def_line('bad step')}"
    ]


def _def_line(text: str) -> int:
    for i, line in enumerate(Path(__file__).read_text(encoding="utf-8").splitlines(), 1):
        if f'ValueError("{text}")' in line:
            return i
    raise AssertionError(text)


def test_rules_do_not_change_the_model(tmp_path: Path) -> None:
    folder = Path(__file__).parents[2] / "models" / "redu"
    assert folder.is_dir(), "models/redu is missing: the example must be committed"
    system = load(folder).system
    dump = system.model_dump()
    run_checks(system)
    assert system.model_dump() == dump


def test_severity_comes_from_the_config() -> None:
    assert by_code("S006").default_severity is Severity.WARNING


def test_run_checks_takes_a_profile_name(tmp_path: Path) -> None:
    loaded = load(_write(tmp_path, "p.yaml", PROCESS))
    strict = run_checks(loaded.system, "strict", standalone=True)
    assert {f.severity for f in strict if f.code == "Q102"} == {Severity.ERROR}


def test_no_rule_fails_on_any_test_input() -> None:
    """Every rule case, every broken loader file and every example: no internal error, whatever loads."""
    root = Path(__file__).resolve().parents[2]
    inputs = [p for p in (root / "tests" / "check" / "rules").glob("*/*") if p.name.startswith(("valid", "invalid"))]
    inputs += sorted((root / "tests" / "load" / "broken").glob("*.yaml"))
    inputs += [p for p in (root / "models").iterdir() if (p / "system.yaml").is_file()]
    assert len(inputs) > 150
    for path in inputs:
        loaded = load(path)
        if loaded.system is None:
            continue
        findings = run_checks(loaded.system, standalone=loaded.standalone)
        assert [f.message for f in findings if f.code == INTERNAL_ERROR] == [], path


@settings(max_examples=60, deadline=None)
@given(systems())
def test_no_rule_fails_on_random_systems(system: QualitySystem) -> None:
    findings = run_checks(system, as_of=dt.date(2026, 3, 1))
    assert [f.message for f in findings if f.code == INTERNAL_ERROR] == []
