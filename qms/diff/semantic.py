"""Semantic diff of two loaded systems or processes: what was added, removed or changed.

Lists of elements are matched by their id, never by their position, and lists whose order
carries no meaning (tags, customers, documents of a step …) are compared as sets, so a
reordered or reformatted file gives no change. What an element *is* (``step``, ``measure``)
and which fields get a name of their own (``owner``, ``target``, ``lane``) come from the
tables below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from qms.model import (
    Action,
    AnnualCycle,
    Architecture,
    Benchmark,
    CheckConfig,
    CycleEvent,
    DevelopmentPlan,
    Document,
    EducationForm,
    EvaluationActivity,
    EvaluationFinding,
    EvidenceRecord,
    FeedbackInstrument,
    GlossaryEntry,
    IOItem,
    MaturityItem,
    Measure,
    Objective,
    OrgUnit,
    Partnership,
    Process,
    ProcessGroup,
    Provider,
    QualityGroup,
    QualitySystem,
    Record,
    Resource,
    Result,
    Risk,
    Role,
    SelfAssessment,
    Stakeholder,
    Step,
    Strategy,
)
from qms.model.process import Flow, MessageFlow
from qms.model.system import SpecialTask

__all__ = ["Change", "ChangeKind", "diff_processes", "diff_systems", "dump_value"]

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two versions: an element added or removed, or one field changed.

    Why: the JSON contract of ``qms diff`` and the handbook's change history are lists of
    these; ``old`` and ``new`` are JSON values (None where absent).
    """

    change: ChangeKind
    what: str
    process: str | None
    id: str
    field: str | None = None
    old: Any = None
    new: Any = None
    #: the kind of the element that holds a named field (``measure`` for a ``target``); not in the JSON
    element: str = dataclasses.field(default="", compare=False)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (the keys of the contract, in its order)."""
        return {"change": self.change, "what": self.what, "process": self.process, "id": self.id,
                "field": self.field, "old": self.old, "new": self.new}


#: What an element of each model class is called in a change.
WHAT: dict[type[BaseModel], str] = {
    Process: "process", Step: "step", Flow: "flow", MessageFlow: "message", Measure: "measure",
    Result: "result", Benchmark: "benchmark", Document: "document", Risk: "risk", Record: "record",
    Resource: "resource", IOItem: "io", Role: "role", OrgUnit: "org unit", Stakeholder: "stakeholder",
    EducationForm: "education form", QualityGroup: "quality group", ProcessGroup: "process group",
    FeedbackInstrument: "feedback", EvaluationActivity: "evaluation", EvaluationFinding: "finding",
    Action: "action", CycleEvent: "event", MaturityItem: "self-assessment item", EvidenceRecord: "evidence",
    Partnership: "partnership", GlossaryEntry: "glossary term", Objective: "objective", SpecialTask: "special task",
    # single nested parts that are elements of their own
    Provider: "provider", Strategy: "strategy", Architecture: "architecture", AnnualCycle: "annual cycle",
    DevelopmentPlan: "development plan", SelfAssessment: "self-assessment", CheckConfig: "checks",
}

#: Fields that are named as what changed (``Process X: owner a → b``), by (class, field).
FIELD_WHAT: dict[tuple[type[BaseModel], str], str] = {
    (Process, "owner"): "owner",
    (Process, "lanes"): "lane",
    (Measure, "target"): "target",
    (Measure, "alert"): "target",
    (Step, "lane"): "lane",
}

#: Lists of plain values whose order carries meaning: lanes top to bottom, the map's order.
ORDERED: frozenset[tuple[type[BaseModel], str]] = frozenset({
    (Process, "lanes"), (Architecture, "value_chain"), (ProcessGroup, "processes"),
})

#: How the items of a list of elements are matched, where not by ``id``.
_KEY_ATTR: dict[type[BaseModel], str] = {
    Process: "process", Result: "period", Benchmark: "source", IOItem: "name", Record: "name",
    Resource: "name", GlossaryEntry: "term",
}

#: Lists whose items get their keys from the process (flows without ids are keyed by their ends).
_LIST_KEYS: dict[tuple[type[BaseModel], str], Callable[[Any], list[str]]] = {
    (Process, "flow"): lambda p: p.flow_ids(),
    (Process, "messages"): lambda p: p.message_ids(),
}

#: Elements whose children keep their own ids (below the others an id is prefixed: ``M-1/2025``).
_ROOT_WHATS = frozenset({"system", "process", "provider", "strategy", "architecture", "annual cycle",
                         "development plan", "self-assessment", "checks"})


def dump_value(value: Any) -> Any:
    """A model value as JSON: models as mappings without defaults, dates as ISO text.

    >>> dump_value(dt.date(2026, 1, 15))
    '2026-01-15'
    >>> dump_value(Result(period="2025", value=71.0))
    {'period': '2025', 'value': 71.0}
    """
    if isinstance(value, BaseModel):
        dumped: Any = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        return dumped
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [dump_value(v) for v in value]
    if isinstance(value, dict):
        return {k: dump_value(v) for k, v in value.items()}
    return value


def _key_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(next(iter(value.values()), ""))
    return str(value)


def _keys(owner: BaseModel, field: str, items: Sequence[Any]) -> list[str]:
    make = _LIST_KEYS.get((type(owner), field))
    if make is not None:
        return make(owner)
    keys: list[str] = []
    for item in items:
        attr = _KEY_ATTR.get(type(item), "id")
        key = getattr(item, attr, None)
        keys.append(_key_text(key) if key is not None else repr(dump_value(item)))
    return keys


@dataclass(frozen=True, slots=True)
class _Where:
    """The element being compared: what it is, its process, its id, and the field path inside it."""

    what: str
    process: str | None
    id: str
    path: str = ""

    def field(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name


def _element(item: BaseModel, key: str, parent: _Where, process: str | None) -> _Where:
    what = WHAT.get(type(item), type(item).__name__.lower())
    if isinstance(item, Process):
        return _Where(what, item.process, item.process)
    ident = key if parent.what in _ROOT_WHATS else f"{parent.id}/{key}"
    return _Where(what, process, ident)


def _walk(old: BaseModel, new: BaseModel, at: _Where) -> Iterator[Change]:
    if old == new:
        return
    cls = type(old)
    for name in cls.model_fields:
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        yield from _field(old, new, name, a, b, at)


def _field(old: BaseModel, new: BaseModel, name: str, a: Any, b: Any, at: _Where) -> Iterator[Change]:
    cls = type(old)
    named = FIELD_WHAT.get((cls, name))
    if isinstance(a, list) and isinstance(b, list) and any(isinstance(x, BaseModel) for x in (*a, *b)):
        yield from _elements(old, new, name, a, b, at)
    elif isinstance(a, BaseModel) and isinstance(b, BaseModel):
        if type(a) in WHAT:
            yield from _walk(a, b, _Where(WHAT[type(a)], at.process, _nested_id(a, at)))
        else:
            yield from _walk(a, b, _Where(at.what, at.process, at.id, at.field(name)))
    elif isinstance(a, list) and isinstance(b, list):
        yield from _values(a, b, at, name, named, ordered=(cls, name) in ORDERED)
    elif isinstance(a, dict) and isinstance(b, dict) and not _is_text(a) and not _is_text(b):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                yield _changed(at, named, f"{name}.{key}", a.get(key), b.get(key))
    elif isinstance(a, BaseModel) or isinstance(b, BaseModel):
        part = a if isinstance(a, BaseModel) else b
        if type(part) in WHAT:
            where = _Where(WHAT[type(part)], at.process, _nested_id(part, at))
            yield Change("removed" if b is None else "added", where.what, where.process, where.id,
                         old=dump_value(a), new=dump_value(b))
        else:
            yield _changed(at, named, name, a, b)
    else:
        yield _changed(at, named, name, a, b)


def _nested_id(part: BaseModel, at: _Where) -> str:
    own = getattr(part, "id", None)
    return str(own) if isinstance(own, str) else at.id


def _is_text(value: dict[Any, Any]) -> bool:
    return bool(value) and all(isinstance(v, str) for v in value.values()) and all(len(k) == 2 for k in value)


def _changed(at: _Where, named: str | None, name: str, a: Any, b: Any) -> Change:
    return Change("changed", named or at.what, at.process, at.id, at.field(name), dump_value(a), dump_value(b),
                  at.what)


def _values(a: list[Any], b: list[Any], at: _Where, name: str, named: str | None, *,
            ordered: bool) -> Iterator[Change]:
    """Lists of plain values: one change per value added or removed (for a named field such as
    ``lanes``), else one change of the list; a new order is a change only where order means something."""
    old, new = [dump_value(x) for x in a], [dump_value(x) for x in b]
    if sorted(map(repr, old)) == sorted(map(repr, new)):
        if ordered and old != new:
            yield _changed(at, named, name, a, b)
        return
    if named is None:
        yield _changed(at, None, name, a, b)
        return
    for value in old:
        if value not in new:
            yield Change("removed", named, at.process, at.id, at.field(name), value, None, at.what)
    for value in new:
        if value not in old:
            yield Change("added", named, at.process, at.id, at.field(name), None, value, at.what)


def _elements(old: BaseModel, new: BaseModel, name: str, a: list[Any], b: list[Any], at: _Where) -> Iterator[Change]:
    """Lists of elements matched by key: added, removed, and the changes inside matched pairs."""
    before = dict(zip(_keys(old, name, a), a, strict=True))
    after = dict(zip(_keys(new, name, b), b, strict=True))
    parent = at if at.path == "" else _Where(at.what, at.process, at.id)
    for key, item in before.items():
        where = _element(item, key, parent, at.process)
        if key not in after:
            yield Change("removed", where.what, where.process, where.id, None, dump_value(item), None)
        elif item != after[key]:
            yield from _walk(item, after[key], where)
    for key, item in after.items():
        if key not in before:
            where = _element(item, key, parent, at.process)
            yield Change("added", where.what, where.process, where.id, None, None, dump_value(item))


def diff_systems(old: QualitySystem, new: QualitySystem) -> list[Change]:
    """Every difference between two versions of a system, processes first in id order.

    Parameters
    ----------
    old, new
        The two loaded versions.

    Returns
    -------
    list[Change]
        Empty when the two describe the same system, whatever the formatting, comments,
        key order or the order of lists whose order carries no meaning.
    """
    changes = list(_walk(old, new, _Where("system", None, old.system)))
    return sorted(changes, key=_order)


def diff_processes(old: Process, new: Process) -> list[Change]:
    """Every difference between two versions of one process."""
    return sorted(_walk(old, new, _Where("process", old.process, old.process)), key=_order)


_KIND_ORDER = {"removed": 0, "changed": 1, "added": 2}


def _order(c: Change) -> tuple[int, str, int, str, int, str]:
    """Processes first; in each, the process's own fields, then its elements by id."""
    itself = c.id == c.process or (c.process is None and not c.element and c.what == "system")
    return (0 if c.process else 1, c.process or "", 0 if itself else 1, c.id, _KIND_ORDER[c.change], c.field or "")
