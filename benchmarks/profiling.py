"""``run.py --profile``: two extra, untimed runs of each qms scenario, under two profilers.

- pyinstrument (sampling, wall clock) gives the call tree: benchmarks/.peers/profiles/
  <scenario>.{txt,html}. It is installed on demand into benchmarks/.peers/prof (not into
  .venv) and put at the end of ``sys.path``, so that it cannot shadow qms's dependencies.
- cProfile with a CPU-time timer gives the summary printed after the targets: the functions
  with the most *own* CPU time (``tottime``), and <scenario>.pstats. On a machine that others
  are using, a wall-clock sampler charges the time this process waits for a core to whatever
  frame is current; CPU time does not.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peers import PEERS_DIR, ensure_profiler

__all__ = ["Profiler"]

OUT = PEERS_DIR / "profiles"


@dataclass
class Profiler:
    """Profiles callables and keeps the functions with the most own CPU time of each."""

    interval: float = 0.001
    top: int = 8
    summaries: dict[str, list[tuple[float, float, str]]] = field(default_factory=dict)  # key → (s, %, where)
    totals: dict[str, float] = field(default_factory=dict)

    @classmethod
    def create(cls) -> Profiler | None:
        target = ensure_profiler()
        if target is None:
            return None
        if str(target) not in sys.path:
            sys.path.append(str(target))
        try:
            import pyinstrument  # noqa: F401
        except ImportError as exc:
            print(f"pyinstrument cannot be imported: {exc}", file=sys.stderr)
            return None
        OUT.mkdir(parents=True, exist_ok=True)
        return cls()

    def profile(self, key: str, fn: Callable[[], Any]) -> None:
        """Profile ``fn`` once for the tree and once for the CPU summary."""
        self._tree(key, fn)
        self._cpu(key, fn)

    def _cpu(self, key: str, fn: Callable[[], Any]) -> None:
        prof = cProfile.Profile(time.process_time)
        prof.runcall(fn)
        prof.dump_stats(OUT / f"{key}.pstats")
        stats = pstats.Stats(prof)
        raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
        total = max(getattr(stats, "total_tt", 0.0), 1e-9)
        ranked = sorted(raw.items(), key=lambda kv: -kv[1][2])[: self.top]
        self.summaries[key] = [
            (tt, 100 * tt / total, f"{func} ({_short(file)}:{line}) ×{nc}")
            for (file, line, func), (_cc, nc, tt, _ct, _callers) in ranked
        ]
        self.totals[key] = total

    def _tree(self, key: str, fn: Callable[[], Any]) -> None:
        from pyinstrument import Profiler as _Profiler

        prof = _Profiler(interval=self.interval)
        prof.start()
        try:
            fn()
        finally:
            prof.stop()
        (OUT / f"{key}.txt").write_text(prof.output_text(unicode=True, color=False, show_all=False),
                                        encoding="utf-8")
        (OUT / f"{key}.html").write_text(prof.output_html(), encoding="utf-8")

    def report(self) -> str:
        lines = [f"profiles in {OUT} (call trees: pyinstrument <key>.txt/.html; CPU: cProfile <key>.pstats):"]
        for key, rows in self.summaries.items():
            lines.append(f"  {key}  ({self.totals[key]:.2f} s CPU under cProfile) — top own CPU time:")
            lines += [f"    {t:7.3f} s  {pct:5.1f} %  {where}" for t, pct, where in rows]
        return "\n".join(lines)


def _short(path: str) -> str:
    p = Path(path)
    parts = p.parts
    for anchor in ("qms", "site-packages", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i + (anchor != "qms"):])
    return path
