"""BPMN 2.0 namespaces, qualified tags and the element table shared by export and import."""

from __future__ import annotations

from dataclasses import dataclass

from qms.graph import KINDS

__all__ = [
    "BPMN",
    "BPMNDI",
    "DC",
    "DI",
    "ELEMENTS",
    "EVENT_DEFINITIONS",
    "NSMAP",
    "QMS",
    "TRIGGER_OF",
    "XSI",
    "T_BOUNDS",
    "T_COND",
    "T_DOC",
    "T_EDGE",
    "T_EXT",
    "T_FLOW",
    "T_FNREF",
    "T_INCOMING",
    "T_LABEL",
    "T_OBJECT_REF",
    "T_OUTGOING",
    "T_SHAPE",
    "T_STORE_REF",
    "T_TYPE",
    "T_WAYPOINT",
    "Element",
    "b",
    "export_tag",
    "local",
    "q",
]

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QMS = "urn:qms:bpmn:1"
"""The toolkit's own namespace for what BPMN has no element for (stable: never change it)."""

NSMAP: dict[str | None, str] = {
    "bpmn": BPMN,
    "bpmndi": BPMNDI,
    "dc": DC,
    "di": DI,
    "xsi": XSI,
    "qms": QMS,
}
PREFIX: dict[str, str] = {v: k for k, v in NSMAP.items() if k}


def b(name: str) -> str:
    """Clark notation of a BPMN model element: ``b("task")`` → ``{…/MODEL}task``."""
    return f"{{{BPMN}}}{name}"


def q(namespace: str, name: str) -> str:
    """Clark notation of ``name`` in ``namespace``."""
    return f"{{{namespace}}}{name}"


# Clark tags of the elements the export writes most, computed once.
T_INCOMING = b("incoming")
T_OUTGOING = b("outgoing")
T_FLOW = b("sequenceFlow")
T_COND = b("conditionExpression")
T_DOC = b("documentation")
T_EXT = b("extensionElements")
T_FNREF = b("flowNodeRef")
T_OBJECT_REF = b("dataObjectReference")
T_STORE_REF = b("dataStoreReference")
T_SHAPE = q(BPMNDI, "BPMNShape")
T_EDGE = q(BPMNDI, "BPMNEdge")
T_LABEL = q(BPMNDI, "BPMNLabel")
T_BOUNDS = q(DC, "Bounds")
T_WAYPOINT = q(DI, "waypoint")
T_TYPE = q(XSI, "type")


def local(tag: str) -> str:
    """``bpmn:task`` for a Clark tag in a known namespace, else the local name.

    Examples
    --------
    >>> local(b("task"))
    'bpmn:task'
    >>> local("{urn:x}thing")
    'thing'
    """
    if tag[:1] != "{":
        return tag
    ns, _, name = tag[1:].partition("}")
    prefix = PREFIX.get(ns)
    return f"{prefix}:{name}" if prefix else name


@dataclass(frozen=True, slots=True)
class Element:
    """How one BPMN flow-node element maps to a model step, both ways.

    Why: one declarative table instead of ``tag.endswith("Task")`` chains (STYLE §1.4).
    ``count`` is the class the element is counted in (task, subprocess, event, gateway),
    ``type`` the step's ``type:`` that selects this element on export, ``warning`` what the
    model cannot hold when the element is imported.
    """

    tag: str  # local name in the BPMN model namespace
    step_kind: str  # the model step kind it becomes
    count: str  # task | subprocess | event | gateway
    type: str | None = None
    warning: str = ""
    throw: bool = False
    container: bool = False  # holds flow elements of its own (sub-process)


ELEMENTS: dict[str, Element] = {
    e.tag: e
    for e in (
        Element("task", "task", "task"),
        Element("userTask", "task", "task", "user"),
        Element("manualTask", "task", "task", "manual"),
        Element("serviceTask", "task", "task", "service"),
        Element("sendTask", "task", "task", "send"),
        Element("receiveTask", "task", "task", "receive"),
        Element("scriptTask", "task", "task", "script"),
        Element("businessRuleTask", "task", "task", "business_rule"),
        Element("callActivity", "call", "subprocess"),
        Element("subProcess", "subprocess", "subprocess", container=True),
        Element("transaction", "subprocess", "subprocess", "transaction", container=True),
        Element("adHocSubProcess", "subprocess", "subprocess", "ad_hoc", container=True),
        Element("startEvent", "start", "event"),
        Element("endEvent", "end", "event"),
        Element("intermediateCatchEvent", "event", "event"),
        Element("intermediateThrowEvent", "event", "event", throw=True),
        Element("boundaryEvent", "event", "event"),
        Element("implicitThrowEvent", "event", "event", warning="an implicit throw event becomes an intermediate "
                "throw event", throw=True),
        Element("exclusiveGateway", "decision", "gateway"),
        Element("parallelGateway", "parallel", "gateway"),
        Element("inclusiveGateway", "inclusive", "gateway"),
        Element("eventBasedGateway", "event_gateway", "gateway"),
        Element("complexGateway", "complex", "gateway"),
    )
}
"""BPMN flow-node local name → model mapping (import and, through ``type``, export)."""

_TYPED: dict[tuple[str, str], str] = {(e.step_kind, e.type): e.tag for e in ELEMENTS.values() if e.type}

#: Event definition local name → model trigger.
TRIGGER_OF: dict[str, str] = {
    "messageEventDefinition": "message",
    "timerEventDefinition": "timer",
    "signalEventDefinition": "signal",
    "conditionalEventDefinition": "conditional",
    "escalationEventDefinition": "escalation",
    "errorEventDefinition": "error",
    "terminateEventDefinition": "terminate",
    "compensateEventDefinition": "compensate",
    "cancelEventDefinition": "cancel",
    "linkEventDefinition": "link",
}

#: Model trigger → event definition local name (export).
EVENT_DEFINITIONS: dict[str, str] = {v: k for k, v in TRIGGER_OF.items()}


def export_tag(step_kind: str, throw: bool = False, trigger: str | None = None, *, type_: str | None = None,
               attached: bool = False) -> str:
    """The BPMN local name a step of ``step_kind`` is exported as.

    An intermediate ``event`` is a boundary event when ``attached`` to an activity, a throw
    event when ``throw`` is set or when it has no trigger (a catch event must wait for
    something). A task or sub-process of a ``type_`` is the element of that type.

    Examples
    --------
    >>> export_tag("decision"), export_tag("task", type_="user"), export_tag("subprocess", type_="event")
    ('exclusiveGateway', 'userTask', 'subProcess')
    >>> export_tag("event"), export_tag("event", trigger="timer"), export_tag("event", attached=True)
    ('intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent')
    """
    if step_kind == "event" and attached:
        return "boundaryEvent"
    if step_kind == "event" and (throw or trigger in (None, "none")):
        return "intermediateThrowEvent"
    if type_ is not None and (step_kind, type_) in _TYPED:
        return _TYPED[step_kind, type_]
    return KINDS[step_kind].bpmn_tag
