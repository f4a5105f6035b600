"""The handbook site as pure functions: a system (plus its drawn diagrams) → pages → site files.

The pieces live beside this module: :mod:`~qms.handbook.paths` (where files lie),
:mod:`~qms.handbook.viewmodel` (what the templates loop over), :mod:`~qms.handbook.context`
(the page context) and :mod:`~qms.handbook.templating` (Jinja2).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from qms.handbook.context import PUBLIC_LEAVES_OUT, Assets, Ctx
from qms.handbook.names import file_stem, safe_relpath
from qms.handbook.paths import (
    ALL,
    SEARCH_PAGE,
    SECTIONS,
    STATIC_FILES,
    SYSTEM,
    diagram_path,
    page_path,
    print_pages_path,
    process_dep,
    process_path,
    role_path,
)
from qms.handbook.report import CriteriaReport
from qms.handbook.templating import render_macro, render_page, static_files, template_fingerprint
from qms.handbook.texts import UI_LANGUAGES
from qms.handbook.viewmodel import cycle_months, glossary_rows, ordered_processes, role_view
from qms.model import LANGUAGES, Process, QualitySystem

if TYPE_CHECKING:
    from qms.render.dot import Diagram

__all__ = [
    "SECTIONS",
    "STATIC_FILES",
    "DiagramSpec",
    "Page",
    "Part",
    "build_site",
    "diagram_path",
    "diagram_specs",
    "page_path",
    "process_path",
    "site_pages",
    "static_files",
    "template_fingerprint",
]

# ---------------------------------------------------------------------------------------------
# Diagrams: what the site needs drawn, with links that work from where the file lies


@dataclass(frozen=True, slots=True)
class DiagramSpec:
    """A diagram the site shows: where it goes, what it depends on, how to draw it.

    ``draw`` gives one diagram, or for printed pages a list of them (maybe empty), which
    are drawn one by one and go into one file as :func:`~qms.handbook.pdf.stack_pages` puts them.
    """

    path: str
    deps: frozenset[str]
    draw: Callable[[], Diagram | list[Diagram]]


def _deps_of(system: QualitySystem, process: Process) -> frozenset[str]:
    """The process file, system.yaml, and the files of the processes its page names."""
    ids = {process.process}
    ids.update(s.call for s in process.steps if s.call)
    for item in process.inputs:
        ids.update(item.from_)
    for item in process.outputs:
        ids.update(item.to)
    if process.parent:
        ids.add(process.parent)
    ids.update(p.process for p in system.processes if p.parent == process.process)
    known = {p.process for p in system.processes}
    return frozenset({SYSTEM, *(process_dep(i) for i in sorted(ids & known))})


def _flow_deps(system: QualitySystem, process: Process) -> frozenset[str]:
    """A flow shows its own steps, role and stakeholder names, and the names of called processes."""
    known = {p.process for p in system.processes}
    ids = {process.process} | ({s.call for s in process.steps if s.call} & known)
    return frozenset({SYSTEM, *(process_dep(i) for i in sorted(ids))})


STEP_HREF = "../../processes/{process}.html#process-{process}-step-{step}"
"""Where a step of a flow links to: its row in the step table of its process's page."""
_FLOW_LINKS: dict[str, Any] = {"href": "../../processes/{id}.html", "link_stubs": True, "step_href": STEP_HREF}


def _print_pages(process: Process, system: QualitySystem, lang: str) -> list[Diagram]:
    """The pages a flow prints on at full size (8-point text) on the system's paper; none when one page holds it."""
    from qms.render.flow import draw_flow_pages

    pages = draw_flow_pages(process, system, paper=system.paper, lang=lang, **_FLOW_LINKS)
    return pages if len(pages) > 1 else []


def diagram_specs(system: QualitySystem, *, lang: str) -> list[DiagramSpec]:
    """Every diagram of the handbook: a flow per described process (and its printed pages), the map,
    hierarchy, cycle.

    The SVG files link to the process pages relative to their own folder, so they work
    when opened on their own; pages that inline them rewrite the links.
    """
    from qms.render.dot import draw_cycle, draw_flow, draw_hierarchy, draw_map  # networkx: only to draw

    specs = [
        DiagramSpec(
            diagram_path("flow", p.process),
            _flow_deps(system, p),
            functools.partial(draw_flow, p, system, lang=lang, **_FLOW_LINKS),
        )
        for p in system.processes
        if not p.is_stub
    ]
    specs += [DiagramSpec(print_pages_path(p.process), _flow_deps(system, p),
                          functools.partial(_print_pages, p, system, lang))
              for p in system.processes if not p.is_stub]
    if system.processes:
        specs.append(DiagramSpec(diagram_path("map"), frozenset({ALL}),
                                 functools.partial(draw_map, system, lang=lang, href="../processes/{id}.html",
                                                   link_stubs=True)))
        if any(p.parent for p in system.processes):
            specs.append(DiagramSpec(diagram_path("hierarchy"), frozenset({ALL}),
                                     functools.partial(draw_hierarchy, system, lang=lang,
                                                       href="../processes/{id}.html", link_stubs=True)))
    if system.annual_cycle is not None:
        specs.append(DiagramSpec(diagram_path("cycle"), frozenset({SYSTEM}),
                                 functools.partial(draw_cycle, system, lang=lang)))
    return specs



# ---------------------------------------------------------------------------------------------
# Pages


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the site: its path, the inputs it depends on, the diagrams it shows.

    ``deps`` holds :data:`SYSTEM`, ``process:<id>`` keys or :data:`ALL`; a build reuses
    the page while those inputs are unchanged. ``render`` makes the HTML from the assets,
    taking the ``parts`` it shows from :attr:`Assets.parts` where they are.
    """

    path: str
    deps: frozenset[str]
    diagrams: tuple[str, ...]
    needs_report: bool
    render: Callable[[Assets], bytes]
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a page rendered on its own: a chapter of the print version.

    Why: print.html holds every process. After an edit of one process, a build that kept
    the other chapters (:attr:`Assets.parts`) renders one chapter instead of all of them,
    and the page is the same, byte for byte; chapters that show no diagram being drawn
    can be made while Graphviz runs. ``deps`` and ``diagrams`` mean what they mean for a
    :class:`Page`; ``render`` returns the part's HTML.
    """

    name: str
    deps: frozenset[str]
    diagrams: tuple[str, ...]
    render: Callable[[Assets], str]


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")


def site_pages(system: QualitySystem, *, lang: str, public: bool = False) -> list[Page]:
    """Every page of the handbook site, not yet rendered.

    Parameters
    ----------
    system
        The loaded system.
    lang
        The page language (``fi``, ``en``, ``sv`` or ``se``); user texts fall back to
        the system's default language, interface words as :func:`ui_language` says.
    public
        A public handbook: the sections of :data:`PUBLIC_LEAVES_OUT` are left out (see
        :func:`~qms.handbook.publish.public_system` for what the model leaves out).
    """
    _check_lang(lang)
    for p in system.processes:
        file_stem(p.process)  # refuse an id that cannot name a file before anything is made

    drawn_flows = {p.process: diagram_path("flow", p.process) for p in system.processes if not p.is_stub}
    printed_flows = {p: print_pages_path(p) for p in drawn_flows}
    hierarchy = [diagram_path("hierarchy")] if any(p.parent for p in system.processes) else []
    map_diagrams = [diagram_path("map"), *hierarchy]
    cycle_diagrams = [diagram_path("cycle")] if system.annual_cycle else []
    groups, view, months = ordered_processes(system), role_view(system), cycle_months(system)
    rows = glossary_rows(system, lang)

    def flows_of(p: Process) -> tuple[str, ...]:
        return (drawn_flows[p.process],) if p.process in drawn_flows else ()

    def printed_of(p: Process) -> tuple[str, ...]:
        return (*flows_of(p), printed_flows[p.process]) if p.process in printed_flows else ()

    def page(path: str, template: str, deps: Iterable[str], diagrams: Iterable[str] = (), report: bool = False,
             depth: int = 0, parts: Iterable[Part] = (), **values: Any) -> Page:
        safe_relpath(path)
        by_name = {part.name: part for part in parts}

        def render(assets: Assets) -> bytes:
            def part(name: str) -> Markup:
                kept = assets.parts.get(name)
                return Markup(kept if kept is not None else by_name[name].render(assets))

            return render_page(template, Ctx(system, lang, depth, assets), page_path=path, part=part, **values)

        return Page(path, frozenset(deps), tuple(diagrams), report, render, tuple(by_name.values()))

    def chapter(name: str, template: str, deps: Iterable[str], diagrams: Iterable[str], *args: Any) -> Part:
        """A chapter of print.html: the body of another page (``parts/<template>``) with anchor links."""
        return Part(name, frozenset(deps), tuple(diagrams), lambda assets: render_macro(
            f"parts/{template}", "body", Ctx(system, lang, -1, assets), *args))

    pages = [page("index.html", "front.html", [ALL], map_diagrams, groups=groups),
             page(SEARCH_PAGE, "search.html", [SYSTEM])]
    for p in system.processes:
        pages.append(page(process_path(p.process), "process.html", _deps_of(system, p), flows_of(p), depth=1, proc=p))
    pages += [page(role_path(r.id), "role.html", [ALL], depth=1, role=r, view=view[r.id]) for r in system.roles]
    chapters = [
        chapter("front", "front.html", [ALL], map_diagrams, groups, 2),
        *(chapter(process_dep(p.process), "process.html", _deps_of(system, p), printed_of(p), p, 3)
          for p in system.processes),
        chapter("roles", "roles.html", [ALL], [], groups, view, 2),
        chapter("measures", "measures.html", [ALL], [], groups, 2),
        chapter("annual_cycle", "cycle.html", [ALL], cycle_diagrams, months, 2),
        chapter("development_plan", "plan.html", [ALL], [], 2),
        chapter("criteria", "criteria.html", [ALL], [], 2),
        chapter("glossary", "glossary.html", [SYSTEM], [], rows, 2),
    ]
    pages += [
        page("roles.html", "roles.html", [ALL], groups=groups, view=view),
        page("measures.html", "measures.html", [ALL], groups=groups),
        page("vuosikello.html", "cycle.html", [ALL], cycle_diagrams, months=months),
        page("plan.html", "plan.html", [ALL]),
        page("criteria.html", "criteria.html", [ALL], report=True),
        page("glossary.html", "glossary.html", [SYSTEM], rows=rows),
    ]
    if public:
        left_out = {page_path(key) for key in PUBLIC_LEAVES_OUT}
        pages = [pg for pg in pages if pg.path not in left_out]
        chapters = [part for part in chapters if part.name not in PUBLIC_LEAVES_OUT]
    pages.append(page("print.html", "print.html", [ALL], [d for c in chapters for d in c.diagrams],
                      report=not public, depth=-1, parts=chapters, groups=groups))
    return pages


def build_site(
    system: QualitySystem,
    *,
    lang: str,
    diagrams: Mapping[str, str] | None = None,
    report: CriteriaReport | None = None,
    bpmn: bool = False,
    public: bool = False,
) -> dict[str, bytes]:
    """Build the whole handbook site in memory.

    Parameters
    ----------
    system
        The loaded system.
    lang
        Page language: ``fi``, ``en``, ``sv`` or ``se``.
    diagrams
        Drawn SVG by site path (:func:`diagram_specs` says which); a missing one is
        replaced by a note, and its SVG file is not part of the site.
    report
        The criteria report for ``criteria.html`` (a note when None).
    bpmn
        Link each described process's ``bpmn/<stem>.bpmn`` (the build writes them).
    public
        Leave out the sections a public handbook does not show (:func:`site_pages`).

    Returns
    -------
    dict
        Site path (``index.html``, ``processes/talousarvio.html``, ``static/qms.css``,
        ``diagrams/map.svg`` …) → file content.

    Examples
    --------
    >>> from qms.model import QualitySystem
    >>> s = QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
    ...     "processes": [{"process": "a", "name": "<b>A</b>", "category": "core"}]})
    >>> site = build_site(s, lang="en")
    >>> sorted(site)[:3]
    ['criteria.html', 'glossary.html', 'index.html']
    >>> b"&lt;b&gt;A&lt;/b&gt;" in site["processes/a.html"], b"<b>A</b>" in site["processes/a.html"]
    (True, False)
    """
    drawn = dict(diagrams or {})
    assets = Assets(drawn, report, bpmn, public=public)
    out = {page.path: page.render(assets) for page in site_pages(system, lang=lang, public=public)}
    out.update(static_files())
    out.update({path: svg.encode("utf-8") for path, svg in drawn.items()})
    return out


__all__ += ["ALL", "SYSTEM", "Assets", "Ctx", "UI_LANGUAGES", "glossary_rows", "ordered_processes", "process_dep"]
