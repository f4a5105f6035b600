"""The root of a BPMN file: its processes, its collaboration (pools, message flows), its diagrams."""

from __future__ import annotations

import json

from lxml import etree
from pydantic import ValidationError

from qms.bpmn.tags import BPMNDI, QMS, T_DOC, T_EXT, b, local, q
from qms.model import Process, slugify
from qms.model.base import ID_PATTERN

from .content import read_content
from .reader import MAX_ID, Reader
from .scope import Container, Scope, first, name_id, ordered, payload_text, ref, text

__all__ = ["read_document"]

_T_QMS_MODEL = q(QMS, "model")
_T_QMS_SYSTEM = q(QMS, "system")
_DIAGRAM = q(BPMNDI, "BPMNDiagram")
#: Root elements that flow nodes refer to: kept with the first process of another tool's file.
_ROOT_KEPT = frozenset(b(t) for t in ("message", "signal", "error", "escalation", "resource", "itemDefinition",
                                      "dataStore", "interface", "operation", "category"))
_ARTIFACTS = frozenset(b(t) for t in ("textAnnotation", "association", "group"))


def read_document(r: Reader) -> None:
    """Read the processes, pools and message flows of the file into ``r`` (pass 2)."""
    r.index()
    root = r.root
    collabs = list(root.iterchildren(b("collaboration")))
    participants = [p for collab in collabs for p in collab.iterchildren(b("participant"))]
    r.collaboration = bool(collabs)
    for collab in collabs:
        _qms_system(r, collab)
    process_parts: dict[str, etree._Element] = {}
    for part in participants:
        pref = ref(part.get("processRef"))
        if pref and pref in r.by_id and r.by_id[pref].tag == b("process"):
            process_parts.setdefault(pref, part)
    procs = list(root.iterchildren(b("process")))
    for proc in procs:
        part = process_parts.get(proc.get("id", ""))
        name = (part.get("name") if part is not None else None) or proc.get("name") or ""
        c = _container(r, proc, name, part)
        r.process_of[proc.get("id", "")] = c
        if part is not None:
            r.participant_process[part.get("id", "")] = c
    stubs: dict[int, Process] = {}
    for part in participants:
        if part.get("id", "") not in r.participant_process:
            stub = _pool(r, part)
            if stub is not None:
                stubs[id(part)] = stub
    for proc in procs:
        read_content(r, Scope(r.process_of[proc.get("id", "")]), proc)
    foreign = all(c.qms is None for c in r.containers)
    for el in root:
        tag = el.tag
        if tag in (b("process"), b("collaboration")) or not isinstance(tag, str) or tag.startswith("{" + QMS):
            continue
        if tag == _DIAGRAM:
            r.read_positions(el)
        elif foreign and (tag in _ROOT_KEPT or tag.endswith("EventDefinition")):
            r.root_carried.append(el)
            r.carried.setdefault(local(tag), []).append(el)
        else:
            r.unread(el)
    for collab in collabs:
        _collaboration(r, collab)
    # processes in the order of their pools, then the rest (pool-less processes)
    for part in participants:
        if part.get("id", "") in r.participant_process:
            r.ordered.append(r.participant_process[part.get("id", "")])
        elif id(part) in stubs:
            r.ordered.append(stubs[id(part)])
    placed = {id(c) for c in r.ordered}
    r.ordered.extend(c for c in r.containers if id(c) not in placed)
    _rehome(r)


def _collaboration(r: Reader, collab: etree._Element) -> None:
    for el in collab:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == b("participant"):
            for child in el:
                if child.tag == T_EXT:
                    _qms_only(r, child)
                elif child.tag != T_DOC:
                    r.unread(child)
        elif tag == b("messageFlow"):
            r.leaf(el)
            _message(r, el)
        elif tag in _ARTIFACTS:
            r.warn(el, "an artifact of the collaboration (outside every pool) is not kept")
        elif tag == T_EXT:
            _qms_only(r, el)
        else:
            r.unread(el)


def _qms_only(r: Reader, ext: etree._Element) -> None:
    """Extension elements where only qms's own data is read: another tool's are reported."""
    for x in ext:
        r.unread(x)  # (qms's own are never reported)


def _qms_system(r: Reader, collab: etree._Element) -> None:
    ext = first(collab, T_EXT)
    payload = first(ext, _T_QMS_SYSTEM) if ext is not None else None
    if payload is None:
        return
    try:
        r.system_json = json.loads(payload_text(payload), object_pairs_hook=ordered)
        r.lang = payload.get("lang", r.lang)
    except json.JSONDecodeError as exc:
        r.warn(payload, f"the qms system data cannot be read ({exc.msg}); it is ignored")


def _qms_model(r: Reader, holder: etree._Element) -> Process | None:
    ext = first(holder, T_EXT)
    payload = first(ext, _T_QMS_MODEL) if ext is not None else None
    if payload is None:
        return None
    try:
        process = Process.model_validate(json.loads(payload_text(payload), object_pairs_hook=ordered))
    except (json.JSONDecodeError, ValidationError) as exc:
        r.warn(payload, f"the qms model data cannot be read ({str(exc).splitlines()[0]}); "
                        "the process is read from the diagram")
        return None
    r.lang = payload.get("lang", r.lang)
    return process


def _container(r: Reader, el: etree._Element, name: str, part: etree._Element | None) -> Container:
    """A process to read: its id (qms's own, the file's when valid, else made from it) and purpose."""
    qms = _qms_model(r, el)
    raw = el.get("id", "process")
    if qms is not None and qms.process not in r.process_ids.used:
        pid = qms.process
        r.process_ids.used.add(pid)
    else:
        pid = r.process_ids.take(raw if ID_PATTERN.fullmatch(raw) or qms is not None else slugify(raw))
    c = Container(el, pid, name or el.get("name") or raw, part, qms=qms)
    if qms is not None and r.system_json is not None:
        c.prefix = f"{qms.process}."  # a whole-system file prefixes the ids inside each process
    doc = first(el, T_DOC)
    if doc is not None:
        c.purpose = text(doc)
    r.containers.append(c)
    return c


def _pool(r: Reader, part: etree._Element) -> Process | None:
    """A pool without a process of this file: a process qms exported as a stub, else a stakeholder."""
    stub = _qms_model(r, part)
    if stub is not None:
        r.process_ids.used.add(stub.process)
        return stub
    pref = ref(part.get("processRef"))
    if pref:
        r.warn(part, f"refers to process '{pref}', which the file does not hold; read as a stakeholder")
    name = part.get("name") or part.get("id", "participant")
    ext = first(part, T_EXT)
    marker = first(ext, q(QMS, "stakeholder")) if ext is not None else None
    sid = r.stakeholder_ids.take(marker.get("ref") if marker is not None and marker.get("ref") else name_id(name))
    r.stakeholders[sid] = name
    r.stakeholder_of[part.get("id", "")] = sid
    return None


def _message(r: Reader, mf: etree._Element) -> None:
    """A message flow → a message of the process whose step it touches."""
    src, dst = ref(mf.get("sourceRef")), ref(mf.get("targetRef"))
    name = mf.get("name") or ""
    msg_ref = r.by_id.get(ref(mf.get("messageRef")))
    if not name and msg_ref is not None and msg_ref.get("name"):
        name = msg_ref.get("name", "")
    src_c, dst_c = r.of_node.get(src), r.of_node.get(dst)
    if src_c is not None:
        home, step_end, other, outgoing = src_c, src, dst, True
    elif dst_c is not None:
        home, step_end, other, outgoing = dst_c, dst, src, False
    else:
        r.warn(mf, "a message flow between two pools (no step at either end) is not held by the model",
               "attach it to a task or an event in your tool")
        return
    if other in home.steps:
        other_end = home.step_id[other]
    elif other in r.stakeholder_of:
        other_end = r.stakeholder_of[other]
    elif other in r.participant_process:
        other_end = r.participant_process[other].id
    elif other in r.of_node:
        target = r.of_node[other]
        other_end = target.id
        r.warn(mf, f"a message flow between steps of two processes: kept in '{home.id}' as a message "
                   f"to process '{target.id}'; the step '{target.step_id.get(other, other)}' it reaches is "
                   "not recorded")
    else:
        r.warn(mf, f"a message flow to an unknown element '{other}' is not kept")
        return
    sid = home.step_id[step_end]
    data = {"from": sid, "to": other_end} if outgoing else {"from": other_end, "to": sid}
    if name:
        data["name"] = name
    raw = mf.get("id", "")
    if raw and home.qms is None:  # the file's id, or a valid one made from it (the original kept)
        data["id"] = home.ids.take(raw if ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID
                                   else f"m_{slugify(raw)[:MAX_ID - 2]}", valid=True)
        if data["id"] != raw:
            data["bpmn_id"] = raw
            r.renamed_id(mf)
    home.messages.append(data)


def _rehome(r: Reader) -> None:
    """Move a boundary event filed in a process other than its host's (some tools do), and flows
    filed under a process other than the one holding both their ends."""
    if len(r.containers) < 2:
        return  # one process: every flow is home (one with an unknown end is reported later)
    for c in r.containers:
        moved: dict[str, Container] = {}  # xml id → the process it moves to
        for raw, data in list(c.steps.items()):
            host = r.of_node.get(data.get("_attached", ""))
            if host is None or host is c:
                continue
            step = c.steps.pop(raw)
            step["id"] = host.ids.take(c.step_id.pop(raw))
            host.steps[raw] = step
            host.step_id[raw] = step["id"]
            moved[raw] = host
            r.of_node[raw] = host
        if moved:
            stay: list[tuple[int, str]] = []
            for key in c.order:
                to = moved.get(key[1])
                (stay if to is None else to.order).append(key)
            c.order = stay
    for c in r.containers:
        kept = []
        for f in c.flows:
            home = r.of_node.get(f["from"])
            if f["from"] in c.steps and f["to"] in c.steps:
                kept.append(f)
            elif home is not None and home is r.of_node.get(f["to"]) and home is not c:
                home.flows.append(f)
            else:
                kept.append(f)
        c.flows = kept
