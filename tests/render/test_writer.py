"""The shared DOT writer: wrapping, quoting, HTML-label escaping, file names."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from qms.render.dot import (
    Diagram,
    html_text,
    quote,
    wrap,
)

Golden = Callable[[str, str], None]


def test_wrap_keeps_words_and_newlines() -> None:
    assert wrap("Talousarvio- ja taloussuunnitelmaehdotus") == ["Talousarvio- ja", "taloussuunnitelmaehdotus"]
    assert wrap("yksi\nkaksi") == ["yksi", "kaksi"]
    assert all(len(line) <= 22 for line in wrap("Käyttösuunnitelmat ja tulostavoitteet tulosalueille"))


def test_quote_neutralises_graphviz_escapes() -> None:
    assert quote('a"b') == '"a\\"b"'
    assert quote("x\\N") == '"x\\\\N"'
    assert quote("a\nb") == '"a\\nb"'


@given(st.text())
def test_html_text_leaves_no_markup(text: str) -> None:
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert re.sub(r"&(amp|lt|gt|quot|#39);", "", escaped).count("&") == 0


def test_diagram_filename() -> None:
    assert Diagram("talousarvio", "flow", "").filename("png") == "talousarvio.png"
