"""Shared CLI helpers: printing problems, atomic file writes, exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from qms.errors import Problem
from qms.files import write_atomic

if TYPE_CHECKING:
    from qms.model import QualitySystem

__all__ = ["BUG_MESSAGE", "EXIT_BUG", "EXIT_FINDINGS", "EXIT_LOAD", "echo_bug", "echo_problems",
           "note_structure_errors", "write_atomic"]

EXIT_FINDINGS = 1
"""Exit status when findings at error level (or too many warnings) were reported."""
EXIT_LOAD = 2
"""Exit status for usage errors and input that could not be loaded."""
EXIT_BUG = 70
"""Exit status when qms itself failed (``EX_SOFTWARE`` of sysexits.h): a bug, never bad input."""
BUG_MESSAGE = "qms: this is a bug in qms, please report it at https://github.com/qms-toolkit/qms/issues with the lines above"

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def echo_problems(problems: Iterable[Problem], *, err: bool = True) -> None:
    """Print problems one per line, compiler style, coloured on a terminal."""
    stream = sys.stderr if err else sys.stdout
    colour = stream.isatty()
    for p in problems:
        line = p.format()
        if colour:
            head, _, tail = line.partition(f": {p.severity}: ")
            line = f"{click.style(head, bold=True)}: {click.style(p.severity, fg=_COLOURS.get(p.severity))}: {tail}"
        click.echo(line, err=err)




def echo_bug(exc: BaseException) -> None:
    """Print the traceback of an unexpected error once, then say that it is a bug and how to report it."""
    text = "".join(traceback.format_exception(exc))
    click.echo(text.rstrip("\n"), err=True)
    click.echo(BUG_MESSAGE, err=True)


def note_structure_errors(system: QualitySystem, processes: Iterable[str] | None, path: str, command: str) -> None:
    """Say on stderr which processes have error-level structure findings (a flow that stops, a step
    nothing reaches): the drawing or export shows them as written, and ``qms check`` says what to fix."""
    from qms.check.config import resolve_config
    from qms.check.engine import check
    from qms.check.registry import RULES

    config = resolve_config(system, RULES, select=["structure"])
    wanted = set(processes) if processes is not None else None
    counts: dict[str, int] = {}
    for f in check(system, config).findings:
        if f.severity.value == "error" and f.process and (wanted is None or f.process in wanted):
            counts[f.process] = counts.get(f.process, 0) + 1
    for process, n in sorted(counts.items()):
        click.echo(f"qms {command}: warning: process '{process}' has {n} structure error{'s' if n != 1 else ''}; "
                   f"it is {'drawn' if command == 'render' else 'exported'} as written (see qms check {path})", err=True)
