"""``qms serve``: builds, serves over loopback, rebuilds on save, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import MODELS

pytestmark = pytest.mark.slow


def _get(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, ""


def test_serve_builds_serves_rebuilds_and_stops(tmp_path: Path) -> None:
    system = tmp_path / "sakk"
    shutil.copytree(MODELS / "sakk", system)
    with subprocess.Popen([sys.executable, "-m", "qms", "serve", str(system)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        stderr = _exercise(proc, system)
    assert proc.returncode == 0, stderr


def _exercise(proc: subprocess.Popen[str], system: Path) -> str:
    """Fetch, edit, fetch again, then Ctrl-C; the server's stderr."""
    url = ""
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C stops\)", line)
        assert found, line
        url, port = found[1], int(found[2])
        assert port > 0

        status, page = _get(url)
        assert status == 200 and '<html lang="fi">' in page and "__qms__/build" in page
        assert _get(url + "search.html")[0] == 200 and _get(url + "pagefind/pagefind.js")[0] == 200
        assert _get(url + "../system.yaml")[0] == 404  # only the built site is served
        request = urllib.request.Request(url + "index.html", data=b"x", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        refused.value.close()
        assert refused.value.code == 501  # read-only

        (system / "system.yaml").write_text((system / "system.yaml").read_text(encoding="utf-8")
                                            .replace("as_of: 2014-03-01", "as_of: 2014-04-01"), encoding="utf-8")
        status, build = _get(url + "__qms__/build?seen=0", timeout=60)
        assert (status, build) == (200, "1")
        assert "Tilanne 1.4.2014" in _get(url)[1]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    with pytest.raises(OSError):  # nothing listens on the port any more
        urllib.request.urlopen(url, timeout=5)
    assert "system.yaml changed" in stderr
    return stderr
