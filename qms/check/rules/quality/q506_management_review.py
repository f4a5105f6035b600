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
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q506", name="management-review", scope="system", default_severity="warning", criteria=["ISO-9.3"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    events = system.annual_cycle.events if system.annual_cycle else []
    reviews = [e for e in events if "management_review" in e.kind]
    if not reviews:
        yield finding("the annual cycle has no management review", at=loc(system, "annual_cycle"),
                      hint="add an event with `kind: management_review`, its month, inputs and outputs")
        return
    for e in reviews:
        for field, what in (("inputs", "inputs"), ("outputs", "outputs")):
            if not getattr(e, field):
                yield finding(f"management review '{e.id}' has no {what}", at=loc(e), element=e.id,
                              hint=f"list its {what}: " + ("results, feedback, audits, actions, risks"
                                                           if field == "inputs" else "decisions and actions"))
