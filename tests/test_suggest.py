"""One suggestion helper for every layer: swapped letters first, then the closest word."""

from __future__ import annotations

from qms.suggest import did_you_mean


def test_swapped_letters_win_over_a_closer_looking_word() -> None:
    assert did_you_mean("onwer", ["owned", "owner"]) == "did you mean 'owner'?"


def test_the_closest_word_or_nothing() -> None:
    assert did_you_mean("Karvi", ["ISO", "EQAVET", "EFQM"]) == ""
    assert did_you_mean("EQAVT", ["ISO", "EQAVET", "EFQM"]) == "did you mean 'EQAVET'?"
    assert did_you_mean(2015, [2014, 2020]) == "did you mean '2014'?"


def test_no_choices_no_suggestion() -> None:
    assert did_you_mean("lane", []) == ""
