"""``qms export``: BPMN 2.0 files with diagram layout, one per process or one per system."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.bpmn import export_process, export_system, exportable
from qms.cli.output import EXIT_LOAD, echo_problems, note_structure_errors, write_atomic
from qms.errors import UserError
from qms.load import LoadResult, load

__all__ = ["command"]


def _unloaded(result: LoadResult) -> list[str]:
    """The process files of ``result`` (the one asked for, or all) that gave no process: nothing to export."""
    loaded = {p.loc.file for p in result.system.processes if p.loc} if result.system else set()
    wanted = [result.focus] if result.focus is not None else result.files[1:]
    return [file for file in wanted if file not in loaded]


@click.command("export", epilog="""\b
Examples:
  qms export models/redu -o exports/redu        # one .bpmn per process
  qms export models/redu -o out --single        # the whole system in one file
  qms export models/redu/processes/talousarvio.yaml -o out --lang en

\b
The files open as diagrams in Camunda Modeler, bpmn.io, Signavio and other BPMN 2.0 tools:
lanes for roles, collapsed pools for stakeholders, data objects for documents. Quality
attributes (owner, PDCA phase, measures, risks, review) travel in the qms namespace, so
`qms import` restores the model exactly. Stub processes (no steps yet) get no file of
their own; with --single they are empty pools. A model with errors (an unknown role, a
flow to a missing step) is exported as written, with a warning that counts them (see them
with qms check); a file that does not load at all is refused (exit 2).""")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the .bpmn files to (created when missing).")
@click.option("--single", is_flag=True, help="Write one file for the whole system (a pool per process).")
@click.option("--lang", type=click.Choice(["fi", "en", "sv", "se"]), default=None,
              help="Language of names and documentation [default: the system's default language].")
def command(path: Path, out: Path, single: bool, lang: str | None) -> None:
    """Export the processes of PATH (a system folder or a process file) as BPMN 2.0 with DI."""
    result = load(path)
    errors = [p for p in result.problems if p.severity == "error"]
    system = result.system
    if system is None or _unloaded(result):
        echo_problems(result.problems)
        click.echo(f"qms export: {path} does not load; fix the errors above first", err=True)
        sys.exit(EXIT_LOAD)
    written: list[Path] = []
    try:
        if single:
            target = out / f"{system.system}.bpmn"
            write_atomic(target, export_system(system, lang=lang))
            written.append(target)
        else:
            for process in system.processes:
                if exportable(process) and result.focus_process in (None, process.process):
                    target = out / f"{process.process}.bpmn"
                    write_atomic(target, export_process(system, process, lang=lang))
                    written.append(target)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    focus = result.focus_process
    note_structure_errors(system, [focus] if focus is not None else None, str(path), "export")
    stubs = [p.process for p in system.processes
             if not exportable(p) and result.focus_process in (None, p.process)]
    for target in written:
        click.echo(str(target))
    if errors:
        click.echo(f"qms export: warning: {path} has {len(errors)} error{'s' if len(errors) != 1 else ''}; "
                   f"exported as written (see them with qms check {path})", err=True)
    if stubs and not single:
        click.echo(f"qms export: {len(stubs)} stub process(es) without steps have no file: {', '.join(stubs)}",
                   err=True)
