"""The peers qms is measured against: installed on demand into benchmarks/.peers/, run as subprocesses.

- ``benchmarks/.peers/venv``: a virtual environment with pm4py and bpmn-io from PyPI.
- ``benchmarks/.peers/node``: bpmn-moddle and bpmn-auto-layout from npm (the bpmn.io stack).
- ``benchmarks/.peers/prof``: pyinstrument, for ``run.py --profile`` only.

A peer that cannot be installed is reported as ``n/a (reason)`` and the run goes on. Each
install is tried once per run; a stamp file records success, so later runs start at once.
The peers run in their own processes: only the operation itself is timed (inside the
driver scripts in ``benchmarks/peers/``), not the interpreter start-up or imports.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

from harness import Measure, na

__all__ = ["PEERS_DIR", "Peers", "ensure_profiler"]

HERE = Path(__file__).resolve().parent
PEERS_DIR = HERE / ".peers"
DRIVERS = HERE / "peers"

#: Pinned versions: a number in the table must be reproducible.
PYPI = {"pm4py": "pm4py==2.7.23.11", "bpmn-io": "bpmn-io==0.2.2"}
NPM = ("bpmn-moddle@10.3.1", "bpmn-auto-layout@1.3.0")
PROFILER = "pyinstrument==5.1.3"


def _tail(text: str, n: int = 160) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip() and "WARNING: Location" not in ln]
    return (lines[-1] if lines else "no output")[:n]


def _run(cmd: list[str], timeout: float, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False, **kw)  # type: ignore[call-overload]


@dataclass
class Peers:
    """Which peers are usable in this run, and why the others are not."""

    enabled: bool = True
    timeout: float = 180.0
    missing: dict[str, str] = field(default_factory=dict)  # peer → reason
    log: list[str] = field(default_factory=list)

    @property
    def python(self) -> Path:
        return PEERS_DIR / "venv" / "bin" / "python"

    # ------------------------------------------------------------------ install

    def ensure(self) -> None:
        """Install what is missing; record a reason for each peer that cannot be had."""
        if not self.enabled:
            for peer in ("pm4py", "bpmn-io", "bpmn.io"):
                self.missing[peer] = "--no-peers"
            return
        PEERS_DIR.mkdir(parents=True, exist_ok=True)
        self._ensure_python()
        self._ensure_node()

    def _ensure_python(self) -> None:
        env_dir = PEERS_DIR / "venv"
        if not self.python.exists():
            self.log.append("creating benchmarks/.peers/venv")
            try:
                venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
            except Exception as exc:  # any failure makes the peers n/a
                for peer in PYPI:
                    self.missing[peer] = f"venv failed: {exc}"[:120]
                return
        for peer, spec in PYPI.items():
            stamp = env_dir / f".{peer}.installed"
            if stamp.exists() and stamp.read_text() == spec:
                continue
            self.log.append(f"installing {spec} into benchmarks/.peers/venv")
            try:
                done = _run([str(self.python), "-m", "pip", "install", "-q", "--disable-pip-version-check", spec],
                            timeout=900)
            except subprocess.TimeoutExpired:
                self.missing[peer] = "pip install timed out"
                continue
            if done.returncode != 0:
                self.missing[peer] = f"pip install failed: {_tail(done.stderr or done.stdout)}"
                continue
            stamp.write_text(spec)

    def _ensure_node(self) -> None:
        node_dir = PEERS_DIR / "node"
        stamp = node_dir / ".installed"
        wanted = " ".join(NPM)
        if stamp.exists() and stamp.read_text() == wanted:
            return
        node, npm = shutil.which("node"), shutil.which("npm")
        if node is None or npm is None:
            self.missing["bpmn.io"] = "node and npm are not on PATH"
            return
        major = _run([node, "--version"], timeout=30).stdout.strip().lstrip("v").split(".")[0]
        if not major.isdigit() or int(major) < 18:
            self.missing["bpmn.io"] = f"node {major} is older than 18"
            return
        node_dir.mkdir(parents=True, exist_ok=True)
        if not (node_dir / "package.json").exists():
            (node_dir / "package.json").write_text('{"name": "qms-bench-peers", "private": true}\n')
        self.log.append(f"installing {wanted} into benchmarks/.peers/node")
        try:
            done = _run([npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(node_dir),
                         *NPM], timeout=900)
        except subprocess.TimeoutExpired:
            self.missing["bpmn.io"] = "npm install timed out"
            return
        if done.returncode != 0:
            self.missing["bpmn.io"] = f"npm install failed: {_tail(done.stderr or done.stdout)}"
            return
        stamp.write_text(wanted)

    # ------------------------------------------------------------------ run

    def measure(self, peer: str, op: str, file: Path, *, max_runs: int = 3) -> Measure:
        """Run one peer operation on ``file``; the driver times it and prints JSON."""
        if peer in self.missing:
            return na(self.missing[peer])
        if peer == "bpmn.io":
            cmd = ["node", str(DRIVERS / "moddle.mjs"), op, str(file), str(max_runs)]
            env = {**os.environ, "QMS_PEERS_NODE": str(PEERS_DIR / "node")}
        else:
            cmd = [str(self.python), str(DRIVERS / "pydriver.py"), peer, op, str(file), str(max_runs)]
            env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        try:
            done = _run(cmd, timeout=self.timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            return _stopped(exc, self.timeout)
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{") and "started_at" not in ln]
        if done.returncode != 0 or not lines:
            return na(f"failed: {_tail(done.stderr or done.stdout, 100)}")
        data = json.loads(lines[-1])
        m = Measure(float(data["seconds"]), list(data["runs"]), extra=data)
        notes = []
        if data.get("failed"):
            notes.append(f"{data['failed']} of {data.get('files', '?')} files failed")
        if data.get("warnings"):
            notes.append(f"{data['warnings']} warnings")
        m.note = ", ".join(notes)
        return m


def _stopped(exc: subprocess.TimeoutExpired, timeout: float) -> Measure:
    """A peer stopped at the time limit: its operation took at least as long as it had run."""
    out = exc.stdout or b""
    text = out.decode("utf-8", "replace") if isinstance(out, bytes) else out
    started = [json.loads(ln)["started_at"] for ln in text.splitlines() if "started_at" in ln]
    m = na(f"stopped at the {timeout:.0f} s time limit")
    if started:
        m.at_least = max(0.0, time.time() - started[0])
        m.reason += f", {m.at_least:.0f} s into the operation"
    return m


def ensure_profiler() -> Path | None:
    """Install pyinstrument into benchmarks/.peers/prof (for ``--profile``); return that folder."""
    target = PEERS_DIR / "prof"
    stamp = target / ".installed"
    if stamp.exists() and stamp.read_text() == PROFILER:
        return target
    target.mkdir(parents=True, exist_ok=True)
    done = _run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--target",
                 str(target), PROFILER], timeout=600)
    if done.returncode != 0:
        print(f"profiler not installed: {_tail(done.stderr or done.stdout)}", file=sys.stderr)
        return None
    stamp.write_text(PROFILER)
    return target
