"""The public edition, the search index and the Word copy's file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from qms.handbook import build_site
from qms.handbook.publish import index_search, public_site, public_system
from qms.model import QualitySystem
from tests.handbook.test_build import broken_links

SYSTEM = {
    "system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
    "architecture": {"groups": [{"id": "y", "name": "Ydin", "category": "core", "processes": ["auki", "sala"]}],
                     "value_chain": ["auki", "sala"]},
    "annual_cycle": {"name": "Vuosikello", "internal": True, "events": [{"id": "e", "name": "E", "months": [3]}]},
    "development_plan": {"id": "k", "name": "K", "actions": [{"id": "A1", "name": "Toimi", "processes": ["sala"]}]},
    "processes": [
        {"process": "auki", "name": "Julkinen prosessi", "category": "core",
         "steps": [{"id": "a", "start": "Alku"}, {"id": "b", "call": "sala"}, {"id": "c", "end": "Loppu"}],
         "flow": ["a -> b -> c"]},
        {"process": "sala", "name": "Sisäinen prosessi", "category": "core", "internal": True},
    ],
}


def test_public_system_leaves_out_what_is_internal() -> None:
    shown = public_system(QualitySystem.model_validate(SYSTEM))
    assert [p.process for p in shown.processes] == ["auki"]
    assert shown.annual_cycle is None
    assert shown.development_plan is not None  # not marked internal
    assert shown.architecture.groups[0].processes == ["auki"]
    assert shown.architecture.value_chain == ["auki"]


def test_public_site_has_no_internal_page_no_criteria_and_no_broken_link() -> None:
    shown = public_system(QualitySystem.model_validate(SYSTEM))
    site = build_site(shown, lang="fi", public=True)
    assert "processes/sala.html" not in site
    assert "criteria.html" not in site
    assert broken_links(site) == []
    nav = html.fromstring(site["index.html"]).xpath("//nav[@class='site-nav']//a/@href")
    assert "criteria.html" not in nav
    assert b"criteria" not in site["print.html"].split(b"<main")[1].split(b"</nav>")[0]
    assert "Sisäinen prosessi" not in html.fromstring(site["index.html"]).text_content()


def test_the_full_site_keeps_everything() -> None:
    site = build_site(QualitySystem.model_validate(SYSTEM), lang="fi")
    assert {"processes/sala.html", "criteria.html"} <= set(site)


@pytest.mark.slow
def test_search_index_is_written_for_the_pages_language(tmp_path: Path) -> None:
    system = QualitySystem.model_validate(SYSTEM)
    for rel, data in build_site(system, lang="fi").items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.pf_fragment").write_text("old")
    index_search(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fi"]
    pages = entry["languages"]["fi"]["page_count"]
    assert pages == len(list(tmp_path.rglob("*.html"))) - 2  # not print.html, not search.html
    assert not (tmp_path / "pagefind" / "stale.pf_fragment").exists()


@pytest.mark.needs_dot
def test_public_site_with_drawn_diagrams_links_nothing_internal() -> None:
    site = public_site(QualitySystem.model_validate(SYSTEM), lang="fi")
    assert "diagrams/processes/auki.svg" in site and "diagrams/processes/sala.svg" not in site
    assert broken_links(site) == []
    assert b"processes/sala.html" not in site["diagrams/processes/auki.svg"]
    assert b"Sis\xc3\xa4inen prosessi" not in site["diagrams/map.svg"]
