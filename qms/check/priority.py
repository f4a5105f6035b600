"""Which findings to fix first: the short list of ``qms check --top N``.

Why: a new model's first check can list dozens of findings; a quality manager wants the few
that matter most. Findings are ranked by severity, then by how binding the criteria they cite
are (a legal duty before a framework, a framework before good practice, good practice before
a convention of qms; a finding that cites none, such as a flow that does not work or a process
not yet described, ranks with the frameworks), then by how many criteria they touch.
"""

from __future__ import annotations

from collections.abc import Iterable

from qms.check.criteria import SOURCES, criterion
from qms.check.finding import Finding

__all__ = ["first_to_fix", "weight"]


def weight(f: Finding) -> tuple[int, int, int]:
    """The sort key of a finding: lower comes first.

    >>> from qms.check.finding import Severity
    >>> law = Finding("Q501", "self-evaluation", Severity.WARNING, "m", criteria=("FI-LAW-1",))
    >>> own = Finding("Q508", "peer-learning", Severity.WARNING, "m", criteria=("FI-QMS-15",))
    >>> weight(law) < weight(own)
    True
    """
    sources = [c.source for cid in f.criteria if (c := criterion(cid)) is not None]
    binding = min((SOURCES.index(s) for s in sources), default=SOURCES.index("framework"))
    return f.severity.rank, binding, -len(sources)


def first_to_fix(findings: Iterable[Finding], n: int) -> list[Finding]:
    """The ``n`` findings to fix first, most important first."""
    ranked = sorted(findings, key=lambda f: (*weight(f), *f.sort_key()))
    return ranked[:n]
