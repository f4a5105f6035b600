"""A partnership has an agreement, the processes it serves and a review date that has not passed.

Why: working-life cooperation and partnerships, with other providers too, are managed when
their purpose, agreement and follow-up are known (Karvi 2022; EQAVET implementation).

Fix: add ``agreement_ref:``, ``processes:`` and ``review_date:`` to the partnership.

**Bad**::

    system: demo
    name: Demo
    as_of: 2014-03-01
    provider: {id: demo, name: Demo}
    stakeholders: [{id: kao, name: KAO, category: partner_provider}]
    partnerships:
      - {id: PA-1, name: Työpari, partner: kao}

**Good**::

    system: demo
    name: Demo
    as_of: 2014-03-01
    provider: {id: demo, name: Demo}
    stakeholders: [{id: kao, name: KAO, category: partner_provider}]
    partnerships:
      - {id: PA-1, name: Työpari, partner: kao, agreement_ref: Työsuunnitelma 2012, review_date: 2014-12-31,
         processes: [suunnittelu]}
    # file: processes/suunnittelu.yaml
    process: suunnittelu
    name: Suunnittelu
    category: core
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.check.rules._util import none_of
from qms.model import QualitySystem

_FIELDS = (("agreement_ref", Msg("agreement")), ("processes", Msg("linked process")),
           ("review_date", Msg("review date")))


@rule(code="Q304", name="partnership-follow-up", scope="system", default_severity="warning",
      criteria=["FI-QMS-7"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for pa in system.partnerships:
        missing = [label for key, label in _FIELDS if not getattr(pa, key)]
        if missing:
            yield finding(Msg("partnership '{partnership}' has no {missing}", partnership=pa.id, missing=none_of(missing)),
                          at=loc(pa), element=pa.id,
                          hint=Msg("add {keys}", keys=", ".join(f"`{k}:`" for k, label in _FIELDS if label in missing)))
        if ctx.as_of and pa.review_date and pa.review_date < ctx.as_of:
            yield finding(Msg("the review of partnership '{partnership}' was due on {date}", partnership=pa.id,
                              date=pa.review_date.isoformat()),
                          at=loc(pa, "review_date"), element=pa.id,
                          hint=Msg("review it and move `review_date:` forward"))
