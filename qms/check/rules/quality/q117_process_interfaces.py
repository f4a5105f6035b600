"""A described process is connected to the rest of the system.

Why: ISO 9001 4.4.1 b asks for the sequence and interaction of the processes. A process with
no hand-off to or from another process, no call, no message with a stakeholder and no
customer stands alone on the process map.

Fix: name where its inputs come from (``inputs: [{name: ..., from: [...]}]``) and where its
outputs go (``outputs: [{name: ..., to: [...]}]``).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/a.yaml
    process: a
    name: A
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/a.yaml
    process: a
    name: A
    category: core
    outputs: [{name: Koulutustarjonta, to: [b]}]
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    # file: processes/b.yaml
    process: b
    name: B
    category: core
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q117", name="process-interfaces", scope="system", default_severity="warning", criteria=["ISO-4.4-b"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    g = ctx.architecture
    for p in ctx.described:
        pid = p.process
        linked = any(d.get("kind") != "parent" for _, _, d in g.out_edges(pid, data=True)) or any(
            d.get("kind") != "parent" for _, _, d in g.in_edges(pid, data=True)
        )
        if not linked:
            yield finding(Msg("process '{process}' has no hand-off, call or message with another process or stakeholder",
                              process=pid),
                          at=loc(p, "process"), process=pid, element=pid,
                          hint=Msg("name where its inputs come from (`from:`) and where its outputs go (`to:`)"))
