"""``qms import``: a BPMN 2.0 file of any tool → process YAML files (and system.yaml)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import click

from qms.bpmn.read import MAX_BYTES, check_size, read_bpmn
from qms.cli.output import EXIT_LOAD, echo_problems, write_atomic
from qms.errors import Problem, UserError
from qms.load.dump import dump_process, dump_system
from qms.location import SourceLocation

__all__ = ["MAX_STEM", "command", "file_names"]

MAX_STEM = 80
"""Longest file name (without ``.yaml``) made from a process id: far below every file system's limit."""


def file_names(ids: list[str]) -> dict[str, str]:
    """A file name stem for each process id: the id itself when it is short and no other id
    differs from it only in case (one file on macOS and Windows); else a cut id and a hash of it.

    Examples
    --------
    >>> names = file_names(["talous", "Talous", "p" * 200])
    >>> names["talous"], names["Talous"][:7], len(names["p" * 200])
    ('talous', 'Talous-', 80)
    """
    folded: dict[str, int] = {}
    for ident in ids:
        folded[ident.lower()] = folded.get(ident.lower(), 0) + 1
    out: dict[str, str] = {}
    for ident in ids:
        if len(ident) <= MAX_STEM and (folded[ident.lower()] == 1 or ident == ident.lower()):
            out[ident] = ident
        else:
            digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:8]
            out[ident] = f"{ident[: MAX_STEM - 9]}-{digest}"
    return out


@click.command("import", epilog="""\b
Examples:
  qms import talousarvio.bpmn -o models/redu       # back from Camunda Modeler or bpmn.io
  qms import signavio-export.bpmn -o uusi --lang en

\b
Writes DIR/processes/<id>.yaml for every process (an embedded sub-process becomes a process
of its own, called by a call step), and DIR/system.yaml when the file describes a system: a
`qms export --single` file, or another tool's file with pools (roles from lanes,
stakeholders from pools). Everything the model cannot hold is reported as a warning
with its line and element id. Existing files are not overwritten without --force.""")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the quality system to write into (created when missing).")
@click.option("--lang", type=click.Choice(["fi", "en", "sv", "se"]), default="fi", show_default=True,
              help="Language of the names in the file (files written by qms say their own).")
@click.option("--force", is_flag=True, help="Overwrite existing YAML files.")
@click.option("--max-size", type=click.IntRange(min=1), default=MAX_BYTES // (1024 * 1024), show_default=True,
              help="Refuse files larger than this many megabytes.")
def command(file: Path, out: Path, lang: str, force: bool, max_size: int) -> None:
    """Import FILE (BPMN 2.0 XML) into the quality system folder DIR as YAML."""
    limit = max_size * 1024 * 1024
    try:
        check_size(file.stat().st_size, str(file), limit)
        result = read_bpmn(file.read_bytes(), str(file), lang=lang, max_bytes=limit)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    echo_problems(result.warnings)
    header = f"# Imported from {file.name} by `qms import`; review it with `qms check`.\n"
    names = file_names([p.process for p in result.system.processes])
    outputs: list[tuple[Path, str]] = [
        (out / "processes" / f"{names[p.process]}.yaml", dump_process(p, header=header))
        for p in result.system.processes
    ]
    if result.whole_system:
        outputs.append((out / "system.yaml", dump_system(result.system, header=header)))
    existing = [path for path, _ in outputs if path.exists()]
    if existing and not force:
        echo_problems([Problem(SourceLocation(str(p)), "file exists; not overwritten", "pass --force to replace it",
                               rule="import") for p in existing])
        sys.exit(EXIT_LOAD)
    for path, text in outputs:
        write_atomic(path, text)
        click.echo(str(path))
    if not result.system.processes:
        click.echo(f"qms import: {file} holds no process", err=True)
