"""Needs of working life, the region and learners flow into planning.

Why: EQAVET's planning phase asks that needs are identified with stakeholders and feed
planning. The model shows it when a process input comes from a stakeholder (``from:``), a
stakeholder sends a message to a step, or an anticipation or regional-impact process hands its
output to another process.

Fix: name where the needs come from: ``inputs: [{name: Osaamistarpeet, from: [tyopaikka]}]``,
or a message ``tyopaikka -> tyopajat: osaamistarpeet``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders: [{id: tyopaikka, name: Työpaikka, category: working_life_employer}]
    # file: processes/suunnittelu.yaml
    process: suunnittelu
    name: Koulutuksen suunnittelu
    category: core
    inputs: [Osaamistarpeet]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders: [{id: tyopaikka, name: Työpaikka, category: working_life_employer}]
    # file: processes/suunnittelu.yaml
    process: suunnittelu
    name: Koulutuksen suunnittelu
    category: core
    inputs: [{name: Osaamistarpeet, from: [tyopaikka]}]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

ANTICIPATION = ("anticipation", "regional_impact")


@rule(code="Q307", name="needs-identification", scope="system", default_severity="warning",
      criteria=["EQAVET-P3"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    stakeholders = {s.id for s in system.stakeholders}
    for p in system.processes:
        if any(set(item.from_) & stakeholders for item in p.inputs):
            return
        if any(m.from_ in stakeholders for m in p.messages):
            return
        if set(p.tags) & set(ANTICIPATION) and any(
            d.get("kind") == "handoff" and v in ctx.processes
            for _, v, d in ctx.architecture.out_edges(p.process, data=True)
        ):
            return
    yield finding(Msg("the model shows no need of working life, the region or learners that feeds planning"),
                  at=loc(system, "stakeholders"),
                  hint=Msg("name where needs come from: an input `from:` a stakeholder, a message from a stakeholder, "
                           "or an anticipation process's output `to:` the planning process"))
