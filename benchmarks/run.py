"""``make bench``: time qms against the bpmn.io stack, pm4py, bpmn-io and an lxml floor.

Usage::

    python benchmarks/run.py                      # everything, peers installed on demand
    python benchmarks/run.py --only export,import # some scenarios
    python benchmarks/run.py --quick --no-peers   # small sizes, qms only (the smoke test)
    python benchmarks/run.py --only export --profile

Prints one table (each scenario, qms's time, every baseline's time from this same run and
the ratio baseline ÷ qms) and then PASS/FAIL for each performance target. Exit status 0
whatever the targets say (a benchmark reports; CI does not gate on timings), 2 on misuse.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import time
import traceback
from pathlib import Path

from qms.memory import collect_less

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Row, format_table, format_targets, load_average, na
from peers import Peers
from scenarios import FULL, QUICK, SCENARIOS, Context, new_workdir

TITLE = "qms benchmarks"


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="run.py", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help=f"comma-separated scenarios: {', '.join(SCENARIOS)}")
    ap.add_argument("--quick", action="store_true", help="small sizes (seconds, not minutes): a smoke test")
    ap.add_argument("--no-peers", action="store_true", help="measure qms and the lxml floor only")
    ap.add_argument("--profile", action="store_true",
                    help="also profile each qms scenario with pyinstrument (installed into benchmarks/.peers/prof)")
    ap.add_argument("--peer-timeout", type=float, default=180.0, help="seconds one peer operation may take")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (synthetic systems, BPMN files)")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenario {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    args.scenarios = only or list(SCENARIOS)
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    collect_less()  # as the qms command does: qms is measured as users run it
    sizes = QUICK if args.quick else FULL
    peers = Peers(enabled=not args.no_peers, timeout=args.peer_timeout)
    t0 = time.perf_counter()
    peers.ensure()
    for line in peers.log:
        print(line, file=sys.stderr)
    profiler = None
    if args.profile:
        from profiling import Profiler

        profiler = Profiler.create()
    work = new_workdir()
    ctx = Context(sizes, peers, work, profiler)
    load_before = load_average()
    try:
        for name in args.scenarios:
            started = time.perf_counter()
            print(f"[{name}] …", file=sys.stderr, flush=True)
            try:
                SCENARIOS[name](ctx)
            except Exception as exc:  # a bug in a scenario (or in qms) must not lose the table
                traceback.print_exc()
                ctx.rows.append(Row(f"{name}: scenario stopped", na(f"{type(exc).__name__}: {str(exc)[:100]}")))
            print(f"[{name}] {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    header = (
        f"{TITLE} — {'quick sizes' if args.quick else 'full sizes'}; "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load_before} → {load_average()}; {time.perf_counter() - t0:.0f} s\n"
        "time = best of up to 5 runs; base/qms above 1: qms is that many times faster"
    )
    print(format_table(ctx.rows, header))
    print()
    print(format_targets(ctx.targets))
    if profiler is not None:
        print()
        print(profiler.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
