"""Tasks, events and deciding gateways have a name.

Why: an unnamed box or question says nothing to the reader of the handbook (bpmnlint
``label-required``). Parallel gateways, joining gateways and calls (named by the called
process) need no name.

Fix: write the name after the kind key: ``{id: kirjaus, task: Palautteen kirjaus}``.

**Bad**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: ""}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu

**Good**::

    process: palaute
    name: Palautteen käsittely
    category: core
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kirjaus, task: Palautteen kirjaus}
      - {id: loppu, end: Käsitelty}
    flow:
      - alku -> kirjaus -> loppu
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import KIND_WORDS, blank
from qms.model import Process


@rule(code="S011", name="label-required", scope="structure", default_severity="error")
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    view = flow
    for step in process.steps:
        kind = view.step_kind(step.id)
        if kind in ("parallel", "call"):
            continue
        if kind in ("decision", "inclusive") and len(view.out.get(step.id, [])) < 2:
            continue
        if blank(step.name if kind == "call" else getattr(step, kind)):
            yield finding(
                Msg("{kind} '{step}' has no name", kind=KIND_WORDS[kind], step=step.id),
                at=loc(step, kind),
                hint=Msg("write the name after `{key}:`", key=kind),
                element=step.id,
            )
