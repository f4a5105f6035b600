"""Every stakeholder takes part in some process.

Why: a stakeholder that no process serves, hears or exchanges messages with is listed but not
managed (ISO 9001 4.2; working-life cooperation, FI-QMS-7). A stakeholder counts as linked
when a process names it as customer, in an input or output, or in a message, or when a
partnership names it.

Fix: add the stakeholder to the process that works with it (``customers:``, ``messages:``,
``inputs: [{name: ..., from: [...]}]``), or remove it.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: kunta, name: Kunta, category: municipality}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders:
      - {id: kunta, name: Kunta, category: municipality}
    # file: processes/palvelut.yaml
    process: palvelut
    name: Palvelut
    category: core
    outputs: [{name: Palvelutarjous, to: [kunta]}]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q303", name="stakeholder-unlinked", scope="system", default_severity="info",
      criteria=["ISO-4.2", "FI-QMS-7"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for s in system.stakeholders:
        if s.id not in ctx.linked_stakeholders:
            yield finding(Msg("stakeholder '{stakeholder}' takes part in no process", stakeholder=s.id), at=loc(s),
                          element=s.id,
                          hint=Msg("name it in the process that works with it (customers:, messages:, inputs/outputs)"))
