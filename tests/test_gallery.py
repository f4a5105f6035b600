"""The committed gallery (diagrams/, exports/) is what `make gallery` makes from models/."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from qms.cli import cli
from tests.conftest import EXAMPLES, MODELS, ROOT

STALE = "gallery is stale, run `make gallery`"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _graphviz_version() -> str:
    out = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False).stderr
    match = re.search(r"version (\d+(?:\.\d+)*)", out)
    return match[1] if match else ""


@pytest.mark.parametrize("name", EXAMPLES)
def test_exports_are_fresh(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(MODELS / name), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    committed = _files(ROOT / "exports" / name)
    fresh = _files(tmp_path / name)
    assert sorted(committed) == sorted(fresh), STALE
    for rel, data in fresh.items():
        assert committed[rel] == data, f"exports/{name}/{rel}: {STALE}"


@pytest.mark.needs_dot
@pytest.mark.parametrize("name", EXAMPLES)
def test_diagrams_are_fresh(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(MODELS / name), "-o", str(tmp_path / name),
                                      "--kind", "all", "--format", "svg"])
    assert result.exit_code == 0, result.output
    committed = _files(ROOT / "diagrams" / name)
    fresh = _files(tmp_path / name)
    assert sorted(committed) == sorted(fresh), STALE
    pinned = (ROOT / "diagrams" / "GRAPHVIZ_VERSION").read_text(encoding="utf-8").strip()
    if _graphviz_version() != pinned:
        pytest.skip(f"SVG bytes are compared only under Graphviz {pinned} (this is {_graphviz_version()})")
    for rel, data in fresh.items():
        assert committed[rel] == data, f"diagrams/{name}/{rel}: {STALE}"
