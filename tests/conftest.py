"""Shared test fixtures: paths to the repository, the example models and ../shared."""

from __future__ import annotations

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


def needs_shared(sub: str = "") -> pytest.MarkDecorator:
    """Skip unless ../shared (the oracles, the BPMN corpus) is beside the repository."""
    path = SHARED / sub
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (a plain clone has no ../shared)")
