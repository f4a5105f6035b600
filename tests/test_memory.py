"""The library leaves the garbage collector alone; the qms program tunes it for its run."""

from __future__ import annotations

import gc

import pytest

from qms.memory import COMMAND_THRESHOLDS


def test_the_library_leaves_the_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from qms.bpmn import export_process, read_bpmn
    from qms.check import run_checks
    from qms.load import load
    from tests.conftest import MODELS

    calls: list[str] = []
    for name in ("disable", "enable", "set_threshold", "freeze"):
        monkeypatch.setattr(gc, name, lambda *a, _n=name: calls.append(_n))
    system = load(MODELS / "redu").system
    assert system is not None
    run_checks(system)
    described = next(p for p in system.processes if p.steps)
    data = export_process(system, described)
    read_bpmn(data, "redu.bpmn")
    assert calls == []


def test_the_command_collects_less() -> None:
    import subprocess
    import sys

    code = ("import gc, sys\nfrom qms.cli import main\nsys.argv = ['qms', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    print(gc.get_threshold())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == str(COMMAND_THRESHOLDS)
