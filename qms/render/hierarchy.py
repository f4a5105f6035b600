"""The process hierarchy as DOT: system → category → group → process."""

from __future__ import annotations

from qms.model import CATEGORIES, Process, QualitySystem
from qms.render.processes import child_processes, ordered_processes, process_link
from qms.render.theme import DEFAULT_THEME, Theme, word
from qms.render.writer import Diagram, Dot, Html, base_defaults, html_text, lines_html, texts_for, wrap

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
    done: set[str] = set()

    def proc(p: Process, parent: str, depth: int) -> None:
        if p.process in done:
            return
        done.add(p.process)
        label = (f"{html_text(p.code)} " if p.code else "") + lines_html(wrap(texts(p.name), 26))
        attrs: dict[str, str | float | int | Html] = {
            "label": Html(label),
            "id": p.process,
            "tooltip": texts(p.purpose) or texts(p.name),
        }
        if depth:
            attrs["fontsize"] = theme.small_size + 0.5
        if p.is_stub:
            attrs["style"] = "rounded,filled,dashed"
        link = process_link(p, href, link_stubs)
        if link:
            attrs |= {"URL": link, "target": "_top"}
        dot.node(p.process, attrs)
        dot.edge(parent, p.process, {})
        for child in kids.get(p.process, []):
            proc(child, p.process, depth + 1)

    for category in CATEGORIES:
        procs = ordered_processes(system, category, top)
        if not procs:
            continue
        cat = f"h:{category}"
        dot.node(
            cat,
            {
                "label": Html(f"<B>{html_text(word(category, texts.lang))}</B>"),
                "fillcolor": theme.category_boxes[category],
                "style": "filled",
                "id": f"h-{category}",
            },
        )
        dot.edge(root, cat, {})
        grouped: set[str] = set()
        groups = [gr for gr in system.architecture.groups if gr.category == category]
        if len(groups) == 1 and {p.process for p in procs} <= set(groups[0].processes):
            groups = []  # one group holding the whole category adds no level
        for group in groups:
            members = [p for p in procs if p.process in group.processes and p.process not in grouped]
            if not members:
                continue
            gid = f"h:group:{group.id}"
            dot.node(
                gid,
                {
                    "label": Html(lines_html(wrap(texts(group.name), 24))),
                    "fillcolor": theme.category_fills[category],
                    "id": f"h-group-{group.id}",
                },
            )
            dot.edge(cat, gid, {})
            for p in members:
                grouped.add(p.process)
                proc(p, gid, 0)
        for p in procs:
            if p.process not in grouped:
                proc(p, cat, 0)
    dot.close()
    return Diagram("hierarchy", "hierarchy", dot.text(), "dot", frozenset(texts.fallbacks))


# ---------------------------------------------------------------------------------------------
