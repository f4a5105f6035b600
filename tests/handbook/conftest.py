"""Fixtures of the handbook tests: the hostile test system and built sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.load import load
from qms.model import QualitySystem

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def hostile() -> QualitySystem:
    result = load(DATA / "hostile")
    assert result.ok, [p.format() for p in result.problems]
    assert result.system is not None
    return result.system
