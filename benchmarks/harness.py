"""Timing, results and the one table that ``make bench`` prints."""

from __future__ import annotations

import gc
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Measure",
    "NotAvailable",
    "Row",
    "Target",
    "cpu_seconds",
    "format_table",
    "format_targets",
    "na",
    "time_call",
]


class NotAvailable(Exception):
    """A measurement cannot be made: the part of qms is not built, a peer is missing, …

    The message is the reason shown in the table as ``n/a (reason)``.
    """


@dataclass
class Measure:
    """One measured quantity: the best of ``runs`` (seconds) or a reason it is missing."""

    value: float | None
    runs: list[float] = field(default_factory=list)
    unit: str = "s"
    reason: str = ""  # why value is None
    note: str = ""
    at_least: float | None = None  # a run stopped at a time limit: the value is above this
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.value is not None

    def show(self) -> str:
        if self.value is None and self.at_least is not None:
            return f"> {_seconds(self.at_least)}"
        if self.value is None:
            return f"n/a ({self.reason})"
        if self.unit == "s":
            return _seconds(self.value)
        if self.unit == "MB":
            return f"{self.value:.0f} MB"
        return f"{self.value:.3g} {self.unit}"


def na(reason: str) -> Measure:
    """A missing measurement with its reason."""
    return Measure(None, reason=reason)


def _seconds(s: float) -> str:
    if s < 0.001:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    if s < 100:
        return f"{s:.2f} s"
    return f"{s:.0f} s"


def cpu_seconds() -> float:
    """CPU time of this process and of its waited-for children (user + system)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


SCALE_BUDGET = 60.0
"""Seconds a stage of the scaling series may take over its runs: every size gets the same
number of runs (a 100,000-step export takes about 20 s), so that no size is a best of three
compared with a single run of the next."""


def time_call(
    fn: Callable[[], Any],
    *,
    max_runs: int = 5,
    budget: float = 3.0,
    setup: Callable[[], Any] | None = None,
) -> tuple[Measure, Any]:
    """Run ``fn`` at least once and up to ``max_runs`` times while the total stays under ``budget``.

    Returns the best (shortest) run, as ``timeit`` recommends: the others measure the
    machine's noise, not the code. ``setup`` runs untimed before every run. The garbage
    collector stays on (users have it on), but the objects that exist before a run are
    frozen (``gc.freeze``), so that a run is not charged for scanning what the benchmark
    itself keeps alive.
    """
    runs: list[float] = []
    result: Any = None
    while len(runs) < max_runs and (not runs or sum(runs) < budget):
        if setup is not None:
            setup()
        result = None
        gc.collect()
        # what the run holds so far (cached systems, files of other scenarios) is moved out of
        # the collector's sight: each run pays for the garbage collection of its own objects only
        gc.freeze()
        try:
            t0 = time.perf_counter()
            result = fn()
            runs.append(time.perf_counter() - t0)
        finally:
            gc.unfreeze()
    return Measure(min(runs), runs), result


@dataclass
class Row:
    """One scenario: qms's measure and each baseline's, measured in the same run."""

    scenario: str
    qms: Measure
    baselines: list[tuple[str, Measure]] = field(default_factory=list)
    note: str = ""


@dataclass
class Target:
    """A target of the issue and whether this run met it."""

    name: str
    status: str  # PASS | FAIL | N/A
    detail: str


def _ratio(qms: Measure, base: Measure) -> str:
    if not qms.ok or not qms.value:
        return ""
    if not base.ok:
        if base.at_least is None:
            return ""
        r = base.at_least / qms.value
        return f"> {r:.2f}×" if r < 10 else f"> {r:.0f}×"
    r = base.value / qms.value  # type: ignore[operator]
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def format_table(rows: list[Row], header: str = "") -> str:
    """The results as one plain-text table.

    The ratio is baseline ÷ qms: above 1, qms is that many times faster (or smaller).
    A missing value shows ``n/a`` and its reason goes to the note column.
    """
    head = ("scenario", "qms", "baseline (same run)", "baseline", "base/qms", "note")
    lines: list[tuple[str, ...]] = []

    def cell(m: Measure) -> tuple[str, str]:
        if m.ok:
            return m.show(), m.note
        if m.at_least is not None:
            return m.show(), m.reason
        return "n/a", f"n/a ({m.reason})"

    for row in rows:
        qshow, qnote = cell(row.qms)
        notes = "; ".join(n for n in (qnote if not row.qms.ok else "", row.note, row.qms.note if row.qms.ok else "")
                          if n)
        if not row.baselines:
            lines.append((row.scenario, qshow, "", "", "", notes))
            continue
        for i, (name, base) in enumerate(row.baselines):
            bshow, bnote = cell(base)
            first = i == 0
            lines.append((
                row.scenario if first else "",
                qshow if first else "",
                name,
                bshow,
                _ratio(row.qms, base),
                "; ".join(n for n in ((notes if first else ""), bnote) if n),
            ))
    widths = [max(len(r[i]) for r in [head, *lines]) for i in range(len(head))]
    rule = "-" * (sum(widths[:-1]) + 2 * (len(head) - 1) + 30)

    def fmt(r: tuple[str, ...]) -> str:
        cells = [r[i].rjust(widths[i]) if i in (1, 3, 4) else r[i].ljust(widths[i]) for i in range(len(r) - 1)]
        return "  ".join([*cells, r[-1]]).rstrip()

    out = []
    if header:
        out.append(header)
    out += [rule, fmt(head), rule]
    for i, r in enumerate(lines):
        if r[0] and i:
            out.append("")
        out.append(fmt(r))
    out.append(rule)
    return "\n".join(out)


def format_targets(targets: list[Target]) -> str:
    """One line per target: PASS, FAIL or N/A and the numbers behind it."""
    width = max((len(t.name) for t in targets), default=0)
    lines = [f"{t.status:<4}  {t.name.ljust(width)}  {t.detail}" for t in targets]
    counts = {s: sum(t.status == s for t in targets) for s in ("PASS", "FAIL", "N/A")}
    lines.append(f"targets: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['N/A']} n/a")
    return "\n".join(lines)


def load_average() -> str:
    """The 1-minute load average: benchmarks on a busy machine are noisy."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # pragma: no cover - not on Linux
        return "?"


class ChildSampler:
    """Counts this process's running children named in ``names`` every ``interval`` seconds.

    Why: CPU time over wall time says whether both cores were *used*, but on a machine that
    others are also using it cannot reach 2; the largest number of Graphviz processes
    running at once says whether qms *asked* for both cores.
    """

    def __init__(self, names: tuple[str, ...] = ("dot", "neato"), interval: float = 0.01) -> None:
        import threading

        self.names, self.interval = names, interval
        self.most = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _count(self) -> int:
        me, n = str(os.getpid()), 0
        try:
            entries = os.listdir("/proc")
        except OSError:
            return 0
        for pid in entries:
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                    stat = fh.read()
            except OSError:
                continue
            name = stat[stat.find("(") + 1 : stat.rfind(")")]
            fields = stat[stat.rfind(")") + 2 :].split()
            if name in self.names and len(fields) > 1 and fields[1] == me and fields[0] in "RSD":
                n += 1
        return n

    def _run(self) -> None:
        while not self._stop.is_set():
            self.most = max(self.most, self._count())
            self._stop.wait(self.interval)

    def __enter__(self) -> ChildSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
