"""``qms export`` and ``qms import`` through click's CliRunner (files, exit codes, exact errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli
from qms.load import load
from tests.conftest import MODELS

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


def test_export_of_a_model_with_errors_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("process: p\nname: P\ncategory: core\nsteps:\n  - {id: a, start: A}\nflow: [a -> x]\n")
    result = CliRunner().invoke(cli, ["export", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "unknown step 'x'" in result.stderr
    assert f"qms export: {bad} has errors; fix them first (qms check {bad})" in result.stderr


def test_import_restores_an_export_and_refuses_to_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli, ["export", str(MODELS / "redu"), "-o", "bpmn"]).exit_code == 0
    result = runner.invoke(cli, ["import", "bpmn/talousarvio.bpmn", "-o", "back"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert Path("back/processes/talousarvio.yaml").is_file()
    assert not Path("back/system.yaml").exists()  # a process file of qms: the system lives elsewhere
    original = load(MODELS / "redu").system
    imported = load(Path("back/processes/talousarvio.yaml")).system
    assert original is not None and imported is not None
    assert imported.processes == [original.process("talousarvio")]
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
