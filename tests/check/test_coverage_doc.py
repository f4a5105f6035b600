"""docs/coverage-examples.md shows the coverage of the example systems as qms reports it today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from qms.cli import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "coverage-examples.md"
BLOCK = re.compile(r"<!-- begin: qms (.+?) -->\n(.*?)<!-- end -->", re.DOTALL)


def test_every_example_system_has_its_table() -> None:
    commands = [m[1] for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    assert [shlex.split(c)[1] for c in commands] == ["models/redu", "models/sakk", "models/lappia"]


def test_the_tables_are_current() -> None:
    root = DOC.parents[1]
    runner = CliRunner()
    stale = []
    for m in BLOCK.finditer(DOC.read_text(encoding="utf-8")):
        args = shlex.split(m[1])
        args[1] = str(root / args[1])
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        if result.stdout.replace(str(root) + "/", "") != m[2]:
            stale.append(m[1])
    assert stale == [], "docs/coverage-examples.md is stale: rerun the commands and review the difference"
