"""The ``@rule`` decorator and the :class:`Rule` record it makes of a check function."""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from qms.check.finding import Finding, Severity

__all__ = ["SCOPES", "Example", "Rule", "Scope", "rule"]

Scope = Literal["structure", "process", "system"]
#: ``structure``: the flow of one described process (gets the process and its flow view);
#: ``process``: the quality content of one described process (same arguments);
#: ``system``: the whole system (gets the system only).
SCOPES: tuple[str, ...] = ("structure", "process", "system")

CODE_RE = re.compile(r"^[SQ]\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_EXAMPLE_RE = re.compile(r"^\*\*(Bad|Good)\*\*::\n\n((?:(?:    .*)?\n)+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Example:
    """A YAML example of a rule's docstring: ``bad`` ones must be found, ``good`` ones not."""

    kind: Literal["bad", "good"]
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered check: its stable code and name, scope, default severity and criteria.

    Why: the record is what the registry, the rulesets, the formatters (SARIF rule
    metadata) and the coverage report read; the function only finds things.
    ``stubs`` rules also see processes without steps; ``standalone`` system rules also
    run when a single process file is checked.
    """

    code: str
    name: str
    scope: Scope
    default_severity: Severity
    criteria: tuple[str, ...]
    func: Callable[..., Iterable[Finding]]
    doc: str
    aliases: tuple[str, ...] = ()
    stubs: bool = False
    standalone: bool = True

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else self.name

    @property
    def doc_url(self) -> str:
        """The rule's documentation page, relative to the repository."""
        return f"docs/rules/{self.code}.md"

    @property
    def examples(self) -> list[Example]:
        """The **Bad** and **Good** YAML examples of the docstring, dedented."""
        return [
            Example("bad" if m[1] == "Bad" else "good", textwrap.dedent(m[2]).strip("\n") + "\n")
            for m in _EXAMPLE_RE.finditer(self.doc)
        ]

    def section(self, title: str) -> str:
        """The text of a docstring paragraph that starts with ``Title:`` (``Why``, ``Fix``)."""
        for para in self.doc.split("\n\n"):
            para = para.strip()
            if para.startswith(f"{title}:"):
                text = " ".join(para[len(title) + 1 :].split())
                return text[:1].upper() + text[1:]
        return ""

    def matches(self, key: str) -> bool:
        """True when ``key`` is this rule's code, name or an alias."""
        return key in (self.code, self.name, *self.aliases)

    def __call__(self, *args: Any) -> Iterator[Finding]:
        yield from self.func(*args)


def rule(
    *,
    code: str,
    name: str,
    scope: Scope,
    default_severity: str,
    criteria: Iterable[str] = (),
    aliases: Iterable[str] = (),
    stubs: bool = False,
    standalone: bool | None = None,
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    """Turn a check function into a :class:`Rule`; the module docstring is its documentation.

    ``structure`` and ``process`` rules are called as ``check(process, flow, ctx)`` where
    ``flow`` is the process's :class:`~qms.check.flowgraph.FlowView` (``flow.graph`` is its
    :class:`~qms.graph.process.ProcessGraph`, for the queries of :mod:`qms.graph.queries`),
    ``system`` rules as ``check(system, ctx)``. They yield :class:`Finding` objects made with
    :func:`qms.check.finding.finding`; they never print, raise or change the model.
    """
    if not CODE_RE.match(code):
        raise ValueError(f"rule code '{code}' is not S### or Q###")
    if not NAME_RE.match(name):
        raise ValueError(f"rule name '{name}' is not kebab-case")
    if scope not in SCOPES:
        raise ValueError(f"rule {code}: scope '{scope}' is not one of {SCOPES}")

    def wrap(func: Callable[..., Iterable[Finding]]) -> Rule:
        module = sys.modules.get(func.__module__)
        doc = (module.__doc__ if module is not None else None) or func.__doc__ or ""
        return Rule(
            code=code, name=name, scope=scope, default_severity=Severity.parse(default_severity),
            criteria=tuple(criteria), func=func, doc=doc, aliases=tuple(aliases), stubs=stubs,
            standalone=scope != "system" if standalone is None else standalone,
        )

    return wrap
