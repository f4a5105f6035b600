"""Responsibilities for quality management are allocated: QMS owner, quality role, quality group.

Why: the provider carries the responsibility for quality (Act on VET §126) and EQAVET asks
that responsibilities for quality management are explicitly allocated: a top-management
owner of the quality system (``qms_owner: true``), a role with quality-management
responsibility (``qm_responsibility: true``), and a quality group (laaturyhmä) with members
and a mandate.

Fix: mark the roles in ``roles:`` and describe the group under ``quality_groups:``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles:
      - {id: rehtori, name: Rehtori}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles:
      - {id: rehtori, name: Rehtori, qms_owner: true}
      - {id: laatuvastaava, name: Laatuvastaava, qm_responsibility: true}
    quality_groups:
      - {id: laaturyhma, name: Laaturyhmä, chair: laatuvastaava, members: [Rehtori, Opiskelija],
         mandate: [Vuosikello, Itsearviointi]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q401", name="qm-responsibilities", scope="system", default_severity="warning",
      criteria=["EQAVET-P4", "FI-LAW-2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not any(r.qms_owner for r in system.roles):
        yield finding("no role is marked as the owner of the quality system", at=loc(system, "roles"),
                      hint="mark the top-management role with `qms_owner: true`")
    if not any(r.qm_responsibility for r in system.roles):
        yield finding("no role is marked with quality-management responsibility", at=loc(system, "roles"),
                      hint="mark the quality manager's role with `qm_responsibility: true`")
    if not system.quality_groups:
        yield finding("the model describes no quality group", at=loc(system, "roles"),
                      hint="describe the laaturyhmä under `quality_groups:` with members and mandate")
    for g in system.quality_groups:
        for field, what in (("members", "members"), ("mandate", "mandate")):
            if not getattr(g, field):
                yield finding(f"quality group '{g.id}' has no {what}", at=loc(g), element=g.id,
                              hint=f"add `{field}:`")
