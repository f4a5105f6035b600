"""A described process identifies its risks, unless the annual cycle governs it.

Why: ISO 9001 4.4.1 f (and 6.1) asks for the risks and opportunities of each process with
their controls. A process marked ``governed_by_cycle: true`` relies on the system's risk
review in the annual cycle (not in the ``strict`` profile).

Fix: add ``risks:`` with likelihood, impact, controls, owner and review date, or mark the
process ``governed_by_cycle: true`` when the system's cycle reviews its risks.

**Bad**::

    process: palvelut
    name: Työelämäpalvelut
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palvelut
    name: Työelämäpalvelut
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    risks:
      - {id: R-1, name: Työpaikkoja liian vähän, likelihood: 3, impact: 4, controls: [Työpaikkarekisteri],
         owner: kehittamispaallikko, review_date: 2026-06-30}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q105", name="process-risks", scope="process", default_severity="warning", criteria=["ISO-4.4-f"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if process.risks:
        return
    if process.governed_by_cycle and ctx.settings.option("inherit_risks", True):
        return
    yield finding(Msg("process '{process}' has no risks and is not governed by the annual cycle",
                      process=process.process),
                  at=loc(process, "process"), element=process.process,
                  hint=Msg("add `risks:` with likelihood, impact, controls, owner and review_date, "
                           "or `governed_by_cycle: true` when the system's risk review covers it"))
