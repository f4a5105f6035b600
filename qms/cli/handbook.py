"""``qms handbook``: the quality handbook as a static site (and a PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qms.build import build
from qms.cli.build import TerminalProgress, finish, lang_option, pdf_option
from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_problems, write_atomic
from qms.errors import UserError
from qms.handbook.pdf import chromium_binary, print_to_pdf
from qms.handbook.publish import (
    DOCX_FILE,
    SearchIndexError,
    index_search,
    public_site,
    public_system,
    word_copy,
    write_public,
)
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
  qms handbook models/redu -o site --pdf        # and site/handbook.pdf (needs Chromium)
  qms handbook models/redu -o site --docx       # and site/handbook.docx for Word
  qms handbook models/redu -o julkinen --public # without what is marked internal: true
  qms serve models/redu                         # the site on 127.0.0.1, with search""")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder of the site (created when missing).")
@lang_option
@pdf_option
@click.option("--docx", is_flag=True,
              help="Also write the whole manual as one Word document, handbook.docx, with headings, "
                   "a table of contents and the diagrams as pictures.")
@click.option("--public", is_flag=True,
              help="A public edition: processes, development plan and annual cycle marked internal: true "
                   "are left out, and so is the criteria page with its findings.")
@click.option("--search/--no-search", default=True, show_default=True,
              help="Build the search index (Pagefind) for search.html; search works when the site is "
                   "served over HTTP, e.g. by qms serve.")
def command(path: Path, out: Path, lang: str | None, pdf: bool, docx: bool, public: bool, search: bool) -> None:
    """Build the quality handbook of the system at PATH as a static web site.

    Front page with the clickable process map and the system's approval, a page per
    process and per role, roles, measures, vuosikello, development plan, criteria
    coverage and glossary, a search page, plus print.html, the whole manual on one page
    for the browser's "print to PDF". The pages need no JavaScript (only the search
    page uses it); relative links only, so the site works from file:// and on any
    static host. Rebuilds are incremental, as with `qms build` (a --public edition is
    made whole each time).

    Exit status: 0 built, 1 a diagram or the search index could not be made, 2 the input
    could not be loaded or a file not written, 70 a bug in qms.
    """
    if public:
        result = None
        system = public_system(loaded_system(path, "handbook"))
        try:
            write_public(public_site(system, lang=lang or system.default_language), out)
        except UserError as exc:
            echo_problems(exc.problems)
            sys.exit(EXIT_LOAD)
        except OSError as exc:
            click.echo(f"{out}: error: cannot write the site: {exc.strerror or exc} (choose another -o)", err=True)
            sys.exit(EXIT_LOAD)
    else:
        progress = TerminalProgress(sys.stderr)
        try:
            result = build(path, out, lang=lang, stages=["handbook", "search"] if search else ["handbook"], pdf=pdf,
                           progress=progress if progress.live else None)
        except UserError as exc:
            echo_problems(exc.problems)
            sys.exit(EXIT_LOAD)
        if result.index is None:
            finish(result, findings_fail=False)
            return
        system = loaded_system(path, "handbook")
    # A build indexes its own pages (the search stage); a public edition is written here.
    _extras(system, out, lang or system.default_language, search=search and public, docx=docx, pdf=pdf and public)
    if result is not None:
        finish(result, findings_fail=False)
    else:
        click.echo(str(out / "index.html"))


def _extras(system: QualitySystem, out: Path, lang: str, *, search: bool, docx: bool, pdf: bool) -> None:
    """The search index, the Word copy and (for a public edition) the PDF of a written site."""
    if search:
        try:
            index_search(out)
        except SearchIndexError as exc:
            click.echo(f"qms: {exc}", err=True)
            sys.exit(EXIT_FINDINGS)
    if docx:
        write_or_exit(out / DOCX_FILE, word_copy(system, lang=lang))
        click.echo(str(out / DOCX_FILE))
    if pdf:
        binary = chromium_binary()
        if binary is None:
            click.echo("qms: --pdf needs Chromium (apt-get install chromium)", err=True)
            sys.exit(EXIT_LOAD)
        write_or_exit(out / "handbook.pdf", print_to_pdf(out / "print.html", binary=binary))
