"""A document of a process is controlled: version, approver, approval date, review not overdue.

Why: ISO 9001 7.5.3 asks that documented information is approved, identified by version
and kept current.

Fix: add ``version:``, ``approved_by:`` and ``approved:`` to the document; review it when
``review_due`` has passed. While the whole process's review is overdue, that finding
(``review-overdue``) stands for its documents too.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, documents: [lomake]}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> loppu]
    documents:
      - {id: lomake, name: Palautelomake, type: form}

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kysely, task: Kysely, documents: [lomake]}
      - {id: loppu, end: Loppu}
    flow: [alku -> kysely -> loppu]
    documents:
      - {id: lomake, name: Palautelomake, type: form, version: "2", approved_by: laatupaallikko, approved: 2025-08-01}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import none_of
from qms.model import Process

_FIELDS = (("version", Msg("version")), ("approved_by", Msg("approver")), ("approved", Msg("approval date")))


@rule(code="Q110", name="document-control", scope="process", default_severity="warning", criteria=["ISO-4.4.2"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    review = process.review
    # an overdue process review (review-overdue) covers the documents due with it
    process_overdue = bool(ctx.as_of and review and review.next_review and review.next_review < ctx.as_of)
    for doc in process.documents:
        missing = [label for key, label in _FIELDS if not getattr(doc, key)]
        if missing:
            yield finding(Msg("document '{document}' has no {missing}", document=doc.id, missing=none_of(missing)),
                          at=loc(doc), element=doc.id,
                          hint=Msg("add {keys}", keys=", ".join(f"`{k}:`" for k, label in _FIELDS if label in missing)))
        if ctx.as_of and doc.review_due and doc.review_due < ctx.as_of and not process_overdue:
            yield finding(Msg("the review of document '{document}' was due on {date}", document=doc.id,
                              date=doc.review_due.isoformat()),
                          at=loc(doc, "review_due"), element=doc.id,
                          hint=Msg("review the document and update version, approved and review_due"))
