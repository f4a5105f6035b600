"""Pydantic validation errors rewritten as located, human problems with hints."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from qms.errors import Problem
from qms.load.yaml_reader import SourceMap
from qms.model.base import ID_PATTERN, id_error, slugify
from qms.suggest import did_you_mean

__all__ = ["translate"]

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list ([a, b] or '- a' lines)",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Walk model classes along a pydantic ``loc`` to the class that holds the last key."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        fld = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if fld is None:
            return current if isinstance(current, type) else None
        current = _inner_model(fld.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _keys_of(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


_TYPE_TAGS = {"str", "int", "float", "bool", "date"}


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` without the union-member and validator tags pydantic inserts after a field
    (``'str'``, ``'dict[...]'``, ``'function-after[...]'``); a field *named* ``date`` stays.

    Examples
    --------
    >>> _clean_loc(("steps", 3, "name", "str")), _clean_loc(("evaluations", 0, "date"))
    (('steps', 3, 'name'), ('evaluations', 0, 'date'))
    """
    out: list[Any] = []
    for p in loc:
        tag = isinstance(p, str) and ("[" in p or (p in _TYPE_TAGS and bool(out) and isinstance(out[-1], str)))
        if not tag:
            out.append(p)
    return tuple(out)


def translate(
    exc: ValidationError,
    model: type[BaseModel],
    smap: SourceMap,
    *,
    index_maps: dict[str, list[int]] | None = None,
    process: str = "",
) -> list[Problem]:
    """Turn a pydantic error into one located problem per distinct cause."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        raw_loc = loc
        if index_maps and len(loc) >= 2 and loc[0] in index_maps and isinstance(loc[1], int):
            mapping = index_maps[loc[0]]
            if loc[1] < len(mapping):
                raw_loc = (loc[0], mapping[loc[1]], *loc[2:])
        kind = err["type"]
        key = (raw_loc if kind != "union_tag_invalid" else raw_loc[:-1], kind)
        text_key = raw_loc[: len(raw_loc)]
        if any(text_key[: len(s)] == s and k in {"text"} for s, k in seen):
            continue
        if key in seen:
            continue
        seen.add(key)
        problems.append(_problem(err, kind, loc, raw_loc, model, smap, process))
    return _merge_text_errors(problems)


def _merge_text_errors(problems: list[Problem]) -> list[Problem]:
    # A Text field reports both "not a string" and "not a mapping": keep one per place.
    out: list[Problem] = []
    places: set[tuple[str, int, int]] = set()
    for p in problems:
        place = (p.location.file, p.location.line, p.location.column)
        if p.message.startswith("expected text") and place in places:
            continue
        places.add(place)
        out.append(p)
    return out


def _problem(
    err: Any, kind: str, loc: tuple[Any, ...], raw_loc: tuple[Any, ...], model: type[BaseModel],
    smap: SourceMap, process: str,
) -> Problem:
    field = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
    value = err.get("input")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        keys = _keys_of(owner)
        hint = did_you_mean(field, keys) or (f"allowed keys: {', '.join(keys)}" if keys else "")
        return Problem(smap.locate(raw_loc, key=True), f"unknown key '{field}'", hint, process=process)
    if kind == "missing":
        where = smap.locate(raw_loc[:-1])
        choices = _choices(_model_at(model, loc[:-1]), field)
        hint = f"add `{field}:`" + (f" with one of: {', '.join(choices)}" if choices else "")
        return Problem(where, f"missing required key '{field}'", hint, process=process)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        hint = did_you_mean(value, choices) or f"use one of: {', '.join(choices)}"
        return Problem(smap.locate(raw_loc), f"'{value}' is not allowed for '{field}'", hint, process=process)
    if kind in _TYPE_NAMES or kind in {"dict_type", "model_type"}:
        expected = _TYPE_NAMES.get(kind, "a mapping")
        shown = _show(value)
        if (kind in {"string_type", "dict_type"} and field and field != "id"):
            return Problem(
                smap.locate(raw_loc),
                f"expected text for '{field}', got {shown}",
                "write plain text or {fi: ..., en: ...}",
                process=process,
            )
        hint = "leave out the time of day" if isinstance(value, dt.datetime) else ""
        if field == "id" and isinstance(value, int | float):
            hint = f"an id starts with a letter or _: try 'p{value}'"
        return Problem(
            smap.locate(raw_loc),
            f"expected {expected} for '{field or _parent_name(loc)}', got {shown}",
            hint,
            process=process,
        )
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == ID_PATTERN.pattern:
        msg, hint = _id_message(str(value), loc)
        label = f"'{field}': " if field else ""
        return Problem(smap.locate(raw_loc), f"{label}{msg}", hint, process=process)
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return Problem(smap.locate(raw_loc), f"'{field}': {err['msg'].lower()}", "", process=process)
    msg = err.get("msg", "invalid value")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if msg.startswith("Assertion failed, "):
        msg = msg[len("Assertion failed, ") :]
    hint = ""
    if "; hint: " in msg:
        msg, _, hint = msg.partition("; hint: ")
    elif "; try '" in msg:
        msg, _, rest = msg.partition("; try '")
        msg = msg.rstrip()
        hint = f"try '{rest.rstrip(chr(39))}'"
    label = f"'{field}': " if field else ""
    return Problem(smap.locate(raw_loc), f"{label}{msg}", hint, process=process)


_ARROWS = ("=>", "→", "—>", "–>", "- >", "-->", ">>")


def _id_message(value: str, loc: tuple[Any, ...]) -> tuple[str, str]:
    """The message for an invalid id: a mistyped flow arrow, a leading digit, other letters.

    Examples
    --------
    >>> _id_message("a => b", ("flow", 0, "from"))
    ("'a => b' is not a flow: the arrow is '->'", "write 'a -> b'")
    >>> _id_message("123", ("steps", 0, "id"))
    ("id '123' must start with a letter or _", "try 'p123'")
    """
    if loc and loc[0] in ("flow", "messages"):
        for arrow in _ARROWS:
            if arrow in value:
                fixed = " -> ".join(part.strip() for part in value.split(arrow))
                return f"'{value}' is not a flow: the arrow is '->'", f"write '{fixed}'"
    if value[:1].isdigit():
        return f"id '{value}' must start with a letter or _", f"try 'p{slugify(value).lstrip('_')}'"
    return id_error(value)


def _choices(owner: type[BaseModel] | None, key: str) -> list[str]:
    """The values a field of ``owner`` allows, when it is a choice (``Literal``), else ``[]``.

    Examples
    --------
    >>> from qms.model import Process
    >>> _choices(Process, "category")
    ['management', 'core', 'support']
    """
    if owner is None:
        return []
    fld = owner.model_fields.get(key) or next((f for f in owner.model_fields.values() if f.alias == key), None)
    if fld is None or get_origin(fld.annotation) is not Literal:
        return []
    return [str(v) for v in get_args(fld.annotation)]


def _parent_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if not isinstance(part, int):
            return str(part)
    return "document"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, dt.date):  # a datetime too: shown as written, never as a Python repr
        return f"'{value.isoformat()}'"
    if not isinstance(value, str):
        return str(value)
    text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."
