"""The ``qms build`` pipeline and the ``build`` and ``handbook`` commands: outputs, incrementality, errors."""

from __future__ import annotations

import importlib
import io
import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import qms.build as pipeline
import qms.build.checks
import qms.build.outputs
import qms.build.plan
from qms.build import CACHE_FILE, BuildResult, StageReport, build, check_outputs
from qms.cli import cli
from qms.cli.build import TerminalProgress
from qms.errors import UserError

HOSTILE = Path(__file__).parent / "handbook" / "data" / "hostile"
needs_dot = pytest.mark.needs_dot


@pytest.fixture
def system(tmp_path: Path) -> Path:
    target = tmp_path / "hostile"
    shutil.copytree(HOSTILE, target)
    return target


def made(result: BuildResult) -> dict[str, int]:
    return {s.name: s.made for s in result.stages}


def test_build_makes_every_output(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(system, out)
    assert [s.name for s in result.stages] == ["check", "diagrams", "bpmn", "handbook"]
    for rel in ("report/check.txt", "report/check.json", "report/check.sarif", "index.html", "print.html",
                "processes/talous.html", "processes/~talous.html", "static/qms.css", "bpmn/talous.bpmn", CACHE_FILE):
        assert (out / rel).is_file(), rel
    assert not (out / "bpmn/~talous.bpmn").exists()  # a stub has no flow to export
    sarif = json.loads((out / "report/check.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    data = json.loads((out / "report/check.json").read_text(encoding="utf-8"))
    assert data["summary"]["warnings"] == result.counts["warning"] > 0
    assert result.index == out / "index.html"


@needs_dot
def test_diagrams_are_drawn_and_shown(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(system, out)
    assert result.ok, result.messages
    for rel in ("diagrams/map.svg", "diagrams/vuosikello.svg", "diagrams/processes/talous.svg"):
        assert (out / rel).is_file(), rel
    page = (out / "processes/talous.html").read_text(encoding="utf-8")
    assert 'id="flow-talous"' in page and "<svg" in page
    assert '<img src="diagrams/vuosikello.svg"' in (out / "vuosikello.html").read_text(encoding="utf-8")


@needs_dot
def test_second_build_reuses_everything(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    again = build(system, out)
    assert made(again) == {"check": 0, "diagrams": 0, "bpmn": 0, "handbook": 0}
    assert again.written == []


def test_the_search_index_follows_the_pages(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    entry = out / "pagefind" / "pagefind-entry.json"
    assert entry.is_file()
    first = entry.stat().st_mtime_ns
    build(system, out)
    assert entry.stat().st_mtime_ns == first  # no page changed: the index is kept
    file = system / "processes" / "talous_pieni.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Tee <em>jotain</em>", "Tee jotain muuta"),
                    encoding="utf-8")
    build(system, out)
    assert entry.stat().st_mtime_ns != first
    skipped = tmp_path / "skipped"
    build(system, skipped, stages=["check", "handbook"])
    assert (skipped / "index.html").is_file() and not (skipped / "pagefind").exists()


@needs_dot
def test_editing_one_process_redoes_only_what_depends_on_it(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    glossary_before = (out / "glossary.html").stat().st_mtime_ns
    file = system / "processes" / "talous_pieni.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Tee <em>jotain</em>", "Tee jotain muuta"),
                    encoding="utf-8")
    result = build(system, out)
    written = set(result.written)
    assert {"processes/talous.html", "diagrams/processes/talous.svg", "bpmn/talous.bpmn", "index.html",
            "report/check.json", "print.html"} <= written
    assert not written & {"processes/~talous.html", "glossary.html", "static/qms.css"}
    # The map shows no step names: its DOT text is unchanged, so Graphviz is not run for it.
    assert {w for w in written if w.startswith("diagrams/")} == {"diagrams/processes/talous.svg"}
    assert (out / "glossary.html").stat().st_mtime_ns == glossary_before
    assert "Tee jotain muuta" in (out / "processes/talous.html").read_text(encoding="utf-8")


def test_an_edit_that_changes_no_picture_runs_no_graphviz(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    file = system / "processes" / "talous_pieni.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\ndescription: Lisätty kuvaus, joka ei näy kaaviossa.\n", encoding="utf-8")
    result = build(system, out)
    assert "processes/talous.html" in result.written
    assert not [w for w in result.written if w.startswith("diagrams/")]
    assert "Lisätty kuvaus" in (out / "processes/talous.html").read_text(encoding="utf-8")


def test_editing_system_yaml_redoes_every_page(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    file = system / "system.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Voiteluaine.", "Öljyä."), encoding="utf-8")
    written = set(build(system, out).written)
    assert {"glossary.html", "processes/talous.html", "processes/~talous.html"} <= written


def test_deleted_process_is_removed_and_other_files_are_kept(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    (system / "processes" / "talous_iso.yaml").unlink()
    text = (system / "processes" / "talous_pieni.yaml").read_text(encoding="utf-8")
    (system / "processes" / "talous_pieni.yaml").write_text(text.replace("from: [Talous]", "from: [opiskelija]"),
                                                            encoding="utf-8")
    system_text = (system / "system.yaml").read_text(encoding="utf-8").replace("[talous, Talous]", "[talous]")
    (system / "system.yaml").write_text(system_text, encoding="utf-8")
    build(system, out)
    assert not (out / "processes/~talous.html").exists()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_changed_or_missing_outputs_are_made_again(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    (out / "roles.html").write_text("tampered", encoding="utf-8")
    (out / "plan.html").unlink()
    written = set(build(system, out).written)
    assert written == {"roles.html", "plan.html"}
    assert "tampered" not in (out / "roles.html").read_text(encoding="utf-8")


def test_a_corrupt_cache_means_a_full_build(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(system, out)
    (out / CACHE_FILE).write_text("{not json", encoding="utf-8")
    result = build(system, out)
    assert "index.html" in result.written
    assert json.loads((out / CACHE_FILE).read_text(encoding="utf-8"))["version"] == 1


def test_load_errors_stop_after_the_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    (bad / "processes").mkdir(parents=True)
    (bad / "system.yaml").write_text("system: s\nname: S\nprovider: {id: s, name: S}\n", encoding="utf-8")
    (bad / "processes" / "p.yaml").write_text("process: p\nname: P\ncategory: core\nownr: x\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(bad, out)
    assert not result.ok
    assert "unknown key 'ownr'" in (out / "report/check.txt").read_text(encoding="utf-8")
    assert not (out / "index.html").exists()


def test_criteria_report_covers_the_catalogue() -> None:
    from qms.check import CRITERIA
    from qms.handbook.report import COVERAGE_STATES
    from qms.load import load

    result = load(Path(__file__).parent.parent / "models" / "redu")
    findings, outcome = qms.build.checks.run_checks(result)
    assert result.system is not None and outcome is not None
    report = pipeline.criteria_report(result.system, findings, outcome)
    assert [c.id for c in report.criteria] == [c.id for c in CRITERIA]
    assert {c.state for c in report.criteria} <= set(COVERAGE_STATES)
    fi_law_3 = next(c for c in report.criteria if c.id == "FI-LAW-3")
    assert fi_law_3.state == "met" and fi_law_3.evidence == ("EV-01",)


def test_criteria_report_is_the_coverage_report_in_the_page_language() -> None:
    from qms.check import coverage
    from qms.check.coverage import status_word
    from qms.handbook.texts import word
    from qms.load import load

    result = load(Path(__file__).parent.parent / "models" / "redu")
    findings, outcome = qms.build.checks.run_checks(result)
    assert result.system is not None and outcome is not None
    report = pipeline.criteria_report(result.system, findings, outcome, lang="fi")
    expected = coverage(result.system, outcome.findings, lang="fi")
    for cr in report.criteria:
        status = expected.get(cr.id)
        assert status is not None
        assert cr.state == status.status.replace(" ", "-")
        assert (cr.shown, cr.items) == (status.shown, status.items)
        assert word(f"cov_{cr.state}", "fi") == status_word(status.status, "fi")
    law = next(c for c in report.criteria if c.id == "FI-LAW-1")
    assert "531/2017" in law.ref and law.titles["fi"] != law.titles["en"]
    assert any(fw_name.endswith(")") for _, fw_name in report.frameworks)  # the version applied is named
    english = pipeline.criteria_report(result.system, findings, outcome, lang="en")
    pairs = [(fi.message, en.message) for fi, en in zip(report.findings, english.findings, strict=True)
             if fi.code.startswith("Q")]
    assert pairs and all(fi != en for fi, en in pairs)  # the rule messages are said in Finnish


def test_check_outputs_formats() -> None:
    from qms.check.finding import Finding, Severity
    from qms.location import SourceLocation

    v = Finding("S001", "start-event-required", Severity.ERROR, "no start", "add one", SourceLocation("p.yaml", 3, 1))
    out = check_outputs([v], files=1, processes=1)
    assert out["report/check.txt"] == b"p.yaml:3:1: error S001 start-event-required: no start (add one)\n"
    assert json.loads(out["report/check.json"])["summary"] == {
        "errors": 1, "warnings": 0, "infos": 0, "files": 1, "processes": 1}
    result = json.loads(out["report/check.sarif"])["runs"][0]["results"][0]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}


def test_progress_prints_one_line_per_stage() -> None:
    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress.done(StageReport("diagrams", made=2, reused=5, seconds=1.25))
    assert stream.getvalue() == "diagrams  2 made, 5 reused  (1.2 s)\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_clicks_bar_then_the_stage_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    stream = _Terminal()
    progress = TerminalProgress(stream)
    progress.stage("diagrams", 4)
    progress.step("diagrams", 2, 4)
    progress.step("handbook", 3, 9)  # another stage's step while the diagrams' bar shows: ignored
    progress.done(StageReport("diagrams", made=4, seconds=0.5))
    text = stream.getvalue()
    assert "diagrams  [##################------------------]   50%" in text
    assert text.endswith("diagrams  4 made, 0 reused  (0.5 s)\n")


def test_unknown_stage_is_refused(system: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown build stage"):
        build(system, tmp_path / "out", stages=["render"])


# -- the commands --------------------------------------------------------------------------------


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_build_command_prints_the_index_path(runner: CliRunner, system: Path) -> None:
    result = runner.invoke(cli, ["build", str(system), "-o", "out", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "out/index.html\n"
    assert 'lang="en"' in Path("out/index.html").read_text(encoding="utf-8")


def test_handbook_command_builds_only_the_site(runner: CliRunner, system: Path) -> None:
    result = runner.invoke(cli, ["handbook", str(system), "-o", "site"])
    assert result.exit_code == 0, result.output
    assert Path("site/index.html").is_file()
    assert not Path("site/report").exists() and not Path("site/bpmn").exists()


def test_handbook_command_exit_2_on_load_errors(runner: CliRunner) -> None:
    Path("p.yaml").write_text("process: p\nname: P\ncategory: core\nownr: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["handbook", "p.yaml", "-o", "site"])
    assert result.exit_code == 2
    assert "p.yaml:4:1: error: unknown key 'ownr'" in result.stderr


def test_pdf_without_chromium_says_what_to_do(runner: CliRunner, system: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qms.build.outputs, "chromium_binary", lambda: None)
    result = runner.invoke(cli, ["handbook", str(system), "-o", "site", "--pdf"])
    assert result.exit_code == 2
    assert "--pdf needs Chromium, which is not installed" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
@pytest.mark.needs_chromium
def test_pdf_is_printed_with_chromium(runner: CliRunner, system: Path) -> None:
    result = runner.invoke(cli, ["handbook", str(system), "-o", "site", "--pdf"])
    assert result.exit_code == 0, result.output
    assert Path("site/handbook.pdf").read_bytes().startswith(b"%PDF")
    assert result.stdout.splitlines()[-1] == "site/handbook.pdf"


# -- incremental builds equal cold builds; the warm memo; watching ----------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _rename_a_step(system: Path) -> None:  # the flow diagram changes
    file = system / "processes" / "talous_pieni.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Tee <em>jotain</em>", "Tee jotain muuta"),
                    encoding="utf-8")


def _add_a_result(system: Path) -> None:  # no diagram changes
    file = system / "processes" / "talous_pieni.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace('{period: "2025", value: 4.2}',
                                                             '{period: "2025", value: 4.2}, {period: "2026", value: 3.1}'),
                    encoding="utf-8")


def _edit_system_yaml(system: Path) -> None:
    file = system / "system.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Voiteluaine.", "Öljyä."), encoding="utf-8")


@pytest.mark.parametrize("edit", [_rename_a_step, _add_a_result, _edit_system_yaml])
@pytest.mark.parametrize("warm", [True, False], ids=["warm", "fresh"])
def test_an_incremental_build_equals_a_cold_build(system: Path, tmp_path: Path, edit: object, warm: bool) -> None:
    out = tmp_path / "out"
    memo = pipeline.Memo() if warm else None
    build(system, out, memo=memo)
    edit(system)  # type: ignore[operator]
    again = build(system, out, memo=memo)
    assert again.written and len(again.written) < len(tree(out))
    cold = tmp_path / "cold"
    build(system, cold)
    assert tree(out) == tree(cold)


def test_a_warm_rebuild_keeps_the_chapters_of_unchanged_processes(system: Path, tmp_path: Path) -> None:
    memo = pipeline.Memo()
    build(system, tmp_path / "out", memo=memo)
    before = dict(memo.parts)
    assert {"front", "process:talous", "process:Talous", "glossary"} <= set(before)
    _add_a_result(system)
    build(system, tmp_path / "out", memo=memo)
    redone = {name for name, entry in memo.parts.items() if entry is not before[name]}
    assert {"process:talous", "measures", "front"} <= redone
    assert not redone & {"process:Talous", "glossary"}


def test_a_file_saved_during_a_build_is_built_again(system: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is saved again just after it was loaded: the next build must not take the outputs
    # made from the older text for outputs of the newer one.
    load = qms.build.plan.load

    def load_then_edit(path: object) -> object:
        result = load(path)  # type: ignore[arg-type]
        _rename_a_step(system)
        return result

    monkeypatch.setattr(qms.build.plan, "load", load_then_edit)
    build(system, tmp_path / "out")
    monkeypatch.setattr(qms.build.plan, "load", load)
    build(system, tmp_path / "out")
    build(system, tmp_path / "cold")
    assert tree(tmp_path / "out") == tree(tmp_path / "cold")


def _watch_in_thread(system: Path, out: Path, **kwargs: object) -> tuple[list[pipeline.Rebuild], threading.Thread,
                                                                           threading.Event]:
    builds: list[pipeline.Rebuild] = []
    first = threading.Event()

    def on_build(done: pipeline.Rebuild) -> None:
        builds.append(done)
        first.set()

    thread = threading.Thread(target=pipeline.watch, args=(system, out),
                              kwargs={"on_build": on_build, "interval": 0.05, **kwargs}, daemon=True)
    thread.start()
    assert first.wait(60), "the first build did not finish"
    return builds, thread, first


def test_watch_builds_again_after_a_save(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    builds, thread, _ = _watch_in_thread(system, out, max_rebuilds=1)
    assert builds[0].changed == [] and builds[0].result is not None and builds[0].result.ok
    _rename_a_step(system)
    thread.join(60)
    assert not thread.is_alive()
    done = builds[1]
    assert done.changed == ["processes/talous_pieni.yaml"]
    assert done.result is not None and "processes/talous.html" in done.result.written
    assert "glossary.html" not in done.result.written
    assert "Tee jotain muuta" in (out / "processes/talous.html").read_text(encoding="utf-8")
    assert done.seconds > 0


def _save_and_wait(file: Path, text: str, builds: list[pipeline.Rebuild], count: int) -> None:
    """Save ``text`` to ``file`` and wait (up to a minute) until the watch made ``count`` builds."""
    file.write_text(text, encoding="utf-8")
    deadline = time.monotonic() + 60
    while len(builds) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_watch_reports_broken_input_and_goes_on(system: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    builds, thread, _ = _watch_in_thread(system, out, max_rebuilds=2)
    file = system / "processes" / "talous_pieni.yaml"
    text = file.read_text(encoding="utf-8")
    _save_and_wait(file, text + "ownr: x\n", builds, 2)
    broken = builds[1].result
    assert broken is not None and not broken.ok
    lines = [p.format() for p in broken.problems if p.severity == "error"]
    assert any(re.search(r"talous_pieni\.yaml:\d+:1: error: unknown key 'ownr'", line) for line in lines), lines
    file.write_text(text.replace("Tee <em>jotain</em>", "Tee jotain muuta"), encoding="utf-8")
    thread.join(60)
    assert not thread.is_alive()
    fixed = builds[2].result
    assert fixed is not None and fixed.ok and "processes/talous.html" in fixed.written


def test_watch_notices_a_new_process_and_stops_when_asked(system: Path, tmp_path: Path) -> None:
    stop = threading.Event()
    builds, thread, _ = _watch_in_thread(system, tmp_path / "out", stop=stop)
    (system / "processes" / "uusi.yaml").write_text("process: uusi\nname: Uusi\ncategory: support\n",
                                                    encoding="utf-8")
    deadline = time.monotonic() + 60
    while len(builds) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    assert builds[1].changed == ["processes/uusi.yaml"]
    assert (tmp_path / "out" / "processes" / "uusi.html").is_file()


def test_watch_goes_on_after_a_failure_of_qms_itself(system: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    watching = importlib.import_module("qms.build.watch")  # (the package's `watch` is the function)
    real = watching.build
    calls: list[int] = []

    def fails_once(*args: object, **kwargs: object) -> pipeline.BuildResult:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a bug")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(watching, "build", fails_once)
    builds, thread, _ = _watch_in_thread(system, tmp_path / "out", max_rebuilds=2, stages=["check"])
    file = system / "processes" / "talous_pieni.yaml"
    text = file.read_text(encoding="utf-8")
    _save_and_wait(file, text + "# a first save\n", builds, 2)
    file.write_text(text + "# a second save\n", encoding="utf-8")
    thread.join(60)
    assert not thread.is_alive()
    assert isinstance(builds[1].bug, RuntimeError) and builds[1].result is None
    assert builds[2].bug is None and builds[2].result is not None and builds[2].result.ok


def test_a_process_file_of_a_system_is_built_with_its_system_and_rebuilt_when_another_file_changes(
        system: Path, tmp_path: Path) -> None:
    file = system / "processes" / "talous_pieni.yaml"
    build(file, tmp_path / "out")
    roles = system / "system.yaml"  # another input: the pages that name the role change
    roles.write_text(roles.read_text(encoding="utf-8").replace("Öljyäjä", "Voitelija"), encoding="utf-8")
    build(file, tmp_path / "out")
    build(system, tmp_path / "cold")
    out, cold = tree(tmp_path / "out"), tree(tmp_path / "cold")
    assert {k: v for k, v in out.items() if k != CACHE_FILE} == {k: v for k, v in cold.items() if k != CACHE_FILE}


@needs_dot
def test_editing_a_wide_process_redraws_only_its_printed_pages(tmp_path: Path) -> None:
    system = tmp_path / "redu"
    shutil.copytree(Path(__file__).parents[1] / "models" / "redu", system)
    out, cold = tmp_path / "out", tmp_path / "cold"
    build(system, out, stages=["diagrams"])
    pages = (out / "diagrams/print/oppijan_polku.svg").read_text(encoding="utf-8")
    assert pages.count("<!-- qms:page -->") > 1 and "Opiskeluoikeuden kirjaus" in pages
    file = system / "processes" / "oppijan_polku.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Opiskeluoikeuden kirjaus", "Opintojen kirjaus"),
                    encoding="utf-8")
    result = build(system, out, stages=["diagrams"])
    assert set(result.written) == {"diagrams/processes/oppijan_polku.svg", "diagrams/print/oppijan_polku.svg"}
    assert "Opintojen kirjaus" in (out / "diagrams/print/oppijan_polku.svg").read_text(encoding="utf-8")
    build(system, cold, stages=["diagrams"])
    assert tree(out / "diagrams") == tree(cold / "diagrams")  # the same bytes as a build from scratch


@needs_dot
def test_printed_pages_graphviz_fails_on_leave_the_flow_printed_whole_and_are_drawn_next_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = tmp_path / "redu"
    shutil.copytree(Path(__file__).parents[1] / "models" / "redu", system)
    out = tmp_path / "out"
    draw_one = qms.build.outputs._draw_one
    monkeypatch.setattr(qms.build.outputs, "_draw_one", lambda d: "oppijan_polku-3: Graphviz failed (no)"
                        if d.name.startswith("oppijan_polku-") else draw_one(d))
    result = build(system, out, stages=["diagrams", "handbook"])
    assert result.failed and result.messages == ["oppijan_polku-3: Graphviz failed (no)"]
    assert not (out / "diagrams/print/oppijan_polku.svg").exists()
    printed = (out / "print.html").read_text(encoding="utf-8")
    assert 'id="flow-oppijan_polku"' in printed and 'id="flow-oppijan_polku-page-2"' not in printed
    assert 'id="flow-talousarvio-page-2"' in printed  # the other flows print as their pages
    monkeypatch.setattr(qms.build.outputs, "_draw_one", draw_one)
    again = build(system, out, stages=["diagrams", "handbook"])
    assert not again.failed and {"diagrams/print/oppijan_polku.svg", "print.html"} <= set(again.written)
    assert 'id="flow-oppijan_polku-page-2"' in (out / "print.html").read_text(encoding="utf-8")
