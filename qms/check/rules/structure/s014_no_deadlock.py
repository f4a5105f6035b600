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
from qms.check.rule import rule
from qms.model import Process


@rule(code="S014", name="no-deadlock", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for m in view.merges:
        if m.kind == "deadlock":
            source = f"alternatives of decision '{m.split}'" if m.split else "flows that do not all run"
            yield finding(
                f"parallel join '{m.node}' waits for {source}: the process would stop here",
                at=loc(process.step(m.node)),
                hint=f"make '{m.node}' a `decision:` (or let the branches flow into the next step)",
                element=m.node,
            )
        elif m.kind == "maybe-deadlock":
            yield finding(
                f"parallel join '{m.node}' waits for every branch of inclusive split '{m.split}', "
                "but not every branch need run",
                at=loc(process.step(m.node)),
                hint=f"join the branches of '{m.split}' with an `inclusive:` gateway",
                element=m.node,
            )
