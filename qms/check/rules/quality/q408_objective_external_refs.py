"""The strategy's objectives refer to national or European goals.

Why: EQAVET asks that provider targets visibly reflect national and EU goals; a reference
such as "OKM performance-based funding" or "EQAVET indicator 5" on an objective shows the
link. Whether the link is relevant is for people to judge.

Fix: add ``external_refs:`` to the objectives that serve national or European goals.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    strategy:
      id: s
      name: Strategia
      objectives:
        - {id: O1, name: Opiskelija valmistuu}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    strategy:
      id: s
      name: Strategia
      objectives:
        - {id: O1, name: Opiskelija valmistuu, external_refs: [OKM:n suoritusrahoitus]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q408", name="objective-external-refs", scope="system", default_severity="info",
      criteria=["EQAVET-P1"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if system.strategy is None or not system.strategy.objectives:
        return
    if not any(o.external_refs for o in system.strategy.objectives):
        yield finding(Msg("no objective refers to a national or European goal"), at=loc(system.strategy),
                      hint=Msg("add `external_refs:` (e.g. an OKM funding goal or an EQAVET indicator) to the objectives"))
