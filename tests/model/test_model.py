"""Model invariants: strict keys, ASCII ids, multilingual text, derived ids, equality."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from qms.model import Process, Step, slugify, text_in
from qms.model.base import _SLUG_EXTRA, ID_PATTERN, id_error


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(ValidationError, match="ownr"):
        Process.model_validate({"process": "p", "name": "P", "category": "core", "ownr": "x"})


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Hyväksyntä", "hyvaksynta"), ("Sámi oahpahusguovddáš", "sami_oahpahusguovddas"),
     ("Ruoŧŧa", "ruotta"), ("ođđa", "odda"), ("máŋga", "manga"), ("earenoamážit", "earenoamazit"),
     ("čoahkkin", "coahkkin"), ("Sääʹmǩiõll", "saamkioll"), ("2025 raportti", "_2025_raportti")],
)
def test_slugify_gives_ascii_ids(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert slug.isascii()


def _slugify_by_the_rules(text: str) -> str:
    """slugify written as its rules say, without its shortcuts: the reference it must equal."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_SLUG_EXTRA))
                   if not unicodedata.combining(c)).translate(_SLUG_EXTRA)
    text = re.sub(r"[^a-z0-9_.-]+", "_", text.lower()).strip("_")
    return text if text and (text[0].isalpha() or text[0] == "_") else "_" + text


_NAME_LETTERS = "aAzZ09 _.-\t\n\x1c\x85\xa0!/()äöåÄÖÅáčđŋšŧžÁČĐŊŠŦŽʹǩõ\u0301\u0308ﬁ①"


@given(st.text(alphabet=_NAME_LETTERS, max_size=24) | st.text(max_size=12))
@settings(max_examples=600, deadline=None)
def test_slugify_equals_its_rules(text: str) -> None:
    assert slugify(text) == _slugify_by_the_rules(text)


def test_non_ascii_id_is_refused_with_suggestion() -> None:
    with pytest.raises(ValidationError) as caught:
        Step.model_validate({"id": "hyväksyntä", "task": "Hyväksyntä"})
    (err,) = caught.value.errors()
    assert err["type"] == "string_pattern_mismatch" and err["loc"] == ("id",)
    assert id_error(err["input"]) == ("id 'hyväksyntä' must be ASCII letters, digits, _ . -", "try 'hyvaksynta'")


@pytest.mark.parametrize("bad", ["a b", "1abc", "abc\n", "", "hyväksyntä", "a/b"])
def test_model_and_python_agree_on_ids(bad: str) -> None:
    with pytest.raises(ValidationError):
        Step.model_validate({"id": bad, "task": "x"})
    assert ID_PATTERN.fullmatch(bad) is None
    assert Step.model_validate({"id": "a_b.c-1", "task": "x"}).id == "a_b.c-1"


def test_step_id_derived_from_name() -> None:
    assert Step.model_validate({"task": "Pääprosessien kuvaaminen"}).id == "paaprosessien_kuvaaminen"


def test_pdca_short_forms() -> None:
    assert Step.model_validate({"id": "a", "task": "A", "pdca": "C"}).pdca == "check"


def test_text_fallback() -> None:
    name = {"fi": "Opettaja", "se": "Oahpaheaddji"}
    assert text_in(name, "se") == "Oahpaheaddji"
    assert text_in(name, "en") == "Opettaja"
    assert text_in({"en": "Only English"}, "sv") == "Only English"


def test_equality_ignores_source_location() -> None:
    a = Process.model_validate({"process": "p", "name": "P", "category": "core"})
    b = Process.model_validate({"process": "p", "name": "P", "category": "core"})
    from qms.location import SourceLocation

    a.set_source(SourceLocation("x.yaml", 1, 1))
    assert a == b
    assert a != Process.model_validate({"process": "p", "name": "Q", "category": "core"})


def test_flow_ids_are_unique_and_stable() -> None:
    p = Process.model_validate({
        "process": "p", "name": "P", "category": "core",
        "steps": [{"id": "a", "decision": "A"}, {"id": "b", "end": "B"}],
        "flow": [{"from": "a", "to": "b", "label": "x"}, {"from": "a", "to": "b", "label": "y"},
                 {"id": "f_a_b_2", "from": "a", "to": "b", "label": "z"}],
    })
    assert p.flow_ids() == ["f_a_b", "f_a_b_3", "f_a_b_2"]
