"""The dated framework catalogue, and the located errors for references to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qms.check.criteria import CRITERIA
from qms.load import load
from qms.model.frameworks import FRAMEWORKS, SELF_ASSESSMENT_MODELS, framework, in_force

HEAD = "system: s\nname: S\nas_of: 2026-03-01\nprovider: {id: s, name: S}\n"


def test_versions_follow_each_other_without_gaps_inside_a_framework() -> None:
    for fw in FRAMEWORKS:
        dates = [(v.since, v.until) for v in fw.versions]
        assert dates == sorted(dates), fw.id
        for (_, until), (since, _) in zip(dates, dates[1:], strict=False):
            assert until is not None and since <= until + dt.timedelta(days=1), fw.id


def test_every_criterion_refers_to_versions_of_its_own_framework() -> None:
    for c in CRITERIA:
        fw = framework(c.framework)
        assert fw is not None, c.id
        assert c.refs and set(c.refs) <= {v.id for v in fw.versions}, c.id


@pytest.mark.parametrize(("day", "law", "iso", "eqavet"), [
    (dt.date(2013, 1, 31), "630/1998", "9001:2008", "2009"),   # Lappia
    (dt.date(2014, 3, 1), "630/1998", "9001:2008", "2009"),    # SAKK
    (dt.date(2017, 12, 31), "630/1998", "9001:2015", "2009"),  # both ISO versions valid: the newer applies
    (dt.date(2018, 1, 1), "531/2017", "9001:2015", "2009"),    # 531/2017 and its 126 § from 2018
    (dt.date(2026, 3, 1), "531/2017", "9001:2015", "2020"),    # REDU
])
def test_as_of_selects_the_versions_in_force(day: dt.date, law: str, iso: str, eqavet: str) -> None:
    versions = in_force(day)
    assert (versions["FI-LAW"].id, versions["ISO"].id, versions["EQAVET"].id) == (law, iso, eqavet)  # type: ignore[union-attr]


def test_karvis_scale_is_puuttuva_alkava_kehittynyt_edistynyt() -> None:
    for model in SELF_ASSESSMENT_MODELS:
        assert model.scale == ("puuttuva", "alkava", "kehittynyt", "edistynyt")


def _problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "system.yaml").write_text(HEAD + text, encoding="utf-8")
    return [f"{p.location.line if p.location else 0}: {p.message} ({p.hint})" for p in load(folder).problems
            if p.severity == "error"]


def test_the_wrong_karvi_word_is_a_located_error_with_the_right_one(tmp_path: Path) -> None:
    text = "self_assessment:\n  framework: Karvi-2022\n  items:\n    - {id: SA-1, area: A, level: kehittyva}\n"
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith("8: ") and "Karvi's scale says 'kehittynyt'" in problem


def test_an_unknown_self_assessment_model_suggests_the_known_one(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, "self_assessment:\n  framework: Karvi-2023\n")
    assert problem.startswith("6: ") and "did you mean 'Karvi-2022'?" in problem


def test_every_unknown_framework_or_version_is_reported(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, "checks:\n  frameworks: {ISOO: '9001:2015', EFQM: '2021'}\n")
    assert "unknown framework 'ISOO' (did you mean 'ISO'?)" in problem
    assert "EFQM has no version '2021'" in problem


def test_an_item_names_an_area_of_its_model_and_data_that_exist(tmp_path: Path) -> None:
    text = ("measures:\n  - {id: M-1, name: M}\nself_assessment:\n  framework: Karvi-2022\n  items:\n"
            "    - {id: SA-1, area: A, area_id: K9, level: alkava, measures: [M-2], evaluations: [EA-1]}\n")
    problems = _problems(tmp_path, text)
    assert [p.split(":")[0] for p in problems] == ["10", "10", "10"]
    assert any("'K9'" in p and "K1, K2, K3, K4, K5" in p for p in problems)
    assert any("unknown measure 'M-2' (did you mean 'M-1'?)" in p for p in problems)
    assert any("unknown evaluation 'EA-1'" in p for p in problems)
