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
from qms.check.rule import rule
from qms.model import QualitySystem

MIN_PERIODS = 3


@rule(code="Q203", name="result-trend", scope="system", default_severity="info", criteria=["EFQM-RADAR"],
      standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for holder, m in system.all_measures():
        periods = {r.period for r in m.results}
        if len(periods) >= MIN_PERIODS:
            continue
        if periods:
            count = f"results for {len(periods)} period{'s' if len(periods) != 1 else ''}"
            message = f"measure '{m.id}' has {count}: a trend needs {MIN_PERIODS}"
        else:
            message = f"measure '{m.id}' has no results yet"
        yield finding(message, at=loc(m, "results"), process=holder.process if holder else "", element=m.id,
                      hint="add the results of earlier periods when they exist")
