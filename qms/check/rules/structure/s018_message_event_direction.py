"""A start event only receives messages and an end event only sends them.

Why: in BPMN a message start event is triggered by a message that arrives, and a message end
event sends one as the process finishes; a start event that sends or an end event that
receives is drawn the wrong way round, and BPMN tools reject it. (Messages between two steps
or at a gateway are reported when the file is loaded.)

Fix: turn the message around, or attach it to the first or last task.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders: [{id: opiskelija, name: Opiskelija, category: student}]
    # file: processes/palaute.yaml
    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
    messages:
      - "alku -> opiskelija: kuittaus"
      - "opiskelija -> loppu: kiitos"

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    stakeholders: [{id: opiskelija, name: Opiskelija, category: student}]
    # file: processes/palaute.yaml
    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Palaute saapuu, trigger: message}
      - {id: kirjaus, task: Kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
    messages:
      - "opiskelija -> alku: palaute"
      - "loppu -> opiskelija: vastaus"
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="S018", name="message-event-direction", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    steps = flow.steps
    for m in process.messages:
        src, dst = steps.get(m.from_), steps.get(m.to)
        if src is not None and dst is not None:
            continue  # two steps: reported when the file is loaded
        text = f"{m.from_} -> {m.to}"
        if src is not None and flow.step_kind(src.id) == "start":
            yield finding(Msg("message '{message}' is sent by start event '{start}', which can only receive",
                              message=text, start=src.id),
                          at=loc(m), element=src.id, hint=Msg("turn it around, or send it from the first task"))
        if dst is not None and flow.step_kind(dst.id) == "end":
            yield finding(Msg("message '{message}' is received by end event '{end}', which can only send",
                              message=text, end=dst.id),
                          at=loc(m), element=dst.id, hint=Msg("turn it around, or receive it in the last task"))
