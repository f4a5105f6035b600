"""Suggestions for a mistyped word: one helper for the loader, the model, the checks and the CLI."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """Return ``"did you mean 'x'?"`` for the closest choice, or ``""``.

    Two swapped letters count as closest (``owenr`` → ``owner``); otherwise the closest by
    :func:`difflib.get_close_matches`.

    Examples
    --------
    >>> did_you_mean("ownr", ["owner", "name"])
    "did you mean 'owner'?"
    >>> did_you_mean("Karvi-2202", ["OKM-2014", "Karvi-2022"])
    "did you mean 'Karvi-2022'?"
    >>> did_you_mean("xyz", ["owner"])
    ''
    """
    text = str(word)
    options = [str(c) for c in choices]
    swapped = [c for c in options if len(c) == len(text) and sorted(c) == sorted(text) and c != text]
    match = swapped[:1] or difflib.get_close_matches(text, options, n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""
