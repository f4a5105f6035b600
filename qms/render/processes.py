"""The system's processes as the map and the hierarchy arrange them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from qms.graph import system_graph
from qms.model import Process, QualitySystem

__all__ = [
    "child_processes",
    "ordered_processes",
    "process_link",
    "split_rows",
]


def child_processes(system: QualitySystem) -> dict[str, list[Process]]:
    """Process id → the processes that name it as their parent."""
    g = system_graph(system)
    ids = {p.process for p in system.processes}
    kids: dict[str, list[Process]] = {}
    for u, v, d in g.edges(data=True):
        if d["kind"] == "parent" and v in ids and u != v:
            kids.setdefault(v, []).append(g.nodes[u]["process"])
    return kids


def ordered_processes(system: QualitySystem, category: str, top: Sequence[Process]) -> list[Process]:
    """Processes of one category in architecture order: groups first, then the rest."""
    by_id = {p.process: p for p in top if p.category == category}
    order: list[str] = []
    if category == "core":
        order += [i for i in system.architecture.value_chain if i in by_id]
    for group in system.architecture.groups:
        order += [i for i in group.processes if i in by_id]
    order += list(by_id)
    return [by_id[i] for i in dict.fromkeys(order)]


def split_rows(items: Sequence[Process], per_row: int) -> list[list[Process]]:
    """Rows of at most ``per_row`` processes, as even as they can be."""
    if not items:
        return []
    count = math.ceil(len(items) / per_row)
    size = math.ceil(len(items) / count)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def process_link(p: Process, href: str | None, link_stubs: bool) -> str | None:
    """The link of a process's box, or None (no pattern, or a stub when stubs get none)."""
    if href is None or (p.is_stub and not link_stubs):
        return None
    return href.format(id=p.process)
