"""The measures include how students and staff perceive the provider.

Why: EQAVET's evaluation criterion covers learner satisfaction and staff satisfaction or
performance. A perception measure asks a group when its ``stakeholder_group`` says so, or when
a feedback instrument targeting the group produces it.

Fix: add a perception measure (``type: perception``) for the missing group, e.g. a staff
survey item with ``stakeholder_group: staff``, and the instrument that collects it.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Opiskelijatyytyväisyys, type: perception, stakeholder_group: student}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Opiskelijatyytyväisyys, type: perception, stakeholder_group: student}
      - {id: M-2, name: Henkilöstökysely, type: perception, stakeholder_group: staff}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

_GROUPS = (
    ("student", Msg("no perception measure asks students"),
     Msg("add a `type: perception` measure for students, e.g. student feedback such as Amispalaute")),
    ("staff", Msg("no perception measure asks staff"),
     Msg("add a `type: perception` measure for staff, e.g. a staff survey item with `stakeholder_group: staff`")),
)


@rule(code="Q204", name="perception-measures", scope="system", default_severity="warning", criteria=["EQAVET-E2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    asked: set[str] = set()
    for _, m in system.all_measures():
        if m.type == "perception":
            asked |= ctx.groups_of_measure(m)
    for group, message, hint in _GROUPS:
        if group not in asked:
            yield finding(message, at=loc(system, "measures"), hint=hint)
