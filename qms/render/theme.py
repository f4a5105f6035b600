"""Diagram style as data: fonts, colours, node shapes and the fixed words of the diagrams."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "DEFAULT_THEME",
    "MONTHS",
    "NODE_STYLES",
    "NodeStyle",
    "STRINGS",
    "Theme",
    "word",
]


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How one graph kind (``task``, ``start``, ``data`` …) is drawn by Graphviz.

    Why: shapes are a table, not ``if kind == ...`` branches in the builders
    (STYLE §1.4). ``attrs`` are passed to Graphviz unchanged.
    """

    shape: str
    attrs: tuple[tuple[str, str], ...] = ()
    sign_size: float = 0.0  # font size of the sign drawn inside (event, gateway); 0: none


#: Graph kind (``qms.graph`` ``kind=``) → how it is drawn. Events are circles with
#: their name outside (``xlabel``); gateways are diamonds with the marker of their
#: :data:`qms.graph.KINDS` row inside.
NODE_STYLES: Mapping[str, NodeStyle] = MappingProxyType(
    {
        "start": NodeStyle("circle", (("width", "0.38"), ("fixedsize", "true"), ("penwidth", "1.2")), 11),
        "end": NodeStyle("circle", (("width", "0.38"), ("fixedsize", "true"), ("penwidth", "3.2")), 11),
        "event": NodeStyle("doublecircle", (("width", "0.34"), ("fixedsize", "true"), ("penwidth", "1.1")), 10),
        "task": NodeStyle("box", (("style", "rounded,filled"), ("penwidth", "1.1"))),
        "subprocess": NodeStyle("box", (("style", "rounded,filled"), ("penwidth", "2.2"))),
        "gateway": NodeStyle(
            "diamond",
            (("width", "0.52"), ("height", "0.52"), ("fixedsize", "true"), ("style", "filled")),
            15,
        ),
        "data": NodeStyle("note", (("style", "filled"), ("fillcolor", "#ffffff"))),
        "datastore": NodeStyle("cylinder", (("style", "filled"), ("fillcolor", "#ffffff"))),
        "participant": NodeStyle("plaintext"),
    }
)


def _frozen(d: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(d)


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a diagram's look depends on, as one value.

    Why: the renderers are pure functions of (model, theme); a handbook or a provider
    with its own colours passes another ``Theme`` instead of patching code. Colours
    are chosen to stay distinguishable when a manual is printed in greyscale.
    """

    font: str = "DejaVu Sans"
    font_size: float = 10.0
    small_size: float = 8.5
    title_size: float = 15.0
    wrap: int = 22  #: characters per line in task and event labels
    ink: str = "#2b2b2b"
    muted: str = "#6b6b6b"
    task_fill: str = "#ffffff"
    lane_fills: tuple[str, ...] = ("#f4f6f8", "#fbfcfd")
    lane_border: str = "#9aa5b1"
    pool_fill: str = "#e4e8ec"
    pool_border: str = "#7b8794"
    #: Fills by PDCA phase (``--color pdca``).
    pdca_fills: Mapping[str, str] = field(
        default_factory=lambda: _frozen({"plan": "#cfe0f3", "do": "#d3ecd0", "check": "#fbecb5", "act": "#f5cfca"})
    )
    #: Fills cycled over the lanes (``--color lane``).
    lane_palette: tuple[str, ...] = (
        "#d6e4f0",
        "#e2efd9",
        "#fbe5c8",
        "#eadcf0",
        "#d9efee",
        "#f6dada",
        "#ece8d5",
        "#dde3ea",
    )
    #: Band fills of the process map by category.
    category_fills: Mapping[str, str] = field(
        default_factory=lambda: _frozen({"management": "#e6eef7", "core": "#fdf0dc", "support": "#e8f2e4"})
    )
    category_boxes: Mapping[str, str] = field(
        default_factory=lambda: _frozen({"management": "#c5d7ec", "core": "#f9d9a6", "support": "#cbe3c1"})
    )
    stakeholder_fill: str = "#ffffff"
    #: Signs drawn in events and call steps. The timer uses ◷ (U+25F7) rather than
    #: ⏲ (U+23F2): DejaVu and Liberation have no ⏲, so PNG and PDF would show a box.
    timer_sign: str = "◷"
    message_sign: str = "✉"
    call_sign: str = "⊞"


DEFAULT_THEME = Theme()

_WORDS: tuple[tuple[str, str, str, str], ...] = (
    # key, fi, en, sv. Northern Sámi diagrams show these in Finnish, as the handbook does: SAKK's
    # staff and students read Finnish, and words made up by non-speakers would be wrong.
    ("management", "Johtamisprosessit", "Management processes", "Ledningsprocesser"),
    ("core", "Ydinprosessit", "Core processes", "Kärnprocesser"),
    ("support", "Tukiprosessit", "Support processes", "Stödprocesser"),
    ("customer_need", "Asiakkaan tarve", "Customer need", "Kundens behov"),
    ("customer_result", "Asiakkaan tulos", "Customer result", "Kundens resultat"),
    ("stakeholders", "Sidosryhmät", "Stakeholders", "Intressenter"),
    ("continuous", "Jatkuvasti", "Continuous", "Fortlöpande"),
    ("not_described", "ei vielä kuvattu", "not yet described", "ännu inte beskriven"),
    ("plan", "Suunnittele", "Plan", "Planera"),
    ("do", "Toteuta", "Do", "Genomför"),
    ("check", "Arvioi", "Check", "Utvärdera"),
    ("act", "Kehitä", "Act", "Förbättra"),
    ("annual_cycle", "Vuosikello", "Annual cycle", "Årsklocka"),
)

#: Fixed words of the diagrams, by language. A missing language falls back to ``fi``.
STRINGS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {key: _frozen(dict(zip(("fi", "en", "sv"), texts, strict=True))) for key, *texts in _WORDS}
)

#: Month names, January first (the Northern Sámi ones are the standard calendar names).
MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "fi": (
            "tammikuu",
            "helmikuu",
            "maaliskuu",
            "huhtikuu",
            "toukokuu",
            "kesäkuu",
            "heinäkuu",
            "elokuu",
            "syyskuu",
            "lokakuu",
            "marraskuu",
            "joulukuu",
        ),
        "en": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        "sv": (
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ),
        "se": (
            "ođđajagemánnu",
            "guovvamánnu",
            "njukčamánnu",
            "cuoŋománnu",
            "miessemánnu",
            "geassemánnu",
            "suoidnemánnu",
            "borgemánnu",
            "čakčamánnu",
            "golggotmánnu",
            "skábmamánnu",
            "juovlamánnu",
        ),
    }
)


def word(key: str, lang: str) -> str:
    """Return the fixed diagram word ``key`` in ``lang`` (Finnish where missing).

    Examples
    --------
    >>> word("core", "en")
    'Core processes'
    >>> word("core", "se")
    'Ydinprosessit'
    """
    texts = STRINGS[key]
    return texts.get(lang) or texts["fi"]
