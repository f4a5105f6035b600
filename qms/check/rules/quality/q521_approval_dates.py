"""The approval of the quality system and of each process tells one consistent story.

Why: the handbook is published as the organisation's official quality manual, and its
front page, printed footers and Word copy show the system's ``approval:``. An approval dated
on or after its own next review, an approval dated after the system's ``as_of`` (the date
the description is as of), a version approved twice, an earlier approval in ``history``
dated after the one in force, or an approving body that is not in the system cannot all be
true (ISO 9001:2015 §7.5.2 c, review and approval of documented information). The dates
are compared with each other and with ``as_of``, never with the clock.

Fix: correct the date or version that is wrong: ``next_review`` comes after ``approved``,
nothing is approved after ``as_of``, each version is approved once and ``history`` holds
the earlier approvals; ``approved_by`` names a role, a quality group or an organisation
unit of ``system.yaml``.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    roles:
      - {id: hallitus, name: Hallitus}
    approval: {version: "2026.1", approved_by: hallitus, approved: 2026-01-20, next_review: 2025-12-31}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    roles:
      - {id: hallitus, name: Hallitus}
    approval: {version: "2026.1", approved_by: hallitus, approved: 2026-01-20, next_review: 2027-01-20}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Approval, ApprovalRecord, QualitySystem


@rule(code="Q521", name="approval-dates", scope="system", default_severity="warning", criteria=["ISO-4.4.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if system.approval is not None:
        yield from _dates(system.approval, Msg("the quality system"), system.system, ctx)
        yield from _history(system.approval, system.system)
        for record in (system.approval, *system.approval.history):
            yield from _body(system, record)
    for p in system.processes:
        if p.review is not None:
            yield from _dates(p.review, Msg("process '{process}'", process=p.process), p.process, ctx)


def _dates(approval: Any, what: Msg, element: str, ctx: Context) -> Iterator[Finding]:
    approved, next_review = approval.approved, approval.next_review
    if approved and next_review and next_review <= approved:
        yield finding(Msg("{what} is approved on {approved} but due for review on {review}", what=what,
                          approved=approved.isoformat(), review=next_review.isoformat()),
                      at=loc(approval, "next_review"), element=element,
                      hint=Msg("set `next_review:` to a date after `approved:` (usually a year later)"))
    if approved and ctx.as_of and approved > ctx.as_of:
        yield finding(Msg("{what} is approved on {approved}, after the description's as_of {as_of}", what=what,
                          approved=approved.isoformat(), as_of=ctx.as_of.isoformat()),
                      at=loc(approval, "approved"), element=element,
                      hint=Msg("correct `approved:`, or move `as_of:` in system.yaml to the date the description is as of"))


def _history(approval: Approval, element: str) -> Iterator[Finding]:
    first: dict[str, ApprovalRecord] = {}
    for record in (approval, *approval.history):
        if record.version is None:
            continue
        if record.version in first:
            earlier = first[record.version]
            yield finding(Msg("version '{version}' of the quality system is approved twice ({first} and {second})",
                              version=record.version, first=_day(earlier), second=_day(record)),
                          at=loc(record, "version"), element=element,
                          hint=Msg("give each approved version its own number, or remove the repeated approval"))
        else:
            first[record.version] = record
        if record is not approval and record.approved and approval.approved and record.approved >= approval.approved:
            yield finding(Msg("the earlier approval of version '{version}' is dated {day}, not before the approval in "
                              "force ({current})", version=record.version, day=record.approved.isoformat(),
                              current=approval.approved.isoformat()),
                          at=loc(record, "approved"), element=element,
                          hint=Msg("history: lists the approvals before the one in force; correct the date or the order"))


def _day(record: ApprovalRecord) -> str:
    return record.approved.isoformat() if record.approved else Msg("no date")


def _body(system: QualitySystem, record: ApprovalRecord) -> Iterator[Finding]:
    body = record.approved_by
    known = [r.id for r in system.roles] + [g.id for g in system.quality_groups] + [u.id for u in system.org_units]
    if body is None or body in known:
        return
    near = difflib.get_close_matches(body, known, n=1)
    hint = (Msg("did you mean '{id}'?", id=near[0]) if near else
            Msg("use the id of a role, a quality group or an organisation unit"))
    yield finding(Msg("the quality system is approved by '{body}', which is not a role, quality group or unit",
                      body=body),
                  at=loc(record, "approved_by"), element=system.system, hint=hint)
