"""The network site: the report, and a rebuild after one edit that summarises only that member again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from qms.network.site import CACHE_FILE, build_network, build_network_site
from tests.conftest import MODELS
from tests.network.conftest import write_network


def _network(tmp_path: Path) -> Path:
    for name in ("kao", "sakk"):
        shutil.copytree(MODELS / name, tmp_path / name)
    body = """\
indicators:
  - {id: tyytyvaisyys, name: Työpaikkojen tyytyväisyys, unit: ka 1–5, direction: higher, measures: {kao: M-K-TP}}
"""
    return write_network(tmp_path / "net", body, members=[str(tmp_path / "kao"), str(tmp_path / "sakk")])


def test_rebuild_after_one_edit_summarises_one_member(tmp_path: Path) -> None:
    net, out = _network(tmp_path), tmp_path / "out"
    first = build_network_site(net, out)
    assert len(first.summarised) == 2
    html = (out / "index.html").read_bytes()
    assert b"<svg" in html and b"M-K-TP" in html
    again = build_network_site(net, out)
    assert again.summarised == []
    assert (out / "index.html").read_bytes() == html
    file = tmp_path / "kao" / "processes" / "opiskelijan_polku.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace('value: 4.2}]', 'value: 4.4}]'), encoding="utf-8")
    edited = build_network_site(net, out)
    assert edited.summarised == [str(tmp_path / "kao")]
    data = json.loads((out / "network.json").read_text(encoding="utf-8"))
    assert data["indicators"][0]["members"]["kao"]["results"][-1] == {"period": "2011", "value": 4.4}


def test_a_stale_or_broken_cache_is_ignored(tmp_path: Path) -> None:
    net, out = _network(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert len(build_network_site(net, out).summarised) == 2


def test_build_network_builds_each_member_and_links_it(tmp_path: Path) -> None:
    net, out = _network(tmp_path), tmp_path / "out"
    made: list[tuple[Path, Path]] = []

    def member(folder: Path, target: Path) -> str:
        made.append((folder, target))
        target.mkdir(parents=True)
        (target / "index.html").write_text("handbook", encoding="utf-8")
        return "ok"

    site = build_network(net, out, member)
    assert made == [(tmp_path / "kao", out / "kao"), (tmp_path / "sakk", out / "sakk")]
    assert site.built == {"kao": "ok", "sakk": "ok"}
    assert b'href="kao/index.html"' in (out / "index.html").read_bytes()
