"""A finance process assigns resources to the targets.

Why: EQAVET asks that resources are assigned in line with the targets of the plans. The
model shows where that happens with a process tagged ``finance`` (budget and operating plans);
whether the allocation follows the targets is for people to confirm.

Fix: tag the budget process ``tags: [finance]`` (a stub on the map counts).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/hallinto.yaml
    process: hallinto
    name: Hallinto
    category: support

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/hallinto.yaml
    process: hallinto
    name: Talous ja hallinto
    category: support
    tags: [finance]
    steps:
      - {id: alku, start: Alku}
      - {id: tyo, task: Suunnittelu}
      - {id: loppu, end: Valmis}
    flow: [alku -> tyo -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q409", name="budget-process", scope="system", default_severity="info", criteria=["EQAVET-I1"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not any("finance" in p.tags for p in ctx.described):
        yield finding(Msg("no described process is tagged finance: the model does not show where resources are assigned"),
                      at=loc(system, "architecture"),
                      hint=Msg("describe the budget process (steps and flow) and tag it `tags: [finance]`"))
