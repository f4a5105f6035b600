"""The swimlane flow of one process as DOT: lanes and pools as bands, steps, data and messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from qms.graph import kind_of, process_graph
from qms.graph.queries import reachable, reaching
from qms.model import Process, QualitySystem, Step
from qms.render.theme import DEFAULT_THEME, NODE_STYLES, Theme
from qms.render.writer import (
    COLOR_MODES,
    STEP_KINDS,
    Diagram,
    Dot,
    Html,
    Texts,
    base_defaults,
    dot_attrs,
    html_text,
    lines_html,
    pdca_legend,
    quote,
    style_attrs,
    texts_for,
    title_label,
    wrap,
)

__all__ = ["draw_flow"]


@dataclass(slots=True)
class _Band:
    key: str  # lane id, "" for steps without a lane, or the participant id
    kind: str  # lane | pool
    label: str
    members: list[str] = field(default_factory=list)  # nodes tied to the band's head and tail
    nodes: list[str] = field(default_factory=list)  # DOT statements inside the cluster


def draw_flow(
    process: Process,
    system: QualitySystem | None = None,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    color: str = "none",
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
) -> Diagram:
    """Draw the swimlane flow of one process.

    Left to right; one horizontal band per lane in the order of ``process.lanes``
    (an unlabelled band at the bottom for steps without a lane), and a collapsed pool
    band per external participant of a message flow, above the lanes when it talks
    mostly to the upper half, otherwise below. Documents are note shapes and
    information systems cylinders, beside their step on dotted lines.

    Parameters
    ----------
    process
        The process; it is drawn from :func:`qms.graph.process_graph`.
    system
        The system it belongs to, for role, stakeholder and called-process names and
        the default language. Without it ids stand in for names.
    lang
        Language of the labels (``fi``, ``en``, ``sv``, ``se``); default: the system's.
    theme
        Fonts, colours and shapes.
    color
        ``none``, ``pdca`` (tasks filled by PDCA phase, with a legend) or ``lane``.
    href
        Link pattern for call steps, ``{id}`` is the called process; None: no links.
    link_stubs
        Link calls of processes that have no steps yet too.

    Returns
    -------
    Diagram
        ``name`` is the process id, engine ``dot``.

    Raises
    ------
    ValueError
        On an unknown ``color`` mode.

    Examples
    --------
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> d = draw_flow(p)
    >>> d.name, d.dot.startswith('digraph "p" {')
    ('p', True)
    """
    if color not in COLOR_MODES:
        raise ValueError(f"color must be one of {', '.join(COLOR_MODES)}, not {color!r}")
    texts = texts_for(system, lang)
    g = process_graph(process)
    f = _Flow(g, [n for n, d in g.nodes(data=True) if d["kind"] in STEP_KINDS], texts, theme)
    f.lanes, f.lane_index = _lanes(process, f, {r.id: r.name for r in system.roles} if system else {})
    bands = _pools(process, f, {s.id: s.name for s in system.stakeholders} if system else {})
    dot = Dot()
    dot.open(f"digraph {quote(process.process)}")
    _graph_defaults(dot, process, texts, theme, color)
    f.attached = {n: [] for n in f.steps}
    processes = {p.process: p for p in system.processes} if system else {}
    captions = _steps(f, color, processes, href, link_stubs)
    edges = _references(f) + _messages(f)
    _write_bands(dot, bands, f)
    _tie_bands(dot, bands, f)
    for n in f.steps:
        if f.attached[n]:
            dot.same_rank([n, *f.attached[n]])
    for upper, lower in captions:  # in LR a flat edge's tail lies below its head
        dot.edge(lower, upper, _HIDDEN)
    _sequence_flows(dot, f)
    for tail, head, eattrs in edges:
        dot.edge(tail, head, eattrs)
    dot.close()
    return Diagram(process.process, "flow", dot.text(), "dot-bands", frozenset(texts.fallbacks))


_Edge = tuple[str, str, dict[str, "str | float | int | Html"]]
_HIDDEN: dict[str, str | float | int | Html] = {"style": "invis", "arrowhead": "none"}
_INVISIBLE: dict[str, str | float | int | Html] = {
    "shape": "point", "style": "invis", "width": 0.01, "height": 0.01, "label": "",
}


@dataclass(slots=True)
class _Flow:
    """What the parts of one flow diagram share: the graph, its steps, the bands and what sits beside a step."""

    g: nx.MultiDiGraph
    steps: list[str]
    texts: Texts
    theme: Theme
    lanes: dict[str, _Band] = field(default_factory=dict)
    lane_index: dict[str, int] = field(default_factory=dict)
    pools: dict[str, _Band] = field(default_factory=dict)
    messages: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    attached: dict[str, list[str]] = field(default_factory=dict)  # step → nodes kept on its rank

    def lane_of(self, node: str) -> str:
        """The lane of a step ("" for none)."""
        return str(self.g.nodes[node]["lane"] or "")


def _lanes(process: Process, f: _Flow, roles: Mapping[str, Any]) -> tuple[dict[str, _Band], dict[str, int]]:
    """A band per lane: the process's lanes in order, then lanes only steps name, "" for none."""
    lane_order: list[str] = list(dict.fromkeys(process.lanes))
    for n in f.steps:
        lane = f.lane_of(n)
        if lane not in lane_order:
            lane_order.append(lane)
    if not lane_order:
        lane_order = [""]

    def lane_label(lane: str) -> str:
        if not lane:
            return ""
        return f.texts(roles[lane]) if lane in roles else lane

    return ({lane: _Band(lane, "lane", lane_label(lane)) for lane in lane_order},
            {lane: i for i, lane in enumerate(lane_order)})


def _pools(process: Process, f: _Flow, parties: Mapping[str, Any]) -> list[_Band]:
    """A pool band per participant of a message flow, above the lanes when it talks mostly
    to the upper half, else below; returns every band, top to bottom."""
    g = f.g
    order = {mid: i for i, mid in enumerate(process.message_ids())}
    f.messages = sorted(
        ((u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "message"),
        key=lambda e: order.get(e[2]["id"], len(order)),
    )
    pool_lanes: dict[str, list[int]] = {}
    for u, v, _ in f.messages:
        for party, other in ((u, v), (v, u)):
            if g.nodes[party]["kind"] == "participant" and other in f.steps:
                f.pools.setdefault(party, _Band(party, "pool", f.texts(parties.get(party)) or party))
                pool_lanes.setdefault(party, []).append(f.lane_index[f.lane_of(other)])
    middle = (len(f.lanes) - 1) / 2
    above = [p for p in f.pools if sum(pool_lanes[p]) / len(pool_lanes[p]) < middle]
    below = [p for p in f.pools if p not in above]
    return [f.pools[p] for p in above] + list(f.lanes.values()) + [f.pools[p] for p in below]


def _graph_defaults(dot: Dot, process: Process, texts: Texts, theme: Theme, color: str) -> None:
    """The graph's layout settings, and its title (with the PDCA legend when tasks are coloured by phase)."""
    title = texts(process.name)
    if process.code:
        title = f"{process.code} {title}"
    legend = pdca_legend(theme, texts.lang) if color == "pdca" else []
    base_defaults(dot, theme, {
        "rankdir": "LR", "newrank": "true", "nodesep": 0.22, "ranksep": 0.32, "splines": "true",
        "esep": "+2", "pad": 0.25, "forcelabels": "true", "outputorder": "edgesfirst", "labelloc": "t",
        "labeljust": "l", "label": title_label(theme, title, legend), "id": f"flow-{process.process}",
    })


def _steps(f: _Flow, color: str, processes: Mapping[str, Process], href: str | None,
           link_stubs: bool) -> list[tuple[str, str]]:
    """Each step in its lane, with its caption; returns the (upper, lower) caption pairs."""
    captions: list[tuple[str, str]] = []
    for n in f.steps:
        data = f.g.nodes[n]
        band = f.lanes[f.lane_of(n)]
        band.members.append(n)
        attrs, caption = _step_attrs(data["step"], data, f.texts, f.theme, color, f.lane_index, processes, href,
                                     link_stubs)
        band.nodes.append(f"{quote(n)}{dot_attrs(attrs)};")
        if caption:
            # Event names below the circle, gateway questions above the diamond, as
            # nodes of their own: dot keeps them in the band and clear of edges.
            node = f"caption:{n}"
            cattrs: dict[str, str | float | int | Html] = {
                "shape": "plaintext", "margin": 0, "height": 0.2, "fontsize": f.theme.small_size + 0.5,
                "label": Html(caption), "id": f"caption-{n}",
            }
            band.nodes.append(f"{quote(node)}{dot_attrs(cattrs)};")
            f.attached[n].append(node)
            captions.append((node, n) if data["kind"] == "gateway" else (n, node))
    return captions


_ASSOCIATION_ENDS: dict[str | None, dict[str, str | float | int | Html]] = {
    "output": {"dir": "back", "arrowtail": "vee"},
    "input": {"dir": "forward", "arrowhead": "vee"},
}


def _references(f: _Flow) -> list[_Edge]:
    """Documents and information systems: a reference beside each step that uses one."""
    g, theme = f.g, f.theme
    wrap_small = max(12, theme.wrap - 4)
    edges: list[_Edge] = []
    for u, v, d in g.edges(data=True):
        if d["kind"] != "association":
            continue
        step_id, other = (u, v) if u in f.attached else (v, u)
        if step_id not in f.attached:
            continue
        odata = g.nodes[other]
        ref = f"ref:{step_id}:{other}"
        label = f.texts(odata.get("label")) or other
        rattrs: dict[str, str | float | int | Html] = {
            **style_attrs(odata["kind"]), "label": Html(lines_html(wrap(label, wrap_small))),
            "fontsize": theme.small_size, "margin": "0.06,0.03", "id": f"ref-{step_id}-{other}",
        }
        if odata["kind"] == "datastore":
            rattrs["height"] = 0.42
        f.lanes[f.lane_of(step_id)].nodes.append(f"{quote(ref)}{dot_attrs(rattrs)};")
        f.attached[step_id].append(ref)
        # The reference is written as the tail so that it sits below its step.
        eattrs: dict[str, str | float | int | Html] = {
            "style": "dotted", "arrowsize": 0.55, "id": d["id"], "color": theme.muted,
        }
        edges.append((ref, step_id, eattrs | _ASSOCIATION_ENDS.get(d.get("direction"), {"dir": "none"})))
    return edges


def _messages(f: _Flow) -> list[_Edge]:
    """Message flows: the message lands on its name inside the participant's pool band."""
    theme = f.theme
    edges: list[_Edge] = []
    for u, v, d in f.messages:
        eattrs: dict[str, str | float | int | Html] = {
            "style": "dashed", "dir": "both", "arrowtail": "odot", "arrowhead": "empty", "arrowsize": 0.8,
            "id": d["id"], "color": theme.muted,
        }
        if u in f.attached and v in f.attached:  # between two steps: drawn directly
            edges.append((u, v, eattrs | {"constraint": "false"}))
            continue
        party, step_id = (v, u) if u in f.attached else (u, v)
        if party not in f.pools or step_id not in f.attached:
            continue
        node = f"msg:{d['id']}"
        name = f.texts(d.get("label"))
        mattrs: dict[str, str | float | int | Html] = {
            "shape": "plaintext", "margin": "0.04,0.02", "fontsize": theme.small_size, "id": f"msg-{d['id']}",
            "label": Html("<I>" + lines_html(wrap(name, theme.wrap - 4)) + "</I>") if name else "",
        }
        if not name:
            mattrs |= {"shape": "point", "width": 0.06}
        f.pools[party].nodes.append(f"{quote(node)}{dot_attrs(mattrs)};")
        f.pools[party].members.append(node)
        f.attached[step_id].append(node)
        edges.append((step_id, node, eattrs) if u == step_id else (node, step_id, eattrs))
    return edges


def _write_bands(dot: Dot, bands: list[_Band], f: _Flow) -> None:
    """Bands as clusters, each with an invisible head (leftmost rank) and tail (rightmost rank)
    so that every band spans the whole width."""
    theme = f.theme
    for i, band in enumerate(bands):
        pool = band.kind == "pool"
        fill = theme.pool_fill if pool else theme.lane_fills[f.lane_index[band.key] % len(theme.lane_fills)]
        dot.open(f"subgraph {quote(f'cluster_{i}')}")
        label = Html(f"<B>{lines_html(wrap(band.label, 40), 'LEFT')}</B>") if band.label else ""
        dot.defaults("graph", {
            "label": label, "labeljust": "l", "labelloc": "t", "style": "filled", "fillcolor": fill,
            "color": theme.pool_border if pool else theme.lane_border, "penwidth": 1.0, "margin": 10,
            "fontsize": theme.font_size + 1, "id": f"{band.kind}-{band.key or 'none'}",
        })
        dot.node(f"band:{i}:head", _INVISIBLE)
        dot.node(f"band:{i}:tail", _INVISIBLE)
        for statement in band.nodes:
            dot.line(statement)
        dot.close()


def _tie_bands(dot: Dot, bands: list[_Band], f: _Flow) -> None:
    """Every head on the first rank and every tail on the last: full-width bands.

    The bands' vertical order is not dot's to keep (it swaps clusters freely); the second
    layout stage, :func:`~qms.render.bands.pin_bands`, stacks them in this order. Heads go
    before the steps that start the flow and tails after those that end it: few edges, so
    dot needs no long chains of virtual nodes (150 steps stay fast).
    """
    dot.same_rank(f"band:{i}:head" for i in range(len(bands)))
    dot.same_rank(f"band:{i}:tail" for i in range(len(bands)))
    seq = nx.DiGraph()
    seq.add_nodes_from(f.steps)
    seq.add_edges_from((u, v) for u, v, d in f.g.edges(data=True) if d["kind"] == "sequence")
    first = [n for n in f.steps if seq.in_degree(n) == 0]
    reached = reachable(seq, first)
    first += [n for n in f.steps if n not in reached]  # loops with no way in
    last = [n for n in f.steps if seq.out_degree(n) == 0]
    leads_out = reaching(seq, last)
    last += [n for n in f.steps if n not in leads_out]
    band_no = {band.key: i for i, band in enumerate(bands) if band.kind == "lane"}
    for n in first:
        dot.edge(f"band:{band_no[f.lane_of(n)]}:head", n, _HIDDEN | {"weight": 0})
    for n in last:
        dot.edge(n, f"band:{band_no[f.lane_of(n)]}:tail", _HIDDEN | {"weight": 0})
    for i, band in enumerate(bands):
        if not band.members:
            dot.edge(f"band:{i}:head", f"band:{i}:tail", _HIDDEN | {"weight": 0})


def _sequence_flows(dot: Dot, f: _Flow) -> None:
    """The sequence flows, labelled with their label or condition; a default flow gets a diamond tail."""
    for u, v, d in f.g.edges(data=True):
        if d["kind"] != "sequence":
            continue
        eattrs: dict[str, str | float | int | Html] = {"id": d["id"], "penwidth": 1.2}
        label = f.texts(d.get("label")) or (d.get("condition") or "")
        if label:
            eattrs["label"] = Html(lines_html(wrap(label, 16)))
        if d.get("default"):
            eattrs |= {"dir": "both", "arrowtail": "odiamond"}  # no slash marker in Graphviz
        dot.edge(u, v, eattrs)


def _step_attrs(
    step: Step,
    data: Mapping[str, object],
    texts: Texts,
    theme: Theme,
    color: str,
    lane_index: Mapping[str, int],
    processes: Mapping[str, Process],
    href: str | None,
    link_stubs: bool,
) -> tuple[dict[str, str | float | int | Html], str]:
    """A step's DOT attributes, and the caption drawn beside an event or gateway."""
    kind = str(data["kind"])
    style = NODE_STYLES[kind]
    attrs = style_attrs(kind)
    attrs["id"] = step.id
    if color == "pdca" and step.pdca:
        fill = theme.pdca_fills[step.pdca]
    elif color == "lane":
        fill = theme.lane_palette[lane_index[step.lane or ""] % len(theme.lane_palette)]
    else:
        fill = theme.task_fill
    name = texts(step.label)
    if kind in ("start", "end", "event"):
        sign = {"timer": theme.timer_sign, "message": theme.message_sign}.get(step.trigger or "", "")
        attrs["label"] = Html(f'<FONT POINT-SIZE="{style.sign_size:g}">{html_text(sign)}</FONT>' if sign else " ")
        when = texts(step.when)
        lines = wrap(name, theme.wrap - 4) + ([f"({when})"] if when else [])
        caption = lines_html(lines) if name or when else ""
        attrs["tooltip"] = name or step.id
    elif kind == "gateway":
        marker = kind_of(step.kind).marker
        attrs["label"] = Html(f'<FONT POINT-SIZE="{style.sign_size:g}"><B>{html_text(marker)}</B></FONT>')
        attrs["fillcolor"] = fill
        caption = lines_html(wrap(name, theme.wrap)) if name else ""
        attrs["tooltip"] = name or step.id
    else:
        called = processes.get(step.call or "") if kind == "subprocess" else None
        if kind == "subprocess" and not name:
            name = texts(called.name) if called else (step.call or step.id)
        body = lines_html(wrap(name or step.id, theme.wrap))
        if kind == "subprocess":
            body += f'<BR/><FONT POINT-SIZE="{theme.font_size + 2:g}">{theme.call_sign}</FONT>'
            if href and called is not None and (called.steps or link_stubs):
                attrs["URL"] = href.format(id=called.process)
                attrs["target"] = "_top"
        attrs["label"] = Html(body)
        attrs["fillcolor"] = fill
        attrs["margin"] = "0.12,0.06"
        attrs["tooltip"] = name or step.id
        caption = ""
    return attrs, caption
