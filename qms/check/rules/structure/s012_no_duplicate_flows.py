"""A flow is not written twice.

Why: two flows with the same start, end and label draw as one arrow and double every token
(bpmnlint ``no-duplicate-sequence-flows``). Two *differently labelled* branches to the same
step are two answers and stay valid.

Fix: delete the repeated line under ``flow:``.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
      - kirjaus -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: riittava, decision: Vastausaste riittävä?, pdca: check}
      - {id: analyysi, task: Analyysi, pdca: check}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> riittava
      - "riittava -> analyysi: kyllä"
      - "riittava -> analyysi: ei, muistutukset käytetty"
      - analyysi -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S012", name="no-duplicate-flows", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, str, object], object] = {}
    for f in process.flow:
        label = f.label if not isinstance(f.label, dict) else tuple(sorted(f.label.items()))
        key = (f.from_, f.to, label)
        first = seen.get(key)
        if first is None:
            seen[key] = f
            continue
        first_loc = loc(first)
        text = f"{f.from_} -> {f.to}"
        message = (Msg("flow '{flow}' is written twice (first at line {line})", flow=text, line=first_loc.line)
                   if first_loc and first_loc.line else Msg("flow '{flow}' is written twice", flow=text))
        yield finding(
            message,
            at=loc(f),
            hint=Msg("delete the repeated line, or give the two branches different labels"),
            element=f.from_,
        )
