"""The table of element kinds: model step kind → graph kind, BPMN tag, drawing hints."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KINDS", "NodeKind", "kind_of"]


@dataclass(frozen=True, slots=True)
class NodeKind:
    """How one kind of step appears in the graph, in BPMN and in a drawing.

    Why: one declarative table instead of ``if kind == ...`` chains in every stage.
    """

    step_kind: str  # the model's key (start, end, event, task, decision, ...)
    graph_kind: str  # start | end | event | task | gateway | subprocess
    bpmn_tag: str  # local name in the BPMN model namespace
    gateway: str | None = None  # exclusive | parallel | inclusive
    marker: str = ""  # the sign drawn in a gateway: × + ○


KINDS: dict[str, NodeKind] = {
    k.step_kind: k
    for k in (
        NodeKind("start", "start", "startEvent"),
        NodeKind("end", "end", "endEvent"),
        NodeKind("event", "event", "intermediateCatchEvent"),
        NodeKind("task", "task", "task"),
        NodeKind("decision", "gateway", "exclusiveGateway", "exclusive", "×"),
        NodeKind("parallel", "gateway", "parallelGateway", "parallel", "+"),
        NodeKind("inclusive", "gateway", "inclusiveGateway", "inclusive", "○"),
        NodeKind("call", "subprocess", "callActivity"),
    )
}


def kind_of(step_kind: str) -> NodeKind:
    """Return the :class:`NodeKind` row of a model step kind.

    Examples
    --------
    >>> kind_of("decision").bpmn_tag
    'exclusiveGateway'
    """
    return KINDS[step_kind]
