"""Printed pages of a wide flow: each fits the paper, every step is on one page, connectors pair up."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from qms.load import load
from qms.model import Process, QualitySystem
from qms.render.flow import draw_flow_pages
from qms.render.pages import PAPERS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sakk() -> QualitySystem:
    system = load(ROOT / "models" / "sakk").system
    assert system is not None
    return system


def _bb(dot: str) -> tuple[float, float]:
    m = re.search(r'bb="0,0,([\d.]+),([\d.]+)"', dot)
    assert m is not None
    return float(m.group(1)), float(m.group(2))


@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_every_page_fits_the_paper_at_full_size(sakk: QualitySystem, paper: str) -> None:
    pages = draw_flow_pages(sakk.process("koulutuksen_suunnittelu"), sakk, paper=paper)
    assert len(pages) > 1
    w_mm, h_mm = PAPERS[paper]
    for page in pages:
        w, h = _bb(page.dot)
        assert w <= w_mm / 25.4 * 72 + 1 and h <= h_mm / 25.4 * 72 + 1, page.name
        sizes = {float(x) for x in re.findall(r'(?:fontsize|POINT-SIZE)="([\d.]+)"', page.dot)}
        assert min(sizes) >= 8, page.name  # names keep their size: nothing is shrunk to fit


def test_a3_needs_fewer_pages_than_a4(sakk: QualitySystem) -> None:
    process = sakk.process("koulutuksen_suunnittelu")
    assert len(draw_flow_pages(process, sakk, paper="a3")) < len(draw_flow_pages(process, sakk, paper="a4"))


def test_every_step_is_drawn_on_exactly_one_page(sakk: QualitySystem) -> None:
    process = sakk.process("koulutuksen_suunnittelu")
    pages = draw_flow_pages(process, sakk)
    seen = Counter(step.id for page in pages for step in process.steps
                   if re.search(rf'^  "{re.escape(step.id)}" \[', page.dot, re.M))
    assert seen == Counter(step.id for step in process.steps)
    assert [p.name for p in pages] == [f"koulutuksen_suunnittelu-{n}" for n in range(1, len(pages) + 1)]


def test_off_page_connectors_come_in_pairs(sakk: QualitySystem) -> None:
    pages = draw_flow_pages(sakk.process("koulutuksen_suunnittelu"), sakk)
    leads: Counter[tuple[int, int]] = Counter()
    for n, page in enumerate(pages, 1):
        for other in re.findall(r'"offpage:[^"]+" \[shape="circle".*?label="(\d+)"', page.dot):
            leads[(n, int(other))] += 1
    assert leads
    for a, b in leads:
        assert a != b and leads[(b, a)] >= 1, f"page {a} leads to {b}, which does not lead back"


def test_a_flow_that_fits_is_one_page_with_its_own_name() -> None:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core",
                                "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    pages = draw_flow_pages(p)
    assert [d.name for d in pages] == ["p"] and "offpage" not in pages[0].dot


def test_unknown_paper_is_refused(sakk: QualitySystem) -> None:
    with pytest.raises(ValueError, match="paper must be one of"):
        draw_flow_pages(sakk.process("koulutuksen_suunnittelu"), sakk, paper="letter")
