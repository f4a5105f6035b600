"""A record is dated before the event it records.

Why: minutes approved before the meeting, a report published before its evaluation, evidence
dated before the audit that cites it: an evaluator reading such dates doubts every record.
The rule compares a document's ``approved`` with its ``event_date`` (the day of the meeting or
the end of the survey it records), an evaluation's ``published`` with its ``date``, and an
evidence record's ``date`` with the evaluations that cite it.

Fix: correct the date that is wrong.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    documents:
      - {id: muistio, name: Muistio 13.12.2012, type: record, event_date: 2012-12-13, approved: 2012-03-15}

**Good**::

    process: palaute
    name: Palaute
    category: core
    documents:
      - {id: muistio, name: Muistio 13.12.2012, type: record, event_date: 2012-12-13, approved: 2013-01-10}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from qms.check.context import Context, period_end
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q519", name="record-before-event", scope="system", default_severity="warning", criteria=["ISO-4.4.2"],
      standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    hint = Msg("correct the date that is wrong")
    for p in system.processes:
        for d in p.documents:
            if d.event_date and d.approved and d.approved < d.event_date:
                yield finding(Msg("document '{document}' is approved on {approved}, before the event it records "
                                  "({event})", document=d.id, approved=d.approved.isoformat(),
                                  event=d.event_date.isoformat()),
                              at=loc(d, "approved"), process=p.process, element=d.id, hint=hint)
    records = {r.id: r for r in system.evidence}
    for e in system.evaluations:
        start = period_end(str(e.date)) if e.date else None
        if start is None:
            continue
        if e.published and e.published < _first_day(str(e.date)):
            yield finding(Msg("evaluation '{evaluation}' is published on {published}, before it took place ({date})",
                              evaluation=e.id, published=e.published.isoformat(), date=str(e.date)),
                          at=loc(e, "published"), element=e.id, hint=hint)
        for rid in e.evidence:
            rec = records.get(rid)
            if rec and rec.date and rec.date < _first_day(str(e.date)):
                yield finding(Msg("evidence '{record}' is dated {day}, before the evaluation '{evaluation}' it "
                                  "documents ({date})", record=rid, day=rec.date.isoformat(), evaluation=e.id,
                                  date=str(e.date)),
                              at=loc(rec, "date"), element=rid, hint=hint)


def _first_day(when: str) -> dt.date:
    parts = [int(x) for x in when.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
