"""Regional impact and anticipation are planned and measured.

Why: the quality strategy asks for effectiveness in the region, and EQAVET indicator 9 for
mechanisms that identify training needs. The model shows it with a process tagged
``regional_impact`` or ``anticipation`` whose outputs go to other processes (planning,
education offer) and that has an outcome or perception measure (employment, working-life
feedback).

Fix: tag the anticipation process, hand its outputs to the planning processes (``outputs:
[{name: ..., to: [...]}]``) and give it an outcome measure.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/ennakointi.yaml
    process: ennakointi
    name: Ennakointi
    category: core
    tags: [anticipation]
    outputs: [{name: Ennakointikooste, to: [polku]}]
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - {id: M-ALU-1, name: Sijoittuminen, type: outcome}
    # file: processes/polku.yaml
    process: polku
    name: Oppijan polku
    category: core
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

TAGS = frozenset({"regional_impact", "anticipation"})


@rule(code="Q405", name="regional-impact", scope="system", default_severity="warning", criteria=["FI-QMS-8"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    tagged = [p for p in system.processes if TAGS & set(p.tags)]
    if not any(not p.is_stub for p in tagged):
        yield finding(Msg("no described process is tagged regional_impact or anticipation"),
                      at=loc(system, "architecture"),
                      hint=Msg("describe the process that anticipates competence needs (steps and flow) and tag it "
                               "`tags: [anticipation]`; a stub does not show it"))
        return
    for p in tagged:
        if p.is_stub:
            continue
        feeds = any(d.get("kind") == "handoff" and v in ctx.processes and v != p.process
                    for _, v, d in ctx.architecture.out_edges(p.process, data=True))
        if not feeds:
            yield finding(Msg("the outputs of anticipation process '{process}' go to no other process",
                              process=p.process),
                          at=loc(p, "outputs"), process=p.process, element=p.process,
                          hint=Msg("hand its outputs to the planning processes: `outputs: [{name: ..., to: [...]}]`"))
        if not any(m.type in ("outcome", "perception") for m in ctx.measures_by_process.get(p.process, [])):
            yield finding(Msg("anticipation process '{process}' has no outcome or perception measure",
                              process=p.process),
                          at=loc(p, "measures"), process=p.process, element=p.process,
                          hint=Msg("add an outcome measure such as employment of graduates, or working-life feedback"))
