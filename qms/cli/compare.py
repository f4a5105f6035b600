"""``qms compare``: providers side by side, from system folders or a network folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_problems, write_atomic
from qms.network import FORMATS, format_comparison
from qms.network.run import compare_paths

__all__ = ["command"]


@click.command("compare", epilog="""\b
Examples:
  qms compare models/lamppu                       # a network folder (network.yaml)
  qms compare models/redu models/sakk models/kao  # systems one by one
  qms compare models/lamppu --format html -o vertailu.html
  qms compare models/jedu-yhdistyminen --merge    # process by process: common, differs, only one has
  qms compare models/lamppu --format json""")
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: tables; json: every table keyed by member id; html: a report with charts.")
@click.option("--merge", is_flag=True, help="Also compare each process between the members (for a merger).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Members summarised at once (default: one per core, from 8 members).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def command(paths: tuple[str, ...], fmt: str, merge: bool, jobs: int | None, out: Path | None) -> None:
    """Compare providers: which processes of the common map each has described, stubbed or
    lacks; the criteria coverage matrix (each cell the member's own coverage status); the
    shared indicators as tables and charts; development plans and evaluations on one calendar.

    Exit status: 0 compared; 1 a problem of the network (a member that does not load, a
    process or measure mapped inconsistently) or two systems with one id; 2 a system given
    by path or the network file could not be loaded.
    """
    comparison, problems = compare_paths(paths, merge=merge, jobs=jobs)
    echo_problems(problems)
    if comparison is not None:
        text = format_comparison(fmt, comparison)
        if out is None:
            click.echo(text, nl=False)
        else:
            write_atomic(out, text)
    if comparison is None or any(p.severity == "error" and p.rule == "load" for p in problems):
        sys.exit(EXIT_LOAD)
    if any(p.severity == "error" for p in problems):
        sys.exit(EXIT_FINDINGS)
