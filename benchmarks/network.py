"""The network scenario: a synthetic network of every Finnish VET provider (130 × 100 processes × 40 steps).

``qms check NETWORK`` and ``qms compare NETWORK`` each run as a user runs them (a fresh
process, timed with its children, peak memory summed over the process tree), and the
network site is rebuilt in-process after one member's process file is edited.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import synth
from harness import Measure, Row, na, time_call

__all__ = ["network_scenario", "write_network"]

FULL_SIZE = (130, 100, 40)  # providers × processes × steps
QUICK_SIZE = (4, 4, 8)
SEEDS = 5  # distinct process sets; providers share them round-robin (the loader reads every file anyway)
TARGET_CHECK = "network check of 130 providers: under 60 s"
TARGET_COMPARE = "network compare of 130 providers: under 60 s, memory under 4 GB"
TARGET_SITE = "network site rebuilt after one edit: under 2 s"


def _processes(n_processes: int, n_steps: int, seed: int) -> list[tuple[str, str]]:
    ids = [f"p{i:04d}" for i in range(n_processes)]
    out = []
    for i, pid in enumerate(ids):
        sp = synth.realistic_process(pid, n_steps, seed=seed * 1000 + i, callees=[ids[(i + 1) % n_processes]])
        out.append((pid, sp.text.replace("    type: perception\n", "    type: perception\n    unit: ka 1–5\n")))
    return out


def write_network(root: Path, providers: int, n_processes: int, n_steps: int) -> Path:
    """Write ``root/network.yaml`` and its ``providers`` member systems; return ``root``."""
    sets = [_processes(n_processes, n_steps, seed) for seed in range(min(SEEDS, providers))]
    ids = [pid for pid, _ in sets[0]]
    members = []
    for k in range(providers):
        sid = f"prov{k:03d}"
        folder = root / sid
        (folder / "processes").mkdir(parents=True, exist_ok=True)
        (folder / "system.yaml").write_text(synth.system_yaml(sid, ids), encoding="utf-8")
        for pid, text in sets[k % len(sets)]:
            (folder / "processes" / f"{pid}.yaml").write_text(text, encoding="utf-8")
        members.append(sid)
    lines = ["network: synteettinen", "name: Kaikki ammatillisen koulutuksen järjestäjät (synteettinen)",
             "as_of: 2026-03-01", "members:", *(f"  - {m}" for m in members), "processes:"]
    cats = ("core", "core", "support", "management")
    lines += [f"  - {{id: {pid}, name: Prosessi {pid}, category: {cats[i % 4]}}}" for i, pid in enumerate(ids)]
    lines.append("indicators:")
    for j in (0, 1):
        mapping = ", ".join(f"{m}: M-{ids[j]}-1" for m in members)
        lines.append(f"  - {{id: tyytyvaisyys{j}, name: Tyytyväisyys {j}, unit: ka 1–5, direction: higher, "
                     f"measures: {{{mapping}}}}}")
    (root / "network.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


class TreeMemory:
    """The largest resident memory of a process and its descendants together, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.most = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss(self) -> int:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        total, todo = 0, [self.pid]
        while todo:
            p = todo.pop()
            total += rss.get(p, 0)
            todo += [c for c, parent in parents.items() if parent == p]
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.most = max(self.most, self._tree_rss())
            self._stop.wait(0.1)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _children_cpu() -> float:
    """CPU time of the waited-for children (the command and its workers), not of the memory sampler."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def _run(cmd: list[str]) -> tuple[Measure, int]:
    """Wall time of ``cmd`` (its CPU time, workers included, in ``extra``) and its process tree's peak memory."""
    c0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    wall, cpu = time.perf_counter() - t0, _children_cpu() - c0
    if proc.returncode not in (0, 1):
        tail = [ln for ln in err.strip().splitlines() if ln.strip()]
        return na(f"exit {proc.returncode}: {tail[-1][:90] if tail else ''}"), memory.most
    return Measure(wall, [wall], extra={"cpu": cpu}), memory.most


def _cpu(m: Measure) -> str:
    """The CPU time of a run: on an idle 2-core machine the run takes about half of it."""
    return f"CPU {m.extra['cpu']:.0f} s, {m.extra['cpu'] / m.value:.2f} cores" if m.ok and m.value else ""


def _qms() -> list[str]:
    exe = Path(sys.executable).parent / "qms"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "qms"]


def _edit(folder: Path) -> None:
    file = folder / "processes" / "p0000.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("    target: \">= 4,0\"", f"    target: \">= 4,{time.time_ns() % 9}\"", 1),
                    encoding="utf-8")


def network_scenario(ctx: Any) -> None:
    """Rows and targets of the network scenario (``run.py --only network``)."""
    from scenarios import FULL  # the run's context module; imported here to avoid a cycle

    full = ctx.sizes is FULL
    providers, n_processes, n_steps = FULL_SIZE if full else QUICK_SIZE
    label = f"{providers} providers × {n_processes} processes × {n_steps} steps"
    root = ctx.work / f"network-{providers}"
    shutil.rmtree(root, ignore_errors=True)
    t0 = time.perf_counter()
    write_network(root, providers, n_processes, n_steps)
    made = f"generated in {time.perf_counter() - t0:.0f} s"
    rows: list[Row] = ctx.rows

    check, check_mem = _run([*_qms(), "check", str(root)])
    rows.append(Row(f"network check, {label}", check, [], f"`qms check NETWORK`, a fresh process; {made}; "
                    f"{_cpu(check)}; peak memory {check_mem / 2**20:.0f} MB"))
    compare, compare_mem = _run([*_qms(), "compare", str(root), "--format", "json", "-o", str(root / "out.json")])
    rows.append(Row(f"network compare, {label}", compare, [],
                    f"`qms compare NETWORK --format json`, a fresh process and its workers; {_cpu(compare)}; "
                    f"peak memory {compare_mem / 2**20:.0f} MB (the process tree)"))

    from qms.network.site import build_network_site

    out = root / "site"
    build_network_site(root, out)
    member = root / "prov000"
    site, _ = time_call(lambda: build_network_site(root, out), max_runs=3, budget=20, setup=lambda: _edit(member))
    rows.append(Row(f"network site rebuilt after one edit, {label}", site, [],
                    "in-process after a first build; one member summarised again, the others from the cache"))
    if not full:
        return
    ctx.target(TARGET_CHECK, check.value < 60 if check.ok else None, check.show())
    compare_ok = compare.value < 60 and compare_mem < 4 * 2**30 if compare.ok else None
    ctx.target(TARGET_COMPARE, compare_ok, f"{compare.show()}, {compare_mem / 2**20:.0f} MB")
    ctx.target(TARGET_SITE, site.value < 2 if site.ok else None, site.show())
