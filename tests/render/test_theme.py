"""Tests of qms/render/theme.py: the style table covers every kind and language."""

from __future__ import annotations

from qms.graph import KINDS
from qms.model import LANGUAGES
from qms.render.theme import DEFAULT_THEME, MONTHS, NODE_STYLES, STRINGS, word


def test_every_graph_kind_has_a_node_style() -> None:
    kinds = {k.graph_kind for k in KINDS.values()} | {"data", "datastore", "participant"}
    assert kinds <= set(NODE_STYLES)


def test_months_are_twelve_in_every_language() -> None:
    assert set(MONTHS) == set(LANGUAGES)
    assert all(len(names) == 12 for names in MONTHS.values())


def test_every_word_is_in_every_interface_language() -> None:
    assert all(set(texts) == {"fi", "en", "sv"} for texts in STRINGS.values())
    assert word("support", "sv") == "Stödprocesser"
    assert word("support", "se") == "Tukiprosessit"  # Sámi diagrams take the tool's own words in Finnish


def test_words_fall_back_to_finnish() -> None:
    assert word("support", "de") == "Tukiprosessit"


def test_pdca_fills_cover_the_four_phases() -> None:
    assert set(DEFAULT_THEME.pdca_fills) == {"plan", "do", "check", "act"}
