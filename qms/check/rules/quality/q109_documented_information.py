"""A described process names its documents or records.

Why: ISO 9001 4.4.2 asks for documented information that supports the process (instructions,
forms, plans) and records kept as evidence that it ran as planned.

Fix: list the process's ``documents:`` (and refer to them from the steps) or its
``records:`` (what is kept, in which system, for how long).

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
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    records:
      - {name: Palautekooste, system: Webropol, retention: 5 vuotta}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q109", name="documented-information", scope="process", default_severity="warning",
      criteria=["ISO-4.4.2"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not process.documents and not process.records:
        yield finding(Msg("process '{process}' names no documents and no records", process=process.process),
                      at=loc(process, "process"), element=process.process,
                      hint=Msg("list `documents:` used or produced by the steps, or `records:`"))
