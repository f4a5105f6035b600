"""Sizes of names and labels: the lines a renderer draws are the lines the layout sized."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qms.layout.shapes import CHAR_W, LABEL_W, LINE_H, TASK_CHAR_W, label_size, task_width, wrap_lines

WORDS = st.lists(st.text(alphabet="abcäöxyz", min_size=1, max_size=40), min_size=1, max_size=12).map(" ".join)


@given(WORDS)
def test_a_label_is_as_high_as_its_wrapped_lines(text: str) -> None:
    w, h = label_size(text)
    lines = wrap_lines(text, max(w, LABEL_W))
    assert h == len(lines) * LINE_H
    assert all(len(line) * CHAR_W <= max(w, LABEL_W) for line in lines)


@given(WORDS)
def test_a_word_of_a_label_stays_whole(text: str) -> None:
    w, _ = label_size(text)
    assert sorted(" ".join(wrap_lines(text, max(w, LABEL_W))).split()) == sorted(text.split())


@given(WORDS)
def test_a_task_is_wide_enough_for_its_longest_word(text: str) -> None:
    w = task_width(text)
    longest = max(len(word) for word in text.split())
    assert w == 400 or longest * TASK_CHAR_W <= w - 8
    assert 100 <= w <= 400


def test_empty_labels_take_no_room() -> None:
    assert label_size("") == (0, 0)
