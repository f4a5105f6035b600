"""Feedback from students and working life is collected and feeds the core processes.

Why: customer orientation means that the customers' perception is monitored and used: the
system has feedback instruments for students and for working life at least, and every
described core process is fed by one (``feeds:``) (quality strategy goal 2; ISO 9001 9.1.2).

Fix: add the missing instrument under ``feedback:`` with its ``target_groups:``, or add the
core process to an instrument's ``feeds:``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    feedback:
      - {id: FB-1, name: Opiskelijapalaute, target_groups: [student], feeds: []}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    feedback:
      - {id: FB-1, name: Opiskelijapalaute, target_groups: [student], feeds: [polku]}
      - {id: FB-2, name: Työpaikkakysely, target_groups: [working_life_employer], feeds: [polku]}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, group_of
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q305", name="customer-feedback", scope="system", default_severity="warning", criteria=["FI-QMS-3"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    groups = {group_of(t) for fb in system.feedback for t in fb.target_groups}
    for group, message, hint in (
        ("student", Msg("the model has no feedback instrument for students"),
         Msg("add an instrument under feedback: with target_groups for students")),
        ("working_life", Msg("the model has no feedback instrument for working life"),
         Msg("add an instrument under feedback: with target_groups for working life")),
    ):
        if group not in groups:
            yield finding(message, at=loc(system, "feedback"), hint=hint)
    fed = {pid for fb in system.feedback for pid in fb.feeds}
    for p in ctx.described:
        if p.category == "core" and p.process not in fed:
            yield finding(Msg("no feedback instrument feeds core process '{process}'", process=p.process),
                          at=loc(p, "process"),
                          process=p.process, element=p.process,
                          hint=Msg("add '{process}' to the `feeds:` of the instrument whose results it uses", process=p.process))
