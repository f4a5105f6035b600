"""The annual cycle communicates results to staff and stakeholders.

Why: Karvi 2022 recommends communicating results more, internally and externally. The model
shows it with an annual-cycle event of ``kind: communication`` (or ``reporting``) that names
its ``audience:``.

Fix: add the event (e.g. results to staff and on the website in June) with its audience.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: tiedotus, name: Tulokset verkkosivuille, months: [6], kind: communication}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: tiedotus, name: Tulokset verkkosivuille, months: [6], kind: communication,
           audience: [staff, student, public]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

KINDS = frozenset({"communication", "reporting"})


@rule(code="Q510", name="results-communicated", scope="system", default_severity="warning", criteria=["FI-QMS-9"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    events = [e for e in (system.annual_cycle.events if system.annual_cycle else []) if KINDS & set(e.kind)]
    if not events:
        yield finding(Msg("the annual cycle has no event that communicates results"), at=loc(system, "annual_cycle"),
                      hint=Msg("add an event with `kind: communication` and its `audience:`"))
    elif not any(e.audience for e in events):
        yield finding(Msg("no communication event names its audience (e.g. '{event}')", event=events[0].id),
                      at=loc(events[0]), element=events[0].id,
                      hint=Msg("add `audience:` (staff, student, working_life, public …)"))
