"""``qms new``: the owner is a role of the system, the template fits the kind of process, and
every template passes ``qms check`` without errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli
from qms.cli.new import KINDS, kind_of
from qms.load import load
from qms.model import slugify


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["new", "system", "laatu"])
    assert result.exit_code == 0, result.output
    return CliRunner()


def _errors(runner: CliRunner, path: str) -> list[dict[str, object]]:
    result = runner.invoke(cli, ["check", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("kind", [*KINDS])
def test_every_template_passes_check_without_errors(runner: CliRunner, kind: str) -> None:
    result = runner.invoke(cli, ["new", "process", "Oma prosessi", "--system", "laatu", "--kind", kind,
                                 "--owner", "johtoryhma"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"created laatu/processes/oma_prosessi.yaml ({kind} template)\n")
    assert _errors(runner, "laatu") == []
    assert _errors(runner, "laatu/processes/oma_prosessi.yaml") == []
    process = load("laatu").system.process("oma_prosessi")  # type: ignore[union-attr]
    assert process is not None and process.owner == "johtoryhma"
    assert set(process.lanes) <= {"johtoryhma", "laatuvastaava", "opettaja"}


@pytest.mark.parametrize(("name", "kind", "step"), [
    ("Poikkeamien ja asiakaspalautteen käsittely", "deviation", "Poikkeaman kirjaus"),
    ("Sisäinen auditointi", "evaluation", "Arvioinnin toteutus"),
    ("Opiskelijapalaute", "feedback", "Palautekysely"),
    ("Työpaikkaohjaajien koulutus", "plain", "Toteutus"),
])
def test_the_template_follows_the_name(runner: CliRunner, name: str, kind: str, step: str) -> None:
    assert kind_of(name) == kind
    assert runner.invoke(cli, ["new", "process", name, "--system", "laatu"]).exit_code == 0
    text = Path(f"laatu/processes/{slugify(name)}.yaml").read_text(encoding="utf-8")
    assert step in text
    if kind != "feedback":
        assert "Palautekysely" not in text


def test_an_owner_that_is_no_role_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["new", "process", "Talous", "--system", "laatu", "--owner", "laatuvastava"])
    assert result.exit_code == 2
    assert ("Invalid value for --owner: 'laatuvastava' is not a role of laatu/system.yaml "
            "(did you mean 'laatuvastaava'?)") in result.stderr
    assert not Path("laatu/processes/talous.yaml").exists()


def test_the_default_owner_is_the_quality_role(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["new", "process", "Talous", "--system", "laatu"]).exit_code == 0
    assert "owner: laatuvastaava " in Path("laatu/processes/talous.yaml").read_text(encoding="utf-8")
