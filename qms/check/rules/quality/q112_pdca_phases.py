"""A process not governed by the annual cycle plans, does, checks and acts.

Why: the EQAVET quality cycle (and ISO's PDCA) asks that every process, or the system cycle
that governs it, has all four phases. A process missing a phase usually lacks its planning
step or its improvement step.

Fix: tag the steps that plan, do, check and act; add the missing step; or mark the process
``governed_by_cycle: true`` when the system's annual cycle covers the phase.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, pdca: do}
      - {id: analyysi, task: Analyysi, pdca: check}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> analyysi -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: suunnittelu, task: Suunnittelu, pdca: plan}
      - {id: kysely, task: Kysely, pdca: do}
      - {id: analyysi, task: Analyysi, pdca: check}
      - {id: toimet, task: Toimenpiteet, pdca: act}
      - {id: loppu, end: Loppu}
    flow: [alku -> suunnittelu -> kysely -> analyysi -> toimet -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import and_no
from qms.model import Process

PHASES = ("plan", "do", "check", "act")


@rule(code="Q112", name="pdca-phases", scope="process", default_severity="warning", criteria=["EQAVET-CYCLE"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if process.governed_by_cycle:
        return
    present = {s.pdca for s in process.steps if s.pdca}
    if not present & {"check", "act"}:
        return  # Q113 reports a process that never checks or acts
    missing = [p for p in PHASES if p not in present]
    if missing:
        yield finding(Msg("process '{process}' has no {phases} step", process=process.process, phases=and_no(missing)),
                      at=loc(process, "steps", key=True), element=process.process,
                      hint=Msg("tag the step that does it with `pdca: {phase}`, add one, "
                               "or set `governed_by_cycle: true`", phase=missing[0]))
