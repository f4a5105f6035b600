"""A described core process names its customers.

Why: customer orientation starts from knowing whom a core process serves: students,
working life, others (quality strategy 2030 goal 2; ISO 9001 9.1.2).

Fix: add ``customers:`` with stakeholder ids such as ``[opiskelija, tyopaikka]``.

**Bad**::

    process: polku
    name: Oppijan polku
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: polku
    name: Oppijan polku
    category: core
    customers: [opiskelija, tyopaikka]
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q114", name="core-process-customers", scope="process", default_severity="warning",
      criteria=["FI-QMS-3"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if process.category == "core" and not process.customers:
        yield finding(Msg("core process '{process}' does not name its customers", process=process.process),
                      at=loc(process, "process"), element=process.process,
                      hint=Msg("add `customers:` with stakeholder ids (students, working life …)"))
