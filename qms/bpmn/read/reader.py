"""One import run: the parsed tree, the ids of what references point to, what was read and what not.

The one rule for what nobody read: every handler passes the children it does not know to
:meth:`Reader.unread` (or, in another tool's file, keeps them to write back, :meth:`Reader.carry`);
:meth:`Reader.report` says each kind once, with the lines and ids where it occurs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from qms.bpmn.tags import BPMN, BPMNDI, DC, DI, QMS, b, local, q
from qms.errors import Problem
from qms.location import SourceLocation
from qms.model import Process, slugify
from qms.model.base import ID_PATTERN

from .keep import keep_xml
from .scope import Container, Ids, first, name_id, ref

__all__ = ["MAX_ID", "NOWHERE", "Reader"]

#: The longest id a step keeps as it is; a longer one is shortened (and kept in ``bpmn_id``).
MAX_ID = 64
NOWHERE = (float("inf"), float("inf"))
_DIAGRAM = q(BPMNDI, "BPMNDiagram")
_PLANE = q(BPMNDI, "BPMNPlane")
_SHAPE = q(BPMNDI, "BPMNShape")
_BOUNDS = q(DC, "Bounds")
_SCOPES = {b("collaboration")}  # process content is indexed as it is read
#: Namespaces nothing reports: the diagram is drawn anew, qms's own data is read where it is.
SKIPPED = ("{" + BPMNDI, "{" + DC, "{" + DI, "{" + QMS)
_BPMN = "{" + BPMN + "}"


@dataclass
class Reader:
    """The state of one import: the tree, the ids, what was read into which process, the warnings."""

    root: etree._Element
    source: str
    lang: str
    warnings: list[Problem] = field(default_factory=list)
    by_id: dict[str, etree._Element] = field(default_factory=dict)
    pos: dict[str, tuple[float, float]] = field(default_factory=dict)
    containers: list[Container] = field(default_factory=list)
    of_node: dict[str, Container] = field(default_factory=dict)  # xml id of a flow node → its process
    process_of: dict[str, Container] = field(default_factory=dict)  # process xml id → its process
    participant_process: dict[str, Container] = field(default_factory=dict)
    process_ids: Ids = field(default_factory=Ids)
    roles: dict[str, str] = field(default_factory=dict)  # role id → name
    role_ids: dict[str, str] = field(default_factory=dict)  # lane key → role id
    stakeholders: dict[str, str] = field(default_factory=dict)  # stakeholder id → name
    stakeholder_of: dict[str, str] = field(default_factory=dict)  # participant xml id → stakeholder id
    stakeholder_ids: Ids = field(default_factory=Ids)
    collaboration: bool = False
    system_json: dict[str, Any] | None = None
    ordered: list[Container | Process] = field(default_factory=list)  # processes and stubs in file order
    used_stores: set[str] = field(default_factory=set)  # xml ids of data store references used
    renamed_refs: dict[str, int] = field(default_factory=dict)  # process id used twice → renamed so far
    renamed: list[etree._Element] = field(default_factory=list)  # elements whose id is no valid model id
    carried: dict[str, list[etree._Element]] = field(default_factory=dict)  # kind → kept as XML
    not_read: dict[str, list[etree._Element]] = field(default_factory=dict)  # kind → not held, not kept
    root_carried: list[etree._Element] = field(default_factory=list)  # written back with the first process

    # -- reporting
    def warn(self, el: etree._Element | None, message: str, hint: str = "") -> None:
        line = el.sourceline or 0 if el is not None else 0
        ident = el.get("id", "") if el is not None else ""
        where = f"{local(el.tag)} '{ident}'" if el is not None and ident else (local(el.tag) if el is not None else "")
        text = f"{where}: {message}" if where else message
        self.warnings.append(Problem(SourceLocation(self.source, line, 1), text, hint, severity="warning",
                                     rule="import", element=ident))

    def unread(self, el: etree._Element) -> None:
        """What no handler reads: reported once per kind (qms's own data and diagrams are not)."""
        tag = el.tag
        if not isinstance(tag, str) or tag.startswith(SKIPPED):
            return
        if tag.startswith(_BPMN):
            key = tag[len(_BPMN):]
        else:
            key = "ns:" + (tag[1:].partition("}")[0] if tag[0] == "{" else "no namespace")
        self.not_read.setdefault(key, []).append(el)

    def leaf(self, el: etree._Element) -> None:
        """``el`` is read for its text or attributes: any element inside it is not read."""
        for child in el:
            self.unread(child)

    def report(self) -> None:
        """One warning per kind of element kept as XML, renamed, or not held at all."""
        for kind, els in self.carried.items():
            self.warn(els[0], f"{len(els)}× {kind} kept as XML (field xml:) and written back on export: "
                              f"{_shown(els)}")
        if self.renamed:
            self.warn(self.renamed[0], f"{len(self.renamed)} id(s) are no valid model id (letters, digits, _ . -, "
                                       f"at most {MAX_ID}): renamed, the original kept in bpmn_id: "
                                       f"{_shown(self.renamed)}")
        for key, els in self.not_read.items():
            els.sort(key=lambda e: e.sourceline or 0)
            if key.startswith("ns:"):
                self.warn(els[0], f"{len(els)} extension element(s) in namespace {key[3:]} are not kept: {_shown(els)}")
            else:
                self.warn(els[0], f"{len(els)} bpmn:{key} element(s) are not held by the model: {_shown(els)}")

    # -- what the model cannot hold, kept as XML
    def carry(self, el: etree._Element, ext: etree._Element | None, children: list[etree._Element],
              known: frozenset[str]) -> str | None:
        """What of ``el`` the model has no field for, as XML to write back on export (None: nothing).

        The unknown attributes become attributes of ``qms:keep``, the extension elements of other
        tools its ``qms:ext`` child, and the other child elements follow as they are.
        """
        attrs = {k: v for k, v in el.attrib.items() if k not in known}
        exts = [x for x in ext if not (isinstance(x.tag, str) and x.tag.startswith(SKIPPED))] if ext is not None \
            else ()
        if not (attrs or exts or children):
            return None
        for key in attrs:
            self.carried.setdefault(f"attribute {local(key)}", []).append(el)
        for x in exts:
            self.carried.setdefault("extension element " + _kind(x), []).append(x)
        for child in children:
            self.carried.setdefault(_kind(child), []).append(child)
        return keep_xml(el, attrs, exts, children)

    def renamed_id(self, el: etree._Element) -> None:
        self.renamed.append(el)

    # -- pass 1: index and positions
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
                elif ident is not None and tag == b("process"):
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
        refs = [p for p in self.root.iter(b("participant")) if p.get("processRef") == ident]
        if len(refs) > taken + 1:
            refs[taken + 1].set("processRef", fresh)
        self.renamed_refs[ident] = taken + 1

    def read_positions(self, diagram: etree._Element) -> None:
        """The position of every shape of ``diagram`` (what orders the steps and lanes of the model)."""
        pos = self.pos
        shapes = [s for plane in diagram.iterchildren(_PLANE) for s in plane.iterchildren(_SHAPE)]
        for other in diagram.iterchildren():
            if other.tag != _PLANE:  # a tool's own wrapper: look everywhere in it
                shapes.extend(other.iter(_SHAPE))
        for shape in shapes:
            key = ref(shape.get("bpmnElement"))
            bounds = shape[0] if len(shape) else None  # (its Bounds come first, as every tool writes them)
            if bounds is not None and bounds.tag != _BOUNDS:
                bounds = first(shape, _BOUNDS)
            if key and bounds is not None and key not in pos:
                try:
                    pos[key] = (float(bounds.get("x", "0")), float(bounds.get("y", "0")))
                except ValueError:
                    continue  # a shape without a usable position: the element keeps document order

    def lane_key(self, lane_id: str | None, n: int) -> tuple[float, float, int]:
        """Lanes are ordered from the top (a lane without an id: by its place)."""
        if lane_id is None:
            return (0.0, 0.0, n)
        x, y = self.pos.get(lane_id, NOWHERE)
        return (y, x, n)

    # -- ids
    def role(self, lane: etree._Element, *, fresh: bool = False) -> str:
        """The role a lane stands for: qms's own marker, else one per lane name."""
        ext = first(lane, b("extensionElements"))
        marker = first(ext, q(QMS, "role")) if ext is not None else None
        name = lane.get("name") or ""  # (an unnamed lane: a role of its own, without a name)
        key = marker.get("ref") if marker is not None and marker.get("ref") else f"name:{name}"
        if fresh or not name:
            key = f"lane:{lane.get('id')}:{id(lane)}"
        if key not in self.role_ids:
            ident = marker.get("ref", "") if marker is not None else (
                name_id(name) if name else slugify(lane.get("id") or "lane"))
            ident = ident if ID_PATTERN.fullmatch(ident) else slugify(ident)
            n = 2
            base = ident
            while ident in self.roles:
                ident = f"{base}_{n}"
                n += 1
            self.role_ids[key] = ident
            self.roles[ident] = name
        return self.role_ids[key]

    def step_id(self, c: Container, raw: str, name: str) -> str:
        """The element's id when it is a valid model id (or qms wrote the file); else one made from its
        name, or from the id itself."""
        if c.qms is not None:
            if c.prefix and raw.startswith(c.prefix):
                raw = raw[len(c.prefix):]
            return c.ids.take(raw)
        if ID_PATTERN.fullmatch(raw) and len(raw) <= MAX_ID:
            return c.ids.take(raw, valid=True)
        return c.ids.take(name_id(name) if name else slugify(raw)[:MAX_ID], valid=True)


def _kind(el: etree._Element) -> str:
    return local(el.tag) if isinstance(el.tag, str) else "comment"


def _shown(els: list[etree._Element]) -> str:
    shown = ", ".join(f"'{e.get('id')}' (line {e.sourceline})" if e.get("id") else f"line {e.sourceline}"
                      for e in els[:5])
    return shown + (f" and {len(els) - 5} more" if len(els) > 5 else "")
