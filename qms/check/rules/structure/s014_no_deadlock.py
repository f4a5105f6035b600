"""A parallel join only waits for branches that all run.

Why: a parallel gateway (``parallel:``) that joins waits for a token on every incoming flow.
If the flows are alternatives of a decision, only one of them ever arrives and the process
stops there for good: a *deadlock*. After an inclusive split not every branch need run
either. Checked on the flow without its loop-backs, in one pass.

Fix: join alternatives with a decision (or simply let them flow into the next step); keep the
parallel join for branches of a parallel split.

**Bad**::

    process: p
    name: Hyväksyntä
    category: core
    steps:
      - {id: alku, start: Esitys saapuu}
      - {id: tarve, decision: Tarvitaanko lausunto?, pdca: check}
      - {id: lausunto, task: Lausunto, pdca: do}
      - {id: ohitus, task: Ei lausuntoa, pdca: do}
      - {id: yhteen, parallel: Valmis päätökseen}
      - {id: loppu, end: Päätetty}
    flow:
      - alku -> tarve
      - "tarve -> lausunto: kyllä"
      - "tarve -> ohitus: ei"
      - lausunto -> yhteen
      - ohitus -> yhteen
      - yhteen -> loppu

**Good**::

    process: p
    name: Hyväksyntä
    category: core
    steps:
      - {id: alku, start: Esitys saapuu}
      - {id: tarve, decision: Tarvitaanko lausunto?, pdca: check}
      - {id: lausunto, task: Lausunto, pdca: do}
      - {id: ohitus, task: Ei lausuntoa, pdca: do}
      - {id: yhteen, decision: Valmis päätökseen}
      - {id: loppu, end: Päätetty}
    flow:
      - alku -> tarve
      - "tarve -> lausunto: kyllä"
      - "tarve -> ohitus: ei"
      - lausunto -> yhteen
      - ohitus -> yhteen
      - yhteen -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S014", name="no-deadlock", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for m in view.merges:
        if m.kind == "deadlock":
            message = (Msg("parallel join '{join}' waits for alternatives of decision '{decision}': "
                           "the process would stop here", join=m.node, decision=m.split) if m.split
                       else Msg("parallel join '{join}' waits for flows that do not all run: the process would stop here",
                                join=m.node))
            yield finding(
                message,
                at=loc(process.step(m.node)),
                hint=Msg("make '{join}' a `decision:` (or let the branches flow into the next step)", join=m.node),
                element=m.node,
            )
        elif m.kind == "maybe-deadlock":
            yield finding(
                Msg("parallel join '{join}' waits for every branch of inclusive split '{split}', "
                    "but not every branch need run", join=m.node, split=m.split),
                at=loc(process.step(m.node)),
                hint=Msg("join the branches of '{split}' with an `inclusive:` gateway", split=m.split),
                element=m.node,
            )
