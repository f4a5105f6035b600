"""A student-path process has an early-warning measure and a decision that acts on it.

Why: EQAVET asks for early-warning mechanisms that detect a risk of failure such as study
delays or drop-out. In the model that is a measure with an ``alert:`` level in a process
tagged ``student_path``, and a decision in its flow that leads to support.

Fix: give a measure of the process an ``alert:`` (e.g. ``"> 10 %"``) and model the decision
("Tarvitaanko erityistä tukea?") that routes to the support step.

**Bad**::

    process: polku
    name: Oppijan polku
    category: core
    tags: [student_path]
    steps:
      - {id: alku, start: Alku}
      - {id: opinnot, task: Opinnot, pdca: do}
      - {id: loppu, end: Loppu}
    flow: [alku -> opinnot -> loppu]
    measures:
      - {id: M-1, name: Negatiivinen eroaminen, target: "<= 8 %"}

**Good**::

    process: polku
    name: Oppijan polku
    category: core
    tags: [student_path]
    steps:
      - {id: alku, start: Alku}
      - {id: tuki, decision: Tarvitaanko tukea?, pdca: check}
      - {id: tukitoimet, task: Tukitoimet, pdca: act}
      - {id: opinnot, task: Opinnot, pdca: do}
      - {id: loppu, end: Loppu}
    flow:
      - alku -> tuki
      - "tuki -> tukitoimet: kyllä"
      - "tuki -> opinnot: ei"
      - tukitoimet -> opinnot -> loppu
    measures:
      - {id: M-1, name: Negatiivinen eroaminen, target: "<= 8 %", alert: "> 10 %"}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q115", name="early-warning", scope="process", default_severity="warning", criteria=["EQAVET-E3"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if "student_path" not in process.tags:
        return
    if not any(m.alert for m in ctx.measures_by_process.get(process.process, [])):
        yield finding(f"no measure of student-path process '{process.process}' has an alert level",
                      at=loc(process, "measures"), element=process.process,
                      hint="give the drop-out or progress measure an `alert:` level, e.g. \"> 10 %\"")
    if not any(s.kind in ("decision", "inclusive") for s in process.steps):
        yield finding(f"student-path process '{process.process}' has no decision that routes a student to support",
                      at=loc(process, "steps", key=True), element=process.process,
                      hint="model the decision (\"Tarvitaanko tukea?\") that leads to the support step")
