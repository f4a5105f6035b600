"""An action marked effective shows no effect on the measure it was to move.

Why: ISO 9001 10.2.1 d and EQAVET's review phase ask whether corrective action worked. An
action with ``status: verified`` (its effect checked) and an ``effect_measure:`` is effective
only when that measure has a result after the action that is better than the last one before
it. An action that is only ``done`` claims no effect yet and is not held to one.

Fix: record the measure's result after the action, or set the action back to ``done``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Vastausaste, target: ">= 60 %", results: [{period: "2023", value: 40}, {period: "2025", value: 40}]}
    development_plan:
      id: KS
      name: Kehittämissuunnitelma
      actions:
        - {id: A-1, name: Muistutukset, status: verified, due: 2024-06-30, verified: 2025-09-30, effect_measure: M-1}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Vastausaste, target: ">= 60 %", results: [{period: "2023", value: 40}, {period: "2025", value: 55}]}
    development_plan:
      id: KS
      name: Kehittämissuunnitelma
      actions:
        - {id: A-1, name: Muistutukset, status: verified, due: 2024-06-30, verified: 2025-09-30, effect_measure: M-1}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, period_year
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.targets import parse_number, parse_target
from qms.model import QualitySystem


@rule(code="Q518", name="action-effect", scope="system", default_severity="warning", criteria=["FI-QMS-11"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    for a in plan.actions if plan else []:
        if a.status != "verified" or not a.effect_measure:
            continue
        _, m = ctx.measures.get(a.effect_measure, (None, None))
        when = a.due or a.verified
        if m is None or when is None:
            continue
        values = sorted((year, n[0]) for r in m.results
                        if (year := period_year(r.period)) is not None and (n := parse_number(r.value)) is not None)
        before = [v for y, v in values if y <= when.year - (1 if when.month < 7 else 0)]
        after = [v for y, v in values if y > when.year - (1 if when.month < 7 else 0)]
        target = parse_target(m.target)
        lower_is_better = target is not None and target.op in ("<", "<=")
        if not after:
            text = Msg("action '{action}' is marked {status}, but measure '{measure}' has no result after it",
                       action=a.id, status=a.status, measure=m.id)
        elif before and not (after[-1] < before[-1] if lower_is_better else after[-1] > before[-1]):
            text = Msg("action '{action}' is marked {status}, but measure '{measure}' shows no change "
                       "({old:g} before, {new:g} after)", action=a.id, status=a.status, measure=m.id,
                       old=before[-1], new=after[-1])
        else:
            continue
        yield finding(text, at=loc(a, "status"), element=a.id,
                      hint=Msg("record the measure's result after the action, or set the action back to `status: done`"))
