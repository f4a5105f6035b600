"""The process hierarchy as DOT: system → category → group → process."""

from __future__ import annotations

from dataclasses import dataclass, field

from qms.model import CATEGORIES, Process, QualitySystem
from qms.render.processes import child_processes, ordered_processes, process_link
from qms.render.theme import DEFAULT_THEME, Theme, word
from qms.render.writer import Diagram, Dot, Html, Texts, base_defaults, html_text, lines_html, texts_for, wrap

__all__ = ["draw_hierarchy"]


def draw_hierarchy(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
) -> Diagram:
    """Draw the process hierarchy: system → categories → process groups → processes.

    Sub-processes hang under their ``parent``. Processes outside every group hang
    under their category; stubs have a dashed outline.

    Parameters are those of :func:`draw_map`. Returns a :class:`Diagram` named
    ``hierarchy``.
    """
    texts = texts_for(system, lang)
    kids = child_processes(system)
    ids = {p.process for p in system.processes}
    top = [p for p in system.processes if not p.parent or p.parent not in ids]

    dot = Dot()
    dot.open('digraph "hierarchy"')
    base_defaults(
        dot,
        theme,
        {"rankdir": "LR", "nodesep": 0.12, "ranksep": 0.45, "pad": 0.25, "ordering": "out", "id": "hierarchy"},
    )
    dot.defaults("node", {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "margin": "0.12,0.05"})
    dot.defaults("edge", {"arrowhead": "none", "color": theme.muted})
    root = "h:root"
    dot.node(
        root,
        {
            "label": Html(f"<B>{lines_html(wrap(texts(system.name), 24))}</B>"),
            "shape": "box",
            "style": "filled",
            "fillcolor": "#ffffff",
            "fontsize": theme.font_size + 2,
            "penwidth": 1.6,
            "id": "h-root",
        },
    )
    h = _Hierarchy(dot, texts, theme, kids, href, link_stubs)
    for category in CATEGORIES:
        procs = ordered_processes(system, category, top)
        if procs:
            _category(h, system, category, procs, root)
    dot.close()
    return Diagram("hierarchy", "hierarchy", dot.text(), "dot", frozenset(texts.fallbacks))



@dataclass(slots=True)
class _Hierarchy:
    """What the parts of the hierarchy share; ``done`` holds the processes drawn (each once)."""

    dot: Dot
    texts: Texts
    theme: Theme
    kids: dict[str, list[Process]]
    href: str | None
    link_stubs: bool
    done: set[str] = field(default_factory=set)


def _category(h: _Hierarchy, system: QualitySystem, category: str, procs: list[Process], root: str) -> None:
    """A category under the root, its groups under it (unless one group holds it all), its processes."""
    cat = f"h:{category}"
    h.dot.node(cat, {
        "label": Html(f"<B>{html_text(word(category, h.texts.lang))}</B>"),
        "fillcolor": h.theme.category_boxes[category], "style": "filled", "id": f"h-{category}",
    })
    h.dot.edge(root, cat, {})
    grouped: set[str] = set()
    groups = [gr for gr in system.architecture.groups if gr.category == category]
    if len(groups) == 1 and {p.process for p in procs} <= set(groups[0].processes):
        groups = []  # one group holding the whole category adds no level
    for group in groups:
        members = [p for p in procs if p.process in group.processes and p.process not in grouped]
        if not members:
            continue
        gid = f"h:group:{group.id}"
        h.dot.node(gid, {
            "label": Html(lines_html(wrap(h.texts(group.name), 24))),
            "fillcolor": h.theme.category_fills[category], "id": f"h-group-{group.id}",
        })
        h.dot.edge(cat, gid, {})
        for p in members:
            grouped.add(p.process)
            _process(h, p, gid, 0)
    for p in procs:
        if p.process not in grouped:
            _process(h, p, cat, 0)


def _process(h: _Hierarchy, p: Process, parent: str, depth: int) -> None:
    """A process under ``parent``, and its sub-processes under it."""
    if p.process in h.done:
        return
    h.done.add(p.process)
    texts = h.texts
    label = (f"{html_text(p.code)} " if p.code else "") + lines_html(wrap(texts(p.name), 26))
    attrs: dict[str, str | float | int | Html] = {
        "label": Html(label),
        "id": p.process,
        "tooltip": texts(p.purpose) or texts(p.name),
    }
    if depth:
        attrs["fontsize"] = h.theme.small_size + 0.5
    if p.is_stub:
        attrs["style"] = "rounded,filled,dashed"
    link = process_link(p, h.href, h.link_stubs)
    if link:
        attrs |= {"URL": link, "target": "_top"}
    h.dot.node(p.process, attrs)
    h.dot.edge(parent, p.process, {})
    for child in h.kids.get(p.process, []):
        _process(h, child, p.process, depth + 1)
