"""``qms export`` and ``qms import`` through click's CliRunner (files, exit codes, exact errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from qms.cli import cli
from qms.load import load
from tests.conftest import MODELS, SHARED, needs_shared

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" name="&b;"/></definitions>
"""


def test_export_writes_one_file_per_described_process_and_names_the_stubs(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(MODELS / "redu"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    system = load(MODELS / "redu").system
    assert system is not None
    described = sorted(p.process for p in system.processes if p.steps)
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.bpmn")) == described
    stubs = sorted(p.process for p in system.processes if not p.steps)
    assert f"{len(stubs)} stub process(es) without steps have no file: {', '.join(stubs)}" in result.stderr


def test_export_single_writes_the_whole_system(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(MODELS / "sakk"), "-o", str(tmp_path), "--single", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sakk.bpmn").read_bytes().startswith(b"<?xml")


def test_export_of_a_model_with_errors_warns_and_exports_it_as_written(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("process: p\nname: P\ncategory: core\nsteps:\n  - {id: a, start: A}\n  - {id: e, end: E}\n"
                   "flow: [a -> e, a -> x]\n")
    result = CliRunner().invoke(cli, ["export", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'out' / 'p.bpmn'}\n"
    assert result.stderr == (f"qms export: warning: {bad} has 1 error; exported as written (see them with qms check {bad})\n")
    assert b'<bpmn:sequenceFlow id="f_a_e" sourceRef="a" targetRef="e"/>' in (tmp_path / "out" / "p.bpmn").read_bytes()


def test_export_refuses_a_process_file_that_does_not_load(tmp_path: Path) -> None:
    folder = tmp_path / "sakk"
    shutil.copytree(MODELS / "sakk", folder)
    broken = folder / "processes" / "koulutuksen_suunnittelu.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("tags:", "tagz:", 1), encoding="utf-8")
    for path in (folder, broken):
        result = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path / "out")])
        assert result.exit_code == 2
        assert "koulutuksen_suunnittelu.yaml:16:1: error: unknown key 'tagz'" in result.stderr
        assert result.stderr.endswith(f"qms export: {path} does not load; fix the errors above first\n")
        assert not (tmp_path / "out").exists()


def test_import_restores_an_export_and_refuses_to_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["export", str(MODELS / "redu"), "-o", "bpmn"]).exit_code == 0
    result = runner.invoke(cli, ["import", "bpmn/talousarvio.bpmn", "-o", "back"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert Path("back/processes/talousarvio.yaml").is_file()
    original = load(MODELS / "redu").system
    back = load("back")  # a folder of its own: system.yaml lists what the process refers to
    assert back.ok, [p.format() for p in back.problems]
    assert original is not None and back.system is not None
    assert back.system.process("talousarvio") == original.process("talousarvio")
    assert {r.id for r in back.system.roles} <= {r.id for r in original.roles}
    again = runner.invoke(cli, ["import", "bpmn/talousarvio.bpmn", "-o", "back"])
    assert again.exit_code == 2
    assert again.stderr.splitlines()[0] == (
        "back/processes/talousarvio.yaml: error: file exists; not overwritten (pass --force to replace it)")
    assert runner.invoke(cli, ["import", "bpmn/talousarvio.bpmn", "-o", "back", "--force"]).exit_code == 0


def test_import_refuses_entities_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    Path("laughs.bpmn").write_text(LAUGHS)
    result = runner.invoke(cli, ["import", "laughs.bpmn", "-o", "out"])
    assert result.exit_code == 2
    assert result.stderr == (
        "laughs.bpmn:2:1: error: the file declares a DOCTYPE or an ENTITY; qms does not read DTDs or expand "
        "entities (BPMN files need no DOCTYPE: remove the <!DOCTYPE …> declaration if the file is yours)\n")
    assert not Path("out").exists()


def test_import_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    Path("big.bpmn").write_bytes(b" " * (2 * 2**20 + 1))
    result = runner.invoke(cli, ["import", "big.bpmn", "-o", "out", "--max-size", "2"])
    assert result.exit_code == 2
    assert result.stderr == ("big.bpmn: error: the file is 2.0 MB, more than the limit of 2 MB (split the model, "
                             "or raise the limit with --max-size if you trust the file)\n")


def _two_pools(first: str, second: str) -> str:
    def process(ident: str, name: str) -> str:
        return (f'<process id="{ident}"{name}><startEvent id="s"/><task id="t" name="Tehtävä"/><endEvent id="e"/>'
                '<sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>'
                '</process>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">\n'
            f'<collaboration id="c"><participant id="pa" processRef="{first}"/>'
            f'<participant id="pb" processRef="{second}"/></collaboration>\n'
            + process(first, "") + process(second, ' name="Toinen"') + "</definitions>\n")


def test_import_of_a_very_long_unnamed_process_id_writes_a_bounded_file_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    long_id = "P" + "x" * 239
    Path("a.bpmn").write_text(_two_pools(long_id, "B"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "a.bpmn", "-o", "out"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in Path("out/processes").iterdir())
    assert [len(name) for name in written] == [6, 85]  # "B.yaml" (the file's own id), 80 + ".yaml"
    loaded = load("out")
    assert loaded.ok, [p.format() for p in loaded.problems]
    assert long_id in {p.process for p in loaded.system.processes}  # type: ignore[union-attr]


def test_import_renames_a_process_id_used_twice_with_a_warning(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("c.bpmn").write_text(_two_pools("P", "P"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "c.bpmn", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert ("c.bpmn:5:1: warning: bpmn:process 'P': the id 'P' is used by another process too; read as 'P_2' "
            "(give each process its own id in the BPMN tool)") in result.stderr
    loaded = load("out")
    assert loaded.ok, [p.format() for p in loaded.problems]
    assert len(loaded.system.processes) == 2  # type: ignore[union-attr]


# ------------------------------------------------------------------ an imported folder is a folder

LANES_NO_POOL = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
<process id="hakemus" name="Hakemus">
  <laneSet id="ls"><lane id="kirjaamo" name="Kirjaamo"><flowNodeRef>s</flowNodeRef><flowNodeRef>t</flowNodeRef></lane>
    <lane id="rehtori" name="Rehtori"><flowNodeRef>g</flowNodeRef><flowNodeRef>c</flowNodeRef>
    <flowNodeRef>e</flowNodeRef></lane></laneSet>
  <startEvent id="s" name="Hakemus saapui"/><task id="t" name="Kirjaus"/>
  <exclusiveGateway id="g" name="Hyväksytäänkö?"/><callActivity id="c" name="Arkistointi" calledElement="arkisto"/>
  <endEvent id="e" name="Käsitelty"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="g"/>
  <sequenceFlow id="f3" sourceRef="g" targetRef="c" name="kyllä"/>
  <sequenceFlow id="f4" sourceRef="g" targetRef="e" name="ei"/><sequenceFlow id="f5" sourceRef="c" targetRef="e"/>
</process>
</definitions>
"""


def test_a_file_without_pools_imports_into_a_folder_that_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("h.bpmn").write_text(LANES_NO_POOL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "h.bpmn", "-o", "uusi"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["uusi/processes/hakemus.yaml", "uusi/system.yaml",
                                          "uusi/processes/arkisto.yaml"]
    assert result.stderr == ("qms import: process 'arkisto' is called but not in h.bpmn; "
                             "uusi/processes/arkisto.yaml is a stub to describe it\n")
    loaded = load("uusi")
    assert loaded.ok, [p.format() for p in loaded.problems]
    assert loaded.system is not None
    assert [(r.id, r.name) for r in loaded.system.roles] == [("kirjaamo", "Kirjaamo"), ("rehtori", "Rehtori")]
    assert loaded.system.process("arkisto") is not None and loaded.system.process("arkisto").is_stub  # type: ignore[union-attr]
    assert loaded.system.system == "h"


@pytest.mark.needs_dot
@pytest.mark.slow
def test_every_command_accepts_an_imported_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("h.bpmn").write_text(LANES_NO_POOL, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", "h.bpmn", "-o", "uusi"]).exit_code == 0
    assert runner.invoke(cli, ["check", "uusi"]).exit_code in (0, 1)
    for command in (["export", "uusi", "-o", "bpmn"], ["render", "uusi", "-o", "svg"],
                    ["handbook", "uusi", "-o", "site", "--no-search"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
    built = runner.invoke(cli, ["build", "uusi", "-o", "all"])
    assert built.exit_code in (0, 1), built.output  # 1: the check's findings, reported in the site
    assert Path("bpmn/hakemus.bpmn").is_file() and Path("site/index.html").is_file()
    assert Path("all/index.html").is_file() and list(Path("svg").glob("*.svg"))


def test_import_into_a_system_folder_adds_only_the_missing_roles(tmp_path: Path) -> None:
    folder = tmp_path / "sakk"
    shutil.copytree(MODELS / "sakk", folder)
    before = (folder / "system.yaml").read_text(encoding="utf-8")
    (tmp_path / "h.bpmn").write_text(LANES_NO_POOL.replace('"rehtori" name="Rehtori"', '"rehtori_sakk" name="Rehtori SAKK"'), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "h.bpmn"), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert f"qms import: added to {folder}/system.yaml what the imported processes use " \
           "(roles: kirjaamo, rehtori_sakk)" in result.stderr
    after = (folder / "system.yaml").read_text(encoding="utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert removed == []
    assert added == ["  - {id: kirjaamo, name: Kirjaamo}", "  - {id: rehtori_sakk, name: Rehtori SAKK}"]
    loaded = load(folder)
    assert loaded.ok, [p.format() for p in loaded.problems if p.severity == "error"]
    assert loaded.system is not None and loaded.system.process("hakemus") is not None


def test_import_says_what_to_add_where_system_yaml_cannot_be_extended(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("h.bpmn").write_text(LANES_NO_POOL, encoding="utf-8")
    Path("oma").mkdir()
    system = "system: oma\nname: Oma\nprovider: {id: oma, name: Oma}\nroles: [{id: rehtori, name: Rehtori}]\n"
    Path("oma/system.yaml").write_text(system, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "h.bpmn", "-o", "oma"])
    assert Path("oma/system.yaml").read_text(encoding="utf-8") == system
    assert ("oma/system.yaml: warning: the imported processes use ids that system.yaml does not list; "
            "add them there:\nroles:\n  - {id: kirjaamo, name: Kirjaamo}\n") in result.stderr
    assert result.exit_code == 1  # written, but the folder does not load until the role is added
    assert "oma/processes/hakemus.yaml:" in result.stderr and "unknown role 'kirjaamo'" in result.stderr
    assert result.stderr.endswith("qms import: oma has 1 error(s) to fix before it loads (see them with qms check oma)\n")


CORPUS = SHARED / "bpmn-corpus"


@needs_shared("bpmn-corpus")
@pytest.mark.slow
def test_every_corpus_file_imports_into_a_folder_that_loads_checks_and_exports(tmp_path: Path) -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".bpmn", ".xml") and p.is_file())
    assert len(files) > 100
    runner = CliRunner()
    failed = []
    for i, file in enumerate(files):
        out = tmp_path / str(i)
        result = runner.invoke(cli, ["import", str(file), "-o", str(out)])
        loaded = load(out)
        if result.exit_code != 0 or not loaded.ok or loaded.system is None:
            failed.append((file.name, result.exit_code, [p.format() for p in loaded.problems][:2]))
            continue
        checked = runner.invoke(cli, ["check", str(out)])
        exported = runner.invoke(cli, ["export", str(out), "-o", str(tmp_path / f"{i}-bpmn")])
        if checked.exit_code not in (0, 1) or exported.exit_code != 0:
            failed.append((file.name, checked.exit_code, exported.exit_code, exported.output[-300:]))
    assert failed == []


def test_import_of_a_qms_process_into_another_folder_adds_its_roles_and_names_its_objectives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["export", str(MODELS / "redu" / "processes" / "talousarvio.yaml"), "-o", "bpmn"]
                         ).exit_code == 0
    Path("oma").mkdir()
    Path("oma/system.yaml").write_text("system: oma\nname: Oma\nprovider: {id: oma, name: Oma}\nroles:\n"
                                       "  - {id: hallitus, name: Hallitus}\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", "bpmn/talousarvio.bpmn", "-o", "oma"])
    assert result.exit_code == 1
    system = yaml.safe_load(Path("oma/system.yaml").read_text(encoding="utf-8"))
    process = yaml.safe_load(Path("oma/processes/talousarvio.yaml").read_text(encoding="utf-8"))
    assert system["roles"][0]["id"] == "hallitus"
    assert set(process["lanes"]) <= {r["id"] for r in system["roles"]}
    assert ("oma/system.yaml: warning: the imported processes use ids that system.yaml does not list; "
            "add them there under `strategy:`:\nobjectives:\n  - {id: O3, name: O3}\n") in result.stderr
    assert "unknown objective 'O3'" in result.stderr
    assert "unknown role" not in result.stderr
