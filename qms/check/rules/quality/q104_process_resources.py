"""A described process states the resources it needs.

Why: ISO 9001 4.4.1 d (and 7.1) asks which people, systems, facilities and budget each
process needs; EQAVET asks that resources follow the targets.

Fix: list ``resources:`` such as ``{kind: role, name: opettaja}``, ``{kind: system, name: Primus}``.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    resources:
      - {kind: role, name: laatupaallikko}
      - {kind: system, name: Webropol}
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


@rule(code="Q104", name="process-resources", scope="process", default_severity="warning",
      criteria=["ISO-4.4-d", "EQAVET-I1"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not process.resources:
        yield finding(Msg("process '{process}' does not state its resources", process=process.process),
                      at=loc(process, "process"), element=process.process,
                      hint=Msg("add `resources:` (roles, systems, facilities, budget)"))
