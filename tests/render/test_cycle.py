"""The vuosikello: golden, start month, pinned nodes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from qms.model import QualitySystem
from qms.render.dot import (
    draw_cycle,
)

Golden = Callable[[str, str], None]


def test_cycle_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("vuosikello.dot", draw_cycle(mini).dot)


def test_cycle_starts_at_the_cycle_start_month_and_pins_every_node(mini: QualitySystem) -> None:
    d = draw_cycle(mini)
    assert d.engine == "neato"
    ring = re.findall(r'"cycle:tick:(\d+)" -> "cycle:tick:(\d+)"', d.dot)
    assert ring[0] == ("8", "9") and ring[-1] == ("7", "8")
    nodes = re.findall(r'^\s*"cycle:[^"]+" \[.*$', d.dot, re.M)
    assert nodes and all(re.search(r'pos="-?[\d.]+,-?[\d.]+!"', n) for n in nodes)
    assert "Amispalaute" in d.dot.split('"cycle:centre"')[1].split("\n")[0]  # continuous → centre


def test_cycle_without_annual_cycle_is_refused(mini: QualitySystem) -> None:
    with pytest.raises(ValueError, match="no annual_cycle"):
        draw_cycle(mini.model_copy(update={"annual_cycle": None}))
