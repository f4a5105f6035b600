"""Formatters: text, the JSON contract (exact keys), SARIF 2.1.0 (structure) and GitHub annotations."""

from __future__ import annotations

import json
import re

import click

from qms.check.finding import Finding, Severity
from qms.check.output import format_github, format_json, format_sarif, format_text, summarise
from qms.check.registry import by_code
from qms.location import SourceLocation

F1 = Finding("S003", "no-dead-end", Severity.ERROR, "the flow stops at step 'tyo'", "add a flow from 'tyo'",
             SourceLocation("models/x/processes/y.yaml", 12, 5), "y", "tyo", ("ISO-4.4-b",), "docs/rules/S003.md")
F2 = Finding("Q410", "deviation-handling", Severity.WARNING, "no process handles deviations, complaints: 100 %",
             "", SourceLocation("models/x/system.yaml", 2, 1), criteria=("ISO-10.2",))
F3 = Finding("load", "load", Severity.ERROR, "unknown key 'ownr'", "did you mean 'owner'?",
             SourceLocation("p.yaml", 4, 1))
F4 = Finding("Q206", "eqavet-indicators", Severity.INFO, "line one\nline two", "", None)


def test_text_is_compiler_style() -> None:
    assert format_text([F1, F3]) == (
        "models/x/processes/y.yaml:12:5: error S003 no-dead-end: the flow stops at step 'tyo' (add a flow from 'tyo')\n"
        "p.yaml:4:1: error load: unknown key 'ownr' (did you mean 'owner'?)\n"
    )


def test_text_without_location_names_the_system() -> None:
    assert format_text([F4]).startswith("<system>: info Q206 eqavet-indicators: line one")


def test_text_colour_only_styles() -> None:
    coloured = format_text([F1], colour=True)
    assert coloured != format_text([F1])
    assert click.unstyle(coloured) == format_text([F1])


def test_json_contract_keys_are_exact() -> None:
    data = json.loads(format_json([F1, F2], summarise([F1, F2], files=3, processes=2)))
    assert list(data) == ["version", "findings", "summary"]
    assert data["version"] == 1
    assert data["findings"][0] == {
        "rule": "S003", "name": "no-dead-end", "severity": "error", "message": "the flow stops at step 'tyo'",
        "hint": "add a flow from 'tyo'", "file": "models/x/processes/y.yaml", "line": 12, "column": 5,
        "process": "y", "element": "tyo", "criteria": ["ISO-4.4-b"],
    }
    assert data["findings"][1]["process"] is None and data["findings"][1]["element"] is None
    assert data["summary"] == {"errors": 1, "warnings": 1, "infos": 0, "files": 3, "processes": 2}


def test_json_keeps_unicode() -> None:
    f = Finding("Q001", "stub-process", Severity.INFO, "prosessi 'tilat' – ei kuvattu", "", None)
    assert "–" in format_json([f], summarise([f]))


def test_sarif_structure() -> None:
    rules = [by_code("S003"), by_code("Q410"), by_code("Q206")]
    data = json.loads(format_sarif([F1, F2, F3, F4], rules, version="9.9"))
    assert data["version"] == "2.1.0"
    assert data["$schema"].endswith("sarif-2.1.0.json")
    (run,) = data["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("qms", "9.9")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["S003", "Q410", "Q206", "load"], "a finding's rule outside the run gets an entry"
    for r in driver["rules"]:
        assert r["shortDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in {"none", "note", "warning", "error"}
    assert driver["rules"][0]["fullDescription"]["text"].startswith("A step after which the flow stops")
    assert driver["rules"][0]["properties"]["criteria"] == []  # a flow that does not work cites no criterion
    assert driver["rules"][1]["properties"]["criteria"] == ["ISO-10.2"]
    results = run["results"]
    assert len(results) == 4
    for res in results:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"note", "warning", "error"}
        assert res["message"]["text"]
        (location,) = res["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        if "region" in physical:
            assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 5}
    assert results[0]["locations"][0]["logicalLocations"] == [
        {"name": "tyo", "fullyQualifiedName": "y/tyo", "kind": "element"}]
    assert results[0]["properties"] == {"criteria": ["ISO-4.4-b"]}
    assert results[3]["level"] == "note"
    assert "region" not in results[3]["locations"][0]["physicalLocation"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_github_annotations_escape_properties_and_data() -> None:
    out = format_github([F1, F2, F4]).splitlines()
    assert out[0] == ("::error file=models/x/processes/y.yaml,line=12,col=5,title=S003 no-dead-end::"
                      "the flow stops at step 'tyo' (add a flow from 'tyo')")
    assert out[1] == ("::warning file=models/x/system.yaml,line=2,col=1,title=Q410 deviation-handling::"
                      "no process handles deviations, complaints: 100 %25")
    assert out[2] == "::notice title=Q206 eqavet-indicators::line one%0Aline two"
    assert all(re.match(r"^::(error|warning|notice) ", line) for line in out)


def test_summary_counts_and_text() -> None:
    s = summarise([F1, F2, F3, F4], files=2, processes=1)
    assert (s.errors, s.warnings, s.infos) == (2, 1, 1)
    assert str(s) == "2 errors, 1 warning, 1 info in 2 files (1 process)"
