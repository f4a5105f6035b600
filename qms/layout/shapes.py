"""What the layout is given and what it gives back: shapes with kinds and sizes, edges with kinds,
pools, lanes and external participants; and the sizes of names and labels as bpmn-js draws them."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Artifact",
    "Box",
    "Diagram",
    "Edge",
    "External",
    "Message",
    "Node",
    "Point",
    "Pool",
    "label_size",
    "task_width",
    "wrap_lines",
]

# Sizes follow bpmn-js defaults, so that other tools draw the shapes as they would.
TASK_H = 80
HALF = TASK_H // 2  # every row aligns its shapes on one centre line, TASK_H / 2 below its top
LABEL_W = 90  # external labels (events, gateways, data, flows) are wrapped to this width
LINE_H = 14
CHAR_W = 6.2  # external labels: 11 px Arial
TASK_CHAR_W = 7.2  # task names: 12 px Arial
POOL_HEADER = 30
LANE_HEADER = 30
POOL_PAD = 20  # from the lane header to the first channel
SLOT = 10  # distance between parallel edge segments in a channel
CORRIDOR_SLOT = 8
CHANNEL_MIN = 50
CORRIDOR_MIN = 24
ROW_PAD = 12
ARTIFACT_GAP = 24  # from a shape (and its label) down to its artifacts
ARTIFACT_SEP = 16
EXTERNAL_H = 60
EXTERNAL_GAP = 20
EXTERNAL_MIN_W = 160
POOL_GAP = 40
BUS_PAD = 16
MIN_BAND = 100


def wrap_lines(text: str, width: int = LABEL_W, char_w: float = CHAR_W) -> list[str]:
    """``text`` broken into lines ``width`` pixels wide (an estimate), as the layout sizes it;
    a renderer draws these very lines. A word longer than a line is broken.

    Examples
    --------
    >>> wrap_lines("Mahtuvatko esitykset raamiin?")
    ['Mahtuvatko', 'esitykset', 'raamiin?']
    >>> wrap_lines("Opiskelijahallintojärjestelmä", 60)
    ['Opiskelij', 'ahallinto', 'järjestel', 'mä']
    """
    per_line = max(1, int(width / char_w))
    if len(text) <= per_line:  # its words and the spaces between them fit on one line
        return [" ".join(text.split())]
    out = [""]
    for word in text.split():
        if out[-1] and len(out[-1]) + 1 + len(word) > per_line:
            out.append("")
        while len(word) > per_line:
            out[-1] = word[:per_line]
            out.append("")
            word = word[per_line:]
        out[-1] = f"{out[-1]} {word}" if out[-1] else word
    return out


def _wrap(text: str, width: int, char_w: float = CHAR_W) -> int:
    """Number of lines ``text`` takes when wrapped at ``width`` pixels (an estimate)."""
    return len(wrap_lines(text, width, char_w))


def _longest_word(text: str) -> int:
    return max(map(len, text.split()), default=0)


def label_size(text: str, width: int = LABEL_W) -> tuple[int, int]:
    """Width and height of an external label (as bpmn-js wraps it).

    bpmn-js draws external labels 90 px wide whatever the bounds say, breaking long words;
    the bounds are wider when a word is, so that a renderer keeps it whole (:func:`wrap_lines`
    with this width).

    Examples
    --------
    >>> label_size("kyllä")
    (32, 14)
    >>> label_size("Mahtuvatko esitykset raamiin?")
    (90, 42)
    >>> label_size("Opiskelijahallintojärjestelmä käytössä")
    (181, 28)
    """
    if not text:
        return 0, 0
    width = max(width, int(_longest_word(text) * CHAR_W) + 2)
    lines = _wrap(text, width)
    w = width if lines > 1 else min(width, int(len(text) * CHAR_W) + 1)
    return w, lines * LINE_H


def task_width(text: str) -> int:
    """Width of a task shape: 100, or wider so that its longest word fits on a line and
    its name in five lines.

    Examples
    --------
    >>> task_width("Budjettiohje")
    100
    >>> task_width("Rahoitusennuste ja talousarvioraami")
    130
    """
    if len(text) * TASK_CHAR_W <= 88 * 4:  # short names: only the longest word matters
        need = _longest_word(text) * TASK_CHAR_W + 12
        return 100 if need <= 100 else min(400, 10 * -(-int(need) // 10))
    w = max(100, 10 * -(-int(_longest_word(text) * TASK_CHAR_W + 12) // 10))
    while _wrap(text, w - 12, TASK_CHAR_W) > 5 and w < 400:
        w += 10
    return w


@dataclass(slots=True)
class Artifact:
    """A shape drawn under its step (a data object, a data store, a text annotation)."""

    id: str
    w: int
    h: int
    assoc: str  # id of the association (or data association) edge
    incoming: bool = False  # the edge points from the artifact to the step
    label_h: int = 0  # external label height (data objects and stores)
    kind: str = "data"  # data | store | note: how a renderer draws it


@dataclass(slots=True)
class Node:
    """A flow node to place: its band (lane index), its size and its external label."""

    id: str
    band: int
    w: int
    h: int
    label_w: int = 0  # external label below the shape (0: none or inside)
    label_h: int = 0
    artifacts: list[Artifact] = field(default_factory=list)
    kind: str = "task"  # task | event | gateway | …: how a renderer draws it (the layout needs only the size)


@dataclass(slots=True)
class Edge:
    """A sequence flow between two node ids, with its label size."""

    id: str
    src: str
    dst: str
    label_w: int = 0
    label_h: int = 0
    kind: str = "sequence"  # sequence | message (a message flow inside one pool)


@dataclass(slots=True)
class Message:
    """A message flow between a node and an external participant."""

    id: str
    node: str
    external: str
    incoming: bool  # from the participant to the node
    label_w: int = 0
    label_h: int = 0


@dataclass(slots=True)
class Pool:
    """A process pool: its bands (lanes, top to bottom), nodes, edges and messages."""

    id: str
    bands: list[str]  # lane ids; "" for a band without a lane shape
    nodes: list[Node]
    edges: list[Edge]
    messages: list[Message] = field(default_factory=list)
    collapsed: bool = False  # a black box (a process without steps)
    links: list[Edge] = field(default_factory=list)  # message flows between two of its nodes


@dataclass(slots=True)
class External:
    """An external participant, drawn as a collapsed pool above the process pools."""

    id: str


Box = tuple[int, int, int, int]
Point = tuple[int, int]


@dataclass(slots=True)
class Diagram:
    """The laid-out diagram: bounds of every shape and label, waypoints of every edge."""

    shapes: dict[str, Box] = field(default_factory=dict)
    labels: dict[str, Box] = field(default_factory=dict)
    edges: dict[str, list[Point]] = field(default_factory=dict)
