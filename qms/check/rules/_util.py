"""Small helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from qms.check.i18n import Msg
from qms.model import text_in

__all__ = ["KIND_WORDS", "and_no", "blank", "listing", "none_of", "or_list", "quoted"]

#: A step kind as a noun in a message (the English is the kind itself, as ``steps:`` writes it).
KIND_WORDS: dict[str, Msg] = {
    "start": Msg("start"),
    "end": Msg("end"),
    "event": Msg("event"),
    "task": Msg("task"),
    "decision": Msg("decision"),
    "parallel": Msg("parallel"),
    "inclusive": Msg("inclusive"),
    "call": Msg("call"),
    "subprocess": Msg("subprocess"),
    "event_gateway": Msg("event_gateway"),
    "complex": Msg("complex"),
}


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
        items = [*items[:limit], Msg("{n} more", n=rest)]
    if len(items) <= 1:
        return "".join(items)
    return Msg("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def _chain(items: Sequence[str], join: Callable[[str, str], str]) -> str:
    """Join ``items`` from the right, each pair with ``join``, so every joint can be translated."""
    joined = items[-1]
    for item in reversed(items[:-1]):
        joined = join(item, joined)
    return joined


def none_of(items: Sequence[str]) -> str:
    """``a, no b, no c``: what a record lacks, after "has no".

    >>> none_of(["owner", "target"])
    'owner, no target'
    """
    return _chain(items, lambda first, rest: Msg("{first}, no {rest}", first=first, rest=rest))


def and_no(items: Sequence[str]) -> str:
    """``a and no b``: the missing phases, after "has no".

    >>> and_no(["plan", "act"])
    'plan and no act'
    """
    return _chain(items, lambda first, rest: Msg("{first} and no {rest}", first=first, rest=rest))


def or_list(items: Sequence[str]) -> str:
    """``a or b or c``.

    >>> or_list(["students", "staff"])
    'students or staff'
    """
    return _chain(items, lambda first, rest: Msg("{first} or {rest}", first=first, rest=rest))


def listing(text: Any, lang: str = "fi") -> str:
    """A label in one language for a message."""
    return text_in(text, lang)
