"""Strict base model, identifiers and multilingual text shared by every model class."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

from qms.location import SourceLocation

__all__ = [
    "LANGUAGES",
    "Id",
    "Lang",
    "StrictModel",
    "Text",
    "YearMonthOrDate",
    "id_error",
    "slugify",
    "text_in",
]

LANGUAGES: tuple[str, ...] = ("fi", "en", "sv", "se")
Lang = Literal["fi", "en", "sv", "se"]

ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")

# Letters with no Unicode decomposition that NFKD cannot strip to ASCII.
_SLUG_EXTRA = str.maketrans(
    {"đ": "d", "Đ": "D", "ŋ": "n", "Ŋ": "N", "ŧ": "t", "Ŧ": "T", "ʹ": "", "ß": "ss", "æ": "ae", "ø": "o"}
)

# The combining marks of Latin letters (ä = a + U+0308), the usual case, removed in one pass.
_COMMON_MARKS = re.compile("[\u0300-\u036f]")
_NOT_ID = re.compile(r"[^a-z0-9_.-]+")
_ID_CHARS = re.compile(r"[a-z0-9_.-]*")


def slugify(text: str) -> str:
    """Return an ASCII id made from ``text``.

    Examples
    --------
    >>> slugify("Hyväksyntä")
    'hyvaksynta'
    >>> slugify("Sámi oahpahusguovddáš")
    'sami_oahpahusguovddas'
    >>> slugify("Ruoŧŧa")
    'ruotta'
    """
    if not text.isascii():  # Finnish and Swedish letters first: most names need no more
        text = (text.replace("ä", "a").replace("ö", "o").replace("å", "a")
                .replace("Ä", "A").replace("Ö", "O").replace("Å", "A"))  # (str.translate: 7× slower)
    if not text.isascii():
        text = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_SLUG_EXTRA)))
        if not text.isascii():  # rarer marks, and letters that only decomposition reveals
            text = "".join(c for c in text if not unicodedata.combining(c)).translate(_SLUG_EXTRA)
    lowered = text.lower()
    text = "_".join(lowered.split()).strip("_")  # words: the usual name needs no regex
    if not _ID_CHARS.fullmatch(text):
        text = _NOT_ID.sub("_", lowered).strip("_")
    if not text or not (text[0].isalpha() or text[0] == "_"):
        text = "_" + text
    return text


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for k, v in value.items()}
    return value


def _check_text(value: str | dict[str, str]) -> str | dict[str, str]:
    if isinstance(value, dict) and not value:
        raise ValueError("a translated text needs at least one language")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern)]
"""An ASCII identifier: it becomes a BPMN id unchanged.

The pattern is checked by pydantic's core, not by a Python validator (ids are the most common
value of a model); :func:`id_error` words its error for people.
"""


def id_error(value: str) -> tuple[str, str]:
    """The message and hint for an invalid id ``value``."""
    return f"id '{value}' must be ASCII letters, digits, _ . -", f"try '{slugify(value)}'"

Text = Annotated[
    str | dict[Lang, str], BeforeValidator(_nfc), AfterValidator(_check_text)
]
"""Text in the system's default language, or ``{fi: ..., en: ..., sv: ..., se: ...}``."""


def _when(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value


def _check_when(value: str) -> str:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of a real month and day.

    Examples
    --------
    >>> _check_when("2025-10")
    '2025-10'
    >>> _check_when("2025-13")
    Traceback (most recent call last):
    ValueError: '2025-13' is not a date: there is no month 13; hint: write YYYY-MM-DD, YYYY-MM or YYYY
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    hint = "; hint: write YYYY-MM-DD, YYYY-MM or YYYY"
    if not m:
        raise ValueError(f"'{value}' is not a date{hint}")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    if not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a date: there is no month {month}{hint}")
    days = calendar.monthrange(max(year, 1), month)[1]
    if not 1 <= day <= days:
        raise ValueError(f"'{value}' is not a date: month {month} of {year} has {days} days{hint}")
    return value


YearMonthOrDate = Annotated[str, BeforeValidator(_when), AfterValidator(_check_when)]
"""A date as precise as known: ``2025``, ``2025-10`` or ``2025-10-15``."""


def text_in(text: str | Mapping[Any, str] | None, lang: str, default: str = "fi") -> str:
    """Return ``text`` in ``lang``, falling back to the default language, then any.

    Examples
    --------
    >>> text_in({"fi": "Laatu", "en": "Quality"}, "en")
    'Quality'
    >>> text_in({"fi": "Laatu"}, "se")
    'Laatu'
    >>> text_in("Laatu", "en")
    'Laatu'
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for candidate in (lang, default, *LANGUAGES):
        if candidate in text:
            return text[candidate]
    return next(iter(text.values()), "")


_SCALARS = (str, int, float, date, type(None))


class StrictModel(BaseModel):
    """Base of every model class: unknown keys are errors, instances are frozen.

    Why: a typo in a hand-written YAML file (``ownr:``) must fail loudly with a
    suggestion instead of being ignored. Every instance also carries the
    :class:`SourceLocation` it was loaded from (``loc``); it takes no part in equality,
    so a model read back from BPMN equals the one that was written.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True
    )
    # Source positions live in ``__pydantic_private__``, set by :meth:`set_source`; no private
    # attributes are declared, so that validating a model copies nothing for them (speed).

    @property
    def loc(self) -> SourceLocation | None:
        """Where this element was defined, when it came from a file."""
        private = self.__pydantic_private__
        return private.get("_loc") if private else None

    def set_source(self, loc: SourceLocation | None, ypath: tuple[Any, ...] = (), smap: Any = None) -> None:
        """Record where this element came from (used by the loader and importers)."""
        private = self.__pydantic_private__
        if private is None:
            object.__setattr__(self, "__pydantic_private__", {"_loc": loc, "_ypath": ypath, "_smap": smap})
        else:
            private["_loc"], private["_ypath"], private["_smap"] = loc, ypath, smap

    def where(self, *subpath: str | int, key: bool = False) -> SourceLocation | None:
        """Locate a field (or list item) of this element: ``step.where("lane")``.

        Falls back to the element itself when the field is not in the file (a default).
        """
        private = self.__pydantic_private__ or {}
        smap = private.get("_smap")
        if smap is None:
            return private.get("_loc")
        located: SourceLocation = smap.locate((*private["_ypath"], *subpath), key=key)
        return located

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        """A hash that agrees with ``==``: equal models have equal field values, so equal scalars.

        Only the scalar fields (ids, names, numbers, dates) are hashed: lists and
        dictionaries cannot be, and models that differ only in them share a hash, which
        ``==`` then tells apart.
        """
        return hash((type(self), *(v for v in self.__dict__.values() if isinstance(v, _SCALARS))))
