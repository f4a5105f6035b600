"""A development plan based on evaluation findings covers today and is followed up.

Why: Karvi and EQAVET expect a quality-management development plan
(kehittämissuunnitelma) whose actions come from evaluation findings, each with an owner and
a due date, followed up in the annual cycle; it is also how the provider shows its
responsibility for continuous improvement (Act on VET §126).

Fix: add ``development_plan:`` with ``start``/``end``, ``follow_up:`` events, ``findings:``
and ``actions:`` (each with findings, owner, due, status).

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    development_plan:
      id: ks
      name: Kehittämissuunnitelma
      start: 2022-01-01
      end: 2024-12-31
      actions:
        - {id: KS-1, name: Mittaristo}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    roles: [{id: laatupaallikko, name: Laatupäällikkö}]
    annual_cycle:
      name: Vuosikello
      events: [{id: seuranta, name: Seuranta, months: [1], pdca: act}]
    development_plan:
      id: ks
      name: Kehittämissuunnitelma
      start: 2025-01-01
      end: 2027-12-31
      follow_up: [seuranta]
      findings: [{id: F-1, name: Mittaristo puuttuu}]
      actions:
        - {id: KS-1, name: Mittaristo, findings: [F-1], owner: laatupaallikko, due: 2026-12-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.rule import rule
from qms.model import QualitySystem

_ACTION_FIELDS = (("findings", "finding it is based on"), ("owner", "owner"), ("due", "due date"))


@rule(code="Q511", name="development-plan", scope="system", default_severity="warning",
      criteria=["FI-QMS-11"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    if plan is None:
        yield finding("the model has no development plan", at=loc(system, "system"),
                      hint="add `development_plan:` with its period, findings, actions and follow-up")
        return
    if plan.start is None or plan.end is None:
        yield finding(f"development plan '{plan.id}' has no period", at=loc(plan), element=plan.id,
                      hint="add `start:` and `end:`")
    elif ctx.as_of and not plan.start <= ctx.as_of <= plan.end:
        yield finding(f"the period of development plan '{plan.id}' ({plan.start.isoformat()} – {plan.end.isoformat()}) "
                      f"does not cover {ctx.as_of.isoformat()}", at=loc(plan, "end"), element=plan.id,
                      hint="adopt the plan of the current period, or extend its `end:`")
    if not plan.follow_up:
        yield finding(f"development plan '{plan.id}' is not followed up in the annual cycle", at=loc(plan),
                      element=plan.id, hint="name the follow-up events of the vuosikello under `follow_up:`")
    if not plan.actions:
        yield finding(f"development plan '{plan.id}' has no actions", at=loc(plan), element=plan.id,
                      hint="add the improvement actions under `actions:`")
    for a in plan.actions:
        missing = [label for key, label in _ACTION_FIELDS if not getattr(a, key)]
        if missing:
            yield finding(f"action '{a.id}' has no {', no '.join(missing)}", at=loc(a), element=a.id,
                          hint="add " + ", ".join(f"`{k}:`" for k, label in _ACTION_FIELDS if label in missing))
