"""No described process assures the quality of competence assessment (skills demonstrations).

Why: awarding qualifications is a Karvi evaluation area of its own: two assessors, the
rectification route, the working-life committee's oversight (531/2017), before 2018 the
skills-demonstration bodies. A process tagged ``competence_assessment`` with steps, and a
measure of it, show how the provider assures it. A tag on a stub shows nothing.

Fix: describe the process and tag it ``competence_assessment``; give it a measure (e.g. the
share of rectification requests, assessor training).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/arviointi.yaml
    process: arviointi
    name: Osaamisen arviointi
    category: core
    tags: [competence_assessment]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/arviointi.yaml
    process: arviointi
    name: Osaamisen arviointi
    category: core
    tags: [competence_assessment]
    steps:
      - {id: alku, start: Näyttö sovittu}
      - {id: arviointi, task: Kaksi arvioijaa arvioi}
      - {id: loppu, end: Arviointi kirjattu}
    flow: [alku -> arviointi -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q411", name="competence-assessment", scope="system", default_severity="warning", criteria=["FI-QMS-16"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not any("competence_assessment" in p.tags for p in ctx.described):
        yield finding(Msg("no described process assures the quality of competence assessment"),
                      at=loc(system, "architecture"),
                      hint=Msg("describe the process (steps and flow) with `tags: [competence_assessment]` and give "
                               "it a measure; a stub does not show it"))
