"""Placement and orthogonal routing: lanes as bands, flows left to right, pools and participants stacked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from qms.layout.labels import place_labels
from qms.layout.order import rank
from qms.layout.route import by_channel, channel_crossing, corridor_crossing, elbow_free, untangled
from qms.layout.shapes import (
    ARTIFACT_GAP,
    ARTIFACT_SEP,
    BUS_PAD,
    CHANNEL_MIN,
    CORRIDOR_MIN,
    CORRIDOR_SLOT,
    EXTERNAL_GAP,
    EXTERNAL_H,
    EXTERNAL_MIN_W,
    HALF,
    LABEL_W,
    LANE_HEADER,
    MIN_BAND,
    POOL_GAP,
    POOL_HEADER,
    POOL_PAD,
    ROW_PAD,
    SLOT,
    Box,
    Diagram,
    External,
    Point,
    Pool,
)

__all__ = ["layout"]

@dataclass(slots=True)
class _Slots:
    """Counts the parallel segments of each channel or corridor, then hands out offsets."""

    used: dict[object, int] = field(default_factory=dict)

    def take(self, key: object) -> int:
        n = self.used.get(key, 0)
        self.used[key] = n + 1
        return n


# ------------------------------------------------------------------ one pool


@dataclass(slots=True)
class _PoolGeometry:
    width: int
    height: int
    exits: dict[str, int]  # message id → x where it leaves the pool's top
    place: Callable[[Diagram, int], dict[str, list[Point]]]
    """Draws the pool's shapes, labels and edges ``oy`` down into a diagram; returns each message
    flow's points from the pool's top to its node."""


def _nothing_to_place(d: Diagram, oy: int) -> dict[str, list[Point]]:
    return {}


def _layout_pool(pool: Pool, ox: int, headers: tuple[int, int], downward: set[str]) -> _PoolGeometry:
    nodes = pool.nodes
    n = len(nodes)
    index = {node.id: i for i, node in enumerate(nodes)}
    has_lanes = any(pool.bands)
    pool_header, lane_header = headers
    left = pool_header + (lane_header if has_lanes else 0)
    if n == 0:
        width = max(600, left + 200)
        return _PoolGeometry(width, EXTERNAL_H if pool.collapsed else MIN_BAND, {}, _nothing_to_place)

    src_of = [index[e.src] for e in pool.edges]
    dst_of = [index[e.dst] for e in pool.edges]
    band = [node.band for node in nodes]
    nbands = len(pool.bands)
    ranks = rank(n, list(zip(src_of, dst_of, strict=True)), band, nbands)
    layer, back, band_rows = ranks.column, ranks.back, ranks.band_rows
    ncols = max(layer) + 1
    grow = ranks.overall(band)
    total = sum(band_rows)
    band_first = [sum(band_rows[:b]) for b in range(nbands)]

    cells = {(grow[v], layer[v]) for v in range(n)}
    ends_on_top = {dst_of[k] for k in back} | {index[e.dst] for e in pool.links} | {index[m.node] for m in pool.messages}
    # next occupied column to the right in the same row (for straight edges)
    occupied: dict[int, list[int]] = {}
    for v in range(n):
        occupied.setdefault(grow[v], []).append(v)
    right_of = [ncols] * n
    for members in occupied.values():
        members.sort(key=lambda v: layer[v])
        for a, c in zip(members, members[1:], strict=False):
            right_of[a] = layer[c]

    # cell extents: widths of columns, heights below the centre line of rows
    col_w = [0] * ncols
    below = [0] * total
    strip_w = [0] * n
    for v, node in enumerate(nodes):
        cw = node.w if node.w > node.label_w else node.label_w
        ext = node.h // 2 + 6 + node.label_h if node.label_h else node.h // 2
        if ext < HALF:
            ext = HALF
        if node.artifacts and node.label_h:  # the name goes right of the associations under the shape
            cw = max(cw, 2 * (node.w // 2 + 4 + node.label_w))
        if node.artifacts:
            sw = 0
            sh = 0
            for art in node.artifacts:
                sw += max(art.w, LABEL_W if art.label_h else 0) + ARTIFACT_SEP
                sh = max(sh, art.h + (art.label_h + 6 if art.label_h else 0))
            sw = max(0, sw - ARTIFACT_SEP)
            strip_w[v] = sw
            cw = max(cw, sw)
            ext += ARTIFACT_GAP + sh
        c, r = layer[v], grow[v]
        if cw > col_w[c]:
            col_w[c] = cw
        if ext > below[r]:
            below[r] = ext

    # first pass over edges: route kinds, slot counts, label room
    channel = _Slots()  # key: channel index k (left of column k)
    corridor = _Slots()  # key: global row
    route: list[tuple[int, ...]] = []
    wants: list[tuple[int, int, int, float, float]] = []  # channel, edge, place in its route, rows in and out
    runs: list[tuple[int, int, int, float, float, bool, bool]] = []  # corridor runs: row, edge, place, ends
    straight: set[tuple[int, int]] = set()
    label_room = [0] * (ncols + 1)
    corridor_label = [0] * total
    for k, e in enumerate(pool.edges):
        s, t = src_of[k], dst_of[k]
        i, j = layer[s], layer[t]
        rs, rt = grow[s], grow[t]
        if k in back or j <= i:
            if s == t:
                route.append((4, corridor.take(rs), channel.take(i)))
            elif rs == rt:
                route.append((3, -1))
                runs.append((rs, k, 1, 2 * i + 1, 2 * j + 1, False, False))
            else:
                slot = channel.take(j)
                x1 = 2 * j + slot / 1000  # channel j lies left of column j
                route.append((5, -1, slot, -1))
                runs.append((rs, k, 1, 2 * i + 1, x1, False, rt < rs))
                runs.append((rt, k, 3, x1, 2 * j + 1, rs < rt, False))
            if e.label_h:
                corridor_label[rs] = max(corridor_label[rs], e.label_h)
        else:
            twin = (s, t) in straight  # a second flow between the same two shapes goes round
            if rs == rt and right_of[s] >= j and not twin:
                route.append((0,))
                straight.add((s, t))
            elif rs != rt and right_of[s] > j and not twin and elbow_free(nodes[t], t, rs, rt, j, cells, ends_on_top):
                route.append((6,))  # along the source's row, then into the target's top or bottom
                straight.add((s, t))
            elif (j == i + 1 or right_of[s] >= j) and not twin:  # along the source's row to the target's channel
                route.append((1, -1))
                wants.append((j, k, 1, rs, rt))
            else:
                route.append((2, -1, -1, -1))
                wants.append((i + 1, k, 1, rs, rt - 0.5))  # down (or up) to the corridor above the target
                wants.append((j, k, 3, rt - 0.5, rt))
            if e.label_w:
                label_room[j] = max(label_room[j], e.label_w + 8)
    for chan, through in sorted(by_channel(wants).items()):
        for k, pos, _, _ in untangled(through, channel_crossing):
            route[k] = (*route[k][:pos], channel.take(chan), *route[k][pos + 1:])
    for k, way in enumerate(route):  # a long forward edge runs in the corridor above its target
        if way[0] == 2:
            s, t = src_of[k], dst_of[k]
            runs.append((grow[t], k, 2, 2 * (layer[s] + 1) + way[1] / 1000, 2 * layer[t] + way[3] / 1000,
                         grow[s] < grow[t], False))
    by_row: dict[int, list[tuple[int, int, float, float, bool, bool]]] = {}
    for row_no, k, pos, xa, xb, up_a, up_b in runs:
        by_row.setdefault(row_no, []).append((k, pos, xa, xb, up_a, up_b))
    for row_no, along in sorted(by_row.items()):
        for k, pos, *_ in untangled(along, corridor_crossing):
            route[k] = (*route[k][:pos], corridor.take(row_no), *route[k][pos + 1:])
    link_route: list[tuple[int, int, int]] = []
    for e in pool.links:  # message flows between two steps of the pool: routed like back edges
        s, t = index[e.src], index[e.dst]
        link_route.append((corridor.take(grow[s]), channel.take(layer[t]), corridor.take(grow[t])))
    entered_below = {dst_of[k] for k, way in enumerate(route) if way[0] == 6 and grow[src_of[k]] > grow[dst_of[k]]}
    msg_route: list[tuple[int, int, int]] = []
    for m in pool.messages:
        v = index[m.node]
        msg_route.append((v, corridor.take(grow[v]), channel.take(layer[v] + 1)))

    # x positions: channel k is left of column k; channel ncols is right of the last column
    chan_w = [
        max(CHANNEL_MIN, 2 * SLOT + SLOT * channel.used.get(k, 0) + label_room[k]) for k in range(ncols + 1)
    ]
    col_x = [0] * ncols
    x = left + POOL_PAD
    chan_x = [0] * (ncols + 1)
    for c in range(ncols):
        chan_x[c] = x
        x += chan_w[c]
        col_x[c] = x
        x += col_w[c]
    chan_x[ncols] = x
    width = x + chan_w[ncols] + POOL_PAD

    # y positions: bands (lanes) are stacked rows
    corr_h = [
        max(CORRIDOR_MIN, 2 * CORRIDOR_SLOT + CORRIDOR_SLOT * corridor.used.get(r, 0) + corridor_label[r])
        for r in range(total)
    ]
    row_top = [0] * total
    centre = [0] * total
    y = 0
    band_box: list[tuple[int, int]] = []
    for bi in range(nbands):
        start = y
        for r in range(band_first[bi], band_first[bi] + band_rows[bi]):
            row_top[r] = y
            centre[r] = y + corr_h[r] + HALF
            y = centre[r] + below[r] + ROW_PAD
        if y - start < MIN_BAND:
            y = start + MIN_BAND
        band_box.append((start, y - start))
    height = y

    def chx(k: int, slot: int) -> int:
        return ox + chan_x[k] + SLOT + slot * SLOT

    exits = {m.id: chx(layer[v] + 1, kslot) for m, (v, _, kslot) in zip(pool.messages, msg_route, strict=True)}

    def place(d: Diagram, oy: int) -> dict[str, list[Point]]:
        def cory(r: int, slot: int) -> int:
            return oy + row_top[r] + CORRIDOR_SLOT + slot * CORRIDOR_SLOT + corridor_label[r]

        # shapes and their labels
        shapes, labels = d.shapes, d.labels
        cx = [0] * n
        cy = [0] * n
        for v, node in enumerate(nodes):
            c = layer[v]
            mid = ox + col_x[c] + col_w[c] // 2
            ycentre = oy + centre[grow[v]]
            cx[v], cy[v] = mid, ycentre
            top = ycentre - node.h // 2
            shapes[node.id] = (mid - node.w // 2, top, node.w, node.h)
            if node.label_h:
                lx = mid + node.w // 2 + 4 if node.artifacts else mid - node.label_w // 2
                labels[node.id] = (lx, top + node.h + 6, node.label_w, node.label_h)
            if node.artifacts:
                label_bottom = top + node.h + (6 + node.label_h if node.label_h else 0)
                atop = max(label_bottom, top + node.h) + ARTIFACT_GAP
                ax = mid - strip_w[v] // 2
                nleft, nright = mid - node.w // 2 + 6, mid + node.w // 2 - 6
                for art in node.artifacts:
                    slot_w = max(art.w, LABEL_W if art.label_h else 0)
                    acx = ax + slot_w // 2
                    shapes[art.id] = (acx - art.w // 2, atop, art.w, art.h)
                    if art.label_h:
                        labels[art.id] = (acx - LABEL_W // 2, atop + art.h + 6, LABEL_W, art.label_h)
                    attach = min(max(acx, nleft), nright)
                    pts = [(attach, top + node.h)]
                    if attach != acx:
                        pts += [(attach, atop - 10), (acx, atop - 10)]
                    pts.append((acx, atop))
                    if art.incoming:
                        pts.reverse()
                    d.edges[art.assoc] = pts
                    ax += slot_w + ARTIFACT_SEP

        # lanes
        if has_lanes:
            for bi, lane in enumerate(pool.bands):
                if lane:
                    start, h = band_box[bi]
                    shapes[lane] = (ox + pool_header, oy + start, width - pool_header, h)

        # sequence flows
        for k, e in enumerate(pool.edges):
            s, t = src_of[k], dst_of[k]
            sn, tn = nodes[s], nodes[t]
            sx_r, sy = cx[s] + sn.w // 2, cy[s]
            tx_l, ty = cx[t] - tn.w // 2, cy[t]
            rs, rt = grow[s], grow[t]
            kind = route[k]
            if kind[0] == 0:
                pts = [(sx_r, sy), (tx_l, ty)]
            elif kind[0] == 6:
                pts = [(sx_r, sy), (cx[t], sy), (cx[t], ty + (tn.h // 2 if sy > ty else -(tn.h // 2)))]
            elif kind[0] == 1:
                x1 = chx(layer[t], kind[1])
                pts = [(sx_r, sy), (x1, sy), (x1, ty), (tx_l, ty)]
            elif kind[0] == 2:
                x1 = chx(layer[s] + 1, kind[1])
                y1 = cory(rt, kind[2])
                x2 = chx(layer[t], kind[3])
                pts = [(sx_r, sy), (x1, sy), (x1, y1), (x2, y1), (x2, ty), (tx_l, ty)]
            elif kind[0] == 3:
                y1 = cory(rs, kind[1])
                stop, ttop = sy - sn.h // 2, ty - tn.h // 2
                pts = [(cx[s], stop), (cx[s], y1), (cx[t], y1), (cx[t], ttop)]
            elif kind[0] == 4:
                y1 = cory(rs, kind[1])
                x1 = chx(layer[s], kind[2])
                stop = sy - sn.h // 2
                pts = [(cx[s], stop), (cx[s], y1), (x1, y1), (x1, ty), (tx_l, ty)]
            else:
                y1 = cory(rs, kind[1])
                x1 = chx(layer[t], kind[2])
                y2 = cory(rt, kind[3])
                stop, ttop = sy - sn.h // 2, ty - tn.h // 2
                pts = [(cx[s], stop), (cx[s], y1), (x1, y1), (x1, y2), (cx[t], y2), (cx[t], ttop)]
            d.edges[e.id] = pts
            if e.label_h:
                if kind[0] <= 2 or kind[0] == 6:  # above the last segment, right-aligned to the target
                    labels[e.id] = (tx_l - 4 - e.label_w, ty - 3 - e.label_h, e.label_w, e.label_h)
                else:  # above the corridor segment, left of the source
                    labels[e.id] = (cx[s] - 4 - e.label_w, pts[1][1] - 2 - e.label_h, e.label_w, e.label_h)

        for e, (c1, k1, c2) in zip(pool.links, link_route, strict=True):
            s, t = index[e.src], index[e.dst]
            sx, tx = cx[s] + nodes[s].w // 4, cx[t] - nodes[t].w // 4
            y1, x1, y2 = cory(grow[s], c1), chx(layer[t], k1), cory(grow[t], c2)
            d.edges[e.id] = [(sx, cy[s] - nodes[s].h // 2), (sx, y1), (x1, y1), (x1, y2), (tx, y2),
                             (tx, cy[t] - nodes[t].h // 2)]
            if e.label_h:
                labels[e.id] = (x1 + 4, y2 - 2 - e.label_h, e.label_w, e.label_h)

        # message flows: up out of the node, through its corridor and the channel on its right;
        # to a participant below, down out of a bare node (no name, data or flow under it)
        tails: dict[str, list[Point]] = {}
        per_node: dict[int, int] = {}
        count: dict[int, int] = {}
        down: dict[int, int] = {}
        for m, (v, _, _) in zip(pool.messages, msg_route, strict=True):
            count[v] = count.get(v, 0) + 1
            down[v] = down.get(v, 0) + (m.id in downward)
        for m, (v, cslot, _) in zip(pool.messages, msg_route, strict=True):
            node = nodes[v]
            i = per_node.get(v, 0)
            per_node[v] = i + 1
            ax = cx[v] - node.w // 2 + node.w * (i + 1) // (count[v] + 1)
            x1 = exits[m.id]
            room = (below[grow[v]] + ROW_PAD - node.h // 2) // max(1, down[v])  # under the node, in its row
            if (m.id in downward and room >= 10 and v not in entered_below and not node.artifacts
                    and not node.label_h):
                y1 = cy[v] + node.h // 2 + min(14, room) * down[v]  # the leftmost lowest: the lines do not cross
                down[v] -= 1
                tails[m.id] = [(x1, y1), (ax, y1), (ax, cy[v] + node.h // 2)]
                continue
            y1 = cory(grow[v], cslot)
            tails[m.id] = [(x1, y1), (ax, y1), (ax, cy[v] - node.h // 2)]
        return tails

    return _PoolGeometry(width, height, exits, place)


def _spans(order: list[str], centre: dict[str, float], width: int) -> dict[str, tuple[int, int]]:
    """Horizontal extent of each external pool: it reaches halfway to its neighbours' centres."""
    spans: dict[str, tuple[int, int]] = {}
    n = len(order)
    if not n:
        return spans
    bounds = [0]
    for a, c in zip(order, order[1:], strict=False):
        bounds.append(int((centre[a] + centre[c]) / 2))
    bounds.append(max(width, bounds[-1] + EXTERNAL_MIN_W))
    x = 0
    for i, ident in enumerate(order):
        left = max(x, bounds[i])
        right = max(left + EXTERNAL_MIN_W, bounds[i + 1] - (EXTERNAL_GAP if i < n - 1 else 0))
        spans[ident] = (left, right - left)
        x = right + EXTERNAL_GAP
    return spans


def layout(pools: list[Pool], externals: list[External], *,
           headers: tuple[int, int] = (POOL_HEADER, LANE_HEADER)) -> Diagram:
    """Lay out process pools (stacked) and external participants (rows above and below them).

    Parameters
    ----------
    pools
        The process pools, top to bottom; shapes get bounds keyed by the pool id, the lane
        ids and the node ids.
    externals
        The collapsed pools of external participants. Each goes above the process pools or
        below them, whichever is nearer to the lanes its messages start from, and spans the
        part of the width its message flows leave the pools at, so that most message flows
        are straight vertical lines. Message flows of the other pools run along the right margin.

    headers
        Widths of a pool's header (its name) and of a lane's header (the role's name); a
        renderer that writes names across rather than up the header makes the lane's wider.

    Returns
    -------
    Diagram
        Bounds of every shape and label and waypoints of every edge, in whole pixels.

    Notes
    -----
    The algorithm, in one pass each (so 10,000 steps lay out in well under a second):

    1. **Layers.** An iterative depth-first search from the sources (then from any node not yet
       reached, in model order) marks back edges; without them the flow is a DAG, and each
       node's column is its longest-path distance from a source.
    2. **Rows.** Each lane is a horizontal band. Nodes of the same band and column are stacked
       in rows, in DFS preorder, so the main path (the first branch of every decision) keeps row 0.
    3. **Channels and corridors.** Shapes sit in cells; between two columns runs a vertical
       *channel* and above every row a horizontal *corridor*, both free of shapes. An edge is a
       straight line when nothing stands between its ends, else it runs out of its source's
       right side, through channels and corridors, into its target's left side; a back edge
       leaves its source's top and enters its target's top. Every edge gets its own slot in each
       channel and corridor it uses, and channels widen to fit them and the branch labels.
    4. **Artifacts** (documents, information systems, notes) sit in a strip under their step.
    5. **Pools.** Process pools are stacked, external participants (collapsed pools) sit in a row
       above them, and message flows reach them through the channels and a bus above the pools.

    Everything is integer arithmetic on plain lists: the result is deterministic.

    Examples
    --------
    >>> from qms.layout.shapes import Edge, Node
    >>> p = Pool("p", [""], [Node("a", 0, 36, 36), Node("b", 0, 100, 80)], [Edge("f", "a", "b")])
    >>> d = layout([p], [])
    >>> d.edges["f"]
    [(136, 64), (186, 64)]
    """
    d = Diagram()
    side = _sides(pools, externals)
    downward = {m.id for p in pools for m in p.messages if side[m.external] == "below"}
    geoms = [_layout_pool(p, 0, headers, downward) for p in pools]
    width = max((g.width for g in geoms), default=600)
    last = len(pools) - 1

    # which side each external participant goes to, and where along the width
    exit_x: dict[str, list[int]] = {x.id: [] for x in externals}
    for p, g in zip(pools, geoms, strict=True):
        for m in p.messages:
            exit_x[m.external].append(g.exits[m.id])
    centre = {x.id: (sum(exit_x[x.id]) / len(exit_x[x.id]) if exit_x[x.id] else 1e9) for x in externals}
    spans: dict[str, tuple[int, int]] = {}
    for where in ("above", "below"):
        order = sorted((x.id for x in externals if side[x.id] == where), key=lambda i: (centre[i], i))
        spans.update(_spans(order, {i: min(centre[i], width) for i in order}, width))

    # routes: straight, along the bus, or out through a gap between pools and along the margin
    kinds: dict[str, tuple[str, int, int]] = {}  # message → (kind, pool index, slot)
    bus = {"above": 0, "below": 0}
    gap_use = [0] * (len(pools) + 1)  # gap i is above pool i
    margin = 0
    for i, (p, g) in enumerate(zip(pools, geoms, strict=True)):
        for m in p.messages:
            where = side[m.external]
            x1 = g.exits[m.id]
            sx, sw = spans[m.external]
            near = (where == "above" and i == 0) or (where == "below" and i == last)
            if near and sx + 8 <= x1 <= sx + sw - 8:
                kinds[m.id] = ("straight", i, 0)
            elif near:
                kinds[m.id] = ("bus", i, bus[where])
                bus[where] += 1
            else:
                gap = i if where == "above" else i + 1
                kinds[m.id] = ("margin", i, gap_use[gap])
                gap_use[gap] += 1
                kinds[m.id + "\0"] = ("", bus[where], margin)
                bus[where] += 1
                margin += 1
    has_above = any(v == "above" for v in side.values())
    has_below = any(v == "below" for v in side.values())

    def bus_h(n: int) -> int:
        return 2 * BUS_PAD + CORRIDOR_SLOT * n

    y = EXTERNAL_H + bus_h(bus["above"]) if has_above else 0
    if has_above and gap_use[0]:
        y += CORRIDOR_SLOT * gap_use[0]
    pool_y: list[int] = []
    tails: list[dict[str, list[Point]]] = []
    for i, (p, g) in enumerate(zip(pools, geoms, strict=True)):
        if i:
            y += POOL_GAP + CORRIDOR_SLOT * gap_use[i]
        pool_y.append(y)
        tails.append(g.place(d, y))
        d.shapes[p.id] = (0, y, width, g.height)
        for lane in p.bands:
            if lane and lane in d.shapes:
                lx, ly, _, lh = d.shapes[lane]
                d.shapes[lane] = (lx, ly, width - lx, lh)
        y += g.height
    pools_bottom = y
    below_top = pools_bottom + CORRIDOR_SLOT * gap_use[len(pools)] + bus_h(bus["below"]) if has_below else 0

    for x in externals:
        sx, sw = spans[x.id]
        ey = 0 if side[x.id] == "above" else below_top
        d.shapes[x.id] = (sx, ey, sw, EXTERNAL_H)

    per_ext: dict[str, int] = {}
    for p in pools:
        for m in p.messages:
            per_ext[m.external] = per_ext.get(m.external, 0) + 1
    attached: dict[str, int] = {}
    for i, (p, g) in enumerate(zip(pools, geoms, strict=True)):
        top, bottom = pool_y[i], pool_y[i] + g.height
        for m in p.messages:
            where = side[m.external]
            sx, sw = spans[m.external]
            k = attached.get(m.external, 0)
            attached[m.external] = k + 1
            x1 = g.exits[m.id]
            tail = tails[i][m.id]
            end_y = EXTERNAL_H if where == "above" else below_top  # the external pool's edge
            px = sx + sw * (k + 1) // (per_ext[m.external] + 1)
            kind, _, slot = kinds[m.id]
            if where == "above":
                bus_y = EXTERNAL_H + BUS_PAD + slot * CORRIDOR_SLOT
            else:
                bus_y = pools_bottom + CORRIDOR_SLOT * gap_use[len(pools)] + BUS_PAD + slot * CORRIDOR_SLOT
            if kind == "straight":
                pts = [(x1, end_y), *tail]
            elif kind == "bus":
                pts = [(px, end_y), (px, bus_y), (x1, bus_y), *tail]
            else:
                _, bslot, mslot = kinds[m.id + "\0"]
                if where == "above":
                    bus_y = EXTERNAL_H + BUS_PAD + bslot * CORRIDOR_SLOT
                    gap_y = top - CORRIDOR_SLOT * (slot + 1)
                else:
                    bus_y = pools_bottom + CORRIDOR_SLOT * gap_use[len(pools)] + BUS_PAD + bslot * CORRIDOR_SLOT
                    gap_y = bottom + CORRIDOR_SLOT * (slot + 1)
                xr = width + BUS_PAD + mslot * SLOT
                pts = [(px, end_y), (px, bus_y), (xr, bus_y), (xr, gap_y), (x1, gap_y), *tail]
            if not m.incoming:
                pts.reverse()
            d.edges[m.id] = pts
            if m.label_h:
                lx = pts[0][0] if m.incoming else pts[-1][0]
                lx = lx + 4 if k % 2 == 0 else lx - 4 - m.label_w  # neighbours alternate sides of their line
                stagger = (k // 2 % 2) * m.label_h
                ly = end_y + 4 + stagger if where == "above" else end_y - 4 - m.label_h - stagger
                d.labels[m.id] = (lx, ly, m.label_w, m.label_h)
    place_labels(d, pools, externals, _headers(d, pools, headers))
    return d


def _sides(pools: list[Pool], externals: list[External]) -> dict[str, str]:
    """Each participant above the pools or below them, whichever is nearer to the lanes it talks to."""
    band_pos: dict[str, list[float]] = {x.id: [] for x in externals}
    total_bands = 0
    for p in pools:
        band_of = {node.id: node.band for node in p.nodes} if p.messages else {}
        for m in p.messages:
            band_pos[m.external].append(total_bands + band_of[m.node] + 0.5)
        total_bands += max(1, len(p.bands))
    return {x.id: "below" if band_pos[x.id] and sum(band_pos[x.id]) / len(band_pos[x.id]) > total_bands / 2
            else "above" for x in externals}


def _headers(d: Diagram, pools: list[Pool], headers: tuple[int, int]) -> dict[str, Box]:
    """The header of every pool and lane, where names are written and no label may go."""
    out: dict[str, Box] = {}
    for p in pools:
        if p.id in d.shapes and headers[0]:
            x, y, _, h = d.shapes[p.id]
            out[p.id] = (x, y, headers[0], h)
        for lane in p.bands:
            if lane and lane in d.shapes:
                x, y, _, h = d.shapes[lane]
                out[lane] = (x, y, headers[1], h)
    return out
