"""Purpose, strategy, objectives, measures and processes form one chain.

Why: Karvi reads quality management as part of strategic management: the provider's purpose
and strategy lead to objectives, each objective is pursued in processes and followed through
measures, and no measure floats without an objective (quality strategy 2030 goal 5; EFQM
criterion 1).

Fix: state ``provider.purpose`` and ``strategy:``; give each objective its ``processes:``;
link each measure to an objective (``objectives: [...]`` on the measure, or the objective's
``measures:``).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Läpäisy}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo, purpose: Ammatillista osaamista alueen tarpeisiin}
    strategy:
      id: s
      name: Strategia 2030
      objectives:
        - {id: O1, name: Opiskelija valmistuu, measures: [M-1], processes: [polku]}
    measures:
      - {id: M-1, name: Läpäisy}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q402", name="strategy-chain", scope="system", default_severity="warning", criteria=["FI-QMS-2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not system.provider.purpose:
        yield finding(Msg("the provider's purpose is not stated"), at=loc(system.provider),
                      hint=Msg("add `purpose:` (toiminta-ajatus) to provider:"))
    if system.strategy is None:
        yield finding(Msg("the model has no strategy"), at=loc(system, "provider"),
                      hint=Msg("add `strategy:` with its objectives"))
    else:
        if not system.strategy.objectives:
            yield finding(Msg("strategy '{strategy}' has no objectives", strategy=system.strategy.id),
                          at=loc(system.strategy), hint=Msg("list the strategy's objectives under `objectives:`"))
        for o in system.strategy.objectives:
            if not o.processes:
                yield finding(Msg("objective '{objective}' names no process that pursues it", objective=o.id), at=loc(o),
                              element=o.id, hint=Msg("add `processes:` with the processes that work towards it"))
    for holder, m in system.all_measures():
        if not ctx.objective_of_measure.get(m.id):
            yield finding(Msg("measure '{measure}' serves no objective", measure=m.id), at=loc(m), element=m.id,
                          process=holder.process if holder else "",
                          hint=Msg("link it to an objective: `objectives: [...]` on the measure"))
