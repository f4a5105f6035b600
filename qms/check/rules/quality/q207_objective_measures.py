"""Every objective is followed through complete measures with recent results.

Why: EQAVET asks for explicit goals monitored through indicators, and the chain from strategy
to measures is what Karvi reads as knowledge-based management. A measure serves an objective
when either names the other (``objective.measures`` or ``measure.objectives``).

Fix: link measures to the objective; complete them (target, source, frequency, owner); record
their results.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    strategy:
      id: s
      name: Strategia
      objectives:
        - {id: O1, name: Opiskelija valmistuu}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    roles: [{id: rehtori, name: Rehtori}]
    strategy:
      id: s
      name: Strategia
      objectives:
        - {id: O1, name: Opiskelija valmistuu, measures: [M-1]}
    measures:
      - {id: M-1, name: Läpäisy, target: ">= 70 %", source: Vipunen, frequency: vuosittain, owner: rehtori,
         results: [{period: "2025", value: 71}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, period_year
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

RECENT_YEARS = 2


@rule(code="Q207", name="objective-measures", scope="system", default_severity="warning",
      criteria=["EQAVET-P2", "FI-QMS-2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if system.strategy is None:
        return
    serving: dict[str, list[str]] = {}
    for mid, objectives in ctx.objective_of_measure.items():
        for oid in objectives:
            serving.setdefault(oid, []).append(mid)
    for o in system.strategy.objectives:
        measures = [ctx.measures[mid][1] for mid in serving.get(o.id, []) if mid in ctx.measures]
        if not measures:
            yield finding(Msg("objective '{objective}' has no measure", objective=o.id), at=loc(o), element=o.id,
                          hint=Msg("list the measures that follow it under `measures:`"))
            continue
        if not any(m.complete for m in measures):
            yield finding(Msg("no measure of objective '{objective}' is complete (target, source, frequency, owner)",
                              objective=o.id),
                          at=loc(o), element=o.id, hint=Msg("complete at least one of its measures"))
        years = [y for m in measures for r in m.results if (y := period_year(r.period)) is not None]
        if not years:
            yield finding(Msg("no measure of objective '{objective}' has results", objective=o.id), at=loc(o),
                          element=o.id, hint=Msg("record the measures' results (`results: [{period: ..., value: ...}]`)"))
        elif ctx.as_of and max(years) < ctx.as_of.year - RECENT_YEARS:
            yield finding(Msg("the latest result for objective '{objective}' is from {year}", objective=o.id,
                              year=max(years)),
                          at=loc(o), element=o.id, hint=Msg("record the recent results of its measures"))
