"""Model → BPMN 2.0 XML with diagram interchange (DI): pure functions that return bytes.

The export plans a process (:mod:`qms.bpmn.plan`), writes its XML (:mod:`qms.bpmn.write`)
and its diagram (:mod:`qms.bpmn.di`), a subtree at a time (:mod:`qms.bpmn.stream`).
"""

from __future__ import annotations

from functools import partial

from lxml import etree

from qms import layout as lay
from qms.bpmn.di import write_diagram
from qms.bpmn.plan import Context, Planned, new_context, plan_process
from qms.bpmn.stream import Stream
from qms.bpmn.tags import BPMNDI, QMS, T_EXT, b, q
from qms.bpmn.write import FORMAT_VERSION, checked, model_json, write_payload, write_process, write_stub
from qms.model import Process, QualitySystem

__all__ = ["FORMAT_VERSION", "export_process", "export_system", "exportable"]

_EXPORTER = "qms"
_SUB = etree.SubElement


def exportable(process: Process) -> bool:
    """True when ``process`` has steps to draw (a stub has none and gets no file of its own)."""
    return not process.is_stub


def _begin(ctx: Context, ident: str) -> tuple[Stream, str]:
    """The document's root, open, and the id of its collaboration (the first ids handed out)."""
    ids = ctx.ids
    stream = Stream([(b("definitions"), {
        "id": ids.new(f"Definitions_{ident}"),
        "targetNamespace": f"urn:qms:model:{ident}",
        "exporter": _EXPORTER,
        "exporterVersion": FORMAT_VERSION,
    })])
    return stream, ids.new(f"Collaboration_{ident}")


def _document(
    ctx: Context, stream: Stream, collab_id: str, members: list[tuple[Process, Planned | str]],
    system_json: str | None = None,
) -> bytes:
    """Write the collaboration, the processes and the diagram of planned processes and stubs (their
    participant id) under the root of ``stream``."""
    ids = ctx.ids
    plans = [plan for _, plan in members if isinstance(plan, Planned)]
    # external participants: one per stakeholder, in order of first use
    ext_participant: dict[str, str] = {}
    for plan in plans:
        for ext in plan.externals:
            if ext not in ext_participant:
                ext_participant[ext] = ids.new(f"Participant_{ext}")
    for plan in plans:
        for m in plan.pool.messages:
            m.external = ext_participant[m.external]
    defs = stream.fresh()
    stubs = _write_collaboration(ctx, defs, collab_id, members, ext_participant, system_json)
    stream.write(defs)
    for plan in plans:
        defs = stream.fresh()
        checked(plan.process, partial(write_process, ctx, defs, plan))
        stream.write(defs)
    pools = [plan.pool for plan in plans]
    pools += [lay.Pool(pid, [], [], [], collapsed=True) for pid in stubs]
    diagram = lay.layout(pools, [lay.External(pid) for pid in ext_participant.values()])
    stream.open(q(BPMNDI, "BPMNDiagram"), {"id": ids.new("BPMNDiagram_1")})
    stream.open(q(BPMNDI, "BPMNPlane"), {"id": ids.new("BPMNPlane_1"), "bpmnElement": collab_id})
    write_diagram(stream, ids, diagram, list(ext_participant.values()), plans, stubs)
    return stream.getvalue()


def _write_collaboration(
    ctx: Context, defs: etree._Element, collab_id: str, members: list[tuple[Process, Planned | str]],
    ext_participant: dict[str, str], system_json: str | None,
) -> list[str]:
    """A pool per process, then the external participants and the message flows; returns the
    participant ids of the stubs (black-box pools)."""
    collab = _SUB(defs, b("collaboration"), id=collab_id)
    if system_json is not None:
        write_payload(_SUB(collab, T_EXT), "system", system_json, ctx)
    stubs: list[str] = []
    for p, member in members:
        if isinstance(member, Planned):
            checked(p, partial(_SUB, collab, b("participant"), id=member.participant, name=ctx.text(p.name),
                               processRef=member.pid))
        else:
            checked(p, partial(write_stub, ctx, collab, p, member))
            stubs.append(member)
    for ext, pid in ext_participant.items():
        part = _SUB(collab, b("participant"), id=pid, name=ctx.text(ctx.stakeholders.get(ext, ext)))
        _SUB(_SUB(part, T_EXT), q(QMS, "stakeholder"), ref=ext)
    for plan in (m for _, m in members if isinstance(m, Planned)):
        for mid, src, dst, name, ext_end in plan.messages:
            if ext_end == "src":
                src = ext_participant[src]
            elif ext_end == "dst":
                dst = ext_participant[dst]
            attrs = {"id": mid}
            if name:
                attrs["name"] = name
            attrs["sourceRef"] = src
            attrs["targetRef"] = dst
            _SUB(collab, b("messageFlow"), attrs)
    return stubs


def export_process(system: QualitySystem, process: Process, *, lang: str | None = None) -> bytes:
    """Export one process as a BPMN 2.0 file with a collaboration and DI.

    Parameters
    ----------
    system
        The system the process belongs to: it names the lanes (roles), the external pools
        (stakeholders) and called processes.
    process
        A process with steps (see :func:`exportable`).
    lang
        The language of names and documentation; default the system's default language.
        Every language is kept in the extension elements.

    Returns
    -------
    bytes
        UTF-8 XML, byte-identical for equal models.

    Notes
    -----
    One file holds a ``collaboration`` with the provider's pool (lanes for roles) and a
    collapsed pool per external stakeholder, the ``process`` and a ``BPMNDiagram`` laid out by
    :mod:`qms.layout`. What BPMN has no element for goes into ``extensionElements`` in the
    ``qms`` namespace: the whole process as canonical JSON in ``qms:model``, in ``qms:part``
    pieces when it is longer than an XML parser takes as one text (so that import is
    lossless) and readable attributes per element (``qms:step pdca=…``, names in every language).

    Where the model has a construct that BPMN tools flag, the exporter makes it explicit with a
    *derived* gateway (marked ``qms:derived``, folded back on import): a step with several
    outgoing flows gets a split gateway, a step with several incoming flows a join gateway.

    Examples
    --------
    >>> from qms.model import Process, QualitySystem
    >>> p = Process.model_validate({"process": "p", "name": "P", "category": "core",
    ...     "steps": [{"id": "a", "start": "A"}, {"id": "b", "end": "B"}], "flow": ["a -> b"]})
    >>> s = QualitySystem(system="s", name="S", provider={"id": "s", "name": "S"}, processes=[p])
    >>> b'<bpmn:sequenceFlow id="f_a_b" sourceRef="a" targetRef="b"/>' in export_process(s, p)
    True
    """
    return _export_process(system, process, lang)


def _export_process(system: QualitySystem, process: Process, lang: str | None) -> bytes:
    ctx = new_context(system, lang)
    stream, collab_id = _begin(ctx, process.process)
    return _document(ctx, stream, collab_id, [(process, plan_process(ctx, process, ""))])


def export_system(system: QualitySystem, *, lang: str | None = None) -> bytes:
    """Export a whole system as one BPMN file: one pool per process, in one collaboration.

    Processes without steps (stubs) are black-box pools. Ids of elements inside a process
    are prefixed with ``<process id>.`` so that steps of different processes stay apart; the
    system's own data (roles, stakeholders, measures, …) is kept in ``qms:system``.
    The file is written a process at a time: the whole XML tree never exists at once.
    """
    return _export_system(system, lang)


def _export_system(system: QualitySystem, lang: str | None) -> bytes:
    ctx = new_context(system, lang)
    stream, collab_id = _begin(ctx, system.system)
    system_json = model_json(system, exclude={"processes"})
    members: list[tuple[Process, Planned | str]] = [
        (p, plan_process(ctx, p, f"{p.process}.") if exportable(p) else ctx.ids.new(f"Participant_{p.process}"))
        for p in system.processes
    ]
    return _document(ctx, stream, collab_id, members, system_json)
