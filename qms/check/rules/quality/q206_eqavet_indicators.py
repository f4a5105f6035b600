"""The measures cover the provider-relevant EQAVET reference indicators.

Why: EQAVET's reference indicators 2, 3, 4, 5, 6, 8, 9 and 10 apply at provider level
(indicator 1 is shown by the quality system itself). This finding is a coverage report,
information only: it names the indicators that no measure is tagged with.

Fix: tag the measures that serve an indicator with ``eqavet_indicators: [4]``; add measures
for the indicators the provider wants to follow.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Läpäisy, eqavet_indicators: [4]}

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    measures:
      - {id: M-1, name: Koulutuspäivät, eqavet_indicators: [2]}
      - {id: M-2, name: Osallistujat, eqavet_indicators: [3]}
      - {id: M-3, name: Läpäisy, eqavet_indicators: [4]}
      - {id: M-4, name: Sijoittuminen, eqavet_indicators: [5, 7]}
      - {id: M-5, name: Työpaikkaohjaajat, eqavet_indicators: [6]}
      - {id: M-6, name: Erityinen tuki, eqavet_indicators: [8]}
      - {id: M-7, name: Ennakointi, eqavet_indicators: [9]}
      - {id: M-8, name: Ohjaus, eqavet_indicators: [10]}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

PROVIDER_INDICATORS = (2, 3, 4, 5, 6, 8, 9, 10)


@rule(code="Q206", name="eqavet-indicators", scope="system", default_severity="info", criteria=["EQAVET-IND"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    covered = sorted({i for _, m in system.all_measures() for i in m.eqavet_indicators})
    missing = [i for i in PROVIDER_INDICATORS if i not in covered]
    if not missing:
        return
    gaps = ", ".join(map(str, missing))
    message = (Msg("the measures cover EQAVET indicators {covered}; not {missing}",
                   covered=", ".join(map(str, covered)), missing=gaps) if covered
               else Msg("no measure is tagged with an EQAVET indicator (provider-relevant: {missing})", missing=gaps))
    yield finding(
        message,
        at=loc(system, "measures"), data={"covered": covered, "missing": missing},
        hint=Msg("tag measures with `eqavet_indicators: [...]`; add measures for the indicators you follow"),
    )
