"""The page context: approval of the system on the front page, in every printed footer, beside later processes."""

from __future__ import annotations

from lxml import html

from qms.handbook import build_site
from qms.model import QualitySystem

SYSTEM = {
    "system": "s", "name": "S", "as_of": "2026-03-01", "provider": {"id": "p", "name": "P"},
    "roles": [{"id": "hallitus", "name": "Hallitus </style><b>x</b> \"q\""}],
    "approval": {"version": "2026.1", "approved_by": "hallitus", "approved": "2026-01-20",
                 "next_review": "2027-01-20", "history": [{"version": "2025.1", "approved": "2025-01-15"}]},
    "processes": [
        {"process": "vanha", "name": "Vanha", "category": "core",
         "review": {"version": "2", "approved": "2025-10-01", "next_review": "2026-10-01"}},
        {"process": "uusi", "name": "Uusi", "category": "core",
         "review": {"version": "4", "approved": "2026-02-15", "next_review": "2027-02-15"}},
    ],
}


def _site(**changes: object) -> dict[str, bytes]:
    return build_site(QualitySystem.model_validate({**SYSTEM, **changes}), lang="fi")


def test_front_page_shows_version_date_and_approving_body() -> None:
    doc = html.fromstring(_site()["index.html"])
    card = doc.get_element_by_id("system-approval")
    facts = [" ".join(d.text_content().split()) for d in card.iter("dd")]
    assert facts == ["2026.1", "20.1.2026", 'Hallitus </style><b>x</b> "q"', "20.1.2027",
                     "Versio 2025.1 · Hyväksytty 15.1.2025"]


def test_every_printed_page_carries_the_approval_in_its_footer() -> None:
    site = _site()
    pages = [p for p in site if p.endswith(".html")]
    for path in pages:
        doc = html.fromstring(site[path])
        styles = [s.text for s in doc.iter("style") if "@bottom-left" in (s.text or "")]
        assert len(styles) == 1, path
        assert 'content: "Versio 2026.1 · Hyväksytty 20.1.2026 · Hallitus \\3c /style>' in styles[0]
        assert '\\"q\\"' in styles[0]
        assert not doc.xpath("//b"), f"{path}: the body's name became markup"


def test_a_process_approved_after_the_system_shows_both() -> None:
    site = _site()
    later = html.fromstring(site["processes/uusi.html"]).text_content()
    earlier = html.fromstring(site["processes/vanha.html"]).text_content()
    assert "hyväksytty toimintajärjestelmän jälkeen" in later
    assert "Versio 2026.1 · Hyväksytty 20.1.2026" in later and "15.2.2026" in later
    assert "hyväksytty toimintajärjestelmän jälkeen" not in earlier


def test_without_approval_nothing_is_shown() -> None:
    site = _site(approval=None)
    assert b"@bottom-left" not in site["index.html"]
    assert b"system-approval" not in site["index.html"]


def test_no_empty_provider_card() -> None:
    doc = html.fromstring(_site()["index.html"])
    cards = doc.xpath("//section[contains(@class, 'card')]")
    assert all(c.xpath(".//dd") or c.xpath(".//blockquote") or c.xpath(".//p") for c in cards)
    assert not doc.xpath("//dl[@class='facts'][not(*)]")


def test_criteria_titles_and_framework_names_in_the_page_language() -> None:
    from qms.handbook.report import CriteriaReport, CriterionView

    report = CriteriaReport(
        frameworks=(("FI-LAW", "Act on Vocational Education and Training"),),
        framework_names={"FI-LAW": {"fi": "Laki ammatillisesta koulutuksesta", "en": "Act on VET"}},
        criteria=(CriterionView("FI-LAW-1", "FI-LAW", "Outcomes are evaluated",
                                titles={"fi": "Toiminnan tuloksia arvioidaan", "en": "Outcomes are evaluated"}),
                  CriterionView("FI-LAW-2", "FI-LAW", "Only in English <b>")))
    system = QualitySystem.model_validate({**SYSTEM, "approval": None})
    fi = html.fromstring(build_site(system, lang="fi", report=report)["criteria.html"])
    assert fi.get_element_by_id("fw-FI-LAW").text_content() == "Laki ammatillisesta koulutuksesta"
    rows = [" ".join(th.text_content().split()) for th in fi.xpath("//table[@class='criteria']//th[@scope='row']")]
    assert rows == ["FI-LAW-1 Toiminnan tuloksia arvioidaan", "FI-LAW-2 Only in English <b>"]
    assert fi.xpath("//th[@scope='row']/span[@lang='en']")[0].text == "Only in English <b>"
    sv = html.fromstring(build_site(system, lang="sv", report=report)["criteria.html"])
    assert sv.get_element_by_id("fw-FI-LAW").xpath("./span/@lang") == ["en"]  # no Swedish: English, marked
