"""qms measured in a fresh interpreter: one size of the scaling series, or one import.

    python worker.py scale FOLDER STEPS RUNS WORKDIR [--profile] [SKIP ...]
    python worker.py import FILE RUNS KEY [--profile] [--budget=SECONDS]

``scale``: FOLDER is a system folder with one synthetic process of STEPS steps. The worker loads it,
checks it and exports it with DI, each timed as the best of RUNS runs with
:func:`harness.time_call`, then writes the export without qms's extensions (the *plain* file
every peer reads) for the runner to time its import with ``import``, in an interpreter of its
own as ``qms import`` runs. A stage named in SKIP is not run (the runner predicted it would take
too long). Prints one JSON line: ``{"load": {"runs": [...]} | {"error": "..."}, "check": ...,
"export": ..., "plain": "FILE" | null, "profiles": {...}}``. With ``--profile`` each stage runs
once more, untimed, under :class:`profiling.Profiler`, whose summaries the runner prints with
the others.

``import``: reads FILE into memory, then times ``read_bpmn`` of its bytes (best of RUNS, fewer
when they add up to more than the budget, 3 s by default) and prints
``{"import": {"runs": [...]}}``; KEY names its profile.

Why a fresh process: the runner process holds the files, systems and exports of the other
scenarios. A 100,000-step model timed beside them pays for that heap (allocator, caches), so
its per-step time would grow for reasons that are not qms's, and an import timed there would
be compared with peers that each run in an interpreter of their own. Here qms starts from the
same empty interpreter as every peer does.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import qmsapi
from harness import SCALE_BUDGET, NotAvailable, time_call

from qms.memory import collect_less

_PROFILER: Any = None
_KEY = ""  # the profile's name; {stage} is replaced by the stage


def _stage(out: dict[str, Any], name: str, fn: Callable[[], Any], runs: int, budget: float = 3.0) -> Any:
    try:
        m, result = time_call(fn, max_runs=runs, budget=budget)
        if _PROFILER is not None:
            _PROFILER.profile(_KEY.replace("{stage}", name), fn)
    except NotAvailable as exc:
        out[name] = {"error": str(exc)}
        return None
    except Exception as exc:  # a qms bug is shown in the table; the series goes on
        first = str(exc).splitlines()[0][:90] if str(exc) else ""
        out[name] = {"error": f"error: {type(exc).__name__}: {first}"}
        return None
    out[name] = {"runs": m.runs}
    return result


def _start_profiler(key: str) -> None:
    global _PROFILER, _KEY
    from profiling import Profiler

    _PROFILER = Profiler.create()
    _KEY = key


def main(argv: list[str]) -> int:
    collect_less()  # as the qms command does: qms is measured as users run it
    if argv[0] == "import":
        budget = next((float(a.split("=", 1)[1]) for a in argv[4:] if a.startswith("--budget=")), 3.0)
        return import_file(Path(argv[1]), int(argv[2]), argv[3], "--profile" in argv[4:], budget,
                           before="--before" in argv[4:])
    return scale(argv[1:])


def import_file(file: Path, runs: int, key: str, profile: bool, budget: float, *, before: bool = False) -> int:
    if profile:
        _start_profiler(key)
    out: dict[str, Any] = {}
    try:
        read = qmsapi.import_bpmn() if not before else _before()
    except NotAvailable as exc:
        out["import"] = {"error": str(exc)}
    else:
        data = file.read_bytes()  # read before the timing
        _stage(out, "import", lambda: read(data, str(file)), runs, budget)
    _finish(out)
    return 0


def _before() -> Callable[..., Any]:
    import before  # (git and the old revision: only for this baseline)

    read = before.read_before()
    return lambda data, source: read(data, source, max_bytes=1 << 30)


def scale(argv: list[str]) -> int:
    folder, steps, runs, work = Path(argv[0]), int(argv[1]), int(argv[2]), Path(argv[3])
    skip = set(argv[4:]) - {"--profile"}
    if "--profile" in argv[4:]:
        _start_profiler(f"scale-{{stage}}-{steps}")
    out: dict[str, Any] = {}
    loaded = _stage(out, "load", lambda: qmsapi.load(folder), runs, SCALE_BUDGET)
    if loaded is not None:
        system = loaded.system
    else:
        try:  # the later stages can still be measured on the same model
            system = qmsapi.model_without_loader(folder)
            out["load"]["error"] += "; later stages use the model built from the YAML without qms.load"
        except Exception:
            _finish(out)
            return 0
    del loaded
    if "check" in skip:
        out["check"] = {"error": "skip"}
    else:
        try:
            _stage(out, "check", qmsapi.check(system), runs, SCALE_BUDGET)
        except NotAvailable as exc:
            out["check"] = {"error": str(exc)}
    xml = None
    if "export" in skip:
        out["export"] = {"error": "skip"}
    else:
        xml = _stage(out, "export", lambda: qmsapi.export_process(system, system.processes[0]), runs,
                     SCALE_BUDGET)
    out["plain"] = None
    if xml is not None:
        from scenarios import write_variants

        out["plain"] = str(write_variants(work, f"scale{steps}", xml)["plain"])
    _finish(out)
    return 0


def _finish(out: dict[str, Any]) -> None:
    if _PROFILER is not None:
        out["profiles"] = {"summaries": _PROFILER.summaries, "totals": _PROFILER.totals}
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
