"""BPMN 2.0 XML from any tool → model, with a warning for everything the model cannot hold."""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast
from xml.sax.saxutils import quoteattr

from lxml import etree
from pydantic import ValidationError

from qms.bpmn.tags import BPMN, BPMNDI, DC, DI, ELEMENTS, QMS, TRIGGER_OF, b, local, q
from qms.errors import Problem, UserError
from qms.graph.kinds import DEFAULT_HOLDER_KINDS, GATEWAY_KINDS
from qms.location import SourceLocation
from qms.memory import quiet_gc
from qms.model import (
    LANGUAGES,
    Flow,
    MessageFlow,
    Process,
    Provider,
    QualitySystem,
    Role,
    Stakeholder,
    Step,
    slugify,
    text_in,
)
from qms.model.base import ID_PATTERN, Lang

__all__ = ["MAX_BYTES", "ImportResult", "check_size", "parse", "read_bpmn"]

MAX_BYTES = 20 * 1024 * 1024
"""Largest BPMN file read by default (the MIWG reference models are below 1 MB)."""

#: Names for steps that have none in the file (their ids are made from these).
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_LANG_ORDER = {lang: i for i, lang in enumerate(LANGUAGES)}
_T_DOC = b("documentation")
_T_EXT = b("extensionElements")
_T_QMS_MODEL = q(QMS, "model")
_T_QMS_SYSTEM = q(QMS, "system")
_T_QMS_PART = q(QMS, "part")
_T_QMS_DERIVED = q(QMS, "derived")
_T_KEEP = q(QMS, "keep")
_T_KEEP_EXT = q(QMS, "ext")
_T_KEEP_ROOT = q(QMS, "root")
_T_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
#: Root elements that flow nodes refer to: carried with the first process of another tool's file.
_ROOT_KEPT = frozenset(b(t) for t in ("message", "signal", "error", "escalation", "resource", "itemDefinition",
                                      "dataStore", "interface", "operation", "eventDefinition"))
_SHAPE = q(BPMNDI, "BPMNShape")
_NODE_TAGS = {b(name): spec for name, spec in ELEMENTS.items()}
_NOWHERE = (float("inf"), float("inf"))
_T_LANESET = b("laneSet")
_T_FLOW = b("sequenceFlow")
_T_OBJECT = b("dataObject")
_T_OBJECT_REF = b("dataObjectReference")
_T_STORE_REF = b("dataStoreReference")
_T_ANNOTATION = b("textAnnotation")
_T_ASSOCIATION = b("association")
_FLOW_REFS = {b("incoming"), b("outgoing")}
_EVENT_DEFINITIONS = {b(f"{k}EventDefinition") for k in (
    "message", "timer", "signal", "conditional", "escalation", "error", "link", "compensate", "cancel", "terminate")}
_T_EDREF = b("eventDefinitionRef")
_T_DIA = b("dataInputAssociation")
_T_DOA = b("dataOutputAssociation")
_ASSOCIATIONS = {_T_DIA, _T_DOA}
_LOOPS = {b("standardLoopCharacteristics"), b("multiInstanceLoopCharacteristics")}
_T_SOURCE = b("sourceRef")
_T_TARGET = b("targetRef")
_T_PROPERTY = b("property")
_T_PROCESS = b("process")
_T_PARTICIPANT = b("participant")
_T_QMS_STEP = q(QMS, "step")
_DIAGRAM = q(BPMNDI, "BPMNDiagram")
_PLANE = q(BPMNDI, "BPMNPlane")
_SCOPES = {b("collaboration")}  # process content is indexed as it is read
_BOUNDS = q(DC, "Bounds")
_T_TEXT = b("text")
_T_COND = b("conditionExpression")
_T_LANE = b("lane")
_T_NODE_REF = b("flowNodeRef")
_T_CHILD_LANES = b("childLaneSet")
#: Namespaces whose elements pass 3 skips with their content: the diagram is drawn anew, qms's
#: data was read with the element that holds it.
_NESTED = {_T_FLOW, _T_OBJECT, _T_OBJECT_REF, _T_STORE_REF, _T_ANNOTATION, _T_ASSOCIATION, _T_LANESET, b("group")}
#: The longest id a step keeps as it is; a longer one is shortened (and kept in ``bpmn_id``).
MAX_ID = 64
_SKIPPED = ("{" + BPMNDI, "{" + DC, "{" + DI, "{" + QMS)
#: BPMN elements read as part of the element that holds them (never reported on their own).
_PARTS = {
    "incoming", "outgoing", "flowNodeRef", "conditionExpression", "text", "sourceRef", "targetRef",
    "timeDate", "timeCycle", "timeDuration", "condition", "lane", "childLaneSet", "participant",
    "messageFlow", "dataInputAssociation", "dataOutputAssociation", "property", *TRIGGER_OF,
}


@dataclass
class ImportResult:
    """What an import produced.

    ``system`` always holds the processes read; ``whole_system`` says that the file describes
    a system (a ``qms export --single`` file, or another tool's collaboration of pools), so its
    roles and stakeholders deserve a ``system.yaml``; ``from_qms`` that qms wrote it and the
    model was restored from its own data.
    """

    system: QualitySystem
    warnings: list[Problem] = field(default_factory=list)
    whole_system: bool = False
    from_qms: bool = False


# ------------------------------------------------------------------ parsing


def check_size(size: int, source: str, max_bytes: int = MAX_BYTES) -> None:
    """Raise :class:`UserError` when a file of ``size`` bytes is over the limit."""
    if size > max_bytes:
        raise UserError([Problem(
            SourceLocation(source),
            f"the file is {size / 2**20:.1f} MB, more than the limit of {max_bytes / 2**20:g} MB",
            "split the model, or raise the limit with --max-size if you trust the file",
            rule="import",
        )])


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element, decoded to ASCII-compatible text when UTF-16."""
    head = data[:65536]
    if head[:2] in _UTF16_BOMS:
        return head.decode("utf-16", errors="replace").encode("utf-8")
    return head


def parse(data: bytes, source: str = "<bpmn>", *, max_bytes: int = MAX_BYTES) -> etree._Element:
    """Parse BPMN XML safely and return its root element.

    No DTD is loaded, no entity is resolved, nothing is fetched from the network, and
    huge-tree mode is off; a document with a ``DOCTYPE`` or an ``ENTITY`` declaration is
    refused before the XML parser sees it (billion laughs, external entities).

    Raises
    ------
    UserError
        For a file over ``max_bytes``, a DOCTYPE, malformed XML or a root that is not
        ``bpmn:definitions``.
    """
    check_size(len(data), source, max_bytes)
    match = _DOCTYPE.search(_prolog(data))
    if match:
        line = _prolog(data)[: match.start()].count(b"\n") + 1
        raise UserError([Problem(
            SourceLocation(source, line, 1),
            "the file declares a DOCTYPE or an ENTITY; qms does not read DTDs or expand entities",
            "BPMN files need no DOCTYPE: remove the <!DOCTYPE …> declaration if the file is yours",
            rule="import",
        )])
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (exc.lineno or 0, 0))
        raise UserError([Problem(SourceLocation(source, line or 0, col or 0),
                                 f"the file is not well-formed XML: {exc.msg}",
                                 "open it in a BPMN tool and save it again", rule="import")]) from None
    if root.getroottree().docinfo.doctype:
        raise UserError([Problem(SourceLocation(source, 1, 1), "the file declares a DOCTYPE",
                                 "remove the <!DOCTYPE …> declaration", rule="import")])
    if root.tag != b("definitions"):
        raise UserError([Problem(
            SourceLocation(source, root.sourceline or 0, 1),
            f"not a BPMN 2.0 file: the root element is {local(root.tag)}, not bpmn:definitions",
            f"BPMN 2.0 files have <definitions xmlns=\"{BPMN}\">; BPMN 1.x and XPDL are not read",
            rule="import",
        )])
    return root


def _parser() -> etree.XMLParser:
    """A new hardened parser (parsers are not shared between threads)."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False,
        remove_comments=True, remove_pis=True, remove_blank_text=True,  # (a fifth less memory)
        collect_ids=False,  # (no xml:id look-ups: qms keeps its own index of ids)
    )


SPLIT_BYTES = 1 << 20
"""Files from this size on have their diagram parsed in a second thread (see :func:`_split`)."""

_DIAGRAM_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?BPMNDiagram[\s/>]")
_ROOT_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?definitions\s*>\s*")
_AFTER_DIAGRAMS = re.compile(rb"BPMNDiagram\s*>\s*")
_ENCODING = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")


def _split(data: bytes) -> tuple[bytes, bytes] | None:
    """The file without its diagrams, and the diagrams.

    Why: in a large file the diagrams (shapes, edges, waypoints) are three fifths of the
    elements, and the model needs only each shape's position, and only when it orders the
    steps. libxml2 parses without Python's lock, so the diagrams are parsed in a second
    thread while the processes are read. This applies when the diagrams are the last children
    of ``definitions``, as every tool writes them, and the file is UTF-8; otherwise (or for a
    file whose parts do not parse) the whole file is parsed at once, as it always is below
    :data:`SPLIT_BYTES`.
    """
    if data[:2] in _UTF16_BOMS:
        return None
    enc = _ENCODING.match(data, 0, 1024)
    if enc is not None and enc.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        return None
    s = _diagram_start(data)
    end = data.rfind(b"</")
    if s < 0 or end < s or _ROOT_END.fullmatch(data, end) is None:
        return None
    last = data.rfind(b"BPMNDiagram", s, end)  # (its end tag; then only white space)
    if _AFTER_DIAGRAMS.fullmatch(data, last, end) is None:
        return None
    return data[:s] + data[end:], data[s:end]


def _diagram_start(data: bytes) -> int:
    """Where the first ``BPMNDiagram`` start tag begins, or -1."""
    at = data.find(b"BPMNDiagram")
    while at >= 0:
        lt = data.rfind(b"<", max(0, at - 80), at)
        if lt >= 0 and _DIAGRAM_START.match(data, lt):
            return lt
        at = data.find(b"BPMNDiagram", at + 11)
    return -1


class _Diagrams:
    """The diagram part of a split file, parsed in a thread of its own (see :func:`_split`)."""

    def __init__(self, region: bytes, nsmap: dict[str | None, str]) -> None:
        # the region in a wrapper declaring the namespaces of the file's root (its elements'
        # lines are not those of the file: nothing in a diagram is reported)
        decls = "".join(f" xmlns{':' + k if k else ''}={quoteattr(v, _WHITE_SPACE_REFS)}" for k, v in nsmap.items())
        self.data = b"".join([f"<diagrams{decls}>".encode(), region, b"</diagrams>"])
        self.root: etree._Element | None = None
        self.thread = threading.Thread(target=self._parse, name="qms-bpmn-diagrams", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _parse(self) -> None:
        try:
            self.root = etree.fromstring(self.data, _parser())
        except Exception:  # (in a thread: nothing may escape to print a traceback)
            self.root = None  # the whole file is parsed again, in the caller, for the message
        self.data = b""

    def result(self) -> list[etree._Element]:
        """The ``BPMNDiagram`` elements; :class:`_SplitFailed` when the part is not only those."""
        if self.thread.ident is None:
            self._parse()  # never started (a file qms wrote frees its diagram first): parse here
        else:
            self.thread.join()
        root = self.root
        if root is None or (root.text and root.text.strip()):
            raise _SplitFailed
        children = list(root)
        if any(el.tag != _DIAGRAM or (el.tail and el.tail.strip()) for el in children):
            raise _SplitFailed
        return children


class _SplitFailed(Exception):
    """The parts of a split file do not make the file: it is read whole."""


_WHITE_SPACE_REFS = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}  # (kept, not normalised to spaces)


# ------------------------------------------------------------------ helpers


_PRIVATE = frozenset({"_called", "_default", "_derived", "_attached"})
#: Attributes of a flow node the model holds; the others are carried through verbatim.
_NODE_ATTRS = frozenset({"id", "name", "default", "calledElement", "attachedToRef", "cancelActivity",
                         "isInterrupting", "triggeredByEvent"})
_PROCESS_ATTRS = frozenset({"id", "name"})
_FLOW_ATTRS = frozenset({"id", "name", "sourceRef", "targetRef"})
_PLAIN_LOOP_ATTRS = frozenset({"isSequential"})
"""What the reader notes on a step for itself, not for the model."""


def _ordered(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects as dicts, translated texts in the language order fi, en, sv, se."""
    data = dict(pairs)
    if len(data) > 1 and all(k in _LANG_ORDER for k in data):
        return dict(sorted(data.items(), key=lambda kv: _LANG_ORDER[kv[0]]))
    return data


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return "".join(el.itertext()).strip()


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag: ``el.find(tag)`` without the element-path machinery."""
    for child in el.iterchildren(tag):
        return child
    return None


def _payload_text(payload: etree._Element) -> str:
    """The JSON of a ``qms:model`` or ``qms:system``: its text, or its ``qms:part`` children joined
    (long payloads are written in parts, see :func:`qms.bpmn.write.write_payload`)."""
    text: str | None = payload.text
    if text and text.strip():
        return text
    parts = [part.text or "" for part in payload.iterchildren(_T_QMS_PART)]
    return "".join(parts) or "{}"


def _add_data(step: dict[str, Any], key: str, target: tuple[str, str]) -> None:
    """Record what a data association points to: a document under ``key`` (``documents`` or
    ``reads``), a data store under ``systems``; each once."""
    kind, name = target
    values = step.setdefault(key if kind == "document" else "systems", [])
    if name not in values:
        values.append(name)


def _ref(value: str | None) -> str:
    """A reference without its namespace prefix (``tns:Process_1`` → ``Process_1``)."""
    if not value:
        return ""
    if ":" in value:
        value = value.rpartition(":")[2]
    return value.strip()


def _name_id(name: str, limit: int = 32) -> str:
    """An id made from a name, cut at a word boundary.

    Examples
    --------
    >>> _name_id("Hyväksy hankinta-ehdotus")
    'hyvaksy_hankinta-ehdotus'
    >>> _name_id("Review the purchase request and decide whether it can be approved")
    'review_the_purchase_request_and'
    """
    slug = slugify(name)
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut[: cut.rfind("_")] if "_" in cut[1:] else cut


class _Ids:
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
class _Container:
    """A process (or sub-process) being read."""

    el: etree._Element
    id: str
    name: str
    participant: etree._Element | None = None
    parent: str | None = None
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)  # xml id → step data
    order: list[tuple[int, str]] = field(default_factory=list)  # (place in the file, xml id)
    flows: list[dict[str, Any]] = field(default_factory=list)
    flow_els: list[etree._Element] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    lanes: list[tuple[str | None, int, str]] = field(default_factory=list)  # (xml id, place, role)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_ids: _Ids = field(default_factory=_Ids)
    resources: list[dict[str, Any]] = field(default_factory=list)
    ids: _Ids = field(default_factory=_Ids)
    step_id: dict[str, str] = field(default_factory=dict)  # xml id → step id
    assocs: dict[str, list[etree._Element]] = field(default_factory=dict)  # xml id → data associations
    purpose: str = ""
    carried: list[etree._Element] = field(default_factory=list)  # children the model has no field for
    qms: Process | None = None  # the embedded model, when qms wrote the file
    prefix: str = ""


def _bound_types(el: etree._Element) -> etree._Element:
    """A copy of ``el`` whose ``xsi:type`` values in the BPMN namespace say ``bpmn:`` (the prefix the
    export binds), whatever prefix, or default namespace, the file used."""
    copy = deepcopy(el)
    for x, y in zip(el.iter(), copy.iter(), strict=True):
        value = x.get(_T_XSI_TYPE) if isinstance(x.tag, str) else None
        if value:
            prefix, _, name = value.rpartition(":")
            if x.nsmap.get(prefix or None) == BPMN:
                y.set(_T_XSI_TYPE, f"bpmn:{name}")
    return copy


_PREFIXED = re.compile(r"([A-Za-z_][\w.-]*):[A-Za-z_]")


def _declaring(keep: etree._Element, el: etree._Element, children: list[etree._Element]) -> str:
    """``keep`` as XML, declaring the file's prefixes that its values name (``structureRef="xs:string"``)."""
    text = etree.tostring(keep, encoding="unicode")
    scope = {p: u for p, u in el.nsmap.items() if p}
    for child in children:
        for x in child.iter():
            scope.update((p, u) for p, u in x.nsmap.items() if p)
    named = {p: scope[p] for p in dict.fromkeys(_PREFIXED.findall(text)) if p in scope and f"xmlns:{p}=" not in text}
    if not named:
        return str(text)
    wider = etree.Element(_T_KEEP, dict(keep.attrib), nsmap={**named, "qms": QMS})
    wider.extend(list(keep))
    return str(etree.tostring(wider, encoding="unicode"))


class _Reader:
    """One import run: the parsed tree, the id index, and the warnings collected."""

    def __init__(self, root: etree._Element, source: str, lang: str) -> None:
        self.root = root
        self.source = source
        self.lang = lang
        self.warnings: list[Problem] = []
        self.handled: set[etree._Element] = set()
        # handled, and nothing under it is left to report: pass 3 does not walk into it
        self.clean: set[etree._Element] = set()
        self.assocs_left: dict[etree._Element, list[etree._Element]] = {}  # clean but for these
        self.by_id: dict[str, etree._Element] = {}
        self.pos: dict[str, tuple[float, float]] = {}
        self.containers: list[_Container] = []
        self.of_node: dict[str, _Container] = {}  # xml id of a flow node → its container
        self.roles: dict[str, str] = {}  # role id → name
        self.role_of_lane: dict[str, str] = {}
        self.stakeholders: dict[str, str] = {}  # stakeholder id → name
        self.stakeholder_of: dict[str, str] = {}  # participant xml id → stakeholder id
        self.process_of: dict[str, _Container] = {}  # process xml id → container
        self.participant_process: dict[str, _Container] = {}
        self.process_ids = _Ids()
        self.stakeholder_ids = _Ids()
        self.role_ids: dict[str, str] = {}
        self.collaboration = False
        self.system_json: dict[str, Any] | None = None
        self.stubs: list[tuple[etree._Element, Process]] = []
        self.ordered: list[Any] = []  # processes and stubs in file order
        self.used_stores: set[etree._Element] = set()
        self.diagrams: _Diagrams | None = None  # the diagrams of a split file (see _split)
        self.positions_read = False
        self.renamed_refs: dict[str, int] = {}  # process id used twice → processes renamed so far
        self.renamed: list[etree._Element] = []  # steps whose id is no valid model id (kept in bpmn_id)
        self.carried: dict[str, list[etree._Element]] = {}  # kind → elements written back verbatim
        self.root_carried: list[etree._Element] = []  # root elements written back with the first process

    # -- reporting
    def warn(self, el: etree._Element | None, message: str, hint: str = "") -> None:
        line = el.sourceline or 0 if el is not None else 0
        ident = el.get("id", "") if el is not None else ""
        where = f"{local(el.tag)} '{ident}'" if el is not None and ident else (local(el.tag) if el is not None else "")
        text = f"{where}: {message}" if where else message
        self.warnings.append(Problem(SourceLocation(self.source, line, 1), text, hint, severity="warning",
                                     rule="import", element=ident))

    def carry(self, el: etree._Element, ext: etree._Element | None, children: list[etree._Element],
              known: frozenset[str]) -> str | None:
        """What of ``el`` the model has no field for, as XML to write back on export (None: nothing).

        The unknown attributes become attributes of ``qms:keep``, the extension elements of other
        tools its ``qms:ext`` child, and the other child elements follow as they are.
        """
        attrs = {k: v for k, v in el.attrib.items() if k not in known}
        exts = [x for x in ext if not (isinstance(x.tag, str) and x.tag.startswith(_SKIPPED))] if ext is not None \
            else []
        if not (attrs or exts or children):
            return None
        keep = etree.Element(_T_KEEP, attrs, nsmap={"qms": QMS})
        for key in attrs:
            self._carried(f"attribute {local(key)}", el)
        if exts:
            holder = etree.SubElement(keep, _T_KEEP_EXT)
            for x in exts:
                holder.append(deepcopy(x))
                self._carried_tree(x)
                self._carried("extension element " + (local(x.tag) if isinstance(x.tag, str) else "comment"), x)
        for child in children:
            keep.append(_bound_types(child))
            self._carried_tree(child)
            self._carried(local(child.tag) if isinstance(child.tag, str) else "comment", child)
        return _declaring(keep, el, children)

    def _carried(self, kind: str, el: etree._Element) -> None:
        self.carried.setdefault(kind, []).append(el)

    def _carried_tree(self, el: etree._Element) -> None:
        self.handled.add(el)
        self.clean.add(el)

    # -- pass 1: index
    def index(self) -> None:
        """Ids of root elements and collaboration content (what references point to); the
        content of each process is indexed as it is read."""
        by_id = self.by_id
        todo = [self.root]
        while todo:
            el = todo.pop()
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag == _DIAGRAM:
                    continue
                ident = child.get("id")
                if ident is not None and ident not in by_id:
                    by_id[ident] = child
                elif ident is not None and tag == _T_PROCESS:
                    self._rename_process(child, ident)
                if tag in _SCOPES:
                    todo.append(child)

    def _rename_process(self, el: etree._Element, ident: str) -> None:
        """A second process with the id of another: it gets a fresh id, and so does the
        reference of the next participant that names that id (pools and processes pair up in order)."""
        fresh = ident
        n = 2
        while fresh in self.by_id:
            fresh = f"{ident}_{n}"
            n += 1
        self.warn(el, f"the id '{ident}' is used by another process too; read as '{fresh}'",
                  "give each process its own id in the BPMN tool")
        el.set("id", fresh)
        self.by_id[fresh] = el
        taken = self.renamed_refs.setdefault(ident, 0)
        refs = [p for p in self.root.iter(_T_PARTICIPANT) if p.get("processRef") == ident]
        if len(refs) > taken + 1:
            refs[taken + 1].set("processRef", fresh)
        self.renamed_refs[ident] = taken + 1

    def read_positions(self) -> None:
        """The position of every shape (what orders the steps and lanes of the model)."""
        if self.positions_read:
            return
        self.positions_read = True
        pos = self.pos
        for shape in self._shapes():
            ref = _ref(shape.get("bpmnElement"))
            try:
                bounds = shape[0]  # (its Bounds come first: one element proxy per shape)
            except IndexError:
                continue
            if bounds.tag != _BOUNDS:
                bounds = _first(shape, _BOUNDS)
            if ref and bounds is not None and ref not in pos:
                try:
                    pos[ref] = (float(bounds.get("x", "0")), float(bounds.get("y", "0")))
                except ValueError:  # (not contextlib.suppress: this loop runs once per shape)
                    continue  # a shape without a usable position: the element keeps document order

    def drop_diagrams(self) -> None:
        """Free the diagram elements: the model keeps only the positions :meth:`index` read
        (the diagram is drawn anew on export), and in a large file they are half the tree."""
        # (strip_elements, not remove(): lxml's remove() re-homes the whole subtree into a new
        # document, seconds for a 10,000-step diagram)
        etree.strip_elements(self.root, _DIAGRAM, with_tail=False)
        if self.diagrams is not None:
            self.diagrams.root = None  # (the caller may still hold the diagrams: not their tree)
            self.diagrams = None

    def _carries_qms_model(self) -> bool:
        """Whether a process or the collaboration carries qms's own model data (a file qms wrote).

        Such a file is read from that JSON while the tree is still alive, a second copy of the
        model, so its diagram is freed first: a 500-process file peaks at 477 MB instead of
        503 MB. A file from another tool frees its diagram with the rest of the tree, which is
        faster (a tenth of the import of a 10,000-step file: freeing early hands the memory
        back to the system only to ask for more while the model is built).
        """
        for holder in self.root.iterchildren(b("process"), b("collaboration")):
            ext = _first(holder, _T_EXT)
            if ext is not None and (_first(ext, _T_QMS_MODEL) is not None or _first(ext, _T_QMS_SYSTEM) is not None):
                return True
        return False

    def _shapes(self) -> Iterator[etree._Element]:
        """Every BPMNShape; they are children of a diagram's plane, so the process content is
        not walked."""
        diagrams = list(self.root.iterchildren(_DIAGRAM))
        if self.diagrams is not None:
            diagrams.extend(self.diagrams.result())
        for dia in diagrams:
            for plane in dia.iterchildren(_PLANE):
                yield from plane.iterchildren(_SHAPE)
            for other in dia.iterchildren():
                if other.tag != _PLANE:  # a tool's own wrapper: look everywhere in it
                    yield from other.iter(_SHAPE)

    def lane_key(self, lane_id: str | None, n: int) -> tuple[float, float, int]:
        """Lanes are ordered from the top (a lane without an id: by its place)."""
        if lane_id is None:
            return (0.0, 0.0, n)
        x, y = self.pos.get(lane_id, _NOWHERE)
        return (y, x, n)

    # -- pass 2: collaborations and processes
    def read(self) -> None:
        self.index()
        if self._carries_qms_model():
            self.read_positions()
            self.drop_diagrams()
        elif self.diagrams is not None:
            self.diagrams.start()  # parsed while the processes are read; positions are read last
        participants: list[etree._Element] = []
        for collab in self.root.iterchildren(b("collaboration")):
            self.collaboration = True
            self.handled.add(collab)
            self._qms_system(collab)
            for part in collab.iterchildren(b("participant")):
                participants.append(part)
        process_parts: dict[str, etree._Element] = {}
        for part in participants:
            self.handled.add(part)
            pref = _ref(part.get("processRef"))
            if pref and pref in self.by_id and self.by_id[pref].tag == b("process"):
                process_parts.setdefault(pref, part)
        for proc in self.root.iterchildren(b("process")):
            self.handled.add(proc)
            part = process_parts.get(proc.get("id", ""))
            name = (part.get("name") if part is not None else None) or proc.get("name") or ""
            c = self._container(proc, name, part)
            self.process_of[proc.get("id", "")] = c
            if part is not None:
                self.participant_process[part.get("id", "")] = c
        for part in participants:
            if part.get("id", "") in self.participant_process:
                continue
            pref = _ref(part.get("processRef"))
            stub = self._qms_stub(part)
            if stub is not None:
                self.stubs.append((part, stub))
                continue
            if pref:
                self.warn(part, f"refers to process '{pref}', which the file does not hold; read as a stakeholder")
            name = part.get("name") or part.get("id", "participant")
            ext = _first(part, _T_EXT)
            marker = _first(ext, q(QMS, "stakeholder")) if ext is not None else None
            if ext is not None:
                self.handled.add(ext)
            sid = self.stakeholder_ids.take(marker.get("ref") if marker is not None and marker.get("ref")
                                            else _name_id(name))
            self.stakeholders[sid] = name
            self.stakeholder_of[part.get("id", "")] = sid
        for proc in self.root.iterchildren(b("process")):
            c = self.process_of[proc.get("id", "")]
            self._flow_elements(c, proc)
        if all(c.qms is None for c in self.containers):
            for el in self.root:
                if el.tag in _ROOT_KEPT or (isinstance(el.tag, str) and el.tag.endswith("EventDefinition")):
                    self.root_carried.append(el)
                    self._carried_tree(el)
                    self._carried(local(el.tag), el)
        for collab in self.root.iterchildren(b("collaboration")):
            for mf in collab.iterchildren(b("messageFlow")):
                self.handled.add(mf)
                self._message(mf)
            for art in collab:
                if isinstance(art.tag, str) and art.tag in (b("textAnnotation"), b("association"), b("group")):
                    self.warn(art, "an artifact of the collaboration (outside every pool) is not kept")
                    self.handled.add(art)
        # processes in the order of their pools, then the rest (sub-processes, pool-less processes)
        stubs = {id(part): p for part, p in self.stubs}
        for part in participants:
            if part.get("id", "") in self.participant_process:
                self.ordered.append(self.participant_process[part.get("id", "")])
            elif id(part) in stubs:
                self.ordered.append(stubs[id(part)])
        placed = {id(c) for c in self.ordered}
        self.ordered.extend(c for c in self.containers if id(c) not in placed)
        self._rehome_flows()
        self.read_positions()

    def _rehome_flows(self) -> None:
        """Move sequence flows filed under a process other than the one holding their steps.

        Some tools file a boundary event (and its flows) in the process while its host is
        inside a sub-process: the event moves to its host's process first.
        """
        if len(self.containers) < 2:
            return  # one process: every flow is home (one with an unknown end is reported later)
        for c in self.containers:
            moved: dict[str, _Container] = {}  # xml id → the container it moves to
            for raw, data in list(c.steps.items()):
                if "_attached" not in data:
                    continue
                host = self.of_node.get(data["_attached"])
                if host is None or host is c:
                    continue
                step = c.steps.pop(raw)
                sid = host.ids.take(c.step_id.pop(raw))
                step["id"] = sid
                host.steps[raw] = step
                host.step_id[raw] = sid
                moved[raw] = host
                self.of_node[raw] = host
            if moved:  # (one pass over the order, however many events moved; it is sorted later)
                stay_order = []
                for key in c.order:
                    to = moved.get(key[1])
                    if to is None:
                        stay_order.append(key)
                    else:
                        to.order.append(key)
                c.order = stay_order
        for c in self.containers:
            stay = []
            for f in c.flows:
                if f["from"] in c.steps and f["to"] in c.steps:
                    stay.append(f)
                    continue
                home = self.of_node.get(f["from"])
                if home is not None and home is self.of_node.get(f["to"]) and home is not c:
                    home.flows.append(f)
                else:
                    stay.append(f)
            c.flows = stay

    def _qms_system(self, collab: etree._Element) -> None:
        ext = _first(collab, _T_EXT)
        if ext is None:
            return
        payload = _first(ext, _T_QMS_SYSTEM)
        if payload is None:
            return
        try:
            self.system_json = json.loads(_payload_text(payload), object_pairs_hook=_ordered)
            self.lang = payload.get("lang", self.lang)
        except json.JSONDecodeError as exc:
            self.warn(payload, f"the qms system data cannot be read ({exc.msg}); it is ignored")

    def _qms_model(self, holder: etree._Element) -> Process | None:
        ext = _first(holder, _T_EXT)
        payload = _first(ext, _T_QMS_MODEL) if ext is not None else None
        if payload is None:
            return None
        try:
            process = Process.model_validate(json.loads(_payload_text(payload), object_pairs_hook=_ordered))
        except (json.JSONDecodeError, ValidationError) as exc:
            self.warn(payload, f"the qms model data cannot be read ({str(exc).splitlines()[0]}); "
                               "the process is read from the diagram")
            return None
        self.lang = payload.get("lang", self.lang)
        return process

    def _qms_stub(self, part: etree._Element) -> Process | None:
        process = self._qms_model(part)
        if process is not None:
            self.process_ids.used.add(process.process)
            for child in part:
                if child.tag in (_T_DOC, _T_EXT):
                    self.handled.add(child)
        return process

    def _container(self, el: etree._Element, name: str, part: etree._Element | None,
                   parent: str | None = None) -> _Container:
        qms = self._qms_model(el)
        raw = el.get("id", "process")
        if qms is not None and qms.process not in self.process_ids.used:
            pid = qms.process
            self.process_ids.used.add(pid)
        else:
            valid = ID_PATTERN.fullmatch(raw) is not None
            pid = self.process_ids.take(raw if valid or qms is not None else slugify(raw))
        c = _Container(el, pid, name or el.get("name") or raw, part, parent, qms=qms)
        if qms is not None and self.system_json is not None:
            c.prefix = f"{qms.process}."  # a whole-system file prefixes the ids inside each process
        doc = _first(el, _T_DOC)
        if doc is not None:
            c.purpose = _text(doc)
            self.handled.add(doc)
        self.containers.append(c)
        return c

    # -- flow elements of one container
    def _flow_elements(self, c: _Container, el: etree._Element, within: str | None = None,
                       outer_lanes: dict[str, str] | None = None) -> None:
        lanes_of: dict[str, str] = dict(outer_lanes or {})
        # clean: every child is of a kind read below and leaves nothing to report under it
        clean = True
        for ls in el.iterchildren(_T_LANESET):
            self.handled.add(ls)
            self._lanes(c, ls, lanes_of)
            clean = clean and ls in self.clean
        by_id = self.by_id
        nodes: list[etree._Element] = []
        node_keys: list[tuple[str, str]] = []  # each node's tag and id, read once
        flows: list[etree._Element] = []
        objects: list[etree._Element] = []
        stores: list[etree._Element] = []
        notes: list[etree._Element] = []
        links: list[etree._Element] = []
        for n, child in enumerate(el):
            tag = child.tag
            if not isinstance(tag, str):
                continue
            ident = child.get("id")
            if ident is not None and ident not in by_id:
                by_id[ident] = child  # what references inside this scope point to
            if tag in _NODE_TAGS:
                nodes.append(child)
                node_keys.append((tag, ident or ""))
                c.order.append((n, ident or ""))  # ordered by position when the model is built
            elif tag == _T_FLOW:
                flows.append(child)
            elif tag == _T_OBJECT:
                objects.append(child)
                clean = clean and not len(child)
            elif tag == _T_OBJECT_REF:
                self.handled.add(child)
                clean = clean and not len(child)
            elif tag == _T_STORE_REF:
                self.handled.add(child)
                stores.append(child)
                clean = clean and not len(child)
            elif tag == _T_ANNOTATION:
                notes.append(child)
                clean = clean and all(t.tag == _T_TEXT and not len(t) for t in child)
            elif tag == _T_ASSOCIATION:
                links.append(child)
                clean = clean and not len(child)
            elif tag == _T_EXT:
                self.handled.add(child)
                clean = clean and self._ext_clean(child)
            elif tag == _T_DOC:
                clean = clean and child in self.handled and not len(child)  # the purpose: the first one
            elif tag != _T_LANESET:
                clean = False  # a kind the model does not hold: carried (another tool's file) or reported
                if within is None and c.qms is None and tag not in _NESTED and tag != b("group"):
                    c.carried.append(child)
        for node, (tag, ident) in zip(nodes, node_keys, strict=True):
            self._node(c, node, tag, ident, lanes_of, within)
        for obj in objects:
            self._data_object(c, obj)
        for flow in flows:
            self._sequence_flow(c, flow)
        if c.assocs:
            for node in nodes:
                self._data_associations(c, node)
        for link in links:
            self._association(c, link)
        for note in notes:
            if note not in self.handled:
                self.warn(note, "a text annotation attached to no step is not kept")
                self.handled.add(note)
        for store in stores:
            if store not in self.used_stores:
                name = store.get("name") or store.get("id", "")
                if {"kind": "system", "name": name} not in c.resources:
                    c.resources.append({"kind": "system", "name": name})
        for node in nodes:
            if _NODE_TAGS[node.tag].container:
                self._sub_process(c, node, lanes_of)
        if clean and all(x in self.clean for x in nodes) and all(x in self.clean for x in flows):
            self.clean.add(el)

    @staticmethod
    def _ext_clean(ext: etree._Element) -> bool:
        """Whether extension elements hold only what pass 3 skips (qms's data, diagram data)."""
        return all(isinstance(t := x.tag, str) and t.startswith(_SKIPPED) for x in ext)

    def _lanes(self, c: _Container, lane_set: etree._Element, lanes_of: dict[str, str]) -> None:
        clean = True
        lanes = 0
        for n, lane in enumerate(lane_set.iterchildren(_T_LANE)):
            lanes += 1
            self.handled.add(lane)
            role = self._role(lane)
            if role in {r for *_, r in c.lanes}:  # two lanes of one process with the same name
                role = self._role(lane, fresh=True)
            c.lanes.append((lane.get("id", ""), n, role))
            read = 0
            for ref in lane.iterchildren(_T_NODE_REF):
                lanes_of[_ref(ref.text)] = role
                read += 1
                clean = clean and not len(ref)
            child = _first(lane, _T_CHILD_LANES)
            if child is not None:
                self.handled.add(child)
                self._lanes(c, child, lanes_of)  # the innermost lane wins
                read += 1
                clean = clean and child in self.clean
            ext = _first(lane, _T_EXT)
            if ext is not None:
                read += 1
                clean = clean and self._ext_clean(ext)
            clean = clean and len(lane) == read  # (a second child lane set, a documentation: walked)
        if clean and len(lane_set) == lanes:
            self.clean.add(lane_set)

    def _role(self, lane: etree._Element, *, fresh: bool = False) -> str:
        ext = _first(lane, _T_EXT)
        marker = _first(ext, q(QMS, "role")) if ext is not None else None
        if ext is not None:
            self.handled.add(ext)
        name = lane.get("name") or lane.get("id", "lane")
        key = marker.get("ref") if marker is not None and marker.get("ref") else f"name:{name}"
        if fresh:
            key = f"lane:{lane.get('id')}:{id(lane)}"
        if key not in self.role_ids:
            ident = marker.get("ref", "") if marker is not None else _name_id(name)
            ident = ident if ID_PATTERN.fullmatch(ident) else slugify(ident)
            n = 2
            base = ident
            while ident in self.roles:
                ident = f"{base}_{n}"
                n += 1
            self.role_ids[key] = ident
            self.roles[ident] = name
        return self.role_ids[key]

    def _model_step_id(self, c: _Container, raw: str, name: str) -> str:
        """The element's id in a file qms wrote; else an id made from its name (readable YAML)."""
        if c.qms is not None:
            if c.prefix and raw.startswith(c.prefix):
                raw = raw[len(c.prefix):]
            return c.ids.take(raw)
        if ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID:
            return c.ids.take(raw, valid=True)
        return c.ids.take(_name_id(name) if name else slugify(raw)[:MAX_ID], valid=True)

    def _node(self, c: _Container, el: etree._Element, el_tag: str, raw: str,
              lanes_of: dict[str, str], within: str | None = None) -> None:
        self.handled.add(el)
        spec = _NODE_TAGS[el_tag]
        tag = spec.tag
        name = el.get("name") or ""
        sid = self._model_step_id(c, raw, name.strip())
        c.step_id[raw] = sid
        self.of_node[raw] = c
        data: dict[str, Any] = {"id": sid}
        if sid != raw and c.qms is None:
            data["bpmn_id"] = raw
            self.renamed.append(el)
        kind = spec.step_kind
        if spec.warning:
            self.warn(el, spec.warning)
        if spec.type is not None:
            data["type"] = spec.type
        if within is not None:
            data["within"] = within
        if kind == "call":
            called = _ref(el.get("calledElement"))
            if not called:
                self.warn(el, "a call activity without calledElement: the call names itself",
                          "set the called process in your tool, or edit call: in the YAML")
            data["call"] = called or sid
            data["_called"] = called
            if name:
                data["name"] = name
        else:
            data[kind] = name
        lane = lanes_of.get(raw)
        if lane:
            data["lane"] = lane
        docs: list[etree._Element] = []
        ext = None
        carried: list[etree._Element] = []
        defs: list[etree._Element] = []
        assocs: list[etree._Element] = []
        clean = True  # nothing under the element is left to report (pass 3 skips it)
        for child in el:
            ctag = child.tag
            if ctag in _FLOW_REFS:
                clean = clean and not len(child)
                continue
            if not isinstance(ctag, str):
                clean = False
                continue
            if ctag == _T_DOC:
                docs.append(child)
                clean = clean and not len(child)
            elif ctag == _T_EXT:
                ext = child
                clean = clean and self._ext_clean(child)
            elif ctag in _EVENT_DEFINITIONS:
                defs.append(child)
            elif ctag == _T_EDREF:
                self.handled.add(child)
                clean = clean and not len(child)
                target = self.by_id.get(_ref(child.text))
                if target is not None:
                    defs.append(target)
                carried.append(child)
            elif ctag in _ASSOCIATIONS:
                assocs.append(child)  # clean when each is (see _data_associations)
            elif ctag in _LOOPS and not len(child) and _PLAIN_LOOP_ATTRS.issuperset(child.attrib):
                standard = ctag == b("standardLoopCharacteristics")
                data["loop"] = "standard" if standard else (
                    "sequential" if child.get("isSequential") == "true" else "parallel")
                self.handled.add(child)
            elif ctag == _T_PROPERTY and not len(child) and child.get("name") == "__targetRef_placeholder":
                pass
            elif ctag not in _NODE_TAGS and ctag not in _NESTED:
                carried.append(child)
                clean = False
            else:
                clean = False
        if defs and kind not in ("start", "end", "event"):
            clean = False  # (event definitions are read for events only)
        if clean:
            if assocs:
                self.assocs_left[el] = assocs  # clean once they are read
            else:
                self.clean.add(el)
        if docs:
            text = _text(docs[0])
            if text:
                data["description"] = text
            self.handled.update(docs)
        derived = None
        if ext is not None:
            self.handled.add(ext)
            marker = _first(ext, _T_QMS_DERIVED)
            if marker is not None:
                derived = (marker.get("role", ""), marker.get("of", ""))
            step_ext = _first(ext, _T_QMS_STEP)
            if step_ext is not None:
                if step_ext.get("pdca") in ("plan", "do", "check", "act"):
                    data["pdca"] = step_ext.get("pdca")
                if step_ext.get("phase"):
                    data["phase"] = step_ext.get("phase")
        if defs and kind in ("start", "end", "event"):
            self._trigger(el, defs, data, spec.throw, carried if c.qms is None else [])
        if assocs:
            c.assocs[raw] = assocs
        if tag == "boundaryEvent":
            data["_attached"] = _ref(el.get("attachedToRef"))
        if el.get("cancelActivity") == "false" or el.get("isInterrupting") == "false":
            data["interrupting"] = False
        if el.get("triggeredByEvent") == "true":
            data["type"] = "event"
        if c.qms is None:
            kept = self.carry(el, ext, carried, _NODE_ATTRS)
            if kept is not None:
                data["xml"] = kept
        if derived is not None:
            data["_derived"] = derived
        if el.get("default"):
            data["_default"] = el.get("default")
        c.steps[raw] = data

    def _trigger(self, el: etree._Element, defs: list[etree._Element], data: dict[str, Any], throw: bool,
                 carried: list[etree._Element]) -> None:
        for d in defs:
            self.handled.add(d)
            for part in d.iter():
                self.handled.add(part)
        first = etree.QName(defs[0]).localname
        trigger = TRIGGER_OF.get(first)
        # another tool's definitions (their ids, references, timers): written back as they are
        carried.extend(d for d in defs if d.getparent() is el)
        if trigger is None:
            kind = first.removesuffix("EventDefinition")
            self.warn(defs[0], f"a {kind} trigger is not held by the model; the event has no trigger")
            return
        data["trigger"] = trigger
        if throw:
            data["throw"] = True
        if trigger == "timer":
            for t in ("timeDate", "timeCycle", "timeDuration"):
                value = _text(_first(defs[0], b(t)))
                if value:
                    data["when"] = value
                    break
        elif trigger == "conditional":
            value = _text(_first(defs[0], b("condition")))
            if value:
                data["when"] = value

    def _sub_process(self, c: _Container, el: etree._Element, lanes_of: dict[str, str]) -> None:
        """The content of an embedded sub-process: steps of the same process, ``within`` it."""
        self._flow_elements(c, el, c.step_id[el.get("id", "")], lanes_of)

    def _sequence_flow(self, c: _Container, el: etree._Element) -> None:
        self.handled.add(el)
        data: dict[str, Any] = {"from": _ref(el.get("sourceRef")), "to": _ref(el.get("targetRef")), "_el": el}
        name = el.get("name")
        if name:
            data["label"] = name
        if len(el):  # most flows have no content
            self._flow_content(el, data)
        else:
            self.clean.add(el)
        if c.qms is None:
            raw = el.get("id", "")
            if raw:
                data["id"] = c.ids.take(raw if ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID
                                        else f"f_{slugify(raw)[:MAX_ID - 2]}", valid=True)
                if data["id"] != raw:
                    data["bpmn_id"] = raw
                    self.renamed.append(el)
            children = [x for x in el if x.tag not in (_T_COND, _T_DOC, _T_EXT)]
            kept = self.carry(el, _first(el, _T_EXT), children, _FLOW_ATTRS)
            if kept is not None:
                data["xml"] = kept
        c.flows.append(data)

    def _flow_content(self, el: etree._Element, data: dict[str, Any]) -> None:
        cond = _first(el, _T_COND)
        if cond is not None:
            self.handled.add(cond)
            derived = cond.get(q(QMS, "derived"))
            if derived is None and _text(cond):
                data["condition"] = _text(cond)
            elif derived == "name":  # qms named the flow after its target for the diagram
                data.pop("label", None)
        ext = _first(el, _T_EXT)
        if ext is not None:
            self.handled.add(ext)
            if _first(ext, _T_QMS_DERIVED) is not None:
                data["_derived"] = True
        for d in el.iterchildren(_T_DOC):
            self.handled.add(d)
        if all((((t := x.tag) == _T_COND or t == _T_DOC) and not len(x)) or (t == _T_EXT and self._ext_clean(x))
               for x in el):
            self.clean.add(el)

    def _data_object(self, c: _Container, el: etree._Element) -> None:
        self.handled.add(el)
        raw = el.get("id", "")
        name = el.get("name") or raw
        ext = _first(el, _T_EXT)
        marker = _first(ext, q(QMS, "document")) if ext is not None else None
        ident = marker.get("ref") if marker is not None and marker.get("ref") else None
        ident = c.doc_ids.take(ident if ident is not None else name)
        c.documents[raw] = {"id": ident, "name": name}
        for state in el.iterchildren(b("dataState")):
            self.warn(state, "a data state is not held by the model")
            self.handled.add(state)

    def _data_ref(self, c: _Container, ref_id: str) -> tuple[str, str] | None:
        """('document', id) or ('system', name) for the target of a data association."""
        el = self.by_id.get(ref_id)
        if el is None:
            return None
        tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if tag == "dataObjectReference":
            self.handled.add(el)
            obj = _ref(el.get("dataObjectRef"))
            if obj not in c.documents:
                obj_el = self.by_id.get(obj)
                if obj_el is not None and obj_el.tag == b("dataObject"):
                    self._data_object(c, obj_el)
                else:  # a reference without its data object: the reference is the document
                    self._data_object(c, el)
                    obj = ref_id
            doc = c.documents[obj]
            if el.get("name") and doc["name"] != el.get("name") and doc["name"] == obj:
                doc["name"] = el.get("name")
            return ("document", doc["id"])
        if tag == "dataObject":
            if ref_id not in c.documents:
                self._data_object(c, el)
            return ("document", c.documents[ref_id]["id"])
        if tag == "dataStoreReference":
            self.handled.add(el)
            self.used_stores.add(el)
            store = self.by_id.get(_ref(el.get("dataStoreRef")))
            if store is not None:
                self.handled.add(store)
            name = el.get("name") or (store.get("name") if store is not None else None) or ref_id
            return ("system", name)
        if tag == "dataStore":
            self.handled.add(el)
            return ("system", el.get("name") or ref_id)
        return None

    def _data_associations(self, c: _Container, node: etree._Element) -> None:
        raw = node.get("id", "")
        step = c.steps.get(raw)
        assocs = c.assocs.get(raw)
        if step is None or not assocs:
            return
        clean = self.assocs_left.pop(node, None) is assocs  # the node's other children were clean
        for da in assocs:
            self.handled.add(da)
            if da.tag == _T_DOA:
                key, ref_tag = "documents", _T_TARGET
            else:
                key, ref_tag = "reads", _T_SOURCE
            found = False
            for r in da.iterchildren(ref_tag):
                target = self._data_ref(c, _ref(r.text))
                if target is None:
                    continue
                found = True
                _add_data(step, key, target)
            for part in da:
                self.handled.add(part)
                clean = clean and not len(part)
            if not found:
                self.warn(da, "a data association to an input or output of the task is not held by the model")
        for p in node.iterchildren(_T_PROPERTY):
            self.handled.add(p)
        if clean:
            self.clean.add(node)

    def _association(self, c: _Container, el: etree._Element) -> None:
        self.handled.add(el)
        src, dst = _ref(el.get("sourceRef")), _ref(el.get("targetRef"))
        src_el, dst_el = self.by_id.get(src), self.by_id.get(dst)
        if src_el is None or dst_el is None:
            self.warn(el, "an association with an unknown end is not kept")
            return
        # a note: step ↔ text annotation
        for step_ref, other in ((src, dst_el), (dst, src_el)):
            if step_ref in c.steps and other.tag == b("textAnnotation"):
                note = _text(_first(other, b("text")))
                self.handled.add(other)
                for t in other.iterchildren(b("text")):
                    self.handled.add(t)
                step = c.steps[step_ref]
                step["note"] = f"{step['note']}\n{note}" if step.get("note") else note
                return
        # data linked by a plain association: direction says documents or reads
        for step_ref, other_id, key in ((src, dst, "documents"), (dst, src, "reads")):
            if step_ref in c.steps:
                target = self._data_ref(c, other_id)
                if target is not None:
                    _add_data(c.steps[step_ref], key, target)
                    return
        self.warn(el, "an association between elements that are not a step and a note or data is not kept")

    def _message(self, mf: etree._Element) -> None:
        src, dst = _ref(mf.get("sourceRef")), _ref(mf.get("targetRef"))
        name = mf.get("name") or ""
        msg_ref = self.by_id.get(_ref(mf.get("messageRef")))
        if not name and msg_ref is not None and msg_ref.get("name"):
            name = msg_ref.get("name", "")
        if msg_ref is not None:
            self.handled.add(msg_ref)
        src_c, dst_c = self.of_node.get(src), self.of_node.get(dst)
        if src_c is not None:
            home, step_end, other, outgoing = src_c, src, dst, True
        elif dst_c is not None:
            home, step_end, other, outgoing = dst_c, dst, src, False
        else:
            self.warn(mf, "a message flow between two pools (no step at either end) is not held by the model",
                      "attach it to a task or an event in your tool")
            return
        if other in home.steps:
            other_end = home.step_id[other]
        elif other in self.stakeholder_of:
            other_end = self.stakeholder_of[other]
        elif other in self.participant_process:
            other_end = self.participant_process[other].id
        elif other in self.of_node:
            target = self.of_node[other]
            other_end = target.id
            self.warn(mf, f"a message flow between steps of two processes: kept in '{home.id}' as a message "
                          f"to process '{target.id}'; the step '{target.step_id.get(other, other)}' it reaches is "
                          "not recorded")
        else:
            self.warn(mf, f"a message flow to an unknown element '{other}' is not kept")
            return
        sid = home.step_id[step_end]
        data: dict[str, Any] = {"from": sid, "to": other_end} if outgoing else {"from": other_end, "to": sid}
        if name:
            data["name"] = name
        home.messages.append(data)

    # -- pass 3: unhandled elements
    def report_unhandled(self) -> None:
        """One warning per kind of element nothing above read (its content is not visited)."""
        groups: dict[str, list[etree._Element]] = {}
        handled, clean = self.handled, self.clean
        bpmn_ns = "{" + BPMN + "}"
        skipped = _SKIPPED
        # a depth-first walk in document order, in C; the subtree of what is reported (or skipped)
        # is not visited
        walker = etree.iterwalk(self.root, events=("start",))
        next(walker)  # the root itself
        for _, el in walker:
            tag = el.tag
            if not isinstance(tag, str) or tag.startswith(skipped):
                walker.skip_subtree()  # the diagram is drawn anew; qms data was read above
                continue
            if el in handled:
                if el in clean:
                    walker.skip_subtree()
                continue
            if not tag.startswith(bpmn_ns):
                namespace = tag[1:].partition("}")[0] if tag[0] == "{" else "no namespace"
                groups.setdefault(f"ns:{namespace}", []).append(el)
                walker.skip_subtree()
                continue
            name = tag[len(bpmn_ns):]
            if name == "extensionElements" or (name in _PARTS and el.getparent() in handled):
                continue
            groups.setdefault(name, []).append(el)
            walker.skip_subtree()
        for kind, els in self.carried.items():
            shown = ", ".join(f"'{e.get('id')}' (line {e.sourceline})" if e.get("id") else f"line {e.sourceline}"
                              for e in els[:5])
            more = f" and {len(els) - 5} more" if len(els) > 5 else ""
            self.warn(els[0], f"{len(els)}× {kind} kept as XML (field xml:) and written back on export: "
                              f"{shown}{more}")
        if self.renamed:
            els = self.renamed
            shown = ", ".join(f"'{e.get('id')}'" for e in els[:5])
            more = f" and {len(els) - 5} more" if len(els) > 5 else ""
            self.warn(els[0], f"{len(els)} id(s) are no valid model id (letters, digits, _ . -, at most {MAX_ID}): "
                              f"renamed, the original kept in bpmn_id: {shown}{more}")
        for key, els in groups.items():
            els.sort(key=lambda e: e.sourceline or 0)
            shown = ", ".join(f"'{e.get('id')}' (line {e.sourceline})" if e.get("id") else f"line {e.sourceline}"
                              for e in els[:5])
            more = f" and {len(els) - 5} more" if len(els) > 5 else ""
            if key.startswith("ns:"):
                self.warn(els[0], f"{len(els)} extension element(s) in namespace {key[3:]} are not kept: "
                                  f"{shown}{more}")
            else:
                self.warn(els[0], f"{len(els)} bpmn:{key} element(s) are not held by the model: {shown}{more}")


# ------------------------------------------------------------------ model building


def _build_process(r: _Reader, c: _Container, default_lang: str) -> Process | None:
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
    for *_, xml_id in sorted([(pos.get(x, _NOWHERE), n, x) for n, x in c.order]):
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
    if c.parent:
        fields["parent"] = c.parent
        fields["level"] = "subprocess"
    if c.qms is None:
        if c is r.containers[0] and r.root_carried:
            holder = etree.Element(_T_KEEP_ROOT)
            holder.extend(_bound_types(x) for x in r.root_carried)
            c.carried.append(holder)
        fields["gateways"] = "drawn"
        raw = c.el.get("id", "")
        if raw and raw != c.id:
            fields["bpmn_id"] = raw
        carried = r.carry(c.el, _first(c.el, _T_EXT), c.carried, _PROCESS_ATTRS)
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


def _restore(r: _Reader, c: _Container, read: Process, embedded: Process, default: str) -> Process:
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


_E = TypeVar("_E", Flow, MessageFlow)


def _by_ends(items: Iterable[_E]) -> dict[tuple[str, str], deque[_E]]:
    """Flows (or message flows) by their ends, in order: what :func:`_take` matches from."""
    out: dict[tuple[str, str], deque[_E]] = {}
    for item in items:
        out.setdefault((item.from_, item.to), deque()).append(item)
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
    flows: list[Flow] = []
    pool = _by_ends(embedded.flow)
    for f in read.flow:
        match = _take(pool, f.from_, f.to)
        if match is not None:
            label = _retext(match.label, text_in(f.label, lang, default), lang, default) if f.label else None
            flows.append(match.model_copy(update={"label": label, "condition": f.condition or match.condition,
                                                  "default": f.default}))
        else:
            flows.append(f)
    messages: list[MessageFlow] = []
    mpool = _by_ends(embedded.messages)
    for m in read.messages:
        found = _take(mpool, m.from_, m.to)
        if found is not None:
            name = _retext(found.name, text_in(m.name, lang, default), lang, default) if m.name else None
            messages.append(found.model_copy(update={"name": name}))
        else:
            messages.append(m)
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


def _iter_processes(r: _Reader, default_lang: str) -> Iterable[Process]:
    for item in r.ordered:
        if isinstance(item, _Container):
            p = _build_process(r, item, default_lang)
            if p is not None:
                yield p
        elif isinstance(item, Process):
            yield item


def read_bpmn(data: bytes, source: str = "<bpmn>", *, lang: str = "fi", max_bytes: int = MAX_BYTES) -> ImportResult:
    """Read a BPMN 2.0 file into a :class:`QualitySystem`.

    Parameters
    ----------
    data
        The file's bytes.
    source
        The file name used in messages.
    lang
        The language of the names in a file of another tool (files written by qms say theirs).
    max_bytes
        Files over this size are refused.

    Returns
    -------
    ImportResult
        The system (one process per BPMN process and sub-process, stakeholders for black-box
        pools, roles for lanes) and a warning for everything the model does not hold.

    Raises
    ------
    UserError
        When the file cannot be read safely or is not BPMN 2.0.

    Notes
    -----
    Parsing is hardened (no DTD, no entities, no network, a size limit). Files that qms wrote
    carry the whole model in ``qms:model``/``qms:system``; when the diagram still matches it, the
    model is restored exactly. Otherwise (another tool's file, or one edited after export) the
    model is read from the BPMN elements, with the mapping in :data:`qms.bpmn.tags.ELEMENTS`:

    - every task type → ``task``; call activity → ``call``; an embedded sub-process (also a
      transaction, an ad-hoc or an event sub-process) → ``call`` of a new process holding its
      content (``level: subprocess``, ``parent:`` the enclosing process);
    - start, end and intermediate events → ``start``, ``end``, ``event`` with their trigger; a
      boundary event → an ``event`` step after its host activity, joined by a flow named like
      the event (a warning says so);
    - exclusive, parallel and inclusive gateways map one to one; event-based → ``decision``,
      complex → ``inclusive`` (with warnings);
    - lanes → roles (``lanes:`` and the step's ``lane``); a participant without a process → a
      stakeholder; message flows → ``messages`` of the process whose step they touch;
    - data objects → ``documents`` (``documents:`` of a step for output associations, ``reads:``
      for input associations); data stores → ``systems`` of the step (unused ones: resources);
    - text annotations → the step's ``note``; documentation → ``description`` (steps) and
      ``purpose`` (processes); conditions and default flows are kept.

    What none of this covers is reported once per element kind, with element ids and lines.
    """
    with quiet_gc():
        return _read(data, source, lang, max_bytes)


def _read(data: bytes, source: str, lang: str, max_bytes: int) -> ImportResult:
    check_size(len(data), source, max_bytes)
    if len(data) >= SPLIT_BYTES:
        try:
            result = _read_split(data, source, lang, max_bytes)
        except (UserError, _SplitFailed):
            result = None  # read whole: an error names the place in the file as it is
        if result is not None:
            return result
    return _read_root(parse(data, source, max_bytes=max_bytes), source, lang, None)


def _read_split(data: bytes, source: str, lang: str, max_bytes: int) -> ImportResult | None:
    """The import of a file cut in two (see :func:`_split`); None when it cannot be cut."""
    split = _split(data)
    if split is None:
        return None
    body, region = split
    del split  # (each part is freed once parsed: a 40 MB file is not held three times)
    root = parse(body, source, max_bytes=max_bytes)
    del body
    diagrams = _Diagrams(region, root.nsmap)
    del region
    return _read_root(root, source, lang, diagrams)


def _read_root(root: etree._Element, source: str, lang: str, diagrams: _Diagrams | None) -> ImportResult:
    r = _Reader(root, source, lang)
    r.diagrams = diagrams
    try:
        r.read()
    finally:
        if diagrams is not None and diagrams.thread.ident is not None:
            diagrams.thread.join()  # (already joined unless reading failed)
    processes = list(_iter_processes(r, lang))
    r.report_unhandled()
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".bpmn").removesuffix(".xml")
    defs_id = root.get("name") or stem or root.get("id") or "bpmn"
    sys_data = r.system_json
    if sys_data is not None:
        try:
            system = QualitySystem.model_validate({**sys_data, "processes": processes})
            return ImportResult(system, r.warnings, whole_system=True, from_qms=True)
        except ValidationError as exc:
            r.warn(root, f"the qms system data cannot be read ({str(exc).splitlines()[0]}); roles and "
                         "stakeholders are read from the diagram")
    ident = _name_id(defs_id.removeprefix("Definitions_") or defs_id)
    name = root.get("name") or (processes[0].name if len(processes) == 1 else stem or ident)
    roles = [Role(id=k, name=v) for k, v in r.roles.items()]
    stakeholders = [Stakeholder(id=k, name=v) for k, v in r.stakeholders.items()]
    system = QualitySystem(
        system=ident, name=name, default_language=cast(Lang, lang), provider=Provider(id=ident, name=name),
        roles=roles, stakeholders=stakeholders, processes=processes,
    )
    from_qms = bool(r.containers) and all(c.qms is not None for c in r.containers)
    # a process file qms wrote has pools for its stakeholders, but the system lives elsewhere
    return ImportResult(system, r.warnings, whole_system=r.collaboration and not from_qms, from_qms=from_qms)


