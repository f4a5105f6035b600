"""Each described process is improved, or its last review found nothing to improve.

Why: ISO 9001 4.4.1 h asks that processes are improved. The model shows it when an action of
the development plan concerns the process (directly, through a finding, or through a measure
of the process), or when the process's last review records its outcome ("ei
kehittämistarpeita").

Fix: link the improvement action to the process (``processes: [id]``), or record the outcome
of the last review in ``review: {outcome: ...}``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/talous.yaml
    process: talous
    name: Talousarvio
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/talous.yaml
    process: talous
    name: Talousarvio
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    review: {version: 3, approved: 2026-01-15, next_review: 2027-01-15, outcome: Ei kehittämistarpeita}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q116", name="process-improvement", scope="system", default_severity="warning", criteria=["ISO-4.4-h"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for p in ctx.described:
        if ctx.actions_by_process.get(p.process) or (p.review and p.review.outcome):
            continue
        yield finding(Msg("no improvement action concerns process '{process}' and its review records no outcome",
                          process=p.process),
                      at=loc(p, "process"), process=p.process, element=p.process,
                      hint=Msg("link an action of the development plan to it (`processes: [...]`), "
                               "or record the review's outcome (`review: {outcome: ...}`)"))
