"""Times the Python BPMN peers (pm4py, bpmn-io) on one BPMN file; run with the peers' venv.

    python pydriver.py PEER OP FILE [MAX_RUNS]

PEER: ``pm4py`` or ``bpmn-io``. OP: ``read`` (parse into the peer's model), ``write``
(serialise a model read from FILE; reading is not timed), ``layout-write`` (lay out a model
read from FILE, which has no DI, and serialise it), ``read-many`` (FILE lists one BPMN path
per line). Prints one JSON line: {"seconds": best run, "runs": [...], "failed": n}.
Only the operation is timed: interpreter start-up, imports and file reading are not.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(fn: Callable[[], Any], max_runs: int) -> tuple[list[float], Any]:
    runs: list[float] = []
    result = None
    # when the run is stopped at the time limit, this tells how long the operation itself ran
    print(json.dumps({"started_at": time.time()}), flush=True)
    while len(runs) < max_runs and (not runs or sum(runs) < 2.0):
        t0 = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t0)
    return runs, result


def _pm4py(op: str, file: str, max_runs: int) -> dict[str, Any]:
    import pm4py

    out = str(Path(tempfile.mkdtemp()) / "out.bpmn")
    if op == "read":
        runs, _ = _timed(lambda: pm4py.read_bpmn(file), max_runs)
        return {"runs": runs}
    if op in ("write", "layout-write"):
        model = pm4py.read_bpmn(file)
        if any(getattr(node, "process_ref", "") is None for node in model.get_nodes()):
            # pm4py's writer concatenates "id" + processRef: a TypeError after any layout work
            raise SystemExit("pm4py cannot write a black-box pool (a participant without processRef)")
        layout = op == "layout-write"
        runs, _ = _timed(lambda: pm4py.write_bpmn(model, out, auto_layout=layout), max_runs)
        return {"runs": runs, "bytes": Path(out).stat().st_size}
    if op == "read-many":
        files = [f for f in Path(file).read_text(encoding="utf-8").splitlines() if f]
        failed = [0]

        def many() -> None:
            failed[0] = 0
            for f in files:
                try:
                    pm4py.read_bpmn(f)
                except Exception:  # a peer's failure on one file is counted
                    failed[0] += 1

        runs, _ = _timed(many, max_runs)
        return {"runs": runs, "failed": failed[0], "files": len(files)}
    raise SystemExit(f"unknown op {op}")


def _bpmn_io(op: str, file: str, max_runs: int) -> dict[str, Any]:
    from bpmn_io import BpmnModdle, layout_process

    if op == "read":
        xml = Path(file).read_text(encoding="utf-8")
        runs, result = _timed(lambda: BpmnModdle().from_xml(xml), max_runs)
        return {"runs": runs, "warnings": len(result.warnings)}
    if op == "write":
        xml = Path(file).read_text(encoding="utf-8")
        moddle = BpmnModdle()
        root = moddle.from_xml(xml).root_element
        runs, result = _timed(lambda: moddle.to_xml(root, {"format": True}), max_runs)
        return {"runs": runs, "bytes": len(result.xml.encode("utf-8"))}
    if op == "layout-write":
        xml = Path(file).read_text(encoding="utf-8")
        runs, result = _timed(lambda: layout_process(xml), max_runs)
        return {"runs": runs}
    if op == "read-many":
        texts = [Path(f).read_text(encoding="utf-8", errors="replace")
                 for f in Path(file).read_text(encoding="utf-8").splitlines() if f]
        failed = [0]

        def many() -> None:
            failed[0] = 0
            for xml in texts:
                try:
                    BpmnModdle().from_xml(xml)
                except Exception:  # a peer's failure on one file is counted
                    failed[0] += 1

        runs, _ = _timed(many, max_runs)
        return {"runs": runs, "failed": failed[0], "files": len(texts)}
    raise SystemExit(f"unknown op {op}")


def main(argv: list[str]) -> None:
    peer, op, file = argv[:3]
    max_runs = int(argv[3]) if len(argv) > 3 else 5
    result = (_pm4py if peer == "pm4py" else _bpmn_io)(op, file, max_runs)
    result["seconds"] = min(result["runs"])
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
