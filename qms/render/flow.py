"""The swimlane flow of one process, drawn from the same layout as its BPMN export.

The process is planned as the export plans it (:func:`qms.bpmn.plan.plan_process`: the derived
split and join gateways, lanes, data, notes and messages) and laid out by :func:`qms.layout.layout`;
this module only draws the result as DOT with every position pinned (:mod:`qms.render.pinned`),
so the handbook shows the picture a BPMN tool shows, with lane names written across a wider header.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from qms import layout as lay
from qms.bpmn.plan import Node, Planned, new_context, plan_process
from qms.graph.kinds import KINDS
from qms.layout.shapes import CHAR_W, LABEL_W, TASK_CHAR_W, wrap_lines
from qms.model import Process, QualitySystem
from qms.render.pages import PAPERS, Page, page_size, paginate
from qms.render.pinned import ARROW, SCALE, Canvas
from qms.render.theme import DEFAULT_THEME, NODE_STYLES, Theme
from qms.render.writer import (
    COLOR_MODES,
    Attrs,
    Diagram,
    Dot,
    Html,
    Texts,
    base_defaults,
    html_text,
    lines_html,
    pdca_legend,
    quote,
    style_attrs,
    texts_for,
    title_label,
)

__all__ = ["LANE_HEADER", "draw_flow", "draw_flow_pages", "flow_layout"]

LANE_HEADER = 160
"""Width in pixels of a lane's header, where the role's name is written across."""
TASK_PT = 9.0  # task names: bpmn-js's 12 px
LABEL_PT = 8.0  # names under events, gateways and data, and on flows: bpmn-js's 11 px
TITLE_H = 36
LEGEND_H = 30
_MARKERS = {row.bpmn_tag: row.marker for row in KINDS.values() if row.gateway}
_GRAPH_KIND = {row.bpmn_tag: row.graph_kind for row in KINDS.values()}
_ARTIFACT_STYLE = {"data": "data", "store": "datastore"}


@dataclass(slots=True)
class FlowLayout:
    """A process planned and laid out: what its swimlane and its BPMN DI are drawn from."""

    plan: Planned
    diagram: lay.Diagram
    externals: list[lay.External]
    party_of: dict[str, str] = field(default_factory=dict)  # external participant id → stakeholder id
    page: Page | None = None  # the part of the diagram drawn on one printed page

    def pieces(self, eid: str, tail: str, head: str) -> list[tuple[str, str, str, bool, bool]]:
        """The parts of an edge on the picture: (id, tail, head, starts at the tail, ends at the head)."""
        if self.page is not None:
            return self.page.pieces.get(eid, [])
        return [(eid, tail, head, True, True)] if eid in self.diagram.edges else []


def flow_layout(process: Process, system: QualitySystem | None = None, *, lang: str | None = None,
                headers: tuple[int, int] = (0, LANE_HEADER)) -> FlowLayout:
    """Plan ``process`` as its export does and lay it out (lane headers ``headers`` wide).

    Examples
    --------
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> flow_layout(p).diagram.edges["f_a_b"]
    [(106, 64), (156, 64)]
    """
    if system is None:
        system = QualitySystem.model_validate({"system": process.process, "name": process.process,
                                               "provider": {"id": "x", "name": "x"}})
    ctx = new_context(system, lang)
    plan = plan_process(ctx, process, "")
    party_of: dict[str, str] = {}
    for m in plan.pool.messages:
        if m.external not in party_of.values():
            party_of[ctx.ids.new(f"Participant_{m.external}")] = m.external
        m.external = next(pid for pid, party in party_of.items() if party == m.external)
    externals = [lay.External(pid) for pid in party_of]
    return FlowLayout(plan, lay.layout([plan.pool], externals, headers=headers), externals, party_of)


def draw_flow(
    process: Process,
    system: QualitySystem | None = None,
    *,
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    color: str = "none",
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    step_href: str | None = None,
) -> Diagram:
    """Draw the swimlane flow of one process.

    Left to right; one horizontal band per lane in the order of ``process.lanes`` (a band
    without a name for steps without a lane), external participants as collapsed pools above
    or below, message flows leaving and entering at their borders, documents and information
    systems under their step. Every edge runs horizontally and vertically.

    Parameters
    ----------
    process
        The process.
    system
        The system it belongs to, for role, stakeholder and called-process names and
        the default language. Without it ids stand in for names.
    lang
        Language of the labels (``fi``, ``en``, ``sv``, ``se``); default: the system's.
    theme
        Fonts and colours.
    color
        ``none``, ``pdca`` (tasks filled by PDCA phase, with a legend) or ``lane``.
    href
        Link pattern for call steps, ``{id}`` is the called process; None: no links.
    link_stubs
        Link calls of processes that have no steps yet too.
    step_href
        Link pattern for every other step, ``{process}`` and ``{step}`` are the ids (the
        handbook links each step to its row in the step table); None: no links.

    Returns
    -------
    Diagram
        ``name`` is the process id, engine ``pinned`` (``neato -n2``).

    Raises
    ------
    ValueError
        On an unknown ``color`` mode.

    Examples
    --------
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> d = draw_flow(p)
    >>> d.name, d.engine, d.dot.startswith('digraph "p" {')
    ('p', 'pinned', True)
    """
    if color not in COLOR_MODES:
        raise ValueError(f"color must be one of {', '.join(COLOR_MODES)}, not {color!r}")
    texts = texts_for(system, lang)
    fl = flow_layout(process, system, lang=texts.lang)
    _note_fallbacks(texts, process, system)
    dot = _picture(fl, system, texts, _Style(theme, color, href, link_stubs, step_href))
    return Diagram(process.process, "flow", dot, "pinned", frozenset(texts.fallbacks))


def draw_flow_pages(
    process: Process,
    system: QualitySystem | None = None,
    *,
    paper: str = "a4",
    lang: str | None = None,
    theme: Theme = DEFAULT_THEME,
    color: str = "none",
    href: str | None = "{id}.svg",
    link_stubs: bool = False,
    step_href: str | None = None,
) -> list[Diagram]:
    """The swimlane flow as printed on landscape ``paper`` (``a4``, ``a3``) at full size (8-point names).

    A flow wider than the paper is cut between two columns into pages (each repeats the lane
    headers, and an edge that runs on ends at a numbered off-page connector); the diagrams are
    named ``<process>-1``, ``<process>-2`` …, or just ``<process>`` when one page holds it.
    The other parameters are :func:`draw_flow`'s.

    Examples
    --------
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": f"s{i}", "task": f"Tehtävä {i}"} for i in range(12)],
    ...     "flow": [" -> ".join(f"s{i}" for i in range(12))]})
    >>> [d.name for d in draw_flow_pages(p)]
    ['p-1', 'p-2', 'p-3']
    """
    if color not in COLOR_MODES:
        raise ValueError(f"color must be one of {', '.join(COLOR_MODES)}, not {color!r}")
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    texts = texts_for(system, lang)
    fl = flow_layout(process, system, lang=texts.lang)
    _note_fallbacks(texts, process, system)
    plan = fl.plan
    containers = {plan.participant, *(lane for _, lane in plan.lanes), *fl.party_of}
    ends = {f.id: (f.src, f.dst) for f in plan.flows}
    ends |= {art.assoc: ((art.id, node.id) if art.incoming else (node.id, art.id))
             for node in plan.pool.nodes for art in node.artifacts}
    party = {stakeholder: pid for pid, stakeholder in fl.party_of.items()}
    ends |= {mid: (party.get(src, src), party.get(dst, dst)) for mid, src, dst, _, _ in plan.messages}
    top = TITLE_H + (LEGEND_H if color == "pdca" else 0)
    pages = paginate(fl.diagram, page_size(paper, SCALE, top), LANE_HEADER, containers,
                     [lane for _, lane in plan.lanes], ends)
    style = _Style(theme, color, href, link_stubs, step_href)
    if len(pages) == 1:
        return [Diagram(process.process, "flow", _picture(fl, system, texts, style), "pinned",
                        frozenset(texts.fallbacks))]
    return [Diagram(f"{process.process}-{page.number}", "flow",
                    _picture(replace(fl, page=page), system, texts, style, f" ({page.number}/{len(pages)})"),
                    "pinned", frozenset(texts.fallbacks))
            for page in pages]


@dataclass(frozen=True, slots=True)
class _Style:
    theme: Theme
    color: str
    href: str | None
    link_stubs: bool
    step_href: str | None


def _picture(fl: FlowLayout, system: QualitySystem | None, texts: Texts, style: _Style, suffix: str = "") -> str:
    """The DOT text of a laid-out flow (or of one page of it)."""
    process, theme = fl.plan.process, style.theme
    top = TITLE_H + (LEGEND_H if style.color == "pdca" else 0)
    if fl.page is None:
        d, left, upper = fl.diagram, 0, 0
        width, height = _extent(d)
    else:
        d, left = fl.page.diagram, fl.page.left
        a, upper, w, height = fl.page.area
        width = a + w - left
    title = texts(process.name)
    if process.code:
        title = f"{process.code} {title}"
    title += suffix
    width = max(width, int(len(title) * theme.title_size * 0.62 / SCALE) + 10)  # a title longer than the flow
    dot = Dot()
    dot.open(f"digraph {quote(process.process)}")
    base_defaults(dot, theme, {
        "bb": f"0,0,{width * SCALE:.2f},{(height + top) * SCALE:.2f}", "outputorder": "nodesfirst",
        "pad": 0.25, "id": f"flow-{process.process}",
    })
    canvas = Canvas(dot, height + top, top - upper, left)
    legend = pdca_legend(theme, texts.lang) if style.color == "pdca" else []
    canvas.text("title", (left, upper - top, width, top), {
        "id": "title",
        "label": Html(f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="{width * SCALE - 8:.0f}"><TR>'
                      f'<TD ALIGN="LEFT">{title_label(theme, title, legend)}</TD></TR></TABLE>'),
    })
    view = replace(fl, diagram=d)
    _bands(canvas, view, texts, system, theme, left)
    processes = {p.process: p for p in system.processes} if system else {}
    _steps(canvas, view, theme, style.color, processes, style.href, style.link_stubs, style.step_href)
    _artifacts(canvas, view, theme)
    _edges(canvas, view, theme)
    if fl.page is not None:
        _connectors(canvas, fl.page, theme)
    dot.close()
    return dot.text()


def _connectors(canvas: Canvas, page: Page, theme: Theme) -> None:
    """The page's off-page connectors; of a bundle of lines that leave for one page, one circle shows."""
    shown: list[tuple[lay.Box, int]] = []
    for cid, (box, other) in sorted(page.connectors.items(), key=lambda c: (c[1][0][1], c[1][0][0], c[0])):
        hidden = any(o == other and abs(b[0] - box[0]) < b[2] and abs(b[1] - box[1]) < b[3] for b, o in shown)
        if not hidden:
            shown.append((box, other))
        canvas.node(cid, box, {"shape": "circle", "style": "invis" if hidden else "filled", "fillcolor": "#ffffff",
                               "color": theme.ink, "fontsize": LABEL_PT, "label": "" if hidden else str(other),
                               "id": cid.replace(":", "-")})


def _extent(d: lay.Diagram) -> tuple[int, int]:
    """Width and height of everything drawn, in pixels (edges may run right of the pools)."""
    xs = [x + w for x, _, w, _ in (*d.shapes.values(), *d.labels.values())]
    ys = [y + h for _, y, _, h in (*d.shapes.values(), *d.labels.values())]
    for pts in d.edges.values():
        xs += [x for x, _ in pts]
        ys += [y for _, y in pts]
    return max(xs, default=100) + 10, max(ys, default=100) + 10


def _note_fallbacks(texts: Texts, process: Process, system: QualitySystem | None) -> None:
    """Ask ``texts`` for every name the picture shows, so that it counts those in another language."""
    texts(process.name)
    called = {p.process: p.name for p in system.processes} if system is not None else {}
    for step in process.steps:
        texts(step.label if step.label is not None or not step.call else called.get(step.call))
        texts(step.note)
        for name in step.systems:
            texts(name)
    for f in process.flow:
        texts(getattr(f, "label", None))
    for m in process.messages:
        texts(m.name)
    for doc in process.documents:
        texts(doc.name)
    if system is not None:
        used = set(process.lanes) | {s.lane for s in process.steps if s.lane}
        parties = {m.from_ for m in process.messages} | {m.to for m in process.messages}
        for r in system.roles:
            if r.id in used:
                texts(r.name)
        for s in system.stakeholders:
            if s.id in parties:
                texts(s.name)


def _bands(canvas: Canvas, fl: FlowLayout, texts: Texts, system: QualitySystem | None, theme: Theme,
           left: int = 0) -> None:
    """The process's pool, its lanes with their headers, and the participants' collapsed pools."""
    d, plan = fl.diagram, fl.plan
    roles = {r.id: r.name for r in system.roles} if system else {}
    parties = {s.id: s.name for s in system.stakeholders} if system else {}
    if plan.participant in d.shapes:
        canvas.node(plan.participant, d.shapes[plan.participant], {
            "shape": "box", "style": "filled", "fillcolor": theme.lane_fills[0], "color": theme.lane_border,
            "label": "", "id": "participant",
        })
    bands = [(d.shapes[lane][1], i, lane, role) for i, (role, lane) in enumerate(plan.lanes) if lane in d.shapes]
    bands += [(d.shapes[pid][1], -1, pid, party) for pid, party in fl.party_of.items() if pid in d.shapes]
    for _, i, ident, who in sorted(bands):  # top to bottom
        box = d.shapes[ident]
        if i < 0:
            name = texts(parties.get(who)) or who
            canvas.node(ident, box, {
                "shape": "box", "style": "filled", "fillcolor": theme.pool_fill, "color": theme.pool_border,
                "fontsize": TASK_PT + 1, "id": f"pool-{who}",
                "label": Html(f"<B>{lines_html(wrap_lines(name, box[2] - 20, CHAR_W * 1.3))}</B>")
                if box[2] >= 160 else "",  # a pool cut narrow by a page edge keeps its name where it is wide
            })
            continue
        canvas.node(ident, box, {
            "shape": "box", "style": "filled", "fillcolor": theme.lane_fills[i % len(theme.lane_fills)],
            "color": theme.lane_border, "label": "", "id": f"lane-{who}",
        })
        lines = wrap_lines(texts(roles.get(who)) or who, LANE_HEADER - 12, CHAR_W * 1.2)  # bold
        canvas.node(f"header:{ident}", (left or box[0], box[1], LANE_HEADER, box[3]), {
            "shape": "box", "style": "filled", "fillcolor": theme.pool_fill, "color": theme.lane_border,
            "fontsize": LABEL_PT + 0.5, "id": f"header-{who}", "label": Html(f"<B>{lines_html(lines)}</B>"),
        })


def _steps(canvas: Canvas, fl: FlowLayout, theme: Theme, color: str, processes: Mapping[str, Process],
           href: str | None, link_stubs: bool, step_href: str | None) -> None:
    """Every flow node at its box, with its name inside (tasks) or as a label of its own (the rest)."""
    d, plan = fl.diagram, fl.plan
    lane_no = {role: i for i, (role, _) in enumerate(plan.lanes)}
    for node in plan.nodes:
        if node.id not in d.shapes:
            continue
        attrs = _node_attrs(node, d.shapes[node.id], theme, color, lane_no)
        step = node.step
        if step is not None:
            called = processes.get(step.call or "") if node.kind == "call" else None
            if href and called is not None and (called.steps or link_stubs):
                attrs |= {"URL": href.format(id=called.process), "target": "_top"}
            elif step_href:
                attrs |= {"URL": step_href.format(process=plan.process.process, step=step.id), "target": "_top"}
        canvas.node(node.id, d.shapes[node.id], attrs)
        if node.id in d.labels and node.name:
            _label(canvas, node.id, d.labels[node.id], node.name)


def _node_attrs(node: Node, box: lay.Box, theme: Theme, color: str,
                lane_no: Mapping[str, int]) -> dict[str, str | float | int | Html]:
    """Shape, fill and inner text of a flow node."""
    kind = _GRAPH_KIND.get(node.tag, "gateway" if node.tag in _MARKERS else "event")
    if node.step is not None:
        kind = KINDS[node.kind].graph_kind
    style = NODE_STYLES[kind]
    attrs: dict[str, str | float | int | Html] = {**style_attrs(kind), "id": node.id, "tooltip": node.name or node.id}
    fill = theme.task_fill
    step = node.step
    if step is not None and color == "pdca" and step.pdca:
        fill = theme.pdca_fills[step.pdca]
    elif color == "lane" and node.lane is not None and node.lane in lane_no:
        fill = theme.lane_palette[lane_no[node.lane] % len(theme.lane_palette)]
    if kind in ("start", "end", "event"):
        trigger = step.trigger if step is not None else None
        sign = {"timer": theme.timer_sign, "message": theme.message_sign}.get(trigger or "", "")
        attrs["label"] = Html(f'<FONT POINT-SIZE="{style.sign_size:g}">{html_text(sign)}</FONT>' if sign else " ")
        attrs["fillcolor"], attrs["style"] = "#ffffff", "filled"
    elif kind == "gateway":
        marker = _MARKERS.get(node.tag, "")
        attrs["label"] = Html(f'<FONT POINT-SIZE="{style.sign_size:g}"><B>{html_text(marker)}</B></FONT>')
        attrs["fillcolor"] = fill
    else:
        lines = wrap_lines(node.name, box[2] - 8, TASK_CHAR_W)
        body = lines_html(lines)
        if kind == "subprocess":
            body += f'<BR/><FONT POINT-SIZE="{TASK_PT + 2:g}">{theme.call_sign}</FONT>'
        attrs |= {"label": Html(body), "fillcolor": fill, "fontsize": TASK_PT, "margin": 0}
    return attrs


def _label(canvas: Canvas, owner: str, box: lay.Box, text: str, italic: bool = False) -> None:
    """A name in its own box (under an event or gateway, beside a flow), wrapped as the layout sized it."""
    body = lines_html(wrap_lines(text, max(LABEL_W, box[2])))
    if italic:
        body = f"<I>{body}</I>"
    canvas.text(f"label:{owner}", box, {"fontsize": LABEL_PT, "id": f"label-{owner}", "label": Html(body)})


def _artifacts(canvas: Canvas, fl: FlowLayout, theme: Theme) -> None:
    """Documents (data objects), information systems (stores) and notes, under their steps."""
    d, plan = fl.diagram, fl.plan
    names = {attrs["id"]: attrs.get("name", "") for _, attrs in plan.refs}
    notes = {attrs["id"]: text or "" for tag, attrs, text in plan.artifacts if tag == "textAnnotation"}
    for ident, kind in plan.shapes_di:
        if ident not in d.shapes:
            continue
        if kind == "note":
            lines = wrap_lines(notes.get(ident, ""), 110)
            canvas.node(ident, d.shapes[ident], {
                "shape": "box", "style": "filled", "fillcolor": "#ffffff", "color": theme.muted,
                "fontsize": LABEL_PT, "margin": 0, "id": ident, "label": Html(lines_html(lines, "LEFT")),
            })
        elif kind in _ARTIFACT_STYLE:
            canvas.node(ident, d.shapes[ident], {**style_attrs(_ARTIFACT_STYLE[kind]), "id": ident, "label": ""})
            if ident in d.labels:
                _label(canvas, ident, d.labels[ident], names.get(ident, ""))


def _edges(canvas: Canvas, fl: FlowLayout, theme: Theme) -> None:
    """Sequence flows (solid), associations (dotted) and message flows (dashed), along their routes."""
    d, plan = fl.diagram, fl.plan
    defaults = {node.default for node in plan.nodes if node.default}
    small = 0.7 * ARROW
    for f in plan.flows:
        attrs: dict[str, str | float | int | Html] = {"id": f.id, "penwidth": 1.2}
        if f.id in defaults:
            attrs |= {"dir": "both", "arrowtail": "odiamond"}
        _edge(canvas, fl, f.id, f.src, f.dst, attrs, small if f.id in defaults else 0.0, small)
        if f.id in d.labels and f.name:
            _label(canvas, f.id, d.labels[f.id], f.name)
    flows = {f.id for f in plan.flows}
    assoc_ends = {art.assoc: (node.id, art) for node in plan.pool.nodes for art in node.artifacts}
    for ident in plan.edges_di:
        if ident in flows or ident not in assoc_ends:
            continue
        step, art = assoc_ends[ident]
        tail, head = (art.id, step) if art.incoming else (step, art.id)
        note = any(i == art.id and k == "note" for i, k in plan.shapes_di)
        attrs = {"id": ident, "style": "dotted", "color": theme.muted, "arrowsize": 0.55,
                 "arrowhead": "none" if note else "vee"}
        _edge(canvas, fl, ident, tail, head, attrs, 0.0, 0.0 if note else 0.55 * ARROW)
    ends = {party: pid for pid, party in fl.party_of.items()}
    for mid, src, dst, name, _ in plan.messages:
        attrs = {"id": mid, "style": "dashed", "dir": "both", "arrowtail": "odot", "arrowhead": "empty",
                 "arrowsize": 0.8, "color": theme.muted}
        _edge(canvas, fl, mid, ends.get(src, src), ends.get(dst, dst), attrs, 0.8 * ARROW, 0.8 * ARROW)
        if mid in d.labels and name:
            _label(canvas, mid, d.labels[mid], name, italic=True)


def _edge(canvas: Canvas, fl: FlowLayout, eid: str, tail: str, head: str, attrs: Attrs, start: float,
          end: float) -> None:
    """Every part of one edge on the picture; a part cut at the page's edge has no arrowhead there."""
    for pid, t, h, first, last in fl.pieces(eid, tail, head):
        cut: dict[str, str | float | int | Html] = {"id": pid}
        if not first:
            cut["arrowtail"] = "none"
        if not last:
            cut["arrowhead"] = "none"
        points = (fl.page.diagram if fl.page is not None else fl.diagram).edges[pid]
        canvas.edge(t, h, points, {**attrs, **cut}, start=start if first else 0.0, end=end if last else 0.0)
