"""The content of a process or sub-process: one small handler per element kind, run from a table.

:data:`CONTENT` says which handler reads which element, in the order they run (lanes before the
steps that take them, data before the associations that name it). A child no row names goes to
the one rule for what nobody reads: kept as XML in another tool's file, reported otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from qms.bpmn.tags import ELEMENTS, QMS, T_COND, T_DOC, T_EXT, TRIGGER_OF, b, q
from qms.model import slugify
from qms.model.base import ID_PATTERN

from .reader import MAX_ID, SKIPPED, Reader
from .scope import Container, Scope, add_data, first, ref, text

__all__ = ["CONTENT", "read_content"]

_T_PROPERTY = b("property")
_T_QMS_DERIVED = q(QMS, "derived")
_T_QMS_STEP = q(QMS, "step")
_NODES = {b(tag): spec for tag, spec in ELEMENTS.items()}
_EVENT_DEFINITIONS = {b(name) for name in TRIGGER_OF}
_LOOPS = {b("standardLoopCharacteristics"), b("multiInstanceLoopCharacteristics")}
_FLOW_REFS = {b("incoming"), b("outgoing")}
_ASSOCIATIONS = {b("dataInputAssociation"), b("dataOutputAssociation")}
#: Attributes of a flow node the model holds; the others are carried through verbatim.
_NODE_ATTRS = frozenset({"id", "name", "default", "calledElement", "attachedToRef", "cancelActivity",
                         "isInterrupting", "triggeredByEvent"})
_FLOW_ATTRS = frozenset({"id", "name", "sourceRef", "targetRef"})

Handler = Callable[[Reader, Scope, etree._Element], None]


# ------------------------------------------------------------------ lanes


def read_lane_set(r: Reader, s: Scope, lane_set: etree._Element) -> None:
    """Each lane is a role; a flow node takes the role of the innermost lane that lists it."""
    c = s.c
    for n, lane in enumerate(lane_set):
        if lane.tag != b("lane"):
            r.unread(lane)
            continue
        role = r.role(lane)
        if role in {x for *_, x in c.lanes}:  # two lanes of one process with the same name
            role = r.role(lane, fresh=True)
        c.lanes.append((lane.get("id", ""), n, role))
        for child in lane:
            if child.tag == b("flowNodeRef"):
                s.lanes_of[ref(child.text)] = role
                r.leaf(child)
            elif child.tag == b("childLaneSet"):
                read_lane_set(r, s, child)  # (read after its lane: the innermost lane wins)
            elif child.tag == T_EXT:
                for x in child:  # (qms's role marker, read by Reader.role; another tool's: reported)
                    r.unread(x)
            else:
                r.unread(child)


# ------------------------------------------------------------------ flow nodes


def read_node(r: Reader, s: Scope, el: etree._Element) -> None:
    """A task, sub-process, call, event or gateway → a step (kind and type from :data:`ELEMENTS`)."""
    c = s.c
    spec = _NODES[el.tag]
    raw = el.get("id", "")
    name = el.get("name") or ""
    sid = r.step_id(c, raw, name.strip())
    c.step_id[raw] = sid
    r.of_node[raw] = c
    data: dict[str, Any] = {"id": sid}
    foreign = c.qms is None
    if sid != raw and foreign:
        data["bpmn_id"] = raw
        r.renamed_id(el)
    if spec.warning:
        r.warn(el, spec.warning)
    if spec.type is not None:
        data["type"] = spec.type
    if s.within is not None:
        data["within"] = s.within
    kind = spec.step_kind
    if kind == "call":
        called = ref(el.get("calledElement"))
        if not called:
            r.warn(el, "a call activity without calledElement: the call names itself",
                   "set the called process in your tool, or edit call: in the YAML")
        data["call"] = called or sid
        data["_called"] = called
        if name:
            data["name"] = name
    else:
        data[kind] = name
    lane = s.lanes_of.get(raw)
    if lane:
        data["lane"] = lane
    kept, ext = _node_children(r, c, el, data, spec.throw, kind in ("start", "end", "event"))
    if spec.tag == "boundaryEvent":
        data["_attached"] = ref(el.get("attachedToRef"))
    if el.get("cancelActivity") == "false" or el.get("isInterrupting") == "false":
        data["interrupting"] = False
    if el.get("triggeredByEvent") == "true":
        data["type"] = "event"
    if el.get("default"):
        data["_default"] = el.get("default")
    if foreign:
        xml = r.carry(el, ext, kept, _NODE_ATTRS)
        if xml is not None:
            data["xml"] = xml
    c.steps[raw] = data


def _node_children(r: Reader, c: Container, el: etree._Element, data: dict[str, Any], throw: bool,
                   event: bool) -> tuple[list[etree._Element], etree._Element | None]:
    """Read a flow node's children into ``data``; returns those to keep as XML (another tool's file)
    and its extension elements."""
    keep: list[etree._Element] = []
    ext = None
    defs: list[etree._Element] = []
    docs = 0
    for child in el:
        tag = child.tag
        if tag in _FLOW_REFS:
            r.leaf(child)
        elif tag == T_DOC:
            if not docs and text(child):
                data["description"] = text(child)
            docs += 1
            r.leaf(child)
        elif tag == T_EXT:
            ext = child
            _step_extension(r, c, child, data)
        elif tag in _EVENT_DEFINITIONS or tag == b("eventDefinitionRef"):
            target = child if tag != b("eventDefinitionRef") else r.by_id.get(ref(child.text))
            if target is not None:
                defs.append(target)
            keep.append(child)
        elif tag in _ASSOCIATIONS:
            c.assocs.setdefault(el.get("id", ""), []).append(child)
        elif tag in _LOOPS and not len(child) and {"isSequential"}.issuperset(child.attrib):
            standard = tag == b("standardLoopCharacteristics")
            data["loop"] = "standard" if standard else (
                "sequential" if child.get("isSequential") == "true" else "parallel")
        elif tag == _T_PROPERTY and not len(child) and child.get("name") == "__targetRef_placeholder":
            continue  # (what qms's data input associations point to)
        elif tag in _NODES or tag in _CONTAINED:
            continue  # the content of a sub-process: read with it
        else:
            keep.append(child)
    if defs and event:
        _trigger(r, el, defs, data, throw)
    if c.qms is None:
        return keep, ext
    for child in keep:  # qms wrote the file: what it did not write there is reported
        if child.tag not in _EVENT_DEFINITIONS and child.tag != b("eventDefinitionRef"):
            r.unread(child)
    return [], ext


def _step_extension(r: Reader, c: Container, ext: etree._Element, data: dict[str, Any]) -> None:
    for x in ext:
        if x.tag == _T_QMS_DERIVED:
            data["_derived"] = (x.get("role", ""), x.get("of", ""))
        elif x.tag == _T_QMS_STEP:
            if x.get("pdca") in ("plan", "do", "check", "act"):
                data["pdca"] = x.get("pdca")
            if x.get("phase"):
                data["phase"] = x.get("phase")
        elif c.qms is not None:
            r.unread(x)  # (another tool's file keeps its extensions as XML)


def _trigger(r: Reader, el: etree._Element, defs: list[etree._Element], data: dict[str, Any], throw: bool) -> None:
    """The event's trigger (the first definition), with the timer or condition it waits for."""
    name = etree.QName(defs[0]).localname
    trigger = TRIGGER_OF.get(name)
    if trigger is None:
        r.warn(defs[0], f"a {name.removesuffix('EventDefinition')} trigger is not held by the model; "
                        "the event has no trigger")
        return
    data["trigger"] = trigger
    if throw:
        data["throw"] = True
    if trigger == "timer":
        for t in ("timeDate", "timeCycle", "timeDuration"):
            value = text(first(defs[0], b(t)))
            if value:
                data["when"] = value
                break
    elif trigger == "conditional":
        value = text(first(defs[0], b("condition")))
        if value:
            data["when"] = value


def read_node_data(r: Reader, s: Scope, node: etree._Element) -> None:
    """A step's data associations: documents it writes (``documents``) or reads (``reads``), stores it uses."""
    c = s.c
    raw = node.get("id", "")
    step = c.steps.get(raw)
    for da in c.assocs.get(raw, ()):
        if da.tag == b("dataOutputAssociation"):
            key, ref_tag = "documents", b("targetRef")
        else:
            key, ref_tag = "reads", b("sourceRef")
        found = False
        for part in da:
            if part.tag in (b("sourceRef"), b("targetRef")):
                r.leaf(part)
                target = _data_ref(r, c, ref(part.text)) if part.tag == ref_tag else None
                if target is not None and step is not None:
                    found = True
                    add_data(step, key, target)
            else:
                r.unread(part)
        if not found:
            r.warn(da, "a data association to an input or output of the task is not held by the model")


# ------------------------------------------------------------------ sub-processes


def read_sub_process(r: Reader, s: Scope, el: etree._Element) -> None:
    """The content of an embedded sub-process: steps of the same process, ``within`` it."""
    read_content(r, Scope(s.c, s.c.step_id[el.get("id", "")], dict(s.lanes_of)), el)


# ------------------------------------------------------------------ sequence flows


def read_sequence_flow(r: Reader, s: Scope, el: etree._Element) -> None:
    c = s.c
    data: dict[str, Any] = {"from": ref(el.get("sourceRef")), "to": ref(el.get("targetRef")), "_el": el}
    name = el.get("name")
    if name:
        data["label"] = name
    keep: list[etree._Element] = []
    ext = None
    for child in el:
        if child.tag == T_COND:
            r.leaf(child)
            derived = child.get(q(QMS, "derived"))
            if derived is None and text(child):
                data["condition"] = text(child)
            elif derived == "name":  # qms named the flow after its target for the diagram
                data.pop("label", None)
        elif child.tag == T_EXT:
            ext = child
            if first(child, _T_QMS_DERIVED) is not None:
                data["_derived"] = True
            if c.qms is not None:
                for x in child:
                    r.unread(x)
        elif c.qms is None:
            keep.append(child)
        else:
            r.unread(child)
    if c.qms is None:
        raw = el.get("id", "")
        if raw:
            data["id"] = c.ids.take(raw if ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID
                                    else f"f_{slugify(raw)[:MAX_ID - 2]}", valid=True)
            if data["id"] != raw:
                data["bpmn_id"] = raw
                r.renamed_id(el)
        xml = r.carry(el, ext, keep, _FLOW_ATTRS)
        if xml is not None:
            data["xml"] = xml
    c.flows.append(data)


# ------------------------------------------------------------------ data, stores, notes


def read_data_object(r: Reader, s: Scope, el: etree._Element) -> None:
    c = s.c
    raw = el.get("id", "")
    if raw in c.documents:
        return  # (read already, through a reference)
    name = el.get("name") or raw
    marker = None
    for child in el:
        if child.tag == T_EXT:
            marker = first(child, q(QMS, "document"))
            for x in child:
                if x.tag != q(QMS, "document"):
                    r.unread(x)
        elif child.tag == b("dataState"):
            r.warn(child, "a data state is not held by the model")
        else:
            r.unread(child)
    ident = marker.get("ref") if marker is not None and marker.get("ref") else None
    c.documents[raw] = {"id": c.doc_ids.take(ident if ident is not None else name), "name": name}


def read_reference(r: Reader, s: Scope, el: etree._Element) -> None:
    """A data object or store reference: read where an association names it."""
    for child in el:
        if child.tag == b("dataState"):
            r.warn(child, "a data state is not held by the model")
        elif child.tag != T_EXT:
            r.unread(child)


def read_store(r: Reader, s: Scope, el: etree._Element) -> None:
    """A data store no step uses: a resource of the process (an information system)."""
    if el.get("id", "") in r.used_stores:
        return
    name = el.get("name") or el.get("id", "")
    if {"kind": "system", "name": name} not in s.c.resources:
        s.c.resources.append({"kind": "system", "name": name})


def _data_ref(r: Reader, c: Container, ref_id: str) -> tuple[str, str] | None:
    """('document', id) or ('system', name) for the target of a data association."""
    el = r.by_id.get(ref_id)
    if el is None:
        return None
    tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
    if tag == "dataObjectReference":
        obj = ref(el.get("dataObjectRef"))
        if obj not in c.documents:
            obj_el = r.by_id.get(obj)
            if obj_el is not None and obj_el.tag == b("dataObject"):
                read_data_object(r, Scope(c), obj_el)
            else:  # a reference without its data object: the reference is the document
                read_data_object(r, Scope(c), el)
                obj = ref_id
        doc = c.documents[obj]
        if el.get("name") and doc["name"] != el.get("name") and doc["name"] == obj:
            doc["name"] = el.get("name")
        return ("document", doc["id"])
    if tag == "dataObject":
        if ref_id not in c.documents:
            read_data_object(r, Scope(c), el)
        return ("document", c.documents[ref_id]["id"])
    if tag == "dataStoreReference":
        r.used_stores.add(ref_id)
        store = r.by_id.get(ref(el.get("dataStoreRef")))
        name = el.get("name") or (store.get("name") if store is not None else None) or ref_id
        return ("system", name)
    if tag == "dataStore":
        return ("system", el.get("name") or ref_id)
    return None


def read_association(r: Reader, s: Scope, el: etree._Element) -> None:
    """A step ↔ text annotation (the step's note), or a step ↔ data (documents or reads)."""
    c = s.c
    r.leaf(el)
    src, dst = ref(el.get("sourceRef")), ref(el.get("targetRef"))
    src_el, dst_el = r.by_id.get(src), r.by_id.get(dst)
    if src_el is None or dst_el is None:
        r.warn(el, "an association with an unknown end is not kept")
        return
    for step_ref, other in ((src, dst_el), (dst, src_el)):
        if step_ref in c.steps and other.tag == b("textAnnotation"):
            note = text(first(other, b("text")))
            c.noted.add(other.get("id", ""))
            step = c.steps[step_ref]
            step["note"] = f"{step['note']}\n{note}" if step.get("note") else note
            return
    for step_ref, other_id, key in ((src, dst, "documents"), (dst, src, "reads")):
        if step_ref in c.steps:
            target = _data_ref(r, c, other_id)
            if target is not None:
                add_data(c.steps[step_ref], key, target)
                return
    r.warn(el, "an association between elements that are not a step and a note or data is not kept")


def read_note(r: Reader, s: Scope, el: etree._Element) -> None:
    for child in el:
        if child.tag == b("text"):
            r.leaf(child)
        else:
            r.unread(child)
    if el.get("id", "") not in s.c.noted:
        r.warn(el, "a text annotation attached to no step is not kept")


def read_documentation(r: Reader, s: Scope, el: etree._Element) -> None:
    """The first documentation of a process is its purpose (read with the process)."""
    r.leaf(el)


def read_extensions(r: Reader, s: Scope, el: etree._Element) -> None:
    """A process's extension elements: qms's own data is read with the process; another tool's is kept."""
    if s.c.qms is not None or s.within is not None:
        for x in el:
            if not (isinstance(x.tag, str) and x.tag.startswith(SKIPPED)):
                r.unread(x)


def read_other(r: Reader, s: Scope, el: etree._Element) -> None:
    """What no row of :data:`CONTENT` names: kept with another tool's process, reported otherwise."""
    if s.c.qms is None and s.within is None:
        s.c.carried.append(el)
    else:
        r.unread(el)


# ------------------------------------------------------------------ the table


_CONTAINED = {b(t) for t in ("sequenceFlow", "dataObject", "dataObjectReference", "dataStoreReference",
                             "textAnnotation", "association", "laneSet", "group", "category")}

#: Which handler reads which elements of a process's content, in the order they run.
CONTENT: tuple[tuple[frozenset[str], Handler], ...] = (
    (frozenset({b("laneSet")}), read_lane_set),
    (frozenset(_NODES), read_node),
    (frozenset({b("dataObject")}), read_data_object),
    (frozenset({b("dataObjectReference"), b("dataStoreReference")}), read_reference),
    (frozenset({b("sequenceFlow")}), read_sequence_flow),
    (frozenset(_NODES), read_node_data),
    (frozenset({b("association")}), read_association),
    (frozenset({b("textAnnotation")}), read_note),
    (frozenset({b("dataStoreReference")}), read_store),
    (frozenset(tag for tag, spec in _NODES.items() if spec.container), read_sub_process),
    (frozenset({T_DOC}), read_documentation),
    (frozenset({T_EXT}), read_extensions),
)
_KNOWN = frozenset().union(*(tags for tags, _ in CONTENT))
_HANDLERS = [handler for _, handler in CONTENT]
_ROWS: dict[str, tuple[int, ...]] = {tag: tuple(i for i, (tags, _) in enumerate(CONTENT) if tag in tags)
                                     for tag in _KNOWN}


def _renamed(r: Reader, el: etree._Element, ident: str) -> str:
    """A second element with the id of another: it is read under a fresh id."""
    n = 2
    while f"{ident}_{n}" in r.by_id:
        n += 1
    fresh = f"{ident}_{n}"
    r.warn(el, f"the id '{ident}' is used by another element too; read as '{fresh}'",
           "give each element its own id in the BPMN tool")
    el.set("id", fresh)
    r.by_id[fresh] = el
    return fresh


def read_content(r: Reader, s: Scope, el: etree._Element) -> None:
    """Every child of a process (or sub-process) ``el``, each by the handlers of its kind, in table order."""
    by_id = r.by_id
    c = s.c
    rows = _ROWS if el.tag not in _NODES else _CONTENT_ROWS  # (a sub-process's own children: read as a step)
    todo: list[list[etree._Element]] = [[] for _ in _HANDLERS]
    for n, child in enumerate(el):
        tag = child.tag
        if not isinstance(tag, str):
            continue
        ident = child.get("id")
        if ident is not None and by_id.setdefault(ident, child) is not child:
            ident = _renamed(r, child, ident)  # (references inside this scope point to the first)
        if tag in _NODES:
            c.order.append((n, ident or ""))  # ordered by position when the model is built
        if tag in rows:
            for i in rows[tag]:
                todo[i].append(child)
        elif rows is _ROWS:
            read_other(r, s, child)
    for handler, children in zip(_HANDLERS, todo, strict=True):  # in table order, each in file order
        for child in children:
            handler(r, s, child)


#: A sub-process's own children (read with it as a step), not its content.
_NODE_OWN = _FLOW_REFS | _ASSOCIATIONS | _LOOPS | _EVENT_DEFINITIONS | {T_DOC, T_EXT, _T_PROPERTY}
_CONTENT_ROWS = {tag: rows for tag, rows in _ROWS.items() if tag not in _NODE_OWN}
