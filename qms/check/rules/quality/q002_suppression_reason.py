"""Every suppression (``ignore:``) names a known rule and gives a reason.

Why: ``ignore: {CODE: reason}`` on a process, step or measure hides a finding; the reason is
what an auditor reads instead. A suppression without a reason, or of a rule that does not
exist (a typo), hides nothing useful. The suppression still applies; this finding asks for
the reason.

Fix: write why the finding does not apply: ``ignore: {Q105: "riskit johtoryhmän riskikartassa"}``.

**Bad**::

    process: palaute
    name: Palaute
    category: core
    ignore: {Q105: ""}
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]

**Good**::

    process: palaute
    name: Palaute
    category: core
    ignore: {Q105: Riskit ovat johtoryhmän riskikartassa}
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


def _known(key: str) -> bool:
    from qms.check.registry import RULES  # the registry imports this module

    return any(r.matches(key) for r in RULES)


def _near(key: str) -> str:
    from qms.check.registry import RULES
    from qms.suggest import did_you_mean

    return did_you_mean(key, [r.code for r in RULES] + [r.name for r in RULES])


@rule(code="Q002", name="suppression-reason", scope="system", default_severity="warning", standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    holders: list[tuple[Any, str, str]] = []
    for p in system.processes:
        if p.ignore:
            holders.append((p, p.process, p.process))
        holders.extend((s, p.process, s.id) for s in p.steps if s.ignore)
        holders.extend((m, p.process, m.id) for m in p.measures if m.ignore)
    holders.extend((m, "", m.id) for m in system.measures if m.ignore)
    for obj, pid, element in holders:
        for key, reason in obj.ignore.items():
            where = loc(obj, "ignore", key)
            if not _known(key):
                near = _near(key)
                yield finding(Msg("ignore names an unknown rule '{rule}'", rule=key), at=where, process=pid,
                              element=element, hint=near or Msg("use a rule code such as Q105 or a rule name"))
            elif not str(reason or "").strip():
                yield finding(Msg("the suppression of {rule} on '{element}' gives no reason", rule=key, element=element),
                              at=where, process=pid, element=element,
                              hint=Msg("write why {rule} does not apply: `{rule}: <reason>`", rule=key))
