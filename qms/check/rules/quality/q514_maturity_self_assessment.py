"""A self-evaluation was done, but its levels are not recorded.

Why: Karvi's evaluation asks providers to self-assess their quality management per area on a
four-level scale (puuttuva, alkava, kehittynyt, edistynyt), with evidence. When the model
records a self-evaluation (``evaluations:`` of ``type: self_assessment``) but no levels, the
result of that work is missing; when no self-evaluation is recorded at all, Q501 says so and
this rule stays silent (one fact, one finding). The toolkit never computes a level.

Fix: add ``self_assessment:`` with the framework, date, participants and one item per area.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: IA-1, name: Itsearviointi, type: self_assessment, date: 2025-03}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    self_assessment:
      framework: Karvi-2022
      date: 2025-03-20
      items:
        - {id: SA-1, area: Johtaminen ja laadunhallinta, level: alkava}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q514", name="maturity-self-assessment", scope="system", default_severity="info",
      criteria=["FI-QMS-12"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    evaluated = any(e.type == "self_assessment" for e in system.evaluations)
    if evaluated and (system.self_assessment is None or not system.self_assessment.items):
        yield finding(Msg("a self-evaluation is recorded, but not the levels it gave"), at=loc(system, "system"),
                      hint=Msg("add `self_assessment:` with the provider's own level and evidence per area"))
