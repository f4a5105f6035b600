"""Tests of qms/cli/render.py through CliRunner: files, formats, languages, errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli
from qms.cli.render import write_gallery

MINI = Path(__file__).parents[1] / "render" / "data" / "mini"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_dot_format_writes_every_diagram_without_graphviz_and_the_wheel_as_svg(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["render", str(MINI), "-o", "out", "--format", "dot"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "hierarchy.dot",
        "map.dot",
        "oppijan_polku.dot",
        "palautekysely.dot",
        "talousarvio.dot",
        "vuosikello.svg",
    ]
    assert result.stderr == ""
    assert 'URL="talousarvio.svg"' in Path("out/map.dot").read_text(encoding="utf-8")


def test_sami_fallbacks_are_one_info_line(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["render", str(MINI), "-o", "out", "-f", "dot", "--lang", "se", "--kind", "flow", "--process", "oppijan_polku"],
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == ["oppijan_polku.dot"]
    assert result.stderr == "qms render: info: 14 labels shown in fi: no se text\n"


def test_single_process_file_gives_its_flow_only(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["render", str(MINI / "processes" / "palautekysely.yaml"), "-o", "out", "-f", "dot"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == ["palautekysely.dot"]
    assert result.stdout == "out/palautekysely.dot\n"  # what was written goes to stdout, as with export


def test_unknown_process_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["render", str(MINI), "-o", "out", "--process", "nope"])
    assert result.exit_code == 2
    assert "Invalid value for --process: no process 'nope' in" in result.stderr


def test_broken_input_exits_2(runner: CliRunner) -> None:
    Path("p.yaml").write_text("process: p\nname: P\ncategory: core\nownr: x\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", "p.yaml", "-o", "out"])
    assert result.exit_code == 2
    assert "p.yaml:4:1: error" in result.stderr
    assert result.stderr.endswith("qms render: p.yaml has errors; fix them first (qms check p.yaml)\n")
    assert not Path("out").exists()


@pytest.mark.needs_dot
@pytest.mark.needs_rsvg
@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_and_pdf(runner: CliRunner, fmt: str, magic: bytes) -> None:
    result = runner.invoke(
        cli, ["render", str(MINI), "-o", "out", "--kind", "map", "--kind", "cycle", "--format", fmt, "--dpi", "72"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == [f"map.{fmt}", f"vuosikello.{fmt}"]
    assert all(Path(f"out/{name}.{fmt}").read_bytes().startswith(magic) for name in ("map", "vuosikello"))


@pytest.mark.needs_dot
def test_gallery_writes_a_folder_per_system(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(MINI, models / "mini")
    written = write_gallery(models, tmp_path / "diagrams")
    assert [p.relative_to(tmp_path).as_posix() for p in written][:2] == [
        "diagrams/mini/oppijan_polku.svg",
        "diagrams/mini/palautekysely.svg",
    ]
    assert (tmp_path / "diagrams/mini/vuosikello.svg").is_file()


def test_png_of_the_wheel_without_rsvg_convert_says_what_to_install(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qms.render.svg as svg

    found = svg.shutil.which
    monkeypatch.setattr(svg.shutil, "which", lambda name: None if name == "rsvg-convert" else found(name))
    result = runner.invoke(cli, ["render", str(MINI), "-o", "out", "--kind", "cycle", "--format", "png"])
    assert result.exit_code == 2
    assert "rsvg-convert was not found on PATH: install librsvg" in result.stderr
    assert "Traceback" not in result.output and not list(Path("out").glob("*.png"))


def test_pages_cut_wide_flows_on_the_systems_paper(runner: CliRunner, tmp_path: Path) -> None:
    args = ["render", str(MINI), "-f", "dot", "--kind", "flow", "--process", "talousarvio", "--pages"]
    result = runner.invoke(cli, [*args, "-o", "a4"])
    assert result.exit_code == 0, result.output
    a4 = sorted(p.name for p in Path("a4").iterdir())
    assert len(a4) > 1 and all(name.startswith("talousarvio-") for name in a4)
    system = tmp_path / "mini"
    shutil.copytree(MINI, system)
    yaml = system / "system.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "paper: a3\n", encoding="utf-8")
    result = runner.invoke(cli, ["render", str(system), *args[2:], "-o", "a3"])
    assert result.exit_code == 0, result.output
    def width(folder: str) -> float:  # of the first page, in points
        match = re.search(r'bb="0,0,([\d.]+),', Path(folder, "talousarvio-1.dot").read_text(encoding="utf-8"))
        assert match is not None
        return float(match.group(1))

    assert width("a4") <= 277 / 25.4 * 72 < width("a3") <= 400 / 25.4 * 72
    result = runner.invoke(cli, [*args[:-1], "--paper", "a3", "-o", "again"])
    assert sorted(p.name for p in Path("again").iterdir()) == sorted(p.name for p in Path("a3").iterdir())
