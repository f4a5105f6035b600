"""Every special task of the licence is covered by a process and a measure.

Why: special tasks in the licence or in the provider's own act (Sámi language and culture,
Swedish-language provision, special-needs education …) are part of what the provider must
deliver and evaluate. A task that rests only on processes not yet described is not covered.

Fix: list the processes and measures of each task: ``special_tasks: [{id: ..., processes: [...], measures: [...]}]``.

**Bad**::

    system: demo
    name: Demo
    provider:
      id: demo
      name: Demo
      special_tasks:
        - {id: ST-1, name: Saamen kielen ja kulttuurin opetus}

**Good**::

    system: demo
    name: Demo
    provider:
      id: demo
      name: Demo
      special_tasks:
        - {id: ST-1, name: Saamen kielen ja kulttuurin opetus, processes: [saame], measures: [M-S2]}
    measures:
      - {id: M-S2, name: Saamenkielisen opetuksen osuus}
    # file: processes/saame.yaml
    process: saame
    name: Saamen kielen opetus
    category: core
    steps:
      - {id: alku, start: Lukuvuosi alkaa}
      - {id: opetus, task: Saamen kielen opetus}
      - {id: loppu, end: Lukuvuosi päättyy}
    flow: [alku -> opetus -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q407", name="special-tasks", scope="system", default_severity="warning", criteria=["FI-QMS-14"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for task in system.provider.special_tasks:
        if not task.processes:
            yield finding(Msg("special task '{task}' is covered by no process", task=task.id), at=loc(task),
                          element=task.id, hint=Msg("list its processes under `processes:`"))
        elif all(pid in ctx.processes and ctx.processes[pid].is_stub for pid in task.processes):
            yield finding(Msg("special task '{task}' rests only on processes not yet described: {processes}",
                              task=task.id, processes=", ".join(task.processes)),
                          at=loc(task, "processes"), element=task.id,
                          hint=Msg("describe the process of the special task (steps and flow) first"))
        if not task.measures:
            yield finding(Msg("special task '{task}' is covered by no measure", task=task.id), at=loc(task),
                          element=task.id, hint=Msg("list its measures under `measures:`"))
