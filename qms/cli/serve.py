"""``qms serve``: the handbook on 127.0.0.1, rebuilt on every save and reloaded in the open browser."""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

import click

from qms.build import Rebuild, watch
from qms.cli.build import lang_option, rebuild_line
from qms.cli.output import echo_problems
from qms.handbook.publish import SearchIndexError, index_search
from qms.handbook.serve import SiteServer

__all__ = ["command"]


@click.command("serve", epilog="""\b
Examples:
  qms serve models/redu                 # prints http://127.0.0.1:<port>/ ; Ctrl-C stops
  qms serve models/redu --lang en -o site --port 8000""")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to build the site in [default: a temporary folder, removed on exit].")
@lang_option
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1; 0 lets the operating system choose a free one.")
def command(path: Path, out: Path | None, lang: str | None, port: int) -> None:
    """Build the handbook of PATH and show it on 127.0.0.1, rebuilding on every save.

    The address (with the port) is printed once the first build is served. Each time
    system.yaml or a process file is saved, the handbook is built again (only what the
    edit touched) with its search index, and the pages open in a browser reload. Only
    the built site is served, read-only and only on the loopback address: nothing of
    the system folder, and nothing can be written. Ctrl-C stops the server.
    """
    with tempfile.TemporaryDirectory(prefix="qms-serve-") as tmp:
        site = out or Path(tmp)
        site.mkdir(parents=True, exist_ok=True)
        server = SiteServer(site, port=port)
        stop = threading.Event()

        def on_build(done: Rebuild) -> None:
            if done.error is not None:
                echo_problems(done.error.problems)
            elif done.result is not None and done.result.index is not None:
                try:
                    index_search(site)
                except SearchIndexError as exc:
                    click.echo(f"qms: {exc}", err=True)
            click.echo(rebuild_line(done), err=True)
            if done.changed:
                server.rebuilt()
            else:
                server.start()
                click.echo(f"serving {path} at {server.url} (Ctrl-C stops)")
                sys.stdout.flush()

        try:
            watch(path, site, on_build=on_build, lang=lang, stages=["handbook"], stop=stop)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        finally:
            stop.set()
            server.stop()
