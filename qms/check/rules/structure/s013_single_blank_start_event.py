"""A process has at most one start event without a trigger.

Why: two plain start events leave the reader guessing which one starts the process; give
each its trigger (``trigger: timer`` with ``when:``, or ``trigger: message``) or keep one
(bpmnlint ``single-blank-start-event``).

Fix: add ``trigger:`` to the start events, or merge them into one.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: alku2, start: Valitus saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
      - alku2 -> kirjaus

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu, trigger: message}
      - {id: vuosittain, start: Vuosikatsaus, trigger: timer, when: joulukuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
      - vuosittain -> kirjaus
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S013", name="single-blank-start-event", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    blank = [flow.steps[n] for n in flow.starts if flow.steps[n].trigger in (None, "none")]
    for step in blank[1:]:
        yield finding(
            Msg("start event '{step}' is the second start event without a trigger (the first is '{first}')",
                step=step.id, first=blank[0].id),
            at=loc(step),
            hint=Msg("add `trigger: timer` (with `when:`) or `trigger: message`, or keep one start event"),
            element=step.id,
        )
