"""``qms import``: a BPMN 2.0 file of any tool → process YAML files (and system.yaml)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import click

from qms.bpmn.folder import Additions, add_to_system_yaml, item_yaml, needed, with_additions
from qms.bpmn.read import MAX_BYTES, check_size, read_bpmn
from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_problems, write_atomic
from qms.errors import Problem, UserError
from qms.load import load
from qms.load.dump import dump_process, dump_system
from qms.location import SourceLocation
from qms.model import QualitySystem

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
of its own, called by a call step) and a stub for every process that is called but not in
the file. A folder without system.yaml gets one: roles from lanes, stakeholders from pools
(a `qms export --single` file restores the whole system). Into a folder with system.yaml,
what the processes use and it lacks (roles, stakeholders) is added at the end of its
lists, or listed for you to add. Then DIR is loaded: exit 1 names what keeps it from
loading. Everything the model cannot hold is reported as a warning with its line and
element id. Existing files are not overwritten without --force (system.yaml only by a
file that describes a whole system).""")
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
    system_file = out / "system.yaml"
    header = f"# Imported from {file.name} by `qms import`; review it with `qms check`.\n"
    imported = result.system
    replace = not system_file.exists() or (result.whole_system and force)
    add = needed(imported, None if replace else _existing(out))
    names = file_names([p.process for p in (*imported.processes, *add.stubs)])
    outputs: list[tuple[Path, str]] = [
        (out / "processes" / f"{names[p.process]}.yaml", dump_process(p, header=header)) for p in imported.processes
    ]
    if replace:
        outputs.append((system_file, dump_system(with_additions(imported, add), header=header)))
    existing_files = [path for path, _ in outputs if path.exists()]
    if existing_files and not force:
        echo_problems([Problem(SourceLocation(str(p)), "file exists; not overwritten", "pass --force to replace it",
                               rule="import") for p in existing_files])
        sys.exit(EXIT_LOAD)
    stubs = _stub_files(out, file, add, names)
    for path, text in [*outputs, *stubs]:
        write_atomic(path, text)
        click.echo(str(path))
    if not replace:
        _add_to_system(system_file, add)
    if not imported.processes:
        click.echo(f"qms import: {file} holds no process", err=True)
    _report_load(out)


def _existing(out: Path) -> QualitySystem | None:
    """The system already in ``out`` (None when it does not load: its errors are reported after the import)."""
    return load(out).system


def _stub_files(out: Path, file: Path, add: Additions, names: dict[str, str]) -> list[tuple[Path, str]]:
    """A file for every called process that is not in ``file``: a stub to describe (existing files are kept)."""
    header = (f"# Called in {file.name} but not described there: a stub written by `qms import`; "
              "add its steps (or import the file that holds it).\n")
    stubs = [(out / "processes" / f"{names[p.process]}.yaml", p) for p in add.stubs]
    for path, p in stubs:
        if not path.exists():
            click.echo(f"qms import: process '{p.process}' is called but not in {file.name}; "
                       f"{path} is a stub to describe it", err=True)
    return [(path, dump_process(p, header=header)) for path, p in stubs if not path.exists()]


def _add_to_system(system_file: Path, add: Additions) -> None:
    """Add what the imported processes use to the folder's ``system.yaml``, or say what to add."""
    if add.lists():
        try:
            text: str | None = system_file.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            text = None
        changed = add_to_system_yaml(text, add) if text is not None else None
        listed = "; ".join(f"{key}: {', '.join(x.id for x in items)}" for key, items in add.lists().items())
        if changed is not None:
            write_atomic(system_file, changed)
            click.echo(str(system_file))
            click.echo(f"qms import: added to {system_file} what the imported processes use ({listed})", err=True)
        else:
            _say_what_to_add(system_file, add.lists())
    if add.objectives:
        _say_what_to_add(system_file, {"objectives": add.objectives}, " under `strategy:`")


def _say_what_to_add(system_file: Path, lists: dict[str, list[Any]], under: str = "") -> None:
    """A warning with the YAML to add to ``system.yaml`` by hand."""
    body = "".join(f"{key}:\n" + "".join(f"  - {item_yaml(x)}\n" for x in items) for key, items in lists.items())
    click.echo(f"{system_file}: warning: the imported processes use ids that system.yaml does not list; "
               f"add them there{under}:\n{body}", err=True, nl=False)


def _report_load(out: Path) -> None:
    """Say which errors keep the folder from loading, if any (exit 1): the import is done, the rest is to fix."""
    loaded = load(out)
    errors = [p for p in loaded.problems if p.severity == "error"]
    if errors:
        echo_problems(errors)
        click.echo(f"qms import: {out} has {len(errors)} error(s) to fix before it loads "
                   f"(see them with qms check {out})", err=True)
        sys.exit(EXIT_FINDINGS)
