"""Processes do not call each other in a circle.

Why: a ``call:`` step runs another process as a sub-process; if A calls B and B calls A, the
description never ends and a BPMN tool refuses it. Whether the called process exists is
checked when the system is loaded (``load``).

Fix: remove one of the calls, or model the hand-off as an output (``outputs: {to: [...]}``).

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
      - {id: kutsu, call: b}
      - {id: loppu, end: Loppu}
    flow: [alku -> kutsu -> loppu]
    # file: processes/b.yaml
    process: b
    name: B
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: kutsu, call: a}
      - {id: loppu, end: Loppu}
    flow: [alku -> kutsu -> loppu]

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/a.yaml
    process: a
    name: A
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: kutsu, call: b}
      - {id: loppu, end: Loppu}
    flow: [alku -> kutsu -> loppu]
    # file: processes/b.yaml
    process: b
    name: B
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: tyo, task: Työ}
      - {id: loppu, end: Loppu}
    flow: [alku -> tyo -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="S017", name="no-call-cycle", scope="system", default_severity="error")
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    calls = nx.DiGraph()
    first_call: dict[tuple[str, str], tuple[str, object]] = {}
    for p in system.processes:
        for s in p.steps:
            if s.call and s.call in ctx.processes:
                calls.add_edge(p.process, s.call)
                first_call.setdefault((p.process, s.call), (p.process, s))
    order = {p.process: i for i, p in enumerate(system.processes)}
    for comp in nx.strongly_connected_components(calls):
        members = sorted(comp, key=lambda pid: order.get(pid, 0))
        head = members[0]
        if len(members) == 1 and not calls.has_edge(head, head):
            continue
        target = next(t for t in calls.successors(head) if t in comp)
        _, step = first_call[(head, target)]
        cycle = " -> ".join([*members, head]) if len(members) > 1 else f"{head} -> {head}"
        yield finding(
            Msg("processes call each other in a circle: {cycle}", cycle=cycle),
            at=loc(step, "call"),
            hint=Msg("remove one of the calls, or hand the result over as an output (`outputs: {to: [...]}`)"),
            process=head,
            element=getattr(step, "id", ""),
        )
