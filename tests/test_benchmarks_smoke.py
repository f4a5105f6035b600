"""Smoke test of the benchmarks: ``benchmarks/run.py --quick --no-peers`` prints its table and exits 0."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADER = re.compile(r"^scenario\s+qms\s+baseline \(same run\)\s+baseline\s+base/qms\s+note$", re.MULTILINE)


@pytest.mark.slow
def test_quick_run_prints_the_table_and_exits_0() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--no-peers"],
        capture_output=True, text=True, timeout=180, cwd=ROOT, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert HEADER.search(done.stdout), done.stdout[:2000]
    for scenario in ("load ", "check ", "export ", "import ", "qms build", "render ", "scale: ", "peak memory"):
        assert scenario in done.stdout, f"no row for {scenario!r}"
    assert re.search(r"^targets: \d+ passed, \d+ failed, \d+ n/a$", done.stdout, re.MULTILINE)


def test_unknown_scenario_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--only", "nonsense", "--no-peers"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=False,
    )
    assert done.returncode == 2
    assert "unknown scenario nonsense" in done.stderr
