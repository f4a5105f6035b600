"""The table of element kinds: model step kind → graph kind, BPMN tag, drawing hints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ACTIVITY_KINDS",
    "DEFAULT_HOLDER_KINDS",
    "GATEWAY_KINDS",
    "KINDS",
    "NodeKind",
    "kind_of",
    "step_kind",
]


@dataclass(frozen=True, slots=True)
class NodeKind:
    """How one kind of step appears in the graph, in BPMN and in a drawing.

    Why: one declarative table instead of ``if kind == ...`` chains in every stage.
    """

    step_kind: str  # the model's key (start, end, event, task, decision, ...)
    graph_kind: str  # start | end | event | task | gateway | subprocess
    bpmn_tag: str  # local name in the BPMN model namespace
    gateway: str | None = None  # exclusive | parallel | inclusive | event | complex
    marker: str = ""  # the sign drawn in a gateway: × + ○ ⬠ ✳
    default_holder: bool = False  # BPMN lets this element name a default flow

    @property
    def activity(self) -> bool:
        """True for tasks and calls: the steps that do work."""
        return self.graph_kind in ("task", "subprocess")


KINDS: dict[str, NodeKind] = {
    k.step_kind: k
    for k in (
        NodeKind("start", "start", "startEvent"),
        NodeKind("end", "end", "endEvent"),
        NodeKind("event", "event", "intermediateCatchEvent"),
        NodeKind("task", "task", "task", default_holder=True),
        NodeKind("decision", "gateway", "exclusiveGateway", "exclusive", "×", default_holder=True),
        NodeKind("parallel", "gateway", "parallelGateway", "parallel", "+"),
        NodeKind("inclusive", "gateway", "inclusiveGateway", "inclusive", "○", default_holder=True),
        NodeKind("call", "subprocess", "callActivity", default_holder=True),
        NodeKind("subprocess", "subprocess", "subProcess", default_holder=True),
        NodeKind("event_gateway", "gateway", "eventBasedGateway", "event", "⬠"),
        NodeKind("complex", "gateway", "complexGateway", "complex", "✳", default_holder=True),
    )
}

#: Step kinds that are gateways (decision, parallel, inclusive, event_gateway, complex).
GATEWAY_KINDS = frozenset(k for k, row in KINDS.items() if row.gateway)
#: Step kinds that do work (task, call, subprocess).
ACTIVITY_KINDS = frozenset(k for k, row in KINDS.items() if row.activity)
#: Step kinds whose BPMN element may name a default flow.
DEFAULT_HOLDER_KINDS = frozenset(k for k, row in KINDS.items() if row.default_holder)


def kind_of(step_kind: str) -> NodeKind:
    """Return the :class:`NodeKind` row of a model step kind.

    Examples
    --------
    >>> kind_of("decision").bpmn_tag
    'exclusiveGateway'
    """
    return KINDS[step_kind]


def step_kind(step: Any) -> str:
    """The kind key a step was written with; ``task`` when that key holds nothing (``task:``).

    Reads the fields directly: :attr:`qms.model.Step.kind` costs an attribute look-up per kind.

    Examples
    --------
    >>> from qms.model import Step
    >>> step_kind(Step.model_validate({"id": "x", "decision": "Ok?"}))
    'decision'
    """
    fields = step.__dict__
    for key in KINDS:
        if fields.get(key) is not None:
            return key
    return "task"
