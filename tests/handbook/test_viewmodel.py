"""The view model, and the role pages made from it: what a role owns, performs, reports and must do."""

from __future__ import annotations

from lxml import html

from qms.handbook import build_site
from qms.handbook.paths import role_path
from qms.handbook.viewmodel import role_view
from qms.model import QualitySystem

SYSTEM = {
    "system": "s", "name": "S", "as_of": "2026-03-01", "provider": {"id": "p", "name": "P"},
    "roles": [{"id": "lv", "name": "Laatuvastaava <b>"}, {"id": "ope", "name": "Opettaja"},
              {"id": "tyhja", "name": "Tyhjä rooli"}],
    "development_plan": {"id": "k", "name": "K", "actions": [
        {"id": "A1", "name": "Myöhässä", "owner": "lv", "due": "2026-01-31", "status": "ongoing"},
        {"id": "A2", "name": "Ajallaan", "owner": "lv", "due": "2026-06-30"}]},
    "processes": [{
        "process": "palaute", "name": "Opiskelijapalaute", "category": "core", "owner": "lv",
        "lanes": ["ope", "lv"],
        "steps": [{"id": "a", "start": "Alku", "lane": "ope"}, {"id": "kysely", "task": "Kysely", "lane": "ope"},
                  {"id": "kasittely", "task": "Käsittely", "lane": "lv"}, {"id": "loppu", "end": "Loppu", "lane": "lv"}],
        "flow": ["a -> kysely -> kasittely -> loppu"],
        "measures": [{"id": "vastausaste", "name": "Vastausaste", "owner": "lv", "target": ">= 60 %"}],
        "review": {"version": "1", "next_review": "2026-02-01"}}],
}


def test_role_view_lists_the_steps_a_role_performs() -> None:
    view = role_view(QualitySystem.model_validate(SYSTEM))
    assert [(pid, s.id) for pid, s in view["ope"]["steps"]] == [("palaute", "a"), ("palaute", "kysely")]
    assert view["lv"]["owns"] == ["palaute"] and view["lv"]["measures"] == ["vastausaste"]
    assert [a.id for a in view["lv"]["actions"]] == ["A1", "A2"]


def test_a_page_per_role_with_overdue_items_flagged() -> None:
    site = build_site(QualitySystem.model_validate(SYSTEM), lang="fi")
    assert {role_path(r) for r in ("lv", "ope", "tyhja")} <= set(site)
    page = html.fromstring(site[role_path("lv")])
    assert page.findtext(".//h1") == "Laatuvastaava <b>"
    text = " ".join(page.text_content().split())
    assert "Opiskelijapalaute · Seuraava katselmointi 1.2.2026 myöhässä" in text
    assert "A1 Myöhässä käynnissä · Määräaika 31.1.2026 myöhässä" in text
    assert "A2 Ajallaan suunniteltu · Määräaika 30.6.2026" in text and "30.6.2026 myöhässä" not in text
    assert page.xpath("//table[@class='measures']//a[contains(@href, 'measure-vastausaste')]")
    steps = [" ".join(td.text_content().split()) for td in html.fromstring(site[role_path("ope")]).xpath("//tbody/tr/td[2]")]
    assert steps == ["Alku", "Kysely"]
    assert "Roolille ei ole kuvattu tehtäviä." in html.fromstring(site[role_path("tyhja")]).text_content()


def test_role_names_link_to_their_pages() -> None:
    site = build_site(QualitySystem.model_validate(SYSTEM), lang="fi")
    process = html.fromstring(site["processes/palaute.html"])
    assert "../roles/lv.html" in process.xpath("//a/@href")
    roles = html.fromstring(site["roles.html"])
    assert "roles/ope.html" in roles.xpath("//a/@href")


def test_reported_to_shows_the_name_of_a_role_and_keeps_free_text() -> None:
    data = {**SYSTEM, "processes": [{**SYSTEM["processes"][0], "measures": [  # type: ignore[dict-item]
        {"id": "vastausaste", "name": "Vastausaste", "owner": "lv", "reported_to": ["ope", "Hallitus <i>"]}]}]}
    page = html.fromstring(build_site(QualitySystem.model_validate(data), lang="fi")["processes/palaute.html"])
    sub = [" ".join(d.text_content().split()) for d in page.xpath("//table[@class='measures']//div[@class='sub']")]
    assert "Raportoidaan: Opettaja, Hallitus <i>" in sub
