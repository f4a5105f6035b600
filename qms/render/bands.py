"""The second layout stage of banded diagrams: stack dot's bands in model order and pin them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "pin_bands",
]

_NODE_LINE = re.compile(r'^(\s*)"((?:[^"\\]|\\.)*)" \[(.*)\];$')
_CLUSTER_LINE = re.compile(r'^\s*subgraph "cluster_(\d+)" \{$')
_EDGE_LINE = re.compile(r'^(\s*"(?:[^"\\]|\\.)*" -> "(?:[^"\\]|\\.)*") \[(.*)\];$')


def pin_bands(dot: str, layout: Mapping[str, Any], *, lane_gap: float = 3.0, pool_gap: float = 14.0) -> str:
    """Second layout stage: stack dot's bands in model order, same width, and pin them.

    dot ranks the steps and orders them within each band well, but it reorders
    clusters freely, so lanes could come out in any vertical order. This takes dot's
    layout of ``dot`` (``dot -Tjson0`` output, parsed) and moves each band's nodes so
    that band ``cluster_0`` is on top, ``cluster_1`` below it, and so on. Each band is
    cropped to its content and label, widened to the widest band and its content
    centred. The result pins every node (``pos``) and band (``bb``) for
    ``neato -n2``, which routes the edges anew.

    Parameters
    ----------
    dot
        DOT text whose bands are subgraphs ``cluster_0`` … with ``id`` ``lane-…``,
        ``pool-…`` or ``band-…`` (:func:`draw_flow`, :func:`draw_map`).
    layout
        The JSON layout dot computed for it.
    lane_gap, pool_gap
        Space in points between two lanes, and between any other two bands.

    Returns
    -------
    str
        DOT text with positions, for ``neato -n2``.
    """
    objects: list[Mapping[str, Any]] = list(layout.get("objects", []))
    count = int(layout.get("_subgraph_cnt", 0))
    nodes = {o["_gvid"]: o for o in objects[count:]}
    bands: dict[int, Mapping[str, Any]] = {}
    for o in objects[:count]:
        match = re.fullmatch(r"cluster_(\d+)", str(o.get("name", "")))
        if match and "bb" in o:
            bands[int(match.group(1))] = o
    at, half = _centres(nodes)
    boxes = {i: _crop(o, nodes, at, half) for i, o in bands.items()}
    moves, new_bb = _stack(bands, boxes, nodes, lane_gap, pool_gap)
    positions: dict[str, str] = {}
    for name, (x, y) in at.items():
        dx, dy = moves.get(name, (0.0, 0.0))
        positions[name] = f"{x + dx:.2f},{y + dy:.2f}"
    return _pin(dot, positions, new_bb)


_Box = tuple[float, float, float, float]


def _centres(nodes: Mapping[int, Mapping[str, Any]]) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Node centres and half heights, in points; captions snap to their step."""
    at: dict[str, tuple[float, float]] = {}
    half: dict[str, float] = {}
    for o in nodes.values():
        if "pos" in o:
            x, y = (float(v) for v in str(o["pos"]).split(","))
            at[str(o["name"])] = (x, y)
            half[str(o["name"])] = float(o.get("height", 0.5)) * 36
    for name, (_, y) in list(at.items()):
        owner = name.removeprefix("caption:")
        if owner != name and owner in at:
            ox, oy = at[owner]
            gap = half[owner] + half[name] + 6.0
            at[name] = (ox, oy - gap if y < oy else oy + gap)
    return at, half


def _crop(band: Mapping[str, Any], nodes: Mapping[int, Mapping[str, Any]], at: Mapping[str, tuple[float, float]],
          half: Mapping[str, float]) -> _Box:
    """A band's box cropped to its visible nodes and its label."""
    x0, y0, x1, y1 = (float(v) for v in str(band["bb"]).split(","))
    visible = [
        str(nodes[g]["name"])
        for g in band.get("nodes", [])
        if nodes[g].get("style") != "invis" and str(nodes[g]["name"]) in at
    ]
    label = float(band.get("lheight", 0)) * 72
    if visible:
        extents = [(at[n][1] - half[n], at[n][1] + half[n]) for n in visible]
        low, high = min(e[0] for e in extents), max(e[1] for e in extents)
        y0, y1 = low - 10, max(high + 8 + label, low + label + 24)
    return x0, y0, x1, y1


def _stack(bands: Mapping[int, Mapping[str, Any]], boxes: Mapping[int, _Box], nodes: Mapping[int, Mapping[str, Any]],
           lane_gap: float, pool_gap: float) -> tuple[dict[str, tuple[float, float]], dict[int, str]]:
    """Each band's move (by node name) and new box: stacked in order, as wide as the widest, centred."""
    width = max((b[2] - b[0] for b in boxes.values()), default=0.0)
    centre = max(((b[0] + b[2]) / 2 for b in boxes.values()), default=0.0)
    left, right = centre - width / 2, centre + width / 2
    top = max((b[3] for b in boxes.values()), default=0.0)
    moves: dict[str, tuple[float, float]] = {}
    new_bb: dict[int, str] = {}
    previous = ""
    for i in sorted(boxes):
        x0, y0, x1, y1 = boxes[i]
        kind = str(bands[i].get("id", "lane")).split("-", 1)[0]
        if previous:
            top -= lane_gap if kind == previous == "lane" else pool_gap
        dx, dy = centre - (x0 + x1) / 2, top - y1
        new_bb[i] = f"{left:.2f},{y0 + dy:.2f},{right:.2f},{top:.2f}"
        for gvid in bands[i].get("nodes", []):
            moves[str(nodes[gvid]["name"])] = (dx, dy)
        top += y0 - y1
        previous = kind
    return moves, new_bb


def _pin(dot: str, positions: Mapping[str, str], new_bb: Mapping[int, str]) -> str:
    """The DOT text with ``pos`` on every node and ``bb`` on every band; the invisible edges go."""
    out: list[str] = []
    pending: int | None = None
    for line in dot.splitlines():
        edge = _EDGE_LINE.match(line)
        if edge and 'style="invis"' in edge.group(2):
            continue  # only steered dot's ranking
        cluster = _CLUSTER_LINE.match(line)
        if cluster:
            pending = int(cluster.group(1))
            out.append(line)
            continue
        if pending is not None and line.lstrip().startswith("graph [") and pending in new_bb:
            line = line.replace("graph [", f'graph [bb="{new_bb[pending]}", ', 1)
            pending = None
        node = _NODE_LINE.match(line)
        if node and " -> " not in line:
            name = node.group(2).replace('\\"', '"').replace("\\\\", "\\")
            if name in positions:
                line = f'{node.group(1)}"{node.group(2)}" [pos="{positions[name]}", {node.group(3)}];'
        out.append(line)
    return "\n".join(out) + "\n"
