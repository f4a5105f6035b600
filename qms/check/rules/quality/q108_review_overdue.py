"""A process's next review date has not passed.

Why: a description whose review date is behind ``as_of`` may no longer match practice (ISO
9001 4.4.1 g). The date is compared with the system's ``as_of``, never with the clock.

Fix: review the process with its owner, then update ``review:`` (version, approved,
next_review).

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    # file: processes/rekrytointi.yaml
    process: rekrytointi
    name: Rekrytointi
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    review: {version: 2, approved: 2024-10-31, next_review: 2025-10-31}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    # file: processes/rekrytointi.yaml
    process: rekrytointi
    name: Rekrytointi
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    review: {version: 3, approved: 2026-02-15, next_review: 2027-02-15}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q108", name="review-overdue", scope="process", default_severity="warning", criteria=["ISO-4.4-g"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if ctx.option_cycle and ctx.cycle_governs(process):
        return  # the small provider's annual cycle reviews it
    review = process.review
    if ctx.as_of is None or review is None or review.next_review is None:
        return
    if review.next_review < ctx.as_of:
        yield finding(
            Msg("the review of process '{process}' was due on {date}", process=process.process,
                date=review.next_review.isoformat()),
            at=loc(review, "next_review"), element=process.process,
            hint=Msg("review the process with its owner and update review: (version, approved, next_review)"),
        )
