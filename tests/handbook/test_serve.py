"""The loopback server: only GET and HEAD of the site's files, reload script in pages, build numbers."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from qms.handbook.serve import SiteServer, inject_reload


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SiteServer]:
    site = tmp_path / "site"
    (site / "processes").mkdir(parents=True)
    (site / "index.html").write_bytes(b"<html><body><h1>Etusivu</h1></body></html>")
    (site / "processes" / "a.html").write_bytes(b"<html><body>A</body></html>")
    (site / "static.css").write_bytes(b"body{}")
    (tmp_path / "secret.txt").write_text("not for the web")
    running = SiteServer(site, wait=5).start()
    yield running
    running.stop()


def _get(url: str, method: str = "GET") -> tuple[int, bytes]:
    request = urllib.request.Request(url, method=method, data=b"x" if method in ("POST", "PUT") else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, b""


def test_pages_get_the_reload_script_and_files_stay_as_built(server: SiteServer) -> None:
    assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":0/")
    status, body = _get(server.url)
    assert status == 200 and body.startswith(b"<html><body><h1>Etusivu</h1><script>")
    assert b"__qms__/build" in _get(server.url + "processes/a.html")[1]
    assert _get(server.url + "static.css") == (200, b"body{}")
    assert (server.site / "index.html").read_bytes() == b"<html><body><h1>Etusivu</h1></body></html>"


def test_read_only_and_nothing_outside_the_site(server: SiteServer) -> None:
    assert _get(server.url + "index.html", "POST")[0] == 501
    assert _get(server.url + "index.html", "PUT")[0] == 501
    assert _get(server.url + "index.html", "DELETE")[0] == 501
    assert _get(server.url + "../secret.txt")[0] == 404
    assert _get(server.url + "%2e%2e/secret.txt")[0] == 404


def test_a_rebuild_answers_the_waiting_pages(server: SiteServer) -> None:
    answers: list[tuple[int, bytes]] = []
    waiting = threading.Thread(target=lambda: answers.append(_get(server.url + "__qms__/build?seen=0")))
    waiting.start()
    server.rebuilt()
    waiting.join(timeout=10)
    assert answers == [(200, b"1")]
    assert _get(server.url + "__qms__/build?seen=")[1] == b"1"  # a new page learns the number at once


def test_inject_reload_without_a_body_appends() -> None:
    assert inject_reload(b"<p>x</p>", 0).startswith(b"<p>x</p><script>")
