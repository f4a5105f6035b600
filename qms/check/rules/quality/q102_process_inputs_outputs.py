"""A described process states its inputs and its outputs.

Why: ISO 9001 4.4.1 a asks what each process needs and what it delivers; the outputs
with ``to:`` and the inputs with ``from:`` also draw the hand-offs of the process map.

Fix: list ``inputs:`` and ``outputs:``; name the process or stakeholder at the other end
with ``from:`` / ``to:`` where there is one.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    inputs: [Opiskelijapalaute]
    outputs: [Palauteraportti]
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q102", name="process-inputs-outputs", scope="process", default_severity="warning",
      criteria=["ISO-4.4-a"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    pid = process.process
    for field, message, hint in (
        ("inputs", Msg("process '{process}' does not state its inputs", process=pid),
         Msg("add `inputs:`, a list of what the process needs")),
        ("outputs", Msg("process '{process}' does not state its outputs", process=pid),
         Msg("add `outputs:`, a list of what the process delivers")),
    ):
        if not getattr(process, field):
            yield finding(message, at=loc(process, "process"), hint=hint, element=pid)
