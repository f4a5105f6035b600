"""Providers side by side: the common process map, criteria coverage, shared indicators, calendar, merge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from qms.diff.output import change_line
from qms.diff.semantic import diff_processes
from qms.model import text_in
from qms.network.members import Member
from qms.network.model import Network

__all__ = ["Comparison", "CoverageRow", "IndicatorCell", "IndicatorRow", "MapRow", "MergeRow", "compare"]

DESCRIBED, STUB, LACKS = "described", "stub", "lacks"


@dataclass(frozen=True, slots=True)
class MapRow:
    """A process of the common map and, per member, whether it is described, a stub, or lacking."""

    id: str
    name: str
    category: str
    cells: tuple[str, ...]
    processes: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """A criterion and each member's own status for it (None when the member did not report it)."""

    framework: str
    criterion: str
    title: str
    cells: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class IndicatorCell:
    """A member's measure for a shared indicator, with its target and results."""

    measure: str
    target: str | None
    results: tuple[tuple[str, float | str], ...]


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """A shared indicator with each member's measure (None where the member has none mapped)."""

    id: str
    name: str
    unit: str
    direction: str
    period: str
    definition: str
    cells: tuple[IndicatorCell | None, ...]


@dataclass(frozen=True, slots=True)
class MergeRow:
    """One process in a merge: ``common`` (the same in all), ``differs`` (the changes) or ``only``."""

    id: str
    name: str
    state: str
    members: tuple[str, ...]
    changes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``qms compare`` shows, in the members' order.

    Why: the text, JSON and HTML forms and the network site are views of this one value.
    """

    name: str
    as_of: dt.date | None
    members: tuple[Member, ...]
    map: tuple[MapRow, ...]
    coverage: tuple[CoverageRow, ...]
    indicators: tuple[IndicatorRow, ...]
    calendar: tuple[tuple[str, str, str, str, str], ...]
    merge: tuple[MergeRow, ...] = ()
    notice: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        """The member ids, in order."""
        return tuple(m.id for m in self.members)


def _cell(member: Member, pids: Sequence[str]) -> str:
    found = [member.processes[p] for p in pids if p in member.processes]
    if not found:
        return LACKS
    return STUB if all(p.stub for p in found) else DESCRIBED


def _common_keys(members: Sequence[Member], network: Network | None) -> list[tuple[str, str, str, list[list[str]]]]:
    """(id, name, category, per member the process ids) of each row of the map."""
    if network is not None:
        lang = network.default_language
        return [(cp.id, text_in(cp.name, lang), cp.category, [cp.members.get(m.id, [cp.id]) for m in members])
                for cp in network.processes]
    rows: dict[str, tuple[str, str]] = {}
    for m in members:
        for p in m.processes.values():
            rows.setdefault(p.id, (p.name, p.category))
    order = {"management": 0, "core": 1, "support": 2}
    keys = sorted(rows, key=lambda k: (order.get(rows[k][1], 3), k))
    return [(k, rows[k][0], rows[k][1], [[k] for _ in members]) for k in keys]


def _map(members: Sequence[Member], keys: list[tuple[str, str, str, list[list[str]]]]) -> tuple[MapRow, ...]:
    return tuple(MapRow(k, name, cat, tuple(_cell(m, pids) for m, pids in zip(members, per, strict=True)),
                        tuple(tuple(p for p in pids if p in m.processes) for m, pids in zip(members, per, strict=True)))
                 for k, name, cat, per in keys)


def _coverage(members: Sequence[Member]) -> tuple[CoverageRow, ...]:
    heads: dict[str, tuple[str, str]] = {}
    statuses: list[dict[str, str]] = []
    for m in members:
        for c in m.coverage:
            heads.setdefault(c.criterion, (c.framework, c.title))
        statuses.append({c.criterion: c.status for c in m.coverage})
    return tuple(CoverageRow(fw, cid, title, tuple(s.get(cid) for s in statuses))
                 for cid, (fw, title) in heads.items())


def _indicators(members: Sequence[Member], network: Network | None) -> tuple[IndicatorRow, ...]:
    if network is None:
        return ()
    lang = network.default_language
    rows = []
    for ind in network.indicators:
        cells = []
        for m in members:
            info = m.measures.get(ind.measures.get(m.id, ""))
            cells.append(IndicatorCell(info.id, info.target, info.results) if info else None)
        rows.append(IndicatorRow(ind.id, text_in(ind.name, lang), ind.unit, ind.direction, ind.period,
                                 text_in(ind.definition, lang) if ind.definition else "", tuple(cells)))
    return tuple(rows)


def _calendar(members: Sequence[Member]) -> tuple[tuple[str, str, str, str, str], ...]:
    items = [(c.when, m.id, c.kind, c.id, c.name) for m in members for c in m.calendar]
    return tuple(sorted(items))


def _merge(members: Sequence[Member], keys: list[tuple[str, str, str, list[list[str]]]]) -> tuple[MergeRow, ...]:
    rows = []
    for k, name, _cat, per in keys:
        having = [(m, next(p for p in pids if p in m.models)) for m, pids in zip(members, per, strict=True)
                  if any(p in m.models for p in pids)]
        if not having:
            continue
        if len(having) == 1:
            rows.append(MergeRow(k, name, "only", (having[0][0].id,), ()))
            continue
        base_member, base_pid = having[0]
        base = base_member.models[base_pid]
        lines: list[str] = []
        for m, pid in having[1:]:
            other = m.models[pid].model_copy(update={"process": base.process})
            pair = f"{base_member.id} → {m.id}: " if len(having) > 2 else ""
            lines += [pair + change_line(c, {}, head=False) for c in diff_processes(base, other)]
        rows.append(MergeRow(k, name, "differs" if lines else "common", tuple(m.id for m, _ in having), tuple(lines)))
    return tuple(rows)


def compare(members: Sequence[Member], network: Network | None = None, *, merge: bool = False) -> Comparison:
    """Compare member systems, on the network's common map and indicators when there is a network.

    Parameters
    ----------
    members
        Summaries of the members that loaded (:func:`qms.network.members.summarise_all`).
    network
        The network, or None for systems given one by one (the map is then the union of their processes).
    merge
        Also compare each process between the members (the members' summaries must keep their models).
    """
    keys = _common_keys(members, network)
    name = text_in(network.name, network.default_language) if network else ", ".join(m.id for m in members)
    return Comparison(
        name=name,
        as_of=network.as_of if network else None,
        members=tuple(members),
        map=_map(members, keys),
        coverage=_coverage(members),
        indicators=_indicators(members, network),
        calendar=_calendar(members),
        merge=_merge(members, keys) if merge else (),
        notice=text_in(network.notice, network.default_language) if network and network.notice else "",
    )
