"""Edge crossings of qms's layout against bpmn-auto-layout's, on the same single-lane processes.

Every file of the BPMN corpus that imports into one process with steps and at most one lane is
exported by qms (which lays it out) and, without its diagram, laid out by bpmn-auto-layout. Both
diagrams are measured the same way: the points where two sequence flows cross
(:func:`qms.layout.quality.crossings`), over all files, per sequence flow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harness import Measure, NotAvailable, Row, na
from lxml import etree

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DI = "http://www.omg.org/spec/DD/20100524/DI"


def sequence_routes(xml: bytes) -> dict[str, list[tuple[float, float]]]:
    """The waypoints of every sequence flow drawn in a BPMN file's diagram."""
    root = etree.fromstring(xml)
    flows = {el.get("id") for el in root.iter(f"{{{BPMN}}}sequenceFlow")}
    routes: dict[str, list[tuple[float, float]]] = {}
    for edge in root.iter(f"{{{BPMNDI}}}BPMNEdge"):
        ref = edge.get("bpmnElement")
        if ref in flows and ref not in routes:
            routes[ref] = [(float(w.get("x", 0)), float(w.get("y", 0))) for w in edge.iter(f"{{{DI}}}waypoint")]
    return routes


def single_lane_processes(corpus: Path) -> list[tuple[str, Any, Any]]:
    """(file name, system, process) of every corpus file that is one process with at most one lane."""
    from qms.bpmn.read import read_bpmn

    out = []
    for f in sorted(corpus.rglob("*.bpmn")):
        try:
            system = read_bpmn(f.read_bytes(), str(f)).system
        except Exception:
            continue
        procs = [p for p in system.processes if not p.is_stub]
        if len(procs) == 1 and len(procs[0].lanes) <= 1 and len(procs[0].flow) >= 3:
            out.append((f.name, system, procs[0]))
    return out


def _measure(pairs: list[tuple[bytes, bytes | None]]) -> tuple[Measure, Measure, int]:
    """Crossings per flow of qms's and the other layout's diagrams, over the pairs both drew."""
    from qms.layout import Diagram
    from qms.layout.quality import crossings

    ours = theirs = flows = 0
    for qms_xml, other in pairs:
        if other is None:
            continue
        mine, yours = sequence_routes(qms_xml), sequence_routes(other)
        ours += crossings(Diagram(edges=mine))  # type: ignore[arg-type]
        theirs += crossings(Diagram(edges=yours))  # type: ignore[arg-type]
        flows += len(mine)
    per = max(1, flows)
    return (Measure(ours / per, [ours / per], unit="crossings/flow"),
            Measure(theirs / per, [theirs / per], unit="crossings/flow"), flows)


def crossings_scenario(ctx: Any, corpus: Path) -> None:
    name = "layout: crossings per sequence flow (single-lane corpus processes)"
    if not corpus.is_dir():
        ctx.rows.append(Row(name, na(f"skipped: {corpus} is absent")))
        return
    try:
        from qms.bpmn.export import export_process
    except ImportError as exc:
        ctx.rows.append(Row(name, na(str(NotAvailable(str(exc))))))
        return
    from scenarios import write_variants

    procs = single_lane_processes(corpus)
    folder = ctx.work / "crossings"
    files = []
    for i, (fname, system, process) in enumerate(procs):
        files.append(write_variants(folder, f"{i:03d}-{Path(fname).stem}", export_process(system, process)))
    listing = folder / "nodi.txt"
    listing.write_text("".join(f"{v['nodi']}\n" for v in files), encoding="utf-8")
    peer = ctx.peers.measure("bpmn.io", "layout-many", listing, max_runs=1)
    if not peer.ok:
        ctx.rows.append(Row(name, na("bpmn-auto-layout did not run"), [("bpmn-auto-layout", peer)]))
        ctx.target("layout: crossings per flow ≤ bpmn-auto-layout's", None, peer.show())
        return
    pairs = []
    for v in files:
        auto = Path(f"{v['nodi']}.auto.bpmn")
        pairs.append((v["full"].read_bytes(), auto.read_bytes() if auto.exists() else None))
    ours, theirs, flows = _measure(pairs)
    drawn = sum(1 for _, other in pairs if other is not None)
    ctx.rows.append(Row(name, ours, [("bpmn-auto-layout", theirs)], f"{drawn} processes, {flows} flows"))
    ctx.target("layout: crossings per flow ≤ bpmn-auto-layout's", ours.value <= theirs.value,  # type: ignore[operator]
               f"qms {ours.show()} vs bpmn-auto-layout {theirs.show()}")
