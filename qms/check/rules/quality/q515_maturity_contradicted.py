"""A self-assessed level is contradicted by the measures it cites.

Why: an evaluator first challenges a level the provider's own data contradicts. An item
rated ``kehittynyt`` or ``edistynyt`` that cites a measure (``measures:``) whose results up to
the assessment missed the target rests on nothing: a Karvi panel would lower it. Only results
of periods that had ended by the self-assessment's date count; a later result could not have
been known.

Fix: lower the level, or cite the data that does carry it; add the improvement action.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    self_assessment:
      framework: Karvi-2022
      date: 2025-03-20
      items:
        - {id: SA-2, area: Opiskelijan polku, level: edistynyt, measures: [M-1], evidence: [EV-1]}
    evidence:
      - {id: EV-1, kind: other, title: Raportti}
    measures:
      - id: M-1
        name: HOKS ajallaan
        target: ">= 95 %"
        results: [{period: "2023", value: 88}, {period: "2024", value: 93}]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    self_assessment:
      framework: Karvi-2022
      date: 2025-03-20
      items:
        - {id: SA-2, area: Opiskelijan polku, level: alkava, measures: [M-1], evidence: [EV-1]}
    evidence:
      - {id: EV-1, kind: other, title: Raportti}
    measures:
      - id: M-1
        name: HOKS ajallaan
        target: ">= 95 %"
        results: [{period: "2023", value: 88}, {period: "2024", value: 93}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from qms.check.context import Context, period_end, period_year
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.targets import Target, parse_number, parse_target
from qms.model import QualitySystem

HIGH = ("kehittynyt", "edistynyt")


@rule(code="Q515", name="maturity-contradicted", scope="system", default_severity="warning", criteria=["FI-QMS-12"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    sa = system.self_assessment
    if sa is None:
        return
    for item in sa.items:
        if item.level not in HIGH:
            continue
        for mid in item.measures:
            _, m = ctx.measures.get(mid, (None, None))
            target = parse_target(m.target) if m else None
            if m is None or target is None:
                continue
            missed = [r for r in m.results if _known(r.period, sa.date) and _missed(target, r.value)]
            if missed:
                periods = ", ".join(r.period for r in missed)
                yield finding(
                    Msg("item '{item}' is self-assessed '{level}', but measure '{measure}' it cites missed its target "
                        "{target} in {periods}", item=item.id, level=item.level, measure=m.id,
                        target=str(m.target).strip(), periods=periods),
                    at=loc(item, "level"), element=item.id,
                    hint=Msg("lower the level, or cite the data that carries it, and plan the improvement"))


def _missed(target: Target, value: float | str) -> bool:
    number = parse_number(value)
    return number is not None and not target.met_by(number[0])


def _known(period: str, assessed: dt.date | None) -> bool:
    """True when ``period`` (``2024``, ``2024-11``) had ended by the assessment."""
    year = period_year(period)
    if year is None:
        return False
    end = period_end(period) if len(period) in (4, 7, 10) and period[:4].isdigit() and "-Q" not in period \
        else dt.date(year, 12, 31)
    return assessed is None or (end is not None and end <= assessed)
