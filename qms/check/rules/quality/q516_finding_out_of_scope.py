"""A finding of an evaluation is about a process outside that evaluation's scope.

Why: an auditor traces every finding to the audit that made it. A finding that names a process
the audit did not cover (its ``processes:``) makes the audit trail unreliable: either the
source is wrong or the scope is.

Fix: name the evaluation that did cover the process as ``source:``, or correct its scope.

**Bad**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-4, name: Auditointi, type: internal_audit, date: 2025-05, processes: [talous]}
    development_plan:
      id: KS
      name: Kehittämissuunnitelma
      findings:
        - {id: F-1, name: Kuvaus ei vastaa käytäntöä, source: EA-4, processes: [rekry]}
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support
    # file: processes/rekry.yaml
    process: rekry
    name: Rekrytointi
    category: support

**Good**::

    system: demo
    name: Demo
    provider: {id: demo, name: Demo}
    evaluations:
      - {id: EA-4, name: Auditointi, type: internal_audit, date: 2025-05, processes: [talous, rekry]}
    development_plan:
      id: KS
      name: Kehittämissuunnitelma
      findings:
        - {id: F-1, name: Kuvaus ei vastaa käytäntöä, source: EA-4, processes: [rekry]}
    # file: processes/talous.yaml
    process: talous
    name: Talous
    category: support
    # file: processes/rekry.yaml
    process: rekry
    name: Rekrytointi
    category: support
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import QualitySystem


@rule(code="Q516", name="finding-out-of-scope", scope="system", default_severity="warning", criteria=["ISO-9.2"])
def check(system: QualitySystem, ctx: Context) -> Iterator[Finding]:
    plan = system.development_plan
    scopes = {e.id: e for e in system.evaluations}
    for f in plan.findings if plan else []:
        source = scopes.get(f.source or "")
        if source is None or not source.processes:
            continue
        outside = [pid for pid in f.processes if pid not in source.processes]
        if outside:
            yield finding(
                Msg("finding '{finding}' is about {processes}, outside the scope of its source '{source}' "
                    "({scope})", finding=f.id, processes=", ".join(outside), source=source.id,
                    scope=", ".join(source.processes)),
                at=loc(f, "processes"), element=f.id,
                hint=Msg("name the evaluation that covered the process as `source:`, or correct that evaluation's "
                         "`processes:`"))
