"""Top management reviews the quality system in the annual cycle, with inputs and outputs.

Why: ISO 9001 9.3 asks for a management review at planned intervals with defined inputs
(results, feedback, audits, actions, risks) and outputs (decisions, actions). The minutes are
evidence for a human to confirm.

Fix: add the review to the vuosikello: ``{id: johdon_katselmus, kind: management_review,
months: [4], inputs: [...], outputs: [...]}``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: katselmus, name: Johdon katselmus, months: [4], kind: management_review}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: katselmus, name: Johdon katselmus, months: [4], kind: management_review,
           inputs: [Mittareiden tulokset, Palaute, Auditoinnit], outputs: [Päätökset]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q506", name="management-review", scope="system", default_severity="warning", criteria=["ISO-9.3"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    events = system.annual_cycle.events if system.annual_cycle else []
    reviews = [e for e in events if "management_review" in e.kind]
    if not reviews:
        yield finding(Msg("the annual cycle has no management review"), at=loc(system, "annual_cycle"),
                      hint=Msg("add an event with `kind: management_review`, its month, inputs and outputs"))
        return
    for e in reviews:
        for field, message, hint in (
            ("inputs", Msg("management review '{review}' has no inputs", review=e.id),
             Msg("list its inputs: results, feedback, audits, actions, risks")),
            ("outputs", Msg("management review '{review}' has no outputs", review=e.id),
             Msg("list its outputs: decisions and actions")),
        ):
            if not getattr(e, field):
                yield finding(message, at=loc(e), element=e.id, hint=hint)
