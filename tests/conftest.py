"""Shared test fixtures: paths to the repository, the example models and ../shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
SHARED = ROOT.parent / "shared"
EXAMPLES = ["redu", "sakk", "lappia"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


#: Markers of tests that need a program, and the programs. ``make test`` installs them
#: (Makefile: system-deps, browser-deps), so a missing one fails the test instead of
#: skipping it: a run that checked nothing must not look green.
TOOLS: dict[str, tuple[str, ...]] = {"needs_dot": ("dot", "neato"), "needs_rsvg": ("rsvg-convert",),
                                     "needs_chromium": ("chromium",)}


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, programs in TOOLS.items():
        missing = [p for p in programs if item.get_closest_marker(marker) and shutil.which(p) is None]
        if missing:
            pytest.fail(f"not on PATH: {', '.join(missing)}; `make setup` (Graphviz, librsvg) and `make browser-deps` "
                        "(Chromium) install what the tests need", pytrace=False)


def needs_shared(sub: str = "") -> pytest.MarkDecorator:
    """Skip unless ../shared (the oracles, the BPMN corpus) is beside the repository."""
    path = SHARED / sub
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (a plain clone has no ../shared)")
