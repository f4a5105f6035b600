"""Finnish alphabetical order."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from qms.handbook.collate import fi_key, sorted_fi


def test_aring_before_a_umlaut_before_o_umlaut() -> None:
    assert sorted_fi(["Öljy", "Ääneen", "Åbo", "Zeta", "apu"]) == ["apu", "Zeta", "Åbo", "Ääneen", "Öljy"]


def test_code_point_order_would_be_wrong() -> None:
    # The reason for the key: code points put ä before å.
    assert sorted(["Åbo", "Ääneen"]) == ["Ääneen", "Åbo"]
    assert sorted_fi(["Ääneen", "Åbo"]) == ["Åbo", "Ääneen"]


def test_accents_and_sami_letters_sort_with_their_base_letter() -> None:
    assert sorted_fi(["čoahkkin", "dálvi", "cuoŋománnu", "Šiidaš", "saami"]) == [
        "čoahkkin", "cuoŋománnu", "dálvi", "saami", "Šiidaš"]
    assert sorted_fi(["Müller", "Mylly", "Myy"]) == ["Müller", "Mylly", "Myy"]


def test_case_only_breaks_ties() -> None:
    assert sorted_fi(["b", "A", "a", "B"]) == ["a", "A", "b", "B"]


def test_nfd_input_sorts_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Ääneen")
    assert fi_key(nfd) == fi_key("Ääneen")


@given(st.lists(st.text(alphabet="abczåäöÅÄÖáčšAZ -", max_size=8), max_size=12))
def test_sorting_is_total_and_stable(words: list[str]) -> None:
    once = sorted_fi(words)
    assert sorted_fi(once) == once
    assert sorted(once) == sorted(words)
