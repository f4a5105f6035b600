"""Every task, decision and call is tagged with its PDCA phase.

Why: the plan–do–check–act tags show where a process plans, does, checks and improves
(EQAVET quality cycle); the handbook colours the steps by them. Events and parallel
gateways need no tag, nor does a gateway that only joins.

Fix: add ``pdca: plan|do|check|act`` (or ``p``, ``d``, ``c``, ``a``) to the step.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, pdca: do}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> loppu]
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


@rule(code="Q111", name="step-pdca", scope="process", default_severity="warning", criteria=["EQAVET-CYCLE"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for s in process.steps:
        kind = view.step_kind(s.id)
        if s.pdca or kind not in ("task", "decision", "inclusive", "call"):
            continue
        if kind in ("decision", "inclusive") and len(view.out.get(s.id, [])) < 2:
            continue
        yield finding(Msg("{kind} '{step}' has no PDCA phase", kind=KIND_WORDS[kind], step=s.id), at=loc(s),
                      element=s.id, hint=Msg("add `pdca: plan`, `do`, `check` or `act`"))
