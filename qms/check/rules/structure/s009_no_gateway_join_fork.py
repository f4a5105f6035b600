"""A gateway either joins or splits, not both.

Why: a gateway that merges several branches and splits again in the same diamond hides two
decisions in one symbol (bpmnlint ``no-gateway-join-fork``). A loop that returns to the
decision that started it is the usual way to draw a repeat, and is allowed.

Fix: put a separate joining gateway before the one that splits.

**Bad**::

    process: p
    name: Hakemukset
    category: core
    steps:
      - {id: alku, start: Hakemus saapuu}
      - {id: tyyppi, decision: Hakemuksen tyyppi?, pdca: check}
      - {id: a, task: Opiskelijahakemus, pdca: do}
      - {id: b, task: Työnhakija, pdca: do}
      - {id: ratkaisu, decision: Hyväksytäänkö?, pdca: check}
      - {id: loppu, end: Käsitelty}
      - {id: hylatty, end: Hylätty}
    flow:
      - "alku -> tyyppi"
      - "tyyppi -> a: opiskelija"
      - "tyyppi -> b: muu"
      - a -> ratkaisu
      - b -> ratkaisu
      - "ratkaisu -> loppu: kyllä"
      - "ratkaisu -> hylatty: ei"

**Good**::

    process: p
    name: Hakemukset
    category: core
    steps:
      - {id: alku, start: Hakemus saapuu}
      - {id: tyyppi, decision: Hakemuksen tyyppi?, pdca: check}
      - {id: a, task: Opiskelijahakemus, pdca: do}
      - {id: b, task: Työnhakija, pdca: do}
      - {id: yhdistys, decision: Käsitellyt hakemukset, pdca: check}
      - {id: ratkaisu, decision: Hyväksytäänkö?, pdca: check}
      - {id: loppu, end: Käsitelty}
      - {id: hylatty, end: Hylätty}
    flow:
      - "alku -> tyyppi"
      - "tyyppi -> a: opiskelija"
      - "tyyppi -> b: muu"
      - a -> yhdistys
      - b -> yhdistys
      - yhdistys -> ratkaisu
      - "ratkaisu -> loppu: kyllä"
      - "ratkaisu -> hylatty: ei"
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S009", name="no-gateway-join-fork", scope="structure", default_severity="warning")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n in view.gateway_nodes:
        if len(view.forward_in(n)) > 1 and len(view.out[n]) > 1:
            yield finding(
                Msg("gateway '{gateway}' both joins {joins} branches and splits into {splits}",
                    gateway=n, joins=len(view.forward_in(n)), splits=len(view.out[n])),
                at=loc(process.step(n)),
                hint=Msg("join the branches in a separate gateway before '{gateway}'", gateway=n),
                element=n,
            )
