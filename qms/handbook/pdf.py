"""The handbook's print version → one PDF through headless Chromium (the only impure part of the handbook);
how each diagram fits a printed page, and the printed pages of a wide flow kept in one SVG file."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qms.errors import QmsError

__all__ = ["CHROMIUM_FLAGS", "MIN_PRINT_TEXT", "PAGES", "PdfError", "PrintFit", "chromium_binary", "print_fit",
           "print_to_pdf", "stack_pages", "stacked_pages"]

_MM = 72 / 25.4
#: Room for a diagram on an A4 page of static/print.css, in points (page less margins, heading and
#: caption): portrait pages, and the named ``landscape`` pages wide diagrams go on. Keep in step with it.
PAGES: dict[str, tuple[float, float]] = {
    "portrait": ((210 - 34) * _MM, 235 * _MM),
    "landscape": ((297 - 24) * _MM, 165 * _MM),
}
#: The smallest text a printed diagram may have, in points; below it the print says so.
MIN_PRINT_TEXT = 8.0

_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_SIZE = re.compile(r'\b(width|height)="([0-9.]+)(pt|px)?"')
_FONT = re.compile(r'font-size[=:]"?\s*([0-9.]+)')


@dataclass(frozen=True, slots=True)
class PrintFit:
    """How a diagram prints: on which page, at what scale, and the size its smallest text comes out at."""

    page: str  #: ``portrait`` or ``landscape``
    scale: float  #: 1 or less: a diagram is shrunk to its page, never enlarged
    text: float  #: the smallest text as printed, in points

    @property
    def readable(self) -> bool:
        return self.text >= MIN_PRINT_TEXT - 0.005


def print_fit(svg: str) -> PrintFit:
    """Where a diagram prints best: the page on which it comes out largest (portrait when it fits).

    ``svg`` is a diagram as drawn (Graphviz's or the vuosikello's SVG, sized in points).

    Examples
    --------
    >>> print_fit('<svg width="400pt" height="300pt"><text font-size="8.5">x</text></svg>')
    PrintFit(page='portrait', scale=1.0, text=8.5)
    >>> print_fit('<svg width="1480pt" height="400pt"><text font-size="10.00">x</text></svg>')
    PrintFit(page='landscape', scale=0.523, text=5.2)
    """
    width, height = _points(svg)
    smallest = min((float(f) for f in _FONT.findall(svg)), default=MIN_PRINT_TEXT)
    scales = {page: min(1.0, w / width, h / height) for page, (w, h) in PAGES.items()}
    page = "portrait" if scales["portrait"] >= scales["landscape"] else "landscape"
    return PrintFit(page, round(scales[page], 3), round(smallest * scales[page], 1))


_PAGE_MARK = "<!-- qms:page -->"
_ROOT = re.compile(r"<svg\b.*</svg>", re.S)
_PLACED = re.compile(r'<g transform="translate\(0,[0-9.e+-]+\)">\n(.*)\n</g>', re.S)


def stack_pages(pages: Sequence[str]) -> str:
    """The printed pages of a flow as one SVG file: each page (an SVG document) under the one before.

    Opened on its own the file shows the pages one under another; :func:`stacked_pages`
    gives them back. No pages (a flow that fits its paper) is an empty picture.

    Examples
    --------
    >>> one = '<?xml version="1.0"?><svg width="20pt" height="10pt"><text>1</text></svg>'
    >>> two = '<svg width="30pt" height="5pt"><text>2</text></svg>'
    >>> both = stack_pages([one, two])
    >>> both.splitlines()[0]
    '<svg xmlns="http://www.w3.org/2000/svg" width="30pt" height="15pt" viewBox="0 0 30 15">'
    >>> stacked_pages(both)
    ['<svg width="20pt" height="10pt"><text>1</text></svg>', '<svg width="30pt" height="5pt"><text>2</text></svg>']
    >>> stacked_pages(stack_pages([]))
    []
    """
    roots = [found[0] for page in pages if (found := _ROOT.search(page))]
    if len(roots) != len(pages):
        raise ValueError("a page is not an SVG document")
    width = height = 0.0
    placed = []
    for root in roots:
        w, h = _points(root)
        placed.append(f'{_PAGE_MARK}\n<g transform="translate(0,{height:g})">\n{root}\n</g>')
        width, height = max(width, w), height + h
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}pt" height="{height:g}pt" '
            f'viewBox="0 0 {width:g} {height:g}">')
    return "\n".join([head, *placed, "</svg>"]) + "\n"


def stacked_pages(svg: str) -> list[str]:
    """The pages of a file made by :func:`stack_pages`, each an SVG document, in page order."""
    chunks = svg.split(_PAGE_MARK)[1:]
    return [page[1] for chunk in chunks if (page := _PLACED.search(chunk)) is not None]


def _points(svg: str) -> tuple[float, float]:
    """Width and height of a drawn diagram in points."""
    tag = _SVG_TAG.search(svg)
    sizes = {k: float(v) * (0.75 if unit == "px" else 1.0) for k, v, unit in _SIZE.findall(tag[0] if tag else "")}
    return sizes.get("width", 1.0), sizes.get("height", 1.0)

#: Flags for a quiet, reproducible, offline headless run.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class PdfError(QmsError):
    """Chromium ran but did not make the PDF; the message carries its stderr."""


def chromium_binary() -> str | None:
    """The path of an installed Chromium (or Chrome), or None."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_to_pdf(html: Path, *, binary: str, timeout: float = 180.0) -> bytes:
    """Print a local HTML file to PDF with headless Chromium and return the PDF bytes.

    The page's print style sheet applies (A4, page numbers, a chapter per page).
    A fresh profile folder is used and removed, so no user settings leak in.

    Raises
    ------
    PdfError
        When Chromium fails or writes no PDF.
    """
    with tempfile.TemporaryDirectory(prefix="qms-pdf-") as tmp:
        target = Path(tmp) / "out.pdf"
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}",
                   html.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(f"Chromium did not finish printing {html} within {timeout:.0f} s") from exc
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            stderr = done.stderr.decode("utf-8", "replace").strip()
            raise PdfError(f"Chromium could not print {html} to PDF (exit {done.returncode}): {stderr[-2000:]}")
        return target.read_bytes()
