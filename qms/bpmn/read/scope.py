"""What one import keeps while it reads: ids handed out, the process being read, small helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from qms.bpmn.tags import QMS, q
from qms.model import LANGUAGES, Process, slugify
from qms.model.base import ID_PATTERN

__all__ = ["Container", "Ids", "Scope", "add_data", "first", "name_id", "ordered", "payload_text", "ref", "text"]

_LANG_ORDER = {lang: i for i, lang in enumerate(LANGUAGES)}
_T_QMS_PART = q(QMS, "part")


def ordered(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects as dicts, translated texts in the language order fi, en, sv, se."""
    data = dict(pairs)
    if len(data) > 1 and all(k in _LANG_ORDER for k in data):
        return dict(sorted(data.items(), key=lambda kv: _LANG_ORDER[kv[0]]))
    return data


def text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return "".join(el.itertext()).strip()


def first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag: ``el.find(tag)`` without the element-path machinery."""
    for child in el.iterchildren(tag):
        return child
    return None


def payload_text(payload: etree._Element) -> str:
    """The JSON of a ``qms:model`` or ``qms:system``: its text, or its ``qms:part`` children joined
    (long payloads are written in parts, see :func:`qms.bpmn.write.write_payload`)."""
    text: str | None = payload.text
    if text and text.strip():
        return text
    parts = [part.text or "" for part in payload.iterchildren(_T_QMS_PART)]
    return "".join(parts) or "{}"


def add_data(step: dict[str, Any], key: str, target: tuple[str, str]) -> None:
    """Record what a data association points to: a document under ``key`` (``documents`` or
    ``reads``), a data store under ``systems``; each once."""
    kind, name = target
    values = step.setdefault(key if kind == "document" else "systems", [])
    if name not in values:
        values.append(name)


def ref(value: str | None) -> str:
    """A reference without its namespace prefix (``tns:Process_1`` → ``Process_1``)."""
    if not value:
        return ""
    if ":" in value:
        value = value.rpartition(":")[2]
    return value.strip()


def name_id(name: str, limit: int = 32) -> str:
    """An id made from a name, cut at a word boundary.

    Examples
    --------
    >>> name_id("Hyväksy hankinta-ehdotus")
    'hyvaksy_hankinta-ehdotus'
    >>> name_id("Review the purchase request and decide whether it can be approved")
    'review_the_purchase_request_and'
    """
    slug = slugify(name)
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut[: cut.rfind("_")] if "_" in cut[1:] else cut


class Ids:
    """Valid, unique model ids for one scope: kept when valid, slugified otherwise."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # base → next suffix to try (no quadratic probing)

    def take(self, raw: str, *, valid: bool = False) -> str:
        """A unique id for ``raw``; ``valid`` says that it is a valid id already."""
        base = raw if valid or ID_PATTERN.fullmatch(raw) else slugify(raw)
        ident = base
        if ident in self.used:
            n = self.next.get(base, 2)
            while f"{base}_{n}" in self.used:
                n += 1
            ident = f"{base}_{n}"
            self.next[base] = n + 1
        self.used.add(ident)
        return ident


@dataclass
class Container:
    """A process (or sub-process) being read."""

    el: etree._Element
    id: str
    name: str
    participant: etree._Element | None = None
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)  # xml id → step data
    order: list[tuple[int, str]] = field(default_factory=list)  # (place in the file, xml id)
    flows: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    lanes: list[tuple[str | None, int, str]] = field(default_factory=list)  # (xml id, place, role)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_ids: Ids = field(default_factory=Ids)
    resources: list[dict[str, Any]] = field(default_factory=list)
    ids: Ids = field(default_factory=Ids)
    step_id: dict[str, str] = field(default_factory=dict)  # xml id → step id
    assocs: dict[str, list[etree._Element]] = field(default_factory=dict)  # xml id → data associations
    purpose: str = ""
    noted: set[str] = field(default_factory=set)  # xml ids of the text annotations a step took
    carried: list[etree._Element] = field(default_factory=list)  # children the model has no field for
    qms: Process | None = None  # the embedded model, when qms wrote the file
    prefix: str = ""


@dataclass(slots=True)
class Scope:
    """Where flow elements are read: their process, the sub-process step they are ``within``, and
    the lane of each flow node (the innermost lane that lists it)."""

    c: Container
    within: str | None = None
    lanes_of: dict[str, str] = field(default_factory=dict)
