"""What an imported model needs from its folder's ``system.yaml``: the roles, stakeholders,
organisation units, education forms and called processes its processes refer to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from qms.model import EducationForm, Objective, OrgUnit, Process, QualitySystem, Role, Stakeholder, Strategy
from qms.model.base import Text

__all__ = ["Additions", "add_to_system_yaml", "item_yaml", "needed", "with_additions"]

_RACI = ("responsible", "accountable", "consulted", "informed")


@dataclass
class Additions:
    """What ``system.yaml`` must list, and which processes must exist, so that imported
    processes load: every id they refer to that neither the file nor the folder defines."""

    roles: list[Role] = field(default_factory=list)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    org_units: list[OrgUnit] = field(default_factory=list)
    education_forms: list[EducationForm] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    """Strategy objectives that measures serve: they live under ``strategy:``, not in a list of their own."""
    stubs: list[Process] = field(default_factory=list)
    """Processes that are called (or are a parent) but not in the file: written as stubs to describe."""

    def lists(self) -> dict[str, list[Any]]:
        """The additions to ``system.yaml`` by its key, the empty ones left out."""
        out: dict[str, list[Any]] = {"roles": self.roles, "stakeholders": self.stakeholders, "org_units": self.org_units,
               "education_forms": self.education_forms}
        return {key: items for key, items in out.items() if items}


def _role_refs(p: Process) -> Iterator[str]:
    """Every role id a process names: lanes, owners, RACI, approvers."""
    yield from p.lanes
    for s in p.steps:
        if s.lane:
            yield s.lane
        if s.raci:
            for part in _RACI:
                yield from getattr(s.raci, part)
    owners = [p.owner, p.review.approved_by if p.review else None]
    owners += [r.owner for r in p.risks] + [m.owner for m in p.measures]
    owners += [x for d in p.documents for x in (d.owner, d.approved_by)]
    yield from (x for x in owners if x)


def _party_refs(p: Process) -> Iterator[str]:
    """Every id a process names that may be a stakeholder (or a role, unit or process)."""
    steps = {s.id for s in p.steps}
    for m in p.messages:
        yield from (end for end in (m.from_, m.to) if end not in steps)
    yield from p.customers
    for item in (*p.inputs, *p.outputs):
        yield from item.from_
        yield from item.to


def _missing(refs: Iterable[str], known: set[str]) -> list[str]:
    return [ref for ref in dict.fromkeys(refs) if ref not in known]


def needed(imported: QualitySystem, existing: QualitySystem | None = None) -> Additions:
    """What the processes of ``imported`` refer to that is defined neither in ``existing``
    (the folder's system, when it has one) nor, without one, in ``imported`` itself.

    Names come from the file where it has them (a lane's name for its role, a pool's for its
    stakeholder, a call step's for the process it calls); else the id is the name.

    Examples
    --------
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core", "lanes": ["kirjaamo"],
    ...     "steps": [{"id": "a", "start": "A", "lane": "kirjaamo"}, {"id": "b", "call": "arkistointi",
    ...     "name": "Arkistoi"}, {"id": "c", "end": "C"}], "flow": ["a -> b -> c"]})
    >>> s = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p])
    >>> add = needed(s)
    >>> [r.id for r in add.roles], [(x.process, x.name) for x in add.stubs]
    (['kirjaamo'], [('arkistointi', 'Arkistoi')])
    """
    base = existing if existing is not None else imported
    roles = {r.id for r in base.roles} | {g.id for g in base.quality_groups}
    units = {u.id for u in base.org_units}
    forms = {f.id for f in base.education_forms}
    procs = {p.process for p in (*base.processes, *imported.processes)}
    parties = roles | units | procs | {s.id for s in base.stakeholders}
    names: dict[str, Text] = {r.id: r.name for r in imported.roles}
    names |= {x.id: x.name for x in imported.stakeholders}
    out = Additions()
    processes = imported.processes
    out.stubs = _stubs(processes, procs)
    out.roles = [Role(id=r, name=names.get(r, r)) for r in _missing(
        (r for p in processes for r in _role_refs(p)), roles)]
    out.stakeholders = [Stakeholder(id=x, name=names.get(x, x)) for x in _missing(
        (x for p in processes for x in _party_refs(p)), parties | {r.id for r in out.roles} | {x.process for x in out.stubs})]
    out.org_units = [OrgUnit(id=u, name=u, level="yksikko") for u in _missing(
        (u for p in processes for u in p.org_units), units)]
    measures = [m for p in processes for m in p.measures]
    out.education_forms = [EducationForm(id=f, name=f) for f in _missing(
        [*(f for p in processes for f in p.education_forms), *(f for m in measures for f in m.education_forms)],
        forms)]
    objectives = {o.id for o in base.strategy.objectives} if base.strategy else set()
    out.objectives = [Objective(id=o, name=o) for o in _missing((o for m in measures for o in m.objectives), objectives)]
    return out


def _stubs(processes: list[Process], known: set[str]) -> list[Process]:
    """A process without steps for every process that is called or named as a parent but not known."""
    stubs: dict[str, Process] = {}
    for p in processes:
        wanted = [(s.call, s.name if s.name is not None else s.call) for s in p.steps if s.call]
        wanted += [(x, x) for x in (p.parent, *(x for m in p.measures for x in m.processes)) if x]
        for ident, name in wanted:
            if ident not in known and ident not in stubs:
                stubs[ident] = Process(process=ident, name=name, category=p.category)
    return list(stubs.values())


def with_additions(system: QualitySystem, add: Additions) -> QualitySystem:
    """``system`` with the additions to its lists (for a new ``system.yaml``)."""
    update: dict[str, Any] = {key: [*getattr(system, key), *items] for key, items in add.lists().items()}
    if add.objectives:
        strategy = system.strategy or Strategy(id=system.system, name=system.name)
        update["strategy"] = strategy.model_copy(update={"objectives": [*strategy.objectives, *add.objectives]})
    return system.model_copy(update=update)


def item_yaml(obj: Any) -> str:
    """One list item in YAML flow style: ``{id: kirjaamo, name: Kirjaamo}``."""
    data = obj.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    text: str = yaml.safe_dump(data, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6)
    return text.strip()


def add_to_system_yaml(text: str, add: Additions) -> str | None:
    """``text`` of a ``system.yaml`` with the additions appended to its lists, every other
    line left as it is (comments too); None when a list is not a plain block list, so the
    caller says what to add instead.

    Examples
    --------
    >>> text = "system: s  # ours\\nroles:\\n  - {id: a, name: A}\\n\\n# people\\nstakeholders: []\\n"
    >>> print(add_to_system_yaml(text, Additions(roles=[Role(id="b", name="Bee")])), end="")
    system: s  # ours
    roles:
      - {id: a, name: A}
      - {id: b, name: Bee}
    <BLANKLINE>
    # people
    stakeholders: []
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    data = _parse(text)
    if data is None:
        return None
    for key, items in add.lists().items():
        new = [item_yaml(x) for x in items]
        if key not in data:
            lines += [f"{key}:\n", *(f"  - {x}\n" for x in new)]
            continue
        seq = data[key]
        if not isinstance(seq, CommentedSeq) or not seq or seq.fa.flow_style():
            return None
        at = _end_of(data, key, lines)
        first = lines[seq.lc.item(0)[0]]
        if not first.lstrip().startswith("-"):
            return None
        indent = first[: first.index("-")]
        lines[at:at] = [f"{indent}- {x}\n" for x in new]
        data = _parse("".join(lines))  # (the next list's lines have moved)
        if data is None:
            return None
    result = "".join(lines)
    return result if _adds_up(text, result, add) else None


def _parse(text: str) -> CommentedMap | None:
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError:
        return None
    return data if isinstance(data, CommentedMap) else None


def _end_of(data: CommentedMap, key: str, lines: list[str]) -> int:
    """The index of the line after the last item of the top-level list ``key`` (before the blank
    lines and comments that lead to the next key)."""
    keys = list(data)
    after = keys.index(key) + 1
    end = data.lc.key(keys[after])[0] if after < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _adds_up(before: str, after: str, add: Additions) -> bool:
    """True when ``after`` holds what ``before`` holds, with the additions at the end of their lists."""
    old, new = _parse(before), _parse(after)
    if old is None or new is None:
        return False
    expected = dict(old)
    for key, items in add.lists().items():
        expected[key] = [*(old.get(key) or []), *(yaml.safe_load(item_yaml(x)) for x in items)]
    return dict(new) == expected
