"""Every stakeholder states what it requires.

Why: ISO 9001 4.2 asks for the relevant requirements of the interested parties, not only
their names; the handbook lists them on the stakeholder page.

Fix: add ``requirements:`` with one line per requirement.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: opiskelija, name: Opiskelija, category: student}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: opiskelija, name: Opiskelija, category: student, requirements: [Henkilökohtainen opintopolku]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q302", name="stakeholder-requirements", scope="system", default_severity="warning",
      criteria=["ISO-4.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for s in system.stakeholders:
        if not s.requirements:
            yield finding(Msg("stakeholder '{stakeholder}' has no requirements", stakeholder=s.id), at=loc(s),
                          element=s.id, hint=Msg("add `requirements:`, what the stakeholder needs from the provider"))
