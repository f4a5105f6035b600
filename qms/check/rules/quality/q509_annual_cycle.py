"""The annual cycle (vuosikello) plans, does, checks and acts, and schedules evaluation.

Why: OPH and Karvi practice ties planning, follow-up, evaluation and review together in one
annual cycle; EQAVET's quality cycle has four phases. The processes governed by the cycle
rely on it.

Fix: add ``annual_cycle:`` with events in every PDCA phase (``pdca: plan|do|check|act``) and
at least one evaluation event (``kind: survey``, ``self_assessment``, ``audit`` or
``management_review``).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: suunnittelu, name: Toimintasuunnitelma, months: [10], pdca: plan}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    annual_cycle:
      name: Vuosikello
      events:
        - {id: suunnittelu, name: Toimintasuunnitelma, months: [10], pdca: plan}
        - {id: aloitus, name: Lukuvuoden aloitus, months: [8], pdca: do}
        - {id: palaute, name: Opiskelijapalaute, months: [12], kind: survey, pdca: check}
        - {id: katselmus, name: Johdon katselmus, months: [6], kind: management_review, pdca: act}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import and_no
from qms.model import QualitySystem

PHASES = ("plan", "do", "check", "act")
EVALUATION_KINDS = frozenset({"survey", "self_assessment", "audit", "management_review", "evaluation"})


@rule(code="Q509", name="annual-cycle", scope="system", default_severity="warning", criteria=["FI-QMS-10"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    cycle = system.annual_cycle
    if cycle is None or not cycle.events:
        yield finding(Msg("the model has no annual cycle (vuosikello)"), at=loc(system, "annual_cycle"),
                      hint=Msg("add `annual_cycle:` with its events by month"))
        return
    present = {e.pdca for e in cycle.events if e.pdca}
    missing = [p for p in PHASES if p not in present]
    if missing:
        yield finding(Msg("the annual cycle has no {phases} event", phases=and_no(missing)), at=loc(cycle),
                      hint=Msg("tag the events with their PDCA phase (`pdca:`) and add the missing ones"))
    if not any(EVALUATION_KINDS & set(e.kind) for e in cycle.events):
        yield finding(Msg("the annual cycle schedules no evaluation (survey, self-assessment, audit or review)"),
                      at=loc(cycle), hint=Msg("add the evaluation events with their `kind:`"))
