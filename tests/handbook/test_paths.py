"""Where files lie in the site: every kind of page and diagram has its own folder or name."""

from __future__ import annotations

import pytest

from qms.handbook.paths import SEARCH_PAGE, SECTIONS, diagram_path, page_path, process_path, role_path


def test_pages_of_a_process_and_a_role_with_the_same_id_do_not_clash() -> None:
    assert process_path("laatu") == "processes/laatu.html"
    assert role_path("laatu") == "roles/laatu.html"
    assert role_path("Laatu") == "roles/~laatu.html"  # ids that differ only in case get distinct files


def test_section_pages_and_the_search_page() -> None:
    assert page_path("front") == "index.html"
    assert [page_path(key) for key, _ in SECTIONS] == [path for _, path in SECTIONS]
    assert SEARCH_PAGE not in {path for _, path in SECTIONS}


def test_a_flow_needs_its_process() -> None:
    with pytest.raises(ValueError, match="needs its process id"):
        diagram_path("flow")
