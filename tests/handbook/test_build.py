"""The handbook site in memory: pages, escaping, links, headings, languages, sorting."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from qms.handbook import build_site, file_stem, process_path, site_pages
from qms.handbook.build import ALL, SYSTEM, glossary_rows, process_dep
from qms.handbook.report import CriteriaReport, CriterionView, FindingView
from qms.load import load
from qms.model import QualitySystem
from tests.conftest import EXAMPLES, MODELS

PAYLOADS = ("alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)", "alert(7)", "alert(8)")


def _pages(site: Mapping[str, bytes]) -> dict[str, html.HtmlElement]:
    return {path: html.fromstring(data) for path, data in site.items() if path.endswith(".html")}


def broken_links(site: Mapping[str, bytes]) -> list[str]:
    """Every internal href/src of every page that does not resolve to a file (and anchor) of the site."""
    pages = _pages(site)
    ids = {path: set(doc.xpath("//@id")) for path, doc in pages.items()}
    broken = []
    for path, doc in pages.items():
        for _el, attr, link, _ in doc.iterlinks():
            if attr not in ("href", "src") and not attr.endswith("href"):
                continue
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not parts.scheme and not parts.netloc, f"{path}: absolute link {link}"
            target = path if not parts.path else str(PurePosixPath(path).parent / unquote(parts.path))
            target = str(PurePosixPath(re.sub(r"[^/]+/\.\./", "", target)))
            while "/../" in f"/{target}" or target.startswith("../"):
                new = re.sub(r"(^|/)[^/.][^/]*/\.\.(/|$)", r"\1", target, count=1)
                if new == target:
                    break
                target = new
            if target not in site:
                broken.append(f"{path}: {link}")
            elif parts.fragment and target in ids and parts.fragment not in ids[target]:
                broken.append(f"{path}: {link} (no anchor)")
    return broken


@pytest.fixture(scope="module")
def redu() -> QualitySystem:
    system = load(MODELS / "redu").system
    assert system is not None
    return system


def test_every_page_of_every_example_is_made(redu: QualitySystem) -> None:
    site = build_site(redu, lang="fi")
    expected = {"index.html", "roles.html", "measures.html", "vuosikello.html", "plan.html", "criteria.html",
                "glossary.html", "print.html", "static/qms.css", "static/print.css"}
    assert expected <= set(site)
    assert {process_path(p.process) for p in redu.processes} <= set(site)


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["fi", "en", "sv", "se"])
def test_links_resolve_headings_are_ordered(name: str, lang: str) -> None:
    system = load(MODELS / name).system
    assert system is not None
    site = build_site(system, lang=lang)
    assert broken_links(site) == []
    for path, doc in _pages(site).items():
        assert doc.attrib["lang"] == lang, path
        levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1, f"{path} has {levels.count(1)} h1"
        assert levels[0] == 1, path
        for a, b in zip(levels, levels[1:], strict=False):
            assert b <= a + 1, f"{path}: h{a} followed by h{b}"
        for img in doc.iter("img"):
            assert img.attrib.get("alt"), path
        scripts = doc.xpath("//script")
        if path == "search.html":  # the one page that runs a script, from the site's own folder
            assert [s.get("src") for s in scripts] == ["static/search.js"] and not scripts[0].text
        else:
            assert not scripts, path


def test_notice_is_on_the_front_page(redu: QualitySystem) -> None:
    for lang, text in (("fi", "Esimerkkikuvaus – ei organisaation virallinen laatujärjestelmä"),
                       ("en", "Example description, not the organisation's official quality system")):
        front = html.fromstring(build_site(redu, lang=lang)["index.html"])
        assert text in front.text_content()


def test_hostile_text_is_escaped_everywhere(hostile: QualitySystem) -> None:
    site = build_site(hostile, lang="fi")
    assert broken_links(site) == []
    for path, doc in _pages(site).items():
        scripts = doc.xpath("//script")
        if path == "search.html":  # the one page that runs a script, from the site's own folder
            assert [s.get("src") for s in scripts] == ["static/search.js"] and not scripts[0].text
        else:
            assert not scripts, path
        assert not doc.xpath("//@*[starts-with(name(), 'on')]"), path
        assert not doc.xpath("//*[local-name()='img' and @src='x']"), path
        assert not [v for v in doc.xpath("//@href") if v.strip().lower().startswith("javascript:")], path
    page = html.fromstring(site["processes/talous.html"])
    assert page.xpath("//h1")[0].text_content().endswith("<script>alert(1)</script>")
    text = html.fromstring(site["print.html"]).text_content()
    for payload in PAYLOADS:
        assert payload in text


def test_ids_differing_in_case_get_their_own_pages(hostile: QualitySystem) -> None:
    site = build_site(hostile, lang="en")
    assert "processes/talous.html" in site and "processes/~talous.html" in site
    assert b"Finance in capitals" in site["processes/~talous.html"]
    front = html.fromstring(site["index.html"])
    assert "processes/~talous.html" in front.xpath("//nav[@class='process-index']//a/@href")


def test_stub_says_not_described_and_shows_what_is_known(hostile: QualitySystem) -> None:
    for lang, words in (("fi", "Ei vielä kuvattu"), ("en", "Not yet described")):
        doc = html.fromstring(build_site(hostile, lang=lang)[process_path("Talous")])
        text = doc.text_content()
        assert words in text
        assert ("Vielä kuvaamatta." if lang == "fi" else "Not described yet.") in text
        assert not doc.xpath("//table[contains(@class, 'steps')]")


def test_steps_table_has_roles_and_raci(hostile: QualitySystem) -> None:
    doc = html.fromstring(build_site(hostile, lang="en")["processes/talous.html"])
    rows = doc.xpath("//table[contains(@class, 'steps')]/tbody/tr")
    assert len(rows) == 4
    raci = [re.sub(r"\s+", " ", d.text_content()).strip() for d in rows[1].xpath("td[contains(@class, 'raci')]/div")]
    assert raci == ["R Oiler", "A Reader", "C Finance of Åbo", "I Zeta"]
    assert "R = responsible" in doc.text_content()


def test_interface_language_and_fallback_marking(hostile: QualitySystem) -> None:
    fi = html.fromstring(build_site(hostile, lang="fi")["index.html"])
    en = html.fromstring(build_site(hostile, lang="en")["index.html"])
    se = html.fromstring(build_site(hostile, lang="se")["index.html"])
    assert fi.xpath("//nav[@class='site-nav']//a")[1].text == "Roolit ja vastuut"
    assert en.xpath("//nav[@class='site-nav']//a")[1].text == "Roles and responsibilities"
    # Sámi page: the provider's own Sámi name; Finnish interface words marked as Finnish.
    assert "Oahpahusguovddáš" in se.xpath("//h1")[0].text_content()
    assert se.xpath("//nav[@class='site-nav']//a")[1].xpath("span[@lang='fi']")[0].text == "Roolit ja vastuut"


def test_lists_sort_in_finnish_order(hostile: QualitySystem) -> None:
    doc = html.fromstring(build_site(hostile, lang="fi")["roles.html"])
    names = [h.text_content() for h in doc.xpath("//section[contains(@class, 'role')]/h2")]
    assert names == ["Ahti", "Zeta", "Åbon talous", "Ääneenlukija", "Öljyäjä"]
    terms = [t for r in glossary_rows(hostile, "fi") if (t := r["term"]["fi"]) in ("Åbo", "Ääneen", "Öljy")]
    assert terms == ["Åbo", "Ääneen", "Öljy"]


def test_process_page_depends_on_its_file_system_and_named_processes(hostile: QualitySystem) -> None:
    deps = {p.path: p.deps for p in site_pages(hostile, lang="fi")}
    assert deps["processes/talous.html"] == {SYSTEM, process_dep("talous"), process_dep("Talous")}
    assert deps["processes/~talous.html"] == {SYSTEM, process_dep("Talous")}
    assert deps["index.html"] == {ALL}
    assert deps["glossary.html"] == {SYSTEM}


def test_diagrams_are_inlined_with_page_relative_links(hostile: QualitySystem) -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" '
           'height="10pt"><a xlink:href="../processes/talous.html"><text>T1</text></a>'
           '<a xlink:href="../processes/Talous.html"><text>T2</text></a></svg>')
    site = build_site(hostile, lang="fi", diagrams={"diagrams/map.svg": svg})
    front = html.fromstring(site["index.html"])
    hrefs = front.xpath("//figure[@id='map']//*[local-name()='svg']//@*[contains(name(), 'href')]")
    assert hrefs == ["processes/talous.html", "processes/~talous.html"]
    printed = html.fromstring(site["print.html"])
    assert printed.xpath("//figure[@id='map']//@*[contains(name(), 'href')]") == ["#process-talous", "#process-Talous"]
    assert broken_links(site) == []
    assert site["diagrams/map.svg"] == svg.encode()


def test_criteria_page_shows_the_report(hostile: QualitySystem) -> None:
    f = FindingView("warning", "Q108", "review-overdue", "the review of <b>x</b> is overdue", "review it",
                    "p.yaml", 3, 5, criteria=("ISO-4.4-g",))
    report = CriteriaReport(frameworks=(("ISO", "ISO 9001"),), criteria=(
        CriterionView("ISO-4.4-g", "ISO", "Processes are evaluated", state="partly-met", findings=(f,),
                      ref="ISO 9001:2015 4.4.1 g", shown=2, items=3),), findings=(f,))
    doc = html.fromstring(build_site(hostile, lang="en", report=report)["criteria.html"])
    row = doc.get_element_by_id("criterion-ISO-4.4-g")
    text = row.text_content()
    assert "partly met" in text and "2 of 3" in text and "ISO 9001:2015 4.4.1 g" in text
    assert "the review of <b>x</b> is overdue" in text
    assert "p.yaml:3:5" in row.text_content()
    empty = html.fromstring(build_site(hostile, lang="en")["criteria.html"])
    assert "not available" in empty.text_content()


def test_measure_status_is_text_not_only_colour(hostile: QualitySystem) -> None:
    doc = html.fromstring(build_site(hostile, lang="en")["measures.html"])
    row = doc.get_element_by_id("measure-M1")
    assert "target met" in row.text_content()
    assert "2024: 3.9" in row.text_content()


def test_overdue_is_relative_to_as_of_not_the_clock(hostile: QualitySystem) -> None:
    doc = html.fromstring(build_site(hostile, lang="en")["processes/talous.html"])
    assert "overdue" in doc.xpath("//section[contains(@class, 'review')]")[0].text_content()
    later = hostile.model_copy(update={"as_of": None})
    doc = html.fromstring(build_site(later, lang="en")["processes/talous.html"])
    assert "overdue" not in doc.xpath("//section[contains(@class, 'review')]")[0].text_content()


def test_same_input_same_bytes(hostile: QualitySystem) -> None:
    assert build_site(hostile, lang="fi") == build_site(hostile, lang="fi")


def test_bpmn_links_only_when_built(hostile: QualitySystem) -> None:
    assert b"bpmn/talous.bpmn" not in build_site(hostile, lang="fi")["processes/talous.html"]
    with_bpmn = build_site(hostile, lang="fi", bpmn=True)["processes/talous.html"]
    assert f'href="../bpmn/{file_stem("talous")}.bpmn"'.encode() in with_bpmn


def test_unknown_language_is_refused(hostile: QualitySystem) -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        build_site(hostile, lang="de")


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_id_is_shown_through_its_name(name: str) -> None:
    system = load(MODELS / name).system
    assert system is not None
    site = build_site(system, lang="fi")
    raw = {path: re.findall(rb"<code>([^<]*)</code>", data) for path, data in site.items() if path.endswith(".html")}
    assert {path: ids for path, ids in raw.items() if ids} == {}


@pytest.mark.parametrize("name", [*EXAMPLES, "hostile"])
def test_no_card_is_empty(name: str) -> None:
    system = load(MODELS / name if name != "hostile" else Path(__file__).parent / "data" / "hostile").system
    assert system is not None
    for path, doc in _pages(build_site(system, lang="fi")).items():
        for card in doc.xpath("//section[contains(concat(' ', @class, ' '), ' card ')]"):
            heading = card.xpath("./*[self::h2 or self::h3 or self::h4]")
            body = " ".join(card.text_content().split())
            title = " ".join(heading[0].text_content().split()) if heading else ""
            assert body != title, f"{path}: the card '{title}' is empty"
        assert not doc.xpath("//dl[not(*)]"), f"{path}: an empty list of facts"


@pytest.mark.needs_dot
def test_steps_of_a_drawn_flow_link_to_their_rows(redu: QualitySystem) -> None:
    from qms.handbook.build import diagram_specs
    from qms.render.svg import render

    spec = next(s for s in diagram_specs(redu, lang="fi") if s.path.endswith("/talousarvio.svg"))
    site = build_site(redu, lang="fi", diagrams={spec.path: render(spec.draw(), "svg").decode()})
    page = html.fromstring(site[process_path("talousarvio")])
    links = page.xpath("//figure//*[local-name()='svg']//@*[contains(name(), 'href')]")
    steps = redu.process("talousarvio").steps
    assert {link.partition("#")[2] for link in links} >= {f"process-talousarvio-step-{s.id}" for s in steps
                                                           if s.call is None}
    printed = html.fromstring(site["print.html"])
    assert "#process-talousarvio-step-raami" in printed.xpath("//*[local-name()='svg']//@*[contains(name(), 'href')]")
    assert broken_links(site) == []
