"""A described process has a start event.

Why: without a start nobody can tell what sets the process going, and a BPMN tool cannot run
or simulate the exported model (bpmnlint ``start-event-required``).

Fix: add a step ``{id: alku, start: <what triggers the process>}`` and a flow from it.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: kasittely, task: Palautteen käsittely}
      - {id: loppu, end: Käsitelty}
    flow:
      - kasittely -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kasittely, task: Palautteen käsittely}
      - {id: loppu, end: Käsitelty}
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


@rule(code="S001", name="start-event-required", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not flow.starts:
        yield finding(
            Msg("process '{process}' has no start event", process=process.process),
            at=loc(process, "steps", key=True),
            hint=Msg("add a step `{id: alku, start: <what triggers the process>}` and a flow from it"),
        )
