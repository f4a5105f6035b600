"""Checks of a network: its members load, have distinct ids, and map processes and measures consistently."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from qms.errors import Problem
from qms.network.load import NetworkFile
from qms.network.members import MeasureInfo, Member
from qms.network.model import PERIODS, Indicator
from qms.suggest import did_you_mean

__all__ = ["check_network", "target_direction"]

_RULE = "network"
_HIGHER, _LOWER = (">=", "≥", ">"), ("<=", "≤", "<")


def target_direction(target: str | None) -> str | None:
    """Which way a target points: ``higher`` for ``>= 4,0``, ``lower`` for ``≤ 8 %``, else None.

    >>> target_direction(">= 70 %"), target_direction("≤ 8 %"), target_direction("100 %")
    ('higher', 'lower', None)
    """
    text = (target or "").strip()
    if text.startswith(_HIGHER):
        return "higher"
    if text.startswith(_LOWER):
        return "lower"
    return None


def _norm_unit(unit: str) -> str:
    return " ".join(unit.replace("–", "-").split()).casefold()


def _members(net: NetworkFile, members: Sequence[Member]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, m in enumerate(members):
        where = net.where("members", i)
        if not m.ok:
            first = next((p for p in m.problems if p.severity == "error"), None)
            why = f"{first.location}: {first.message}" if first else "it did not load"
            yield Problem(where, f"member '{m.path}' is not a system that loads ({why})",
                          "give the path of a folder with system.yaml, relative to network.yaml; "
                          f"`qms check {m.path}` shows every problem", rule=_RULE)
            continue
        if m.id in seen:
            yield Problem(where, f"two members have the id '{m.id}' (members[{seen[m.id]}] and members[{i}])",
                          "each member is a different system; remove the duplicate or give it its own `system:` id",
                          rule=_RULE)
            continue
        seen[m.id] = i


def _unknown_member(net: NetworkFile, path: tuple[str | int, ...], key: str, ids: Sequence[str]) -> Problem:
    hint = did_you_mean(key, ids) or f"the members are {', '.join(ids)}"
    return Problem(net.where(*path, key, key=True), f"'{key}' is not a member of the network", hint, rule=_RULE)


def _process_map(net: NetworkFile, by_id: dict[str, Member]) -> Iterator[Problem]:
    assert net.network is not None
    for i, cp in enumerate(net.network.processes):
        for key, pids in cp.members.items():
            if key not in by_id:
                yield _unknown_member(net, ("processes", i, "members"), key, list(by_id))
                continue
            for j, pid in enumerate(pids):
                if pid not in by_id[key].processes:
                    hint = did_you_mean(pid, by_id[key].processes) or f"a process id of {key}"
                    yield Problem(net.where("processes", i, "members", key, j) if len(pids) > 1
                                  else net.where("processes", i, "members", key),
                                  f"{key} has no process '{pid}' for the common process '{cp.id}'", hint, rule=_RULE)


def _measure(net: NetworkFile, i: int, ind: Indicator, key: str, m: MeasureInfo) -> Iterator[Problem]:
    where = net.where("indicators", i, "measures", key)
    there = f"measure {m.id} of {key}" + (f" ({m.where})" if m.where else "")
    if not m.unit:
        yield Problem(where, f"{there} has no unit; the indicator '{ind.id}' is in '{ind.unit}'",
                      f"add `unit: {ind.unit}` to the measure", "warning", rule=_RULE)
    elif _norm_unit(m.unit) != _norm_unit(ind.unit):
        yield Problem(where, f"{there} is in '{m.unit}', the indicator '{ind.id}' in '{ind.unit}'",
                      "report the indicator in its own unit, or map another measure", rule=_RULE)
    direction = target_direction(m.target)
    if direction is not None and direction != ind.direction:
        yield Problem(where, f"{there} has the target '{m.target}' ({direction} is better); "
                             f"the indicator '{ind.id}' is better {ind.direction}",
                      "the same indicator must point the same way for every member", rule=_RULE)
    pattern = re.compile(PERIODS[ind.period])
    odd = [period for period, _ in m.results if not pattern.fullmatch(period)]
    if odd:
        yield Problem(where, f"{there} has results for '{odd[0]}', not a {ind.period.replace('_', ' ')} "
                             f"as the indicator '{ind.id}' has",
                      f"write the results per {ind.period.replace('_', ' ')}, or map another measure", rule=_RULE)


def _indicators(net: NetworkFile, by_id: dict[str, Member]) -> Iterator[Problem]:
    assert net.network is not None
    for i, ind in enumerate(net.network.indicators):
        for key, mid in ind.measures.items():
            if key not in by_id:
                yield _unknown_member(net, ("indicators", i, "measures"), key, list(by_id))
                continue
            measure = by_id[key].measures.get(mid)
            if measure is None:
                hint = did_you_mean(mid, by_id[key].measures) or f"a measure id of {key}"
                yield Problem(net.where("indicators", i, "measures", key),
                              f"{key} has no measure '{mid}' for the indicator '{ind.id}'", hint, rule=_RULE)
                continue
            yield from _measure(net, i, ind, key, measure)


def check_network(net: NetworkFile, members: Sequence[Member]) -> list[Problem]:
    """Every problem of the network: its file, its members, and the mapping of processes and measures."""
    problems = list(net.problems)
    if net.network is None:
        return problems
    problems += _members(net, members)
    by_id: dict[str, Member] = {}
    for m in members:
        if m.ok:
            by_id.setdefault(m.id, m)
    problems += _process_map(net, by_id)
    problems += _indicators(net, by_id)
    return problems
