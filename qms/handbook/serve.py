"""A read-only loopback web server for a built handbook that reloads the open pages after a rebuild."""

from __future__ import annotations

import contextlib
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["RELOAD_PATH", "SiteServer", "inject_reload"]

#: The server's own address space; nothing of the site lies there.
RELOAD_PATH = "/__qms__/"
_SCRIPT = """<script>
(function () {
  var seen = "%d";  /* the build this page comes from */
  function poll() {
    fetch("%sbuild?seen=" + seen, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (n) { if (n !== seen) location.reload(); else poll(); })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>
"""


def inject_reload(page: bytes, build: int) -> bytes:
    """A page with the reload script before ``</body>`` (the files on disk stay as built).

    The script knows the number of the build the page comes from and reloads the page
    when the server's build number is another.

    Examples
    --------
    >>> page = inject_reload(b"<html><body><p>x</p></body></html>", 3)
    >>> page.count(b"__qms__/build"), b'var seen = "3"' in page
    (1, True)
    """
    at = page.rfind(b"</body>")
    script = (_SCRIPT % (build, RELOAD_PATH)).encode("utf-8")
    return page + script if at < 0 else page[:at] + script + page[at:]


class SiteServer:
    """The handbook at ``http://127.0.0.1:<port>/``, read-only, with the build number for reloads.

    Why: ``qms serve`` shows an author the handbook as they edit it, and search needs
    HTTP. Only ``GET`` and ``HEAD`` are answered, only files below the site folder are
    served, and only on the loopback address; the port is the operating system's choice
    unless one is given. :meth:`rebuilt` tells the open pages to reload: each page asks
    ``/__qms__/build?seen=N``, and the answer waits until the build number is not N.
    """

    def __init__(self, site: Path, *, port: int = 0, wait: float = 25.0) -> None:
        self.site = site.resolve()
        self.build = 0
        self.wait = wait
        self._changed = threading.Condition()
        handler = partial(_Handler, self, directory=str(self.site))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="qms-serve", daemon=True)

    @property
    def url(self) -> str:
        """The site's address, with the port the server is bound to."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def rebuilt(self) -> None:
        """A build has finished: every open page reloads."""
        with self._changed:
            self.build += 1
            self._changed.notify_all()

    def build_after(self, seen: str) -> int:
        """The build number, once it differs from ``seen`` (or the wait is over)."""
        with self._changed:
            self._changed.wait_for(lambda: str(self.build) != seen, timeout=self.wait)
            return self.build

    def stop(self) -> None:
        """Stop serving and release the port; pages waiting for a reload are answered."""
        with self._changed:
            self.build += 1  # wakes the waiting requests
            self._changed.notify_all()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


class _Handler(SimpleHTTPRequestHandler):
    """Files of the site; HTML pages get the reload script; ``/__qms__/build`` answers the build number."""

    def __init__(self, server_state: SiteServer, *args: Any, **kwargs: Any) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == f"{RELOAD_PATH}build":
            seen = parse_qs(parts.query).get("seen", [""])[0]
            self._send(str(self.state.build_after(seen)).encode(), "text/plain; charset=utf-8")
            return
        target = Path(self.translate_path(parts.path))
        if parts.path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            self._send(inject_reload(target.read_bytes(), self.state.build), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page closed while it waited
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the builds, not every request."""
