"""Every label in the chosen language: the map, the hierarchy and the vuosikello of SAKK in Northern Sámi."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from pydantic import BaseModel

from qms.cli import cli
from qms.load import load
from qms.model import LANGUAGES, QualitySystem
from qms.render.dot import draw_cycle, draw_hierarchy, draw_map
from qms.render.svg import render
from qms.render.theme import MONTHS, word
from tests.conftest import MODELS

SVG = "{http://www.w3.org/2000/svg}"
DRAWS = {"map": draw_map, "hierarchy": draw_hierarchy, "cycle": draw_cycle}


@pytest.fixture(scope="module")
def sakk() -> QualitySystem:
    system = load(MODELS / "sakk").system
    assert system is not None
    return system


def _with_sami(obj: Any) -> Any:
    """The model with a Northern Sámi text beside every Finnish one that lacks it (``sámás …``)."""
    if isinstance(obj, BaseModel):
        return obj.model_copy(update={k: _with_sami(getattr(obj, k)) for k in type(obj).model_fields})
    if isinstance(obj, dict):
        if "fi" in obj and set(obj) <= set(LANGUAGES) and all(isinstance(v, str) for v in obj.values()):
            return {"se": f"sámás {obj['fi']}", **obj}
        return {k: _with_sami(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_with_sami(v) for v in obj]
    return obj


def _sami_texts(obj: Any) -> set[str]:
    if isinstance(obj, BaseModel):
        return set().union(*(_sami_texts(getattr(obj, k)) for k in type(obj).model_fields))
    if isinstance(obj, dict):
        here = {obj["se"]} if isinstance(obj.get("se"), str) else set()
        return here.union(*(_sami_texts(v) for v in obj.values()))
    if isinstance(obj, list):
        return set().union(*(_sami_texts(v) for v in obj))
    return set()


def _drawn_objects(system: QualitySystem, kind: str, shown: str) -> list[Any]:
    """What each diagram names: the objects whose texts it shows (groups: those in the SVG ``shown``)."""
    assert system.annual_cycle is not None
    arch = system.architecture
    return {
        "map": [system.provider.name, [p.name for p in system.processes], arch.customer_need, arch.customer_result,
                [s.name for s in system.stakeholders
                 if any(s.id in p.customers for p in system.processes if p.category == "core")]],
        "hierarchy": [system.name, [p.name for p in system.processes],
                      [g.name for g in arch.groups if f'id="h-group-{g.id}"' in shown]],
        "cycle": [system.annual_cycle.name, [e.name for e in system.annual_cycle.events]],
    }[kind]


def _svg_text(svg: bytes) -> str:
    """Every text of an SVG, without white space (wrapping breaks lines anywhere)."""
    root = etree.fromstring(svg)
    words = [t.text or "" for t in root.iter(f"{SVG}text", f"{SVG}tspan")]
    return "".join("".join(words).split())


@pytest.mark.needs_dot
@pytest.mark.parametrize("kind", list(DRAWS))
def test_a_model_with_sami_everywhere_is_drawn_all_in_sami(sakk: QualitySystem, kind: str) -> None:
    sami = _with_sami(sakk)
    diagram = DRAWS[kind](sami, lang="se")
    assert diagram.fallbacks == frozenset()
    svg = render(diagram, "svg")
    shown = _svg_text(svg)
    names = {text for obj in _drawn_objects(sami, kind, svg.decode()) for text in _sami_texts(obj)}
    assert len(names) > 5
    assert [t for t in sorted(names) if "".join(t.split()) not in shown] == []


@pytest.mark.needs_dot
def test_sakk_in_sami_has_the_sami_names_it_has_and_sami_month_names(sakk: QualitySystem) -> None:
    pictures = {kind: _svg_text(render(draw(sakk, lang="se"), "svg")) for kind, draw in DRAWS.items()}
    assert "Sámioahpahusguovddáš" in pictures["map"]  # the provider's name, the map's title
    assert all(word(c, "se") in pictures["map"] for c in ("management", "core", "support"))
    assert all(word(c, "se") in pictures["hierarchy"] for c in ("management", "core", "support"))
    assert all(month in pictures["cycle"] for month in MONTHS["se"])
    assert all(word(p, "fi") in pictures["cycle"] for p in ("plan", "do", "check", "act"))  # the tool's words: Finnish


@pytest.mark.needs_dot
def test_the_cli_counts_the_labels_shown_in_another_language(sakk: QualitySystem, tmp_path: Path) -> None:
    kinds = ["--kind", "map", "--kind", "hierarchy", "--kind", "cycle"]
    result = CliRunner().invoke(cli, ["render", str(MODELS / "sakk"), "-o", str(tmp_path), "--lang", "se", *kinds])
    assert result.exit_code == 0, result.output
    fallbacks = set().union(*(DRAWS[k](sakk, lang="se").fallbacks for k in DRAWS))
    assert result.stderr == f"qms render: info: {len(fallbacks)} labels shown in fi: no se text\n"
    assert {kind: (tmp_path / name).is_file() for kind, name in
            (("map", "map.svg"), ("hierarchy", "hierarchy.svg"), ("cycle", "vuosikello.svg"))} == dict.fromkeys(
        DRAWS, True)
