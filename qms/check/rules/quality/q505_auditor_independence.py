"""Internal auditors do not audit their own work.

Why: ISO 9001 9.2 asks that auditors are objective and impartial. An auditor (a role or an
organisation unit in ``auditors:``) that owns an audited process, or is one of the audited
units, audits its own work.

Fix: choose auditors from another unit or role.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles: [{id: talousjohtaja, name: Talousjohtaja}]
    evaluations:
      - {id: EA-4, name: Auditointi, type: internal_audit, processes: [talous], auditors: [talousjohtaja]}
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support
    owner: talousjohtaja

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    roles: [{id: talousjohtaja, name: Talousjohtaja}, {id: laatupaallikko, name: Laatupäällikkö}]
    evaluations:
      - {id: EA-4, name: Auditointi, type: internal_audit, processes: [talous], auditors: [laatupaallikko]}
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support
    owner: talousjohtaja
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q505", name="auditor-independence", scope="system", default_severity="warning", criteria=["ISO-9.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    for e in system.evaluations:
        if e.type != "internal_audit":
            continue
        for i, auditor in enumerate(e.auditors):
            own = [pid for pid in e.processes if (p := ctx.processes.get(pid)) is not None and p.owner == auditor]
            if own:
                yield finding(Msg("auditor '{auditor}' of audit '{audit}' owns the audited process '{process}'",
                                  auditor=auditor, audit=e.id, process=own[0]),
                              at=loc(e, "auditors", i), element=e.id,
                              hint=Msg("choose an auditor from another role or unit"))
            elif auditor in e.org_units:
                yield finding(Msg("auditor '{auditor}' of audit '{audit}' is one of the audited units", auditor=auditor,
                                  audit=e.id),
                              at=loc(e, "auditors", i), element=e.id, hint=Msg("choose an auditor from another unit"))
