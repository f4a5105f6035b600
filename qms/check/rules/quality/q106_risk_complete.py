"""A risk has a likelihood, an impact, controls, an owner and a review date.

Why: a risk register is only usable when each risk is rated, controlled and owned, and
reviewed at a known date (ISO 9001 6.1).

Fix: fill in the missing keys of the risk.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    risks:
      - {id: R-1, name: Vastausaste jää alhaiseksi}

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    risks:
      - {id: R-1, name: Vastausaste jää alhaiseksi, likelihood: 4, impact: 3, controls: [Muistutukset],
         owner: laatupaallikko, review_date: 2026-04-30}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import none_of
from qms.model import Process

_FIELDS = (("likelihood", Msg("likelihood")), ("impact", Msg("impact")), ("controls", Msg("controls")),
           ("owner", Msg("owner")), ("review_date", Msg("review date")))


@rule(code="Q106", name="risk-complete", scope="process", default_severity="warning", criteria=["ISO-4.4-f"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    for risk in process.risks:
        missing = [label for key, label in _FIELDS if not getattr(risk, key)]
        if missing:
            yield finding(Msg("risk '{risk}' has no {missing}", risk=risk.id, missing=none_of(missing)),
                          at=loc(risk), element=risk.id,
                          hint=Msg("add {keys}", keys=", ".join(f"`{k}:`" for k, label in _FIELDS if label in missing)))
