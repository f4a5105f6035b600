"""``run.py --profile``: one extra, untimed run of each qms scenario under pyinstrument.

pyinstrument is installed on demand into benchmarks/.peers/prof (not into .venv), put at
the end of ``sys.path`` so that it cannot shadow qms's own dependencies. Each profile is
written as text and HTML to benchmarks/.peers/profiles/<scenario>.{txt,html}, and the
functions with the most *self* time (where the time is actually spent) are summarised.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peers import PEERS_DIR, ensure_profiler

__all__ = ["Profiler"]

OUT = PEERS_DIR / "profiles"


@dataclass
class Profiler:
    """Profiles callables and keeps the top self-time functions of each."""

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
            import pyinstrument  # noqa: F401, PLC0415
        except ImportError as exc:
            print(f"pyinstrument cannot be imported: {exc}", file=sys.stderr)
            return None
        OUT.mkdir(parents=True, exist_ok=True)
        return cls()

    def profile(self, key: str, fn: Callable[[], Any]) -> None:
        from pyinstrument import Profiler as _Profiler  # noqa: PLC0415

        prof = _Profiler(interval=self.interval)
        prof.start()
        try:
            fn()
        finally:
            prof.stop()
        (OUT / f"{key}.txt").write_text(prof.output_text(unicode=True, color=False, show_all=False),
                                        encoding="utf-8")
        (OUT / f"{key}.html").write_text(prof.output_html(), encoding="utf-8")
        session = prof.last_session
        root = session.root_frame() if session else None
        if root is None:
            return
        selfs: dict[str, float] = {}
        stack = [root]
        while stack:
            frame = stack.pop()
            stack.extend(frame.children)
            if frame.is_synthetic:
                continue
            own = frame.total_self_time
            if own <= 0:
                continue
            where = f"{frame.function} ({_short(frame.file_path or '?')}:{frame.line_no})"
            selfs[where] = selfs.get(where, 0.0) + own
        total = root.time or 1e-9
        ranked = sorted(selfs.items(), key=lambda kv: -kv[1])[: self.top]
        self.summaries[key] = [(t, 100 * t / total, where) for where, t in ranked]
        self.totals[key] = total

    def report(self) -> str:
        lines = [f"profiles (pyinstrument, {self.interval * 1000:g} ms sampling) in {OUT}:"]
        for key, rows in self.summaries.items():
            lines.append(f"  {key}  ({self.totals[key]:.2f} s profiled) — top self time:")
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
