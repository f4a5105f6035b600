"""Canonical layout of a YAML file that keeps its comments: key order and indentation."""

from __future__ import annotations

import io
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from qms.errors import Problem, UserError
from qms.load.messages import _inner_model
from qms.load.yaml_reader import parse_text
from qms.location import SourceLocation
from qms.model import Process, QualitySystem

__all__ = ["format_text"]


def _yaml() -> YAML:
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 120
    y.preserve_quotes = True
    return y


def _order(node: Any, model: type[BaseModel] | None) -> None:
    if model is None:
        return
    if isinstance(node, CommentedSeq):
        for item in node:
            _order(item, model)
        return
    if not isinstance(node, CommentedMap):
        return
    fields = {(f.alias or name): f for name, f in model.model_fields.items()}
    known = [k for k in fields if k in node]
    for key in known + [k for k in list(node) if k not in fields]:
        node.move_to_end(key)
    for key in known:
        _order(node[key], _inner_model(fields[key].annotation))


def format_text(text: str, display: str = "<text>") -> str:
    """Return ``text`` with keys in the canonical order of the format, comments kept.

    Raises
    ------
    UserError
        When the text is not valid YAML, or holds a value YAML cannot read (an impossible date).
    """
    _, problems = parse_text(text, display)  # the loader's own reading: the same located messages
    if any(p.severity == "error" for p in problems):
        raise UserError(problems)
    y = _yaml()
    try:
        doc = y.load(text)
    except (YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = SourceLocation(display, mark.line + 1, mark.column + 1) if mark else SourceLocation(display, 1, 1)
        raise UserError([Problem(loc, f"invalid YAML: {getattr(exc, 'problem', exc)}", "fix it, then run fmt again")]) from None
    if not isinstance(doc, CommentedMap):
        return text
    model: type[BaseModel] = Process if "process" in doc else QualitySystem
    _order(doc, model)
    out = io.StringIO()
    y.dump(doc, out)
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
