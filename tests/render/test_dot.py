"""Tests of qms/render/dot.py: deterministic DOT, escaping, languages, layout rules."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qms.errors import UserError
from qms.model import Process, QualitySystem
from qms.render.dot import (
    Diagram,
    draw_cycle,
    draw_flow,
    draw_hierarchy,
    draw_map,
    draw_system,
    html_text,
    pin_bands,
    quote,
    wrap,
)

Golden = Callable[[str, str], None]


# --- goldens ----------------------------------------------------------------------------------


def test_flow_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_talousarvio.dot", draw_flow(mini.process("talousarvio"), mini).dot)


def test_flow_pdca_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_oppijan_polku_pdca.dot", draw_flow(mini.process("oppijan_polku"), mini, color="pdca").dot)


def test_flow_lane_colour_english_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("flow_talousarvio_lane_en.dot", draw_flow(mini.process("talousarvio"), mini, color="lane", lang="en").dot)


def test_map_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("map.dot", draw_map(mini).dot)


def test_hierarchy_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("hierarchy.dot", draw_hierarchy(mini).dot)


def test_cycle_golden(mini: QualitySystem, golden: Golden) -> None:
    golden("vuosikello.dot", draw_cycle(mini).dot)


def test_drawing_twice_gives_the_same_text(mini: QualitySystem) -> None:
    assert [d.dot for d in draw_system(mini, color="pdca")] == [d.dot for d in draw_system(mini, color="pdca")]


# --- text ------------------------------------------------------------------------------------


def test_wrap_keeps_words_and_newlines() -> None:
    assert wrap("Talousarvio- ja taloussuunnitelmaehdotus") == ["Talousarvio- ja", "taloussuunnitelmaehdotus"]
    assert wrap("yksi\nkaksi") == ["yksi", "kaksi"]
    assert all(len(line) <= 22 for line in wrap("Käyttösuunnitelmat ja tulostavoitteet tulosalueille"))


def test_quote_neutralises_graphviz_escapes() -> None:
    assert quote('a"b') == '"a\\"b"'
    assert quote("x\\N") == '"x\\\\N"'
    assert quote("a\nb") == '"a\\nb"'


@given(st.text())
def test_html_text_leaves_no_markup(text: str) -> None:
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert re.sub(r"&(amp|lt|gt|quot|#39);", "", escaped).count("&") == 0


def test_hostile_label_is_escaped_in_dot(hostile: Process) -> None:
    dot = draw_flow(hostile).dot
    labels = re.sub(r'tooltip="(?:[^"\\]|\\.)*"', "", dot)  # quoted strings may hold <b>
    assert 'tooltip="A <b>\\"x\\" & y</b> \\\\N' in dot
    assert "<b>" not in labels and "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in dot
    assert "čoahkkin ođđa máŋga Ruoŧŧa" in dot and "🎓" in dot
    for line in dot.splitlines():  # one statement per line: no raw newline inside a value
        assert line.rstrip().endswith((";", "{", "}")), line


# --- flow structure ----------------------------------------------------------------------------


def test_lanes_are_bands_in_process_order(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("talousarvio"), mini).dot
    bands = re.findall(r'id="((?:lane|pool)-[^"]+)"', dot)
    assert bands == [
        "lane-yhtymavaltuusto",
        "lane-yhtymahallitus",
        "lane-johtoryhma",
        "lane-tulosaluejohtaja",
        "lane-talouspalvelut",
        "pool-okm",
        "pool-omistajakunnat",
    ]


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
    assert re.search(r'"ref:raami:raamilaskelma" \[shape="note"', talous)
    assert re.search(r'"ref:seuranta:ds_bi" \[shape="cylinder"', talous)
    assert re.search(r'"okm" -> "raami"|"msg:m_okm_raami" -> "raami" \[style="dashed".*arrowhead="empty"', talous)


def test_decision_branches_are_labelled(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("talousarvio"), mini).dot
    assert re.search(r'"raamissa" -> "esitykset" \[id="f_raamissa_esitykset".*label=<ei, sopeutetaan>', dot)


def test_call_links_to_described_processes_only(mini: QualitySystem) -> None:
    dot = draw_flow(mini.process("oppijan_polku"), mini).dot
    assert "URL" not in dot  # ennakointi is a stub
    assert 'URL="ennakointi.svg"' in draw_flow(mini.process("oppijan_polku"), mini, link_stubs=True).dot


def test_unknown_colour_mode_is_refused(mini: QualitySystem) -> None:
    with pytest.raises(ValueError, match="color must be one of"):
        draw_flow(mini.process("talousarvio"), mini, color="rainbow")


# --- languages -----------------------------------------------------------------------------------


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


# --- map, hierarchy, cycle ---------------------------------------------------------------------


def test_map_orders_bands_and_value_chain(mini: QualitySystem) -> None:
    dot = draw_map(mini).dot
    assert re.findall(r'id="band-(\w+)"', dot) == ["management", "core", "support"]
    row = re.search(r'\{rank=same; "map:need"; (.*?) "map:result";\}', dot)
    assert row is not None and row.group(1) == '"ennakointi"; "oppijan_polku";'
    assert '"oppijan_polku" [label=' in dot and 'shape="cds"' in dot


def test_map_links_use_the_pattern(mini: QualitySystem) -> None:
    dot = draw_map(mini, href="processes/{id}.html", link_stubs=True).dot
    assert 'URL="processes/talousarvio.html"' in dot and 'URL="processes/strategia.html"' in dot
    assert 'HREF="processes/palautekysely.html"' in dot  # a sub-process row in its parent's box
    gallery = draw_map(mini).dot
    assert 'URL="talousarvio.svg"' in gallery and "strategia.svg" not in gallery


def test_hierarchy_hangs_subprocesses_under_their_parent(mini: QualitySystem) -> None:
    dot = draw_hierarchy(mini).dot
    assert '"laadunhallinta" -> "palautekysely"' in dot
    assert '"h:management" -> "strategia"' in dot  # its only group holds the whole category


def test_cycle_starts_at_the_cycle_start_month_and_pins_every_node(mini: QualitySystem) -> None:
    d = draw_cycle(mini)
    assert d.engine == "neato"
    ring = re.findall(r'"cycle:tick:(\d+)" -> "cycle:tick:(\d+)"', d.dot)
    assert ring[0] == ("8", "9") and ring[-1] == ("7", "8")
    nodes = re.findall(r'^\s*"cycle:[^"]+" \[.*$', d.dot, re.M)
    assert nodes and all(re.search(r'pos="-?[\d.]+,-?[\d.]+!"', n) for n in nodes)
    assert "Amispalaute" in d.dot.split('"cycle:centre"')[1].split("\n")[0]  # continuous → centre


def test_cycle_without_annual_cycle_is_refused(mini: QualitySystem) -> None:
    with pytest.raises(ValueError, match="no annual_cycle"):
        draw_cycle(mini.model_copy(update={"annual_cycle": None}))


def test_draw_system_skips_stubs_and_names_files(mini: QualitySystem) -> None:
    names = [d.filename("svg") for d in draw_system(mini)]
    assert names == [
        "oppijan_polku.svg",
        "palautekysely.svg",
        "talousarvio.svg",
        "map.svg",
        "hierarchy.svg",
        "vuosikello.svg",
    ]


def test_draw_system_refuses_a_process_named_like_a_system_diagram(mini: QualitySystem) -> None:
    clash = mini.process("talousarvio").model_copy(update={"process": "map"})  # type: ignore[union-attr]
    system = mini.model_copy(update={"processes": [clash]})
    with pytest.raises(UserError, match="process id 'map'"):
        draw_system(system)
    assert [d.name for d in draw_system(system, ["flow"])] == ["map"]


# --- second layout stage -------------------------------------------------------------------------


def test_pin_bands_stacks_bands_in_order_and_crops_them() -> None:
    dot = (
        'digraph "p" {\n'
        '  subgraph "cluster_0" {\n    graph [id="lane-a"];\n    "x" [label="X"];\n  }\n'
        '  subgraph "cluster_1" {\n    graph [id="lane-b"];\n    "y" [label="Y"];\n  }\n'
        '  "x" -> "y" [id="f"];\n  "x" -> "y" [style="invis"];\n}\n'
    )
    layout = {  # dot put band 1 above band 0
        "_subgraph_cnt": 2,
        "objects": [
            {"name": "cluster_0", "bb": "0,0,100,50", "id": "lane-a", "nodes": [2]},
            {"name": "cluster_1", "bb": "0,100,80,150", "id": "lane-b", "nodes": [3]},
            {"_gvid": 2, "name": "x", "pos": "50,25", "height": "0.5"},
            {"_gvid": 3, "name": "y", "pos": "40,125", "height": "0.5"},
        ],
    }
    out = pin_bands(dot, layout)
    bb = dict(re.findall(r'subgraph "cluster_(\d)" \{\n\s*graph \[bb="([^"]+)"', out))
    top0, top1 = float(bb["0"].split(",")[3]), float(bb["1"].split(",")[3])
    bottom0 = float(bb["0"].split(",")[1])
    assert top0 > top1 and bottom0 >= top1  # band 0 above band 1, no overlap
    assert bb["0"].split(",")[0::2] == bb["1"].split(",")[0::2]  # same width
    assert 'style="invis"' not in out and '"x" -> "y" [id="f"];' in out
    assert re.search(r'"x" \[pos="50.00,[\d.]+", label="X"\];', out)


def test_diagram_filename() -> None:
    assert Diagram("talousarvio", "flow", "").filename("png") == "talousarvio.png"
