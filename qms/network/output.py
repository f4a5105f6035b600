"""A comparison as text, as JSON for tools, and as an HTML report with charts."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from qms.diff.output import show_value
from qms.network.chart import line_chart
from qms.network.compare import Comparison, IndicatorRow

__all__ = ["FORMATS", "comparison_dict", "format_comparison", "indicator_chart"]

FORMATS: tuple[str, ...] = ("text", "json", "html")


def comparison_dict(c: Comparison) -> dict[str, Any]:
    """The JSON form: every table keyed by member id."""
    ids = c.ids
    return {
        "version": 1,
        "name": c.name,
        "as_of": c.as_of.isoformat() if c.as_of else None,
        "notice": c.notice or None,
        "members": [{"id": m.id, "name": m.name, "path": m.path, "as_of": m.as_of.isoformat() if m.as_of else None}
                    for m in c.members],
        "map": [{"id": r.id, "name": r.name, "category": r.category,
                 "members": {i: {"status": s, "processes": list(p)} for i, s, p in zip(ids, r.cells, r.processes,
                                                                                        strict=True)}}
                for r in c.map],
        "coverage": [{"framework": r.framework, "criterion": r.criterion, "title": r.title,
                      "members": dict(zip(ids, r.cells, strict=True))} for r in c.coverage],
        "indicators": [{"id": r.id, "name": r.name, "unit": r.unit, "direction": r.direction, "period": r.period,
                        "definition": r.definition,
                        "members": {i: None if cell is None else
                                    {"measure": cell.measure, "target": cell.target,
                                     "results": [{"period": p, "value": v} for p, v in cell.results]}
                                    for i, cell in zip(ids, r.cells, strict=True)}}
                       for r in c.indicators],
        "calendar": [{"when": w, "member": m, "kind": k, "id": i, "name": n} for w, m, k, i, n in c.calendar],
        "merge": [{"id": r.id, "name": r.name, "state": r.state, "members": list(r.members),
                   "changes": list(r.changes)} for r in c.merge],
    }


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    return ["  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip() for row in (head, *rows)]


def _results(cell: Any) -> str:
    return " · ".join(f"{p} {show_value(v)}" for p, v in cell.results) or "no results"


def _text(c: Comparison) -> str:
    ids = list(c.ids)
    when = f" as of {c.as_of.isoformat()}" if c.as_of else ""
    out = [f"Comparison: {c.name}{when} ({len(ids)} member{'s' if len(ids) != 1 else ''})"]
    out += [f"  {c.notice}"] if c.notice else []
    out += [f"  {m.id}: {m.name}" + (f" (as of {m.as_of.isoformat()})" if m.as_of else "") for m in c.members]
    out += ["", "Process map: described, stub or lacks"]
    out += _table(["process", *ids], [[f"{r.id} ({r.category})", *r.cells] for r in c.map])
    if c.coverage:
        out += ["", "Criteria coverage: each member's own report"]
        out += _table(["criterion", *ids], [[r.criterion, *(s or "–" for s in r.cells)] for r in c.coverage])
    for ind in c.indicators:
        out += ["", f"Indicator {ind.id}: {ind.name} ({ind.unit}, {ind.direction} is better, per {ind.period.replace('_', ' ')})"]
        for i, cell in zip(ids, ind.cells, strict=True):
            out.append(f"  {i}: " + ("no measure" if cell is None else
                                      f"{cell.measure} target {cell.target or '–'}: {_results(cell)}"))
    if c.calendar:
        out += ["", "Calendar: development plans and evaluations"]
        out += [f"  {w:<10}  {m:<10}  {k:<22}  {i}  {n}" for w, m, k, i, n in c.calendar]
    if c.merge:
        out += ["", "Merge: process by process"]
        for r in c.merge:
            state = {"only": f"only in {r.members[0]}", "common": f"the same in {', '.join(r.members)}",
                     "differs": f"differs between {', '.join(r.members)} ({len(r.changes)} changes)"}[r.state]
            out.append(f"  {r.id}: {state}")
            out += [f"      {line}" for line in r.changes]
    return "\n".join(out) + "\n"


def indicator_chart(row: IndicatorRow, ids: Sequence[str]) -> str:
    """The chart of one shared indicator: one line per member with results."""
    series = [(i, cell.results) for i, cell in zip(ids, row.cells, strict=True) if cell is not None]
    return line_chart(row.name, row.unit, series)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("qms.network", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _html(c: Comparison, links: Mapping[str, str]) -> str:
    charts = {r.id: Markup(indicator_chart(r, c.ids)) for r in c.indicators}
    return _environment().get_template("compare.html").render(c=c, charts=charts, links=links, show=show_value,
                                                              results=_results)


def format_comparison(fmt: str, c: Comparison, *, links: Mapping[str, str] | None = None) -> str:
    """The comparison in ``fmt``; ``links`` maps a member id to its handbook (html only)."""
    if fmt == "json":
        return json.dumps(comparison_dict(c), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(c, links or {})
    return _text(c)
