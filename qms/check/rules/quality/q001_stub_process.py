"""A process on the process map is not described yet (a stub).

Why: a stub has an owner and a purpose but no steps; it is realistic while the descriptions
are being written, and the handbook shows it as "not yet described". All stubs are reported
in one finding, here; the structural and per-process content rules skip them, and the criteria
coverage never counts a stub as evidence. Under the small-provider profile a support process
that the complete annual cycle governs (``governed_by_cycle: true``) may stay a stub: the
cycle is its description (proportionate documentation).

Fix: describe the process: add ``lanes:``, ``steps:`` and ``flow:``. Until then give it
``governed_by_cycle: true`` so that the system's annual cycle governs it.

**Bad**::

    process: tilat
    name: Tilat ja oppimisympäristöt
    category: support
    purpose: Toimivat tilat

**Good**::

    process: tilat
    name: Tilat ja oppimisympäristöt
    category: support
    steps:
      - {id: alku, start: Tarve}
      - {id: korjaus, task: Korjaus}
      - {id: loppu, end: Valmis}
    flow: [alku -> korjaus -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process, QualitySystem


def _proportionate(p: Process, ctx: Context) -> bool:
    """A small provider's support process that the complete annual cycle governs needs no steps."""
    return bool(ctx.settings.option("support_by_cycle")) and p.category == "support" and ctx.cycle_governs(p)


@rule(code="Q001", name="stub-process", scope="system", default_severity="warning", standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    stubs = [p for p in system.processes if p.is_stub and not _proportionate(p, ctx)]
    if not stubs:
        return
    first = stubs[0]
    key = [p for p in stubs if p.category in ("management", "core")]
    hint = Msg("describe them (lanes:, steps:, flow:), the management and core processes first; meanwhile "
               "`governed_by_cycle: true` says the annual cycle governs them")
    if len(stubs) == 1:
        message = Msg("process '{process}' is not described yet: it has no steps", process=first.process)
    elif key:
        message = Msg("{n} of {total} processes are not described yet (no steps): {processes}; "
                      "{k} of them are management or core processes", n=len(stubs), total=len(system.processes),
                      processes=", ".join(p.process for p in stubs), k=len(key))
    else:
        message = Msg("{n} of {total} processes are not described yet (no steps): {processes}", n=len(stubs),
                      total=len(system.processes), processes=", ".join(p.process for p in stubs))
    yield finding(message, at=loc(first, "process"), process=first.process if len(stubs) == 1 else "",
                  element=first.process if len(stubs) == 1 else "", hint=hint,
                  data={"processes": [p.process for p in stubs]})
