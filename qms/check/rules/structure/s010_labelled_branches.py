"""Every outgoing flow of a decision is labelled.

Why: the label is the answer to the decision's question ("kyllä", "ei, sopeutetaan"); without
it a reader cannot tell which way to go (bpmnlint ``conditional-flows``).

Fix: write the answer after the flow: ``raamissa -> ehdotus: kyllä``.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: asiallinen, decision: Onko palaute asiallinen?, pdca: check}
      - {id: kasittely, task: Käsittely, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> asiallinen
      - asiallinen -> kasittely
      - "asiallinen -> loppu: ei"
      - kasittely -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: asiallinen, decision: Onko palaute asiallinen?, pdca: check}
      - {id: kasittely, task: Käsittely, pdca: do}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> asiallinen
      - "asiallinen -> kasittely: kyllä"
      - "asiallinen -> loppu: ei"
      - kasittely -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import blank
from qms.model import Process


@rule(code="S010", name="labelled-branches", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for n in view.gateway_nodes:
        if view.gateway(n) not in ("exclusive", "inclusive") or len(view.out[n]) < 2:
            continue
        for e in view.out[n]:
            if blank(e.label) and not e.condition:
                yield finding(
                    Msg("branch '{branch}' of decision '{decision}' has no label", branch=f"{e.src} -> {e.dst}", decision=n),
                    at=loc(e.flow),
                    hint=Msg("write the answer after the flow: `{branch}: kyllä`", branch=f"{e.src} -> {e.dst}"),
                    element=n,
                )
