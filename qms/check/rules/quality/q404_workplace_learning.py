"""Learning at workplaces is within quality management.

Why: Karvi 2022 found workplace learning, working-life cooperation and partnerships the area
most in need of development. When an education form is (partly) learnt at a workplace
(apprenticeship, training agreement, or ``learning_environments`` with a workplace), a core
process must cover it, and feedback and a measure must reach the workplaces.

Fix: add the form to a core process's ``education_forms:``; add a feedback instrument whose
``target_groups`` include ``workplace_instructor`` or ``working_life_employer``, with a measure.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    education_forms:
      - {id: oppisopimus, name: Oppisopimus, kind: oppisopimuskoulutus, learning_environments: [tyopaikka]}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    education_forms:
      - {id: oppisopimus, name: Oppisopimus, kind: oppisopimuskoulutus, learning_environments: [tyopaikka]}
    feedback:
      - {id: FB-3, name: Työpaikkaohjaajakysely, target_groups: [workplace_instructor], measures: [M-OP-7]}
    measures:
      - {id: M-OP-7, name: Työpaikkaohjaajakyselyn keskiarvo, type: perception}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    education_forms: [oppisopimus]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context, group_of
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import EducationForm, QualitySystem

WORKPLACE = frozenset({"tyopaikka", "työpaikka", "workplace", "tyossaoppiminen"})
WORKPLACE_KINDS = frozenset({"oppisopimuskoulutus", "koulutussopimus", "oppisopimus"})


def at_workplace(form: EducationForm) -> bool:
    """True when the form is (partly) learnt at a workplace."""
    return bool(WORKPLACE & {e.lower() for e in form.learning_environments}) or (form.kind or "") in WORKPLACE_KINDS


@rule(code="Q404", name="workplace-learning", scope="system", default_severity="warning", criteria=["FI-QMS-6"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    forms = [f for f in system.education_forms if at_workplace(f)]
    if not forms:
        return
    covered = {f for p in system.processes if p.category == "core" for f in p.education_forms}
    for form in forms:
        if form.id not in covered:
            yield finding(Msg("no core process covers education form '{form}', which is learnt at workplaces",
                              form=form.id),
                          at=loc(form), element=form.id,
                          hint=Msg("add it to the `education_forms:` of the core process that organises it"))
    instruments = [fb for fb in system.feedback if any(group_of(t) == "working_life" for t in fb.target_groups)]
    if not instruments:
        yield finding(Msg("no feedback instrument reaches the workplaces where students learn"),
                      at=loc(system, "feedback"),
                      hint=Msg("add an instrument with `target_groups: [workplace_instructor]` (e.g. työpaikkaohjaajakysely)"))
    elif not any(fb.measures for fb in instruments):
        yield finding(Msg("no measure follows the feedback from workplaces"), at=loc(instruments[0]),
                      element=instruments[0].id, hint=Msg("link the instrument's measures with `measures:`"))
