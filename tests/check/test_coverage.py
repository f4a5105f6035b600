"""The criteria coverage report: shown, not shown, needs evidence, with pointers."""

from __future__ import annotations

import json
from pathlib import Path

from qms.check import coverage
from qms.check.config import resolve_config
from qms.check.coverage import STATUSES, format_coverage_json, format_coverage_text
from qms.check.criteria import CRITERIA, FRAMEWORKS
from qms.check.engine import check
from qms.check.registry import RULES
from qms.load import load
from tests.conftest import MODELS

SYSTEM = "system: s\nname: Demo\nas_of: 2026-03-01\nprovider: {id: s, name: S}\n"


def _report(tmp_path: Path, extra: str = "", **kw: object):  # type: ignore[no-untyped-def]
    folder = tmp_path / "s"
    folder.mkdir(parents=True)
    (folder / "system.yaml").write_text(SYSTEM + extra, encoding="utf-8")
    system = load(folder).system
    result = check(system, resolve_config(system, RULES, **kw))  # type: ignore[arg-type]
    return coverage(system, result.findings, ran=[r.code for r in result.ran])


def test_every_criterion_appears_once_per_framework_in_order(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert [fw.id for fw in report.frameworks] == list(FRAMEWORKS)
    ids = [c.criterion.id for fw in report.frameworks for c in fw.criteria]
    assert ids == [c.id for c in CRITERIA]
    assert sum(report.counts().values()) == 45
    assert all(c.status in STATUSES for fw in report.frameworks for c in fw.criteria)


def test_not_shown_points_at_the_findings(tmp_path: Path) -> None:
    item = _report(tmp_path).get("ISO-10.2")
    assert item is not None and item.status == "not shown"
    assert item.rules == ("Q410",)
    assert item.pointers[0].kind == "finding"
    assert item.pointers[0].text.startswith("Q410 deviation-handling: the model shows no process that handles deviations")
    assert item.pointers[0].line == 1


def test_human_criterion_needs_evidence_until_a_record_names_it(tmp_path: Path) -> None:
    assert _report(tmp_path, ignore=["Q507"]).get("FI-LAW-3").status == "needs evidence"  # type: ignore[union-attr]
    extra = "evidence:\n  - {id: EV-1, kind: external_evaluation_report, title: Karvi 2022, date: 2022-05-03,\n     criteria: [FI-LAW-3]}\n"
    item = _report(tmp_path / "b", extra)
    shown = item.get("FI-LAW-3")
    assert shown is not None and shown.status == "shown"
    assert shown.pointers[0].kind == "evidence" and shown.pointers[0].ref == "EV-1"


def test_expired_evidence_does_not_count(tmp_path: Path) -> None:
    extra = ("evidence:\n  - {id: EV-1, kind: external_evaluation_report, title: Karvi 2015, date: 2015-05-03,\n"
             "     valid_until: 2021-12-31, criteria: [FI-LAW-3]}\n")
    item = _report(tmp_path, extra, ignore=["Q507"]).get("FI-LAW-3")
    assert item is not None and item.status == "needs evidence"
    assert "EV-1 is no longer valid" in item.note


def test_semi_criterion_without_findings_needs_evidence(tmp_path: Path) -> None:
    extra = "roles:\n  - {id: r, name: R, qms_owner: true}\n"
    item = _report(tmp_path, extra, select=["Q401", "Q511"]).get("FI-LAW-2")
    assert item is not None and item.status == "not shown"  # Q511: no development plan
    item2 = _report(tmp_path / "b", extra, select=["Q401"]).get("FI-LAW-2")
    assert item2 is not None and item2.status == "not shown"  # no qm role, no group
    assert _report(tmp_path / "c", select=["S001"]).get("FI-LAW-2").status == "not checked"  # type: ignore[union-attr]


def test_formats(tmp_path: Path) -> None:
    report = _report(tmp_path)
    text = format_coverage_text([report])
    assert text.startswith("Criteria coverage: Demo (s) as of 2026-03-01\n")
    assert "not a verdict of compliance and not a maturity level" in text
    assert "  ✗ ISO-10.2     not shown       " in text
    data = json.loads(format_coverage_json([report]))
    assert data["version"] == 1
    (one,) = data["coverage"]
    assert list(one) == ["system", "name", "as_of", "summary", "frameworks"]
    crit = one["frameworks"][0]["criteria"][0]
    assert list(crit) == ["id", "title", "ref", "level", "check", "status", "rules", "note", "pointers"]


def test_redu_coverage() -> None:
    folder = MODELS / "redu"
    assert folder.is_dir(), "models/redu is missing: the example must be committed"
    system = load(folder).system
    result = check(system)
    report = coverage(system, result.findings)
    status = {c.criterion.id: c.status for fw in report.frameworks for c in fw.criteria}
    assert status["FI-LAW-3"] == "shown"             # EV-01, Karvi 2022
    assert status["ISO-9.2"] == "not shown"          # the stubs are outside the audit programme
    assert status["EQAVET-R1"] == "not shown"        # FB-6
    assert status["FI-QMS-8"] == "shown"
    assert status["FI-QMS-5"] == "needs evidence"    # participants recorded; minutes not attached
    assert "not checked" not in status.values()
