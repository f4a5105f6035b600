"""The canonical writer: whatever the model holds, dump → load gives it back equal."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from qms.load import dump_process, dump_system, load
from tests.strategies import processes, systems


@settings(max_examples=60, deadline=None)
@given(processes())
def test_process_dump_loads_back_equal(process) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.yaml"
        path.write_text(dump_process(process), encoding="utf-8")
        result = load(path)
        assert result.ok, [p.format() for p in result.problems]
        assert result.system.processes[0] == process


@settings(max_examples=25, deadline=None)
@given(systems())
def test_system_dump_loads_back_equal(system) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "processes").mkdir()
        (root / "system.yaml").write_text(dump_system(system), encoding="utf-8")
        for p in system.processes:
            (root / "processes" / f"{p.process}.yaml").write_text(dump_process(p), encoding="utf-8")
        result = load(root)
        assert result.ok, [p.format() for p in result.problems]
        loaded = result.system
        assert sorted(loaded.processes, key=lambda p: p.process) == sorted(system.processes, key=lambda p: p.process)
        assert loaded.model_copy(update={"processes": []}) == system.model_copy(update={"processes": []})


def test_compact_flow_lines_are_written_back_compact() -> None:
    from qms.model import Process

    p = Process.model_validate({
        "process": "p", "name": "P", "category": "core",
        "steps": [{"id": "a", "decision": "Ok?"}, {"id": "b", "end": "B"}],
        "flow": ["a -> b: kyllä", "a -> b: ei, mutta"],
    })
    text = dump_process(p)
    assert "- a -> b: kyllä\n" in text
    assert "- 'a -> b': ei, mutta\n" in text or "- a -> b: ei, mutta\n" in text
