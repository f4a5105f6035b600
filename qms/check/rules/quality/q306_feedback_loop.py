"""Every feedback instrument closes its loop: results are analysed or lead to action.

Why: EQAVET's review phase asks that feedback is collected *and used*: the results of an
instrument are analysed in a step of a process (``analysis: process.step``) or lead to
development-plan actions (``actions:``), and go to the processes they concern (``feeds:``).
An instrument with neither analysis nor actions is an open loop.

Fix: name the step that analyses the results (``analysis: oppijan_polku.analyysi``), link the
actions that follow, and list the processes the results feed.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    feedback:
      - {id: FB-6, name: TUVA-palaute, target_groups: [student], feeds: [polku]}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    feedback:
      - {id: FB-6, name: TUVA-palaute, target_groups: [student], feeds: [polku], analysis: polku.analyysi}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: analyysi, task: Palautteen analyysi, pdca: check}
      - {id: loppu, end: Loppu}
    flow: [alku -> analyysi -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q306", name="feedback-loop", scope="system", default_severity="warning", criteria=["EQAVET-R1"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for fb in system.feedback:
        if not fb.analysis and not fb.actions:
            yield finding(Msg("feedback instrument '{instrument}' has no analysis step and no action: its loop is open",
                              instrument=fb.id),
                          at=loc(fb), element=fb.id,
                          hint=Msg("name the step that analyses it (`analysis: process.step`) or the actions that follow"))
        if not fb.feeds:
            yield finding(Msg("the results of feedback instrument '{instrument}' feed no process", instrument=fb.id),
                          at=loc(fb), element=fb.id, hint=Msg("list the processes that use its results under `feeds:`"))
