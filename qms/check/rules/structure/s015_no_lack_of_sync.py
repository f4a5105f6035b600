"""Branches that run at the same time are joined by a parallel gateway, not a decision.

Why: when the branches of a parallel split meet at an exclusive gateway (``decision:``), each
branch passes on its own and everything after the merge runs twice: a *lack of
synchronisation*. Checked on the flow without its loop-backs, in one pass.

Fix: join the branches with ``parallel:`` (or ``inclusive:`` after an inclusive split).

**Bad**::

    process: kysely
    name: Kysely
    category: core
    steps:
      - {id: alku, start: Kysely alkaa}
      - {id: jako, parallel: Kysely avataan}
      - {id: opiskelijat, task: Opiskelijakysely, pdca: do}
      - {id: tyopaikat, task: Työpaikkakysely, pdca: do}
      - {id: kooste, decision: Kyselyt suljettu}
      - {id: loppu, end: Valmis}
    flow:
      - alku -> jako
      - jako -> opiskelijat -> kooste
      - jako -> tyopaikat -> kooste
      - kooste -> loppu

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
      - {id: loppu, end: Valmis}
    flow:
      - alku -> jako
      - jako -> opiskelijat -> kooste
      - jako -> tyopaikat -> kooste
      - kooste -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S015", name="no-lack-of-sync", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for m in view.merges:
        if m.kind == "unsynchronised" and view.kind(m.node) == "gateway":
            split_kind = view.gateway(m.split) if m.split else None
            join = "inclusive" if split_kind == "inclusive" else "parallel"
            yield finding(
                Msg("exclusive gateway '{gateway}' merges the concurrent branches of '{split}': "
                    "what follows would run once per branch", gateway=m.node, split=m.split),
                at=loc(process.step(m.node)),
                hint=Msg("make '{gateway}' a `{join}:` gateway that waits for the branches", gateway=m.node, join=join),
                element=m.node,
            )
