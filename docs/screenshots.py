"""Screenshots of the handbook's search and of its Word copy for the README (docs/images/).

Run from the repository root: ``.venv/bin/python docs/screenshots.py``. Needs Chromium and
chromedriver (``make browser-deps``) for the search; the Word copy is rendered to PDF by
LibreOffice and its pages to PNG by pdftoppm (poppler-utils). A missing tool skips its
screenshot with the reason; nothing else is written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qms.build import build
from qms.handbook.publish import DOCX_FILE, index_search, word_copy
from qms.handbook.serve import SiteServer
from qms.load import load

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
SEARCH_TERM = "talousarviota"


def search_screenshot(site: Path) -> str:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        return "skipped the search: Chromium and chromedriver are not installed (make browser-deps)"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900", "--hide-scrollbars"):
        options.add_argument(flag)
    server = SiteServer(site).start()
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        driver.get(f"{server.url}search.html?q={SEARCH_TERM}")
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
        driver.save_screenshot(str(IMAGES / "handbook-search-fi.png"))
    finally:
        driver.quit()
        server.stop()
    return "wrote docs/images/handbook-search-fi.png"


def word_screenshots(docx: Path, work: Path) -> str:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None:
        return "skipped the Word copy: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    if pdftoppm is None:
        return "skipped the Word copy: pdftoppm is not installed (apt-get install poppler-utils)"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/lo", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = work / f"{docx.stem}.pdf"
    for page, name in ((1, "handbook-docx-front"), (3, "handbook-docx-process")):
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(IMAGES / name)], check=True, timeout=120)
    return "wrote docs/images/handbook-docx-front.png and handbook-docx-process.png"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="qms-shots-") as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT / "models" / "redu", site, lang="fi", stages=["handbook"])
        if result.index is None:
            print("the handbook of models/redu was not built", file=sys.stderr)
            return 1
        index_search(site)
        system = load(ROOT / "models" / "redu").system
        assert system is not None
        docx = Path(tmp) / DOCX_FILE
        docx.write_bytes(word_copy(system, lang="fi"))
        print(search_screenshot(site))
        print(word_screenshots(docx, Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
