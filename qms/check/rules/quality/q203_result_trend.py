"""A measure has results for at least three periods, so that a trend shows.

Why: the EFQM RADAR logic reads results for targets, trends over at least three periods and
comparisons; one or two values show no trend yet.

Fix: add the earlier periods' results when they exist (``results: [{period: "2023", value: ...}]``);
otherwise this finding goes away as the results accumulate.

**Bad**::

    process: talous
    name: Talous
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - {id: M-TAL-3, name: Kustannukset / opiskelijavuosi, results: [{period: "2025", value: 11900}]}

**Good**::

    process: talous
    name: Talous
    category: support
    steps:
      - {id: alku, start: Alku}
      - {id: loppu, end: Loppu}
    flow: [alku -> loppu]
    measures:
      - id: M-TAL-1
        name: Toteumapoikkeama
        results: [{period: "2023", value: 2.8}, {period: "2024", value: 2.1}, {period: "2025", value: 1.7}]
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem

MIN_PERIODS = 3


@rule(code="Q203", name="result-trend", scope="system", default_severity="info", criteria=["EFQM-RADAR"],
      standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    short = [(holder, m) for holder, m in system.all_measures() if len({r.period for r in m.results}) < MIN_PERIODS]
    if not short:
        return
    holder, first = short[0]
    names = ", ".join(m.id for _, m in short)
    yield finding(Msg("{n} measures have results for fewer than {min} periods, so no trend shows: {measures}",
                      n=len(short), min=MIN_PERIODS, measures=names) if len(short) > 1 else
                  Msg("measure '{measure}' has results for fewer than {min} periods, so no trend shows",
                      measure=first.id, min=MIN_PERIODS),
                  at=loc(first, "results"), process=holder.process if holder and len(short) == 1 else "",
                  element=first.id if len(short) == 1 else "",
                  hint=Msg("add the results of earlier periods when they exist; a new measure shows its trend in time"),
                  data={"measures": [m.id for _, m in short]})
