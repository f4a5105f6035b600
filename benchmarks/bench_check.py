"""Time loading and checking a synthetic system (default 500 processes × 40 steps).

Usage::

    python benchmarks/bench_check.py [--processes 500] [--steps 40] [--runs 5] [--keep DIR]

Prints the load time and the check time (``run_checks``, beyond loading: flow views, analyses
and every rule of the recommended profile): best and median wall time and the best CPU time
(steadier on a busy machine), and the findings count.
Run on demand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import write_system

from qms.check import run_checks
from qms.load import load


def _timed(fn, runs: int):  # type: ignore[no-untyped-def]
    """Best and median wall time, best CPU time, and the last result."""
    wall, cpu, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(wall), statistics.median(wall), min(cpu), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the system here and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "synth"
        start = time.perf_counter()
        write_system(folder, args.processes, args.steps)
        generated = time.perf_counter() - start
        load_best, load_median, load_cpu, loaded = _timed(lambda: load(folder), max(1, min(args.runs, 3)))
        if loaded.system is None or not loaded.ok:
            print("the synthetic system does not load:", *[p.format() for p in loaded.problems[:5]], sep="\n")
            return 1
        system = loaded.system
        steps = sum(len(p.steps) for p in system.processes)
        check_best, check_median, check_cpu, findings = _timed(lambda: run_checks(system), args.runs)
    print(f"system: {args.processes} processes, {steps} steps (generated in {generated:.2f} s)")
    print(f"load:   best {load_best:.3f} s, median {load_median:.3f} s, cpu {load_cpu:.3f} s")
    print(f"check:  best {check_best:.3f} s, median {check_median:.3f} s, cpu {check_cpu:.3f} s"
          f"  ({len(findings)} findings)")
    print(f"check per process: {1000 * check_best / args.processes:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
