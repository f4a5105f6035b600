"""Find, parse, validate and cross-reference a quality system or a single process file."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qms.errors import Problem, UserError
from qms.load.messages import _inner_model, translate
from qms.load.resolve import resolve
from qms.load.yaml_reader import MAX_BYTES, SourceMap, format_path, parse_text, read_file
from qms.location import SourceLocation
from qms.model import Process, Provider, QualitySystem, StrictModel
from qms.model.process import expand_flow, expand_message

__all__ = ["LoadResult", "load", "load_or_raise", "process_files", "system_root"]


@dataclass
class LoadResult:
    """What a load produced: the system (None when nothing usable), every problem, the files.

    ``standalone`` is True when a single process file outside any system folder was
    loaded; ``system`` is then a minimal system around that one process, and references
    to roles, stakeholders and other processes are not checked. A process file inside a
    system folder (under ``processes/`` of the nearest folder with ``system.yaml``) is
    loaded with its whole system: ``focus`` is then its shown path and ``problems`` are
    those of that file (and of system.yaml when the system could not be read).
    """

    system: QualitySystem | None
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    standalone: bool = False
    source_maps: dict[str, SourceMap] = field(default_factory=dict)
    root: Path | None = None
    focus: str | None = None

    @property
    def focus_process(self) -> str | None:
        """The id of the process in the :attr:`focus` file (None for a whole system)."""
        if self.focus is None or self.system is None:
            return None
        return next((p.process for p in self.system.processes if p.loc and p.loc.file == self.focus), None)

    @property
    def ok(self) -> bool:
        """True when there is no error-level problem."""
        return not any(p.severity == "error" for p in self.problems)


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("../../") else rel


def process_files(root: Path) -> list[Path]:
    """The process files of a system folder, sorted by path."""
    folder = root / "processes"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load(path: str | Path, *, max_bytes: int = MAX_BYTES) -> LoadResult:
    """Load a system folder (``system.yaml`` + ``processes/**/*.yaml``) or one process file.

    Never raises for bad input: every problem is collected in :attr:`LoadResult.problems`
    with its file, line and column.

    Parameters
    ----------
    path
        A folder with ``system.yaml``, the ``system.yaml`` file itself, or a process file.
    """
    result = _load(Path(path), max_bytes)
    unique = {(p.location.file, p.location.line, p.location.column, p.severity, p.message, p.hint): p
              for p in reversed(result.problems)}  # (the first of two, where their paths differ)
    result.problems = sorted(unique.values(), key=lambda p: (p.location.file, p.location.line, p.location.column))
    if result.focus is not None:
        shown = {result.focus} if result.system is not None else {result.focus, result.files[0]}
        result.problems = [p for p in result.problems if p.location.file in shown]
    return result


def system_root(file: Path) -> Path | None:
    """The system folder a process file belongs to: the nearest folder above it with
    ``system.yaml`` whose ``processes/`` holds the file; None for a file on its own."""
    resolved = file.resolve()
    for folder in resolved.parents:
        if (folder / "system.yaml").is_file():
            return folder if (folder / "processes") in resolved.parents else None
    return None


def _load(path: Path, max_bytes: int) -> LoadResult:
    shown = _display(path)
    if not path.exists():
        return LoadResult(None, [Problem(SourceLocation(shown), "path does not exist", "check the spelling")])
    if path.is_dir():
        if not (path / "system.yaml").is_file():
            hint = "a system folder holds system.yaml and processes/*.yaml; create one with `qms new system DIR`"
            return LoadResult(None, [Problem(SourceLocation(shown), "folder has no system.yaml", hint)])
        return _load_system(path, max_bytes)
    if path.name == "system.yaml":
        return _load_system(path.parent, max_bytes)
    root = system_root(path)
    if root is None:
        return _load_single(path, max_bytes)
    result = _load_system(root, max_bytes)
    result.focus = _display(path.resolve())
    return result


def load_or_raise(path: str | Path) -> LoadResult:
    """Like :func:`load`, but raise :class:`UserError` when there is any error."""
    result = load(path)
    if not result.ok:
        raise UserError([p for p in result.problems if p.severity == "error"])
    return result


def _parse(path: Path, max_bytes: int) -> tuple[Any, SourceMap | None, list[Problem], str]:
    shown = _display(path)
    text, problems = read_file(path, shown, max_bytes)
    if text is None:
        return None, None, problems, shown
    parsed, problems = parse_text(text, shown)
    if parsed is None:
        return None, None, problems, shown
    if not isinstance(parsed.data, dict):
        problems.append(
            Problem(parsed.source_map.locate(()), "expected a mapping of keys at the top of the file",
                    "start with `process: <id>` or `system: <id>`")
        )
        return None, None, problems, shown
    return parsed.data, parsed.source_map, problems, shown


def _index_maps(data: dict[str, Any]) -> dict[str, list[int]]:
    maps: dict[str, list[int]] = {}
    for key, expand in (("flow", expand_flow), ("messages", expand_message)):
        items = data.get(key)
        if isinstance(items, list):
            mapping: list[int] = []
            for i, item in enumerate(items):
                try:
                    n = len(expand(item))
                except ValueError:
                    n = 1
                mapping.extend([i] * n)
            maps[key] = mapping
    return maps


def _not_at(problems: list[Problem], parsed: list[Problem]) -> list[Problem]:
    """``problems`` without those at a place the YAML reader already reported (one message per mistake)."""
    places = {(p.location.line, p.location.column) for p in parsed}
    return [p for p in problems if (p.location.line, p.location.column) not in places]


def _validate_process(data: Any, smap: SourceMap) -> tuple[Process | None, list[Problem]]:
    pid = str(data.get("process", "")) if isinstance(data, dict) else ""
    maps = _index_maps(data)
    try:
        process = Process.model_validate(data)
    except ValidationError as exc:
        return None, translate(exc, Process, smap, index_maps=maps, process=pid)
    _attach(process, (), smap, maps)
    return process, []


def _load_single(path: Path, max_bytes: int) -> LoadResult:
    data, smap, problems, shown = _parse(path, max_bytes)
    result = LoadResult(None, problems, [shown])
    if data is None or smap is None:
        return result
    result.source_maps[shown] = smap
    if "system" in data and "process" not in data:
        problems.append(Problem(smap.locate(()), "this is a system file; load its folder",
                                f"run qms on {_display(path.parent)}"))
        return result
    process, errs = _validate_process(data, smap)
    problems.extend(_not_at(errs, problems))
    if process is None:
        return result
    system = QualitySystem(
        system=process.process, name=process.name,
        provider=Provider(id=process.process, name=process.name), processes=[process],
    )
    result.system = system
    result.standalone = True
    problems.extend(resolve(system, standalone=True))
    return result


def _load_system(root: Path, max_bytes: int) -> LoadResult:
    data, smap, problems, shown = _parse(root / "system.yaml", max_bytes)
    result = LoadResult(None, problems, [shown], root=root)
    if smap is not None:
        result.source_maps[shown] = smap
    processes: list[Process] = []
    seen: dict[str, str] = {}
    broken: set[str] = set()  # ids of process files that did not load: no follow-on "unknown process"
    for file in process_files(root):
        pdata, psmap, pproblems, pshown = _parse(file, max_bytes)
        result.files.append(pshown)
        problems.extend(pproblems)
        if pdata is None or psmap is None:
            broken.update(_ids_of_unreadable(file))
            continue
        result.source_maps[pshown] = psmap
        process, errs = _validate_process(pdata, psmap)
        problems.extend(_not_at(errs, pproblems))
        if process is None:
            broken.add(str(pdata.get("process", "")))
            continue
        if process.process in seen:
            problems.append(
                Problem(psmap.locate(("process",)), f"duplicate process id '{process.process}'",
                        f"also defined in {seen[process.process]}; rename one", process=process.process)
            )
            continue
        seen[process.process] = pshown
        processes.append(process)
    if data is None or smap is None:
        return result
    if "processes" in data:
        problems.append(Problem(smap.locate(("processes",), key=True),
                                "processes are not listed in system.yaml",
                                "put each process in its own file under processes/"))
        data = {k: v for k, v in data.items() if k != "processes"}
    try:
        bare = QualitySystem.model_validate(data)
    except ValidationError as exc:
        problems.extend(_not_at(translate(exc, QualitySystem, smap), problems))
        return result
    _attach(bare, (), smap, {})
    system = bare.model_copy(update={"processes": processes})
    private = bare.__pydantic_private__ or {}
    system.set_source(private.get("_loc"), private.get("_ypath", ()), private.get("_smap"))
    result.system = system
    problems.extend(resolve(system, standalone=False, broken=broken))
    return result


_PROCESS_KEY = re.compile(r"^process:\s*['\"]?([A-Za-z_][A-Za-z0-9_.-]*)", re.MULTILINE)


def _ids_of_unreadable(file: Path) -> set[str]:
    """The ids a process file that could not be parsed may have: its stem, and its ``process:`` line."""
    ids = {file.stem}
    with contextlib.suppress(OSError):
        found = _PROCESS_KEY.search(file.read_bytes()[:MAX_BYTES].decode("utf-8", "replace"))
        if found:
            ids.add(found[1])
    return ids


_MODEL_FIELDS: dict[type, list[tuple[str, str, bool]]] = {}


def _model_fields(cls: type[StrictModel]) -> list[tuple[str, str, bool]]:
    """(attribute, YAML key, is a list) of the fields of ``cls`` that can hold models."""
    fields = _MODEL_FIELDS.get(cls)
    if fields is None:
        fields = []
        for name, fld in cls.model_fields.items():
            inner = _inner_model(fld.annotation)
            if inner is not None:
                is_list = getattr(fld.annotation, "__origin__", None) is list or "list[" in str(fld.annotation)
                fields.append((name, fld.alias or name, is_list))
        _MODEL_FIELDS[cls] = fields
    return fields


def _attach(obj: StrictModel, path: tuple[Any, ...], smap: SourceMap, maps: dict[str, list[int]]) -> None:
    """Give ``obj`` and every nested model its source location."""
    line, col = smap.values.get(path, (0, 0))
    obj.set_source(SourceLocation(smap.file, line, col, format_path(path)), path, smap)
    values = obj.__dict__
    for name, key, _is_list in _model_fields(type(obj)):
        value = values.get(name)
        if value is None:
            continue
        if isinstance(value, list):
            mapping = maps.get(key) if not path else None
            for i, item in enumerate(value):
                if isinstance(item, StrictModel):
                    raw_i = mapping[i] if mapping and i < len(mapping) else i
                    _attach(item, (*path, key, raw_i), smap, {})
        elif isinstance(value, StrictModel):
            _attach(value, (*path, key), smap, {})
