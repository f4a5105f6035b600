"""A process checks its results or acts on them.

Why: a process without any check or act step never looks at what it achieved, so nothing in it
leads to improvement (EQAVET quality cycle; the catalogue makes this an error). A process
governed by the annual cycle relies on the cycle's evaluation and review.

Fix: tag the step that evaluates (``pdca: check``) or improves (``pdca: act``), or add one.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, pdca: do}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, pdca: do}
      - {id: analyysi, task: Tulosten analyysi, pdca: check}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> analyysi -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q113", name="pdca-check-act", scope="process", default_severity="error", criteria=["EQAVET-CYCLE"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if process.governed_by_cycle:
        return
    if not any(s.pdca in ("check", "act") for s in process.steps):
        yield finding(Msg("process '{process}' has no step that checks or acts on its results",
                          process=process.process),
                      at=loc(process, "steps", key=True), element=process.process,
                      hint=Msg("tag the evaluating step `pdca: check` or the improving step `pdca: act`, or add one"))
