"""No improvement action is past its due date while still planned or ongoing.

Why: a development plan is followed up when late actions are noticed (Karvi; EQAVET review).
The due date is compared with the system's ``as_of``, never with the clock; actions that are
done, verified or cancelled are not late.

Fix: finish the action and set ``status: done`` (``verified`` after its effect is checked),
or agree a new ``due:`` date in the follow-up.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    development_plan:
      id: ks
      name: Kehittämissuunnitelma
      actions:
        - {id: KS-2025-03, name: Rekrytoinnin kuvauksen päivitys, due: 2025-11-30, status: ongoing}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    development_plan:
      id: ks
      name: Kehittämissuunnitelma
      actions:
        - {id: KS-2025-03, name: Rekrytoinnin kuvauksen päivitys, due: 2025-11-30, status: done}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

#: the open statuses as words in a message (the English is the status itself)
_STATUS = {"planned": Msg("planned"), "ongoing": Msg("ongoing")}


@rule(code="Q512", name="action-overdue", scope="system", default_severity="warning", criteria=["FI-QMS-11"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    if plan is None or ctx.as_of is None:
        return
    for a in plan.actions:
        if a.due and a.due < ctx.as_of and a.status in ("planned", "ongoing"):
            yield finding(Msg("action '{action}' was due on {date} and is still {status}", action=a.id,
                              date=a.due.isoformat(), status=_STATUS[a.status]),
                          at=loc(a, "due"), element=a.id,
                          hint=Msg("set `status: done` when finished, or agree a new `due:` date in the follow-up"))
