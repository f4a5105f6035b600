"""The template environment: compiled templates stay in memory, and the fingerprint covers every file."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from qms.handbook.templating import _environment, _files, render_macro, template_fingerprint


def test_no_compiled_templates_are_written_anywhere() -> None:
    assert _environment().bytecode_cache is None
    before = set(Path(tempfile.gettempdir()).glob("__jinja2_*"))
    render_macro("macros.html", "pdca", _Words(), "plan")
    assert set(Path(tempfile.gettempdir()).glob("__jinja2_*")) == before


def test_fingerprint_covers_the_parts_folder() -> None:
    names = [name for name, _ in _files(resources.files("qms.handbook") / "templates")]
    assert "parts/process.html" in names and "base.html" in names
    assert len(template_fingerprint()) == 64


class _Words:
    """The two calls the pdca macro makes of a page context."""

    def wp(self, key: str) -> str:
        return key

    def w(self, key: str) -> str:
        return key
