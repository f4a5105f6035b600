"""``qms handbook``: the quality handbook as a static site (and a PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.build import build
from qms.cli.build import TerminalProgress, finish, lang_option, pdf_option
from qms.cli.output import EXIT_LOAD, echo_problems, write_atomic
from qms.errors import UserError
from qms.load import load
from qms.model import QualitySystem

__all__ = ["command", "loaded_system", "write_or_exit"]


def loaded_system(path: Path, name: str) -> QualitySystem:
    """The system at ``path``; its problems printed and exit status 2 when it has load errors."""
    result = load(path)
    if result.system is None or any(p.severity == "error" for p in result.problems):
        echo_problems(result.problems)
        click.echo(f"qms {name}: {path} has errors; fix them first (qms check {path})", err=True)
        sys.exit(EXIT_LOAD)
    return result.system


def write_or_exit(target: Path, data: bytes) -> None:
    """Write a file whole (never half-written), or say why it cannot be written and exit with status 2."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        click.echo(f"{target}: error: cannot write the file: {exc.strerror or exc} "
                   "(choose another path with -o, or check the folder's permissions)", err=True)
        sys.exit(EXIT_LOAD)


@click.command("handbook", epilog="""\b
Examples:
  qms handbook models/redu -o site              # open site/index.html in a browser
  qms handbook models/redu -o site --lang en    # interface and texts in English
  qms handbook models/sakk -o site --lang se    # Northern Sámi texts, Finnish interface words
  qms handbook models/redu -o site --pdf        # and site/handbook.pdf (needs Chromium)""")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder of the site (created when missing).")
@lang_option
@pdf_option
def command(path: Path, out: Path, lang: str | None, pdf: bool) -> None:
    """Build the quality handbook of the system at PATH as a static web site.

    Front page with the clickable process map, a page per process, roles, measures,
    vuosikello, development plan, criteria coverage and glossary, plus print.html, the
    whole manual on one page for the browser's "print to PDF". No JavaScript; relative
    links only, so it works from file:// and on any static host. Rebuilds are
    incremental, as with `qms build`.

    Exit status: 0 built, 1 a diagram could not be drawn, 2 the input could not be loaded.
    """
    progress = TerminalProgress(sys.stderr)
    try:
        result = build(path, out, lang=lang, stages=["handbook"], pdf=pdf,
                       progress=progress if progress.live else None)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    finish(result, findings_fail=False)
