"""Tests of qms/render/svg.py: Graphviz output is valid, complete and readable."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from lxml import etree

from qms.model import Process, QualitySystem
from qms.render import svg
from qms.render.dot import Diagram, draw_flow, draw_system, wrap
from qms.render.svg import GraphvizError, GraphvizMissingError, render, render_all, write_atomic
from tests.render.conftest import TALOUSARVIO_BANDS

from .big import LANES, big_process

SVG = "{http://www.w3.org/2000/svg}"


def _texts(data: bytes) -> str:
    root = etree.fromstring(data)
    return " ".join(t.text or "" for t in root.iter(f"{SVG}text"))


def _lane_boxes(data: bytes) -> dict[str, tuple[float, float]]:
    """Vertical extent (top, bottom) of every lane and pool band of a flow's SVG."""
    root = etree.fromstring(data)
    boxes = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node" and g.get("id", "").startswith(("lane-", "pool-")):
            ys = [float(p.split(",")[1]) for p in g.find(f"{SVG}polygon").get("points").split()]
            boxes[g.get("id")] = (min(ys), max(ys))
    return boxes


@pytest.mark.needs_dot
def test_every_step_label_is_in_the_svg(mini: QualitySystem) -> None:
    for diagram in draw_system(mini):
        data = render(diagram, "svg")
        text = _texts(data)
        if diagram.kind != "flow":
            continue
        process = mini.process(diagram.name)
        assert process is not None
        root = etree.fromstring(data)
        ids = {g.get("id") for g in root.iter(f"{SVG}g")}
        for step in process.steps:
            assert step.id in ids, step.id
            name = step.label if isinstance(step.label, str) else (step.label or {}).get("fi", "")
            for line in wrap(name or "", 18):
                for word in line.split():
                    assert word in text, (diagram.name, step.id, word)


@pytest.mark.needs_dot
def test_lanes_come_out_in_model_order(mini: QualitySystem) -> None:
    boxes = _lane_boxes(render(draw_flow(mini.process("talousarvio"), mini), "svg"))
    order = sorted(boxes, key=lambda k: boxes[k][0])
    assert order == TALOUSARVIO_BANDS


@pytest.mark.needs_dot
def test_hostile_labels_survive_graphviz(hostile: Process) -> None:
    log: list[str] = []
    data = render(draw_flow(hostile), "svg", log=log)
    text = _texts(data)  # parses: the SVG is well-formed XML
    for piece in (
        '<b>"x"',
        "& y</b>",
        "\\N \\G {z}",
        "ä ö å Å",
        "🎓",
        "čoahkkin ođđa",
        "máŋga Ruoŧŧa",
        "earenoamážit ]>",
    ):
        assert piece in text, piece
    assert not [line for line in log if "straight line" in line]


@pytest.mark.needs_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")])
def test_formats(mini: QualitySystem, fmt: str, magic: bytes) -> None:
    assert render(draw_flow(mini.process("palautekysely"), mini), fmt, dpi=72).startswith(magic)


def test_dot_format_needs_no_graphviz(mini: QualitySystem, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(svg.shutil, "which", lambda _: None)
    diagram = draw_flow(mini.process("palautekysely"), mini)
    assert render(diagram, "dot") == diagram.dot.encode()


def test_missing_graphviz_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(svg.shutil, "which", lambda _: None)
    with pytest.raises(GraphvizMissingError, match="Graphviz 'dot' was not found on PATH"):
        render("digraph { a }", "svg")


@pytest.mark.needs_dot
def test_graphviz_failure_carries_its_stderr() -> None:
    with pytest.raises(GraphvizError, match=r"dot -Tsvg failed with exit code 1:\n.*syntax error") as info:
        render("digraph { a -> }", "svg")
    assert "syntax error" in info.value.stderr


@pytest.mark.needs_dot
def test_render_all_keeps_order_and_runs_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: set[str] = set()
    real = svg.render

    def spy(diagram: Diagram, fmt: str, **kwargs: object) -> bytes:
        threads.add(threading.current_thread().name)
        return real(diagram, fmt, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(svg, "render", spy)
    diagrams = [Diagram(f"d{i}", "flow", f'digraph {{ "n{i}" }}') for i in range(6)]
    out = render_all(diagrams, "svg", jobs=2)
    assert [f"n{i}" in o.decode() for i, o in enumerate(out)] == [True] * 6
    assert len(threads) == 2 and all(t.startswith("qms-render") for t in threads)


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "a" / "map.svg"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["map.svg"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


@pytest.mark.needs_dot
@pytest.mark.slow
def test_150_steps_keep_their_lanes_apart() -> None:
    log: list[str] = []
    data = render(draw_flow(big_process(150)), "svg", log=log)
    boxes = _lane_boxes(data)
    assert {f"lane-{lane}" for lane in LANES} | {"pool-opiskelija"} == set(boxes)
    bands = sorted(boxes.values())
    for (_, bottom_a), (top_b, _) in zip(bands, bands[1:], strict=False):
        assert bottom_a <= top_b, "two bands overlap vertically"
    lanes = sorted((boxes[f"lane-{lane}"][0], lane) for lane in LANES)
    assert [lane for _, lane in lanes] == list(LANES)
    assert not [line for line in log if "straight line" in line]
