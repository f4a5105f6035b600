"""A described process has an end event.

Why: an end event says what the process delivers when it is done; without one the reader
cannot tell when the process is finished (bpmnlint ``end-event-required``).

Fix: add a step ``{id: loppu, end: <the result>}`` and a flow into it.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kasittely, task: Palautteen käsittely}
    flow:
      - alku -> kasittely

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kasittely, task: Palautteen käsittely}
      - {id: loppu, end: Palaute käsitelty}
    flow:
      - alku -> kasittely -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S002", name="end-event-required", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not flow.ends:
        yield finding(
            Msg("process '{process}' has no end event", process=process.process),
            at=loc(process, "steps", key=True),
            hint=Msg("add a step `{id: loppu, end: <the result>}` and a flow into it"),
        )
