"""Systems: processes by id, and every measure with the process that holds it."""

from __future__ import annotations

from qms.model import Process, QualitySystem


def test_processes_by_id_and_measures_with_their_holder() -> None:
    p = Process.model_validate({"process": "p", "name": "P", "category": "core",
                                "measures": [{"id": "own", "name": "Own"}]})
    system = QualitySystem.model_validate({
        "system": "s", "name": "S", "provider": {"id": "s", "name": "S"}, "processes": [p],
        "measures": [{"id": "shared", "name": "Shared", "processes": ["p"]}],
    })
    assert system.id == "s" and system.process("p") is p and system.process("q") is None
    assert [(h.process if h else None, m.id) for h, m in system.all_measures()] == [(None, "shared"), ("p", "own")]
