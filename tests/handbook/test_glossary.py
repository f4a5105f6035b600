"""The built-in glossary."""

from __future__ import annotations

from qms.handbook.glossary import BUILTIN_GLOSSARY


def test_builtin_glossary_is_bilingual_and_unique() -> None:
    assert len(BUILTIN_GLOSSARY) >= 49
    assert len({t.fi.casefold() for t in BUILTIN_GLOSSARY}) == len(BUILTIN_GLOSSARY)
    for t in BUILTIN_GLOSSARY:
        assert t.fi and t.en and t.def_fi.endswith(".") and t.def_en.endswith("."), t
