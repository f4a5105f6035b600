"""Every mistake of the newcomer's report, made on a small system: the exact messages and exit status.

Each case copies ``tests/load/newcomer/`` (a system that checks without errors), makes one
mistake in it and runs ``qms check`` as a user would. A load problem is one located message
per mistake with a hint, never a traceback; what loads but cannot be meant is a warning.
The numbers are the rows of the report's table.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.build import Rebuild, watch
from qms.cli import cli
from qms.load import load

BASE = Path(__file__).parent / "newcomer"
P = "jedu/processes/poikkeamat.yaml"  # as shown; the edits name the file inside the folder
S = "jedu/system.yaml"
LONG_EDIT = "task: " + "Pitkä nimi " * 1018 + ","
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@dataclass(frozen=True)
class Case:
    """One mistake: text replacements ``(file, old, new)``, the error and load-warning lines of
    ``qms check`` (exactly, in order) and its exit status; ``change`` edits the folder otherwise;
    ``single`` checks the process file instead of the folder."""

    edits: tuple[tuple[str, str, str], ...]
    lines: tuple[str, ...]
    exit_code: int
    change: Callable[[Path], None] | None = None
    single: bool = False


def _write(rel: str, data: bytes) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder.parent / rel).write_bytes(data)
    return change


def _remove(rel: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder.parent / rel).unlink()
    return change


def _copy(rel: str, to: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        shutil.copy(folder.parent / rel, folder / to)
    return change


def _latin_1(folder: Path) -> None:
    path = folder.parent / P
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def _bom_crlf_yml(folder: Path) -> None:
    path = folder.parent / P
    text = path.read_text(encoding="utf-8")
    path.unlink()
    path.with_suffix(".yml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


CASES: dict[str, Case] = {
    '01-key-typo': Case((('processes/poikkeamat.yaml', '\nowner: laatupaallikko', '\nownr: laatupaallikko'), ), (
        f"{P}:4:1: error load: unknown key 'ownr' (did you mean 'owner'?)",
    ), 2),
    '02-unknown-lane': Case((('processes/poikkeamat.yaml', 'Onko poikkeama vakava?, lane: laatupaallikko', 'Onko poikkeama vakava?, lane: laatupalliko'), ), (
        f"{P}:14:58: error load: unknown lane 'laatupalliko' (did you mean 'laatupaallikko'?)",
    ), 2),
    '03-dangling-flow': Case((('processes/poikkeamat.yaml', 'paatos -> vastaus -> suljettu', 'paatos -> vastaus -> suljetu'), ), (
        f"{P}:22:5: error load: unknown step 'suljetu' (did you mean 'suljettu'?)",
    ), 2),
    '04-duplicate-step-id': Case((('processes/poikkeamat.yaml', '{id: arviointi, task:', '{id: kirjaus, task:'), ), (
        f"{P}:13:10: error load: duplicate step id 'kirjaus' (first at line 12) (ids must be unique; rename one)",
        f"{P}:19:5: error load: unknown step 'arviointi' (flows connect step ids of this process)",
    ), 2),
    '05-tab-indent': Case((('processes/poikkeamat.yaml', '  - {id: kirjaus', '\t- {id: kirjaus'), ), (
        f'{P}:12:1: error load: tab character in indentation (YAML indents with spaces; replace the tabs with spaces)',
    ), 2),
    '06-bad-indent': Case((('processes/poikkeamat.yaml', '  - {id: kirjaus', '   - {id: kirjaus'), ), (
        f"{P}:12:4: error load: invalid YAML: this line is indented differently from the list it is in (indent each '- ' item of a list by the same number of spaces)",
    ), 2),
    '07-non-ascii-id': Case((('processes/poikkeamat.yaml', '{id: paatos,', '{id: päätös,'), ('processes/poikkeamat.yaml', 'vakava -> paatos', 'vakava -> päätös'), ('processes/poikkeamat.yaml', 'paatos -> vastaus', 'päätös -> vastaus'), ), (
        f"{P}:15:10: error load: 'id': id 'päätös' must be ASCII letters, digits, _ . - (try 'paatos')",
        f"{P}:20:5: error load: 'to': id 'päätös' must be ASCII letters, digits, _ . - (try 'paatos')",
        f"{P}:22:5: error load: 'from': id 'päätös' must be ASCII letters, digits, _ . - (try 'paatos')",
    ), 2),
    '08-missing-category': Case((('processes/poikkeamat.yaml', 'category: support\n', ''), ), (
        f"{P}:1:1: error load: missing required key 'category' (add `category:` with one of: management, core, support)",
    ), 2),
    '09-impossible-date': Case((('processes/poikkeamat.yaml', 'approved: 2026-11-30', 'approved: 2026-13-45'), ), (
        f"{P}:33:59: error load: '2026-13-45' is not a date: there is no month 13 (write a real date as YYYY-MM-DD, e.g. 2026-01-31)",
    ), 2),
    '10a-not-a-leap-year': Case((('processes/poikkeamat.yaml', 'approved: 2026-11-30', 'approved: 2026-02-29'), ), (
        f"{P}:33:59: error load: '2026-02-29' is not a date: month 2 of 2026 has 28 days (write a real date as YYYY-MM-DD, e.g. 2026-02-28)",
    ), 2),
    '10b-impossible-as-of': Case((('system.yaml', 'as_of: 2026-12-05', 'as_of: 2026-02-30'), ), (
        f"{S}:4:8: error load: '2026-02-30' is not a date: month 2 of 2026 has 28 days (write a real date as YYYY-MM-DD, e.g. 2026-02-28)",
    ), 2),
    '11-finnish-date': Case((('processes/poikkeamat.yaml', 'approved: 2026-11-30', 'approved: 30.11.2026'), ), (
        f"{P}:33:59: error load: expected a date (YYYY-MM-DD) for 'approved', got '30.11.2026'",
    ), 2),
    '12-unclosed-bracket': Case((('processes/poikkeamat.yaml', 'laatupaallikko, johtoryhma]', 'laatupaallikko, johtoryhma'), ), (
        f"{P}:6:8: error load: invalid YAML: the '[' here is not closed (close it with ']', or quote a text that holds ',' or ':')",
    ), 2),
    '13a-empty-file': Case((), (
        f'{P}:1:1: error load: file is empty (start from `qms new process NAME`)',
    ), 2, change=_write(P, b"")),
    '13b-only-a-comment': Case((), (
        f'{P}:1:1: error load: file is empty (start from `qms new process NAME`)',
    ), 2, change=_write(P, b"# vain kommentti\n")),
    '14-binary-file': Case((), (
        f'{P}:1:1: error load: file is binary, not a YAML text file (check the file name and its content)',
    ), 2, change=_write(P, b"\x89PNG\r\n\x1a\n\x00\x00")),
    '15-latin-1': Case((), (
        f'{P}:2:41: error load: file is not UTF-8 (byte 0xe4) (save the file as UTF-8 in your editor)',
    ), 2, change=_latin_1),
    '16-cycle-without-exit': Case((('processes/poikkeamat.yaml', 'vakava -> vastaus: ei', 'vakava -> arviointi: ei'), ('processes/poikkeamat.yaml', 'paatos -> vastaus -> suljettu', 'paatos -> arviointi\n  - vastaus -> suljettu'), ), (
        f"{P}:13:5: error S003 no-dead-end: steps 'arviointi', 'vakava' and 'paatos' loop without a way to an end event (add an exit branch from the loop to the next step or an end event)",
        f"{P}:16:5: error S005 no-unreachable: step 'vastaus' cannot be reached from a start event (add a flow into 'vastaus' from the step that comes before it)",
    ), 1),
    '17-very-long-name': Case((('processes/poikkeamat.yaml', 'task: Syyn selvitys,', LONG_EDIT), ), (
        f"{P}:13:27: warning load: the name of step 'arviointi' is 11197 characters long (keep a name under 200 characters and put the rest in `description:`)",
    ), 0),
    '18a-target-in-words': Case((('processes/poikkeamat.yaml', '"<= 14 pv"', '"alle 14 pv"'), ), (
        f"{P}:28:13: error load: 'target': 'alle 14 pv' is not a comparison (write '< 14 pv')",
    ), 2),
    '18b-target-no-number': Case((('processes/poikkeamat.yaml', '"<= 14 pv"', '"mahdollisimman nopea"'), ), (
        f"{P}:28:13: error load: 'target': 'mahdollisimman nopea' is not a comparison (write an operator and a number with its unit, e.g. '>= 60 %', '<= 14 pv' or '100 %')",
    ), 2),
    '19-text-result': Case((('processes/poikkeamat.yaml', 'value: 12}', 'value: kaksikymmentä}'), ), (
        f"{P}:32:39: warning load: result 'kaksikymmentä' of measure 'kasittelyaika' is not a number, so it is not compared with the target '<= 14 pv' (write the result as a number, e.g. 20 or '20 %')",
    ), 0),
    '20-duplicate-key': Case((('processes/poikkeamat.yaml', '\nowner: laatupaallikko\n', '\nowner: laatupaallikko\nowner: esihenkilo\n'), ), (
        f"{P}:5:1: error load: duplicate key 'owner' (first at line 4) (remove one of them)",
    ), 2),
    '21-unknown-document': Case((('processes/poikkeamat.yaml', 'documents: [raportti]', 'documents: [raporti]'), ), (
        f"{P}:15:99: error load: unknown document 'raporti' (did you mean 'raportti'?)",
    ), 2),
    '22-bad-pdca': Case((('processes/poikkeamat.yaml', 'lane: esihenkilo, pdca: check}', 'lane: esihenkilo, pdca: tarkista}'), ), (
        f"{P}:13:66: error load: 'tarkista' is not allowed for 'pdca' (use one of: plan, do, check, act)",
    ), 2),
    '23-unknown-stakeholder': Case((('processes/poikkeamat.yaml', 'vastaus -> asiakas: vastaus', 'vastaus -> asiakkas: vastaus'), ), (
        f"{P}:24:5: error load: unknown participant 'asiakkas' (did you mean 'asiakas'?)",
    ), 2),
    '24-lane-not-in-lanes': Case((('processes/poikkeamat.yaml', 'laatupaallikko, johtoryhma]', 'laatupaallikko]'), ), (
        f"{P}:15:64: error load: lane 'johtoryhma' is not in the process's lanes (add it to lanes:)",
    ), 2),
    '25-same-process-twice': Case((), (
        f"{P}:1:10: error load: duplicate process id 'poikkeamat' (also defined in jedu/processes/kopio.yaml; rename one)",
    ), 2, change=_copy(P, "processes/kopio.yaml")),
    '26-self-loop': Case((('processes/poikkeamat.yaml', '  - paatos -> vastaus -> suljettu', '  - paatos -> vastaus -> suljettu\n  - arviointi -> arviointi'), ), (
        f"{P}:13:5: error S008 no-implicit-split: step 'arviointi' splits the flow without a gateway (to 'vakava', 'arviointi') (add a `decision:` (one branch) or `parallel:` (all branches) step after 'arviointi')",
    ), 1),
    '27-flow-out-of-end': Case((('processes/poikkeamat.yaml', '  - paatos -> vastaus -> suljettu', '  - paatos -> vastaus -> suljettu\n  - suljettu -> kirjaus'), ), (
        f"{P}:23:5: error S019 event-flow-direction: flow 'suljettu -> kirjaus' leaves end event 'suljettu' (make 'suljettu' a task or an intermediate `event:`, or turn the flow around)",
    ), 1),
    '28-unlabelled-branches': Case((('processes/poikkeamat.yaml', 'vakava -> paatos: kyllä', 'vakava -> paatos'), ('processes/poikkeamat.yaml', 'vakava -> vastaus: ei', 'vakava -> vastaus'), ), (
        f"{P}:20:5: error S010 labelled-branches: branch 'vakava -> paatos' of decision 'vakava' has no label (write the answer after the flow: `vakava -> paatos: kyllä`)",
        f"{P}:21:5: error S010 labelled-branches: branch 'vakava -> vastaus' of decision 'vakava' has no label (write the answer after the flow: `vakava -> vastaus: kyllä`)",
    ), 1),
    '29-one-branch': Case((('processes/poikkeamat.yaml', '  - vakava -> vastaus: ei\n', ''), ), (), 0),
    '30-wrong-arrow': Case((('processes/poikkeamat.yaml', 'paatos -> vastaus -> suljettu', 'paatos => vastaus -> suljettu'), ), (
        f"{P}:22:5: error load: 'from': 'paatos => vastaus' is not a flow: the arrow is '->' (write 'paatos -> vastaus')",
    ), 2),
    '31-numeric-id': Case((('processes/poikkeamat.yaml', '{id: arviointi,', '{id: 123,'), ), (
        f"{P}:13:10: error load: expected text for 'id', got 123 (an id starts with a letter or _: try 'p123')",
    ), 2),
    '32-datetime': Case((('processes/poikkeamat.yaml', 'approved: 2026-11-30', 'approved: 2026-11-30T10:00:00'), ), (
        f"{P}:33:59: error load: expected a date (YYYY-MM-DD) for 'approved', got '2026-11-30T10:00:00' (leave out the time of day)",
    ), 2),
    '33-comma-in-text': Case((('system.yaml', '{fi: Asiakas, en: Customer}', '{fi: Asiakas (opiskelija, huoltaja tai työpaikka), en: Customer}'), ), (
        f'{S}:20:51: error load: \'huoltaja tai työpaikka)\' has no value: a comma inside an unquoted text ends the text (put the text in quotes: fi: "Asiakas (opiskelija, huoltaja tai työpaikka)")',
    ), 2),
    '34a-two-kinds': Case((('processes/poikkeamat.yaml', 'task: Poikkeaman kirjaus,', 'task: Poikkeaman kirjaus, decision: Kirjataanko?,'), ), (
        f'{P}:12:5: error load: a step has one kind, this one has 2: task, decision',
    ), 2),
    '34b-no-kind': Case((('processes/poikkeamat.yaml', 'task: Poikkeaman kirjaus, ', ''), ), (
        f'{P}:12:5: error load: a step needs its kind as a key: start, end, event, task, decision, parallel, '
        'inclusive, call, subprocess, event_gateway or complex',
    ), 2),
    '35-alias-bomb': Case((), (
        f'{P}:1:1: error load: YAML aliases expand to too many elements (alias bomb?) (write the content out instead of nesting aliases)',
    ), 2, change=_write(P, BOMB.encode())),
    '36-missing-system-yaml': Case((), (
        'jedu: error load: folder has no system.yaml (a system folder holds system.yaml and processes/*.yaml; create one with `qms new system DIR`)',
    ), 2, change=_remove(S)),
    '37-bom-crlf-yml': Case((), (), 0, change=_bom_crlf_yml),
    '39a-single-file-owner-typo': Case((('processes/poikkeamat.yaml', '\nowner: laatupaallikko', '\nowner: laatupalliko'), ), (
        f"{P}:4:8: error load: unknown role 'laatupalliko' (did you mean 'laatupaallikko'?)",
    ), 2, single=True),
    '39b-single-file-stakeholder': Case((('processes/poikkeamat.yaml', 'vastaus -> asiakas: vastaus', 'vastaus -> asiakkas: vastaus'), ), (
        f"{P}:24:5: error load: unknown participant 'asiakkas' (did you mean 'asiakas'?)",
    ), 2, single=True),
    '39c-single-file-lane-role': Case((('processes/poikkeamat.yaml', 'johtoryhma]', 'johtoryhma, hallitus]'), ), (
        f"{P}:6:61: error load: unknown role 'hallitus' (use a role id from roles: in system.yaml)",
    ), 2, single=True),

}


def _system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "jedu"
    shutil.copytree(BASE, folder)
    return folder


def _apply(folder: Path, case: Case) -> None:
    for rel, old, new in case.edits:
        path = folder / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if case.change is not None:
        case.change(folder)


def test_the_system_of_the_cases_checks_without_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _system(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["check", "jedu", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert ": error " not in result.stdout and "load" not in result.stdout


@pytest.mark.parametrize("name", list(CASES))
def test_mistake(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    folder = _system(tmp_path, monkeypatch)
    _apply(folder, case)
    result = CliRunner().invoke(cli, ["check", P if case.single else "jedu", "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    shown = [line for line in result.stdout.splitlines() if ": error " in line or ": warning load" in line]
    assert shown == list(case.lines)
    assert result.exit_code == case.exit_code


@pytest.mark.parametrize(("command", "verb"), [("render", "drawn"), ("export", "exported")])
def test_16_render_and_export_say_that_a_process_has_structure_errors(
        command: str, verb: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _system(tmp_path, monkeypatch)
    _apply(folder, CASES["16-cycle-without-exit"])
    options = ["-f", "dot"] if command == "render" else []
    result = CliRunner().invoke(cli, [command, "jedu", "-o", "out", *options])
    assert result.exit_code == 0, result.output
    assert (f"qms {command}: warning: process 'poikkeamat' has 2 structure errors; it is {verb} as written "
            "(see qms check jedu)\n") in result.stderr


@pytest.mark.parametrize(("written", "message"), [  # YAML reads the last one as a date: its reader says it
    ("2026-13", "'2026-13' is not a date: there is no month 13"),
    ('"2026-02-30"', "'2026-02-30' is not a date: month 2 of 2026 has 28 days"),
    ("2026-02-30", "'2026-02-30' is not a date: month 2 of 2026 has 28 days"),
])
def test_10c_a_date_as_precise_as_known_must_be_a_real_one(written: str, message: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _system(tmp_path, monkeypatch)
    with (folder / "system.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"evaluations:\n  - {{id: arvio, name: Itsearviointi, type: self_assessment, date: {written}}}\n")
    result = load(folder)
    assert [(p.location.line, p.message) for p in result.problems if p.severity == "error"] == [
        (26, message if written == "2026-02-30" else f"'date': {message}")]


def test_38_new_process_refuses_an_owner_that_is_no_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _system(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["new", "process", "Kuvaus", "--system", "jedu", "--owner", "laatupaalliko"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for --owner: 'laatupaalliko' is not a role of "
                                  "jedu/system.yaml (did you mean 'laatupaallikko'?)\n")


def test_40_watch_survives_an_impossible_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _system(tmp_path, monkeypatch)
    builds: list[Rebuild] = []
    thread = threading.Thread(target=watch, args=(folder, tmp_path / "out"), daemon=True,
                              kwargs={"on_build": builds.append, "interval": 0.05, "max_rebuilds": 2,
                                      "stages": ["check"]})
    thread.start()
    path = folder / "processes" / "poikkeamat.yaml"
    text = path.read_text(encoding="utf-8")
    for edit, count in ((text.replace("approved: 2026-11-30", "approved: 2026-11-31"), 2), (text, 3)):
        deadline = time.monotonic() + 60
        while len(builds) < count - 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        path.write_text(edit, encoding="utf-8")
        while len(builds) < count and time.monotonic() < deadline:
            time.sleep(0.02)
    thread.join(60)
    assert not thread.is_alive()
    broken, fixed = builds[1].result, builds[2].result
    assert broken is not None and [p.format() for p in broken.problems if p.severity == "error"] == [
        f"{P}:33:59: error: '2026-11-31' is not a date: month 11 of 2026 has 30 days "
        "(write a real date as YYYY-MM-DD, e.g. 2026-11-30)",
    ]
    assert fixed is not None and fixed.ok


def test_41_load_never_raises_for_an_impossible_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _system(tmp_path, monkeypatch)
    path = folder / "processes" / "poikkeamat.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-30", "2026-11-31"), encoding="utf-8")
    result = load(folder)
    assert not result.ok
    assert [str(p.location) for p in result.problems] == [f"{P}:33:59"]


def test_42_findings_go_to_stdout_so_a_report_file_gets_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _system(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["check", "jedu", "--lang", "en"])
    assert f"{S}:23:3: warning Q410 deviation-handling: " in result.stdout
    warnings = sum(": warning " in line for line in result.stdout.splitlines())
    infos = sum(": info " in line for line in result.stdout.splitlines())
    assert warnings and infos
    assert result.stderr == f"1 path checked: 0 errors, {warnings} warnings, {infos} infos in 2 files (1 process)\n"
