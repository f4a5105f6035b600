"""Hypothesis strategies for BPMN round trips: processes using every construct the exporter maps."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from qms.model import Process, QualitySystem
from tests.strategies import IDS, TEXT

STEP_KINDS = ["task", "task", "decision", "parallel", "inclusive", "event", "call", "end"]
TRIGGERS = ["none", "timer", "message", "signal", "conditional", "escalation", "error"]


@st.composite
def rich_processes(draw: Any, pid: str | None = None, roles: list[str] | None = None,
                   stakeholders: list[str] | None = None) -> Process:
    """A process with lanes, documents, systems, notes, messages, calls, conditions and defaults.

    Flows are random (loops, joins, splits and two branches to one target included): the
    exporter must make them valid BPMN and the importer must give the same model back.
    """
    pid = pid or draw(IDS)
    lanes = roles if roles is not None else draw(st.lists(IDS, max_size=3, unique=True))
    n = draw(st.integers(1, 9))
    ids = ["alku", *(f"s{i}" for i in range(n)), "loppu"]
    docs = [f"d{i}" for i in range(draw(st.integers(0, 2)))]
    steps: list[dict[str, Any]] = []
    for i, sid in enumerate(ids):
        kind = "start" if i == 0 else "end" if sid == "loppu" else draw(st.sampled_from(STEP_KINDS))
        step: dict[str, Any] = {"id": sid}
        if kind == "call":
            step["call"] = draw(IDS)
            if draw(st.booleans()):
                step["name"] = draw(TEXT)
        else:
            step[kind] = draw(TEXT)
        if kind in {"start", "end", "event"}:
            trigger = draw(st.sampled_from(TRIGGERS))
            if trigger != "none" or draw(st.booleans()):
                step["trigger"] = trigger
            if draw(st.booleans()):
                step["when"] = draw(TEXT)
            if kind == "event" and draw(st.booleans()):
                step["throw"] = True
        if kind in {"task", "decision", "call"}:
            step["pdca"] = draw(st.sampled_from(["plan", "do", "check", "act"]))
            if draw(st.booleans()):
                step["phase"] = draw(st.sampled_from(["H", "K", "O"]))
        if lanes and draw(st.integers(0, 9)):
            step["lane"] = draw(st.sampled_from(lanes))
        if draw(st.integers(0, 3)) == 0:
            step["description"] = draw(TEXT)
        if draw(st.integers(0, 3)) == 0:
            step["note"] = draw(TEXT)
        if docs and draw(st.booleans()):
            step["documents"] = draw(st.lists(st.sampled_from(docs), max_size=2, unique=True))
        if docs and draw(st.integers(0, 3)) == 0:
            step["reads"] = draw(st.lists(st.sampled_from(docs), min_size=1, max_size=2, unique=True))
        if draw(st.integers(0, 3)) == 0:
            step["systems"] = draw(st.lists(st.sampled_from(["Primus", "Wilma", "BI", "eHOKS"]), min_size=1,
                                            max_size=2, unique=True))
        if draw(st.integers(0, 5)) == 0:
            step["raci"] = {"responsible": draw(st.lists(IDS, max_size=2, unique=True))}
        steps.append(step)
    flow: list[dict[str, Any]] = [{"from": a, "to": b} for a, b in zip(ids, ids[1:], strict=False)]
    defaults: set[str] = set()
    for _ in range(draw(st.integers(0, 4))):
        a = draw(st.sampled_from(ids[:-1]))
        b = draw(st.sampled_from(ids[1:]))
        extra: dict[str, Any] = {"from": a, "to": b}
        if draw(st.booleans()):
            extra["label"] = draw(TEXT)
        if draw(st.integers(0, 3)) == 0:
            extra["condition"] = draw(st.sampled_from(["x > 1", "ok == true", "arvo < 4,3"]))
        if draw(st.integers(0, 5)) == 0 and a not in defaults:  # BPMN has one default flow per node
            extra["default"] = True
            defaults.add(a)
        flow.append(extra)
    if draw(st.integers(0, 4)) == 0:
        flow.append({"from": ids[-2], "to": ids[-2]})  # a loop on one step
    parties = stakeholders if stakeholders is not None else draw(st.lists(st.sampled_from(["x", "alku", "s0"]),
                                                                          max_size=2, unique=True))
    messages: list[dict[str, Any]] = []
    for party in parties:
        for _ in range(draw(st.integers(0, 2))):
            step_id = draw(st.sampled_from(ids))
            msg = {"from": step_id, "to": party} if draw(st.booleans()) else {"from": party, "to": step_id}
            if draw(st.booleans()):
                msg["name"] = draw(TEXT)
            messages.append(msg)
    data: dict[str, Any] = {
        "process": pid,
        "name": draw(TEXT),
        "code": draw(st.none() | st.sampled_from(["T1", "Y2"])),
        "category": draw(st.sampled_from(["management", "core", "support"])),
        "owner": draw(st.none() | st.sampled_from(lanes or ["omistaja"])),
        "purpose": draw(st.none() | TEXT),
        "lanes": lanes,
        "steps": steps,
        "flow": flow,
        "messages": messages,
        "documents": [{"id": d, "name": draw(TEXT), "type": "form"} for d in docs],
        "risks": draw(st.lists(st.builds(lambda i, name: {"id": f"R{i}", "name": name, "likelihood": 2,
                                                          "impact": 3},
                                         st.integers(1, 9), TEXT), max_size=2, unique_by=lambda r: r["id"])),
        "review": draw(st.none() | st.just({"version": "2", "approved": "2026-01-15", "next_review": "2027-01-15"})),
    }
    return Process.model_validate(data)


@st.composite
def rich_systems(draw: Any) -> QualitySystem:
    """A system of rich processes (one of them maybe a stub) sharing roles and stakeholders."""
    roles = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    parties = draw(st.lists(IDS.map(lambda s: f"x_{s}"), max_size=2, unique=True))
    pids = draw(st.lists(IDS.map(lambda s: f"p_{s}"), min_size=1, max_size=3, unique=True))
    procs = [draw(rich_processes(pid=pid, roles=roles, stakeholders=parties)) for pid in pids]
    if draw(st.booleans()):
        procs.append(Process.model_validate({"process": "stub", "name": draw(TEXT), "category": "support",
                                             "governed_by_cycle": True, "purpose": draw(TEXT)}))
    return QualitySystem.model_validate({
        "system": "s",
        "name": draw(TEXT),
        "default_language": draw(st.sampled_from(["fi", "en"])),
        "provider": {"id": "p", "name": draw(TEXT)},
        "roles": [{"id": r, "name": draw(TEXT)} for r in roles],
        "stakeholders": [{"id": s, "name": draw(TEXT)} for s in parties],
        "processes": procs,
    })
