"""Every stakeholder has a review date that has not passed.

Why: ISO 9001 4.2 asks that interested parties and their requirements are monitored and
reviewed; the review date says when the quality team next checks that the requirements still
hold.

Fix: add ``review_date: YYYY-MM-DD`` to the stakeholder; after the review move it forward.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: neuvottelukunta, name: Neuvottelukunta, category: advisory_board, requirements: [Vertailukelpoiset tulokset]}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: neuvottelukunta, name: Neuvottelukunta, category: advisory_board, requirements: [Vertailukelpoiset tulokset],
         review_date: 2026-12-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q301", name="stakeholder-review", scope="system", default_severity="warning", criteria=["ISO-4.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for s in system.stakeholders:
        if s.review_date is None:
            yield finding(Msg("stakeholder '{stakeholder}' has no review date", stakeholder=s.id), at=loc(s), element=s.id,
                          hint=Msg("add `review_date:`, when its requirements are next reviewed"))
        elif ctx.as_of and s.review_date < ctx.as_of:
            yield finding(Msg("the review of stakeholder '{stakeholder}' was due on {date}", stakeholder=s.id,
                              date=s.review_date.isoformat()),
                          at=loc(s, "review_date"), element=s.id,
                          hint=Msg("review its requirements and move `review_date:` forward"))
