"""Every special task of the licence is covered by a process and a measure.

Why: special tasks in the licence (Sámi language and culture, Swedish-language provision,
special-needs education …) are part of what the provider must deliver and evaluate.

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
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q407", name="special-tasks", scope="system", default_severity="warning", criteria=["FI-QMS-14"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for task in system.provider.special_tasks:
        for field, what in (("processes", "process"), ("measures", "measure")):
            if not getattr(task, field):
                yield finding(f"special task '{task.id}' is covered by no {what}", at=loc(task), element=task.id,
                              hint=f"list its {field} under `{field}:`")
