"""The diff as text for a board, as the JSON contract for tools, and as an HTML page."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import jinja2

from qms.diff.semantic import Change
from qms.model import QualitySystem, text_in

__all__ = ["FORMATS", "change_line", "format_changes", "process_names", "show_value"]

FORMATS: tuple[str, ...] = ("text", "json", "html")

#: The keys that hold an element's name in its JSON form, in the order they are tried.
_LABEL_KEYS = ("name", "task", "start", "end", "event", "decision", "parallel", "inclusive", "call", "title",
               "area", "term", "period", "label")


def process_names(*systems: QualitySystem | None, lang: str = "fi") -> dict[str, str]:
    """Process id → its name in ``lang``, from the later system where both have it."""
    names: dict[str, str] = {}
    for system in systems:
        for p in system.processes if system else []:
            names[p.process] = text_in(p.name, lang, system.default_language if system else "fi")
    return names


def show_value(value: Any, lang: str = "fi") -> str:
    """A JSON value as a board reads it.

    >>> show_value({"fi": "Hyväksyntä", "en": "Approval"}, "en")
    'Approval'
    >>> show_value(["talous", "hallitus"])
    'talous, hallitus'
    >>> show_value(None)
    '–'
    >>> show_value({"id": "ohje", "task": "Budjettiohje", "lane": "talous"})
    'Budjettiohje'
    >>> show_value({"from": "raamissa", "to": "hyvaksy", "label": "kyllä"})
    'raamissa → hyvaksy (kyllä)'
    """
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(show_value(v, lang) for v in value)
    if isinstance(value, dict):
        if value and all(isinstance(k, str) and len(k) == 2 for k in value) and all(isinstance(v, str) for v in value.values()):
            return text_in(value, lang)
        if "from" in value and "to" in value:  # a flow or a message
            label = f" ({show_value(value['label'], lang)})" if value.get("label") else ""
            return f"{value['from']} → {value['to']}{label}"
        for key in _LABEL_KEYS:
            if key in value and value[key] not in (None, ""):
                return show_value(value[key], lang)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def change_line(c: Change, names: Mapping[str, str], lang: str = "fi", *, head: bool = True) -> str:
    """One change as a sentence: ``Process Talousarvio: owner talousjohtaja → controller``.

    Without ``head`` the process is left out (``owner talousjohtaja → controller``), for a
    page that is about that process already.
    """
    line = _line(c, lang)
    if not head:
        return line.removeprefix(": ") or c.change
    return (f"Process {names.get(c.process, c.process)}" if c.process else "System") + line


def _line(c: Change, lang: str) -> str:
    """The sentence after its head, starting with ``": "``."""
    kind = c.element or c.what
    itself = c.process is not None and c.id == c.process and kind == "process"
    element = "" if itself else f"{kind} {c.id}"
    where = f"{element}: " if element else ""
    if c.change == "changed":
        return f": {where}{c.field} {show_value(c.old, lang)} → {show_value(c.new, lang)}"
    value = c.new if c.change == "added" else c.old
    if c.field:  # a value added to or removed from a list (a lane, a customer)
        return f": {where}{c.what} {show_value(value, lang)} {c.change}"
    if itself:
        return f": {c.change}"
    label = show_value(value, lang)
    return f": {element} {c.change}" + (f" ({label})" if label not in ("–", c.id) else "")


def _text(changes: Sequence[Change], names: Mapping[str, str], lang: str, title: str) -> str:
    if not changes:
        return f"{title}: no changes\n"
    n = len(changes)
    lines = [f"{title}: {n} change{'s' if n != 1 else ''}"]
    lines += [change_line(c, names, lang) for c in changes]
    return "\n".join(lines) + "\n"


def _json(changes: Sequence[Change]) -> str:
    return json.dumps({"version": 1, "changes": [c.as_dict() for c in changes]}, ensure_ascii=False, indent=2) + "\n"


_HTML = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string("""\
<!DOCTYPE html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.added{color:#1a6b1a}.removed{color:#a11}.old{text-decoration:line-through;color:#666}
@media print{body{margin:0}}
</style></head>
<body>
<h1>{{ title }}</h1>
{% if not rows %}<p>No changes.</p>{% else %}
<p>{{ rows|length }} change{{ '' if rows|length == 1 else 's' }}.</p>
<table>
<thead><tr><th>Process</th><th>Change</th><th>What</th><th>Id</th><th>Field</th><th>Old</th><th>New</th></tr></thead>
<tbody>
{% for r in rows %}<tr class="{{ r.change }}"><td>{{ r.process }}</td><td>{{ r.change }}</td><td>{{ r.what }}</td>\
<td>{{ r.id }}</td><td>{{ r.field }}</td><td class="old">{{ r.old }}</td><td>{{ r.new }}</td></tr>
{% endfor %}</tbody>
</table>{% endif %}
</body>
</html>
""")


def _html(changes: Sequence[Change], names: Mapping[str, str], lang: str, title: str) -> str:
    rows = [{"process": names.get(c.process, c.process) if c.process else "", "change": c.change, "what": c.what,
             "id": c.id, "field": c.field or "", "old": show_value(c.old, lang) if c.change != "added" else "",
             "new": show_value(c.new, lang) if c.change != "removed" else ""} for c in changes]
    return _HTML.render(rows=rows, lang=lang, title=title)


def format_changes(fmt: str, changes: Sequence[Change], names: Mapping[str, str] | None = None, *,
                   lang: str = "fi", title: str = "Changes") -> str:
    """The changes in ``fmt`` (``text``, ``json`` or ``html``); the same input gives the same bytes."""
    names = names or {}
    if fmt == "json":
        return _json(changes)
    if fmt == "html":
        return _html(changes, names, lang, title)
    return _text(changes, names, lang, title)
