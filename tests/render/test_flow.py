"""The swimlane flow: goldens, escaping, bands, shapes, links and languages."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from qms.model import Process, QualitySystem
from qms.render.dot import (
    draw_flow,
    draw_system,
)
from tests.render.conftest import TALOUSARVIO_BANDS

Golden = Callable[[str, str], None]


def test_flow_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_talousarvio.dot", draw_flow(mini.process("talousarvio"), mini).dot)


def test_flow_pdca_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_oppijan_polku_pdca.dot", draw_flow(mini.process("oppijan_polku"), mini, color="pdca").dot)


def test_flow_lane_colour_english_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_talousarvio_lane_en.dot", draw_flow(mini.process("talousarvio"), mini, color="lane", lang="en").dot)


def test_hostile_label_is_escaped_in_dot(hostile: Process) -> None:
    dot = draw_flow(hostile).dot
    labels = re.sub(r'tooltip="(?:[^"\\]|\\.)*"', "", dot)  # quoted strings may hold <b>
    assert 'tooltip="A <b>\\"x\\" & y</b> \\\\N' in dot
    assert "<b>" not in labels and "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in dot
    assert "čoahkkin ođđa máŋga Ruoŧŧa" in dot and "🎓" in dot
    for line in dot.splitlines():  # one statement per line: no raw newline inside a value
        assert line.rstrip().endswith((";", "{", "}")), line


def test_lanes_are_bands_in_process_order(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("talousarvio"), mini).dot
    bands = re.findall(r'id="((?:lane|pool)-[^"]+)"', dot)
    assert bands == TALOUSARVIO_BANDS


def test_pool_goes_above_when_its_partners_are_in_the_upper_lanes(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("oppijan_polku"), mini).dot
    bands = re.findall(r'id="((?:lane|pool)-[^"]+)"', dot)
    assert bands == ["pool-opiskelija", "lane-ofelas_ohjaaja", "lane-opettaja", "pool-tyopaikka"]


def test_shapes_follow_the_kinds(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("oppijan_polku"), mini).dot
    assert re.search(r'"jako" \[shape="diamond".*<B>\+</B>', dot)
    assert re.search(r'"tuki" \[shape="diamond".*<B>○</B>', dot)
    assert re.search(r'"odotus" \[shape="doublecircle".*◷', dot)
    assert re.search(r'"alku" \[shape="circle".*✉', dot)
    assert re.search(r'"loppu" \[shape="circle".*penwidth="3.2"', dot)
    assert re.search(r'"tyopaikalla" \[shape="box".*⊞', dot)
    talous = draw_flow(mini.process("talousarvio"), mini).dot
    assert re.search(r'"DataObjectReference_raami_raamilaskelma" \[shape="note"', talous)
    assert re.search(r'"DataStoreReference_seuranta_[^"]*" \[shape="cylinder"', talous)
    assert re.search(r'"Participant_okm" -> "raami" \[id="m_okm_raami", style="dashed".*arrowhead="empty"', talous)


def test_decision_branches_are_labelled(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("talousarvio"), mini).dot
    assert re.search(r'"raamissa" -> "esitykset_join" \[id="f_raamissa_esitykset"', dot)
    assert re.search(r'"label:f_raamissa_esitykset" \[.*label=<ei,<BR/>sopeutetaan>, shape="plaintext"', dot)


def test_call_links_to_described_processes_only(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("oppijan_polku"), mini).dot
    assert "URL" not in dot  # ennakointi is a stub
    assert 'URL="ennakointi.svg"' in draw_flow(mini.process("oppijan_polku"), mini, link_stubs=True).dot


def test_unknown_colour_mode_is_refused(mini: QualitySystem) -> None:
    with pytest.raises(ValueError, match="color must be one of"):
        draw_flow(mini.process("talousarvio"), mini, color="rainbow")


def test_sami_labels_and_fallbacks_are_counted(mini: QualitySystem) -> None:
    d = draw_flow(mini.process("oppijan_polku"), mini, lang="se")
    assert "Oahppi bálggis" in d.dot and "Ofelaš-bagadeapmi" in d.dot and "Oahpaheaddji" in d.dot
    assert ("fi", "Hakemus saapuu") in d.fallbacks
    assert ("fi", "Oahppi bálggis") not in d.fallbacks


def test_default_language_has_no_fallbacks(mini: QualitySystem) -> None:
    assert all(not d.fallbacks for d in draw_system(mini))


def test_english_fallbacks_are_exact(mini: QualitySystem) -> None:
    d = draw_flow(mini.process("talousarvio"), mini, lang="en")
    assert ("fi", "Raamilaskelma") in d.fallbacks  # a plain string is the default language
    assert all(lang == "fi" for lang, _ in d.fallbacks)
    assert "Monthly report" in d.dot


def test_steps_link_to_their_rows_when_asked(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("talousarvio"), mini, step_href="p.html#{process}-{step}").dot
    assert re.search(r'"raami" \[.*URL="p.html#talousarvio-raami"', dot)
    assert "URL" not in draw_flow(mini.process("talousarvio"), mini).dot
