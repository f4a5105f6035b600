"""Model and graph → Graphviz DOT text: swimlane flows, the process map, hierarchy, vuosikello."""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from qms.errors import UserError
from qms.graph import KINDS, kind_of, process_graph, system_graph
from qms.model import CATEGORIES, LANGUAGES, Process, QualitySystem, Step
from qms.render.theme import DEFAULT_THEME, MONTHS, NODE_STYLES, Theme, word

__all__ = [
    "COLOR_MODES",
    "DIAGRAM_KINDS",
    "RESERVED_NAMES",
    "Diagram",
    "draw_cycle",
    "draw_flow",
    "draw_hierarchy",
    "draw_map",
    "draw_system",
    "html_text",
    "pin_bands",
    "quote",
    "wrap",
]

#: The diagram kinds, in the order ``draw_system`` produces them.
DIAGRAM_KINDS: tuple[str, ...] = ("flow", "map", "hierarchy", "cycle")
#: How tasks are filled in a flow: plain, by PDCA phase, or by lane.
COLOR_MODES: tuple[str, ...] = ("none", "pdca", "lane")
#: File stems of the system diagrams; no process may use them as its id.
RESERVED_NAMES: Mapping[str, str] = {"map": "map", "hierarchy": "hierarchy", "cycle": "vuosikello"}

#: Graph kinds of the nodes that are steps (start, end, event, task, gateway, subprocess).
_STEP_KINDS = frozenset(k.graph_kind for k in KINDS.values())
_PDCA = ("plan", "do", "check", "act")


@dataclass(frozen=True, slots=True)
class Diagram:
    """One diagram ready for Graphviz: its DOT text, engine and output file stem.

    Why: the builders are pure, so they cannot print the "shown in fi" note
    themselves; each diagram carries the labels it had to draw in another language
    (``fallbacks``: pairs of the language shown and the text), and the caller counts
    them over a whole run.
    """

    name: str  #: file stem: the process id, ``map``, ``hierarchy`` or ``vuosikello``
    kind: str  #: one of :data:`DIAGRAM_KINDS`
    dot: str
    #: ``dot``, ``neato``, or ``dot-bands``: dot lays out, :func:`pin_bands` stacks the
    #: lanes in order and ``neato -n2`` draws (the flows).
    engine: str = "dot"
    fallbacks: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def filename(self, fmt: str) -> str:
        """The output file name for format ``fmt`` (``talousarvio.svg``)."""
        return f"{self.name}.{fmt}"


# ---------------------------------------------------------------------------------------------
# Text: wrapping, escaping, languages


def wrap(text: str, width: int = 22) -> list[str]:
    """Split ``text`` into lines of about ``width`` characters, keeping its own newlines.

    Words are not cut; compounds with a hyphen may break after it.

    Examples
    --------
    >>> wrap("Rahoitusennuste ja talousarvioraami")
    ['Rahoitusennuste ja', 'talousarvioraami']
    >>> wrap("kaksi\\nriviä")
    ['kaksi', 'riviä']
    """
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(raw, width, break_long_words=False, break_on_hyphens=True) or [""])
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_text(text: str) -> str:
    """Escape ``text`` for a Graphviz HTML-like label (one line, no markup).

    Line breaks become spaces (use :func:`wrap` and ``<BR/>`` for lines); backslashes
    are doubled, as Graphviz expands ``\\N`` and ``\\G`` in HTML labels too; control
    characters, which XML cannot carry, are dropped.

    Examples
    --------
    >>> html_text('A < B & "C"')
    'A &lt; B &amp; &quot;C&quot;'
    """
    text = _CONTROL.sub("", " ".join(text.splitlines()) if "\n" in text or "\r" in text else text)
    return (
        text.replace("\t", " ")
        .replace("\\", "\\\\")  # Graphviz expands \N, \G … in HTML labels too
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def quote(text: str) -> str:
    """Quote ``text`` as a DOT string (ids, URLs, tooltips, colours).

    Backslashes are doubled so that Graphviz's escape sequences (``\\N``, ``\\G``)
    cannot be triggered by a label; newlines become ``\\n``.

    Examples
    --------
    >>> quote('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> quote("a\\\\N")
    '"a\\\\\\\\N"'
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n"))
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{text}"'


def _lines_html(lines: Sequence[str], align: str = "CENTER") -> str:
    br = f'<BR ALIGN="{align}"/>' if align != "CENTER" else "<BR/>"
    return br.join(html_text(line) for line in lines) + (br if align != "CENTER" else "")


class _Texts:
    """Chooses a label's language and remembers the labels shown in another one."""

    def __init__(self, lang: str, default: str) -> None:
        self.lang = lang
        self.default = default
        self.fallbacks: set[tuple[str, str]] = set()

    def __call__(self, text: str | Mapping[Any, str] | None) -> str:
        if text is None:
            return ""
        if isinstance(text, str):
            if text and self.lang != self.default:
                self.fallbacks.add((self.default, text))
            return text
        if self.lang in text:
            return text[self.lang]
        for candidate in (self.default, *LANGUAGES, *sorted(text)):
            if text.get(candidate):
                self.fallbacks.add((candidate, text[candidate]))
                return text[candidate]
        return ""


def _texts_for(system: QualitySystem | None, lang: str | None) -> _Texts:
    default = system.default_language if system is not None else "fi"
    return _Texts(lang or default, default)


# ---------------------------------------------------------------------------------------------
# DOT writing


class _Html(str):
    """An attribute value written as an HTML-like label ``<...>``."""

    __slots__ = ()


Attrs = Mapping[str, "str | float | int | _Html"]


def _value(value: str | float | int) -> str:
    if isinstance(value, _Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return quote(f"{value:.3f}".rstrip("0").rstrip("."))
    return quote(str(value))


def _attrs(attrs: Attrs) -> str:
    if not attrs:
        return ""
    return " [" + ", ".join(f"{k}={_value(v)}" for k, v in attrs.items()) + "]"


class _Dot:
    """An append-only list of DOT lines with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def line(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)

    def open(self, head: str) -> None:
        self.line(head + " {")
        self.depth += 1

    def close(self) -> None:
        self.depth -= 1
        self.line("}")

    def defaults(self, what: str, attrs: Attrs) -> None:
        self.line(f"{what}{_attrs(attrs)};")

    def node(self, name: str, attrs: Attrs) -> None:
        self.line(f"{quote(name)}{_attrs(attrs)};")

    def edge(self, tail: str, head: str, attrs: Attrs) -> None:
        self.line(f"{quote(tail)} -> {quote(head)}{_attrs(attrs)};")

    def same_rank(self, names: Iterable[str]) -> None:
        self.line("{rank=same; " + " ".join(f"{quote(n)};" for n in names) + "}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _base(dot: _Dot, theme: Theme, graph: Attrs) -> None:
    dot.defaults("graph", {"fontname": theme.font, "fontsize": theme.font_size, **graph})
    dot.defaults(
        "node",
        {
            "fontname": theme.font,
            "fontsize": theme.font_size,
            "color": theme.ink,
            "fontcolor": theme.ink,
            "penwidth": 1.0,
        },
    )
    dot.defaults(
        "edge",
        {
            "fontname": theme.font,
            "fontsize": theme.small_size,
            "color": theme.ink,
            "fontcolor": theme.ink,
            "arrowsize": 0.7,
        },
    )


def _title(theme: Theme, title: str, legend: Sequence[tuple[str, str]] = ()) -> _Html:
    rows = []
    if title:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{theme.title_size:g}"><B>{html_text(title)}</B></FONT></TD></TR>'
        )
    if legend:
        cells = "".join(
            f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="{theme.muted}">'
            f'<FONT POINT-SIZE="{theme.small_size:g}">{html_text(name)}</FONT></TD>'
            for name, colour in legend
        )
        rows.append(
            '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" '
            f'CELLPADDING="3"><TR>{cells}</TR></TABLE></TD></TR>'
        )
    return _Html('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">' + "".join(rows) + "</TABLE>")


def _style_attrs(graph_kind: str) -> dict[str, str | float | int | _Html]:
    return {"shape": NODE_STYLES[graph_kind].shape, **dict(NODE_STYLES[graph_kind].attrs)}


def _pdca_legend(theme: Theme, lang: str) -> list[tuple[str, str]]:
    return [(word(phase, lang), theme.pdca_fills[phase]) for phase in _PDCA]


# ---------------------------------------------------------------------------------------------
# Flow of one process


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
    texts = _texts_for(system, lang)
    g = process_graph(process)
    roles = {r.id: r.name for r in system.roles} if system else {}
    parties = {s.id: s.name for s in system.stakeholders} if system else {}
    processes = {p.process: p for p in system.processes} if system else {}

    steps = [n for n, d in g.nodes(data=True) if d["kind"] in _STEP_KINDS]
    lane_order: list[str] = list(dict.fromkeys(process.lanes))
    for n in steps:
        lane = g.nodes[n]["lane"] or ""
        if lane not in lane_order:
            lane_order.append(lane)
    if not lane_order:
        lane_order = [""]
    lane_index = {lane: i for i, lane in enumerate(lane_order)}

    def lane_label(lane: str) -> str:
        if not lane:
            return ""
        return texts(roles[lane]) if lane in roles else lane

    lanes = {lane: _Band(lane, "lane", lane_label(lane)) for lane in lane_order}

    # Participants of message flows: a pool band each, above or below the lanes.
    order = {mid: i for i, mid in enumerate(process.message_ids())}
    messages = sorted(
        ((u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "message"),
        key=lambda e: order.get(e[2]["id"], len(order)),
    )
    pools: dict[str, _Band] = {}
    pool_lanes: dict[str, list[int]] = {}
    for u, v, _ in messages:
        for party, other in ((u, v), (v, u)):
            if g.nodes[party]["kind"] == "participant" and other in steps:
                pools.setdefault(party, _Band(party, "pool", texts(parties.get(party)) or party))
                pool_lanes.setdefault(party, []).append(lane_index[g.nodes[other]["lane"] or ""])
    middle = (len(lane_order) - 1) / 2
    above = [p for p in pools if sum(pool_lanes[p]) / len(pool_lanes[p]) < middle]
    below = [p for p in pools if p not in above]
    bands = [pools[p] for p in above] + list(lanes.values()) + [pools[p] for p in below]

    dot = _Dot()
    dot.open(f"digraph {quote(process.process)}")
    title = texts(process.name)
    if process.code:
        title = f"{process.code} {title}"
    legend = _pdca_legend(theme, texts.lang) if color == "pdca" else []
    _base(
        dot,
        theme,
        {
            "rankdir": "LR",
            "newrank": "true",
            "nodesep": 0.22,
            "ranksep": 0.32,
            "splines": "true",
            "esep": "+2",
            "pad": 0.25,
            "forcelabels": "true",
            "outputorder": "edgesfirst",
            "labelloc": "t",
            "labeljust": "l",
            "label": _title(theme, title, legend),
            "id": f"flow-{process.process}",
        },
    )

    attached: dict[str, list[str]] = {n: [] for n in steps}
    captions: list[tuple[str, str]] = []  # (upper, lower) pairs, written lower -> upper
    wrap_small = max(12, theme.wrap - 4)

    # Steps.
    for n in steps:
        data = g.nodes[n]
        step: Step = data["step"]
        band = lanes[data["lane"] or ""]
        band.members.append(n)
        attrs, caption = _step_attrs(step, data, texts, theme, color, lane_index, processes, href, link_stubs)
        band.nodes.append(f"{quote(n)}{_attrs(attrs)};")
        if caption:
            # Event names below the circle, gateway questions above the diamond, as
            # nodes of their own: dot keeps them in the band and clear of edges.
            node = f"caption:{n}"
            cattrs: dict[str, str | float | int | _Html] = {
                "shape": "plaintext",
                "margin": 0,
                "height": 0.2,
                "fontsize": theme.small_size + 0.5,
                "label": _Html(caption),
                "id": f"caption-{n}",
            }
            band.nodes.append(f"{quote(node)}{_attrs(cattrs)};")
            attached[n].append(node)
            pair = (node, n) if data["kind"] == "gateway" else (n, node)
            captions.append(pair)

    # Documents and information systems: a reference beside each step that uses one.
    assoc_edges: list[tuple[str, str, dict[str, str | float | int | _Html]]] = []
    for u, v, d in g.edges(data=True):
        if d["kind"] != "association":
            continue
        step_id, other = (u, v) if u in attached else (v, u)
        if step_id not in attached:
            continue
        odata = g.nodes[other]
        ref = f"ref:{step_id}:{other}"
        label = texts(odata.get("label")) or other
        rattrs: dict[str, str | float | int | _Html] = {
            **_style_attrs(odata["kind"]),
            "label": _Html(_lines_html(wrap(label, wrap_small))),
            "fontsize": theme.small_size,
            "margin": "0.06,0.03",
            "id": f"ref-{step_id}-{other}",
        }
        if odata["kind"] == "datastore":
            rattrs["height"] = 0.42
        lanes[g.nodes[step_id]["lane"] or ""].nodes.append(f"{quote(ref)}{_attrs(rattrs)};")
        attached[step_id].append(ref)
        # The reference is written as the tail so that it sits below its step.
        direction = d.get("direction")
        eattrs: dict[str, str | float | int | _Html] = {
            "style": "dotted",
            "arrowsize": 0.55,
            "id": d["id"],
            "color": theme.muted,
        }
        if direction == "output":
            eattrs |= {"dir": "back", "arrowtail": "vee"}
        elif direction == "input":
            eattrs |= {"dir": "forward", "arrowhead": "vee"}
        else:
            eattrs |= {"dir": "none"}
        assoc_edges.append((ref, step_id, eattrs))

    # Message flows: the message lands on its name inside the participant's pool band.
    msg_edges: list[tuple[str, str, dict[str, str | float | int | _Html]]] = []
    for u, v, d in messages:
        eattrs = {
            "style": "dashed",
            "dir": "both",
            "arrowtail": "odot",
            "arrowhead": "empty",
            "arrowsize": 0.8,
            "id": d["id"],
            "color": theme.muted,
        }
        if u in attached and v in attached:  # between two steps: drawn directly
            msg_edges.append((u, v, eattrs | {"constraint": "false"}))
            continue
        party, step_id = (v, u) if u in attached else (u, v)
        if party not in pools or step_id not in attached:
            continue
        node = f"msg:{d['id']}"
        name = texts(d.get("label"))
        mattrs: dict[str, str | float | int | _Html] = {
            "shape": "plaintext",
            "margin": "0.04,0.02",
            "fontsize": theme.small_size,
            "id": f"msg-{d['id']}",
            "label": _Html("<I>" + _lines_html(wrap(name, theme.wrap - 4)) + "</I>") if name else "",
        }
        if not name:
            mattrs |= {"shape": "point", "width": 0.06}
        pools[party].nodes.append(f"{quote(node)}{_attrs(mattrs)};")
        pools[party].members.append(node)
        attached[step_id].append(node)
        msg_edges.append((step_id, node, eattrs) if u == step_id else (node, step_id, eattrs))

    # Bands as clusters, each with an invisible head (leftmost rank) and tail
    # (rightmost rank) so that every band spans the whole width.
    for i, band in enumerate(bands):
        fill = (
            theme.pool_fill if band.kind == "pool" else theme.lane_fills[lane_index[band.key] % len(theme.lane_fills)]
        )
        dot.open(f"subgraph {quote(f'cluster_{i}')}")
        label = _Html(f"<B>{_lines_html(wrap(band.label, 40), 'LEFT')}</B>") if band.label else ""
        dot.defaults(
            "graph",
            {
                "label": label,
                "labeljust": "l",
                "labelloc": "t",
                "style": "filled",
                "fillcolor": fill,
                "color": theme.pool_border if band.kind == "pool" else theme.lane_border,
                "penwidth": 1.0,
                "margin": 10,
                "fontsize": theme.font_size + 1,
                "id": f"{band.kind}-{band.key or 'none'}",
            },
        )
        invis: dict[str, str | float | int | _Html] = {
            "shape": "point",
            "style": "invis",
            "width": 0.01,
            "height": 0.01,
            "label": "",
        }
        dot.node(f"band:{i}:head", invis)
        dot.node(f"band:{i}:tail", invis)
        for statement in band.nodes:
            dot.line(statement)
        dot.close()

    # Every head on the first rank and every tail on the last: full-width bands. The
    # bands' vertical order is not dot's to keep (it swaps clusters freely); the
    # second layout stage, pin_bands, stacks them in this order.
    hidden: dict[str, str | float | int | _Html] = {"style": "invis", "arrowhead": "none"}
    dot.same_rank(f"band:{i}:head" for i in range(len(bands)))
    dot.same_rank(f"band:{i}:tail" for i in range(len(bands)))
    # Heads before the steps that start the flow, tails after those that end it: few
    # edges, so dot needs no long chains of virtual nodes (150 steps stay fast).
    seq = nx.DiGraph()
    seq.add_nodes_from(steps)
    seq.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["kind"] == "sequence")
    first = [n for n in steps if seq.in_degree(n) == 0]
    reached = set(first).union(*(nx.descendants(seq, n) for n in first))
    first += [n for n in steps if n not in reached]  # loops with no way in
    last = [n for n in steps if seq.out_degree(n) == 0]
    reaching = set(last).union(*(nx.ancestors(seq, n) for n in last))
    last += [n for n in steps if n not in reaching]
    band_no = {band.key: i for i, band in enumerate(bands) if band.kind == "lane"}
    for n in first:
        dot.edge(f"band:{band_no[g.nodes[n]['lane'] or '']}:head", n, hidden | {"weight": 0})
    for n in last:
        dot.edge(n, f"band:{band_no[g.nodes[n]['lane'] or '']}:tail", hidden | {"weight": 0})
    for i, band in enumerate(bands):
        if not band.members:
            dot.edge(f"band:{i}:head", f"band:{i}:tail", hidden | {"weight": 0})

    for n in steps:
        if attached[n]:
            dot.same_rank([n, *attached[n]])
    for upper, lower in captions:  # in LR a flat edge's tail lies below its head
        dot.edge(lower, upper, hidden)

    # Sequence flows.
    for u, v, d in g.edges(data=True):
        if d["kind"] != "sequence":
            continue
        eattrs = {"id": d["id"], "penwidth": 1.2}
        label = texts(d.get("label")) or (d.get("condition") or "")
        if label:
            eattrs["label"] = _Html(_lines_html(wrap(label, 16)))
        if d.get("default"):
            eattrs |= {"dir": "both", "arrowtail": "odiamond"}  # no slash marker in Graphviz
        dot.edge(u, v, eattrs)
    for tail, head, eattrs in assoc_edges + msg_edges:
        dot.edge(tail, head, eattrs)
    dot.close()
    return Diagram(process.process, "flow", dot.text(), "dot-bands", frozenset(texts.fallbacks))


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

    # Node centres and half heights, in points; captions snap to their step.
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

    boxes: dict[int, tuple[float, float, float, float]] = {}
    for i, o in bands.items():
        x0, y0, x1, y1 = (float(v) for v in str(o["bb"]).split(","))
        visible = [
            str(nodes[g]["name"])
            for g in o.get("nodes", [])
            if nodes[g].get("style") != "invis" and str(nodes[g]["name"]) in at
        ]
        label = float(o.get("lheight", 0)) * 72
        if visible:
            extents = [(at[n][1] - half[n], at[n][1] + half[n]) for n in visible]
            low, high = min(e[0] for e in extents), max(e[1] for e in extents)
            y0, y1 = low - 10, max(high + 8 + label, low + label + 24)
        boxes[i] = (x0, y0, x1, y1)
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
    positions: dict[str, str] = {}
    for name, (x, y) in at.items():
        dx, dy = moves.get(name, (0.0, 0.0))
        positions[name] = f"{x + dx:.2f},{y + dy:.2f}"

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


def _step_attrs(
    step: Step,
    data: Mapping[str, object],
    texts: _Texts,
    theme: Theme,
    color: str,
    lane_index: Mapping[str, int],
    processes: Mapping[str, Process],
    href: str | None,
    link_stubs: bool,
) -> tuple[dict[str, str | float | int | _Html], str]:
    """A step's DOT attributes, and the caption drawn beside an event or gateway."""
    kind = str(data["kind"])
    style = NODE_STYLES[kind]
    attrs = _style_attrs(kind)
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
        attrs["label"] = _Html(f'<FONT POINT-SIZE="{style.sign_size:g}">{html_text(sign)}</FONT>' if sign else " ")
        when = texts(step.when)
        lines = wrap(name, theme.wrap - 4) + ([f"({when})"] if when else [])
        caption = _lines_html(lines) if name or when else ""
        attrs["tooltip"] = name or step.id
    elif kind == "gateway":
        marker = kind_of(step.kind).marker
        attrs["label"] = _Html(f'<FONT POINT-SIZE="{style.sign_size:g}"><B>{html_text(marker)}</B></FONT>')
        attrs["fillcolor"] = fill
        caption = _lines_html(wrap(name, theme.wrap)) if name else ""
        attrs["tooltip"] = name or step.id
    else:
        called = processes.get(step.call or "") if kind == "subprocess" else None
        if kind == "subprocess" and not name:
            name = texts(called.name) if called else (step.call or step.id)
        body = _lines_html(wrap(name or step.id, theme.wrap))
        if kind == "subprocess":
            body += f'<BR/><FONT POINT-SIZE="{theme.font_size + 2:g}">{theme.call_sign}</FONT>'
            if href and called is not None and (called.steps or link_stubs):
                attrs["URL"] = href.format(id=called.process)
                attrs["target"] = "_top"
        attrs["label"] = _Html(body)
        attrs["fillcolor"] = fill
        attrs["margin"] = "0.12,0.06"
        attrs["tooltip"] = name or step.id
        caption = ""
    return attrs, caption


# ---------------------------------------------------------------------------------------------
# Process map


def _children(system: QualitySystem) -> dict[str, list[Process]]:
    g = system_graph(system)
    ids = {p.process for p in system.processes}
    kids: dict[str, list[Process]] = {}
    for u, v, d in g.edges(data=True):
        if d["kind"] == "parent" and v in ids and u != v:
            kids.setdefault(v, []).append(g.nodes[u]["process"])
    return kids


def _ordered(system: QualitySystem, category: str, top: Sequence[Process]) -> list[Process]:
    """Processes of one category in architecture order: groups first, then the rest."""
    by_id = {p.process: p for p in top if p.category == category}
    order: list[str] = []
    if category == "core":
        order += [i for i in system.architecture.value_chain if i in by_id]
    for group in system.architecture.groups:
        order += [i for i in group.processes if i in by_id]
    order += list(by_id)
    return [by_id[i] for i in dict.fromkeys(order)]


def _rows(items: Sequence[Process], per_row: int) -> list[list[Process]]:
    if not items:
        return []
    count = math.ceil(len(items) / per_row)
    size = math.ceil(len(items) / count)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _link(p: Process, href: str | None, link_stubs: bool) -> str | None:
    if href is None or (p.is_stub and not link_stubs):
        return None
    return href.format(id=p.process)


def draw_map(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    per_row: int = 5,
) -> Diagram:
    """Draw the process map: management on top, the core value chain, support below.

    Core processes run left to right as arrow-shaped boxes in
    ``architecture.value_chain`` order, from the customer's need (left, with the
    stakeholders who are customers of core processes) to the customer's result
    (right). Sub-processes (``parent``) are listed inside their parent's box. Every box
    links to its process's page.

    Parameters
    ----------
    system
        The quality system.
    lang
        Label language; default: the system's.
    theme
        Fonts and colours.
    href
        Link pattern, ``{id}`` is the process id: ``{id}.svg`` for the diagram gallery,
        ``processes/{id}.html`` for the handbook; None for no links.
    link_stubs
        Link processes that have no steps yet too (the handbook has a page for them,
        the gallery has no diagram).
    per_row
        At most this many boxes in one row of the management and support bands.

    Returns
    -------
    Diagram
        ``name`` ``map``, engine ``dot``.
    """
    texts = _texts_for(system, lang)
    kids = _children(system)
    ids = {p.process for p in system.processes}
    top = [p for p in system.processes if not p.parent or p.parent not in ids]
    parties = {s.id: s for s in system.stakeholders}

    dot = _Dot()
    dot.open('digraph "map"')
    _base(
        dot,
        theme,
        {
            "rankdir": "TB",
            "newrank": "true",
            "nodesep": 0.22,
            "ranksep": 0.3,
            "pad": 0.25,
            "splines": "true",
            "esep": "+2",
            "labelloc": "t",
            "labeljust": "l",
            "id": "process-map",
            "label": _title(theme, texts(system.provider.name) or texts(system.name)),
        },
    )
    dot.defaults("node", {"shape": "box", "style": "rounded,filled", "margin": "0.14,0.08"})
    dot.defaults("edge", {"arrowhead": "none", "style": "invis"})

    def box_label(p: Process, width: int) -> _Html:
        rows = []
        if p.code:
            rows.append(
                f'<TR><TD><FONT POINT-SIZE="{theme.small_size:g}" '
                f'COLOR="{theme.muted}">{html_text(p.code)}</FONT></TD></TR>'
            )
        rows.append(f"<TR><TD><B>{_lines_html(wrap(texts(p.name), width))}</B></TD></TR>")
        if p.is_stub:
            rows.append(
                f'<TR><TD><FONT POINT-SIZE="{theme.small_size - 0.5:g}" '
                f'COLOR="{theme.muted}"><I>{html_text(word("not_described", texts.lang))}'
                "</I></FONT></TD></TR>"
            )
        for child in kids.get(p.process, []):
            link = _link(child, href, link_stubs)
            attrs = f' HREF="{html_text(link)}" TARGET="_top"' if link else ""
            rows.append(
                f'<TR><TD ALIGN="LEFT"{attrs} TITLE="{html_text(texts(child.name))}">'
                f'<FONT POINT-SIZE="{theme.small_size:g}">▸ '
                f"{_lines_html(wrap(texts(child.name), width + 2))}</FONT></TD></TR>"
            )
        return _Html('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>")

    def box(p: Process, *, core: bool) -> None:
        attrs: dict[str, str | float | int | _Html] = {
            "label": box_label(p, 18 if core else 22),
            "fillcolor": theme.category_boxes[p.category],
            "id": p.process,
            "tooltip": texts(p.purpose) or texts(p.name),
        }
        if core:
            attrs |= {"shape": "cds", "style": "filled", "margin": "0.22,0.1", "height": 0.9}
        if p.is_stub:
            attrs["style"] = f"{attrs.get('style', 'rounded,filled')},dashed"
        link = _link(p, href, link_stubs)
        if link:
            attrs |= {"URL": link, "target": "_top"}
        dot.node(p.process, attrs)

    band_rows: list[list[str]] = []
    for category in CATEGORIES:
        procs = _ordered(system, category, top)
        if not procs:
            continue
        dot.open(f"subgraph {quote(f'cluster_{len(band_rows)}')}")
        dot.defaults(
            "graph",
            {
                "label": _Html(f"<B>{html_text(word(category, texts.lang))}</B>"),
                "labeljust": "l",
                "style": "filled",
                "fillcolor": theme.category_fills[category],
                "color": theme.lane_border,
                "margin": 12,
                "fontsize": theme.font_size + 1,
                "id": f"band-{category}",
            },
        )
        if category == "core":
            wanted = {c for p in procs for c in p.customers}
            customers = [s.id for s in system.stakeholders if s.id in wanted]
            names = [texts(parties[c].name) for c in customers]
            arch = system.architecture
            need = texts(arch.customer_need) or word("customer_need", texts.lang)
            result = texts(arch.customer_result) or word("customer_result", texts.lang)
            for node, head in (("map:need", need), ("map:result", result)):
                lines = f"<B>{_lines_html(wrap(head, 16))}</B>"
                if names:
                    lines += (
                        f'<BR/><FONT POINT-SIZE="{theme.small_size:g}">'
                        + _lines_html([n for name in names for n in wrap(name, 18)])
                        + "</FONT>"
                    )
                dot.node(
                    node,
                    {
                        "label": _Html(lines),
                        "fillcolor": theme.stakeholder_fill,
                        "shape": "box",
                        "style": "rounded,filled,bold",
                        "id": node.replace(":", "-"),
                    },
                )
            for p in procs:
                box(p, core=True)
            row = ["map:need", *(p.process for p in procs), "map:result"]
            dot.same_rank(row)
            chain: dict[str, str | float | int | _Html] = {
                "style": "solid",
                "arrowhead": "normal",
                "penwidth": 1.6,
                "arrowsize": 0.9,
            }
            dot.edge("map:need", procs[0].process, chain)
            for left, right in zip(procs, procs[1:], strict=False):
                dot.edge(left.process, right.process, {"minlen": 1})
            dot.edge(procs[-1].process, "map:result", chain)
            band_rows.append(row)
        else:
            for rowp in _rows(procs, per_row):
                for p in rowp:
                    box(p, core=False)
                row = [p.process for p in rowp]
                dot.same_rank(row)
                for a, b in zip(row, row[1:], strict=False):
                    dot.edge(a, b, {})
                band_rows.append(row)
        dot.close()
    for upper, lower in zip(band_rows, band_rows[1:], strict=False):
        dot.edge(upper[len(upper) // 2], lower[len(lower) // 2], {"weight": 10})
    dot.close()
    return Diagram("map", "map", dot.text(), "dot-bands", frozenset(texts.fallbacks))


# ---------------------------------------------------------------------------------------------
# Hierarchy


def draw_hierarchy(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
) -> Diagram:
    """Draw the process hierarchy: system → categories → process groups → processes.

    Sub-processes hang under their ``parent``. Processes outside every group hang
    under their category; stubs have a dashed outline.

    Parameters are those of :func:`draw_map`. Returns a :class:`Diagram` named
    ``hierarchy``.
    """
    texts = _texts_for(system, lang)
    kids = _children(system)
    ids = {p.process for p in system.processes}
    top = [p for p in system.processes if not p.parent or p.parent not in ids]

    dot = _Dot()
    dot.open('digraph "hierarchy"')
    _base(
        dot,
        theme,
        {"rankdir": "LR", "nodesep": 0.12, "ranksep": 0.45, "pad": 0.25, "ordering": "out", "id": "hierarchy"},
    )
    dot.defaults("node", {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff", "margin": "0.12,0.05"})
    dot.defaults("edge", {"arrowhead": "none", "color": theme.muted})
    root = "h:root"
    dot.node(
        root,
        {
            "label": _Html(f"<B>{_lines_html(wrap(texts(system.name), 24))}</B>"),
            "shape": "box",
            "style": "filled",
            "fillcolor": "#ffffff",
            "fontsize": theme.font_size + 2,
            "penwidth": 1.6,
            "id": "h-root",
        },
    )
    done: set[str] = set()

    def proc(p: Process, parent: str, depth: int) -> None:
        if p.process in done:
            return
        done.add(p.process)
        label = (f"{html_text(p.code)} " if p.code else "") + _lines_html(wrap(texts(p.name), 26))
        attrs: dict[str, str | float | int | _Html] = {
            "label": _Html(label),
            "id": p.process,
            "tooltip": texts(p.purpose) or texts(p.name),
        }
        if depth:
            attrs["fontsize"] = theme.small_size + 0.5
        if p.is_stub:
            attrs["style"] = "rounded,filled,dashed"
        link = _link(p, href, link_stubs)
        if link:
            attrs |= {"URL": link, "target": "_top"}
        dot.node(p.process, attrs)
        dot.edge(parent, p.process, {})
        for child in kids.get(p.process, []):
            proc(child, p.process, depth + 1)

    for category in CATEGORIES:
        procs = _ordered(system, category, top)
        if not procs:
            continue
        cat = f"h:{category}"
        dot.node(
            cat,
            {
                "label": _Html(f"<B>{html_text(word(category, texts.lang))}</B>"),
                "fillcolor": theme.category_boxes[category],
                "style": "filled",
                "id": f"h-{category}",
            },
        )
        dot.edge(root, cat, {})
        grouped: set[str] = set()
        groups = [gr for gr in system.architecture.groups if gr.category == category]
        if len(groups) == 1 and {p.process for p in procs} <= set(groups[0].processes):
            groups = []  # one group holding the whole category adds no level
        for group in groups:
            members = [p for p in procs if p.process in group.processes and p.process not in grouped]
            if not members:
                continue
            gid = f"h:group:{group.id}"
            dot.node(
                gid,
                {
                    "label": _Html(_lines_html(wrap(texts(group.name), 24))),
                    "fillcolor": theme.category_fills[category],
                    "id": f"h-group-{group.id}",
                },
            )
            dot.edge(cat, gid, {})
            for p in members:
                grouped.add(p.process)
                proc(p, gid, 0)
        for p in procs:
            if p.process not in grouped:
                proc(p, cat, 0)
    dot.close()
    return Diagram("hierarchy", "hierarchy", dot.text(), "dot", frozenset(texts.fallbacks))


# ---------------------------------------------------------------------------------------------
# Annual cycle (vuosikello)


def _estimate(lines: Sequence[str], size: float) -> tuple[float, float]:
    """Rough width and height in inches of a table of text lines (for placement only)."""
    chars = max((len(line) for line in lines), default=4)
    return chars * size * 0.56 / 72 + 0.25, len(lines) * size * 1.4 / 72 + 0.3


def _boxes_apart(positions: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]], gap: float) -> bool:
    for i in range(len(positions)):
        for j in range(i + 1, len(positions)):
            (xi, yi), (wi, hi) = positions[i], sizes[i]
            (xj, yj), (wj, hj) = positions[j], sizes[j]
            if abs(xi - xj) < (wi + wj) / 2 + gap and abs(yi - yj) < (hi + hj) / 2 + gap:
                return False
    return True


def draw_cycle(
    system: QualitySystem,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
) -> Diagram:
    """Draw the annual cycle (vuosikello) as a wheel of twelve months.

    The year runs clockwise from the top, starting at ``cycle_start_month``. Each
    month's events are listed in a box outside the ring, filled by PDCA phase;
    continuous events are listed in the centre. Positions are computed here and fixed
    (``pos="x,y!"``, engine ``neato``), so the picture is the same on every run.

    Raises
    ------
    ValueError
        If the system has no ``annual_cycle``.
    """
    cycle = system.annual_cycle
    if cycle is None:
        raise ValueError(f"system '{system.system}' has no annual_cycle")
    texts = _texts_for(system, lang)
    months = MONTHS.get(texts.lang) or MONTHS["fi"]
    by_month: dict[int, list[int]] = {m: [] for m in range(1, 13)}
    continuous: list[int] = []
    for i, event in enumerate(cycle.events):
        if event.continuous or not event.months:
            continuous.append(i)
            continue
        for m in dict.fromkeys(event.months):
            by_month[m].append(i)
    names = [texts(e.name) for e in cycle.events]
    order = [(cycle.cycle_start_month - 1 + k) % 12 + 1 for k in range(12)]

    def event_rows(indices: Sequence[int], width: int) -> tuple[str, list[str]]:
        rows, lines = [], []
        for i in indices:
            event = cycle.events[i]
            wrapped = wrap(names[i], width)
            lines += wrapped
            fill = theme.pdca_fills.get(event.pdca or "", "#ffffff")
            letter = word(event.pdca, texts.lang)[:1] if event.pdca else ""
            rows.append(
                f'<TR><TD BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT">'
                f"{_lines_html(wrapped)}</TD>"
                f'<TD BGCOLOR="{fill}" VALIGN="TOP"><FONT POINT-SIZE="{theme.small_size - 1:g}" '
                f'COLOR="{theme.muted}">{html_text(letter)}</FONT></TD></TR>'
            )
        return "".join(rows), lines

    size = theme.small_size + 0.5
    labels: list[str] = []
    sizes: list[tuple[float, float]] = []
    for m in order:
        rows, lines = event_rows(by_month[m], 20)
        header = months[m - 1]
        labels.append(
            '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" '
            f'COLOR="{theme.lane_border}" BGCOLOR="#ffffff">'
            f'<TR><TD COLSPAN="2" BGCOLOR="{theme.pool_fill}"><B>{html_text(header)}</B></TD>'
            f"</TR>{rows}</TABLE>"
        )
        w, h = _estimate([header, *(line + "   " for line in lines)], size)
        sizes.append((w, h + 0.1 * len(by_month[m])))

    centre_rows, centre_lines = event_rows(continuous, 26)
    title = texts(cycle.name) or word("annual_cycle", texts.lang)
    centre = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
        f'<TR><TD COLSPAN="2"><FONT POINT-SIZE="{theme.title_size:g}"><B>'
        f"{_lines_html(wrap(title, 20))}</B></FONT></TD></TR>"
    )
    if continuous:
        centre += f'<TR><TD COLSPAN="2"><I>{html_text(word("continuous", texts.lang))}</I></TD></TR>{centre_rows}'
    centre += "</TABLE>"
    cw, ch = _estimate([*wrap(title, 20), *centre_lines], size + 2)
    ring = max(1.5, math.hypot(cw, ch) / 2 + 0.35)

    angles = [math.radians(90 - (k + 0.5) * 30) for k in range(12)]
    used = [k for k, m in enumerate(order) if by_month[m]]
    radius = ring + 0.45
    while True:
        # Each box touches the circle of ``radius`` from outside, growing outwards.
        positions = []
        for k in range(12):
            ux, uy = math.cos(angles[k]), math.sin(angles[k])
            w, h = sizes[k]
            reach = radius + abs(ux) * w / 2 + abs(uy) * h / 2
            positions.append((reach * ux * 1.3, reach * uy))
        if _boxes_apart([positions[k] for k in used], [sizes[k] for k in used], 0.15):
            break
        radius += 0.05

    dot = _Dot()
    dot.open('digraph "vuosikello"')
    _base(
        dot,
        theme,
        {
            "layout": "neato",
            "splines": "line",
            "pad": 0.3,
            "id": "vuosikello",
            "outputorder": "edgesfirst",
            "labelloc": "b",
            "labeljust": "c",
            "label": _title(theme, "", _pdca_legend(theme, texts.lang)),
        },
    )
    dot.defaults("node", {"shape": "plaintext", "margin": 0, "fontsize": size})
    dot.node("cycle:centre", {"label": _Html(centre), "pos": "0,0!", "id": "cycle-centre"})
    for k, m in enumerate(order):
        a = angles[k]
        tick = f"cycle:tick:{m}"
        dot.node(
            tick,
            {
                "shape": "circle",
                "label": str(m),
                "width": 0.34,
                "fixedsize": "true",
                "style": "filled",
                "fillcolor": theme.pool_fill,
                "color": theme.muted,
                "fontsize": theme.small_size,
                "pos": f"{ring * math.cos(a):.3f},{ring * math.sin(a):.3f}!",
                "id": f"month-{m}",
            },
        )
        if by_month[m]:
            x, y = positions[k]
            dot.node(f"cycle:month:{m}", {"label": _Html(labels[k]), "pos": f"{x:.3f},{y:.3f}!", "id": f"events-{m}"})
    for k, m in enumerate(order):
        nxt = order[(k + 1) % 12]
        dot.edge(f"cycle:tick:{m}", f"cycle:tick:{nxt}", {"penwidth": 2.0, "color": theme.muted, "arrowsize": 0.6})
        if by_month[m]:
            dot.edge(
                f"cycle:tick:{m}", f"cycle:month:{m}", {"style": "dotted", "arrowhead": "none", "color": theme.muted}
            )
    dot.close()
    return Diagram("vuosikello", "cycle", dot.text(), "neato", frozenset(texts.fallbacks))


# ---------------------------------------------------------------------------------------------
# All diagrams of a system


def draw_system(
    system: QualitySystem,
    kinds: Iterable[str] = DIAGRAM_KINDS,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    color: str = "none",
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    processes: Iterable[str] | None = None,
) -> list[Diagram]:
    """Draw every diagram of ``kinds`` that the system has.

    Flows are drawn for the processes that have steps (in system order, or only
    ``processes`` if given); the map and hierarchy when there are processes; the
    vuosikello when there is an ``annual_cycle``.

    Returns
    -------
    list of Diagram
        In the order flows, map, hierarchy, vuosikello.

    Raises
    ------
    UserError
        If a drawn process's id is a file name of a system diagram (``map``).
    ValueError
        On an unknown kind or colour mode.
    """
    wanted = set(kinds)
    unknown = wanted - set(DIAGRAM_KINDS)
    if unknown:
        raise ValueError(f"unknown diagram kind(s): {', '.join(sorted(unknown))}")
    only = set(processes) if processes is not None else None
    out: list[Diagram] = []
    if "flow" in wanted:
        stems = set(RESERVED_NAMES.values())
        for p in system.processes:
            if p.is_stub or (only is not None and p.process not in only):
                continue
            if p.process in stems and len(wanted) > 1:
                raise UserError(
                    f"process id '{p.process}' is also the file name of a system diagram; "
                    "rename the process or render with --kind flow"
                )
            out.append(draw_flow(p, system, lang=lang, theme=theme, color=color, href=href, link_stubs=link_stubs))
    if "map" in wanted and system.processes:
        out.append(draw_map(system, lang=lang, theme=theme, href=href, link_stubs=link_stubs))
    if "hierarchy" in wanted and system.processes:
        out.append(draw_hierarchy(system, lang=lang, theme=theme, href=href, link_stubs=link_stubs))
    if "cycle" in wanted and system.annual_cycle is not None:
        out.append(draw_cycle(system, lang=lang, theme=theme))
    return out
