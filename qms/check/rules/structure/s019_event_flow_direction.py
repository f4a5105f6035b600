"""Nothing flows into a start event and nothing flows out of an end event.

Why: a start event begins the process and an end event finishes it; a flow into a start or out
of an end means the wrong kind of step was chosen (BPMN forbids both).

Fix: make the step a ``task:`` or an intermediate ``event:``, or turn the flow around.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
      - loppu -> alku

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S019", name="event-flow-direction", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n in view.starts:
        for e in view.inc[n]:
            yield finding(Msg("flow '{flow}' goes into start event '{start}'", flow=f"{e.src} -> {n}", start=n),
                          at=loc(e.flow), element=n,
                          hint=Msg("make '{step}' a task or an intermediate `event:`, or turn the flow around", step=n))
    for n in view.ends:
        for e in view.out[n]:
            yield finding(Msg("flow '{flow}' leaves end event '{end}'", flow=f"{n} -> {e.dst}", end=n),
                          at=loc(e.flow), element=n,
                          hint=Msg("make '{step}' a task or an intermediate `event:`, or turn the flow around", step=n))
