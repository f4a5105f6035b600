"""The provider records a maturity self-assessment of its quality management.

Why: Karvi's 2021–22 evaluation asked providers to self-assess their quality management per
area on a four-level scale (puuttuva, alkava, kehittyvä, edistynyt), with evidence. The model
holds the provider's own levels; the toolkit never computes one.

Fix: add ``self_assessment:`` with the framework, date, participants and one item per area.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}

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
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q514", name="maturity-self-assessment", scope="system", default_severity="info",
      criteria=["FI-QMS-12"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if system.self_assessment is None or not system.self_assessment.items:
        yield finding("the model records no maturity self-assessment", at=loc(system, "system"),
                      hint="add `self_assessment:` with the provider's own level and evidence per area")
