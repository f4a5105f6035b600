"""Model → Graphviz DOT text: every diagram of a system (one module per diagram kind)."""

from __future__ import annotations

from collections.abc import Iterable

from qms.errors import UserError
from qms.model import QualitySystem
from qms.render.bands import pin_bands
from qms.render.cycle import draw_cycle
from qms.render.flow import draw_flow, draw_flow_pages
from qms.render.hierarchy import draw_hierarchy
from qms.render.map import draw_map
from qms.render.theme import DEFAULT_THEME, Theme
from qms.render.writer import COLOR_MODES, DIAGRAM_KINDS, RESERVED_NAMES, Diagram, html_text, quote, wrap

__all__ = [
    "COLOR_MODES",
    "DIAGRAM_KINDS",
    "RESERVED_NAMES",
    "Diagram",
    "draw_cycle",
    "draw_flow",
    "draw_flow_pages",
    "draw_hierarchy",
    "draw_map",
    "draw_system",
    "html_text",
    "pin_bands",
    "quote",
    "wrap",
]


def draw_system(
    system: QualitySystem,
    kinds: Iterable[str] = DIAGRAM_KINDS,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    color: str = "none",
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    processes: Iterable[str] | None = None,
    paper: str | None = None,
) -> list[Diagram]:
    """Draw every diagram of ``kinds`` that the system has.

    Flows are drawn for the processes that have steps (in system order, or only
    ``processes`` if given), as printed pages of landscape ``paper`` (``a4``, ``a3``) when
    it is given (:func:`~qms.render.flow.draw_flow_pages`); the map and hierarchy when there
    are processes; the vuosikello when there is an ``annual_cycle``.

    Returns
    -------
    list of Diagram
        In the order flows, map, hierarchy, vuosikello.

    Raises
    ------
    UserError
        If a drawn process's id is a file name of a system diagram (``map``).
    ValueError
        On an unknown kind or colour mode.
    """
    wanted = set(kinds)
    unknown = wanted - set(DIAGRAM_KINDS)
    if unknown:
        raise ValueError(f"unknown diagram kind(s): {', '.join(sorted(unknown))}")
    only = set(processes) if processes is not None else None
    out: list[Diagram] = []
    if "flow" in wanted:
        stems = set(RESERVED_NAMES.values())
        for p in system.processes:
            if p.is_stub or (only is not None and p.process not in only):
                continue
            if p.process in stems and len(wanted) > 1:
                raise UserError(
                    f"process id '{p.process}' is also the file name of a system diagram; "
                    "rename the process or render with --kind flow"
                )
            if paper is not None:
                out += draw_flow_pages(p, system, paper=paper, lang=lang, theme=theme, color=color, href=href,
                                       link_stubs=link_stubs)
                continue
            out.append(draw_flow(p, system, lang=lang, theme=theme, color=color, href=href, link_stubs=link_stubs))
    if "map" in wanted and system.processes:
        out.append(draw_map(system, lang=lang, theme=theme, href=href, link_stubs=link_stubs))
    if "hierarchy" in wanted and system.processes:
        out.append(draw_hierarchy(system, lang=lang, theme=theme, href=href, link_stubs=link_stubs))
    if "cycle" in wanted and system.annual_cycle is not None:
        out.append(draw_cycle(system, lang=lang, theme=theme))
    return out
