"""BPMN drawn in other tools: import then export gives the same semantic XML (up to DI and order)."""

from __future__ import annotations

import glob
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from qms.bpmn import export_system
from qms.bpmn.read import read_bpmn
from qms.bpmn.tags import BPMN, QMS
from tests.conftest import SHARED, needs_shared

CHECKER = SHARED / "oracles" / "check-bpmn"
CORPUS = SHARED / "bpmn-corpus"

_TASKS = ["task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
          "businessRuleTask"]
_GATEWAYS = ["exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"]
_TRIGGERS = ["message", "timer", "signal", "conditional", "escalation", "error", "compensate", "link"]
_LOOPS = ['<standardLoopCharacteristics/>', '<multiInstanceLoopCharacteristics isSequential="true"/>',
          '<multiInstanceLoopCharacteristics/>']
_EXT = '<extensionElements><x:prop xmlns:x="urn:other" key="k">v</x:prop></extensionElements>'
_names = st.one_of(st.just(""), st.text("abcäö ", min_size=1, max_size=8).map(str.strip))


@st.composite
def _activity(draw: st.DrawFn, ident: str) -> str:
    tag = draw(st.sampled_from(_TASKS))
    name = draw(_names)
    attrs = f' name="{name}"' if name else ""
    if draw(st.booleans()):
        attrs += ' x:flag="yes" xmlns:x="urn:other"'
    doc = "<documentation>Ohje</documentation>" if draw(st.booleans()) else ""
    ext = _EXT if draw(st.booleans()) else ""
    loop = draw(st.sampled_from(["", *_LOOPS]))
    return f'<{tag} id="{ident}"{attrs}>{doc}{ext}{loop}</{tag}>'


@st.composite
def foreign_files(draw: st.DrawFn) -> bytes:
    """A process of a chain of activities and gateways, with a sub-process, a boundary event and lanes."""
    n = draw(st.integers(1, 5))
    parts: list[str] = ['<startEvent id="start"/>']
    chain = ["start"]
    for i in range(n):
        if draw(st.booleans()):
            parts.append(draw(_activity(f"a{i}")))
        else:
            tag = draw(st.sampled_from(_GATEWAYS))
            name = draw(_names)
            parts.append(f'<{tag} id="a{i}"' + (f' name="{name}"/>' if name else "/>"))
        chain.append(f"a{i}")
    inner = draw(_activity("inner"))
    if draw(st.booleans()):  # a sub-process in the sub-process
        deep = draw(_activity("deep"))
        inner = (f'<subProcess id="inner" name="Sisempi"><startEvent id="s3"/>{deep}'
                 '<sequenceFlow id="g3" sourceRef="s3" targetRef="deep"/></subProcess>')
    parts.append(f'<subProcess id="sub" name="Ali"><startEvent id="s2"/>{inner}<endEvent id="e2"/>'
                 '<sequenceFlow id="g1" sourceRef="s2" targetRef="inner"/>'
                 '<sequenceFlow id="g2" sourceRef="inner" targetRef="e2"/></subProcess>')
    chain.append("sub")
    trigger = draw(st.sampled_from(_TRIGGERS))
    cancel = ' cancelActivity="false"' if draw(st.booleans()) else ""
    parts.append(f'<boundaryEvent id="b" attachedToRef="sub"{cancel}><{trigger}EventDefinition id="bd"/>'
                 '</boundaryEvent>')
    end_trigger = draw(st.sampled_from(["", "terminate", "error", "message"]))
    definition = f'<{end_trigger}EventDefinition id="ed"/>' if end_trigger else ""
    parts.append(f'<endEvent id="end" name="Valmis">{definition}</endEvent>')
    parts.append('<endEvent id="end2"/>')
    chain.append("end")
    flows = [f'<sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>'
             for i, (a, b) in enumerate(zip(chain, chain[1:], strict=False))]
    flows.append('<sequenceFlow id="fb" sourceRef="b" targetRef="end2"/>')
    lanes = ""
    if draw(st.booleans()):
        refs = "".join(f"<flowNodeRef>{x}</flowNodeRef>" for x in chain)
        lanes = f'<laneSet id="ls"><lane id="l1" name="Opettaja">{refs}</lane><lane id="l2" name="Tyhjä"/></laneSet>'
    group = '<group id="grp" categoryValueRef="cv"/>' if draw(st.booleans()) else ""
    body = f'<process id="p" name="P">{lanes}{"".join(parts)}{"".join(flows)}{group}</process>'
    if draw(st.booleans()):  # in a pool, with a message from a pool of its own
        body = ('<collaboration id="c"><participant id="pool" name="Oppilaitos" processRef="p"/>'
                '<participant id="student" name="Opiskelija"/>'
                '<messageFlow id="mf" name="Hakemus" sourceRef="student" targetRef="start"/></collaboration>' + body)
    return (f'<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="{BPMN}" id="d" targetNamespace="urn:x">'
            f"{body}</definitions>").encode()


_SKIP = frozenset(f"{{{BPMN}}}{t}" for t in ("incoming", "outgoing", "flowNodeRef", "laneSet", "lane", "process"))


def semantic(data: bytes) -> set[tuple[str, ...]]:
    """The elements of the processes without DI, qms's own data or order: (path of ids, tag, attributes, text),
    and the message flows by id and the flow node they touch."""
    root = etree.fromstring(data)
    nodes = {el.get("id") for proc in root.iter(f"{{{BPMN}}}process") for el in proc.iter() if el.get("id")}
    out: set[tuple[str, ...]] = {("message", m.get("id", ""), *sorted({m.get("sourceRef"), m.get("targetRef")} & nodes))
                                 for m in root.iter(f"{{{BPMN}}}messageFlow")}
    for proc in root.iter(f"{{{BPMN}}}process"):
        for el in proc.iter():
            tag = el.tag
            if not isinstance(tag, str) or tag.startswith(f"{{{QMS}}}") or tag in _SKIP:
                continue
            if tag == f"{{{BPMN}}}extensionElements" and all(
                    isinstance(x.tag, str) and x.tag.startswith(f"{{{QMS}}}") for x in el):
                continue
            owner = next((a.get("id") for a in el.iterancestors() if a.get("id")), "")
            attrs = sorted((k, v) for k, v in el.attrib.items() if not k.startswith(f"{{{QMS}}}"))
            out.add((owner or "", tag, repr(attrs), (el.text or "").strip()))
    return out


@settings(max_examples=60, deadline=None)
@given(foreign_files())
def test_import_then_export_gives_the_same_semantic_xml(data: bytes) -> None:
    result = read_bpmn(data, "drawn.bpmn")
    out = export_system(result.system)
    assert semantic(out) == semantic(data)


@needs_shared("oracles/check-bpmn")
@needs_shared("bpmn-corpus")
@pytest.mark.needs_shared
@pytest.mark.slow
def test_exports_of_the_corpus_pass_every_oracle_the_original_passes(tmp_path: Path) -> None:
    originals = sorted(Path(p) for p in glob.glob(str(CORPUS / "**" / "*.bpmn"), recursive=True))
    pairs = []
    for path in originals:
        out = tmp_path / "exports" / str(path.relative_to(CORPUS)).replace("/", "__")
        out.parent.mkdir(exist_ok=True)
        out.write_bytes(export_system(read_bpmn(path.read_bytes(), str(path)).system))
        pairs.append((path, out))
    verdicts = {}
    for name, files in (("before", [p for p, _ in pairs]), ("after", [o for _, o in pairs])):
        report = tmp_path / f"{name}.json"
        subprocess.run(["bash", str(CHECKER), "--only", "xsd,moddle,lint", "--json", str(report), *map(str, files)],
                       capture_output=True, text=True, timeout=900, check=False)
        verdicts[name] = json.loads(report.read_text(encoding="utf-8"))["results"]
    worse = [(str(p.relative_to(CORPUS)), oracle, verdicts["after"][str(o)][oracle]["details"][:3])
             for p, o in pairs for oracle in ("xsd", "moddle", "lint")
             if verdicts["before"][str(p)][oracle]["status"] == "pass"
             and verdicts["after"][str(o)][oracle]["status"] != "pass"]
    assert worse == []
