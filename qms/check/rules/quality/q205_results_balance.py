"""Results cover working life's perception as well as performance.

Why: the EFQM model reads results both as stakeholder perceptions and as strategic and
operational performance. The model shows the balance when some perception measure asks
working life and some other measure (input, process, output or outcome) tracks performance.

Fix: add the missing kind of measure: a working-life perception measure (e.g. the
working-life feedback survey) or a performance measure (e.g. completion rate).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Opiskelijatyytyväisyys, type: perception, stakeholder_group: student}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Läpäisy, type: outcome}
      - {id: M-2, name: Työpaikkakysely, type: perception, stakeholder_group: working_life}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q205", name="results-balance", scope="system", default_severity="info", criteria=["EFQM-6", "CAF-RES"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    measures = [m for _, m in system.all_measures()]
    if not measures:
        return
    asked: set[str] = set()
    for m in measures:
        if m.type == "perception":
            asked |= ctx.groups_of_measure(m)
    if "working_life" not in asked:
        yield finding(Msg("no perception measure asks working life"), at=loc(system, "measures"),
                      hint=Msg("add a `type: perception` measure with `stakeholder_group: working_life`"))
    if all(m.type == "perception" for m in measures):
        yield finding(Msg("every measure is a perception measure: none tracks performance"), at=loc(system, "measures"),
                      hint=Msg("add a process or outcome measure such as completion or employment after graduation"))
