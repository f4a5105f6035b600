"""The page context: everything a template asks of the model for one page (words, names, links, formats)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from qms import __version__
from qms.handbook.collate import sorted_fi
from qms.handbook.paths import SECTIONS, process_path, role_path
from qms.handbook.pdf import PrintFit, print_fit, stacked_pages
from qms.handbook.report import COVERAGE_STATES, CriteriaReport
from qms.handbook.svg import inline_svg
from qms.handbook.texts import WORDS, ui_language
from qms.handbook.view import format_date, format_number
from qms.model import LANGUAGES, QualitySystem, text_in

__all__ = ["PUBLIC_LEAVES_OUT", "Assets", "Ctx", "css_string"]

#: Sections a public handbook leaves out: the criteria page lists the check findings, file by line.
PUBLIC_LEAVES_OUT: frozenset[str] = frozenset({"criteria"})


def css_string(text: str) -> str:
    r"""``text`` for the inside of a double-quoted CSS string in a ``<style>`` element.

    Quotes and backslashes are escaped, and ``<`` too, so no text can end the element.

    Examples
    --------
    >>> css_string('Versio "3" </style>\\')
    'Versio \\"3\\" \\3c /style>\\\\'
    """
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            .replace("\n", " ").replace("\r", " "))


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
    public: bool = False  # a public handbook: no criteria page (check findings are internal)


#: Where :meth:`Ctx.name` looks for an id, by the kind of field it comes from.
_LOOKUP: dict[str, tuple[str, ...]] = {
    "": ("procs", "measures", "roles", "groups", "stakeholders", "units", "forms", "objectives", "evaluations",
         "events", "findings", "evidence"),
    "process": ("procs",),
    "measure": ("measures",),
    "form": ("forms",),
    "unit": ("units",),
    "party": ("stakeholders", "roles", "units"),
    "body": ("roles", "groups", "units"),
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
        self.sections = tuple((k, v) for k, v in SECTIONS if not (assets.public and k in PUBLIC_LEAVES_OUT))
        self.version = __version__
        self.coverage_states = COVERAGE_STATES
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
        self.groups = {g.id: g for g in system.quality_groups}
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
            for key, target in self.sections:
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

    def measure_pairs(self, ids: Iterable[str]) -> list[Any]:
        """``(process or None, measure)`` for each known measure id, as the measure tables take them."""
        return [self.measures[i] for i in ids if i in self.measures]

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

    def plain_name(self, ref: str, kind: str = "") -> str:
        """The name of what an id points at as plain text (the id itself when unknown)."""
        for table in _LOOKUP.get(kind, _LOOKUP[""]):
            item = getattr(self, table).get(ref)
            if item is not None:
                item = item[1] if table == "measures" else item
                return self.p(getattr(item, "title", None) or item.name)
        return ref

    def name_or_text(self, value: Any) -> Markup:
        """A free-text field that may hold an id (``reported_to: [johtoryhma]``): the name when it is one."""
        if isinstance(value, str):
            for table in _LOOKUP["body"]:
                if value in getattr(self, table):
                    return self.role(value) if table == "roles" else self.t(getattr(self, table)[value].name)
        return self.t(value)

    def in_page_language(self, texts: Mapping[str, str], english: str) -> Markup:
        """A text of the toolkit's catalogues (criteria, frameworks) in the page's language.

        ``texts`` holds it by language; the interface language comes next, then
        ``english``, marked ``lang="en"`` when the page is in another language.
        """
        for lang in (self.lang, self.ui):
            if texts.get(lang):
                return self.t_in(dict(texts), lang)
        return self.t_in({"en": english}, "en")

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
        """A role's own page (in the print version: its card in the roles chapter)."""
        return self.href("roles.html", f"role-{rid}") if self.print else self.href(role_path(rid))

    def role(self, rid: str | None) -> Markup:
        """A role's name, linked to its entry on the roles page."""
        if not rid:
            return Markup("")
        if rid in self.roles:
            return Markup('<a href="{}">{}</a>').format(self.role_href(rid), self.t(self.roles[rid].name))
        return self.name(rid)

    # -- approval ------------------------------------------------------------------------------
    def approval_line(self, approval: Any) -> str:
        """Version, approval date and approving body as one line of plain text."""
        if approval is None:
            return ""
        parts = []
        if approval.version:
            parts.append(f"{self.wp('version')} {approval.version}")
        if approval.approved:
            parts.append(f"{self.wp('approved')} {self.date(approval.approved)}")
        if approval.approved_by:
            parts.append(self.plain_name(approval.approved_by, "body"))
        return " · ".join(parts)

    def later_than_system(self, review: Any) -> bool:
        """True when a process was approved after the system as a whole (the page shows both)."""
        system = self.system.approval
        return bool(review and review.approved and system and system.approved and review.approved > system.approved)

    def print_footer(self) -> Markup:
        """A style rule that prints the system's approval in the footer of every printed page."""
        line = self.approval_line(self.system.approval)
        if not line:
            return Markup("")
        return Markup('<style media="print">@page { @bottom-left { content: "%s"; font-size: 8.5pt; '
                      'color: #55606d; } }</style>') % Markup(css_string(line))

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

    def print_pages(self, path: str, flow: str, label: str, anchor: str) -> list[Markup]:
        """The landscape pages of the system's paper a flow prints on at full size, inlined in page order.

        ``path`` holds the pages a wide flow is cut into; when it holds none (the paper takes the
        flow whole) but the flow would print under 8 points on A4, the one page is the flow
        (``flow``) itself. None on screen, for a flow that prints well, or one not drawn.
        """
        source = self.assets.diagrams.get(path) if self.print else None
        pages = stacked_pages(source) if source is not None else []
        whole = self.assets.diagrams.get(flow)
        if source is not None and not pages and whole is not None and not print_fit(whole).readable:
            pages = [whole]
        links = _diagram_links(self.system, self.depth)
        count = len(pages)
        return [Markup(inline_svg(page, prefix=f"{anchor}-page-{k}-", label=f"{label} ({k}/{count})" if count > 1
                                  else label, links=links)) for k, page in enumerate(pages, 1)]

    def print_fit(self, path: str) -> PrintFit | None:
        """How a drawn diagram fits a printed page (landscape for a wide one), or None when not drawn."""
        source = self.assets.diagrams.get(path)
        return print_fit(source) if source is not None else None

    def sort(self, items: Iterable[Any], attr: str = "name") -> list[Any]:
        """Sort in Finnish alphabetical order of the user text in attribute ``attr``."""
        return sorted_fi(items, key=lambda item: self.p(getattr(item, attr)))

    def touching(self, stakeholder_id: str) -> list[str]:
        """The processes that name a stakeholder as a customer or exchange messages with it."""
        return [p.process for p in self.system.processes
                if stakeholder_id in p.customers
                or any(stakeholder_id in (m.from_, m.to) for m in p.messages)]

