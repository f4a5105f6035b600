"""The shared DOT writer: text wrapping and escaping, label languages, and DOT statements."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from qms.graph import KINDS
from qms.model import LANGUAGES, QualitySystem
from qms.render.theme import NODE_STYLES, Theme, word

__all__ = [
    "COLOR_MODES",
    "DIAGRAM_KINDS",
    "PDCA",
    "RESERVED_NAMES",
    "STEP_KINDS",
    "Attrs",
    "Diagram",
    "Dot",
    "Html",
    "Texts",
    "base_defaults",
    "dot_attrs",
    "html_text",
    "lines_html",
    "pdca_legend",
    "plain_text",
    "quote",
    "style_attrs",
    "texts_for",
    "title_label",
    "wrap",
]

#: The diagram kinds, in the order ``draw_system`` produces them.
DIAGRAM_KINDS: tuple[str, ...] = ("flow", "map", "hierarchy", "cycle")
#: How tasks are filled in a flow: plain, by PDCA phase, or by lane.
COLOR_MODES: tuple[str, ...] = ("none", "pdca", "lane")
#: File stems of the system diagrams; no process may use them as its id.
RESERVED_NAMES: Mapping[str, str] = {"map": "map", "hierarchy": "hierarchy", "cycle": "vuosikello"}

#: Graph kinds of the nodes that are steps (start, end, event, task, gateway, subprocess).
STEP_KINDS = frozenset(k.graph_kind for k in KINDS.values())
PDCA = ("plan", "do", "check", "act")


@dataclass(frozen=True, slots=True)
class Diagram:
    """One diagram ready for Graphviz: its DOT text, engine and output file stem.

    Why: the builders are pure, so they cannot print the "shown in fi" note
    themselves; each diagram carries the labels it had to draw in another language
    (``fallbacks``: pairs of the language shown and the text), and the caller counts
    them over a whole run.
    """

    name: str  #: file stem: the process id, ``map``, ``hierarchy`` or ``vuosikello``
    kind: str  #: one of :data:`DIAGRAM_KINDS`
    dot: str  #: the DOT text; with engine ``svg``, the finished SVG
    #: ``dot``, ``neato``, ``dot-bands`` (dot lays out, :func:`pin_bands` stacks the bands
    #: in order and ``neato -n2`` draws: the map), ``pinned`` (every position given: the
    #: flows) or ``svg`` (drawn without Graphviz: the vuosikello; only converted for PNG and PDF).
    engine: str = "dot"
    fallbacks: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def filename(self, fmt: str) -> str:
        """The output file name for format ``fmt`` (``talousarvio.svg``).

        A diagram drawn as SVG has no DOT text: its source for ``dot`` is its SVG.

        >>> Diagram("vuosikello", "cycle", "<svg/>", "svg").filename("dot")
        'vuosikello.svg'
        """
        return f"{self.name}.{'svg' if fmt == 'dot' and self.engine == 'svg' else fmt}"


def wrap(text: str, width: int = 22) -> list[str]:
    """Split ``text`` into lines of about ``width`` characters, keeping its own newlines.

    Words are not cut; compounds with a hyphen may break after it.

    Examples
    --------
    >>> wrap("Rahoitusennuste ja talousarvioraami")
    ['Rahoitusennuste ja', 'talousarvioraami']
    >>> wrap("kaksi\\nriviä")
    ['kaksi', 'riviä']
    """
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(raw, width, break_long_words=False, break_on_hyphens=True) or [""])
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(text: str) -> str:
    """``text`` without the control characters that XML cannot carry.

    >>> plain_text("a\x07b")
    'ab'
    """
    return _CONTROL.sub("", text)


def html_text(text: str) -> str:
    """Escape ``text`` for a Graphviz HTML-like label (one line, no markup).

    Line breaks become spaces (use :func:`wrap` and ``<BR/>`` for lines); backslashes
    are doubled, as Graphviz expands ``\\N`` and ``\\G`` in HTML labels too; control
    characters, which XML cannot carry, are dropped.

    Examples
    --------
    >>> html_text('A < B & "C"')
    'A &lt; B &amp; &quot;C&quot;'
    """
    text = plain_text(" ".join(text.splitlines()) if "\n" in text or "\r" in text else text)
    return (
        text.replace("\t", " ")
        .replace("\\", "\\\\")  # Graphviz expands \N, \G … in HTML labels too
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def quote(text: str) -> str:
    """Quote ``text`` as a DOT string (ids, URLs, tooltips, colours).

    Backslashes are doubled so that Graphviz's escape sequences (``\\N``, ``\\G``)
    cannot be triggered by a label; newlines become ``\\n``.

    Examples
    --------
    >>> quote('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> quote("a\\\\N")
    '"a\\\\\\\\N"'
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n"))
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{text}"'


def lines_html(lines: Sequence[str], align: str = "CENTER") -> str:
    """Lines of an HTML-like label, escaped, joined by ``<BR/>`` (aligned left or right when asked)."""
    br = f'<BR ALIGN="{align}"/>' if align != "CENTER" else "<BR/>"
    return br.join(html_text(line) for line in lines) + (br if align != "CENTER" else "")


class Texts:
    """Chooses a label's language and remembers the labels shown in another one."""

    def __init__(self, lang: str, default: str) -> None:
        self.lang = lang
        self.default = default
        self.fallbacks: set[tuple[str, str]] = set()

    def __call__(self, text: str | Mapping[Any, str] | None) -> str:
        if text is None:
            return ""
        if isinstance(text, str):
            if text and self.lang != self.default:
                self.fallbacks.add((self.default, text))
            return text
        if self.lang in text:
            return text[self.lang]
        for candidate in (self.default, *LANGUAGES, *sorted(text)):
            if text.get(candidate):
                self.fallbacks.add((candidate, text[candidate]))
                return text[candidate]
        return ""


def texts_for(system: QualitySystem | None, lang: str | None) -> Texts:
    """The label chooser of a diagram in ``lang`` (default: the system's language)."""
    default = system.default_language if system is not None else "fi"
    return Texts(lang or default, default)


# ---------------------------------------------------------------------------------------------
# DOT writing


class Html(str):
    """An attribute value written as an HTML-like label ``<...>``."""

    __slots__ = ()


Attrs = Mapping[str, "str | float | int | Html"]


def _value(value: str | float | int) -> str:
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return quote(f"{value:.3f}".rstrip("0").rstrip("."))
    return quote(str(value))


def dot_attrs(attrs: Attrs) -> str:
    """A DOT attribute list `` [k="v", …]`` (empty for no attributes)."""
    if not attrs:
        return ""
    return " [" + ", ".join(f"{k}={_value(v)}" for k, v in attrs.items()) + "]"


class Dot:
    """An append-only list of DOT lines with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def line(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)

    def open(self, head: str) -> None:
        self.line(head + " {")
        self.depth += 1

    def close(self) -> None:
        self.depth -= 1
        self.line("}")

    def defaults(self, what: str, attrs: Attrs) -> None:
        self.line(f"{what}{dot_attrs(attrs)};")

    def node(self, name: str, attrs: Attrs) -> None:
        self.line(f"{quote(name)}{dot_attrs(attrs)};")

    def edge(self, tail: str, head: str, attrs: Attrs) -> None:
        self.line(f"{quote(tail)} -> {quote(head)}{dot_attrs(attrs)};")

    def same_rank(self, names: Iterable[str]) -> None:
        self.line("{rank=same; " + " ".join(f"{quote(n)};" for n in names) + "}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def base_defaults(dot: Dot, theme: Theme, graph: Attrs) -> None:
    """The graph, node and edge defaults every diagram starts with."""
    dot.defaults("graph", {"fontname": theme.font, "fontsize": theme.font_size, **graph})
    dot.defaults(
        "node",
        {
            "fontname": theme.font,
            "fontsize": theme.font_size,
            "color": theme.ink,
            "fontcolor": theme.ink,
            "penwidth": 1.0,
        },
    )
    dot.defaults(
        "edge",
        {
            "fontname": theme.font,
            "fontsize": theme.small_size,
            "color": theme.ink,
            "fontcolor": theme.ink,
            "arrowsize": 0.7,
        },
    )


def title_label(theme: Theme, title: str, legend: Sequence[tuple[str, str]] = ()) -> Html:
    """A diagram's title, with a legend of coloured cells under it."""
    rows = []
    if title:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{theme.title_size:g}"><B>{html_text(title)}</B></FONT></TD></TR>'
        )
    if legend:
        cells = "".join(
            f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="{theme.muted}">'
            f'<FONT POINT-SIZE="{theme.small_size:g}">{html_text(name)}</FONT></TD>'
            for name, colour in legend
        )
        rows.append(
            '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" '
            f'CELLPADDING="3"><TR>{cells}</TR></TABLE></TD></TR>'
        )
    return Html('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">' + "".join(rows) + "</TABLE>")


def style_attrs(graph_kind: str) -> dict[str, str | float | int | Html]:
    """Shape and style of a node of ``graph_kind`` (from the theme's table)."""
    return {"shape": NODE_STYLES[graph_kind].shape, **dict(NODE_STYLES[graph_kind].attrs)}


def pdca_legend(theme: Theme, lang: str) -> list[tuple[str, str]]:
    """The PDCA phases with their fill colours, named in ``lang``."""
    return [(word(phase, lang), theme.pdca_fills[phase]) for phase in PDCA]
