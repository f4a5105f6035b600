"""Small helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qms.model import text_in

__all__ = ["blank", "listing", "quoted"]


def blank(text: Any) -> bool:
    """True when a label is missing or only whitespace (in every language).

    Examples
    --------
    >>> blank(None), blank("  "), blank({"fi": ""}), blank({"fi": "Hyväksyntä"})
    (True, True, True, False)
    """
    if text is None:
        return True
    if isinstance(text, str):
        return not text.strip()
    if isinstance(text, dict):
        return all(not str(v).strip() for v in text.values())
    return not str(text).strip()


def quoted(items: Iterable[str], limit: int = 8) -> str:
    """``'a', 'b' and 'c'`` (at most ``limit`` items, then ``and N more``).

    Examples
    --------
    >>> quoted(["a", "b", "c"])
    "'a', 'b' and 'c'"
    >>> quoted(["a"])
    "'a'"
    """
    items = [f"'{i}'" for i in items]
    if len(items) > limit:
        rest = len(items) - limit
        items = [*items[:limit], f"{rest} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def listing(text: Any, lang: str = "fi") -> str:
    """A label in one language for a message."""
    return text_in(text, lang)
