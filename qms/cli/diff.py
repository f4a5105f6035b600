"""``qms diff``: what changed between two versions of a system or a process file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.cli.output import EXIT_LOAD, echo_problems, write_atomic
from qms.diff import FORMATS, diff_processes, diff_systems, format_changes, load_side, process_names, split_range
from qms.errors import UserError
from qms.load import LoadResult
from qms.model import Process

__all__ = ["command"]


def _sides(paths: tuple[str, ...], rev: str | None) -> tuple[LoadResult, LoadResult, str]:
    if rev is not None:
        if len(paths) != 1:
            raise click.UsageError("with --rev, give one PATH: the system or process file to compare")
        old_rev, new_rev = split_range(rev)
        return load_side(paths[0], old_rev), load_side(paths[0], new_rev), f"{paths[0]} {rev}"
    if len(paths) != 2:
        raise click.UsageError("give OLD and NEW (folders, files or REV:path), or one PATH with --rev A..B")
    return load_side(paths[0]), load_side(paths[1]), f"{paths[0]} → {paths[1]}"


def _single(loaded: LoadResult) -> Process | None:
    """The process of a side that is one process file (on its own or inside its system), else None."""
    assert loaded.system is not None
    if loaded.standalone:
        return loaded.system.processes[0]
    focus = loaded.focus_process
    return next((p for p in loaded.system.processes if p.process == focus), None) if loaded.focus else None


@click.command("diff", epilog="""\b
Examples:
  qms diff old/redu models/redu                      # two folders
  qms diff models/redu --rev v2026-01..v2026-03      # one path at two git revisions
  qms diff models/redu --rev HEAD~1..                # the last commit against the working tree
  qms diff HEAD~3:models/redu models/redu            # REV:path against a folder
  qms diff a/talousarvio.yaml b/talousarvio.yaml --format json
  qms diff models/redu --rev v1..v2 --format html -o muutokset.html""")
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("--rev", metavar="A..B", default=None,
              help="Compare PATH at two git revisions (B empty: the working tree).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: one line per change; json: the changes contract; html: a page.")
@click.option("--lang", default=None, help="Language of names in text and html (default: the system's).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def command(paths: tuple[str, ...], rev: str | None, fmt: str, lang: str | None, out: Path | None) -> None:
    """Show what was added, removed or changed between OLD and NEW: processes, steps, flows,
    lanes, owners, measures and their targets and results, documents, roles, annual-cycle
    events, development-plan findings and actions, self-assessment items.

    Formatting, comments, key order and the order of lists whose order carries no meaning
    are not changes. Exit status: 0 compared (with or without changes), 2 a side could not
    be loaded or git does not know a revision.
    """
    try:
        old, new, title = _sides(paths, rev)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    assert old.system is not None and new.system is not None
    old_process, new_process = _single(old), _single(new)
    if (old_process is None) != (new_process is None):
        raise click.UsageError("OLD and NEW must be of one kind: two system folders, or two process files")
    language = lang or new.system.default_language
    if old_process is not None and new_process is not None:
        changes = diff_processes(old_process, new_process)
    else:
        changes = diff_systems(old.system, new.system)
    text = format_changes(fmt, changes, process_names(old.system, new.system, lang=language), lang=language,
                          title=f"Changes {title}")
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, text)
