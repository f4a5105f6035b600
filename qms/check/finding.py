"""What a check reports: a located finding with its rule, severity and criteria."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from qms.location import SourceLocation

__all__ = ["Finding", "Severity", "finding", "loc"]


class Severity(enum.Enum):
    """How much a finding matters: ``error`` fails a check run, ``warning`` and ``info`` do not.

    Why: the ruleset, not the rule, decides the severity (bpmnlint's config), so a rule
    only declares a default and a profile can raise or lower it.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: sorts the worst first."""
        return _RANK[self.value]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Return the severity named ``value`` (``error``, ``warning``, ``info``)."""
        return value if isinstance(value, Severity) else cls(str(value).lower())

    def __str__(self) -> str:
        return self.value


_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found, in process language, with where it is and what to do.

    Why: a quality team reads ``message`` ("no measure of process 'talousarvio' has a
    target"), acts on ``hint``, opens ``location``; tools read the rest. Rules create
    findings with :func:`finding`; the engine fills ``code``, ``name``, ``severity``,
    ``criteria`` (unless the rule gave narrower ones) and ``doc_url`` from the rule record.
    """

    code: str
    name: str
    severity: Severity
    message: str
    hint: str = ""
    location: SourceLocation | None = None
    process: str = ""
    element: str = ""
    criteria: tuple[str, ...] = ()
    doc_url: str = ""
    #: the passages of the framework versions in force that ask for it (``ISO 9001:2015 4.4.1 a``)
    refs: tuple[str, ...] = ()
    #: extra data for reports (e.g. the process ids an audit finding lists); not in the JSON contract
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def file(self) -> str:
        """The file of the location, or ``""``."""
        return self.location.file if self.location else ""

    @property
    def line(self) -> int:
        """1-based line, 0 when unknown."""
        return self.location.line if self.location else 0

    @property
    def column(self) -> int:
        """1-based column, 0 when unknown."""
        return self.location.column if self.location else 0

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Order findings by file, line, column, rule code, process and element."""
        return (self.file, self.line, self.column, self.code, self.process, self.element)


def finding(
    message: str,
    *,
    at: SourceLocation | None,
    hint: str = "",
    process: str = "",
    element: str = "",
    criteria: Sequence[str] = (),
    data: dict[str, Any] | None = None,
) -> Finding:
    """Create a finding in a rule; the engine completes code, name and severity.

    Examples
    --------
    >>> f = finding("step 'x' has no lane", at=SourceLocation("p.yaml", 3, 5), element="x")
    >>> (f.message, f.line, f.code)
    ("step 'x' has no lane", 3, '')
    """
    return Finding(
        code="", name="", severity=Severity.WARNING, message=message, hint=hint, location=at,
        process=process, element=element, criteria=tuple(criteria), data=dict(data or {}),
    )


def loc(obj: Any, *path: str | int, key: bool = False) -> SourceLocation | None:
    """Where ``obj`` (a model element) or one of its fields is: ``loc(step, "lane")``.

    With ``key``, the position of the field's key rather than its value. A field that is not
    in the file falls back to the element itself.
    """
    if obj is None:
        return None
    if path:
        where = getattr(obj, "where", None)
        if where is not None:
            located: SourceLocation | None = where(*path, key=key)
            if located is not None:
                return located
    located_obj: SourceLocation | None = getattr(obj, "loc", None)
    return located_obj
