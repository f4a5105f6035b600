"""Peer review or benchmarking was used within the last annual cycle.

Why: OPH recommends peer review and benchmarking for learning from other providers; it is a
recommendation, so this finding is information. The model shows it with a done evaluation
of type ``peer_review`` or ``benchmarking`` within the review interval (12 months) before
``as_of``.

Fix: record the peer review or benchmarking visit under ``evaluations:``.

**Bad**::

    system: demo
    name: Demo
    as_of: 2014-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-S1, name: Benchmarking-vierailu, type: benchmarking, date: 2012-03-22}

**Good**::

    system: demo
    name: Demo
    as_of: 2014-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-S2, name: Vertaisarviointi, type: peer_review, date: 2013-10}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, add_months, period_end
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q508", name="peer-learning", scope="system", default_severity="info", criteria=["FI-QMS-15"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    done = [e for e in system.evaluations if e.type in ("peer_review", "benchmarking") and e.status == "done"]
    if not done:
        yield finding(Msg("the model records no peer review or benchmarking"), at=loc(system, "evaluations"),
                      hint=Msg("record peer reviews and benchmarking visits under evaluations:"))
        return
    if ctx.as_of is None:
        return
    latest = max(done, key=lambda e: e.date or "")
    end = period_end(latest.date)
    if end is not None and end < add_months(ctx.as_of, -ctx.settings.review_interval_months):
        yield finding(Msg("the latest peer review or benchmarking ('{evaluation}', {date}) is older than one "
                          "annual cycle", evaluation=latest.id, date=latest.date), at=loc(latest), element=latest.id,
                      hint=Msg("plan the next peer review or benchmarking"))
