"""The one layout of a process diagram: the BPMN DI of ``qms export`` and the swimlanes of ``qms render``.

Input is shapes with kinds and sizes in lanes and pools, edges with kinds and label sizes
(:mod:`qms.layout.shapes`); :func:`layout` ranks and orders them (:mod:`qms.layout.order`),
places them and routes every edge with horizontal and vertical segments (:mod:`qms.layout.place`);
:mod:`qms.layout.quality` measures what a reader would see go wrong.
"""

from qms.layout.place import layout
from qms.layout.shapes import (
    LINE_H,
    TASK_H,
    Artifact,
    Box,
    Diagram,
    Edge,
    External,
    Message,
    Node,
    Point,
    Pool,
    label_size,
    task_width,
)

__all__ = [
    "LINE_H",
    "TASK_H",
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
    "layout",
    "task_width",
]
