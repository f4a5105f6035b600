"""Findings in Finnish and Swedish: every message template has its translations, and they are used."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from qms.check import run_checks
from qms.check.finding import Finding
from qms.check.i18n import Msg, catalogue, fields, say
from qms.load import load
from tests.check.harness import run_rule

ROOT = Path(__file__).resolve().parents[2]
RULE_CASES = Path(__file__).parent / "rules"
TRANSLATED = ("fi", "sv")

#: Catalogue entries that no ``Msg("...")`` in qms/ says yet. Each line says who will.
NOT_SAID_YET: set[str] = set()

#: Rules whose findings are still plain English text; they move to templates one by one.
PLAIN_RULES: set[str] = set()

#: Q002's hint is the loader's "did you mean 'x'?" suggestion, shared with load errors and English only.
PLAIN_HINTS = {"Q002"}

BACKTICKS = re.compile(r"`[^`]*`")


def _msg_calls() -> Iterator[tuple[Path, int, str, set[str] | None]]:
    """Every ``Msg("literal", ...)`` in qms/: file, line, template and keyword names (None for ``**kw``)."""
    for path in sorted((ROOT / "qms").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Msg"):
                continue
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names = {k.arg for k in node.keywords if k.arg is not None}
                has_spread = any(k.arg is None for k in node.keywords)
                yield path, node.lineno, node.args[0].value, None if has_spread else names


CALLS = list(_msg_calls())
TEMPLATES = sorted({template for _, _, template, _ in CALLS})


def _where(template: str) -> str:
    path, line, _, _ = next(c for c in CALLS if c[2] == template)
    return f"{path.relative_to(ROOT)}:{line}"


def test_the_rules_write_templates() -> None:
    assert len(TEMPLATES) > 200


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_template_is_translated_with_the_same_fields(lang: str) -> None:
    entries = catalogue(lang)
    missing = [f"{_where(t)}: {t!r}" for t in TEMPLATES if t not in entries]
    assert missing == [], f"no {lang} translation"
    wrong = [f"{_where(t)}: {t!r} has {sorted(fields(t))}, {lang} has {sorted(fields(entries[t]))}"
             for t in TEMPLATES if fields(entries[t]) != fields(t)]
    assert wrong == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_yaml_in_backticks_is_kept_as_it_is(lang: str) -> None:
    entries = catalogue(lang)
    changed = [f"{t!r} → {entries[t]!r}" for t in TEMPLATES
               if sorted(BACKTICKS.findall(entries[t])) != sorted(BACKTICKS.findall(t))]
    assert changed == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_is_unused(lang: str) -> None:
    unused = set(catalogue(lang)) - set(TEMPLATES) - NOT_SAID_YET
    assert sorted(unused) == []
    assert NOT_SAID_YET.isdisjoint(TEMPLATES), "said now: remove it from NOT_SAID_YET"


def test_the_finnish_uses_the_terms_of_vocational_education() -> None:
    finnish = "\n".join(catalogue("fi").values())
    assert not re.search(r"\bnäyt(tö|ön|töä)\b", finnish), "näyttö is a skills demonstration, not evidence"
    assert "kehittyvä" not in finnish, "Karvi's level is kehittynyt"
    assert "prosessinomistaja" in say(Msg("process '{process}' has no owner", process="talous"), "fi")
    assert "todentava aineisto" in catalogue("fi")["add `published: YYYY-MM-DD`, or an evidence record of kind publication"]


def test_each_call_fills_exactly_the_fields_of_its_template() -> None:
    wrong = [f"{path.relative_to(ROOT)}:{line}: {template!r} gets {sorted(names)}"
             for path, line, template, names in CALLS
             if names is not None and names and names != fields(template)]
    assert wrong == []


def test_an_unknown_template_is_said_in_english() -> None:
    message = Msg("the process '{process}' hums", process="talous")
    assert say(message, "fi") == "the process 'talous' hums"
    assert say(message, "sv") == "the process 'talous' hums"
    assert say(message, "de") == "the process 'talous' hums"  # a language without a catalogue


def test_every_step_kind_has_a_word() -> None:
    from qms.check.rules._util import KIND_WORDS
    from qms.model.process import STEP_KINDS

    assert list(KIND_WORDS) == list(STEP_KINDS)
    assert all(word == kind for kind, word in KIND_WORDS.items()), "the English word is the YAML key"


def test_nested_words_are_said_in_the_same_language() -> None:
    from qms.check.rules._util import KIND_WORDS, none_of, quoted

    message = Msg("{kind} '{step}' has no lane", kind=KIND_WORDS["decision"], step="tarkistus")
    assert say(message, "fi") == "päätös 'tarkistus' ei ole millään kaistalla"
    assert say(message, "sv") == "beslutet 'tarkistus' ligger inte i någon simbana"
    lacks = Msg("measure '{measure}' has no {missing}", measure="M1",
                missing=none_of([Msg("target"), Msg("data source"), Msg("owner")]))
    assert lacks == "measure 'M1' has no target, no data source, no owner"
    assert say(lacks, "fi") == "mittarista 'M1' puuttuu: tavoitetaso, tietolähde, vastuutaho"
    steps = Msg("steps {steps} cannot be reached from a start event", steps=quoted("abcdefghij"))
    assert say(steps, "sv") == ("stegen 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' och 2 till "
                                "kan inte nås från någon starthändelse")


PROCESS = """\
process: hakeminen
name: Hakeutuminen koulutukseen
category: core
lanes: [opinto-ohjaaja]
steps:
  - {id: haku, start: Hakemus saapuu, lane: opinto-ohjaaja}
  - {id: haastattelu, task: Haastattelu, pdca: do}
  - {id: valittu, end: Opiskelija valittu, lane: opinto-ohjaaja}
flow:
  - haku -> haastattelu -> valittu
"""


def test_a_check_run_says_its_findings_in_finnish(tmp_path: Path) -> None:
    path = tmp_path / "hakeminen.yaml"
    path.write_text(PROCESS, encoding="utf-8")
    loaded = load(path)
    assert loaded.system is not None
    findings = {f.code: f for f in run_checks(loaded.system, standalone=loaded.standalone)}
    owner, lane = findings["Q101"], findings["S016"]
    assert owner.message == "process 'hakeminen' has no owner"
    assert say(owner.message, "fi") == "prosessille 'hakeminen' ei ole nimetty prosessinomistajaa"
    assert say(owner.hint, "fi") == (
        "lisää `owner:` ja sen arvoksi roolin tunnus system.yaml-tiedoston roles:-luettelosta")
    assert say(lane.message, "fi") == "tehtävä 'haastattelu' ei ole millään kaistalla"
    assert say(lane.hint, "sv") == "lägg till `lane:` med rollen som utför steget (en av opinto-ohjaaja)"


def _templates(text: str) -> Iterator[str]:
    if isinstance(text, Msg):
        yield text.template
        for value in text.params.values():
            yield from _templates(value)


def _case_findings() -> Iterator[Finding]:
    for case in sorted(RULE_CASES.glob("*/invalid-*")):
        yield from run_rule(case, case.parent.name)[1]


def test_every_finding_of_a_converted_rule_can_be_said_in_finnish() -> None:
    plain: list[str] = []
    for f in _case_findings():
        if f.code in PLAIN_RULES:
            continue
        texts = [f.message] + ([f.hint] if f.hint and f.code not in PLAIN_HINTS else [])
        for text in texts:
            if not isinstance(text, Msg):
                plain.append(f"{f.code}: {text!r}")
            plain += [f"{f.code}: {t!r}" for t in _templates(text) if t not in catalogue("fi")]
    assert plain == []
