"""All diagrams of a system: determinism, stubs, file names, reserved names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qms.errors import UserError
from qms.model import QualitySystem
from qms.render.dot import (
    draw_system,
)

Golden = Callable[[str, str], None]


def test_drawing_twice_gives_the_same_text(mini: QualitySystem) -> None:
    assert [d.dot for d in draw_system(mini, color="pdca")] == [d.dot for d in draw_system(mini, color="pdca")]


def test_draw_system_skips_stubs_and_names_files(mini: QualitySystem) -> None:
    names = [d.filename("svg") for d in draw_system(mini)]
    assert names == [
        "oppijan_polku.svg",
        "palautekysely.svg",
        "talousarvio.svg",
        "map.svg",
        "hierarchy.svg",
        "vuosikello.svg",
    ]


def test_draw_system_refuses_a_process_named_like_a_system_diagram(mini: QualitySystem) -> None:
    clash = mini.process("talousarvio").model_copy(update={"process": "map"})  # type: ignore[union-attr]
    system = mini.model_copy(update={"processes": [clash]})
    with pytest.raises(UserError, match="process id 'map'"):
        draw_system(system)
    assert [d.name for d in draw_system(system, ["flow"])] == ["map"]
