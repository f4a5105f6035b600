"""The diff's text, JSON and HTML forms."""

from __future__ import annotations

import json

from qms.diff import Change, format_changes

OWNER = Change("changed", "owner", "talousarvio", "talousarvio", "owner", "talousjohtaja", "controller", "process")
TARGET = Change("changed", "target", "oppijan_polku", "M-OP-5", "target", ">= 70 %", ">= 72 %", "measure")
STEP = Change("added", "step", "talousarvio", "luonnos", None, None, {"id": "luonnos", "task": "Luonnokset"})
LANE = Change("removed", "lane", "talousarvio", "talousarvio", "lanes", "talous", None, "process")
NAMES = {"talousarvio": "Talousarvio", "oppijan_polku": "Oppijan polku"}


def test_text_reads_like_a_sentence_for_the_board() -> None:
    text = format_changes("text", [OWNER, TARGET, STEP, LANE], NAMES, title="Changes")
    assert text.splitlines() == [
        "Changes: 4 changes",
        "Process Talousarvio: owner talousjohtaja → controller",
        "Process Oppijan polku: measure M-OP-5: target >= 70 % → >= 72 %",
        "Process Talousarvio: step luonnos added (Luonnokset)",
        "Process Talousarvio: lane talous removed",
    ]


def test_no_changes_says_so() -> None:
    assert format_changes("text", [], title="Changes a → b") == "Changes a → b: no changes\n"


def test_json_is_the_contract() -> None:
    data = json.loads(format_changes("json", [OWNER, STEP]))
    assert data == {"version": 1, "changes": [
        {"change": "changed", "what": "owner", "process": "talousarvio", "id": "talousarvio", "field": "owner",
         "old": "talousjohtaja", "new": "controller"},
        {"change": "added", "what": "step", "process": "talousarvio", "id": "luonnos", "field": None,
         "old": None, "new": {"id": "luonnos", "task": "Luonnokset"}},
    ]}


def test_html_escapes_and_is_deterministic() -> None:
    evil = Change("changed", "step", "p", "s", "task", "<b>", "a & b", "step")
    first = format_changes("html", [evil, OWNER], NAMES, title="Muutokset")
    assert first == format_changes("html", [evil, OWNER], NAMES, title="Muutokset")
    assert "&lt;b&gt;" in first and "a &amp; b" in first and "<b>" not in first
    assert "<td>Talousarvio</td>" in first
