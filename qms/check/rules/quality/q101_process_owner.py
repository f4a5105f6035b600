"""Every process, stubs included, has an owner.

Why: the process owner (prosessinomistaja) answers for the process, its measures and its
review (ISO 9001 4.4.1 e and 5.3; EQAVET "responsibilities for quality management are
explicitly allocated").

Fix: add ``owner:`` with a role id from ``roles:`` of system.yaml.

**Bad**::

    process: palaute
    name: Palaute
    category: core

**Good**::

    process: palaute
    name: Palaute
    category: core
    owner: laatupaallikko
"""

from __future__ import annotations

from collections.abc import Iterator

from qms.check.context import Context
from qms.check.finding import Finding, finding, loc
from qms.check.flowgraph import FlowView
from qms.check.i18n import Msg
from qms.check.rule import rule
from qms.model import Process


@rule(code="Q101", name="process-owner", scope="process", default_severity="warning",
      criteria=["ISO-4.4-e", "EQAVET-P4"], stubs=True)
def check(process: Process, flow: FlowView, ctx: Context) -> Iterator[Finding]:
    if not process.owner:
        yield finding(Msg("process '{process}' has no owner", process=process.process), at=loc(process, "process"),
                      hint=Msg("add `owner:` with a role id from roles: in system.yaml"), element=process.process)
