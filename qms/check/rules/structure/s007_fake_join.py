"""Parallel branches are not joined by a task or an event.

Why: when two branches that run at the same time both flow into a task, the task runs twice,
once per branch: a *fake join* (bpmnlint ``fake-join``). Alternatives (after a decision) and
loop-backs may flow into a task; only concurrent branches are reported.

Fix: join the parallel branches with a parallel gateway (``parallel:``) before the task.

**Bad**::

    process: kysely
    name: Kysely
    category: core
    steps:
      - {id: alku, start: Kysely alkaa}
      - {id: jako, parallel: Kysely avataan}
      - {id: opiskelijat, task: Opiskelijakysely, pdca: do}
      - {id: tyopaikat, task: Työpaikkakysely, pdca: do}
      - {id: analyysi, task: Analyysi, pdca: check}
      - {id: loppu, end: Valmis}
    flow:
      - alku -> jako
      - jako -> opiskelijat -> analyysi
      - jako -> tyopaikat -> analyysi
      - analyysi -> loppu

**Good**::

    process: kysely
    name: Kysely
    category: core
    steps:
      - {id: alku, start: Kysely alkaa}
      - {id: jako, parallel: Kysely avataan}
      - {id: opiskelijat, task: Opiskelijakysely, pdca: do}
      - {id: tyopaikat, task: Työpaikkakysely, pdca: do}
      - {id: kooste, parallel: Kyselyt suljettu}
      - {id: analyysi, task: Analyysi, pdca: check}
      - {id: loppu, end: Valmis}
    flow:
      - alku -> jako
      - jako -> opiskelijat -> kooste
      - jako -> tyopaikat -> kooste
      - kooste -> analyysi -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S007", name="fake-join", scope="structure", default_severity="warning")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for m in view.merges:
        if m.kind == "unsynchronised" and view.kind(m.node) != "gateway":
            yield finding(
                Msg("step '{step}' receives parallel branches of '{split}' and would run once per branch",
                    step=m.node, split=m.split),
                at=loc(process.step(m.node)),
                hint=Msg("join the branches of '{split}' with a parallel gateway (`parallel:`) before '{step}'",
                         split=m.split, step=m.node),
                element=m.node,
            )
