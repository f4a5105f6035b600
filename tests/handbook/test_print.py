"""The handbook's diagrams in print and on screen: landscape pages for wide ones, text at 8 points or a
note that says otherwise, and on screen a diagram that shows, scrolls and zooms without scripts."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree, html
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

from qms.cli import cli
from qms.handbook import build_site
from qms.handbook.paths import diagram_path, print_pages_path
from qms.handbook.pdf import MIN_PRINT_TEXT, PAGES, print_fit, stack_pages, stacked_pages
from qms.handbook.publish import draw
from qms.load import load
from qms.model import QualitySystem
from qms.render.flow import draw_flow_pages
from qms.render.svg import render
from tests.conftest import MODELS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def redu() -> QualitySystem:
    system = load(MODELS / "redu").system
    assert system is not None
    return system


@pytest.fixture(scope="module")
def drawn(redu: QualitySystem) -> dict[str, str]:
    return {path: svg.decode("utf-8") for path, svg in draw(redu, lang="fi").items()}


@pytest.fixture(scope="module")
def site(redu: QualitySystem, drawn: dict[str, str]) -> dict[str, bytes]:
    return build_site(redu, lang="fi", diagrams=drawn)


def test_a_diagram_prints_on_the_page_where_it_comes_out_largest() -> None:
    portrait = print_fit('<svg width="450pt" height="600pt"><text font-size="9">x</text></svg>')
    assert (portrait.page, portrait.scale, portrait.readable) == ("portrait", 1.0, True)
    wide = print_fit('<svg width="700pt" height="400pt"><text font-size="8.5">x</text></svg>')
    assert (wide.page, wide.scale, wide.readable) == ("landscape", 1.0, True)
    huge = print_fit('<svg width="3000pt" height="2000pt"><text font-size="8.5">x</text></svg>')
    assert huge.page == "landscape" and not huge.readable
    assert huge.text == pytest.approx(8.5 * max(min(w / 3000, h / 2000) for w, h in PAGES.values()), abs=0.1)


@pytest.mark.needs_dot
def test_wide_diagrams_are_on_landscape_pages_and_small_print_is_said(
    site: dict[str, bytes], drawn: dict[str, str]
) -> None:
    doc = html.fromstring(site["print.html"])
    landscape = {f.get("id") for f in doc.xpath("//figure[contains(@class, 'print-landscape')]")}
    assert {"map", "cycle-picture"} <= landscape
    for figure in doc.xpath("//figure[contains(@class, 'diagram') and not(contains(@class, 'print-sheet'))]"):
        note = figure.xpath(".//*[@class='print-small']")
        path = _figure_path(figure.get("id", ""))
        fit = print_fit(drawn[path])
        assert (figure.get("id") in landscape) == (fit.page == "landscape")
        assert bool(note) == (not fit.readable), figure.get("id")
        if note:
            assert f"{fit.text:g}".replace(".", ",") + " pt" in note[0].text_content()
    assert print_fit(drawn[diagram_path("cycle")]).readable  # the wheel prints at 8 points or more


def _figure_path(anchor: str) -> str:
    if anchor.startswith("flow-"):
        return diagram_path("flow", anchor.removeprefix("flow-"))
    return diagram_path({"map": "map", "hierarchy": "hierarchy", "cycle-picture": "cycle"}[anchor])


WIDE = ("talousarvio", "oppijan_polku", "rekrytointi", "osaamisen_kehittaminen", "ennakointi_tyoelamapalvelut")


@pytest.mark.needs_dot
def test_a_flow_too_wide_for_its_paper_prints_as_its_pages_in_order(
    redu: QualitySystem, site: dict[str, bytes], drawn: dict[str, str]
) -> None:
    doc = html.fromstring(site["print.html"])
    for pid in WIDE:
        cut = draw_flow_pages(redu.process(pid), redu, paper=redu.paper)
        assert len(cut) > 1, pid
        figures = doc.xpath(f"//figure[starts-with(@id, 'flow-{pid}')]")
        assert [f.get("id") for f in figures] == [f"flow-{pid}"] + [f"flow-{pid}-page-{k}" for k in
                                                                     range(2, len(cut) + 1)]
        for k, figure in enumerate(figures, 1):
            assert figure.get("class") == "diagram print-sheet print-sheet-a4"
            assert figure.xpath("string(.//figcaption)").strip() == f"Sivu {k}/{len(cut)}"
            assert f"({k}/{len(cut)})" in " ".join(figure.xpath(".//*[local-name()='text']/text()"))  # its title
            assert not figure.xpath(".//*[@class='print-small']")  # printed at full size: 8 points
        assert len(stacked_pages(drawn[print_pages_path(pid)])) == len(cut)
        heading = doc.xpath(f"//*[@id='process-{pid}-flow']")  # left out in print: each page has its title
        assert heading and heading[0].get("class") == "before-print-sheets"
    for page in stacked_pages(drawn[print_pages_path("oppijan_polku")]):
        assert min(float(size) for size in re.findall(r'font-size="([0-9.]+)"', page)) >= MIN_PRINT_TEXT
        size = re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', page)
        # within an A4 landscape page less the margins and the caption of print.css (@page sheet-a4)
        assert size is not None and float(size[1]) < 287 * 72 / 25.4 and float(size[2]) < 193 * 72 / 25.4


@pytest.mark.needs_dot
def test_the_pages_of_a_flow_are_kept_in_one_svg_file_and_given_back_as_drawn(redu: QualitySystem) -> None:
    pages = [render(d, "svg").decode("utf-8") for d in draw_flow_pages(redu.process("talousarvio"), redu)]
    stacked = stack_pages(pages)
    assert etree.fromstring(stacked.encode("utf-8")).get("height") == f"{sum(_height(p) for p in pages):g}pt"
    assert stacked_pages(stacked) == [p[p.index("<svg"):].rstrip() for p in pages]
    assert stack_pages(pages) == stacked  # the same bytes every time
    with pytest.raises(ValueError, match="not an SVG document"):
        stack_pages(["Graphviz said no"])


def _height(svg: str) -> float:
    found = re.search(r'<svg width="[0-9.]+pt" height="([0-9.]+)pt"', svg)
    assert found is not None
    return float(found[1])


@pytest.mark.needs_dot
def test_a_flow_that_fits_its_paper_prints_as_one_diagram(hostile: QualitySystem) -> None:
    drawn = {path: svg.decode("utf-8") for path, svg in draw(hostile, lang="fi").items()}
    printed = [path for path in drawn if path.startswith("diagrams/print/")]
    assert printed and all(stacked_pages(drawn[path]) == [] for path in printed)
    doc = html.fromstring(build_site(hostile, lang="fi", diagrams=drawn)["print.html"])
    assert not doc.xpath("//figure[contains(@class, 'print-sheet')]")
    assert doc.xpath("//figure[@id='flow-talous']//*[local-name()='svg']")


@pytest.mark.needs_dot
def test_the_printed_pages_leave_the_screen_pages_as_they_were(redu: QualitySystem, drawn: dict[str, str],
                                                               site: dict[str, bytes]) -> None:
    unprinted = {path: svg for path, svg in drawn.items() if not path.startswith("diagrams/print/")}
    without = build_site(redu, lang="fi", diagrams=unprinted)
    printed = {print_pages_path(p.process) for p in redu.processes if not p.is_stub}
    assert {path for path in site if site[path] != without.get(path)} == {"print.html", *printed}
    figure = html.fromstring(site["processes/oppijan_polku.html"]).get_element_by_id("flow-oppijan_polku")
    assert figure.xpath("./input[@class='zoom-toggle']") and len(figure.xpath(".//*[local-name()='svg']")) == 1


@pytest.mark.needs_dot
def test_a_system_printed_on_a3_has_its_flows_cut_to_a3(redu: QualitySystem) -> None:
    on_a3 = redu.model_copy(update={"paper": "a3"})
    path = print_pages_path("oppijan_polku")
    drawn = {p: svg.decode("utf-8") for p, svg in draw(on_a3, lang="fi").items()}
    a4 = draw_flow_pages(redu.process("oppijan_polku"), redu, paper="a4")
    assert 1 < len(stacked_pages(drawn[path])) < len(a4)
    doc = html.fromstring(build_site(on_a3, lang="fi", diagrams=drawn)["print.html"])
    assert doc.xpath("//figure[@id='flow-oppijan_polku']/@class") == ["diagram print-sheet print-sheet-a3"]


@pytest.mark.needs_dot
def test_a_flow_its_a3_paper_takes_whole_prints_whole_on_one_a3_page() -> None:
    sakk = load(MODELS / "sakk").system
    assert sakk is not None
    on_a3 = sakk.model_copy(update={"paper": "a3"})
    drawn = {path: svg.decode("utf-8") for path, svg in draw(on_a3, lang="fi").items()}
    flow = diagram_path("flow", "tyoelama_aluepalvelut")
    assert stacked_pages(drawn[print_pages_path("tyoelama_aluepalvelut")]) == []  # A3 takes it whole
    assert not print_fit(drawn[flow]).readable  # A4 would not
    doc = html.fromstring(build_site(on_a3, lang="fi", diagrams=drawn)["print.html"])
    figures = doc.xpath("//figure[starts-with(@id, 'flow-tyoelama_aluepalvelut')]")
    assert [f.get("class") for f in figures] == ["diagram print-sheet print-sheet-a3"]
    assert "/" not in figures[0].xpath("string(.//figcaption)")  # no "page 1 of 1"
    assert not figures[0].xpath(".//*[@class='print-small']")
    on_a4 = html.fromstring(build_site(sakk, lang="fi", diagrams={
        path: svg.decode("utf-8") for path, svg in draw(sakk, lang="fi").items()})["print.html"])
    assert len(on_a4.xpath("//figure[starts-with(@id, 'flow-tyoelama_aluepalvelut')]")) == 2  # A4: cut in two


@pytest.mark.needs_dot
def test_on_screen_a_diagram_shows_scrolls_and_zooms_without_scripts(site: dict[str, bytes]) -> None:
    css = site["static/qms.css"].decode("utf-8")
    assert re.search(r"\.diagram-scroll \{[^}]*overflow: auto", css)
    assert re.search(r"\.zoom-toggle:checked ~ \.diagram-scroll svg[^{]*\{[^}]*max-width: none", css)
    for page, anchor, inner in (("processes/oppijan_polku.html", "flow-oppijan_polku", "svg"),
                                ("vuosikello.html", "cycle-picture", "img")):
        doc = html.fromstring(site[page])
        figure = doc.get_element_by_id(anchor)
        assert figure.xpath(f"./div[@class='diagram-scroll']/*[local-name()='{inner}']")  # in the page itself
        assert figure.xpath("./input[@type='checkbox' and @class='zoom-toggle']")  # a CSS zoom, no script
        links = figure.xpath(".//figcaption/a/@href")
        assert links and all(href.endswith(".svg") for href in links)


@pytest.mark.parametrize("name", ["redu", "sakk", "lappia"])
@pytest.mark.slow
@pytest.mark.needs_dot
@pytest.mark.needs_chromium
@pytest.mark.skipif(CHROMEDRIVER is None, reason="chromedriver is not installed (apt-get install chromium-driver)")
def test_nothing_is_wider_than_a_portrait_page(name: str, tmp_path: Path) -> None:
    """Chromium shrinks every page of a PDF to fit its widest content: one wide table makes all text small.

    The pages of a wide flow are the exception: each is on a landscape page of its own (a named page), which
    Chromium lays out at that page's width; the PDF test shows the portrait pages' text keeps its size."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    system = load(MODELS / name).system
    assert system is not None
    for path, data in build_site(system, lang="fi", diagrams={
            p: svg.decode("utf-8") for p, svg in draw(system, lang="fi").items()}).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        width = round(PAGES["portrait"][0] * 96 / 72)  # the portrait page's content, in CSS pixels
        chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
        chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        chrome.get((tmp_path / "print.html").as_uri())
        wide = chrome.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
            ".filter(e => !e.closest('.print-sheet'))"  # on landscape pages of their own, at full size
            ".map(e => e.tagName + '.' + e.getAttribute('class')).slice(0, 5);")
    finally:
        chrome.quit()
    assert wide == []


@pytest.mark.slow
@pytest.mark.needs_dot
@pytest.mark.needs_chromium
def test_the_pdf_has_a_landscape_page_for_each_wide_diagram(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["handbook", str(MODELS / "redu"), "-o", "site", "--pdf"])
    assert result.exit_code == 0, result.output
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", Path("site/handbook.pdf").read_bytes())
    landscape = [float(w) > float(h) for w, h in boxes]
    figures = html.fromstring(Path("site/print.html").read_bytes()).xpath(
        "//figure[contains(@class, 'print-landscape') or contains(@class, 'print-sheet')]")
    assert len(landscape) > 20
    assert sum(landscape) == len(figures) >= 6

    # The learner's path: a landscape page for each of its pages, in order, at full size.
    printed = {}
    for number, page in enumerate(extract_pages("site/handbook.pdf"), 1):
        chars = [c for c in _chars(page) if c.get_text().strip()]
        title = re.search(r"oppijanpolku\((\d+)/(\d+)\)", "".join(c.get_text() for c in chars))
        if title:
            assert page.width > page.height, number
            caption = f"Sivu{title[1]}/{title[2]}"
            assert caption in "".join(c.get_text() for c in chars if c.size < 8.5), number  # the caption
            printed[int(title[1])] = (number, int(title[2]), min(c.size for c in chars))
    count = next(iter(printed.values()))[1]
    assert count > 1 and sorted(printed) == list(range(1, count + 1))
    numbers = [printed[k][0] for k in range(1, count + 1)]
    assert numbers == list(range(numbers[0], numbers[0] + count))  # one after another, one page each
    assert min(size for _, _, size in printed.values()) >= MIN_PRINT_TEXT - 0.05
    portrait = Counter(round(c.size, 1) for page in extract_pages("site/handbook.pdf") if page.width < page.height
                       for c in _chars(page))
    assert portrait.most_common(1)[0][0] == 8.8  # table text as print.css sets it: no page was shrunk


@pytest.mark.slow
@pytest.mark.needs_dot
@pytest.mark.needs_chromium
def test_a_system_on_a3_prints_its_flows_on_a3_landscape_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MODELS / "sakk", "sakk")
    Path("sakk/system.yaml").write_text(Path("sakk/system.yaml").read_text(encoding="utf-8") + "\npaper: a3\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["handbook", "sakk", "-o", "site", "--pdf"])
    assert result.exit_code == 0, result.output
    sheets = html.fromstring(Path("site/print.html").read_bytes()).xpath("//figure[contains(@class, 'print-sheet')]")
    a3 = [page for page in extract_pages("site/handbook.pdf") if round(page.width) == 1191]
    assert len(a3) == len(sheets) > 1
    for page in a3:
        chars = [c for c in _chars(page) if c.get_text().strip()]
        assert page.height == pytest.approx(842, abs=1)
        assert min(c.size for c in chars) >= MIN_PRINT_TEXT - 0.05


def _chars(item: Any) -> Iterator[Any]:
    """Every character laid out on a page of a PDF (pdfminer)."""
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)
