"""Safe, collision-free file names for pages and files made from model ids."""

from __future__ import annotations

import posixpath
import re

__all__ = ["file_stem", "safe_relpath"]

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_STEM = re.compile(r"^[a-z0-9_~][a-z0-9_.~-]*$")
# Device names that Windows refuses as a file name, with any extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "clock$"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def file_stem(model_id: str) -> str:
    """Return the file name stem for an id: lower case, and distinct on every file system.

    Ids are ASCII already (``[A-Za-z_][A-Za-z0-9_.-]*``), but ``Talous`` and ``talous``
    are two ids and would be one file on a case-insensitive file system (macOS, Windows).
    Each upper-case letter is therefore written as ``~`` and its lower-case letter,
    a character ids never hold; a name that Windows reserves (``con``, ``nul.x``) gets
    ``~`` before its first dot. The mapping is one-to-one, and depends on the id alone, so a page keeps
    its name when other processes come and go.

    Raises
    ------
    ValueError
        When ``model_id`` is not a valid id (it could point outside the site).

    Examples
    --------
    >>> file_stem("talous"), file_stem("Talous"), file_stem("M-OP-1")
    ('talous', '~talous', '~m-~o~p-1')
    >>> file_stem("con"), file_stem("nul.x")
    ('con~', 'nul~.x')
    >>> file_stem("../etc/passwd")
    Traceback (most recent call last):
    ...
    ValueError: '../etc/passwd' is not an id; it cannot name a file
    """
    if not isinstance(model_id, str) or not _ID.match(model_id):
        raise ValueError(f"{model_id!r} is not an id; it cannot name a file")
    stem = "".join(f"~{c.lower()}" if "A" <= c <= "Z" else c for c in model_id)
    first, dot, rest = stem.partition(".")
    if first in _RESERVED:
        stem = f"{first}~{dot}{rest}"
    return stem


def safe_relpath(path: str) -> str:
    """Return ``path`` if it is a clean relative POSIX path inside the output folder.

    Raises
    ------
    ValueError
        For absolute paths, ``..``, empty parts, back-slashes or characters outside
        ``[a-z0-9_.~-]`` in a name (upper case included: see :func:`file_stem`).

    Examples
    --------
    >>> safe_relpath("processes/talous.html")
    'processes/talous.html'
    >>> safe_relpath("../x.html")
    Traceback (most recent call last):
    ...
    ValueError: '../x.html' is not a safe relative path
    """
    parts = path.split("/")
    ok = (
        bool(path)
        and not path.startswith("/")
        and posixpath.normpath(path) == path
        and all(p not in ("", ".", "..") and (_STEM.match(p) or p == ".qms-cache.json") for p in parts)
    )
    if not ok:
        raise ValueError(f"{path!r} is not a safe relative path")
    return path
