"""BPMN export: structure, DI for every element, determinism, and the external oracles."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from qms.bpmn import export_process, export_system, exportable
from qms.bpmn.tags import BPMN, BPMNDI, DC, DI, QMS, XSI
from qms.errors import UserError
from qms.load import load
from qms.model import Process, QualitySystem
from tests.bpmn import geometry
from tests.bpmn.strategies import rich_systems
from tests.conftest import EXAMPLES, MODELS

NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "qms": QMS, "xsi": XSI}
SHARED = Path(__file__).parents[2].parent / "shared"
CHECKER = SHARED / "oracles" / "check-bpmn"
FLOW_NODES = ("task", "callActivity", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
              "exclusiveGateway", "parallelGateway", "inclusiveGateway")


@pytest.fixture(scope="module")
def systems() -> dict[str, QualitySystem]:
    out = {}
    for name in EXAMPLES:
        system = load(MODELS / name).system
        assert system is not None
        out[name] = system
    return out


def _described(systems: dict[str, QualitySystem]) -> list[tuple[QualitySystem, Process]]:
    return [(s, p) for s in systems.values() for p in s.processes if exportable(p)]


def _xp(root: etree._Element, path: str) -> list[etree._Element]:
    return root.xpath(path, namespaces=NS)  # type: ignore[no-any-return]


def _system(process: Process, **extra: object) -> QualitySystem:
    return QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "s", "name": "S"},
                                         "processes": [process], **extra})


def _proc(steps: list[dict[str, object]], flow: list[object], **extra: object) -> Process:
    return Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": steps,
                                   "flow": flow, **extra})


# ------------------------------------------------------------------ structure of the examples


def test_every_example_process_exports_with_a_shape_or_edge_for_everything(systems: dict[str, QualitySystem]) -> None:
    pairs = _described(systems)
    assert len(pairs) >= 5
    for system, process in pairs:
        root = etree.fromstring(export_process(system, process))
        drawn = {el.get("bpmnElement") for el in _xp(root, "//bpmndi:BPMNShape | //bpmndi:BPMNEdge")}
        semantic = _xp(root, "//bpmn:process/*[@id] | //bpmn:participant | //bpmn:lane | //bpmn:messageFlow"
                             " | //bpmn:dataInputAssociation | //bpmn:dataOutputAssociation")
        missing = [el.get("id") for el in semantic
                   if etree.QName(el).localname not in ("dataObject", "laneSet") and el.get("id") not in drawn]
        assert missing == [], process.process
        for edge in _xp(root, "//bpmndi:BPMNEdge"):
            assert len(_xp(edge, "di:waypoint")) >= 2
        for node in _xp(root, "//bpmn:startEvent | //bpmn:endEvent | //bpmn:exclusiveGateway[@name]"):
            shape = _xp(root, f"//bpmndi:BPMNShape[@bpmnElement='{node.get('id')}']")[0]
            assert _xp(shape, "bpmndi:BPMNLabel/dc:Bounds"), node.get("id")  # label bounds


def test_ids_come_from_the_model(systems: dict[str, QualitySystem]) -> None:
    for system, process in _described(systems):
        root = etree.fromstring(export_process(system, process))
        ids = set(root.xpath("//@id"))
        assert {s.id for s in process.steps} <= ids
        assert set(process.flow_ids()) <= ids
        assert set(process.message_ids()) <= ids
        assert all(i.isascii() for i in ids)
        assert len(root.xpath("//@id")) == len(ids)  # unique


def test_lanes_participants_calls_data_and_annotations(systems: dict[str, QualitySystem]) -> None:
    for system, process in _described(systems):
        root = etree.fromstring(export_process(system, process))
        lanes = _xp(root, "//bpmn:lane")
        assert [lane.xpath("string(bpmn:extensionElements/qms:role/@ref)", namespaces=NS) for lane in lanes] == \
            list(dict.fromkeys([*process.lanes, *(s.lane for s in process.steps if s.lane)]))
        refs = {r.text for r in _xp(root, "//bpmn:flowNodeRef")}
        assert {s.id for s in process.steps if s.lane} <= refs
        pool = _xp(root, "//bpmn:participant[@processRef]")
        assert len(pool) == 1 and pool[0].get("processRef") == _xp(root, "//bpmn:process")[0].get("id")
        stakeholders = {m.to for m in process.messages if m.from_ in {s.id for s in process.steps}} | \
            {m.from_ for m in process.messages if m.to in {s.id for s in process.steps}}
        stakeholders -= {s.id for s in process.steps}
        black_boxes = _xp(root, "//bpmn:participant[not(@processRef)]")
        assert len(black_boxes) == len(stakeholders)
        assert len(_xp(root, "//bpmn:messageFlow")) == len(process.messages)
        for step in process.steps:
            if step.call:
                assert _xp(root, f"//bpmn:callActivity[@id='{step.id}']")[0].get("calledElement") == step.call
            if step.note is not None:
                assert _xp(root, f"//bpmn:association[@sourceRef='{step.id}']/@targetRef")
        docs = {d for s in process.steps for d in (*s.documents, *s.reads)}
        assert len(_xp(root, "//bpmn:dataObject")) == len(docs)
        uses = sum(len(s.documents) + len(s.reads) for s in process.steps)
        assert len(_xp(root, "//bpmn:dataObjectReference")) == uses
        assert len(_xp(root, "//bpmn:dataStoreReference")) == sum(len(s.systems) for s in process.steps)


def test_quality_attributes_travel_in_the_qms_namespace(systems: dict[str, QualitySystem]) -> None:
    system = systems["redu"]
    process = system.process("talousarvio")
    assert process is not None
    root = etree.fromstring(export_process(system, process))
    summary = _xp(root, "//bpmn:process/bpmn:extensionElements/qms:process")[0]
    assert summary.get("owner") == process.owner
    assert summary.get("category") == process.category
    assert _xp(root, "//bpmn:process/bpmn:documentation")[0].text
    assert _xp(root, "//bpmn:process/bpmn:extensionElements/qms:model")[0].text.startswith("{")
    assert {m.get("ref") for m in _xp(summary, "qms:measure")} == {m.id for m in process.measures}
    raami = _xp(root, "//bpmn:task[@id='raami']/bpmn:extensionElements/qms:step")[0]
    assert raami.get("pdca") == "plan"
    assert {n.get("lang") for n in _xp(raami, "qms:name")} == {"fi", "en"}


def test_export_is_deterministic_and_byte_identical_for_equal_models(systems: dict[str, QualitySystem]) -> None:
    for system, process in _described(systems):
        copy = Process.model_validate(process.model_dump(mode="json", by_alias=True, exclude_defaults=True))
        assert copy == process
        assert export_process(system, process) == export_process(system, copy)
    for system in systems.values():
        assert export_system(system) == export_system(system)


def test_no_overlapping_shapes_and_no_edge_through_a_shape(systems: dict[str, QualitySystem]) -> None:
    files = [(p.process, export_process(s, p)) for s, p in _described(systems)]
    files += [(name, export_system(s)) for name, s in systems.items()]
    for name, xml in files:
        shapes, edges = geometry.read(xml)
        assert geometry.overlaps(shapes) == [], name
        assert geometry.crossings(shapes, edges) == [], name
        for eid, (pts, _, _) in edges.items():  # orthogonal waypoints only
            assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(pts, pts[1:], strict=False)), (name, eid)


def test_a_system_exports_to_one_file_with_a_pool_per_process(systems: dict[str, QualitySystem]) -> None:
    system = systems["redu"]
    root = etree.fromstring(export_system(system))
    pools = _xp(root, "//bpmn:collaboration/bpmn:participant[bpmn:extensionElements/qms:model or @processRef]")
    assert len(pools) == len(system.processes)
    stubs = [p for p in system.processes if p.is_stub]
    assert len(_xp(root, "//bpmn:participant[not(@processRef)]/bpmn:extensionElements/qms:model")) == len(stubs)
    assert _xp(root, "//bpmn:collaboration/bpmn:extensionElements/qms:system")
    shapes, _ = geometry.read(export_system(system))
    assert geometry.overlaps(shapes) == []



def _one_serialisation(xml: bytes) -> bytes:
    """What one ``tostring`` of the whole tree of ``xml`` gives (the exporter writes it a subtree at a time)."""
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True, huge_tree=True))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)  # type: ignore[no-any-return]


def test_the_one_file_export_written_a_pool_at_a_time_equals_one_serialisation_of_its_tree(
    systems: dict[str, QualitySystem],
) -> None:
    for name, system in systems.items():
        xml = export_system(system)
        assert _one_serialisation(xml) == xml, name
    empty = QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "s", "name": "S"}})
    xml = export_system(empty)
    assert b'<bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_s"/>' in xml  # an empty element
    assert _one_serialisation(xml) == xml


@settings(max_examples=40, deadline=None)
@given(rich_systems())
def test_streamed_exports_of_random_systems_equal_one_serialisation(system: QualitySystem) -> None:
    xml = export_system(system)
    assert _one_serialisation(xml) == xml
    for process in system.processes:
        if exportable(process):
            xml = export_process(system, process)
            assert _one_serialisation(xml) == xml

# ------------------------------------------------------------------ constructs BPMN tools flag


def test_a_task_with_several_outgoing_flows_gets_a_split_gateway() -> None:
    p = _proc([{"id": "a", "start": "A"}, {"id": "t", "task": "T"}, {"id": "x", "task": "X"},
               {"id": "y", "task": "Y"}, {"id": "e", "end": "E"}],
              ["a -> t", "t -> x", "t -> y", "x -> e", "y -> e"])
    root = etree.fromstring(export_process(_system(p), p))
    split = _xp(root, "//bpmn:parallelGateway[@id='t_split']")[0]
    assert _xp(split, "bpmn:extensionElements/qms:derived")[0].get("of") == "t"
    assert len(_xp(split, "bpmn:outgoing")) == 2
    join = _xp(root, "//bpmn:exclusiveGateway[@id='e_join']")[0]
    assert len(_xp(join, "bpmn:incoming")) == 2
    assert _xp(root, "//bpmn:sequenceFlow[@id='f_t_x']")[0].get("sourceRef") == "t_split"


def test_labelled_branches_of_a_task_get_a_named_exclusive_gateway() -> None:
    p = _proc([{"id": "a", "start": "A"}, {"id": "t", "task": "T"}, {"id": "x", "end": "X"},
               {"id": "y", "end": "Y"}], ["a -> t", "t -> x: kyllä", "t -> y: ei"])
    root = etree.fromstring(export_process(_system(p), p))
    assert _xp(root, "//bpmn:exclusiveGateway[@id='t_split']")[0].get("name") == "kyllä / ei"


def test_conditions_defaults_and_two_branches_to_one_target() -> None:
    p = _proc([{"id": "a", "start": "A"}, {"id": "d", "decision": "Riittää?"}, {"id": "e", "end": "E"},
               {"id": "f", "end": "F"}],
              [{"from": "a", "to": "d"}, {"from": "d", "to": "e", "label": "kyllä", "condition": "n >= 4"},
               {"from": "d", "to": "f", "label": "ei", "default": True},
               {"from": "d", "to": "e", "label": "ehkä"}])
    root = etree.fromstring(export_process(_system(p), p))
    gateway = _xp(root, "//bpmn:exclusiveGateway[@id='d']")[0]
    assert gateway.get("default") == "f_d_f"
    conditions = {c.getparent().get("id"): c for c in _xp(root, "//bpmn:conditionExpression")}
    assert set(conditions) == {"f_d_e", "f_d_e_2"}
    assert conditions["f_d_e"].text == "n >= 4"
    assert conditions["f_d_e"].get(f"{{{XSI}}}type") == "bpmn:tFormalExpression"
    assert conditions["f_d_e_2"].get(f"{{{QMS}}}derived") == "label"


def test_text_that_xml_cannot_carry_is_a_user_error() -> None:
    p = _proc([{"id": "a", "start": "Alku\x0b"}, {"id": "e", "end": "E"}], ["a -> e"])
    with pytest.raises(UserError, match="cannot be written as XML"):
        export_process(_system(p), p)


# ------------------------------------------------------------------ the external oracles


@pytest.mark.needs_shared
@pytest.mark.slow
@pytest.mark.skipif(not CHECKER.exists(), reason=f"{CHECKER} is absent (a plain clone has no ../shared)")
def test_every_export_passes_the_bpmn_oracles(systems: dict[str, QualitySystem], tmp_path: Path) -> None:
    files = []
    for name, system in systems.items():
        files.append(tmp_path / f"{name}.bpmn")
        files[-1].write_bytes(export_system(system))
        for process in system.processes:
            if exportable(process):
                files.append(tmp_path / f"{name}-{process.process}.bpmn")
                files[-1].write_bytes(export_process(system, process))
    run = subprocess.run(["bash", str(CHECKER), "--with-browser", "--spiff-nonexec", "warn", *map(str, files)],
                         capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == f"oracles: {len(files)} files, 0 failed"


def _without_data_store_links(data: bytes) -> tuple[bytes, int]:
    """The file without its data associations to data stores, and how many there were: SpiffWorkflow
    loads a data store only through an implementation the engine registers under its name."""
    root = etree.fromstring(data)
    stores = {el.get("id") for el in _xp(root, "//bpmn:dataStoreReference")}
    links = [a for a in _xp(root, "//bpmn:dataInputAssociation | //bpmn:dataOutputAssociation")
             if {ref.text for ref in a if ref.tag in (f"{{{BPMN}}}sourceRef", f"{{{BPMN}}}targetRef")} & stores]
    gone = {link.get("id") for link in links}
    for el in [*links, *(e for e in _xp(root, "//bpmndi:BPMNEdge") if e.get("bpmnElement") in gone)]:
        el.getparent().remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), len(links)


@pytest.mark.slow
@pytest.mark.skipif(not CHECKER.exists(), reason=f"{CHECKER} is absent (a plain clone has no ../shared)")
def test_an_engine_loads_every_example_export(systems: dict[str, QualitySystem], tmp_path: Path) -> None:
    """SpiffWorkflow loads every process of the examples, decisions included (without
    ``--spiff-nonexec warn``): data stores aside, which need an engine-side implementation."""
    files, links = [], {}
    exports = [(f"{name}.bpmn", export_system(system)) for name, system in systems.items()]
    exports += [(f"{s.system}-{p.process}.bpmn", export_process(s, p)) for s, p in _described(systems)]
    for name, data in exports:
        files.append(tmp_path / name)
        engine_copy, links[name] = _without_data_store_links(data)
        files[-1].write_bytes(engine_copy)
    assert links["sakk.bpmn"] == 0 and links["redu.bpmn"] > 0  # sakk's files are loaded as exported
    run = subprocess.run(["bash", str(CHECKER), *map(str, files)], capture_output=True, text=True, timeout=600,
                         check=False)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == f"oracles: {len(files)} files, 0 failed"
