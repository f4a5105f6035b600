"""The quality system covers every organisation unit and every education form.

Why: OPH and Karvi expect a quality system that covers *all* of the provider's functions:
every unit at every level is named by some process (``org_units:``), and every education form
of the licence by some core process (``education_forms:``) (FI-QMS-1, ISO 9001 4.3).

Fix: add the unit to the ``org_units:`` of the processes that run in it, and the form to the
``education_forms:`` of the core processes that provide it.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    org_units:
      - {id: demo, name: Demo, level: jarjestaja}
      - {id: tiimi, name: Tiimi, level: tiimi, parent: demo}
    education_forms:
      - {id: oppisopimus, name: Oppisopimus}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    org_units: [demo]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    org_units:
      - {id: demo, name: Demo, level: jarjestaja}
      - {id: tiimi, name: Tiimi, level: tiimi, parent: demo}
    education_forms:
      - {id: oppisopimus, name: Oppisopimus}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    org_units: [demo, tiimi]
    education_forms: [oppisopimus]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q403", name="scope-coverage", scope="system", default_severity="warning", criteria=["FI-QMS-1"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    units = {u for p in system.processes for u in p.org_units}
    for u in system.org_units:
        if u.id not in units:
            yield finding(Msg("no process covers organisation unit '{unit}'", unit=u.id), at=loc(u), element=u.id,
                          hint=Msg("add it to the `org_units:` of the processes that run in it"))
    forms = {f for p in system.processes if p.category == "core" for f in p.education_forms}
    for form in system.education_forms:
        if form.id not in forms:
            yield finding(Msg("no core process covers education form '{form}'", form=form.id), at=loc(form),
                          element=form.id,
                          hint=Msg("add it to the `education_forms:` of the core processes that provide it"))
