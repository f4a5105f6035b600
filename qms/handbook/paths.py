"""Where everything lies in the handbook site: page paths, diagram paths, dependency keys."""

from __future__ import annotations

from qms.handbook.names import file_stem

__all__ = ["ALL", "SEARCH_PAGE", "SECTIONS", "STATIC_FILES", "SYSTEM", "diagram_path", "page_path", "print_pages_path",
           "process_dep", "process_path", "role_path"]

#: The search page; ``search.html?q=TERM`` shows the results for TERM.
SEARCH_PAGE = "search.html"

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
STATIC_FILES: tuple[str, ...] = ("qms.css", "print.css", "search.js", "favicon.svg")

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


def role_path(role_id: str) -> str:
    """Site path of a role's page: ``roles/<stem>.html``.

    Examples
    --------
    >>> role_path("johtoryhma")
    'roles/johtoryhma.html'
    """
    return f"roles/{file_stem(role_id)}.html"


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


def print_pages_path(process_id: str) -> str:
    """Site path of a flow's printed pages (:func:`~qms.handbook.pdf.stack_pages`): ``diagrams/print/<stem>.svg``.

    Examples
    --------
    >>> print_pages_path("oppijan_polku")
    'diagrams/print/oppijan_polku.svg'
    """
    return f"diagrams/print/{file_stem(process_id)}.svg"


def page_path(key: str) -> str:
    """Site path of a section page (``roles`` → ``roles.html``); ``front`` → ``index.html``."""
    if key == "front":
        return "index.html"
    return dict(SECTIONS)[key]

