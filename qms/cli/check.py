"""``qms check``: load a system or process and report every problem."""

from __future__ import annotations

import json
import sys

import click

from qms.cli.output import EXIT_LOAD, echo_problems
from qms.errors import Problem
from qms.load import load

__all__ = ["command"]


def _finding(p: Problem) -> dict[str, object]:
    return {
        "rule": p.rule,
        "severity": p.severity,
        "message": p.message,
        "hint": p.hint,
        "file": p.location.file,
        "line": p.location.line,
        "column": p.location.column,
        "process": p.process or None,
        "element": p.element or None,
    }


@click.command("check", epilog="""\b
Examples:
  qms check models/redu                 # a whole system folder
  qms check models/redu/processes/talousarvio.yaml
  qms check models/* --format json      # machine-readable, for other tools""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per problem (file:line:col: severity: message (hint)); json: the findings contract.")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Load PATHS (system folders or process files) and report every problem.

    Exit status: 0 clean, 2 when something could not be loaded.
    """
    problems: list[Problem] = []
    for path in paths:
        problems.extend(load(path).problems)
    if fmt == "json":
        counts = {s: sum(p.severity == s[:-1] for p in problems) for s in ("errors", "warnings", "infos")}
        click.echo(json.dumps({"version": 1, "findings": [_finding(p) for p in problems], "summary": counts},
                              ensure_ascii=False, indent=2))
    else:
        echo_problems(problems)
        if not problems and sys.stderr.isatty():
            click.echo(f"{len(paths)} path(s) checked: no problems", err=True)
    if any(p.severity == "error" for p in problems):
        sys.exit(EXIT_LOAD)
