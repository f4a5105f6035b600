"""The process hierarchy: golden and parents."""

from __future__ import annotations

from collections.abc import Callable

from qms.model import QualitySystem
from qms.render.dot import (
    draw_hierarchy,
)

Golden = Callable[[str, str], None]


def test_hierarchy_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("hierarchy.dot", draw_hierarchy(mini).dot)


def test_hierarchy_hangs_subprocesses_under_their_parent(mini: QualitySystem) -> None:
    dot = draw_hierarchy(mini).dot
    assert '"laadunhallinta" -> "palautekysely"' in dot
    assert '"h:management" -> "strategia"' in dot  # its only group holds the whole category
