"""A described process has at least one measure.

Why: ISO 9001 4.4.1 c asks for criteria and performance indicators for each process, and
EQAVET for targets monitored through indicators. A measure belongs to a process when it is
in the process's ``measures:`` or names the process in ``processes:``. In the recommended
profile a management process governed by the annual cycle may rely on the system's
measures; in ``small-provider`` any process governed by the cycle may; in ``strict`` none.

Fix: add a measure with a target under ``measures:``, or link a catalogue measure to the
process with ``processes: [id]``.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - {id: M-1, name: Vastausaste, target: ">= 60 %", source: Arvo, frequency: vuosittain, owner: laatupaallikko}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


def inherits_measures(process: Process, ctx: Context) -> bool:
    """True when the profile lets ``process`` rely on the annual cycle for its measures."""
    mode = ctx.settings.option("inherit_measures", "management")
    if not process.governed_by_cycle or mode == "none":
        return False
    return mode == "all" or process.category == "management"


@rule(code="Q103", name="process-measures", scope="process", default_severity="warning",
      criteria=["ISO-4.4-c", "EQAVET-P2"])
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if ctx.measures_by_process.get(process.process) or inherits_measures(process, ctx):
        return
    yield finding(Msg("process '{process}' has no measure", process=process.process), at=loc(process, "process"),
                  hint=Msg("add a measure with a target under measures:, or link one with `processes: [...]`"),
                  element=process.process)
