"""Students, staff and working life take part in evaluating quality.

Why: Karvi 2022 recommends a stronger role for staff and stakeholders, and EQAVET asks that
internal and external stakeholders are involved in evaluation. The model shows it in the
``participants:`` of the evaluations (self-assessments, reviews, audits, peer reviews).
Without such evaluations this rule is silent; ``self-evaluation`` reports that.

Fix: record the participant groups of the evaluations: ``participants: [management, staff,
student, working_life]``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment, participants: [management]}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment,
         participants: [management, staff, student, working_life]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, group_of
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import or_list
from qms.model import QualitySystem

TYPES = ("self_assessment", "management_review", "internal_audit", "peer_review")
_WORDS = {"student": Msg("students"), "staff": Msg("staff"), "working_life": Msg("working life")}


@rule(code="Q503", name="stakeholder-participation", scope="system", default_severity="warning",
      criteria=["FI-QMS-5"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    evaluations = [e for e in system.evaluations if e.type in TYPES]
    if not evaluations:
        return
    groups = {group_of(p) for e in evaluations for p in e.participants}
    missing = [w for g, w in _WORDS.items() if g not in groups]
    if missing:
        yield finding(Msg("no evaluation records {groups} among its participants", groups=or_list(missing)),
                      at=loc(system, "evaluations"),
                      hint=Msg("list the participant groups of the evaluations: `participants: [staff, student, working_life]`"))
