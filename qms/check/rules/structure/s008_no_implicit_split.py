"""Only gateways split the flow.

Why: a task with several unconditioned outgoing flows starts all of them at once; readers
usually mean a decision. Make the split explicit with a gateway (bpmnlint
``no-implicit-split``).

Fix: put a ``decision:`` (one branch is taken) or ``parallel:`` (all branches run) after the
step and move the outgoing flows to it.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus, pdca: do}
      - {id: vastaus, task: Vastaus, pdca: do}
      - {id: arkisto, task: Arkistointi, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus
      - kirjaus -> vastaus -> loppu
      - kirjaus -> arkisto -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus, pdca: do}
      - {id: vastataanko, decision: Vastataanko?, pdca: check}
      - {id: vastaus, task: Vastaus, pdca: do}
      - {id: arkisto, task: Arkistointi, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> vastataanko
      - "vastataanko -> vastaus: kyllä"
      - "vastataanko -> arkisto: ei"
      - vastaus -> loppu
      - arkisto -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S008", name="no-implicit-split", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n, outs in view.out.items():
        if len(outs) < 2 or view.kind(n) == "gateway":
            continue
        plain = [e for e in outs if not e.condition and not e.default]
        if len(plain) > 1:
            targets = ", ".join(f"'{e.dst}'" for e in plain)
            yield finding(
                Msg("step '{step}' splits the flow without a gateway (to {targets})", step=n, targets=targets),
                at=loc(process.step(n)),
                hint=Msg("add a `decision:` (one branch) or `parallel:` (all branches) step after '{step}'", step=n),
                element=n,
            )
