"""Fixtures of the render tests: small systems in tests/render/data, a hostile process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qms.load import load
from qms.model import Process, QualitySystem

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parents[1] / "golden" / "render"

#: Every character class a label must survive: markup, quotes, backslash escapes of
#: Graphviz, newlines, emoji, Finnish and Swedish letters, Northern Sámi letters.
HOSTILE = 'A <b>"x" & y</b> \\N \\G {z} | ä ö å Å 🎓\nčoahkkin ođđa máŋga Ruoŧŧa earenoamážit ]>'


@pytest.fixture(scope="session")
def mini() -> QualitySystem:
    result = load(DATA / "mini")
    assert result.system is not None, [p.format() for p in result.problems]
    return result.system


@pytest.fixture(scope="session")
def hostile() -> Process:
    return Process.model_validate(
        {
            "process": "vihamielinen",
            "name": HOSTILE,
            "category": "core",
            "lanes": ["r1", "r2"],
            "documents": [{"id": "doc", "name": HOSTILE}],
            "steps": [
                {"id": "alku", "start": HOSTILE, "lane": "r1", "trigger": "timer"},
                {
                    "id": "tehtava",
                    "task": HOSTILE,
                    "lane": "r1",
                    "pdca": "do",
                    "documents": ["doc"],
                    "systems": [HOSTILE],
                },
                {"id": "paatos", "decision": HOSTILE, "lane": "r2", "pdca": "check"},
                {"id": "loppu", "end": HOSTILE, "lane": "r2"},
            ],
            "flow": [
                "alku -> tehtava -> paatos",
                {"from": "paatos", "to": "loppu", "label": HOSTILE},
                {"from": "paatos", "to": "tehtava", "label": "ei"},
            ],
            "messages": [{"from": "tehtava", "to": "ulkoinen", "name": HOSTILE}],
        }
    )


@pytest.fixture
def golden(update_goldens: bool) -> Callable[[str, str], None]:
    """Compare text with tests/golden/render/NAME, or rewrite it with --update-goldens."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_goldens or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update_goldens:
                pytest.fail(f"{path} was missing and has been written; review it and run again")
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden; review, then pytest --update-goldens"

    return check


#: The bands of the talousarvio flow of the mini system, top to bottom.
TALOUSARVIO_BANDS = [
    "lane-yhtymavaltuusto",
    "lane-yhtymahallitus",
    "lane-johtoryhma",
    "lane-tulosaluejohtaja",
    "lane-talouspalvelut",
    "pool-okm",
    "pool-omistajakunnat",
]
