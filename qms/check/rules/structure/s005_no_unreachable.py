"""Every step can be reached from a start event.

Why: a step that no path from a start event reaches never happens; usually a flow into it is
missing or points at the wrong step (checked with one search from the start events).

Fix: add the missing flow into the first unreachable step.

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
      - vastaus -> loppu

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


@rule(code="S005", name="no-unreachable", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    if not view.starts:
        return  # S001 reports the missing start event
    cut_off = {n for n in view.connected if n not in view.reachable}
    if not cut_off:
        return
    for comp in view.components(cut_off, reverse=True):
        first = comp[0]
        if len(comp) == 1:
            message = Msg("step '{step}' cannot be reached from a start event", step=first)
        else:
            message = Msg("steps {steps} cannot be reached from a start event", steps=quoted(comp))
        yield finding(message, at=loc(process.step(first)),
                      hint=Msg("add a flow into '{step}' from the step that comes before it", step=first), element=first)
