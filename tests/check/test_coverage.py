"""The criteria coverage report: statuses earned by evidence, dated frameworks, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qms.check import coverage
from qms.check.config import resolve_config
from qms.check.coverage import STATUSES, CoverageReport, format_coverage_json, format_coverage_text
from qms.check.criteria import CRITERIA, FRAMEWORKS
from qms.check.engine import check
from qms.check.registry import RULES
from qms.load import load
from qms.model import Process, QualitySystem
from tests.conftest import MODELS

SYSTEM = "system: s\nname: Demo\nas_of: 2026-03-01\nprovider: {id: s, name: S}\n"
DESCRIBED = """process: poikkeamat
name: Poikkeamat
category: support
owner: laatu
tags: [deviation_handling]
inputs: [Palaute]
outputs: [Korjaava toimenpide]
steps:
  - {id: alku, start: Palaute saapuu, lane: laatu}
  - {id: kasittely, task: Käsittely, lane: laatu, pdca: check}
  - {id: korjaus, task: Korjaus, lane: laatu, pdca: act}
  - {id: loppu, end: Käsitelty, lane: laatu}
flow: [alku -> kasittely -> korjaus -> loppu]
"""
STUB = "process: {id}\nname: {id}\ncategory: support\ntags: [deviation_handling]\n"


def _system(tmp_path: Path, extra: str = "", head: str = SYSTEM, **processes: str) -> QualitySystem:
    folder = tmp_path / "s"
    (folder / "processes").mkdir(parents=True)
    (folder / "system.yaml").write_text(head + extra, encoding="utf-8")
    for name, text in processes.items():
        (folder / "processes" / f"{name}.yaml").write_text(text, encoding="utf-8")
    loaded = load(folder)
    assert loaded.system is not None and not [p for p in loaded.problems if p.severity == "error"], loaded.problems
    return loaded.system


def _report(system: QualitySystem, **kw: object) -> CoverageReport:
    config = resolve_config(system, RULES, **kw)  # type: ignore[arg-type]
    result = check(system, config)
    return coverage(system, result.findings, settings=config.settings)


def test_every_criterion_appears_once_per_framework_in_order(tmp_path: Path) -> None:
    report = _report(_system(tmp_path))
    assert [fw.id for fw in report.frameworks] == list(FRAMEWORKS)
    ids = [c.criterion.id for fw in report.frameworks for c in fw.criteria]
    assert ids == [c.id for c in CRITERIA]
    assert all(c.status in STATUSES for fw in report.frameworks for c in fw.criteria)


def test_no_evidence_is_not_met_and_points_at_the_finding(tmp_path: Path) -> None:
    item = _report(_system(tmp_path)).get("ISO-10.2")
    assert item is not None and item.status == "not met"
    assert item.evidence == ()
    assert [p.text.split(":")[0] for p in item.pointers] == ["Q410 deviation-handling"]
    assert "a described process for deviations and complaints" in item.note


def test_a_tagged_stub_is_never_evidence(tmp_path: Path) -> None:
    report = _report(_system(tmp_path, poikkeamat=STUB.format(id="poikkeamat")))
    assert report.get("ISO-10.2").status == "not met"  # type: ignore[union-attr]


def test_a_described_process_is_evidence_and_the_report_points_at_it(tmp_path: Path) -> None:
    roles = "roles:\n  - {id: laatu, name: Laatu}\n"
    item = _report(_system(tmp_path, roles, poikkeamat=DESCRIBED)).get("ISO-10.2")
    assert item is not None and item.status == "met"
    (shown,) = item.evidence
    assert shown.ref == "poikkeamat" and shown.file.endswith("poikkeamat.yaml") and shown.line > 0


def test_per_process_criteria_count_n_of_m_and_stubs_count_against(tmp_path: Path) -> None:
    roles = "roles:\n  - {id: laatu, name: Laatu}\n"
    system = _system(tmp_path, roles, poikkeamat=DESCRIBED, tilat=STUB.format(id="tilat"))
    item = _report(system).get("ISO-4.4-a")
    assert item is not None and item.status == "partly met"
    assert (item.shown, item.items) == (1, 2)
    assert "process tilat" in item.note


def test_criteria_that_do_not_apply_say_why(tmp_path: Path) -> None:
    item = _report(_system(tmp_path)).get("FI-QMS-14")
    assert item is not None and item.status == "not applicable"
    assert item.note == "the provider has no special tasks"


def test_human_criterion_needs_evidence_until_a_record_names_it(tmp_path: Path) -> None:
    assert _report(_system(tmp_path)).get("FI-LAW-3").status == "needs evidence"  # type: ignore[union-attr]
    extra = ("evidence:\n  - {id: EV-1, kind: external_evaluation_report, title: Karvi 2022, date: 2022-05-03,\n"
             "     criteria: [FI-LAW-3]}\n")
    shown = _report(_system(tmp_path / "b", extra)).get("FI-LAW-3")
    assert shown is not None and shown.status == "met"
    assert shown.evidence[0].kind == "evidence" and shown.evidence[0].ref == "EV-1"


def test_expired_evidence_does_not_count(tmp_path: Path) -> None:
    extra = ("evidence:\n  - {id: EV-1, kind: external_evaluation_report, title: Karvi 2015, date: 2015-05-03,\n"
             "     valid_until: 2021-12-31, criteria: [FI-LAW-3]}\n")
    item = _report(_system(tmp_path, extra)).get("FI-LAW-3")
    assert item is not None and item.status == "needs evidence"
    assert "EV-1 is no longer valid" in item.note


def test_semi_criterion_shown_by_the_model_needs_a_record(tmp_path: Path) -> None:
    extra = ("roles:\n  - {id: r, name: R, qms_owner: true}\n"
             "development_plan:\n  id: KS\n  name: KS\n  actions:\n    - {id: A-1, name: A, owner: r, due: 2026-12-31}\n")
    item = _report(_system(tmp_path, extra)).get("FI-LAW-2")
    assert item is not None and item.status == "needs evidence"
    assert (item.shown, item.items) == (2, 2)
    recorded = extra + "evidence:\n  - {id: EV-1, kind: meeting_minutes, title: Hallitus, criteria: [FI-LAW-2]}\n"
    assert _report(_system(tmp_path / "b", recorded)).get("FI-LAW-2").status == "met"  # type: ignore[union-attr]


def test_switching_rules_off_changes_no_status(tmp_path: Path) -> None:
    system = _system(tmp_path)
    full = {c.criterion.id: c.status for fw in _report(system).frameworks for c in fw.criteria}
    some = {c.criterion.id: c.status for fw in _report(system, select=["S001"]).frameworks for c in fw.criteria}
    assert some == full


def test_a_single_process_file_leaves_system_criteria_not_assessed(tmp_path: Path) -> None:
    path = tmp_path / "poikkeamat.yaml"
    path.write_text(DESCRIBED.replace("owner: laatu\n", "").replace(", lane: laatu", ""), encoding="utf-8")
    loaded = load(path)
    assert loaded.system is not None and loaded.standalone
    result = check(loaded.system, standalone=True)
    report = coverage(loaded.system, result.findings, standalone=True)
    assert report.get("FI-QMS-10").status == "not assessed"  # type: ignore[union-attr]
    assert report.get("ISO-4.4-a").status == "met"  # type: ignore[union-attr]


def test_frameworks_are_dated_by_as_of(tmp_path: Path) -> None:
    head = SYSTEM.replace("2026-03-01", "2014-03-01")
    report = _report(_system(tmp_path, head=head))
    versions = {fw.id: (fw.version, fw.in_force) for fw in report.frameworks}
    assert versions == {"FI-LAW": ("630/1998", True), "FI-QMS": ("2014", True), "EQAVET": ("2009", True),
                        "ISO": ("9001:2008", True), "EFQM": ("2013", True), "CAF": (None, False)}
    assert report.get("FI-LAW-2").status == "not applicable"  # type: ignore[union-attr]
    assert "Criteria of 2015" in report.get("FI-QMS-2").ref  # type: ignore[union-attr]
    earlier = _report(_system(tmp_path / "2012", head=SYSTEM.replace("2026-03-01", "2012-03-01")))
    assert {fw.id: fw.version for fw in earlier.frameworks}["FI-QMS"] == "2011"
    # Before the criteria of 2014 existed, nothing cites them, and levels of a self-assessment are not asked.
    assert all("2015" not in c.ref for fw in earlier.frameworks for c in fw.criteria)
    assert earlier.get("FI-QMS-2").ref == "qms, after OPH quality recommendation 2008 (leadership)"  # type: ignore[union-attr]
    assert earlier.get("FI-QMS-12").status == "not applicable"  # type: ignore[union-attr]
    assert report.get("ISO-4.4-f").status == "not applicable"  # type: ignore[union-attr]
    assert report.get("ISO-9.2").ref == "ISO 9001:2008 8.2.2"  # type: ignore[union-attr]


def test_findings_of_frameworks_not_in_force_are_dropped_and_the_rest_cite_their_version(tmp_path: Path) -> None:
    process = DESCRIBED.replace("owner: laatu\n", "")
    head = SYSTEM.replace("2026-03-01", "2014-03-01")
    roles = "roles:\n  - {id: laatu, name: Laatu}\n"
    findings = check(_system(tmp_path, roles, head=head, poikkeamat=process)).findings
    codes = {f.code for f in findings}
    assert "Q105" not in codes  # risks per process: ISO 9001:2015 only
    q101 = next(f for f in findings if f.code == "Q101")
    assert q101.refs == ("ISO 9001:2008 5.5.1", "EQAVET 2009: planning phase")
    later = check(_system(tmp_path / "b", roles, poikkeamat=process)).findings
    assert "Q105" in {f.code for f in later}


def test_a_pin_selects_the_version_and_a_pin_not_in_force_is_a_warning(tmp_path: Path) -> None:
    head = SYSTEM.replace("2026-03-01", "2014-03-01")
    pinned = _system(tmp_path, "checks:\n  frameworks: {ISO: '9001:2015', EFQM: 'off'}\n", head=head)
    report = _report(pinned)
    iso = next(fw for fw in report.frameworks if fw.id == "ISO")
    assert (iso.version, iso.in_force) == ("9001:2015", False)
    findings = check(pinned).findings
    (warning,) = [f for f in findings if f.code == "config"]
    assert "ISO 9001:2008 was" in warning.message and warning.line == 6


def test_an_unknown_framework_or_version_is_a_located_load_error(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "system.yaml").write_text(SYSTEM + "checks:\n  frameworks: {ISO: '9001:2016'}\n", encoding="utf-8")
    (problem,) = [p for p in load(folder).problems if p.severity == "error"]
    assert "ISO has no version '9001:2016' (did you mean '9001:2015'?)" in problem.message
    assert problem.location is not None and problem.location.line == 6


def test_formats_in_three_languages(tmp_path: Path) -> None:
    report = _report(_system(tmp_path))
    text = format_coverage_text([report])
    assert text.startswith("Criteria coverage: Demo (s) (as of 2026-03-01)\n")
    assert "not a verdict of compliance and not a maturity level" in text
    assert "  ✗ ISO-10.2     not met" in text and "[ISO 9001:2015 10.2]" in text
    fi = format_coverage_text([report], lang="fi")
    assert fi.startswith("Kriteerien kattavuus: Demo (s) (tilanne 2026-03-01)\n")
    assert "ei täyty" in fi and "Poikkeamat, valitukset ja palautteet käsitellään" in fi
    assert "uppfyllt" in format_coverage_text([report], lang="sv")
    data = json.loads(format_coverage_json([report]))
    assert data["version"] == 1
    (one,) = data["coverage"]
    assert list(one) == ["system", "name", "as_of", "summary", "frameworks"]
    fw = one["frameworks"][0]
    assert {"id", "name", "version", "in_force", "criteria"} <= set(fw)
    crit = fw["criteria"][0]
    assert {"id", "title", "ref", "source", "status", "evidence", "pointers", "rules", "note"} <= set(crit)


def test_redu_coverage() -> None:
    system = load(MODELS / "redu").system
    assert system is not None
    report = _report(system)
    status = {c.criterion.id: c for fw in report.frameworks for c in fw.criteria}
    assert status["FI-LAW-3"].status == "met"                # EV-01, Karvi 2022
    assert status["ISO-4.4-a"].status == "partly met"        # six of eleven processes are stubs
    assert (status["ISO-4.4-a"].shown, status["ISO-4.4-a"].items) == (5, 11)
    assert status["ISO-10.2"].status == "not met"            # T6 is a stub
    assert status["FI-QMS-14"].status == "not applicable"    # no special tasks
    assert status["EQAVET-R1"].status == "partly met"        # FB-6 is open
    assert status["FI-QMS-5"].status == "needs evidence"     # participants recorded; minutes not attached
    assert "not assessed" not in {c.status for c in status.values()}


_RANK = {"not met": 0, "partly met": 1, "needs evidence": 2, "met": 3}
_TAGS = ["deviation_handling", "staff_competence", "anticipation", "regional_impact", "finance", "student_path",
         "workplace_learning", "competence_assessment", "x"]


def _statuses(system: QualitySystem) -> dict[str, tuple[str, int]]:
    report = _report(system)
    return {c.criterion.id: (c.status, c.shown) for fw in report.frameworks for c in fw.criteria}


_BASE: dict[str, QualitySystem] = {}


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # each example checks a whole example system twice
@given(model=st.sampled_from(["lappia", "sakk"]), tags=st.lists(st.sampled_from(_TAGS), max_size=4, unique=True),
       category=st.sampled_from(["management", "core", "support"]), governed=st.booleans())
def test_adding_an_empty_process_never_improves_any_status(model: str, tags: list[str], category: str,
                                                          governed: bool) -> None:
    if model not in _BASE:
        loaded = load(MODELS / model).system
        assert loaded is not None
        _BASE[model] = loaded
    base = _BASE[model]
    stub = Process.model_validate({"process": "zz_stub", "name": "Tyhjä", "category": category, "tags": tags,
                                   "governed_by_cycle": governed})
    grown = base.model_copy(update={"processes": [*base.processes, stub]})
    before, after = _statuses(base), _statuses(grown)
    for cid, (status, shown) in before.items():
        new_status, new_shown = after[cid]
        if status in _RANK and new_status in _RANK:
            assert _RANK[new_status] <= _RANK[status], (cid, status, new_status)
        assert new_shown <= shown, (cid, shown, new_shown)
