"""The collector pause is scoped: the state before the block comes back, also after an error."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from qms.memory import COMMAND_THRESHOLDS, quiet_gc


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_back_on_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), quiet_gc():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with quiet_gc():
        pass
    assert not gc.isenabled()


def test_the_library_leaves_the_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from qms.bpmn import export_process
    from qms.check import run_checks
    from qms.load import load
    from tests.conftest import MODELS

    calls: list[str] = []
    for name in ("disable", "enable", "set_threshold", "freeze"):
        monkeypatch.setattr(gc, name, lambda *a, _n=name: calls.append(_n))
    system = load(MODELS / "redu").system
    assert system is not None
    run_checks(system)
    export_process(system, system.processes[0])
    assert calls == []


def test_the_command_collects_less() -> None:
    import subprocess
    import sys

    code = ("import gc, sys\nfrom qms.cli import main\nsys.argv = ['qms', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    print(gc.get_threshold())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == str(COMMAND_THRESHOLDS)
