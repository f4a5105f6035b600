"""Safe, located YAML reading: text checks, the libyaml composer, and a source map."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qms.errors import Problem
from qms.location import SourceLocation

__all__ = ["MAX_BYTES", "ParsedFile", "SourceMap", "date_problem", "format_path", "parse_text", "read_file"]

MAX_BYTES = 32 * 1024 * 1024
"""Largest YAML file qms reads (a process description is a few kilobytes)."""

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """The libyaml loader with a fast path for plain scalars that can only be strings."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in self.yaml_implicit_resolvers:
            return _STR
        return super().resolve(kind, value, implicit)

_Path = tuple[str | int, ...]
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


def format_path(path: _Path) -> str:
    """Return the YAML path of ``path`` as ``steps[3].lane``.

    Examples
    --------
    >>> format_path(("steps", 3, "lane"))
    'steps[3].lane'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class SourceMap:
    """Line and column (1-based) of every key and value of one parsed file.

    Why: pydantic reports ``('steps', 3, 'lane')``; the user needs ``file:12:5``.
    """

    file: str
    values: dict[_Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[_Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: _Path, *, key: bool = False) -> SourceLocation:
        """Locate ``path``; falls back to the nearest located parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            pos = table.get(probe) or self.values.get(probe)
            if pos:
                return SourceLocation(self.file, pos[0], pos[1], format_path(path))
            probe = probe[:-1]
        pos = self.values.get((), (1, 1))
        return SourceLocation(self.file, pos[0], pos[1], format_path(path))


@dataclass
class ParsedFile:
    """A parsed YAML document and its source map."""

    path: Path
    data: Any
    source_map: SourceMap


def read_file(path: Path, display: str, max_bytes: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """Read a YAML file as UTF-8 text, refusing what is not a reasonable text file."""
    here = SourceLocation(display, 1, 1)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(SourceLocation(display), f"cannot read file: {exc.strerror}")]
    if size > max_bytes:
        return None, [
            Problem(
                here,
                f"file is {size / 1024 / 1024:.1f} MB, more than the {max_bytes // 1024 // 1024} MB limit",
                "split the description into several process files",
            )
        ]
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None, [Problem(here, "file is binary, not a YAML text file", "check the file name and its content")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                SourceLocation(display, line, col),
                f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8 in your editor",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(here, "file is empty", "start from `qms new process NAME`")]
    return text, []


def parse_text(text: str, display: str, *, alias_budget: int = 200_000) -> tuple[ParsedFile | None, list[Problem]]:
    """Parse YAML ``text`` into plain data plus a :class:`SourceMap`.

    Duplicate keys, alias bombs and multi-document files are refused with located problems.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_problem(exc, display, text)]
    except yaml.YAMLError as exc:
        return None, [Problem(SourceLocation(display, 1, 1), f"invalid YAML: {exc}")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(SourceLocation(display, 1, 1), "file is empty", "start from `qms new process NAME`")]
    smap = SourceMap(display)
    problems: list[Problem] = []
    budget = [alias_budget]
    constructor = yaml.constructor.SafeConstructor()
    data = _convert(node, (), smap, problems, budget, constructor, display, set())
    if budget[0] < 0:
        return None, [
            Problem(
                SourceLocation(display, 1, 1),
                "YAML aliases expand to too many elements (alias bomb?)",
                "write the content out instead of nesting aliases",
            )
        ]
    return ParsedFile(Path(display), data, smap), problems


def _convert(
    node: yaml.Node,
    path: _Path,
    smap: SourceMap,
    problems: list[Problem],
    budget: list[int],
    constructor: yaml.constructor.SafeConstructor,
    display: str,
    seen: set[int],
) -> Any:
    # Only nodes reached again through an alias count against the budget: a large file
    # is fine, an alias that expands exponentially is not.
    ident = id(node)
    if ident in seen:
        budget[0] -= 1
        if budget[0] < 0:
            return None
    else:
        seen.add(ident)
    smap.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        SourceLocation(display, knode.start_mark.line + 1, knode.start_mark.column + 1),
                        "merge keys (<<) are not supported",
                        "write the keys out",
                    )
                )
                continue
            if knode.tag == _STR or not isinstance(knode, yaml.ScalarNode):
                key = knode.value if knode.tag == _STR else None
            else:
                key = _key(knode, constructor, display, problems)
            if not isinstance(key, str | int) or isinstance(key, bool):
                key = str(key)
            key_path = (*path, key)
            kpos = (knode.start_mark.line + 1, knode.start_mark.column + 1)
            if key in out:
                first = smap.keys.get(key_path, (0, 0))
                problems.append(
                    Problem(
                        SourceLocation(display, *kpos, format_path(key_path)),
                        f"duplicate key '{key}' (first at line {first[0]})",
                        "remove one of them",
                    )
                )
                continue
            if vnode.tag == _NULL and node.flow_style and out and _no_value(knode, vnode):
                # ``{fi: Asiakas (opiskelija, huoltaja), en: …}``: the comma ended the text and
                # ``huoltaja)`` became a key. Report it once and keep the text whole.
                last = next(reversed(out))
                problems.append(_comma_problem(display, kpos, key_path, last, out[last], key))
                if isinstance(out[last], str):
                    out[last] = f"{out[last]}, {key}"
                continue
            smap.keys[key_path] = kpos
            out[key] = _convert(vnode, key_path, smap, problems, budget, constructor, display, seen)
            if budget[0] < 0:
                return None
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            items.append(_convert(child, (*path, i), smap, problems, budget, constructor, display, seen))
            if budget[0] < 0:
                return None
        return items
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _BOOL and not node.style and node.value.lower() not in ("true", "false"):
        return node.value  # YAML 1.2: yes/no/on/off are words (a branch labelled "yes")
    where = SourceLocation(display, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path))
    try:
        return constructor.construct_object(node)
    except yaml.YAMLError as exc:
        problems.append(Problem(where, f"cannot read value: {getattr(exc, 'problem', exc)}",
                                "quote the value to keep it as text"))
    except (ValueError, OverflowError):  # an impossible date or time: 2026-02-30, 2026-13-45
        problems.append(Problem(where, *date_problem(node.value)))
    return node.value


def _key(knode: yaml.ScalarNode, constructor: yaml.constructor.SafeConstructor, display: str,
         problems: list[Problem]) -> Any:
    """A key that is not plain text (``1``, ``true``, ``!tag x``); a tag YAML cannot read is a problem."""
    try:
        return constructor.construct_object(knode)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        tagged = knode.tag.startswith("!")
        problems.append(Problem(
            SourceLocation(display, knode.start_mark.line + 1, knode.start_mark.column + 1),
            f"cannot read key '{knode.tag} {knode.value}': YAML takes '{knode.tag}' for a type tag" if tagged
            else f"cannot read key '{knode.value}': {getattr(exc, 'problem', exc)}",
            "write the key as plain text, without '!'"))
        return knode.value


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(text: str) -> tuple[str, str]:
    """The message and hint for a value that looks like a date but is none.

    Examples
    --------
    >>> date_problem("2026-02-30")
    ("'2026-02-30' is not a date: month 2 of 2026 has 28 days", 'write a real date as YYYY-MM-DD, e.g. 2026-02-28')
    >>> date_problem("2026-13-45")[0]
    "'2026-13-45' is not a date: there is no month 13"
    """
    m = _DATE.match(text.strip())
    example = "2026-01-31"
    reason = "write it as YYYY-MM-DD"
    if m:
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            reason = f"there is no month {month}"
        elif year >= 1:
            days = calendar.monthrange(year, month)[1]
            reason = f"month {month} of {year} has {days} days"
            example = f"{year:04d}-{month:02d}-{days:02d}"
    return f"'{text}' is not a date: {reason}", f"write a real date as YYYY-MM-DD, e.g. {example}"


def _no_value(knode: yaml.Node, vnode: yaml.Node) -> bool:
    """True for an entry of a flow mapping written without ``:`` (``{a: b, c}``)."""
    return (isinstance(vnode, yaml.ScalarNode) and vnode.tag == "tag:yaml.org,2002:null" and not vnode.value
            and vnode.start_mark.index <= knode.end_mark.index and not knode.tag.startswith("!"))


def _comma_problem(display: str, kpos: tuple[int, int], key_path: _Path, last: object, value: object,
                   key: object) -> Problem:
    text = f"{value}, {key}" if isinstance(value, str) else f"..., {key}"
    return Problem(
        SourceLocation(display, *kpos, format_path(key_path)),
        f"'{key}' has no value: a comma inside an unquoted text ends the text",
        f'put the text in quotes: {last}: "{text}"',
    )


def _yaml_problem(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "'\\t'" in problem or "\t" in problem:
        return Problem(
            SourceLocation(display, line, col),
            "tab character in indentation",
            "YAML indents with spaces; replace the tabs with spaces",
        )
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or current[col - 1 : col] == "\t":
        return Problem(
            SourceLocation(display, line, col),
            "tab character in indentation",
            "YAML indents with spaces; replace the tabs with spaces",
        )
    hint = "check the indentation and quoting near this line"
    opened = exc.context_mark
    if opened is not None and ("expected ',' or ']'" in problem or "expected ',' or '}'" in problem):
        bracket = "[" if "]" in problem else "{"
        return Problem(SourceLocation(display, opened.line + 1, opened.column + 1),
                       f"invalid YAML: the '{bracket}' here is not closed",
                       f"close it with '{']' if bracket == '[' else '}'}', or quote a text that holds ',' or ':'")
    for words, (message, better) in _YAML_SLIPS.items():
        if words in problem:
            return Problem(SourceLocation(display, line, col), f"invalid YAML: {message or problem}", better)
    return Problem(SourceLocation(display, line, col), f"invalid YAML: {problem}", hint)


#: Words of the YAML parser's message → (our message, or "" to keep its own; the hint).
_YAML_SLIPS: dict[str, tuple[str, str]] = {
    "mapping values are not allowed": ("", "quote a value that contains ': ' (e.g. \"a: b\") or fix the indentation"),
    "expected <document start>": ("", "keep one YAML document per file (no '---' in the middle)"),
    "expected a single document": ("", "keep one YAML document per file (no '---' in the middle)"),
    "did not find expected '-' indicator": ("this line is indented differently from the list it is in",
                                            "indent each '- ' item of a list by the same number of spaces"),
    "did not find expected key": ("this line is indented differently from the keys above it",
                                  "indent the keys of one mapping by the same number of spaces"),
    "cannot start any token": ("a value starts with a character YAML keeps for itself (` @ %)",
                               "put the value in quotes"),
}
