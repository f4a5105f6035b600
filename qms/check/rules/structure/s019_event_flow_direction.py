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
from qms.check.rule import rule
from qms.model import Process


@rule(code="S019", name="event-flow-direction", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n in view.starts:
        for e in view.inc[n]:
            yield finding(f"flow '{e.src} -> {n}' goes into start event '{n}'", at=loc(e.flow), element=n,
                          hint=f"make '{n}' a task or an intermediate `event:`, or turn the flow around")
    for n in view.ends:
        for e in view.out[n]:
            yield finding(f"flow '{n} -> {e.dst}' leaves end event '{n}'", at=loc(e.flow), element=n,
                          hint=f"make '{n}' a task or an intermediate `event:`, or turn the flow around")
