"""A network's checks: located errors for members, duplicate ids, and inconsistent mappings."""

from __future__ import annotations

import shutil
from pathlib import Path

from qms.network.run import check_network_path
from tests.conftest import MODELS
from tests.network.conftest import LAMPPU, write_network


def _lines(path: Path) -> list[str]:
    return [p.format() for p in check_network_path(path)]


def test_the_example_network_has_only_the_deliberate_unit_gaps() -> None:
    problems = check_network_path(LAMPPU)
    assert [(p.severity, p.message.split(" (")[0]) for p in problems] == [
        ("warning", "measure M-S3 of sakk"),
        ("warning", "measure M-L4 of lappia"),
        ("warning", "measure M-S4 of sakk"),
    ]
    assert all(p.location.file.endswith("models/lamppu/network.yaml") and p.location.line for p in problems)


def test_a_member_that_is_not_a_system(tmp_path: Path) -> None:
    net = write_network(tmp_path / "n", "", members=["redu", str(tmp_path / "nothing")])
    (line,) = _lines(net)
    assert line.startswith(f"{net / 'network.yaml'}:5:5: error: member '{tmp_path / 'nothing'}' is not a system")
    assert "path does not exist" in line


def test_two_members_with_the_same_id(tmp_path: Path) -> None:
    shutil.copytree(MODELS / "sakk", tmp_path / "copy")
    net = write_network(tmp_path / "n", "", members=["sakk", str(tmp_path / "copy")])
    assert _lines(net) == [f"{net / 'network.yaml'}:5:5: error: two members have the id 'sakk' (members[0] and "
                           "members[1]) (each member is a different system; remove the duplicate or give it its "
                           "own `system:` id)"]


INDICATOR = """\
indicators:
  - id: lapaisy
    name: Läpäisy
    unit: "%"
    direction: higher
    measures: {redu: M-OP-55, sakk: M-S5}
  - id: kesto
    name: Rekrytoinnin kesto
    unit: "%"
    direction: higher
    measures: {redu: M-HR-1}
  - id: kuukausi
    name: Läpäisy kuukausittain
    unit: "%"
    direction: higher
    period: month
    measures: {sakk: M-S5, kao: M-K-LAP}
"""


def test_inconsistent_indicator_mappings_are_located(tmp_path: Path) -> None:
    net = write_network(tmp_path / "n", INDICATOR)
    file = net / "network.yaml"
    assert _lines(net) == [
        f"{file}:11:22: error: redu has no measure 'M-OP-55' for the indicator 'lapaisy' (did you mean 'M-OP-5'?)",
        f"{file}:16:22: error: measure M-HR-1 of redu (models/redu/processes/rekrytointi.yaml:125:5) is in 'pv', "
        "the indicator 'kesto' in '%' (report the indicator in its own unit, or map another measure)",
        f"{file}:16:22: error: measure M-HR-1 of redu (models/redu/processes/rekrytointi.yaml:125:5) has the target "
        "'<= 45 pv' (lower is better); the indicator 'kesto' is better higher (the same indicator must point the "
        "same way for every member)",
        f"{file}:22:22: error: measure M-S5 of sakk (models/sakk/processes/koulutuksen_suunnittelu.yaml:206:5) has "
        "results for '2012', not a month as the indicator 'kuukausi' has (write the results per month, or map "
        "another measure)",
        f"{file}:22:28: error: 'kao' is not a member of the network (the members are redu, sakk)",
    ]


def test_common_process_map_mapping(tmp_path: Path) -> None:
    body = """\
processes:
  - id: talous
    name: Talous
    category: support
    members: {redu: talousarvo, sakk: [talous_hallinto, talous2]}
"""
    net = write_network(tmp_path / "n", body)
    file = net / "network.yaml"
    assert _lines(net) == [
        f"{file}:10:21: error: redu has no process 'talousarvo' for the common process 'talous' "
        "(did you mean 'talousarvio'?)",
        f"{file}:10:57: error: sakk has no process 'talous2' for the common process 'talous' (a process id of sakk)",
    ]


def test_a_broken_network_file_is_a_located_load_error(tmp_path: Path) -> None:
    (tmp_path / "network.yaml").write_text("network: x\nname: X\nmembrs: [a]\n", encoding="utf-8")
    lines = _lines(tmp_path)
    assert any(line.startswith(f"{tmp_path / 'network.yaml'}:3:1: error: unknown key 'membrs'") for line in lines)
