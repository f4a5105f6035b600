"""Shared CLI helpers: printing problems, atomic file writes, exit codes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import click

from qms.errors import Problem

__all__ = ["EXIT_FINDINGS", "EXIT_LOAD", "echo_problems", "write_atomic"]

EXIT_FINDINGS = 1
"""Exit status when findings at error level (or too many warnings) were reported."""
EXIT_LOAD = 2
"""Exit status for usage errors and input that could not be loaded."""

_UMASK = os.umask(0o022)
os.umask(_UMASK)

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


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
