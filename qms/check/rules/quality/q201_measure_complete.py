"""A measure is complete: target, data source, frequency, owner and the forum it is reported to.

Why: ISO 9001 4.4.1 c and EQAVET ask for indicators with explicit targets; knowledge-based
management (quality strategy goal 4) asks where the data come from, how often, who owns the
measure and where it is reviewed.

Fix: add the missing keys: ``target: ">= 4,3"``, ``source:``, ``frequency:``, ``owner:``,
``reported_to:``.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - {id: M-1, name: Vastausaste}

**Good**::

    process: palaute
    name: Palaute
    category: core
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - {id: M-1, name: Vastausaste, target: ">= 60 %", source: Arvo, frequency: kuukausittain,
         owner: laatupaallikko, reported_to: [Johtoryhmä]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import none_of
from qms.model import QualitySystem

_FIELDS = (("target", Msg("target")), ("source", Msg("data source")), ("frequency", Msg("frequency")),
           ("owner", Msg("owner")), ("reported_to", Msg("forum it is reported to")))


@rule(code="Q201", name="measure-complete", scope="system", default_severity="warning",
      criteria=["ISO-4.4-c", "EQAVET-P2", "FI-QMS-4"], standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for holder, m in system.all_measures():
        missing = [label for key, label in _FIELDS if not getattr(m, key)]
        if missing:
            yield finding(Msg("measure '{measure}' has no {missing}", measure=m.id, missing=none_of(missing)), at=loc(m),
                          process=holder.process if holder else "", element=m.id,
                          hint=Msg("add {keys}", keys=", ".join(f"`{k}:`" for k, label in _FIELDS if label in missing)))
