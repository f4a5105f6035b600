"""The model of each process read: steps ordered by their place in the diagram, flows, lanes, data;
for a file qms wrote, the embedded model, merged with what was edited in another tool."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from lxml import etree
from pydantic import ValidationError

from qms.bpmn.tags import b
from qms.graph.kinds import DEFAULT_HOLDER_KINDS, GATEWAY_KINDS
from qms.model import Flow, MessageFlow, Process, Step, slugify, text_in
from qms.model.base import ID_PATTERN

from .keep import T_KEEP_ROOT, bound_types, named_prefixes
from .reader import NOWHERE, Reader
from .scope import Container, first

__all__ = ["build_process", "iter_processes"]

#: What the reader notes on a step for itself, not for the model.
_PRIVATE = frozenset({"_called", "_default", "_derived", "_attached"})
_PROCESS_ATTRS = frozenset({"id", "name"})
_E = TypeVar("_E", Flow, MessageFlow)


def build_process(r: Reader, c: Container, default_lang: str) -> Process | None:
    # fold derived gateways: flows into a join and out of a split go to/from their step
    derived = {x: s["_derived"] for x, s in c.steps.items() if "_derived" in s}
    flows = list(c.flows)
    if derived:
        into: dict[str, list[dict[str, Any]]] = {}
        out_of: dict[str, list[dict[str, Any]]] = {}
        for f in flows:
            into.setdefault(f["to"], []).append(f)
            out_of.setdefault(f["from"], []).append(f)
        kept: list[dict[str, Any]] = []
        for f in flows:
            if f.get("_derived"):
                continue
            f = dict(f)
            while f["to"] in derived and derived[f["to"]][0] == "join":
                nxt = out_of.get(f["to"], [])
                if len(nxt) != 1:
                    break
                f["to"] = nxt[0]["to"]
            while f["from"] in derived and derived[f["from"]][0] == "split":
                prev = into.get(f["from"], [])
                if len(prev) != 1:
                    break
                f["from"] = prev[0]["from"]
            kept.append(f)
        flows = kept
        xml_ids: dict[str, list[str]] | None = None  # model step id → its XML ids, made when needed
        for x in derived:
            gateway = c.steps.pop(x)
            if gateway.get("_default"):
                if xml_ids is None:
                    xml_ids = {}
                    for xml_id in c.steps:
                        xml_ids.setdefault(c.step_id.get(xml_id, ""), []).append(xml_id)
                for xml_id in xml_ids.get(derived[x][1], ()):
                    if xml_id in c.steps:
                        c.steps[xml_id]["_default"] = gateway["_default"]
        c.order = [(k, x) for k, x in c.order if x not in derived]
    steps: list[dict[str, Any]] = []
    pos = r.pos
    for *_, xml_id in sorted([(pos.get(x, NOWHERE), n, x) for n, x in c.order]):
        data = c.steps.get(xml_id)
        if data is None:
            continue
        step = data if _PRIVATE.isdisjoint(data) else {k: v for k, v in data.items() if k not in _PRIVATE}
        if "_attached" in data:
            host = c.step_id.get(data["_attached"])
            if host is None:
                r.warn(None, f"boundary event '{data['id']}' is attached to '{data['_attached']}', which is no step "
                             "of this process: it is kept unattached")
            else:
                step["attached_to"] = host
        called = data.get("_called")
        if called:  # a process of this file by its model id, else a valid id for the name
            target = r.process_of.get(called)
            step["call"] = target.id if target is not None else (called if ID_PATTERN.fullmatch(called)
                                                                  else slugify(called))
        steps.append(step)
    defaults = {s["_default"] for s in c.steps.values() if "_default" in s}
    model_flows: list[dict[str, Any]] = []
    for f in flows:
        src, dst = c.step_id.get(f["from"]), c.step_id.get(f["to"])
        if src is None or dst is None:
            el = f.get("_el")
            r.warn(el, "a sequence flow whose source or target is not a step of this process is not kept")
            continue
        flow: dict[str, Any] = {"from": src, "to": dst}
        for key in ("id", "bpmn_id", "xml"):
            if key in f:
                flow[key] = f[key]
        if f.get("label"):
            flow["label"] = f["label"]
        if f.get("condition"):
            flow["condition"] = f["condition"]
        el = f.get("_el")
        if defaults and el is not None and el.get("id") in defaults:
            flow["default"] = True
        model_flows.append(flow)
    lanes: list[str] = []
    lane_ids = {role: lane_id for lane_id, _, role in reversed(c.lanes) if lane_id}  # (the first lane of a role)
    for _, role in sorted([(r.lane_key(lane_id, n), role) for lane_id, n, role in c.lanes]):
        if role not in lanes:
            lanes.append(role)
    for s in steps:
        if s.get("lane") and s["lane"] not in lanes:
            lanes.append(s["lane"])
    docs = []
    seen_docs: set[str] = set()
    for d in c.documents.values():
        if d["id"] not in seen_docs:
            seen_docs.add(d["id"])
            docs.append({"id": d["id"], "name": d["name"]})
    fields: dict[str, Any] = {
        "process": c.id,
        "name": c.name or c.id,
        "category": "core",
        "lanes": lanes,
        "steps": steps,
        "flow": model_flows,
        "messages": c.messages,
        "documents": docs,
    }
    if c.qms is None:
        fields["bpmn_lanes"] = {role: lane_ids[role] for role in lanes if role in lane_ids}
        if c is r.containers[0] and r.root_carried:
            holder = etree.Element(T_KEEP_ROOT, nsmap=named_prefixes(r.root, r.root_carried))
            holder.extend(bound_types(x) for x in r.root_carried)
            c.carried.append(holder)
        fields["gateways"] = "drawn"
        raw = c.el.get("id", "")
        if raw and raw != c.id:
            fields["bpmn_id"] = raw
        carried = r.carry(c.el, first(c.el, b("extensionElements")), c.carried, _PROCESS_ATTRS)
        if carried is not None:
            fields["xml"] = carried
    if c.purpose:
        fields["purpose"] = c.purpose
    if c.resources:
        fields["resources"] = c.resources
    try:
        read = Process.model_validate(fields)
    except ValidationError as exc:
        r.warn(c.el, f"the process cannot be built: {str(exc).splitlines()[0]}")
        return None
    if c.qms is None:
        return read
    return _restore(r, c, read, c.qms, default_lang)


def _fingerprint(p: Process, lang: str, default: str) -> tuple[Any, ...]:
    """What a diagram shows of a process, in one language: equal when nothing was edited."""
    def t(value: Any) -> str:
        return text_in(value, lang, default) if value is not None else ""

    steps = tuple(
        (s.id, s.kind, t(s.label) if s.label is not None else "", s.lane, s.call,
         s.trigger if s.trigger != "none" else None,
         t(s.description), t(s.note), tuple(s.documents), tuple(s.reads), tuple(t(x) for x in s.systems))
        for s in sorted(p.steps, key=lambda s: s.id)
    )
    kinds = {s.id: s.kind for s in p.steps}
    fanout: dict[str, int] = {}
    for f in p.flow:
        fanout[f.from_] = fanout.get(f.from_, 0) + 1

    def shown_default(f: Flow) -> bool:  # BPMN has a default flow on activities and XOR/OR gateways only
        kind = kinds.get(f.from_, "")
        return f.default and (kind in DEFAULT_HOLDER_KINDS or (kind not in GATEWAY_KINDS and fanout[f.from_] > 1))

    flows = tuple(sorted((f.from_, f.to, t(f.label) or (f.condition or ""), f.condition or "", shown_default(f))
                         for f in p.flow))
    messages = tuple(sorted((m.from_, m.to, t(m.name)) for m in p.messages))
    lanes = tuple(dict.fromkeys([*p.lanes, *(s.lane for s in p.steps if s.lane)]))
    return (t(p.name), t(p.purpose), lanes, steps, flows, messages)


def _restore(r: Reader, c: Container, read: Process, embedded: Process, default: str) -> Process:
    """The embedded model when the diagram still shows it; else the diagram with qms data merged."""
    lang = r.lang
    mine = _fingerprint(embedded, lang, default)
    # the diagram cannot tell a call's own name from the called process's name
    old_steps = {s.id: s for s in embedded.steps}
    seen = _fingerprint(read.model_copy(update={
        "steps": [_unname_call(s, old_steps.get(s.id)) for s in read.steps],
    }), lang, default)
    if mine == seen:
        return embedded
    r.warn(c.el, "the diagram differs from the qms data embedded when it was exported (edited in another "
                 "tool?): steps and flows are read from the diagram, and the qms attributes of steps with "
                 "the same id are kept", "review the result with `qms check`")
    return _merge(read, embedded, lang, default)


def _unname_call(s: Step, old: Step | None) -> Step:
    if s.call is not None and old is not None and old.kind == "call" and old.name is None:
        return s.model_copy(update={"name": None})
    return s


def _retext(old: Any, new: str, lang: str, default: str) -> Any:
    """Keep a translated text when its shown language did not change; else put the new text in."""
    if old is not None and text_in(old, lang, default) == new:
        return old
    if isinstance(old, dict):
        return {**old, lang: new}
    return new or None


def _by_ends(items: Iterable[_E]) -> dict[tuple[str, str], deque[_E]]:
    """Flows (or message flows) by their ends, in order: what :func:`_take` matches from."""
    out: dict[tuple[str, str], deque[_E]] = {}
    for item in items:
        out.setdefault((item.from_, item.to), deque()).append(item)
    return out


def _matched(embedded: list[_E], read: list[_E], keep: Callable[[_E, _E], _E]) -> list[_E]:
    """Each item read, merged by ``keep`` with the embedded one between the same ends (in order), if any."""
    pool = _by_ends(embedded)
    out: list[_E] = []
    for item in read:
        match = _take(pool, item.from_, item.to)
        out.append(keep(match, item) if match is not None else item)
    return out


def _take(pool: dict[tuple[str, str], deque[_E]], from_: str, to: str) -> _E | None:
    """The first unmatched item from ``from_`` to ``to``, taken out of the pool; None when none is left."""
    left = pool.get((from_, to))
    return left.popleft() if left else None


def _merge(read: Process, embedded: Process, lang: str, default: str) -> Process:
    old_steps = {s.id: s for s in embedded.steps}
    position = {s.id: i for i, s in enumerate(embedded.steps)}
    steps: list[Step] = []
    for s in sorted(read.steps, key=lambda s: position.get(s.id, len(position))):
        old = old_steps.get(s.id)
        if old is None or old.kind != s.kind:
            steps.append(s)
            continue
        update: dict[str, Any] = {"lane": s.lane, "documents": s.documents, "reads": s.reads,
                                  "trigger": s.trigger if s.trigger else old.trigger}
        if s.kind == "call":
            update["call"] = s.call
            if s.name is not None:
                update["name"] = _retext(old.name, text_in(s.name, lang, default), lang, default)
        else:
            update[s.kind] = _retext(old.label, text_in(s.label, lang, default), lang, default)
        update["description"] = _retext(old.description, text_in(s.description, lang, default), lang, default) \
            if s.description is not None else None
        update["note"] = _retext(old.note, text_in(s.note, lang, default), lang, default) \
            if s.note is not None else None
        old_systems = {text_in(x, lang, default): x for x in old.systems}
        update["systems"] = [old_systems.get(text_in(x, lang, default), x) for x in s.systems]
        steps.append(old.model_copy(update=update))
    def flow(match: Flow, f: Flow) -> Flow:
        label = _retext(match.label, text_in(f.label, lang, default), lang, default) if f.label else None
        return match.model_copy(update={"label": label, "condition": f.condition or match.condition,
                                        "default": f.default})

    def message(match: MessageFlow, m: MessageFlow) -> MessageFlow:
        name = _retext(match.name, text_in(m.name, lang, default), lang, default) if m.name else None
        return match.model_copy(update={"name": name})

    flows = _matched(embedded.flow, read.flow, flow)
    messages = _matched(embedded.messages, read.messages, message)
    docs = {d.id: d for d in embedded.documents}
    for d in read.documents:
        docs.setdefault(d.id, d)
    lanes = list(dict.fromkeys([*embedded.lanes, *read.lanes]))
    return embedded.model_copy(update={
        "name": _retext(embedded.name, text_in(read.name, lang, default), lang, default),
        "purpose": _retext(embedded.purpose, text_in(read.purpose, lang, default), lang, default)
        if read.purpose is not None else embedded.purpose,
        "lanes": lanes, "steps": steps, "flow": flows, "messages": messages, "documents": list(docs.values()),
    })


def iter_processes(r: Reader, default_lang: str) -> Iterable[Process]:
    for item in r.ordered:
        if isinstance(item, Container):
            p = build_process(r, item, default_lang)
            if p is not None:
                yield p
        elif isinstance(item, Process):
            yield item
