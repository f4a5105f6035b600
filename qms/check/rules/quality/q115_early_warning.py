"""A student-path process has an early warning about each learner and a decision that acts on it.

Why: EQAVET asks for early-warning mechanisms that detect a learner's risk of failure, such as
study delays or drop-out. In the model that is a measure with an ``alert:`` level that follows
one learner (``monitors: individual``: study progress, HOKS progress, absences) in a process
tagged ``student_path``, and a decision in its flow that leads to support. An aggregate rate
("drop-out above 10 % in a result area") is a management signal: it cannot tell which learner
needs support, so it does not make an early warning on its own.

Fix: give a measure that follows each learner an ``alert:`` and ``monitors: individual``, and
model the decision ("Tarvitaanko erityistä tukea?") that routes to the support step.

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
      - {id: M-1, name: Negatiivinen eroaminen, target: "<= 8 %", alert: "> 10 %", monitors: provider}

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
      - {id: M-2, name: Osaamispisteitä 3 kk:ssa, target: ">= 30 osp", alert: "< 10 osp", monitors: individual}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q115", name="early-warning", scope="process", default_severity="warning", criteria=["EQAVET-E3"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if "student_path" not in process.tags:
        return
    alerts = [m for m in ctx.measures_by_process.get(process.process, []) if m.alert]
    if not alerts:
        yield finding(Msg("no measure of student-path process '{process}' has an alert level",
                          process=process.process),
                      at=loc(process, "measures"), element=process.process,
                      hint=Msg("give the drop-out or progress measure an `alert:` level, e.g. \"> 10 %\""))
    elif not any(m.monitors == "individual" for m in alerts):
        yield finding(Msg("the alerts of student-path process '{process}' are aggregate rates ({measures}): "
                          "none follows a single learner", process=process.process,
                          measures=", ".join(m.id for m in alerts)),
                      at=loc(alerts[0], "alert"), element=process.process,
                      hint=Msg("add a measure that follows each learner (study progress, HOKS progress, absences) "
                               "with an `alert:` and `monitors: individual`"))
    if not any(s.kind in ("decision", "inclusive") for s in process.steps):
        yield finding(Msg("student-path process '{process}' has no decision that routes a student to support",
                          process=process.process),
                      at=loc(process, "steps", key=True), element=process.process,
                      hint=Msg("model the decision (\"Tarvitaanko tukea?\") that leads to the support step"))
