"""Responsibilities for quality management are allocated: a QMS owner and a quality role.

Why: the provider carries the responsibility for quality (531/2017 126 §) and EQAVET asks
that responsibilities for quality management are explicitly allocated: a top-management
owner of the quality system (``qms_owner: true``) and a role with quality-management
responsibility (``qm_responsibility: true``). Neither the law nor EQAVET asks for a quality
group; when the model describes one (laaturyhmä), it needs members and a mandate.

Fix: mark the roles in ``roles:``; give a described quality group ``members:`` and ``mandate:``.

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
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q401", name="qm-responsibilities", scope="system", default_severity="warning",
      criteria=["EQAVET-P4", "FI-LAW-2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not any(r.qms_owner for r in system.roles):
        yield finding(Msg("no role is marked as the owner of the quality system"), at=loc(system, "roles"),
                      hint=Msg("mark the top-management role with `qms_owner: true`"))
    if not any(r.qm_responsibility for r in system.roles):
        yield finding(Msg("no role is marked with quality-management responsibility"), at=loc(system, "roles"),
                      hint=Msg("mark the quality manager's role with `qm_responsibility: true`"), criteria=["EQAVET-P4"])
    for g in system.quality_groups:
        for field in ("members", "mandate"):
            if not getattr(g, field):
                yield finding(Msg("quality group '{group}' has no members", group=g.id) if field == "members" else
                              Msg("quality group '{group}' has no mandate", group=g.id), at=loc(g), element=g.id,
                              hint=Msg("add `{field}:`", field=field))
