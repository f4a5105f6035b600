"""A weakness leads to no improvement action with an owner and a due date.

Why: "do evaluation results lead to development?" is Karvi's central question. A
self-assessment item rated ``puuttuva`` or ``alkava``, and an evaluation finding that is an
area for improvement or a nonconformity, must each be named by an action of the
development plan (``findings:`` of the action) that has an ``owner:`` and a ``due:`` date.

Fix: add the action, or name the weakness in an existing action's ``findings:``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles:
      - {id: laatu, name: Laatupäällikkö}
    self_assessment:
      framework: Karvi-2022
      items:
        - {id: SA-5, area: Ennakointi, level: alkava}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles:
      - {id: laatu, name: Laatupäällikkö}
    self_assessment:
      framework: Karvi-2022
      items:
        - {id: SA-5, area: Ennakointi, level: alkava}
    development_plan:
      id: KS
      name: Kehittämissuunnitelma
      actions:
        - {id: A-1, name: Ennakoinnin vaikutus näkyviin, findings: [SA-5], owner: laatu, due: 2026-12-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

LOW = ("puuttuva", "alkava")
WEAK = {"improvement_area": Msg("improvement area"), "nonconformity": Msg("nonconformity")}


@rule(code="Q517", name="weakness-without-action", scope="system", default_severity="warning",
      criteria=["FI-QMS-11"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    actions = plan.actions if plan else []
    addressed = {fid for a in actions if a.owner and a.due and a.status != "cancelled" for fid in a.findings}
    for item in system.self_assessment.items if system.self_assessment else []:
        if item.level in LOW and item.id not in addressed:
            yield finding(
                Msg("self-assessment item '{item}' is rated '{level}', but no action with an owner and a due date "
                    "names it", item=item.id, level=item.level),
                at=loc(item, "level"), element=item.id,
                hint=Msg("add an action to development_plan.actions with `findings: [{item}]`, `owner:` and `due:`",
                         item=item.id))
    for f in plan.findings if plan else []:
        if f.kind in WEAK and f.id not in addressed:
            yield finding(
                Msg("finding '{finding}' ({kind}) leads to no action with an owner and a due date",
                    finding=f.id, kind=WEAK[f.kind]),
                at=loc(f), element=f.id,
                hint=Msg("add an action with `findings: [{finding}]`, `owner:` and `due:`", finding=f.id))
