"""The interface words."""

from __future__ import annotations

from qms.handbook.texts import UI_LANGUAGES, WORDS, ui_language, word


def test_every_word_is_written_in_every_interface_language() -> None:
    for key, texts in WORDS.items():
        for lang in UI_LANGUAGES:
            assert texts[lang].strip(), (key, lang)


def test_sami_pages_use_finnish_words() -> None:
    assert ui_language("se") == "fi"
    assert word("measures", "se") == word("measures", "fi") == "Mittarit"


def test_every_step_kind_has_a_word_for_the_step_table() -> None:
    from qms.model import STEP_KINDS

    assert [k for k in STEP_KINDS if f"kind_{k}" not in WORDS] == []


def test_the_caption_of_a_printed_page_says_which_page_in_every_language() -> None:
    captions = {lang: word("print_page", lang).replace("{k}", "2").replace("{n}", "5") for lang in UI_LANGUAGES}
    assert captions == {"fi": "Sivu 2/5", "en": "Page 2 of 5", "sv": "Sida 2 av 5"}
