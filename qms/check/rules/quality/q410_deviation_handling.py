"""A process handles deviations, complaints and nonconformities.

Why: ISO 9001 10.2 asks that nonconformities and complaints are handled with correction and
corrective action; the model shows where with a process tagged ``deviation_handling``
(palautteet, poikkeamat, valitukset). The process must be described: a tag on a stub shows nothing.

Fix: describe the process and tag it: ``tags: [deviation_handling]``.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/tuki.yaml
    process: tuki
    name: Tukipalvelut
    category: support

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    # file: processes/poikkeamat.yaml
    process: poikkeamat
    name: Palautteiden, poikkeamien ja valitusten käsittely
    category: support
    tags: [deviation_handling]
    steps:
      - {id: alku, start: Palaute saapuu}
      - {id: kasittely, task: Käsittely ja korjaavat toimenpiteet}
      - {id: loppu, end: Käsitelty}
    flow: [alku -> kasittely -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q410", name="deviation-handling", scope="system", default_severity="warning", criteria=["ISO-10.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if not any("deviation_handling" in p.tags for p in ctx.described):
        yield finding(Msg("no described process handles deviations, complaints and nonconformities"),
                      at=loc(system, "architecture"),
                      hint=Msg("describe the process (steps and flow) and tag it `tags: [deviation_handling]`; "
                               "a stub on the map does not show it"))
