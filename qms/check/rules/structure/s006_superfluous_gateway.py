"""A gateway has more than one incoming or more than one outgoing flow.

Why: a gateway with one flow in and one flow out decides nothing and joins nothing; it only
makes the diagram longer (bpmnlint ``superfluous-gateway``).

Fix: remove the gateway and connect its two neighbours directly, or add the missing branch.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: tarkistus, decision: Onko palaute asiallinen?, pdca: check}
      - {id: kasittely, task: Käsittely, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - "alku -> tarkistus"
      - "tarkistus -> kasittely: kyllä"
      - kasittely -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: tarkistus, decision: Onko palaute asiallinen?, pdca: check}
      - {id: kasittely, task: Käsittely, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - "alku -> tarkistus"
      - "tarkistus -> kasittely: kyllä"
      - "tarkistus -> loppu: ei"
      - kasittely -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S006", name="superfluous-gateway", scope="structure", default_severity="warning")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n in view.gateway_nodes:
        if len(view.inc[n]) == 1 and len(view.out[n]) == 1:
            yield finding(
                Msg("gateway '{gateway}' has one incoming and one outgoing flow: it neither decides nor joins", gateway=n),
                at=loc(process.step(n)),
                hint=Msg("add the missing branch of '{gateway}', or remove it and connect its neighbours directly",
                     gateway=n),
                element=n,
            )
