"""A self-assessment was done within the last cycle and covered the whole provider.

Why: EQAVET asks for periodic self-evaluation, and the Act on VET (§126) that the provider
evaluates its education and other activities. The model shows it with a done evaluation of
``type: self_assessment`` within the review interval (12 months by default) before
``as_of``, whose scope, when it lists one, includes every education form, core process and
result area (tulosalue).

Fix: record the self-assessment under ``evaluations:`` with its date and scope; widen its
scope to the forms, processes and units it missed.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment, date: 2023-03-20}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-1, name: Itsearviointi, type: self_assessment, date: 2025-03-20}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, add_months, period_end
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import quoted
from qms.model import QualitySystem


def _joined(parts: list[Msg]) -> Msg:
    """``a; b; c`` (one to three parts) with each part said in the report's language."""
    return (Msg("{a}", a=parts[0]) if len(parts) == 1 else
            Msg("{a}; {b}", a=parts[0], b=parts[1]) if len(parts) == 2 else
            Msg("{a}; {b}; {c}", a=parts[0], b=parts[1], c=parts[2]))


@rule(code="Q501", name="self-evaluation", scope="system", default_severity="warning",
      criteria=["EQAVET-E1", "FI-LAW-1", "CAF-SA"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    done = [e for e in system.evaluations if e.type == "self_assessment" and e.status == "done"]
    if ctx.as_of is not None:
        since = add_months(ctx.as_of, -ctx.settings.review_interval_months)
        done = [e for e in done if (end := period_end(e.date)) is None or end >= since]
    if not done:
        months = ctx.settings.review_interval_months
        yield finding(Msg("the model records no self-assessment done in the {months} months before {day}",
                          months=months, day=ctx.as_of.isoformat() if ctx.as_of else "as_of"),
                      at=loc(system, "evaluations"),
                      hint=Msg("record the self-assessment under evaluations: (`type: self_assessment`, date, scope)"))
        return
    latest = max(done, key=lambda e: e.date or "")
    if not (latest.processes or latest.org_units or latest.education_forms):
        return  # no scope given: the whole provider
    gaps: list[Msg] = []
    forms = [f.id for f in system.education_forms if f.id not in latest.education_forms]
    if forms:
        gaps.append(Msg("education forms {forms}", forms=quoted(forms)))
    core = [p.process for p in system.processes if p.category == "core" and p.process not in latest.processes]
    if core:
        gaps.append(Msg("core processes {processes}", processes=quoted(core)))
    areas = [u.id for u in system.org_units if u.level == "tulosalue" and u.id not in latest.org_units]
    if areas:
        gaps.append(Msg("result areas {areas}", areas=quoted(areas)))
    if gaps:
        yield finding(Msg("self-assessment '{assessment}' does not cover {gaps}", assessment=latest.id,
                          gaps=_joined(gaps)), at=loc(latest),
                      element=latest.id, hint=Msg("widen its scope (education_forms:, processes:, org_units:)"))
