"""The internal audit programme covers every process within the audit cycle.

Why: ISO 9001 9.2 asks for an internal audit programme at planned intervals. The programme
is the internal audits (done or planned) dated in the calendar years of the audit cycle
that ends with the ``as_of`` year (``audit_cycle_years``, 3 by default: 2024–2026 for
2026); together they must cover every process on the map, stubs included.

Fix: add internal audits under ``evaluations:`` (``type: internal_audit``, ``date:``,
``processes:``) until every process is in one.

**Bad**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-3, name: Auditointi, type: internal_audit, date: 2024-11, processes: [polku]}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-3, name: Auditointi, type: internal_audit, date: 2024-11, processes: [polku]}
      - {id: EA-5, name: Auditointi, type: internal_audit, date: 2026-10, status: planned, processes: [talous]}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, period_year
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q504", name="audit-programme", scope="system", default_severity="warning", criteria=["ISO-9.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    kinds = ("internal_audit", "peer_review") if ctx.settings.option("peer_review_counts") else ("internal_audit",)
    audits = [e for e in system.evaluations if e.type in kinds]
    years = ctx.settings.audit_cycle_years
    if ctx.as_of is not None:
        first = ctx.as_of.year - years + 1
        audits = [e for e in audits if (y := period_year(e.date)) is None or first <= y <= ctx.as_of.year]
        period = f"{first}–{ctx.as_of.year}"
    else:
        period = "the audit cycle"
    if not audits:
        peer = ctx.settings.option("peer_review_counts")
        yield finding(Msg("the model has no internal audit programme for {period}", period=period),
                      at=loc(system, "evaluations"),
                      hint=Msg("plan internal audits, or a peer audit with a partner provider, under evaluations: "
                               "(`type: internal_audit` or `peer_review`, date, processes)") if peer else
                      Msg("plan internal audits under evaluations: (`type: internal_audit`, date, processes)"))
        return
    covered = {pid for e in audits for pid in e.processes}
    outside = [p for p in system.processes if p.process not in covered]
    if outside:
        head = outside[0]
        yield finding(
            Msg("no internal audit of {period} covers {n} of {total} processes: {processes} (certification "
                "practice audits every process once per cycle)", period=period, n=len(outside),
                total=len(system.processes), processes=", ".join(p.process for p in outside)),
            at=loc(head, "process"), process=head.process if len(outside) == 1 else "",
            element=head.process if len(outside) == 1 else "",
            hint=Msg("add the processes to audits of the programme (`processes:`), the most important first"),
            data={"processes": [p.process for p in outside]})
