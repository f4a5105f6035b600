"""The system states the date its checks treat as today (``as_of``).

Why: the checks never read the clock, so that a description gives the same findings tomorrow
as today. Without ``as_of`` the date checks (overdue reviews and actions, the audit
programme, the evaluation cycle) cannot run and are skipped.

Fix: add ``as_of: YYYY-MM-DD`` to system.yaml and move it forward when the description is
reviewed (or pass ``qms check --as-of``).

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}

**Good**::

    system: demo
    name: Demo
    as_of: 2026-03-01
    provider: {id: demo, name: Demo}
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q003", name="as-of-missing", scope="system", default_severity="info")
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    if ctx.as_of is None:
        yield finding(
            Msg("system.yaml has no `as_of:` date, so the date checks (reviews, actions, audits) were skipped"),
            at=loc(system, "system"),
            hint=Msg("add `as_of: YYYY-MM-DD`, the date the description is current on, or run with --as-of"),
        )
