"""Shared CLI helpers: printing problems, atomic file writes, exit codes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable

import click

from qms.errors import Problem
from qms.files import write_atomic

__all__ = ["BUG_MESSAGE", "EXIT_BUG", "EXIT_FINDINGS", "EXIT_LOAD", "echo_bug", "echo_problems", "write_atomic"]

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
