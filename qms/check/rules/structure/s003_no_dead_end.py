"""Every path of a process reaches an end event.

Why: a step after which the flow stops, or a loop with no way out, leaves the work unfinished:
nobody knows what happens next (bpmnlint's dead-end idea, checked over whole paths: one
reverse search from the end events).

Fix: add the missing flow from the step to what follows it, or an exit branch from the loop.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: vastaus, task: Vastaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
      - alku -> vastaus

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: vastaus, task: Vastaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> vastaus -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import quoted
from qms.model import Process


@rule(code="S003", name="no-dead-end", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    if not view.ends:
        return  # S002 reports the missing end event
    stuck = {n for n in view.connected if n not in view.reaches_end and view.kind(n) != "end"}
    if not stuck:
        return
    for comp in view.components(stuck):
        first = comp[0]
        step = process.step(first)
        if len(comp) == 1 and not view.out[first]:
            message = Msg("the flow stops at step '{step}': it has no outgoing flow and is not an end event", step=first)
            hint = Msg("add a flow from '{step}' to the next step or to an end event", step=first)
        elif len(comp) == 1:
            message = Msg("step '{step}' loops without a way to an end event", step=first)
            hint = Msg("add a branch from '{step}' that leads to an end event", step=first)
        else:
            message = Msg("steps {steps} loop without a way to an end event", steps=quoted(comp))
            hint = Msg("add an exit branch from the loop to the next step or an end event")
        yield finding(message, at=loc(step), hint=hint, element=first)
