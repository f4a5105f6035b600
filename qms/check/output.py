"""Finding formatters: compiler-style text, the JSON contract, SARIF 2.1.0 and GitHub annotations.

Every formatter returns a string; the CLI decides where it goes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import click

from qms.check.finding import Finding, Severity
from qms.check.rule import Rule

__all__ = [
    "FORMATS",
    "JSON_VERSION",
    "Summary",
    "format_findings",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "summarise",
]

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/qms-toolkit/qms"
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of a run: findings by severity, files read and processes checked."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    files: int = 0
    processes: int = 0

    def as_dict(self) -> dict[str, int]:
        """The ``summary`` object of the JSON contract."""
        return {"errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "files": self.files, "processes": self.processes}

    def __str__(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return (f"{n(self.errors, 'error')}, {n(self.warnings, 'warning')}, {n(self.infos, 'info')} "
                f"in {n(self.files, 'file')} ({n(self.processes, 'process').replace('processs', 'processes')})")


def summarise(findings: Iterable[Finding], *, files: int = 0, processes: int = 0) -> Summary:
    """Count ``findings`` by severity."""
    counts = dict.fromkeys(Severity, 0)
    for f in findings:
        counts[f.severity] += 1
    return Summary(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], files, processes)


def _head(f: Finding) -> str:
    where = f.file or "<system>"
    if f.line:
        where += f":{f.line}:{f.column}"
    return where


def format_text(findings: Iterable[Finding], *, colour: bool = False) -> str:
    """One line per finding: ``file:line:col: severity CODE name: message (hint)``.

    Examples
    --------
    >>> from qms.location import SourceLocation
    >>> f = Finding("S003", "no-dead-end", Severity.ERROR, "the flow stops at step 'x'", "add a flow",
    ...             SourceLocation("p.yaml", 12, 5))
    >>> print(format_text([f]), end="")
    p.yaml:12:5: error S003 no-dead-end: the flow stops at step 'x' (add a flow)
    """
    out = []
    for f in findings:
        rule = f.code if f.code == f.name else f"{f.code} {f.name}"
        severity = f.severity.value
        head = _head(f)
        if colour:
            head = click.style(head, bold=True)
            severity = click.style(severity, fg=_COLOURS[severity], bold=f.severity is Severity.ERROR)
            rule = click.style(rule, dim=True)
        line = f"{head}: {severity} {rule}: {f.message}"
        if f.refs:
            line += f" [{'; '.join(f.refs)}]"
        if f.hint:
            line += f" ({f.hint})"
        out.append(line + "\n")
    return "".join(out)


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding as the JSON contract's object (exact keys)."""
    return {
        "rule": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "process": f.process or None,
        "element": f.element or None,
        "criteria": list(f.criteria),
    }


def format_json(findings: Sequence[Finding], summary: Summary) -> str:
    """The JSON contract: ``{"version": 1, "findings": [...], "summary": {...}}``."""
    data = {"version": JSON_VERSION, "findings": [finding_dict(f) for f in findings], "summary": summary.as_dict()}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(r: Rule) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "helpUri": r.doc_url,
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.default_severity.value]},
        "properties": {"tags": [r.scope, *r.criteria], "criteria": list(r.criteria)},
    }
    why = r.section("Why")
    if why:
        entry["fullDescription"] = {"text": why}
    fix = r.section("Fix")
    if fix:
        entry["help"] = {"text": fix}
    return entry


def format_sarif(findings: Sequence[Finding], rules: Sequence[Rule], *, version: str = "") -> str:
    """SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, VS Code SARIF viewer).

    Every rule that ran is in ``tool.driver.rules``; a finding of a rule outside that list
    (``load``, ``config``, ``internal-error``) gets a rule entry of its own.
    """
    from qms import __version__

    driver_rules = [_sarif_rule(r) for r in rules]
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        if f.code not in index:
            index[f.code] = len(driver_rules)
            driver_rules.append({"id": f.code, "name": f.name, "shortDescription": {"text": f.name},
                                 "defaultConfiguration": {"level": "error"}})
        physical: dict[str, Any] = {"artifactLocation": {"uri": f.file or ".", "uriBaseId": "%SRCROOT%"}}
        if f.line:
            physical["region"] = {"startLine": f.line, "startColumn": max(f.column, 1)}
        location: dict[str, Any] = {"physicalLocation": physical}
        if f.process or f.element:
            name = f.element or f.process
            parts = list(dict.fromkeys(x for x in (f.process, f.element) if x))
            full = "/".join(parts)
            location["logicalLocations"] = [{"name": name, "fullyQualifiedName": full, "kind": "element"}]
        text = f.message + (f" ({f.hint})" if f.hint else "")
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity.value],
            "message": {"text": text},
            "locations": [location],
            "partialFingerprints": {"qms/v1": "/".join((f.code, f.process, f.element, f.message))},
        }
        if f.criteria:
            result["properties"] = {"criteria": list(f.criteria)}
        results.append(result)
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "qms", "version": version or __version__,
                                "informationUri": INFORMATION_URI, "rules": driver_rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: ``::warning file=…,line=…,col=…,title=…::message``.

    Examples
    --------
    >>> from qms.location import SourceLocation
    >>> f = Finding("Q108", "review-overdue", Severity.WARNING, "review was due", "", SourceLocation("p.yaml", 3, 1))
    >>> print(format_github([f]), end="")
    ::warning file=p.yaml,line=3,col=1,title=Q108 review-overdue::review was due
    """
    out = []
    for f in findings:
        props = []
        if f.file:
            props.append(f"file={_escape_property(f.file)}")
        if f.line:
            props.append(f"line={f.line}")
            props.append(f"col={max(f.column, 1)}")
        title = f.code if f.code == f.name else f"{f.code} {f.name}"
        props.append(f"title={_escape_property(title)}")
        text = f.message + (f" ({f.hint})" if f.hint else "")
        out.append(f"::{_GITHUB_LEVEL[f.severity.value]} {','.join(props)}::{_escape_data(text)}\n")
    return "".join(out)


def format_findings(fmt: str, findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule],
                    *, colour: bool = False) -> str:
    """Dispatch to the formatter named ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "text":
        return format_text(findings, colour=colour)
    if fmt == "json":
        return format_json(findings, summary)
    if fmt == "sarif":
        return format_sarif(findings, rules)
    if fmt == "github":
        return format_github(findings)
    raise ValueError(f"unknown format '{fmt}'")
