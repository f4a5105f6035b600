"""The quality handbook (laatukäsikirja): a static site and a printable manual built from a system."""

from qms.handbook.build import (
    ALL,
    SECTIONS,
    SYSTEM,
    Assets,
    DiagramSpec,
    Page,
    Part,
    build_site,
    diagram_path,
    diagram_specs,
    process_dep,
    process_path,
    site_pages,
    static_files,
    template_fingerprint,
)
from qms.handbook.collate import fi_key, sorted_fi
from qms.handbook.names import file_stem, safe_relpath
from qms.handbook.report import CriteriaReport, CriterionView, FindingView

__all__ = [
    "ALL",
    "SECTIONS",
    "SYSTEM",
    "Assets",
    "CriteriaReport",
    "CriterionView",
    "DiagramSpec",
    "FindingView",
    "Page",
    "Part",
    "build_site",
    "diagram_path",
    "diagram_specs",
    "fi_key",
    "file_stem",
    "process_dep",
    "process_path",
    "safe_relpath",
    "site_pages",
    "sorted_fi",
    "static_files",
    "template_fingerprint",
]
