"""A process on the process map is not described yet (a stub).

Why: a stub has an owner and a purpose but no steps; it is realistic while the descriptions
are being written, and the handbook shows it as "not yet described". Stubs are reported once,
here; the structural and per-process content rules skip them, while system rules such as the
audit programme still count them.

Fix: describe the process: add ``lanes:``, ``steps:`` and ``flow:``. Until then give it
``governed_by_cycle: true`` so that the system's annual cycle governs it.

**Bad**::

    process: tilat
    name: Tilat ja oppimisympäristöt
    category: support
    purpose: Toimivat tilat

**Good**::

    process: tilat
    name: Tilat ja oppimisympäristöt
    category: support
    steps:
      - {id: alku, start: Tarve}
      - {id: korjaus, task: Korjaus}
      - {id: loppu, end: Valmis}
    flow: [alku -> korjaus -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q001", name="stub-process", scope="process", default_severity="info", stubs=True)
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not process.is_stub:
        return
    governed = " (it is governed by the annual cycle)" if process.governed_by_cycle else ""
    yield finding(
        f"process '{process.process}' is not described yet: it has no steps{governed}",
        at=loc(process, "process"),
        hint="add lanes:, steps: and flow:" + ("" if governed else "; meanwhile set `governed_by_cycle: true`"),
        element=process.process,
    )
