"""A self-assessed maturity level of *kehittyvä* or *edistynyt* names its evidence.

Why: in Karvi's model a level is backed by evidence; a level above *alkava* without any
evidence record is a claim nobody can check. The toolkit never computes a level itself, it
only asks for the evidence.

Fix: list the evidence records behind the level: ``evidence: [EV-04, EV-05]``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    self_assessment:
      framework: Karvi-2022
      items:
        - {id: SA-4, area: Henkilöstön osaaminen, level: kehittynyt}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    self_assessment:
      framework: Karvi-2022
      items:
        - {id: SA-4, area: Henkilöstön osaaminen, level: kehittynyt, evidence: [EV-06]}
    evidence:
      - {id: EV-06, kind: survey_report, title: Henkilöstökysely 2025}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

_LEVELS = ("kehittynyt", "edistynyt")


@rule(code="Q513", name="maturity-evidence", scope="system", default_severity="warning", criteria=["FI-QMS-12"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if system.self_assessment is None:
        return
    for item in system.self_assessment.items:
        if item.level in _LEVELS and not item.evidence:
            yield finding(Msg("self-assessed level '{level}' of '{item}' names no evidence", level=item.level,
                              item=item.id),
                          at=loc(item, "level"), element=item.id,
                          hint=Msg("list the evidence records behind the level: `evidence: [...]`"))
