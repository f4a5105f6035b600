"""The quality handbook as pure functions: a system (plus its drawn diagrams) → site files."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from qms import __version__
from qms.handbook.collate import fi_key, sorted_fi
from qms.handbook.glossary import BUILTIN_GLOSSARY
from qms.handbook.names import file_stem, safe_relpath
from qms.handbook.report import CriteriaReport
from qms.handbook.svg import inline_svg
from qms.handbook.texts import UI_LANGUAGES, WORDS, ui_language
from qms.handbook.view import format_date, format_number, latest_result, measure_status
from qms.model import CATEGORIES, LANGUAGES, Process, QualitySystem, Step, text_in
from qms.render.theme import MONTHS

if TYPE_CHECKING:
    import jinja2

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

#: The pages of the site besides the front page and the process pages, in menu order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("roles", "roles.html"),
    ("measures", "measures.html"),
    ("annual_cycle", "vuosikello.html"),
    ("development_plan", "plan.html"),
    ("criteria", "criteria.html"),
    ("glossary", "glossary.html"),
)
#: Style sheets shipped with every site (``static/``).
STATIC_FILES: tuple[str, ...] = ("qms.css", "print.css")

ALL = "*"
"""Dependency key: every input file of the system."""
SYSTEM = "system"
"""Dependency key: ``system.yaml``."""


def process_dep(process_id: str) -> str:
    """Dependency key of one process file."""
    return f"process:{process_id}"


def process_path(process_id: str) -> str:
    """Site path of a process page: ``processes/<stem>.html`` (see :func:`file_stem`).

    Examples
    --------
    >>> process_path("talousarvio"), process_path("Talous")
    ('processes/talousarvio.html', 'processes/~talous.html')
    """
    return f"processes/{file_stem(process_id)}.html"


def diagram_path(kind: str, process_id: str | None = None) -> str:
    """Site path of a diagram: ``diagrams/processes/<stem>.svg``, ``diagrams/map.svg`` …

    Flows live in their own folder, so no process id can clash with a system diagram.

    Examples
    --------
    >>> diagram_path("flow", "talousarvio"), diagram_path("map"), diagram_path("cycle")
    ('diagrams/processes/talousarvio.svg', 'diagrams/map.svg', 'diagrams/vuosikello.svg')
    """
    if kind == "flow":
        if process_id is None:
            raise ValueError("a flow diagram needs its process id")
        return f"diagrams/processes/{file_stem(process_id)}.svg"
    return {"map": "diagrams/map.svg", "hierarchy": "diagrams/hierarchy.svg",
            "cycle": "diagrams/vuosikello.svg"}[kind]


def page_path(key: str) -> str:
    """Site path of a section page (``roles`` → ``roles.html``); ``front`` → ``index.html``."""
    if key == "front":
        return "index.html"
    return dict(SECTIONS)[key]


# ---------------------------------------------------------------------------------------------
# Diagrams: what the site needs drawn, with links that work from where the file lies


@dataclass(frozen=True, slots=True)
class DiagramSpec:
    """A diagram the site shows: where it goes, what it depends on, how to draw it."""

    path: str
    deps: frozenset[str]
    draw: Callable[[], Diagram]


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


def diagram_specs(system: QualitySystem, *, lang: str) -> list[DiagramSpec]:
    """Every diagram of the handbook: a flow per described process, the map, hierarchy, cycle.

    The SVG files link to the process pages relative to their own folder, so they work
    when opened on their own; pages that inline them rewrite the links.
    """
    from qms.render.dot import draw_cycle, draw_flow, draw_hierarchy, draw_map  # networkx: only to draw

    specs = [
        DiagramSpec(
            diagram_path("flow", p.process),
            _flow_deps(system, p),
            functools.partial(draw_flow, p, system, lang=lang, href="../../processes/{id}.html",
                              link_stubs=True),
        )
        for p in system.processes
        if not p.is_stub
    ]
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


def _diagram_links(system: QualitySystem, depth: int) -> dict[str, str]:
    """Map the links the diagram files hold to the process pages (or anchors) of a page."""
    out: dict[str, str] = {}
    for p in system.processes:
        for prefix in ("../processes/", "../../processes/"):
            source = f"{prefix}{p.process}.html"
            out[source] = f"#process-{p.process}" if depth < 0 else "../" * depth + process_path(p.process)
    return out


# ---------------------------------------------------------------------------------------------
# The page context: words, names, links and formats for one page


@dataclass
class Assets:
    """What the pages need besides the system: drawn SVG by site path, the criteria report.

    ``parts`` holds parts of pages rendered before, by :attr:`Part.name` (a build keeps
    them between rebuilds); a page renders the parts missing there itself.
    """

    diagrams: Mapping[str, str] = field(default_factory=dict)
    report: CriteriaReport | None = None
    bpmn: bool = False  # link bpmn/<stem>.bpmn from the process pages
    parts: Mapping[str, str] = field(default_factory=dict)


#: Where :meth:`Ctx.name` looks for an id, by the kind of field it comes from.
_LOOKUP: dict[str, tuple[str, ...]] = {
    "": ("procs", "measures", "roles", "stakeholders", "units", "forms", "objectives", "evaluations", "events",
         "findings", "evidence"),
    "process": ("procs",),
    "measure": ("measures",),
    "form": ("forms",),
    "unit": ("units",),
    "party": ("stakeholders", "roles", "units"),
    "io": ("procs", "stakeholders", "roles", "units"),
}


class Ctx:
    """Everything a template asks of the model for one page.

    ``depth`` is how many folders below the site root the page lies (0 or 1);
    a negative depth means the single-page print version, where links are anchors.
    """

    def __init__(self, system: QualitySystem, lang: str, depth: int, assets: Assets) -> None:
        self.system = system
        self.lang = lang
        self.ui = ui_language(lang)
        self.depth = depth
        self.assets = assets
        self.print = depth < 0
        self.version = __version__
        self.roles = {r.id: r for r in system.roles}
        self.stakeholders = {s.id: s for s in system.stakeholders}
        self.units = {u.id: u for u in system.org_units}
        self.forms = {f.id: f for f in system.education_forms}
        self.procs = {p.process: p for p in system.processes}
        self.measures = {m.id: (p, m) for p, m in system.all_measures()}
        self.evidence = {e.id: e for e in system.evidence}
        self.objectives = {o.id: o for o in (system.strategy.objectives if system.strategy else [])}
        self.findings = {f.id: f for f in (system.development_plan.findings if system.development_plan else [])}
        self.evaluations = {e.id: e for e in system.evaluations}
        self.events = {e.id: e for e in (system.annual_cycle.events if system.annual_cycle else [])}
        self.as_of = system.as_of

    # -- words -------------------------------------------------------------------------------
    def w(self, key: str) -> Markup:
        """An interface word, marked with its language where it is not the page's."""
        text = WORDS[key][self.ui]
        if self.ui != self.lang:
            return Markup('<span lang="{}">{}</span>').format(self.ui, text)
        return Markup(escape(text))

    def wp(self, key: str) -> str:
        """An interface word as plain text (for attributes)."""
        return WORDS[key][self.ui]

    def _lang_of(self, text: Any) -> str:
        if isinstance(text, dict):
            for candidate in (self.lang, self.system.default_language, *LANGUAGES):
                if candidate in text:
                    return candidate
        return self.system.default_language

    def t(self, text: Any) -> Markup:
        """User text in the page language (or its fallback, marked with ``lang``), escaped."""
        if text is None:
            return Markup("")
        shown = text_in(text, self.lang, self.system.default_language)
        lang = self._lang_of(text)
        if lang != self.lang:
            return Markup('<span lang="{}">{}</span>').format(lang, shown)
        return Markup(escape(shown))

    def t_in(self, text: Any, lang: str) -> Markup:
        """User text in one given language only (empty when it has none), marked with ``lang``."""
        shown = text.get(lang) if isinstance(text, dict) else text if lang == self.system.default_language else None
        if not shown:
            return Markup("")
        if lang != self.lang:
            return Markup('<span lang="{}">{}</span>').format(lang, shown)
        return Markup(escape(shown))

    def p(self, text: Any) -> str:
        """User text as plain text (escaped later by the template)."""
        return text_in(text, self.lang, self.system.default_language) if text is not None else ""

    # -- links -------------------------------------------------------------------------------
    def href(self, path: str, anchor: str = "") -> str:
        """A relative link from this page to a site path (and anchor)."""
        if self.print:
            if path == "index.html" and not anchor:
                return "#front"
            for key, target in SECTIONS:
                if path == target and not anchor:
                    return f"#{key}"
            return f"#{anchor}" if anchor else "#front"
        url = "../" * self.depth + path
        return f"{url}#{anchor}" if anchor else url

    def asset(self, path: str) -> str:
        """A relative link to a file of the site (style sheet, SVG, BPMN)."""
        return ("" if self.depth <= 0 else "../" * self.depth) + path

    def proc_href(self, pid: str) -> str:
        return f"#process-{pid}" if self.print else self.href(process_path(pid))

    def measure_href(self, mid: str) -> str:
        return self.href("measures.html", f"measure-{mid}")

    def name(self, ref: str, kind: str = "") -> Markup:
        """The name of what an id points at; processes and measures become links.

        ``kind`` says where to look when the field's type is known (ids of different
        kinds may be equal: a process and an education form both called
        ``tyovoimakoulutus``): ``process``, ``measure``, ``form``, ``unit``, ``party``
        (customers: stakeholders, roles, units) or ``io`` (inputs and outputs: processes,
        stakeholders, roles, units). Without it every table is tried.
        """
        order = _LOOKUP.get(kind, _LOOKUP[""])
        for table in order:
            if table == "procs" and ref in self.procs:
                p = self.procs[ref]
                code = f"{p.code} " if p.code else ""
                return Markup('<a href="{}">{}{}</a>').format(self.proc_href(ref), code, self.t(p.name))
            if table == "measures" and ref in self.measures:
                return Markup('<a href="{}">{}</a>').format(self.measure_href(ref),
                                                            self.t(self.measures[ref][1].name))
            values = getattr(self, table)
            if table not in ("procs", "measures") and ref in values:
                item = values[ref]
                return self.t(item.title if table == "evidence" else item.name)
        return Markup("<code>{}</code>").format(ref)

    def names(self, refs: Iterable[str], kind: str = "") -> Markup:
        """Names of ids, comma-separated (see :meth:`name`)."""
        return Markup(", ").join(self.name(r, kind) for r in refs)

    def ref(self, ref: str) -> Markup:
        """An id shown as itself, linked to where it is described (findings, evaluations, evidence)."""
        for table, page, prefix in ((self.findings, "plan.html", "finding-"),
                                    (self.evaluations, "vuosikello.html", "evaluation-"),
                                    (self.evidence, "criteria.html", "evidence-")):
            if ref in table:
                return Markup('<a href="{}">{}</a>').format(self.href(page, prefix + ref), ref)
        return self.name(ref)

    def role_href(self, rid: str) -> str:
        return self.href("roles.html", f"role-{rid}")

    def role(self, rid: str | None) -> Markup:
        """A role's name, linked to its entry on the roles page."""
        if not rid:
            return Markup("")
        if rid in self.roles:
            return Markup('<a href="{}">{}</a>').format(self.role_href(rid), self.t(self.roles[rid].name))
        return self.name(rid)

    # -- formats -----------------------------------------------------------------------------
    def date(self, value: Any) -> str:
        return format_date(value, self.ui)

    def num(self, value: Any) -> str:
        return format_number(value, self.ui)

    def overdue(self, value: Any) -> bool:
        """True when a date lies before the system's ``as_of`` (never the clock)."""
        return bool(self.as_of and value and value < self.as_of)

    def category(self, category: str) -> Markup:
        return self.w(category)

    def svg(self, path: str, label: str, anchor: str, scale: float | None = None) -> Markup | None:
        """A drawn diagram inlined (sanitised, links rewritten), or None when not drawn."""
        source = self.assets.diagrams.get(path)
        if source is None:
            return None
        links = _diagram_links(self.system, self.depth)
        return Markup(inline_svg(source, prefix=f"{anchor}-", label=label, links=links, scale=scale))

    def sort(self, items: Iterable[Any], attr: str = "name") -> list[Any]:
        """Sort in Finnish alphabetical order of the user text in attribute ``attr``."""
        return sorted_fi(items, key=lambda item: self.p(getattr(item, attr)))

    def touching(self, stakeholder_id: str) -> list[str]:
        """The processes that name a stakeholder as a customer or exchange messages with it."""
        return [p.process for p in self.system.processes
                if stakeholder_id in p.customers
                or any(stakeholder_id in (m.from_, m.to) for m in p.messages)]


# ---------------------------------------------------------------------------------------------
# View data: what the templates loop over


def ordered_processes(system: QualitySystem) -> list[tuple[str, list[Process]]]:
    """Processes by category (management, core, support), in the map's order.

    Processes named in the architecture groups come first, in group order; the rest
    follow by code and name.
    """
    listed: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for group in system.architecture.groups:
        listed[group.category].extend(group.processes)
    procs = {p.process: p for p in system.processes}
    out = []
    for category in CATEGORIES:
        first = [procs[i] for i in dict.fromkeys(listed[category]) if i in procs and procs[i].category == category]
        seen = {p.process for p in first}
        rest = [p for p in system.processes if p.category == category and p.process not in seen]
        rest.sort(key=lambda p: (p.code or "~", fi_key(text_in(p.name, "fi"))))
        if first or rest:
            out.append((category, first + rest))
    return out


@dataclass(frozen=True, slots=True)
class StepRow:
    """One row of a process's steps table."""

    number: int
    step: Step
    next: list[tuple[str, Any]]  # (target step id, label)
    messages: list[tuple[str, str, Any]]  # (direction, participant id, name)


def step_rows(process: Process) -> list[StepRow]:
    """The steps of a process with their outgoing flows and messages, in file order."""
    rows = []
    for i, step in enumerate(process.steps, 1):
        nxt = [(f.to, f.label) for f in process.flow if f.from_ == step.id]
        msgs = [("out", m.to, m.name) for m in process.messages if m.from_ == step.id]
        msgs += [("in", m.from_, m.name) for m in process.messages if m.to == step.id]
        rows.append(StepRow(i, step, nxt, msgs))
    return rows


def role_view(system: QualitySystem) -> dict[str, dict[str, list[Any]]]:
    """For each role id: what it owns and does across processes, measures, documents, plans."""
    view: dict[str, dict[str, list[Any]]] = {
        r.id: {k: [] for k in ("owns", "lanes", "raci", "measures", "documents", "risks", "actions")}
        for r in system.roles
    }

    def add(rid: str | None, key: str, item: Any) -> None:
        if rid and rid in view and item not in view[rid][key]:
            view[rid][key].append(item)

    for p in system.processes:
        add(p.owner, "owns", p.process)
        for lane in p.lanes:
            add(lane, "lanes", p.process)
        for s in p.steps:
            if s.lane and not p.lanes:
                add(s.lane, "lanes", p.process)
            if s.raci:
                for letter, ids in (("R", s.raci.responsible), ("A", s.raci.accountable),
                                    ("C", s.raci.consulted), ("I", s.raci.informed)):
                    for rid in ids:
                        add(rid, "raci", (p.process, s, letter))
        for d in p.documents:
            add(d.owner, "documents", (p.process, d))
        for r in p.risks:
            add(r.owner, "risks", (p.process, r))
    for _owner_process, m in system.all_measures():
        add(m.owner, "measures", m.id)
    if system.development_plan:
        for a in system.development_plan.actions:
            add(a.owner, "actions", a)
    return view


def cycle_months(system: QualitySystem) -> list[tuple[int, list[Any]]]:
    """The vuosikello by month, from ``cycle_start_month``; continuous events (shown once) left out."""
    cycle = system.annual_cycle
    if cycle is None:
        return []
    start = cycle.cycle_start_month
    months = [(start - 1 + i) % 12 + 1 for i in range(12)]
    return [(m, [e for e in cycle.events if m in e.months and not e.continuous]) for m in months]


def month_name(month: int, ui: str) -> str:
    """The name of a month (1–12) in the interface language."""
    return MONTHS.get(ui, MONTHS["fi"])[month - 1]


def glossary_rows(system: QualitySystem, lang: str) -> list[dict[str, Any]]:
    """The system's glossary merged with the built-in one, in Finnish alphabetical order.

    Each row has ``term`` and ``definition`` (texts by language) and ``builtin``. A system
    term whose Finnish form equals a built-in one (ignoring case) replaces it. Rows sort by
    the term in the page language.
    """
    rows: dict[str, dict[str, Any]] = {}
    for t in BUILTIN_GLOSSARY:
        rows[t.fi.casefold()] = {"term": {"fi": t.fi, "en": t.en},
                                 "definition": {"fi": t.def_fi, "en": t.def_en}, "builtin": True}
    for g in system.glossary:
        key = text_in(g.term, "fi", system.default_language).casefold()
        rows[key] = {"term": g.term, "definition": g.definition, "builtin": False}
    return sorted(rows.values(), key=lambda r: fi_key(text_in(r["term"], lang, system.default_language)))


# ---------------------------------------------------------------------------------------------
# Templates


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
        # Compiled templates are kept between runs (keyed by their source), so a rebuild
        # after one edit does not spend a second compiling the same templates again.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.globals.update(
        SECTIONS=SECTIONS, measure_status=measure_status, latest_result=latest_result,
        step_rows=step_rows, month_name=month_name, process_path=process_path, diagram_path=diagram_path,
        file_stem=file_stem,
        pairs=lambda measures, process=None: [(process, m) for m in measures],
        step_numbers=lambda p: {s.id: i for i, s in enumerate(p.steps, 1)},
    )
    env.tests["contains"] = lambda seq, item: item in seq
    env.globals.update(change_history=change_history, recent_approvals=recent_approvals, history_words=history_words)
    return env


def _render(template: str, ctx: Ctx, **values: Any) -> bytes:
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


def _render_macro(template: str, macro: str, *args: Any) -> str:
    """The output of one macro of a template, exactly as a page that calls it gets it."""
    return str(getattr(_environment().get_template(template).module, macro)(*args))


@functools.cache
def template_fingerprint() -> str:
    """A hash of the templates and style sheets: a build made with others is redone."""
    h = hashlib.sha256(__version__.encode())
    for folder in ("templates", "static"):
        root = resources.files("qms.handbook") / folder
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()


def static_files() -> dict[str, bytes]:
    """The style sheets, by site path."""
    root = resources.files("qms.handbook") / "static"
    return {f"static/{name}": (root / name).read_bytes() for name in STATIC_FILES}


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


def site_pages(system: QualitySystem, *, lang: str) -> list[Page]:
    """Every page of the handbook site, not yet rendered.

    Parameters
    ----------
    system
        The loaded system.
    lang
        The page language (``fi``, ``en``, ``sv`` or ``se``); user texts fall back to
        the system's default language, interface words as :func:`ui_language` says.
    """
    _check_lang(lang)
    for p in system.processes:
        file_stem(p.process)  # refuse an id that cannot name a file before anything is made

    drawn_flows = {p.process: diagram_path("flow", p.process) for p in system.processes if not p.is_stub}
    hierarchy = [diagram_path("hierarchy")] if any(p.parent for p in system.processes) else []
    map_diagrams = [diagram_path("map"), *hierarchy]
    cycle_diagrams = [diagram_path("cycle")] if system.annual_cycle else []
    groups, view, months = ordered_processes(system), role_view(system), cycle_months(system)
    rows = glossary_rows(system, lang)

    def flows_of(p: Process) -> tuple[str, ...]:
        return (drawn_flows[p.process],) if p.process in drawn_flows else ()

    def page(path: str, template: str, deps: Iterable[str], diagrams: Iterable[str] = (), report: bool = False,
             depth: int = 0, parts: Iterable[Part] = (), **values: Any) -> Page:
        safe_relpath(path)
        by_name = {part.name: part for part in parts}

        def render(assets: Assets) -> bytes:
            def part(name: str) -> Markup:
                kept = assets.parts.get(name)
                return Markup(kept if kept is not None else by_name[name].render(assets))

            return _render(template, Ctx(system, lang, depth, assets), page_path=path, part=part, **values)

        return Page(path, frozenset(deps), tuple(diagrams), report, render, tuple(by_name.values()))

    def chapter(name: str, template: str, deps: Iterable[str], diagrams: Iterable[str], *args: Any) -> Part:
        """A chapter of print.html: the body of another page (``parts/<template>``) with anchor links."""
        return Part(name, frozenset(deps), tuple(diagrams), lambda assets: _render_macro(
            f"parts/{template}", "body", Ctx(system, lang, -1, assets), *args))

    pages = [page("index.html", "front.html", [ALL], map_diagrams, groups=groups)]
    for p in system.processes:
        pages.append(page(process_path(p.process), "process.html", _deps_of(system, p), flows_of(p), depth=1, proc=p))
    chapters = [
        chapter("front", "front.html", [ALL], map_diagrams, groups, 2),
        *(chapter(process_dep(p.process), "process.html", _deps_of(system, p), flows_of(p), p, 3)
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
        page("print.html", "print.html", [ALL], [d for c in chapters for d in c.diagrams], report=True, depth=-1,
             parts=chapters, groups=groups),
    ]
    return pages


def build_site(
    system: QualitySystem,
    *,
    lang: str,
    diagrams: Mapping[str, str] | None = None,
    report: CriteriaReport | None = None,
    bpmn: bool = False,
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
    assets = Assets(drawn, report, bpmn)
    out = {page.path: page.render(assets) for page in site_pages(system, lang=lang)}
    out.update(static_files())
    out.update({path: svg.encode("utf-8") for path, svg in drawn.items()})
    return out


__all__ += ["ALL", "SYSTEM", "Assets", "Ctx", "UI_LANGUAGES", "ordered_processes", "process_dep"]
