"""The built handbook in a real browser: links resolve, images load, no console errors, payloads inert, search.

Drives Debian's Chromium through chromedriver with Selenium; skipped with the reason when
either is missing (`make test` installs them).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from qms.build import build
from qms.handbook.publish import index_search
from qms.handbook.serve import SiteServer
from tests.conftest import MODELS

DATA = Path(__file__).parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                       reason="Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")

LINKS_JS = """
const out = [];
for (const a of document.querySelectorAll('a')) {
  const raw = a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  if (raw) out.push(new URL(raw, document.baseURI).href);
}
for (const l of document.querySelectorAll('link[href]')) out.push(l.href);
return out;
"""
IMAGES_JS = "return [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src);"
IDS_JS = "return [...document.querySelectorAll('[id]')].map(e => e.id);"


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1366,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module", params=["hostile-fi", "hostile-en", "redu-fi"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    name, lang = request.param.split("-")
    source = DATA / "hostile" if name == "hostile" else MODELS / name
    out = tmp_path_factory.mktemp(request.param)
    result = build(source, out, lang=lang, stages=["handbook"])
    assert result.index is not None and not result.failed, result.messages
    return out


def _visit(driver: webdriver.Chrome, page: Path) -> dict[str, list[str]]:
    driver.get(page.as_uri())
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - an alert would mean a script ran
    return {
        "links": driver.execute_script(LINKS_JS),
        "broken_images": driver.execute_script(IMAGES_JS),
        "ids": driver.execute_script(IDS_JS),
        "errors": [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")],
    }


def test_every_page_links_images_and_console(driver: webdriver.Chrome, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    seen = {page: _visit(driver, page) for page in pages}
    problems = []
    for page, found in seen.items():
        rel = page.relative_to(site)
        problems += [f"{rel}: image did not load: {src}" for src in found["broken_images"]]
        problems += [f"{rel}: console: {message}" for message in found["errors"]]
        for link in found["links"]:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert parts.scheme == "file", f"{rel}: {link}"
            target = Path(unquote(parts.path))
            if not target.is_file():
                problems.append(f"{rel}: broken link {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = seen[target]["ids"] if target in seen else _visit(driver, target)["ids"]
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{rel}: no anchor #{parts.fragment} in {target.name}")
            if not target.resolve().is_relative_to(site.resolve()):
                problems.append(f"{rel}: link leaves the site: {link}")
    assert problems == []


def test_style_sheet_applies(driver: webdriver.Chrome, site: Path) -> None:
    driver.get((site / "index.html").as_uri())
    colour = driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).backgroundColor;")
    assert colour == "rgb(23, 50, 77)"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    result = build(DATA / "hostile", out, lang="fi", stages=["handbook"])
    assert result.index is not None and not result.failed, result.messages
    return out


def test_script_payload_is_inert_and_visible(driver: webdriver.Chrome, hostile_site: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get((hostile_site / "processes" / "talous.html").as_uri())
    heading = driver.find_element(By.TAG_NAME, "h1")
    assert heading.is_displayed()
    assert heading.text.endswith("<script>alert(1)</script>")
    assert driver.execute_script("return document.scripts.length;") == 0
    driver.get((hostile_site / "index.html").as_uri())
    assert "<img src=x onerror=alert(2)>" in driver.find_element(By.TAG_NAME, "h1").text


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """REDU's handbook in Finnish with its search index, on a loopback port of the system's choosing."""
    out = tmp_path_factory.mktemp("served")
    result = build(MODELS / "redu", out, lang="fi", stages=["handbook"])
    assert result.index is not None and not result.failed, result.messages
    index_search(out)
    server = SiteServer(out).start()
    yield server
    server.stop()


def _results(driver: webdriver.Chrome, url: str) -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
        or d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__message"))
    WebDriverWait(driver, 20).until(
        lambda d: "Searching" not in d.find_element(By.CSS_SELECTOR, "#search-results").text)
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]


@pytest.mark.parametrize(("term", "page"), [
    ("talousarvio", "processes/talousarvio.html"),
    ("talousarviota", "processes/talousarvio.html"),   # partitive: Finnish stemming finds the base form
    ("talousarvion", "processes/talousarvio.html"),    # genitive
    ("Yhtymähallitus", "roles/yhtymahallitus.html"),
])
def test_search_finds_inflected_finnish_words(driver: webdriver.Chrome, served: SiteServer, term: str,
                                              page: str) -> None:
    hits = _results(driver, f"{served.url}search.html?q={term}")
    assert f"{served.url}{page}" in hits, hits
    assert driver.find_element("css selector", "#search-offline").is_displayed() is False


def test_search_box_on_every_page_leads_to_the_results(driver: webdriver.Chrome, served: SiteServer) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{served.url}processes/talousarvio.html")
    box = driver.find_element(By.CSS_SELECTOR, "form[role=search] input[name=q]")
    box.send_keys("mittari")
    box.submit()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(lambda d: d.current_url != f"{served.url}processes/talousarvio.html")
    assert driver.current_url == f"{served.url}search.html?q=mittari"
    assert _results(driver, driver.current_url)


def test_search_from_a_file_says_it_needs_a_server(driver: webdriver.Chrome, hostile_site: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get((hostile_site / "search.html").as_uri() + "?q=talous")
    assert driver.find_element(By.ID, "search-offline").is_displayed()
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_search_results_show_markup_as_text(driver: webdriver.Chrome, hostile_site: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    index_search(hostile_site)
    server = SiteServer(hostile_site).start()
    try:
        hits = _results(driver, f"{server.url}search.html?q=alert")
        assert hits, "the payload texts are indexed as words"
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018 - an alert would mean a payload ran
        shown = driver.find_element("css selector", "#search-results").text
        assert "alert(" in shown
        assert driver.execute_script("return document.querySelectorAll('#search-results img, "
                                     "#search-results script').length;") == 0
    finally:
        server.stop()


def test_an_open_page_reloads_after_a_rebuild(driver: webdriver.Chrome, served: SiteServer) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{served.url}roles.html")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.execute_script("window.qmsMarker = 1;")
    served.rebuilt()
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return window.qmsMarker === undefined;"))
    assert driver.current_url == f"{served.url}roles.html"
