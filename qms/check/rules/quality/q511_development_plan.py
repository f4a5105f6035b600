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
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import none_of
from qms.model import QualitySystem

_ACTION_FIELDS = (("findings", Msg("finding it is based on")), ("owner", Msg("owner")), ("due", Msg("due date")))


@rule(code="Q511", name="development-plan", scope="system", default_severity="warning",
      criteria=["FI-QMS-11"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    if plan is None:
        yield finding(Msg("the model has no development plan"), at=loc(system, "system"),
                      hint=Msg("add `development_plan:` with its period, findings, actions and follow-up"))
        return
    if plan.start is None or plan.end is None:
        yield finding(Msg("development plan '{plan}' has no period", plan=plan.id), at=loc(plan), element=plan.id,
                      hint=Msg("add `start:` and `end:`"))
    elif ctx.as_of and not plan.start <= ctx.as_of <= plan.end:
        yield finding(Msg("the period of development plan '{plan}' ({start} – {end}) does not cover {date}",
                          plan=plan.id, start=plan.start.isoformat(), end=plan.end.isoformat(),
                          date=ctx.as_of.isoformat()),
                      at=loc(plan, "end"), element=plan.id,
                      hint=Msg("adopt the plan of the current period, or extend its `end:`"))
    if not plan.follow_up:
        yield finding(Msg("development plan '{plan}' is not followed up in the annual cycle", plan=plan.id),
                      at=loc(plan), element=plan.id,
                      hint=Msg("name the follow-up events of the vuosikello under `follow_up:`"))
    if not plan.actions:
        yield finding(Msg("development plan '{plan}' has no actions", plan=plan.id), at=loc(plan), element=plan.id,
                      hint=Msg("add the improvement actions under `actions:`"))
    for a in plan.actions:
        missing = [label for key, label in _ACTION_FIELDS if not getattr(a, key)]
        if missing:
            yield finding(Msg("action '{action}' has no {missing}", action=a.id, missing=none_of(missing)),
                          at=loc(a), element=a.id,
                          hint=Msg("add {keys}",
                                   keys=", ".join(f"`{k}:`" for k, label in _ACTION_FIELDS if label in missing)))
