"""The handbook's print version → one PDF through headless Chromium (the only impure part of the handbook)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from qms.errors import QmsError

__all__ = ["CHROMIUM_FLAGS", "PdfError", "chromium_binary", "print_to_pdf"]

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
