"""A process description: steps, flows, lanes, messages and its quality attributes."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from qms.model.base import Id, StrictModel, Text, slugify
from qms.model.measure import Measure

__all__ = [
    "CATEGORIES",
    "STEP_KINDS",
    "Document",
    "Flow",
    "IOItem",
    "MessageFlow",
    "Process",
    "Raci",
    "Record",
    "Resource",
    "Review",
    "Risk",
    "Step",
    "expand_flow",
    "expand_message",
]

Category = Literal["management", "core", "support"]
CATEGORIES: tuple[str, ...] = ("management", "core", "support")
Level = Literal["process_area", "main_process", "process", "subprocess"]
Pdca = Literal["plan", "do", "check", "act"]
Trigger = Literal["none", "timer", "message", "signal", "conditional", "escalation", "error", "terminate",
                  "compensate", "cancel", "link"]
#: What kind of task or sub-process a step is, as BPMN tools draw it (``type: user``).
StepType = Literal["user", "service", "script", "receive", "send", "manual", "business_rule", "transaction",
                   "ad_hoc", "event"]
Loop = Literal["standard", "parallel", "sequential"]

#: The key that names a step's kind, in the order they are tried.
STEP_KINDS: tuple[str, ...] = (
    "start",
    "end",
    "event",
    "task",
    "decision",
    "parallel",
    "inclusive",
    "call",
    "subprocess",
    "event_gateway",
    "complex",
)
_KIND_KEYS = frozenset(STEP_KINDS)

_PDCA_SHORT = {"p": "plan", "d": "do", "c": "check", "a": "act"}


class Raci(StrictModel):
    """Who is responsible, accountable, consulted and informed for a step (role ids)."""

    responsible: list[Id] = Field(default_factory=list)
    accountable: list[Id] = Field(default_factory=list)
    consulted: list[Id] = Field(default_factory=list)
    informed: list[Id] = Field(default_factory=list)

    @field_validator("responsible", "accountable", "consulted", "informed", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Step(StrictModel):
    """One node of a process flow; its kind is the key that carries its name.

    Why: ``{id: ohje, task: Budjettiohje, lane: talous}`` reads like the step table a
    quality team already writes. Exactly one of the kind keys (``start``, ``end``,
    ``event``, ``task``, ``decision``, ``parallel``, ``inclusive``, ``call``, ``subprocess``,
    ``event_gateway``, ``complex``) is given.
    For ``call`` the value is the id of the called process and ``name`` is optional.
    A step ``within`` a ``subprocess`` step is drawn inside it; an ``event`` ``attached_to``
    an activity is a boundary event. ``bpmn_id`` keeps an id of an imported file that is no
    valid model id, ``xml`` what the model has no field for (written back as it was).
    """

    id: Id
    start: Text | None = None
    end: Text | None = None
    event: Text | None = None
    task: Text | None = None
    decision: Text | None = None
    parallel: Text | None = None
    inclusive: Text | None = None
    call: Id | None = None
    subprocess: Text | None = None
    event_gateway: Text | None = None
    complex: Text | None = None
    name: Text | None = None
    type: StepType | None = None
    lane: Id | None = None
    within: Id | None = None
    collapsed: bool = False
    attached_to: Id | None = None
    interrupting: bool = True
    loop: Loop | None = None
    trigger: Trigger | None = None
    when: Text | None = None
    throw: bool = False
    pdca: Pdca | None = None
    phase: str | None = None
    description: Text | None = None
    documents: list[Id] = Field(default_factory=list)
    reads: list[Id] = Field(default_factory=list)
    systems: list[Text] = Field(default_factory=list)
    raci: Raci | None = None
    note: Text | None = None
    bpmn_id: str | None = None
    xml: str | None = None
    ignore: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        present = _KIND_KEYS.intersection(data)
        if len(present) == 1 and "id" in data and "pdca" not in data:
            # the usual step: one kind with a name and an id, nothing to derive (no copy)
            (kind,) = present
            value = data[kind]
            if value is not None and not (kind == "call" and isinstance(value, str) and not value.strip()):
                return data
        data = dict(data)
        kinds = [k for k in STEP_KINDS if k in data]
        if len(kinds) > 1 and any(data[k] is not None for k in kinds):
            # a dump without exclude_defaults holds every kind key as None
            kinds = [k for k in kinds if data[k] is not None or data.pop(k) is not None]
        if len(kinds) > 1:
            raise ValueError(f"a step has one kind, this one has {len(kinds)}: {', '.join(kinds)}")
        if not kinds:
            raise ValueError(
                "a step needs its kind as a key: start, end, event, task, decision, "
                "parallel, inclusive, call, subprocess, event_gateway or complex"
            )
        value = data[kinds[0]]
        if kinds[0] == "call" and (value is None or (isinstance(value, str) and not value.strip())):
            raise ValueError("`call:` needs the id of the called process")
        if value is None:
            data[kinds[0]] = ""  # a step without a name: the label-required check reports it
        if "id" not in data:
            label = data.get(kinds[0]) if kinds[0] != "call" else data.get("call")
            if isinstance(label, dict):
                label = next(iter(label.values()), "")
            if isinstance(label, str) and label:
                data["id"] = slugify(label)
        pdca = data.get("pdca")
        if isinstance(pdca, str) and pdca.lower() in _PDCA_SHORT:
            data["pdca"] = _PDCA_SHORT[pdca.lower()]
        elif isinstance(pdca, str):
            data["pdca"] = pdca.lower()
        return data

    @property
    def kind(self) -> str:
        """The step kind: one of :data:`STEP_KINDS`."""
        for key in STEP_KINDS:
            if getattr(self, key) is not None:
                return key
        raise AssertionError("validated step without kind")

    @property
    def label(self) -> Text | None:
        """The step's name (for a call, ``name`` if given)."""
        if self.kind == "call":
            return self.name
        value: Text | None = getattr(self, self.kind)
        return value


_FLOW_RE = re.compile(r"\s*->\s*")


def _chain_and_label(item: Any) -> tuple[str, Any] | None:
    """Split a compact item into its ``a -> b`` chain and its label (None when absent).

    YAML reads the unquoted line ``a -> b: kyllä`` as the mapping ``{"a -> b": "kyllä"}``;
    a quoted ``"a -> b: kyllä"`` stays one string. Both mean the same.
    """
    if isinstance(item, dict) and len(item) == 1:
        ((key, value),) = item.items()
        if isinstance(key, str) and "->" in key:
            if isinstance(value, dict | list):
                return None
            return key, (None if value is None else value if isinstance(value, str) else str(value))
        return None
    if isinstance(item, str):
        arrow = item.rfind("->")
        colon = item.find(":", arrow if arrow >= 0 else 0)
        if colon < 0:
            return item, None
        return item[:colon], item[colon + 1 :].strip() or None
    return None


def _parts(chain: str) -> list[str]:
    return [p.strip() for p in _FLOW_RE.split(chain.strip())]


def expand_flow(item: Any) -> list[Any]:
    """Expand one ``flow:`` item: ``a -> b -> c`` or ``d -> x: label`` or a mapping.

    Examples
    --------
    >>> expand_flow("a -> b -> c")
    [{'from': 'a', 'to': 'b'}, {'from': 'b', 'to': 'c'}]
    >>> expand_flow("d -> x: kyllä")
    [{'from': 'd', 'to': 'x', 'label': 'kyllä'}]
    >>> expand_flow({"d -> x": "ei"})
    [{'from': 'd', 'to': 'x', 'label': 'ei'}]
    """
    split = _chain_and_label(item)
    if split is None:
        return [item]
    chain, label = split
    parts = _parts(chain)
    if len(parts) < 2 or any(not p for p in parts):
        raise ValueError(f"flow '{chain.strip()}' is not 'a -> b', 'a -> b -> c' or 'a -> b: label'")
    out: list[Any] = []
    for i, (src, dst) in enumerate(itertools.pairwise(parts)):
        flow: dict[str, Any] = {"from": src, "to": dst}
        if label is not None and i == len(parts) - 2:
            flow["label"] = label
        out.append(flow)
    return out


def expand_message(item: Any) -> list[Any]:
    """Expand one ``messages:`` item: ``step -> pool: name`` or ``pool -> step: name``."""
    split = _chain_and_label(item)
    if split is None:
        return [item]
    chain, label = split
    parts = _parts(chain)
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"message '{chain.strip()}' is not 'step -> participant: name'")
    msg: dict[str, Any] = {"from": parts[0], "to": parts[1]}
    if label is not None:
        msg["name"] = label
    return [msg]


def _expand_or_keep(expand: Any, item: Any) -> list[Any]:
    if isinstance(item, dict) and len(item) != 1:
        return [item]  # a flow or message written out as a mapping: nothing to expand
    # A malformed line stays as it is, so that its own validator reports it at its index.
    try:
        return list(expand(item))
    except ValueError:
        return [item]


def _single(expand: Any, data: Any) -> Any:
    if isinstance(data, dict) and len(data) != 1:
        return data
    if _chain_and_label(data) is not None:
        return expand(data)[0]
    return data


class Flow(StrictModel):
    """A sequence flow between two steps, with an optional label and condition."""

    id: Id | None = None
    from_: Id = Field(alias="from")
    to: Id
    label: Text | None = None
    condition: str | None = None
    default: bool = False
    bpmn_id: str | None = None
    xml: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, data: Any) -> Any:
        return _single(expand_flow, data)


class MessageFlow(StrictModel):
    """A message between a step and an external participant (a stakeholder pool)."""

    id: Id | None = None
    from_: Id = Field(alias="from")
    to: Id
    name: Text | None = None
    bpmn_id: str | None = None
    xml: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, data: Any) -> Any:
        return _single(expand_message, data)


class IOItem(StrictModel):
    """A process input or output, optionally naming where it comes from or goes to.

    ``from`` / ``to`` hold process or stakeholder ids; they make the output→input
    hand-offs of the process map.
    """

    name: Text
    from_: list[Id] = Field(default_factory=list, alias="from")
    to: list[Id] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"name": data}
        if isinstance(data, dict):
            data = dict(data)
            for key in ("from", "to"):
                if isinstance(data.get(key), str):
                    data[key] = [data[key]]
        return data


class Resource(StrictModel):
    """A resource a process needs: a role, an information system, a facility or a budget."""

    kind: Literal["role", "system", "facility", "budget", "other"]
    name: Text


class Risk(StrictModel):
    """A risk or opportunity of a process, with its controls (ISO 9001 6.1)."""

    id: Id
    name: Text
    kind: Literal["risk", "opportunity"] = "risk"
    likelihood: int | None = Field(default=None, ge=1, le=5)
    impact: int | None = Field(default=None, ge=1, le=5)
    controls: list[Text] = Field(default_factory=list)
    owner: Id | None = None
    review_date: date | None = None


DocType = Literal[
    "policy", "manual", "process_description", "instruction", "plan", "form", "report", "record", "other"
]


class Document(StrictModel):
    """A controlled document (ISO 9001 7.5): a plan, form, report, record or instruction."""

    id: Id
    name: Text
    type: DocType = "other"
    owner: Id | None = None
    version: str | None = None
    approved_by: Id | None = None
    approved: date | None = None
    review_due: date | None = None
    event_date: date | None = None
    public: bool = False
    uri: str | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class Record(StrictModel):
    """Retained documented information: what, in which system, for how long."""

    name: Text
    system: Text | None = None
    retention: Text | None = None


class Review(StrictModel):
    """Version and approval of a process description, and its next review."""

    version: str | None = None
    approved_by: Id | None = None
    approved: date | None = None
    last_reviewed: date | None = None
    next_review: date | None = None
    outcome: Text | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class Process(StrictModel):
    """One process description (prosessikuvaus).

    Why: everything a quality team writes about one process lives in one file, so the
    owner can review it as one unit. Only ``process``, ``name`` and ``category`` are
    required: a description may start as a stub and grow; the checks say what is missing.
    ``gateways: drawn`` (set by the import) exports the flow as it was drawn, without the split
    and join gateways the export otherwise makes explicit; ``bpmn_lanes`` keeps the ids its lanes had.
    """

    process: Id
    name: Text
    code: str | None = None
    category: Category
    level: Level = "process"
    parent: Id | None = None
    owner: Id | None = None
    purpose: Text | None = None
    description: Text | None = None
    scope_start: Text | None = None
    scope_end: Text | None = None
    tags: list[str] = Field(default_factory=list)
    criticality: Literal["high", "normal", "low"] = "normal"
    governed_by_cycle: bool = False
    customers: list[Id] = Field(default_factory=list)
    education_forms: list[Id] = Field(default_factory=list)
    org_units: list[Id] = Field(default_factory=list)
    inputs: list[IOItem] = Field(default_factory=list)
    outputs: list[IOItem] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    lanes: list[Id] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    flow: list[Flow] = Field(default_factory=list)
    messages: list[MessageFlow] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    review: Review | None = None
    internal: bool = False  # kept out of a public handbook
    gateways: Literal["derived", "drawn"] = "derived"
    bpmn_id: str | None = None
    bpmn_lanes: dict[Id, str] = Field(default_factory=dict)  # role → the id of its lane in the BPMN file
    xml: str | None = None
    ignore: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        copied = False
        for key, expand in (("flow", expand_flow), ("messages", expand_message)):
            items = data.get(key)
            # only compact items expand: a list of written-out mappings is kept as it is (no copy)
            if isinstance(items, list) and not all(isinstance(x, dict) and len(x) != 1 for x in items):
                if not copied:
                    data, copied = dict(data), True
                data[key] = [x for item in items for x in _expand_or_keep(expand, item)]
        return data

    @property
    def id(self) -> str:
        """The process id (the ``process:`` key)."""
        return self.process

    @property
    def is_stub(self) -> bool:
        """True while the process has no steps yet (it is on the map, not described)."""
        return not self.steps

    def step(self, step_id: str) -> Step | None:
        """Return the step with ``step_id``, or None."""
        for s in self.steps:
            if s.id == step_id:
                return s
        return None

    def flow_ids(self) -> list[str]:
        """Stable, unique ids for the flows, derived from their ends where not given.

        Two flows between the same steps get ``f_a_b`` and ``f_a_b_2``.
        """
        seen: dict[str, int] = {}
        given = {f.id for f in self.flow if f.id}
        out = []
        for f in self.flow:
            if f.id:
                out.append(f.id)
                continue
            base = f"f_{f.from_}_{f.to}"
            n = seen.get(base, 0) + 1
            seen[base] = n
            fid = base if n == 1 else f"{base}_{n}"
            while fid in given:
                n += 1
                seen[base] = n
                fid = f"{base}_{n}"
            out.append(fid)
        return out

    def message_ids(self) -> list[str]:
        """Stable, unique ids for the message flows (``m_a_b``, ``m_a_b_2``)."""
        seen: dict[str, int] = {}
        out = []
        for m in self.messages:
            if m.id:
                out.append(m.id)
                continue
            base = f"m_{m.from_}_{m.to}"
            n = seen.get(base, 0) + 1
            seen[base] = n
            out.append(base if n == 1 else f"{base}_{n}")
        return out
