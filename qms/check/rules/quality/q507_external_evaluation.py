"""The provider has a record of a recent external evaluation.

Why: the Act on VET (§126) asks the provider to take part regularly in external evaluation
(Karvi's evaluations of quality management, audits, certifications). Only a record can show
it: an evidence record of kind ``external_evaluation_report``, dated within twice the audit
cycle (six years by default).

Fix: add the report under ``evidence:`` (``kind: external_evaluation_report``, title, date, uri).

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evidence:
      - {id: EV-01, kind: external_evaluation_report, title: Karvin arviointi 2022, date: 2022-05-03,
         criteria: [FI-LAW-3]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.versions import applied_versions
from qms.model import QualitySystem


@rule(code="Q507", name="external-evaluation", scope="system", default_severity="warning", criteria=["FI-LAW-3"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    law = applied_versions(system, ctx.as_of)["FI-LAW"]
    if law.version is None or law.version.id != "531/2017":
        return  # before 2018 no national external evaluation of a provider's quality system was required
    kinds = ["external_evaluation_report"] + (["peer_review_report"] if ctx.settings.option("peer_review_counts") else [])
    records = [r for r in system.evidence if r.kind in kinds]
    if not records:
        yield finding(Msg("the model has no record of an external evaluation"), at=loc(system, "evidence"),
                      hint=Msg("add the latest external evaluation report under evidence: "
                               "(`kind: external_evaluation_report`)"))
        return
    since = ctx.years_before(2 * ctx.settings.audit_cycle_years)
    dated = [r.date for r in records if r.date]
    if since is not None and dated and max(dated) < since:
        yield finding(Msg("the latest external evaluation record is from {day}", day=max(dated).isoformat()),
                      at=loc(system, "evidence"),
                      hint=Msg("add the report of a more recent external evaluation, or plan one"))
