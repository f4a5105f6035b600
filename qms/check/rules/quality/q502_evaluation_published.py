"""Key results of the provider's own evaluations are published.

Why: the Act on VET (§126) asks the provider to publish the key results of its evaluations.
The model shows it when an evaluation marked ``publish_required`` has a ``published`` date
(within six months of the evaluation), when an evidence record of kind ``publication``
exists, or when the annual cycle has a communication event for the ``public``; a human
checks what the page says.

Fix: record the publication date on the evaluation (``published:``) or add the publication
as an evidence record (``kind: publication``, ``uri:``).

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment, date: 2025-03-20, publish_required: true}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment, date: 2025-03-20, publish_required: true,
         published: 2025-06-19}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, add_months, period_end
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

LAG_MONTHS = 6


@rule(code="Q502", name="evaluation-published", scope="system", default_severity="warning", criteria=["FI-LAW-4"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    events = system.annual_cycle.events if system.annual_cycle else []
    published_any = (
        any(e.published for e in system.evaluations)
        or any(r.kind == "publication" for r in system.evidence)
        or any("communication" in e.kind and "public" in e.audience for e in events)
    )
    required = [e for e in system.evaluations if e.publish_required and e.status == "done"]
    for e in required:
        end = period_end(e.date)
        if e.published or end is None or ctx.as_of is None:
            continue
        if add_months(end, LAG_MONTHS) < ctx.as_of:
            yield finding(Msg("the results of evaluation '{evaluation}' ({date}) are not recorded as published",
                              evaluation=e.id, date=e.date),
                          at=loc(e), element=e.id,
                          hint=Msg("add `published: YYYY-MM-DD`, or an evidence record of kind publication"))
    if not published_any and not required:
        yield finding(Msg("the model shows no publication of evaluation results"), at=loc(system, "evaluations"),
                      hint=Msg("mark the evaluations whose key results are published (`publish_required`, `published`), "
                               "or add an evidence record of kind publication"))
