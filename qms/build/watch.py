"""``qms build --watch``: one warm process that builds again after each save of an input file."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from qms.build.plan import build
from qms.build.result import STAGES, BuildResult, Memo
from qms.errors import UserError
from qms.load.loader import system_root

__all__ = ["Rebuild", "is_input", "watch"]


@dataclass
class Rebuild:
    """One build of :func:`watch`: the YAML files that changed (none before the first), the
    outcome, and the seconds it took. ``error`` is set when the build refused to start;
    ``bug`` when qms itself failed (the watch goes on: the next save may not hit it)."""

    changed: list[str]
    result: BuildResult | None = None
    error: UserError | None = None
    bug: Exception | None = None
    seconds: float = 0.0


def is_input(root: Path, path: Path) -> bool:
    """True for a file a build of the system folder ``root`` reads: system.yaml, processes/**/*.yaml.

    Examples
    --------
    >>> is_input(Path("s"), Path("s/processes/a/b.yml")), is_input(Path("s"), Path("s/out/x.yaml"))
    (True, False)
    """
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    if rel.parts == ("system.yaml",):
        return True
    return len(rel.parts) > 1 and rel.parts[0] == "processes" and rel.suffix in {".yaml", ".yml"}


def watch(
    path: str | Path,
    out: str | Path,
    *,
    on_build: Callable[[Rebuild], None],
    lang: str | None = None,
    stages: Iterable[str] = STAGES,
    pdf: bool = False,
    interval: float = 0.3,
    stop: threading.Event | None = None,
    max_rebuilds: int | None = None,
) -> int:
    """Build, then build again each time a YAML file of the system is saved, until stopped.

    The operating system reports the saves (watchfiles: inotify, FSEvents, or polling
    where neither works); a new or deleted process file counts as a change too. Each
    build is :func:`build` with one :class:`Memo` kept for the whole watch, so a rebuild
    after one edit redoes only what depends on the edited file. Input that does not
    load is reported in the :class:`Rebuild`, and so is an unexpected failure of qms;
    either way the watch goes on.

    Parameters
    ----------
    path, out, lang, stages, pdf
        As for :func:`build`.
    on_build
        Called after each build, the first one included.
    interval
        Seconds without a further save before the build starts (a save of several files
        gives one build).
    stop
        Set it (from another thread) to end the watch.
    max_rebuilds
        End after this many builds after the first one (None: until stopped).

    Returns
    -------
    int
        The number of builds after the first one.
    """
    source, out_dir = Path(path), Path(out)
    system = system_root(source) if source.is_file() and source.name != "system.yaml" else None
    root = system or (source.parent if source.is_file() else source).resolve()
    lone = source.resolve() if source.is_file() and system is None else None  # a process file on its own
    stop = stop or threading.Event()
    memo = Memo()

    def run(changed: list[str]) -> None:
        t0 = time.perf_counter()
        done = Rebuild(changed)
        try:
            done.result = build(source, out_dir, lang=lang, stages=stages, pdf=pdf, memo=memo)
        except UserError as exc:
            done.error = exc
        except Exception as exc:  # a bug: reported by on_build, and the next save is built again
            done.bug = exc
        done.seconds = time.perf_counter() - t0
        on_build(done)

    def wanted(_change: watchfiles.Change, name: str) -> bool:
        return is_input(root, Path(name)) or Path(name) == lone

    rebuilds = -1  # the first build is made once the watcher runs, so no save is missed
    ms = max(1, int(interval * 1000))
    for changes in watchfiles.watch(root, watch_filter=wanted, stop_event=stop, step=ms, debounce=max(1600, ms),
                                    rust_timeout=ms, yield_on_timeout=True):
        if not changes and rebuilds >= 0:
            continue  # a look at ``stop``, nothing saved
        run(sorted({Path(name).relative_to(root).as_posix() for _, name in changes}))
        rebuilds += 1
        if max_rebuilds is not None and rebuilds >= max_rebuilds:
            break
    return max(rebuilds, 0)
