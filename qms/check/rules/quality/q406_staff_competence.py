"""Staff competence development is a process with a plan and a measure.

Why: Karvi 2022 counts staff competence among the prerequisites of education, and EQAVET
asks for a staff development plan and follows investment in training (indicator 2). The
model shows it with a process tagged ``staff_competence``, which, once described, has an
output (the competence development plan) and an input measure or an indicator-2 measure.

Fix: tag the HR process ``staff_competence``; name its plan under ``outputs:``; add a
training measure (``type: input`` or ``eqavet_indicators: [2]``).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/henkilosto.yaml
    process: henkilosto
    name: Henkilöstö
    category: support

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/henkilosto.yaml
    process: henkilosto
    name: Henkilöstö
    category: support
    tags: [staff_competence]
    outputs: [Osaamisen kehittämissuunnitelma]
    measures:
      - {id: M-HR-2, name: Koulutuspäivät / henkilö, type: input, eqavet_indicators: [2]}
    steps:
      - {id: alku, start: Alku}
      - {id: tyo, task: Suunnittelu}
      - {id: loppu, end: Valmis}
    flow: [alku -> tyo -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q406", name="staff-competence", scope="system", default_severity="warning", criteria=["FI-QMS-13"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    tagged = [p for p in system.processes if "staff_competence" in p.tags]
    if not any(not p.is_stub for p in tagged):
        yield finding(Msg("no described process is tagged staff_competence"), at=loc(system, "architecture"),
                      hint=Msg("describe the process that plans staff competence development (steps and flow) and "
                               "tag it `tags: [staff_competence]`; a stub does not show it"))
        return
    for p in tagged:
        if p.is_stub:
            continue
        if not p.outputs:
            yield finding(Msg("staff-competence process '{process}' names no output such as a competence plan",
                              process=p.process),
                          at=loc(p, "process"), process=p.process, element=p.process,
                          hint=Msg("add the competence development plan under `outputs:`"))
        measures = ctx.measures_by_process.get(p.process, [])
        if not any(m.type == "input" or 2 in m.eqavet_indicators for m in measures):
            yield finding(Msg("no measure of process '{process}' follows investment in staff training",
                              process=p.process),
                          at=loc(p, "measures"), process=p.process, element=p.process,
                          hint=Msg("add a measure such as training days per person (`type: input`, "
                                   "`eqavet_indicators: [2]`)"))
