"""``qms handbook``: the quality handbook as a static site (and a PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.build import build
from qms.cli.build import TerminalProgress, finish, lang_option, pdf_option
from qms.cli.output import EXIT_LOAD, echo_problems
from qms.errors import UserError

__all__ = ["command"]


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

    Exit status: 0 built, 1 a diagram could not be drawn, 2 the input could not be loaded,
    70 a bug in qms.
    """
    progress = TerminalProgress(sys.stderr)
    try:
        result = build(path, out, lang=lang, stages=["handbook"], pdf=pdf,
                       progress=progress if progress.live else None)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    finish(result, findings_fail=False)
