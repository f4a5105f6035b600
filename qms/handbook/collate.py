"""Finnish alphabetical order (… x y z å ä ö) as a pure sort key, without the C library locale."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["fi_key", "sorted_fi"]

T = TypeVar("T")

# Letters that are letters of their own at the end of the Finnish (and Swedish) alphabet,
# and letters that sort as one of them (CLDR fi: æ = ä, ø = ö, õ = ö, ü = y).
_OWN = {"å": "{", "ä": "|", "ö": "}"}
_AS = {"æ": "ä", "ø": "ö", "õ": "ö", "ü": "y", "ß": "ss", "đ": "d", "ŋ": "n", "ŧ": "t", "ʒ": "z"}
_DIGITS = "0123456789"


def _primary(ch: str) -> tuple[str, str]:
    """Return (primary letter, accent marks) of one lower-case character."""
    ch = _AS.get(ch, ch)
    if ch in _OWN:
        return _OWN[ch], ""
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0], decomposed[1:]


def fi_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key for Finnish alphabetical order: case and accents only break ties.

    Spaces and punctuation sort before digits, digits before letters, and
    å ä ö come after z; other accented letters sort with their base letter
    (é as e, á as a, š as s), ü as y, æ as ä and ø as ö, as in Finnish dictionaries.

    Examples
    --------
    >>> sorted(["Öljy", "Ääneen", "Åbo", "Zeta", "abc"], key=fi_key)
    ['abc', 'Zeta', 'Åbo', 'Ääneen', 'Öljy']
    >>> sorted(["Ápi", "Apu", "apa"], key=fi_key)
    ['apa', 'Ápi', 'Apu']
    """
    text = unicodedata.normalize("NFC", text)
    primary: list[tuple[int, str]] = []
    accents: list[str] = []
    for ch in text.lower():
        if not ch.isalnum():
            primary.append((0, ""))  # all separators are equal at the first level
            continue
        if ch in _DIGITS or ch.isdigit():
            primary.append((1, ch))
            continue
        letter, marks = _primary(ch)
        primary.append((2, letter))
        accents.append(marks)
    # Ties: accents first (a < á), then lower case before upper case, then the raw text.
    case = "".join("1" if c.isupper() else "0" for c in text)
    return (*primary, (-1, ""), (3, "".join(accents)), (4, case), (5, text))


def sorted_fi(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """Return ``items`` in Finnish alphabetical order of ``key(item)``.

    Examples
    --------
    >>> sorted_fi(["Öljy", "Åbo", "Ääneen"])
    ['Åbo', 'Ääneen', 'Öljy']
    """
    return sorted(items, key=lambda item: fi_key(key(item)))
