"""The process map as DOT: management on top, the core value chain, support below."""

from __future__ import annotations

from dataclasses import dataclass

from qms.model import CATEGORIES, Process, QualitySystem
from qms.render.processes import child_processes, ordered_processes, process_link, split_rows
from qms.render.theme import DEFAULT_THEME, Theme, word
from qms.render.writer import (
    Diagram,
    Dot,
    Html,
    Texts,
    base_defaults,
    html_text,
    lines_html,
    quote,
    texts_for,
    title_label,
    wrap,
)

__all__ = ["draw_map"]


def draw_map(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    per_row: int = 5,
) -> Diagram:
    """Draw the process map: management on top, the core value chain, support below.

    Core processes run left to right as arrow-shaped boxes in
    ``architecture.value_chain`` order, from the customer's need (left, with the
    stakeholders who are customers of core processes) to the customer's result
    (right). Sub-processes (``parent``) are listed inside their parent's box. Every box
    links to its process's page.

    Parameters
    ----------
    system
        The quality system.
    lang
        Label language; default: the system's.
    theme
        Fonts and colours.
    href
        Link pattern, ``{id}`` is the process id: ``{id}.svg`` for the diagram gallery,
        ``processes/{id}.html`` for the handbook; None for no links.
    link_stubs
        Link processes that have no steps yet too (the handbook has a page for them,
        the gallery has no diagram).
    per_row
        At most this many boxes in one row of the management and support bands.

    Returns
    -------
    Diagram
        ``name`` ``map``, engine ``dot``.
    """
    texts = texts_for(system, lang)
    ids = {p.process for p in system.processes}
    top = [p for p in system.processes if not p.parent or p.parent not in ids]
    m = _Map(Dot(), system, texts, theme, child_processes(system), href, link_stubs)
    m.dot.open('digraph "map"')
    base_defaults(m.dot, theme, {
        "rankdir": "TB", "newrank": "true", "nodesep": 0.22, "ranksep": 0.3, "pad": 0.25, "splines": "true",
        "esep": "+2", "labelloc": "t", "labeljust": "l", "id": "process-map",
        "label": title_label(theme, texts(system.provider.name) or texts(system.name)),
    })
    m.dot.defaults("node", {"shape": "box", "style": "rounded,filled", "margin": "0.14,0.08"})
    m.dot.defaults("edge", {"arrowhead": "none", "style": "invis"})
    band_rows: list[list[str]] = []
    for category in CATEGORIES:
        procs = ordered_processes(system, category, top)
        if not procs:
            continue
        _open_band(m, category, len(band_rows))
        if category == "core":
            band_rows.append(_core_band(m, procs))
        else:
            for rowp in split_rows(procs, per_row):
                band_rows.append(_row(m, rowp))
        m.dot.close()
    for upper, lower in zip(band_rows, band_rows[1:], strict=False):
        m.dot.edge(upper[len(upper) // 2], lower[len(lower) // 2], {"weight": 10})
    m.dot.close()
    return Diagram("map", "map", m.dot.text(), "dot-bands", frozenset(texts.fallbacks))


@dataclass(slots=True)
class _Map:
    """What the parts of the process map share."""

    dot: Dot
    system: QualitySystem
    texts: Texts
    theme: Theme
    kids: dict[str, list[Process]]
    href: str | None
    link_stubs: bool


def _box_label(m: _Map, p: Process, width: int) -> Html:
    """A process's box: code, name, "not described" for a stub, its sub-processes as links."""
    theme, texts = m.theme, m.texts
    rows = []
    if p.code:
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{theme.small_size:g}" '
            f'COLOR="{theme.muted}">{html_text(p.code)}</FONT></TD></TR>'
        )
    rows.append(f"<TR><TD><B>{lines_html(wrap(texts(p.name), width))}</B></TD></TR>")
    if p.is_stub:
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="{theme.small_size - 0.5:g}" '
            f'COLOR="{theme.muted}"><I>{html_text(word("not_described", texts.lang))}'
            "</I></FONT></TD></TR>"
        )
    for child in m.kids.get(p.process, []):
        link = process_link(child, m.href, m.link_stubs)
        attrs = f' HREF="{html_text(link)}" TARGET="_top"' if link else ""
        rows.append(
            f'<TR><TD ALIGN="LEFT"{attrs} TITLE="{html_text(texts(child.name))}">'
            f'<FONT POINT-SIZE="{theme.small_size:g}">▸ '
            f"{lines_html(wrap(texts(child.name), width + 2))}</FONT></TD></TR>"
        )
    return Html('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>")


def _box(m: _Map, p: Process, *, core: bool) -> None:
    """A process's node: an arrow in the value chain, a rounded box elsewhere, dashed for a stub."""
    attrs: dict[str, str | float | int | Html] = {
        "label": _box_label(m, p, 18 if core else 22),
        "fillcolor": m.theme.category_boxes[p.category],
        "id": p.process,
        "tooltip": m.texts(p.purpose) or m.texts(p.name),
    }
    if core:
        attrs |= {"shape": "cds", "style": "filled", "margin": "0.22,0.1", "height": 0.9}
    if p.is_stub:
        attrs["style"] = f"{attrs.get('style', 'rounded,filled')},dashed"
    link = process_link(p, m.href, m.link_stubs)
    if link:
        attrs |= {"URL": link, "target": "_top"}
    m.dot.node(p.process, attrs)


def _open_band(m: _Map, category: str, index: int) -> None:
    """The cluster of one category's band."""
    m.dot.open(f"subgraph {quote(f'cluster_{index}')}")
    m.dot.defaults("graph", {
        "label": Html(f"<B>{html_text(word(category, m.texts.lang))}</B>"), "labeljust": "l", "style": "filled",
        "fillcolor": m.theme.category_fills[category], "color": m.theme.lane_border, "margin": 12,
        "fontsize": m.theme.font_size + 1, "id": f"band-{category}",
    })


def _core_band(m: _Map, procs: list[Process]) -> list[str]:
    """The value chain: the customer's need, the core processes in order, the customer's result."""
    theme, texts = m.theme, m.texts
    wanted = {c for p in procs for c in p.customers}
    parties = {s.id: s for s in m.system.stakeholders}
    names = [texts(parties[s.id].name) for s in m.system.stakeholders if s.id in wanted]
    arch = m.system.architecture
    need = texts(arch.customer_need) or word("customer_need", texts.lang)
    result = texts(arch.customer_result) or word("customer_result", texts.lang)
    for node, head in (("map:need", need), ("map:result", result)):
        lines = f"<B>{lines_html(wrap(head, 16))}</B>"
        if names:
            lines += (f'<BR/><FONT POINT-SIZE="{theme.small_size:g}">'
                      + lines_html([n for name in names for n in wrap(name, 18)]) + "</FONT>")
        m.dot.node(node, {"label": Html(lines), "fillcolor": theme.stakeholder_fill, "shape": "box",
                          "style": "rounded,filled,bold", "id": node.replace(":", "-")})
    for p in procs:
        _box(m, p, core=True)
    row = ["map:need", *(p.process for p in procs), "map:result"]
    m.dot.same_rank(row)
    chain: dict[str, str | float | int | Html] = {"style": "solid", "arrowhead": "normal", "penwidth": 1.6,
                                                  "arrowsize": 0.9}
    m.dot.edge("map:need", procs[0].process, chain)
    for left, right in zip(procs, procs[1:], strict=False):
        m.dot.edge(left.process, right.process, {"minlen": 1})
    m.dot.edge(procs[-1].process, "map:result", chain)
    return row


def _row(m: _Map, procs: list[Process]) -> list[str]:
    """One row of a management or support band."""
    for p in procs:
        _box(m, p, core=False)
    row = [p.process for p in procs]
    m.dot.same_rank(row)
    for a, b in zip(row, row[1:], strict=False):
        m.dot.edge(a, b, {})
    return row
