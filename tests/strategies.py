"""Hypothesis strategies: random well-formed processes and systems of the qms model."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import strategies as st

from qms.model import Process, QualitySystem

IDS = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    include_characters="äöåÄÖÅáčđŋšŧžÁČĐŊŠŦŽ<>&\"'#:{}[]-😀",
    exclude_characters="\x85\u2028\u2029\ufeff",
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


PLAIN = st.text(_ALPHABET, min_size=1, max_size=30).map(_nfc).filter(lambda s: s.strip() == s and s)
TEXT = st.one_of(
    PLAIN,
    st.dictionaries(st.sampled_from(["fi", "en", "sv", "se"]), PLAIN, min_size=1, max_size=4),
)
KINDS = ["task", "task", "task", "decision", "parallel", "inclusive", "event"]


@st.composite
def processes(draw: Any, pid: str | None = None, lanes: list[str] | None = None) -> Process:
    """A connected process: start → random steps → end, with random extra branches."""
    pid = pid or draw(IDS)
    lanes = lanes if lanes is not None else draw(st.lists(IDS, min_size=0, max_size=3, unique=True))
    n = draw(st.integers(min_value=0, max_value=8))
    step_ids = [f"s{i}" for i in range(n)]
    steps: list[dict[str, Any]] = [{"id": "alku", "start": draw(TEXT)}]
    for sid in step_ids:
        kind = draw(st.sampled_from(KINDS))
        step: dict[str, Any] = {"id": sid, kind: draw(TEXT)}
        if kind == "event":
            step["trigger"] = draw(st.sampled_from(["timer", "message"]))
        if kind in {"task", "decision"}:
            step["pdca"] = draw(st.sampled_from(["plan", "do", "check", "act"]))
        steps.append(step)
    steps.append({"id": "loppu", "end": draw(TEXT)})
    if lanes:
        for step in steps:
            step["lane"] = draw(st.sampled_from(lanes))
    order = ["alku", *step_ids, "loppu"]
    flow: list[Any] = [{"from": a, "to": b} for a, b in zip(order, order[1:], strict=False)]
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.sampled_from(order[:-1]))
        b = draw(st.sampled_from(order[1:]))
        flow.append({"from": a, "to": b, "label": draw(TEXT)})
    documents = []
    if step_ids and draw(st.booleans()):
        documents = [{"id": "doc1", "name": draw(TEXT), "type": "form", "version": "1"}]
        steps[1]["documents"] = ["doc1"]
    data: dict[str, Any] = {
        "process": pid,
        "name": draw(TEXT),
        "category": draw(st.sampled_from(["management", "core", "support"])),
        "purpose": draw(st.none() | TEXT),
        "lanes": lanes,
        "steps": steps,
        "flow": flow,
        "documents": documents,
        "measures": draw(st.lists(st.builds(
            lambda mid, name, target: {"id": f"{pid}-{mid}", "name": name, "target": target,
                                       "results": [{"period": "2025", "value": 1.5}]},
            IDS, TEXT, st.sampled_from([">= 4,3", "≤ 8 %", "100 %"])), max_size=2, unique_by=lambda m: m["id"])),
        "review": draw(st.none() | st.just({"version": "2", "approved": "2026-01-15"})),
    }
    return Process.model_validate(data)


@st.composite
def systems(draw: Any) -> QualitySystem:
    """A small system whose processes use its roles as lanes."""
    roles = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    pids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    procs = [draw(processes(pid=pid, lanes=roles)) for pid in pids]
    return QualitySystem.model_validate({
        "system": "s",
        "name": draw(TEXT),
        "provider": {"id": "p", "name": draw(TEXT)},
        "roles": [{"id": r, "name": draw(TEXT)} for r in roles],
        "processes": procs,
    })
