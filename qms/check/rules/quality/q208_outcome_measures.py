"""The effectiveness of every education form is measured by an outcome measure.

Why: the Act on VET (§126) asks the provider to evaluate the quality *and effectiveness* of
its education; EQAVET asks that evaluation covers outcomes. An outcome measure (``type:
outcome``: completion, employment, further studies) covers a form when it names the form, or
belongs to a process that applies to it. Preparatory training (TUVA, VALMA, TELMA) and
labour-market training have outcomes of their own, a move on to a degree programme or into
work: a degree-completion measure of a shared process does not show them, so a measure must
name them.

Fix: add an outcome measure, or list the forms it covers (``education_forms:`` on the
measure or its process).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    education_forms:
      - {id: perustutkinto, name: Perustutkinto}
    measures:
      - {id: M-1, name: Tyytyväisyys, type: perception}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    education_forms:
      - {id: perustutkinto, name: Perustutkinto}
    measures:
      - {id: M-1, name: Läpäisy, type: outcome, education_forms: [perustutkinto]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

#: Forms whose outcome is not a degree: preparatory training (TUVA, VALMA, TELMA) leads on to a
#: degree programme, labour-market training to employment. A degree-completion measure of a
#: process that also serves them does not show their outcome; a measure must name them.
OWN_OUTCOME: tuple[str, ...] = ("tuva", "valma", "telma", "valmentava", "tyovoima")


def _own_outcome(form_id: str, kind: str | None) -> bool:
    text = f"{form_id} {kind or ''}".lower()
    return any(word in text for word in OWN_OUTCOME)


@rule(code="Q208", name="outcome-measures", scope="system", default_severity="warning",
      criteria=["FI-LAW-1", "EQAVET-E2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    outcome = [(p, m) for p, m in system.all_measures() if m.type == "outcome"]
    if not outcome:
        yield finding(Msg("no measure tracks outcomes (effectiveness)"), at=loc(system, "measures"),
                      hint=Msg("add a `type: outcome` measure such as completion or employment after graduation"))
        return
    covered: set[str] = set()
    for holder, m in outcome:
        covered.update(m.education_forms)
        for pid in ctx.measure_processes(m.id) | ({holder.process} if holder else set()):
            p = ctx.processes.get(pid)
            if p is not None:
                covered.update(p.education_forms)
    own = {f.id for f in system.education_forms if _own_outcome(f.id, f.kind)}
    covered -= own - {f for _, m in outcome for f in m.education_forms}
    for form in system.education_forms:
        if form.id not in covered:
            yield finding(Msg("no outcome measure covers education form '{form}'", form=form.id), at=loc(form),
                          element=form.id,
                          hint=Msg("link an outcome measure to the form (`education_forms:` on the measure or its process)"))
