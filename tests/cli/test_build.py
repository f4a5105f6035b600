"""``qms build --watch`` as a user runs it: a process that builds after each save and stops on Ctrl-C."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

HOSTILE = Path(__file__).parents[1] / "handbook" / "data" / "hostile"
# A shell may start a background job with SIGINT ignored; Ctrl-C at a terminal is what is tested.
QMS = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
       "from qms.cli import cli; cli(prog_name='qms')")


class Lines:
    """The lines a process writes to one stream, read in the background, waited for with a timeout."""

    def __init__(self, stream: IO[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, pattern: str, timeout: float = 60) -> str:
        while (line := self._queue.get(timeout=timeout)) is not None:
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"the process ended before a line matching {pattern!r}: {''.join(self.seen)}")

    def rest(self, timeout: float = 30) -> str:
        """Every line until the stream ends."""
        lines = []
        while (line := self._queue.get(timeout=timeout)) is not None:
            lines.append(line)
        self.seen += lines
        return "".join(lines)


@pytest.mark.slow
def test_watch_builds_again_after_a_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    system = tmp_path / "hostile"
    shutil.copytree(HOSTILE, system)
    out = tmp_path / "out"
    command = [sys.executable, "-c", QMS, "build", str(system), "-o", str(out), "--watch"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path) as proc:
        try:
            assert proc.stderr is not None and proc.stdout is not None
            stderr = Lines(proc.stderr)
            assert stderr.wait_for(r"^first build: \d+ files made, 0 kept in [\d.]+ s; 0 errors, \d+ warnings$")
            file = system / "processes" / "talous_pieni.yaml"
            text = file.read_text(encoding="utf-8")
            file.write_text(text + "ownr: x\n", encoding="utf-8")
            assert stderr.wait_for(r"talous_pieni\.yaml:\d+:1: error: unknown key 'ownr' \(did you mean 'owner'\?\)$")
            assert stderr.wait_for(r"^processes/talous_pieni\.yaml changed: nothing built, \d+ load error\(s\) in [\d.]+ s$")
            file.write_text(text.replace("Tee <em>jotain</em>", "Tee jotain muuta"), encoding="utf-8")
            line = stderr.wait_for(r"changed: \d+ files made")
            assert re.fullmatch(r"processes/talous_pieni\.yaml changed: \d+ files made, \d+ kept in [\d.]+ s; "
                                r"0 errors, \d+ warnings\n", line)
            assert "Tee jotain muuta" in (out / "processes" / "talous.html").read_text(encoding="utf-8")
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0
            rest = stderr.rest()
            assert proc.stdout.read() == f"{out / 'index.html'}\n"
        finally:
            proc.kill()
    assert "Traceback" not in "".join(stderr.seen)
    assert rest.endswith("qms: stopped watching\n")
