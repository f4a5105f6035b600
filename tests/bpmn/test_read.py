"""BPMN import: hardened parsing, the corpus of other tools' files, and lossless round trips.

The corpus test holds every file of ../shared/bpmn-corpus to this: after ``import`` and ``export``,
every flow node (every task type, sub-process, call, event and gateway kind) and every sequence flow
between two of them is there with its type, id, name and, for a boundary event, its host; a flow
with a missing end is reported and not kept. The export reads back as the same model.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from lxml import etree

from qms.bpmn import export_process, export_system, exportable
from qms.bpmn.read import parse, read_bpmn
from qms.bpmn.tags import BPMN, QMS
from qms.errors import UserError
from qms.load import load
from qms.load.dump import dump_process
from qms.model import Process, Provider, QualitySystem
from tests.bpmn.strategies import rich_processes, rich_systems
from tests.conftest import EXAMPLES, MODELS
from tests.strategies import processes, systems

NS = {"bpmn": BPMN, "qms": QMS}
CORPUS = Path(__file__).parents[2].parent / "shared" / "bpmn-corpus"
CORPUS_FILES = sorted(glob.glob(str(CORPUS / "**" / "*.bpmn"), recursive=True))
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is absent (a plain clone has no ../shared)")
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
DEFS = f'<definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x">'

TASKS = ["task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask"]
SUBS = ["subProcess", "transaction", "adHocSubProcess", "callActivity"]
EVENTS = ["startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"]
GATEWAYS = ["exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"]


def _system(process: Process) -> QualitySystem:
    return QualitySystem(system="s", name="S", provider=Provider(id="s", name="S"), processes=[process])


def _file(body: str, *, collaboration: str = "") -> bytes:
    return (HEAD + DEFS + collaboration + body + "</definitions>").encode()


# ------------------------------------------------------------------ hardened parsing


def test_billion_laughs_is_refused_before_parsing() -> None:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (HEAD + f'<!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>\n' + DEFS +
            '<process id="p" name="&l9;"/></definitions>').encode()
    with pytest.raises(UserError, match=r"laughs.bpmn:2:1: error: the file declares a DOCTYPE or an ENTITY"):
        read_bpmn(data, "laughs.bpmn")


def test_an_external_entity_is_refused() -> None:
    data = (HEAD + '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + DEFS +
            '<process id="p" name="&x;"/></definitions>').encode()
    with pytest.raises(UserError, match="qms does not read DTDs or expand entities"):
        read_bpmn(data, "xxe.bpmn")
    with pytest.raises(UserError, match="DOCTYPE"):
        read_bpmn(data.decode().encode("utf-16"), "xxe16.bpmn")


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named() -> None:
    with pytest.raises(UserError, match=r"big.bpmn: error: the file is 2.0 MB, more than the limit of 1 MB"):
        read_bpmn(b" " * (2 * 2**20), "big.bpmn", max_bytes=2**20)


@pytest.mark.parametrize(("data", "message"), [
    (b"<definitions><process></definitions>", "not well-formed XML: Opening and ending tag mismatch"),
    (b"", "not well-formed XML"),
    (b"<html/>", "not a BPMN 2.0 file: the root element is html, not bpmn:definitions"),
])
def test_broken_files_are_user_errors_with_a_line(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message) as info:
        read_bpmn(data, "x.bpmn")
    assert info.value.problems[0].location.file == "x.bpmn"


def test_the_parser_is_configured_safely() -> None:
    root = parse(_file('<process id="p"/>'), "x.bpmn")
    assert root.tag == f"{{{BPMN}}}definitions"


# ------------------------------------------------------------------ mapping of other tools' files


def test_names_lanes_documentation_conditions_and_order_are_kept() -> None:
    data = _file("""
<process id="P_1" name="Hankinta">
  <documentation>Ostot hoidetaan näin.</documentation>
  <laneSet><lane id="L1" name="Ostaja"><flowNodeRef>s</flowNodeRef><flowNodeRef>t</flowNodeRef></lane>
    <lane id="L2" name="Hyväksyjä"><flowNodeRef>g</flowNodeRef><flowNodeRef>e1</flowNodeRef>
    <flowNodeRef>e2</flowNodeRef></lane></laneSet>
  <startEvent id="s" name="Tarve"/>
  <userTask id="t" name="Tee tilaus"><documentation>Lomakkeella.</documentation></userTask>
  <exclusiveGateway id="g" name="Yli 1000 €?" default="no"/>
  <endEvent id="e1" name="Hyväksytty"/><endEvent id="e2" name="Suoraan"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="g"/>
  <sequenceFlow id="yes" name="kyllä" sourceRef="g" targetRef="e1">
    <conditionExpression>summa &gt; 1000</conditionExpression></sequenceFlow>
  <sequenceFlow id="no" name="ei" sourceRef="g" targetRef="e2"/>
</process>""")
    result = read_bpmn(data, "hankinta.bpmn")
    (p,) = result.system.processes
    assert p.process == "P_1" and p.name == "Hankinta" and p.purpose == "Ostot hoidetaan näin."
    assert [s.id for s in p.steps] == ["s", "t", "g", "e1", "e2"]  # the file's own ids
    assert p.lanes == ["ostaja", "hyvaksyja"]
    assert [r.name for r in result.system.roles] == ["Ostaja", "Hyväksyjä"]
    assert p.step("t").description == "Lomakkeella."  # type: ignore[union-attr]
    assert p.step("t").type == "user"  # type: ignore[union-attr]
    assert p.step("g").decision == "Yli 1000 €?"  # type: ignore[union-attr]
    flows = {(f.from_, f.to): f for f in p.flow}
    assert flows[("g", "e1")].condition == "summa > 1000" and flows[("g", "e1")].id == "yes"
    assert flows[("g", "e2")].default
    assert flows[("g", "e2")].label == "ei"
    assert p.gateways == "drawn"
    assert result.warnings == []


def test_what_the_model_holds_is_read_and_the_rest_kept_verbatim_with_a_warning() -> None:
    data = _file("""
<process id="p">
  <startEvent id="s" name="S"><signalEventDefinition/></startEvent>
  <task id="t" name="T"><multiInstanceLoopCharacteristics isSequential="true"/><ioSpecification/></task>
  <boundaryEvent id="b" name="Aikaraja" attachedToRef="t" cancelActivity="false"><timerEventDefinition/></boundaryEvent>
  <complexGateway id="c" name="C"/>
  <endEvent id="e" name="E"><terminateEventDefinition/></endEvent>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="c"/>
  <sequenceFlow id="f3" sourceRef="c" targetRef="e"/><sequenceFlow id="f4" sourceRef="b" targetRef="e"/>
  <sequenceFlow id="f5" sourceRef="t" targetRef="nowhere"/>
  <group id="grp"/>
</process>""")
    result = read_bpmn(data, "w.bpmn")
    text = "\n".join(w.format() for w in result.warnings)
    assert "w.bpmn:5:1: warning: bpmn:ioSpecification" in text and "kept as XML" in text
    assert "bpmn:sequenceFlow 'f5': a sequence flow whose source or target is not a step" in text
    assert "1× bpmn:group kept as XML (field xml:) and written back on export: 'grp' (line 12)" in text
    assert all(w.location.line > 0 for w in result.warnings)
    (p,) = result.system.processes
    b, t, c, e = (p.step(x) for x in "btce")
    assert b is not None and (b.kind, b.trigger, b.attached_to, b.interrupting) == ("event", "timer", "t", False)
    assert t is not None and t.loop == "sequential" and "ioSpecification" in (t.xml or "")
    assert c is not None and c.kind == "complex"
    assert e is not None and e.trigger == "terminate"
    assert ("t", "b") not in {(f.from_, f.to) for f in p.flow}  # a boundary event is attached, not a flow


_TIDY = """
<process id="p">
  <documentation>Tarkoitus</documentation>
  <laneSet id="ls"><lane id="l1" name="Opettaja"><flowNodeRef>s</flowNodeRef>{lane}<flowNodeRef>t</flowNodeRef></lane></laneSet>
  <startEvent id="s" name="S"><outgoing>f1</outgoing></startEvent>
  <task id="t" name="T"><incoming>f1{incoming}</incoming><outgoing>f2</outgoing>
    <extensionElements><qms:step pdca="do"/>{ext}</extensionElements>
    <dataOutputAssociation id="da"><targetRef>dr{target}</targetRef></dataOutputAssociation></task>
  <endEvent id="e" name="E"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
  <sequenceFlow id="f2" sourceRef="t" targetRef="e"><conditionExpression>ok{condition}</conditionExpression></sequenceFlow>
  <dataObject id="do"/><dataObjectReference id="dr" name="Raportti" dataObjectRef="do">{data}</dataObjectReference>
  <textAnnotation id="n"><text>Huom{note}</text></textAnnotation><association id="a" sourceRef="t" targetRef="n"/>
</process>"""
_STRAY = '<group id="stray"/>'


def test_a_tidy_process_has_nothing_to_report() -> None:
    body = _TIDY.format(lane="", incoming="", ext="", target="", condition="", data="", note="")
    result = read_bpmn(_file(body).replace(b"<definitions ", f'<definitions xmlns:qms="{QMS}" '.encode()), "t.bpmn")
    assert result.warnings == []
    (p,) = result.system.processes
    assert p.step("t").documents and p.step("t").note == "Huom"  # type: ignore[union-attr]


@pytest.mark.parametrize("place", ["lane", "incoming", "ext", "target", "condition", "data", "note"])
def test_an_element_hidden_deep_in_a_tidy_process_is_still_reported(place: str) -> None:
    # the reader skips what it read whole; one stray element anywhere below must still be reported
    parts = dict.fromkeys(["lane", "incoming", "ext", "target", "condition", "data", "note"], "")
    parts[place] = _STRAY if place != "ext" else '<x:stray xmlns:x="urn:other"/>'
    data = _file(_TIDY.format(**parts)).replace(b"<definitions ", f'<definitions xmlns:qms="{QMS}" '.encode())
    text = "\n".join(w.format() for w in read_bpmn(data, "t.bpmn").warnings)
    assert ("extension element stray kept as XML" if place == "ext" else "'stray'") in text


def test_invalid_and_too_long_ids_are_renamed_and_kept_for_export() -> None:
    long = "x" * 80
    data = _file(f"""
<process id="Prosessi_ä">
  <startEvent id="Alku_ö"/><task id="1tehtävä" name="Hyväksyntä"/><endEvent id="{long}"/>
  <sequenceFlow id="a" sourceRef="Alku_ö" targetRef="1tehtävä"/>
  <sequenceFlow id="b b" sourceRef="1tehtävä" targetRef="{long}"/>
</process>""")
    result = read_bpmn(data, "ids.bpmn", lang="en")
    (p,) = result.system.processes
    assert p.process == "prosessi_a" and p.bpmn_id == "Prosessi_ä"
    assert [(s.id, s.bpmn_id) for s in p.steps] == [("alku_o", "Alku_ö"), ("hyvaksynta", "1tehtävä"), ("x" * 64, long)]
    assert p.step("hyvaksynta").task == "Hyväksyntä"  # type: ignore[union-attr]
    assert p.steps[0].start == ""  # an unnamed element gets no invented name
    assert any("renamed, the original kept in bpmn_id" in w.message for w in result.warnings)
    out = etree.fromstring(export_process(result.system, p))
    ids = set(out.xpath("//bpmn:process//@id", namespaces=NS))
    assert {"Alku_ö", "1tehtävä", long, "a", "b b"} <= ids


def test_a_sub_process_keeps_its_steps_within_it() -> None:
    data = _file("""
<process id="paa" name="Pää">
  <startEvent id="s" name="S"/>
  <subProcess id="sub" name="Alivaihe"><startEvent id="s2" name="S2"/><task id="t2" name="T2"/>
    <sequenceFlow id="g1" sourceRef="s2" targetRef="t2"/></subProcess>
  <endEvent id="e" name="E"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="sub"/><sequenceFlow id="f2" sourceRef="sub" targetRef="e"/>
</process>""")
    (p,) = read_bpmn(data, "sub.bpmn").system.processes
    assert p.step("sub").kind == "subprocess"  # type: ignore[union-attr]
    assert [s.id for s in p.steps if s.within == "sub"] == ["s2", "t2"]
    out = etree.fromstring(export_process(QualitySystem(system="s", name="S", provider=Provider(id="s", name="S"),
                                                        processes=[p]), p))
    inner = out.xpath("//bpmn:subProcess[@id='sub']/*[@id]/@id", namespaces=NS)
    assert inner == ["s2", "t2", "g1"]


def test_pools_become_stakeholders_and_message_flows_messages() -> None:
    collab = """<collaboration id="c"><participant id="pa" name="Oppilaitos" processRef="p"/>
      <participant id="pb" name="Opiskelija"/>
      <messageFlow id="m1" name="hakemus" sourceRef="pb" targetRef="s"/>
      <messageFlow id="m2" sourceRef="pa" targetRef="pb"/></collaboration>"""
    data = _file("""<process id="p"><startEvent id="s" name="Hakemus saapuu"><messageEventDefinition/>
      </startEvent><endEvent id="e" name="E"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/></process>""",
                 collaboration=collab)
    result = read_bpmn(data, "pools.bpmn")
    assert result.whole_system
    assert [(s.id, s.name) for s in result.system.stakeholders] == [("opiskelija", "Opiskelija")]
    (p,) = result.system.processes
    assert p.name == "Oppilaitos"
    assert [(m.from_, m.to, m.name) for m in p.messages] == [("opiskelija", "s", "hakemus")]
    assert any("between two pools" in w.message for w in result.warnings)


@needs_corpus
@pytest.mark.needs_shared
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: str(Path(p).relative_to(CORPUS)))
def test_every_corpus_file_imports_and_exports_with_every_element_type_and_id_kept(path: str) -> None:
    data = Path(path).read_bytes()
    result = read_bpmn(data, path)
    out = export_system(result.system)
    before, after = _elements(etree.fromstring(data)), _elements(etree.fromstring(out))
    lost = {k: (v, after.get(k)) for k, v in before.items() if after.get(k) != v}
    assert lost == {}
    # the export reads back as the same model, and so does each process file `qms import` writes
    assert read_bpmn(out, "again.bpmn").system == result.system
    for process in result.system.processes:
        assert Process.model_validate(yaml.safe_load(dump_process(process))) == process


_KEPT = frozenset(TASKS + SUBS + EVENTS + GATEWAYS)


def _elements(root: etree._Element) -> dict[str, tuple[str, str, str | None]]:
    """Every flow node, every sequence flow between two of them, every lane and every message flow
    that touches a flow node: id → (type, name, host)."""
    found = {el.get("id", ""): (etree.QName(el).localname, el.get("name") or "", el.get("attachedToRef"))
             for el in root.iter(*(f"{{{BPMN}}}{t}" for t in _KEPT))}
    for f in root.iter(f"{{{BPMN}}}sequenceFlow"):  # (a flow with a missing end is reported, not kept)
        if f.get("sourceRef") in found and f.get("targetRef") in found:
            found[f.get("id", "")] = ("sequenceFlow", f.get("name") or "", None)
    for lane in root.iter(f"{{{BPMN}}}lane"):  # (nested ones too: each a lane of its own)
        found[lane.get("id", "")] = ("lane", lane.get("name") or "", None)
    for m in root.iter(f"{{{BPMN}}}messageFlow"):  # (one between two pools is reported, not kept)
        if m.get("sourceRef") in found or m.get("targetRef") in found:
            found[m.get("id", "")] = ("messageFlow", "", None)
    return found


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_round_trip_per_process_and_per_system(name: str) -> None:
    system = load(MODELS / name).system
    assert system is not None
    for process in system.processes:
        if exportable(process):
            result = read_bpmn(export_process(system, process), f"{process.process}.bpmn")
            assert result.system.processes == [process]
            assert result.warnings == [] and result.from_qms
    result = read_bpmn(export_system(system), f"{name}.bpmn")
    assert result.system == system
    assert result.warnings == []


@settings(max_examples=60, deadline=None)
@given(rich_processes())
def test_round_trip_of_generated_processes(process: Process) -> None:
    result = read_bpmn(export_process(_system(process), process), "p.bpmn")
    assert result.system.processes == [process]
    assert result.warnings == []


@settings(max_examples=30, deadline=None)
@given(rich_systems())
def test_round_trip_of_generated_systems(system: QualitySystem) -> None:
    result = read_bpmn(export_system(system), "s.bpmn")
    assert result.system == system
    assert result.warnings == []


@settings(max_examples=30, deadline=None)
@given(processes())
def test_round_trip_of_the_shared_process_strategy(process: Process) -> None:
    assert read_bpmn(export_process(_system(process), process), "p.bpmn").system.processes == [process]


@settings(max_examples=20, deadline=None)
@given(systems())
def test_round_trip_of_the_shared_system_strategy(system: QualitySystem) -> None:
    assert read_bpmn(export_system(system), "s.bpmn").system == system


def test_a_model_over_the_parsers_text_limit_is_written_in_parts_and_read_back_whole() -> None:
    # libxml2 refuses a text node over 10 MB without its huge-tree mode, which the reader keeps off
    system = load(MODELS / "redu").system
    assert system is not None
    long = "Määritelmä on pitkä: ä ö å š ŋ. " * 400_000  # 12.8 million characters, 16 MB of UTF-8
    process = system.process("talousarvio")
    assert process is not None and process.measures
    measure = process.measures[0].model_copy(update={"definition": {"fi": long}})
    process = process.model_copy(update={"measures": [measure, *process.measures[1:]]})
    system = system.model_copy(update={
        "processes": [process if p.process == process.process else p for p in system.processes],
        "notice": {"fi": long}})
    data = export_system(system)
    root = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    for tag in ("model", "system"):
        parts = root.xpath(f"//qms:{tag}[qms:part]/qms:part", namespaces=NS)
        assert len(parts) >= 13 and all(len(p.text) <= 1_000_000 for p in parts)
    result = read_bpmn(data, "long.bpmn", max_bytes=len(data))
    assert result.warnings == []
    assert result.system == system
    one = export_process(system, process)
    assert read_bpmn(one, "p.bpmn", max_bytes=len(one)).system.processes == [process]


def test_a_short_model_is_the_text_of_one_element() -> None:
    system = load(MODELS / "sakk").system
    assert system is not None
    root = etree.fromstring(export_system(system))
    assert not root.xpath("//qms:part", namespaces=NS)
    assert all(m.text.startswith("{") for m in root.xpath("//qms:model | //qms:system", namespaces=NS))


def test_an_edited_diagram_folds_derived_gateways_and_keeps_defaults_and_repeated_flows() -> None:
    steps = [{"id": "a", "start": "A"}, {"id": "d", "decision": "Riittää?"}, {"id": "e", "end": "E"},
             {"id": "f", "end": "F"}]
    flows: list[dict[str, object]] = [{"from": "a", "to": "d"}, {"from": "d", "to": "e", "label": "kyllä"},
                                      {"from": "d", "to": "f", "label": "ei", "default": True},
                                      {"from": "d", "to": "e", "label": "ehkä"}]
    for i in range(30):  # tasks with two ways on, one of them the default: each gets a derived split
        steps.append({"id": f"t{i}", "task": f"Tehtävä {i}"})
        flows += [{"from": f"t{i}", "to": "e"}, {"from": f"t{i}", "to": "f", "default": True}]
    flows.append({"from": "a", "to": "t0"})
    flows += [{"from": f"t{i}", "to": f"t{i + 1}"} for i in range(29)]
    process = Process.model_validate({"process": "p", "name": "P", "category": "core", "steps": steps,
                                      "flow": flows})
    root = etree.fromstring(export_process(_system(process), process))
    assert len(root.xpath("//bpmn:*[bpmn:extensionElements/qms:derived]", namespaces=NS)) >= 30
    root.xpath("//bpmn:task[@id='t3']", namespaces=NS)[0].set("name", "Muokattu")  # edited elsewhere
    result = read_bpmn(etree.tostring(root), "edited.bpmn")
    (p,) = result.system.processes
    assert any("differs from the qms data" in w.message for w in result.warnings)
    t3 = p.step("t3")
    assert t3 is not None and t3.task == "Muokattu"
    assert {s.id for s in p.steps} == {s.id for s in process.steps}  # no derived gateway became a step
    key = [(f.from_, f.to, f.label, f.default) for f in p.flow]
    assert sorted(key, key=str) == sorted([(f.from_, f.to, f.label, f.default) for f in process.flow], key=str)


def test_a_diagram_edited_in_another_tool_keeps_the_qms_attributes_of_its_steps() -> None:
    system = load(MODELS / "redu").system
    assert system is not None
    process = system.process("talousarvio")
    assert process is not None
    root = etree.fromstring(export_process(system, process))
    ohje = root.xpath("//bpmn:task[@id='ohje']", namespaces=NS)[0]
    ohje.set("name", "Raamin hyväksyminen")  # renamed in Camunda Modeler
    new = etree.SubElement(ohje.getparent(), f"{{{BPMN}}}task", id="Activity_1x", name="Uusi tehtävä")
    del new
    result = read_bpmn(etree.tostring(root), "edited.bpmn")
    (p,) = result.system.processes
    assert any("differs from the qms data" in w.message for w in result.warnings)
    ohje_step = p.step("ohje")
    assert ohje_step is not None
    assert ohje_step.task == {"fi": "Raamin hyväksyminen", "en": process.step("ohje").task["en"]}  # type: ignore
    assert ohje_step.pdca == "plan" and ohje_step.documents == ["talousarvion_laadintaohje"]
    assert p.step("uusi_tehtava") is not None or p.step("Activity_1x") is not None
    assert p.measures == process.measures and p.review == process.review


# ------------------------------------------------------------------ large files: diagrams parsed apart

GALLERY = sorted((Path(__file__).parents[2] / "exports").rglob("*.bpmn"))
DI_NS = 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"'


def _foreign(data: bytes) -> bytes:
    """What another tool keeps of a file qms wrote: no qms extensions, the diagram read for order."""
    root = etree.fromstring(data)
    for ext in root.xpath("//bpmn:extensionElements", namespaces=NS):
        ext.getparent().remove(ext)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("path", GALLERY, ids=lambda p: p.name)
def test_a_gallery_file_without_qms_data_comes_back_with_every_element(path: Path) -> None:
    data = _foreign(path.read_bytes())  # as another tool keeps it
    result = read_bpmn(data, path.name)
    out = export_system(result.system)
    before, after = _elements(etree.fromstring(data)), _elements(etree.fromstring(out))
    assert {k: (v, after.get(k)) for k, v in before.items() if after.get(k) != v} == {}


def _ordered_file(diagram: str, *, after: str = "", declaration: str = HEAD) -> bytes:
    """Three tasks written c, b, a whose shapes stand a, b, c; two lanes drawn bottom first."""
    process = ('<process id="p"><laneSet><lane id="low" name="Alempi"><flowNodeRef>c</flowNodeRef></lane>'
               '<lane id="high" name="Ylempi"><flowNodeRef>b</flowNodeRef><flowNodeRef>a</flowNodeRef></lane>'
               '</laneSet><task id="c" name="C"/><task id="b" name="B"/><task id="a" name="A"/></process>')
    return (declaration + f'<definitions xmlns="{BPMN}" {DI_NS} id="d" targetNamespace="urn:x">' + process
            + diagram + after + "</definitions>\n").encode()


def _shapes(prefix: str = "bpmndi:", dc: str = "dc:") -> str:
    spots = {"a": (100, 10), "b": (200, 10), "c": (300, 200), "low": (0, 150), "high": (0, 0)}
    return "".join(f'<{prefix}BPMNShape id="s_{k}" bpmnElement="{k}"><{dc}Bounds x="{x}" y="{y}" width="80" '
                   f'height="60"/></{prefix}BPMNShape>' for k, (x, y) in spots.items())


def _di(prefix: str = "bpmndi:", decl: str = "", dc: str = "dc:") -> str:
    return (f'<{prefix}BPMNDiagram id="dia"{decl}><{prefix}BPMNPlane id="pl" bpmnElement="p">{_shapes(prefix, dc)}'
            f'</{prefix}BPMNPlane></{prefix}BPMNDiagram>')


@pytest.mark.parametrize("diagram", [
    _di(),
    _di("", ' xmlns="http://www.omg.org/spec/BPMN/20100524/DI"'),  # its own default namespace
    _di("d:", ' xmlns:d="http://www.omg.org/spec/BPMN/20100524/DI"'),  # a prefix of its own
    _di() + "\n<!-- a second diagram -->\n" + _di().replace('id="dia"', 'id="dia2"'),
], ids=["prefixed", "default-namespace", "own-prefix", "two-diagrams"])
def test_steps_and_lanes_follow_the_positions_of_the_diagrams(diagram: str) -> None:
    result = read_bpmn(_ordered_file(diagram), "x.bpmn")
    process = result.system.processes[0]
    assert [s.label for s in process.steps] == ["A", "B", "C"]  # by position, not as written
    assert process.lanes == ["ylempi", "alempi"]  # the top lane first


def test_a_file_read_twice_gives_the_same_model_and_warnings() -> None:
    data = _ordered_file(_di(), after='<process id="late"/>')
    first, second = read_bpmn(data, "x.bpmn"), read_bpmn(data, "x.bpmn")
    assert first.system == second.system and first.warnings == second.warnings


@pytest.mark.parametrize(("where", "old", "new"), [
    ("in a diagram", b"</bpmndi:BPMNShape>", b"</bpmndi:BPMNShap>"),
    ("in a process", b"</process>", b"</proces>"),
    ("an unclosed diagram", b"</bpmndi:BPMNDiagram>", b""),
])
def test_a_broken_file_is_a_located_error(where: str, old: bytes, new: bytes) -> None:
    data = _ordered_file(_di()).replace(old, new, 1)
    with pytest.raises(UserError) as err:
        read_bpmn(data, "x.bpmn")
    problem = err.value.problems[0]
    assert problem.location.file == "x.bpmn" and problem.location.line >= 1
    assert "not well-formed XML" in problem.message


def test_a_duplicate_id_is_renamed_with_a_warning_and_the_model_loads() -> None:
    data = _file("""
<process id="p">
  <startEvent id="x"/><task id="x" name="T"/><endEvent id="e"/>
  <sequenceFlow id="f" sourceRef="x" targetRef="x"/><sequenceFlow id="f" sourceRef="x" targetRef="e"/>
</process>""")
    result = read_bpmn(data, "dup.bpmn")
    (p,) = result.system.processes
    assert [(s.id, s.kind) for s in p.steps] == [("x", "start"), ("x_2", "task"), ("e", "end")]
    assert [f.id for f in p.flow] == ["f", "f_2"]
    said = [w.message for w in result.warnings]
    assert "bpmn:task 'x': the id 'x' is used by another element too; read as 'x_2'" in said
    assert "bpmn:sequenceFlow 'f': the id 'f' is used by another element too; read as 'f_2'" in said
    again = read_bpmn(export_system(result.system), "again.bpmn")
    assert again.system == result.system and again.warnings == []
