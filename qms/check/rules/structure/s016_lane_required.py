"""Every step is in a lane: a role is responsible for it.

Why: the lane says who does the step or makes the decision (ISO 9001 4.4.1 e, EQAVET
"responsibilities explicitly allocated"); a step outside every lane has no owner.

Fix: add ``lane:`` with a role id of ``lanes:`` to the step.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    lanes: [opettaja]
    steps:
      - {id: alku, start: Palaute saapuu, lane: opettaja}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty, lane: opettaja}
    flow:
      - alku -> kirjaus -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    lanes: [opettaja]
    steps:
      - {id: alku, start: Palaute saapuu, lane: opettaja}
      - {id: kirjaus, task: Kirjaus, lane: opettaja}
      - {id: loppu, end: Käsitelty, lane: opettaja}
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
from qms.check.rules._util import KIND_WORDS
from qms.model import Process


@rule(code="S016", name="lane-required", scope="structure", default_severity="warning", criteria=["ISO-4.4-e"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    missing = [s for s in process.steps if not s.lane]
    if not missing:
        return
    if len(missing) == len(process.steps) and not process.lanes:
        yield finding(
            Msg("no step of process '{process}' has a lane: nobody is responsible for the steps",
                process=process.process),
            at=loc(process, "steps", key=True),
            hint=Msg("list the roles under `lanes:` and give every step `lane:`"),
        )
        return
    for s in missing:
        yield finding(
            Msg("{kind} '{step}' has no lane", kind=KIND_WORDS[flow.step_kind(s.id)], step=s.id),
            at=loc(s),
            hint=(Msg("add `lane:` with the role that does it (one of {lanes})", lanes=", ".join(process.lanes))
                  if process.lanes else Msg("add `lane:` with the role that does it")),
            element=s.id,
        )
