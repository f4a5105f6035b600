"""``qms fmt``: rewrite YAML files in the canonical layout, keeping comments."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_problems, write_atomic
from qms.errors import UserError
from qms.load import process_files
from qms.load.fmt import format_text
from qms.load.yaml_reader import read_file

__all__ = ["command"]


@click.command("fmt", epilog="""\b
Examples:
  qms fmt models/redu            # system.yaml and every process file, in place
  qms fmt --check models/redu    # only report files that would change (for CI)
  qms fmt --diff processes/talousarvio.yaml""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when a file is not in canonical layout.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing.")
def command(paths: tuple[Path, ...], check: bool, show_diff: bool) -> None:
    """Put keys in the canonical order (process, name, category, owner, … steps, flow) and
    indent consistently. Comments and quoting are kept; content never changes."""
    import difflib

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend([path / "system.yaml"] if (path / "system.yaml").is_file() else [])
            files.extend(process_files(path))
        else:
            files.append(path)
    changed, failed = 0, False
    for file in files:
        text, problems = read_file(file, str(file))
        if text is None:
            echo_problems(problems)
            failed = True
            continue
        text = text.replace("\r\n", "\n")
        try:
            new = format_text(text, str(file))
        except UserError as exc:
            echo_problems(exc.problems)
            failed = True
            continue
        if new == text:
            continue
        changed += 1
        if show_diff:
            for line in difflib.unified_diff(text.splitlines(True), new.splitlines(True), str(file), str(file)):
                sys.stdout.write(line if line.endswith("\n") else line + "\n")
        elif check:
            click.echo(f"{file}: not in canonical layout (run qms fmt {file})", err=True)
        else:
            write_atomic(file, new)
            click.echo(f"formatted {file}", err=True)
    if failed:
        sys.exit(EXIT_LOAD)
    if check and changed:
        sys.exit(EXIT_FINDINGS)
