"""The handbook's Jinja2 templates and style sheets: the environment, rendering, fingerprint.

Each page is ``templates/<page>.html`` around its body, a macro ``body`` in
``templates/parts/<page>.html`` that the print version reuses as a chapter. A new
section of every process page or of the front page needs no edit here: a template
``parts/process-more.html`` or ``parts/front-more.html``, where present, is included at
the end of that body with its variables (``c``, ``p``, ``h``, ``sid``).
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from typing import TYPE_CHECKING, Any

from qms import __version__
from qms.handbook.context import Ctx
from qms.handbook.names import file_stem
from qms.handbook.paths import STATIC_FILES, diagram_path, print_pages_path, process_path, role_path
from qms.handbook.view import latest_result, measure_status
from qms.handbook.viewmodel import month_name, step_rows

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import jinja2

__all__ = ["render_macro", "render_page", "static_files", "template_fingerprint"]


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2  # only a build that renders a page needs it

    from qms.diff.history import change_history, history_words, recent_approvals

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qms.handbook", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )  # compiled templates stay in this environment's memory: a rebuild in the same process reuses them
    env.globals.update(
        role_path=role_path, measure_status=measure_status, latest_result=latest_result,
        step_rows=step_rows, month_name=month_name, process_path=process_path, diagram_path=diagram_path,
        print_pages_path=print_pages_path,
        file_stem=file_stem,
        pairs=lambda measures, process=None: [(process, m) for m in measures],
        step_numbers=lambda p: {s.id: i for i, s in enumerate(p.steps, 1)},
    )
    env.globals.update(change_history=change_history, recent_approvals=recent_approvals, history_words=history_words)
    env.tests["contains"] = lambda seq, item: item in seq
    return env


def render_page(template: str, ctx: Ctx, **values: Any) -> bytes:
    """A page of the site rendered from ``template`` with the page context ``ctx``, as UTF-8."""
    html = _environment().get_template(template).render(c=ctx, **values)
    # Trailing spaces left by template indentation are noise in a diff of two builds.
    return _strip_line_ends(html).encode("utf-8")


def _strip_line_ends(text: str) -> str:
    r"""``text`` without spaces and tabs before each newline: ``re.sub(r"[ \t]+\n", "\n", text)``, in
    a quarter of the time (print.html is half a megabyte).

    Examples
    --------
    >>> _strip_line_ends("a  \n\tb\t\n  \nc  ")
    'a\n\tb\n\nc  '
    """
    *lines, last = text.split("\n")
    return "\n".join([*(line.rstrip(" \t") for line in lines), last])


def render_macro(template: str, macro: str, *args: Any) -> str:
    """The output of one macro of a template, exactly as a page that calls it gets it."""
    return str(getattr(_environment().get_template(template).module, macro)(*args))


@functools.cache
def template_fingerprint() -> str:
    """A hash of the templates and style sheets: a build made with others is redone."""
    h = hashlib.sha256(__version__.encode())
    for folder in ("templates", "static"):
        for name, data in _files(resources.files("qms.handbook") / folder):
            h.update(name.encode())
            h.update(data)
    return h.hexdigest()


def _files(root: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    """Every file below ``root`` (sub-folders too: ``parts/``), by relative name, sorted."""
    out: list[tuple[str, bytes]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            out.append((prefix + entry.name, entry.read_bytes()))
        elif entry.is_dir():
            out += _files(entry, f"{prefix}{entry.name}/")
    return out


def static_files() -> dict[str, bytes]:
    """The style sheets, by site path."""
    root = resources.files("qms.handbook") / "static"
    return {f"static/{name}": (root / name).read_bytes() for name in STATIC_FILES}

