"""The parts of qms the benchmarks call, resolved at run time.

Parts of qms are written while the benchmarks are: each accessor raises
:class:`~harness.NotAvailable` ("not built") when its function cannot be imported, so the
table still prints with ``n/a (not built)`` in that row.
"""

from __future__ import annotations

import importlib
import inspect
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import NotAvailable

__all__ = [
    "check",
    "draw_flow",
    "export_process",
    "export_system",
    "import_bpmn",
    "load",
    "model_without_loader",
    "render_all",
]


def _first(candidates: list[tuple[str, str]], what: str) -> Callable[..., Any]:
    for module, name in candidates:
        try:
            fn = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        return fn  # type: ignore[no-any-return]
    raise NotAvailable(f"not built: {what}")


def load(path: Path, *, max_bytes: int = 1 << 30) -> Any:
    """Load a system folder; raise when it does not load cleanly (the benchmark would lie)."""
    from qms.load import load as _load

    result = _load(path, max_bytes=max_bytes)
    if result.system is None or not result.ok:
        first = next((p.format() for p in result.problems if p.severity == "error"), "no system")
        raise NotAvailable(f"load failed: {first}")
    return result


def model_without_loader(folder: Path) -> Any:
    """The system of ``folder`` built straight from its YAML, skipping ``qms.load``.

    For when the loader refuses a file that the later stages can still be measured on: the
    model is the same, only source positions are missing.
    """
    import yaml

    from qms.model import QualitySystem

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((folder / "system.yaml").read_text(encoding="utf-8"), Loader=loader)
    procs = [yaml.load(f.read_text(encoding="utf-8"), Loader=loader)
             for f in sorted((folder / "processes").glob("*.yaml"))]
    return QualitySystem.model_validate({**data, "processes": procs})


def check(system: Any) -> Callable[[], Any]:
    """A callable that runs every rule of the system's profile over ``system``."""
    run = _first([("qms.check.engine", "run_checks"), ("qms.check", "run_checks")], "qms.check.run_checks")
    return lambda: run(system)


def export_process(system: Any, process: Any) -> bytes:
    fn = _first([("qms.bpmn.export", "export_process"), ("qms.bpmn", "export_process")], "qms.bpmn.export_process")
    return fn(system, process)  # type: ignore[no-any-return]


def export_system(system: Any) -> bytes:
    fn = _first([("qms.bpmn.export", "export_system"), ("qms.bpmn", "export_system")], "qms.bpmn.export_system")
    return fn(system)  # type: ignore[no-any-return]


def import_bpmn() -> Callable[[bytes, str], Any]:
    """A callable ``(data, name) -> result`` around qms's BPMN reader, whatever it takes."""
    fn = _first(
        [
            ("qms.bpmn.read", "read_bpmn"),
            ("qms.bpmn", "read_bpmn"),
            ("qms.bpmn.read", "import_bpmn"),
            ("qms.bpmn", "import_bpmn"),
            ("qms.bpmn.read", "read"),
        ],
        "qms.bpmn.read",
    )
    params = list(inspect.signature(fn).parameters.values())
    names = {p.name for p in params}
    kwargs: dict[str, Any] = {}
    if "max_bytes" in names:
        kwargs["max_bytes"] = 1 << 31  # the scaling series goes far beyond a real file
    first = params[0] if params else None
    takes_bytes = first is not None and ("bytes" in str(first.annotation) or first.name in {"data", "xml"})
    if takes_bytes:
        label = next((n for n in ("source", "name", "display") if n in names), None)
        if label is not None:
            return lambda data, name: fn(data, **{label: name}, **kwargs)
        return lambda data, name: fn(data, **kwargs)
    # a reader that takes a path: hand it one (the file exists beside the bytes)
    return lambda data, name: fn(Path(name), **kwargs)


def draw_flow() -> Callable[..., Any]:
    return _first([("qms.render.dot", "draw_flow")], "qms.render.dot.draw_flow")


def render_all() -> Callable[..., Any]:
    return _first([("qms.render.svg", "render_all")], "qms.render.svg.render_all")


def dot_available() -> bool:
    return shutil.which("dot") is not None
