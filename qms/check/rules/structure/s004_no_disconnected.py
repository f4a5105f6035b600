"""Every step is connected by a sequence flow.

Why: a step with no flow in or out is not part of the process: a reader cannot tell when it
happens (bpmnlint ``no-disconnected``).

Fix: add a flow to and from the step in ``flow:``, or remove the step.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: arkistointi, task: Arkistointi}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: arkistointi, task: Arkistointi}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> arkistointi -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S004", name="no-disconnected", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    if len(view.nodes) < 2:
        return
    for n in view.nodes:
        if n not in view.connected:
            yield finding(
                Msg("step '{step}' is not connected to the flow", step=n),
                at=loc(process.step(n)),
                hint=Msg("add flows to and from '{step}' under flow:, or remove the step", step=n),
                element=n,
            )
