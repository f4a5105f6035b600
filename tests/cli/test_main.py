"""CLI tests through click's CliRunner: exit codes and exact error text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from qms import __version__
from qms.cli import COMMANDS, cli


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"qms, version {__version__}\n"


def test_every_command_has_help_with_examples(runner: CliRunner) -> None:
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name, name
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Examples:" in result.output, f"qms {name} --help has no examples"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"qms {name} {param.opts} has no help text"


def test_help_lists_every_command_from_the_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)
    for line, entry in zip(listed, COMMANDS.values(), strict=True):
        assert line.endswith(entry.short_help), line


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_import_no_command(args: list[str]) -> None:
    # Each command is imported when it runs: `qms --version` must not pay for pydantic or networkx.
    code = ("import sys; from qms.cli import cli; cli.main(sys.argv[1:], standalone_mode=False); "
            "heavy = {'pydantic', 'networkx', 'lxml', 'jinja2', 'qms.model', 'qms.cli.build'} & set(sys.modules); "
            "print(sorted(heavy))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["chek"])
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.stderr


def test_new_system_then_check_is_clean(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["new", "system", "laatu"]).exit_code == 0
    result = runner.invoke(cli, ["new", "process", "Työpaikkaohjaajien koulutus", "--system", "laatu"])
    assert result.exit_code == 0, result.output
    assert Path("laatu/processes/tyopaikkaohjaajien_koulutus.yaml").is_file()
    result = runner.invoke(cli, ["check", "laatu"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["fmt", "--check", "laatu"]).exit_code == 0


def test_new_refuses_to_overwrite(runner: CliRunner) -> None:
    runner.invoke(cli, ["new", "system", "laatu"])
    before = Path("laatu/system.yaml").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["new", "system", "laatu"])
    assert result.exit_code == 2
    assert result.stderr == "laatu/system.yaml: already exists; nothing written\n"
    assert Path("laatu/system.yaml").read_text(encoding="utf-8") == before


def test_check_reports_load_errors_with_exit_2(runner: CliRunner) -> None:
    Path("p.yaml").write_text("process: p\nname: P\ncategory: core\nownr: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "p.yaml"])
    assert result.exit_code == 2
    assert "p.yaml:4:1: error" in result.stdout
    assert "unknown key 'ownr'" in result.stdout
    assert "did you mean 'owner'?" in result.stdout
    assert "Traceback" not in result.output


def test_check_json_contract_for_load_errors(runner: CliRunner) -> None:
    Path("p.yaml").write_text("process: p\nname: P\ncategory: core\nownr: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "p.yaml", "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["version"] == 1
    finding = data["findings"][0]
    assert {"rule", "severity", "message", "hint", "file", "line", "column", "process", "element"} <= set(finding)
    assert (finding["rule"], finding["severity"], finding["line"], finding["column"]) == ("load", "error", 4, 1)
    assert data["summary"]["errors"] == 1


def test_schema_is_json_schema(runner: CliRunner) -> None:
    for kind in ("system", "process"):
        result = runner.invoke(cli, ["schema", "--kind", kind])
        assert result.exit_code == 0
        schema = json.loads(result.stdout)
        assert schema["type"] == "object"
        assert "properties" in schema
    process = json.loads(runner.invoke(cli, ["schema", "--kind", "process"]).stdout)
    assert {"process", "name", "category", "steps", "flow"} <= set(process["properties"])
    assert process["required"] == ["process", "name", "category"]


def test_fmt_keeps_comments_and_orders_keys(runner: CliRunner) -> None:
    Path("p.yaml").write_text(
        "# Palaute\nname: P   # nimi\ncategory: core\nprocess: p\nsteps:\n"
        "  - {task: Tee, id: t}   # tehtävä\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["fmt", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert Path("p.yaml").read_text(encoding="utf-8") == (
        "# Palaute\nprocess: p\nname: P   # nimi\ncategory: core\nsteps:\n"
        "  - {id: t, task: Tee}   # tehtävä\n"
    )
    assert runner.invoke(cli, ["fmt", "--check", "p.yaml"]).exit_code == 0


def test_fmt_on_broken_yaml_writes_nothing(runner: CliRunner) -> None:
    Path("p.yaml").write_text("process: p\nname: a: b\n", encoding="utf-8")
    result = runner.invoke(cli, ["fmt", "p.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("p.yaml:2:8: error: invalid YAML")
    assert Path("p.yaml").read_text(encoding="utf-8") == "process: p\nname: a: b\n"
    assert list(Path(".").iterdir()) == [Path("p.yaml")]


def test_a_bug_prints_its_traceback_once_and_asks_for_a_report(runner: CliRunner,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import qms.cli.check
    from qms.cli.output import BUG_MESSAGE, EXIT_BUG

    def broken(path: object) -> object:
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(qms.cli.check, "load", broken)
    Path("p.yaml").write_text("process: p\nname: P\ncategory: core\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "p.yaml"])
    assert result.exit_code == EXIT_BUG == 70
    assert result.stderr.count("Traceback (most recent call last):") == 1
    assert "RuntimeError: a bug in the loader\n" in result.stderr
    assert result.stderr.endswith(BUG_MESSAGE + "\n")
    assert "this is a bug in qms, please report it" in BUG_MESSAGE
    assert result.stdout == ""


def test_an_unwritable_output_folder_is_one_line_not_a_traceback(runner: CliRunner) -> None:
    runner.invoke(cli, ["new", "system", "laatu"])
    Path("kuvat").write_text("a file where the folder should be", encoding="utf-8")
    result = runner.invoke(cli, ["export", "laatu", "-o", "kuvat/bpmn"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr == "qms: kuvat/bpmn: Not a directory\n"
