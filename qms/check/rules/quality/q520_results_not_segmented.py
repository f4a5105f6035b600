"""Results required per unit or learner group are recorded only as totals.

Why: knowledge-based management and an evaluator ask for results broken down where the
provider itself says they matter: a measure with ``segment_by:`` (a result area, a field, a
form, a learner group) whose results carry no ``segment:`` shows only the provider's total,
and an alert "per tulosalue" cannot fire.

Fix: record the results per segment: ``{period: "2025", value: 7, segment: "tulosalue:tekniikka"}``.

**Bad**::

    process: polku
    name: Oppijan polku
    category: core
    measures:
      - id: M-1
        name: Negatiivinen eroaminen
        segment_by: [tulosalue]
        results: [{period: "2025", value: 8}]

**Good**::

    process: polku
    name: Oppijan polku
    category: core
    measures:
      - id: M-1
        name: Negatiivinen eroaminen
        segment_by: [tulosalue]
        results:
          - {period: "2025", value: 8}
          - {period: "2025", value: 11, segment: "tulosalue:tekniikka"}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q520", name="results-not-segmented", scope="system", default_severity="warning",
      criteria=["FI-QMS-4", "EQAVET-E2"], standalone=True)
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for holder, m in system.all_measures():
        if m.segment_by and m.results and not any(r.segment for r in m.results):
            yield finding(
                Msg("measure '{measure}' is to be followed by {segments}, but its results are totals only",
                    measure=m.id, segments=", ".join(m.segment_by)),
                at=loc(m, "segment_by"), process=holder.process if holder else "", element=m.id,
                hint=Msg("record results per segment: `segment: \"{segment}:…\"` on each result",
                         segment=m.segment_by[0]))
