"""A described process records its approval and its next review.

Why: ISO 9001 4.4.1 g asks that processes are evaluated and changed when needed; the review
record (version, approver, date, next review) shows when that happens.

Fix: add ``review: {version: 1, approved_by: <role>, approved: YYYY-MM-DD, next_review: YYYY-MM-DD}``.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    review: {version: 1, approved_by: johtoryhma, approved: 2025-06-10, next_review: 2026-06-10}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q107", name="review-missing", scope="process", default_severity="warning", criteria=["ISO-4.4-g"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if ctx.option_cycle and ctx.cycle_governs(process):
        return  # the small provider's annual cycle reviews it
    review = process.review
    if review is None:
        yield finding(Msg("process '{process}' has no review record", process=process.process),
                      at=loc(process, "process"), element=process.process,
                      hint=Msg("add `review: {version: 1, approved_by: <role>, approved: <date>, next_review: <date>}`"))
    elif review.next_review is None:
        yield finding(Msg("process '{process}' has no next review date", process=process.process), at=loc(review),
                      element=process.process, hint=Msg("add `next_review:` to review:"))
