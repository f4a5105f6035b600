"""DOT → SVG, PNG or PDF bytes through the Graphviz binaries (SVG → PNG or PDF through
rsvg-convert, for a diagram drawn as SVG); atomic file writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from qms.errors import InternalError, UserError
from qms.files import write_atomic
from qms.render.dot import Diagram, pin_bands

__all__ = [
    "FORMATS",
    "GraphvizError",
    "GraphvizMissingError",
    "SvgConverterMissingError",
    "render",
    "render_all",
    "write_atomic",
]

#: Output formats; ``dot`` is the DOT text itself and needs no Graphviz.
FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")


class GraphvizError(InternalError):
    """Graphviz failed on DOT text that qms made: a bug in qms (or in Graphviz).

    Why: the message carries Graphviz's own stderr, which is what a bug report needs.
    """

    def __init__(self, command: Sequence[str], returncode: int, stderr: str) -> None:
        self.command = list(command)
        self.returncode = returncode
        self.stderr = stderr
        super().__init__(f"{' '.join(command)} failed with exit code {returncode}:\n{stderr.strip()}")


class GraphvizMissingError(UserError):
    """The Graphviz binary is not installed or not on PATH."""

    def __init__(self, binary: str) -> None:
        super().__init__(
            f"Graphviz '{binary}' was not found on PATH: install Graphviz "
            "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), "
            "or render with --format dot"
        )


class SvgConverterMissingError(UserError):
    """rsvg-convert, which turns a diagram drawn as SVG (the vuosikello) into PNG or PDF, is missing."""

    def __init__(self) -> None:
        super().__init__(
            "rsvg-convert was not found on PATH: install librsvg (Debian/Ubuntu: apt-get install "
            "librsvg2-bin; macOS: brew install librsvg), or render the vuosikello with --format svg"
        )


def _convert(svg: str, fmt: str, dpi: int | None, timeout: float | None, log: list[str] | None) -> bytes:
    """SVG text → PNG or PDF bytes with rsvg-convert (librsvg draws text with Pango, as Graphviz does)."""
    if shutil.which("rsvg-convert") is None:
        raise SvgConverterMissingError
    resolution = str(dpi or 96)
    # librsvg dates a PDF by SOURCE_DATE_EPOCH when it is set: a fixed date gives the same bytes every run.
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    return _run(["rsvg-convert", "-f", fmt, "--dpi-x", resolution, "--dpi-y", resolution], svg, timeout, log, env)


def _run(command: Sequence[str], source: str, timeout: float | None, log: list[str] | None = None,
         env: dict[str, str] | None = None) -> bytes:
    binary = shutil.which(command[0])
    if binary is None:
        raise GraphvizMissingError(command[0])
    try:
        done = subprocess.run(
            [binary, *command[1:]],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        raise GraphvizError(command, -1, f"timed out after {timeout} s") from exc
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise GraphvizError(command, done.returncode, stderr)
    if log is not None:
        log.extend(line for line in stderr.splitlines() if line.strip())
    return done.stdout


def render(
    diagram: Diagram | str,
    fmt: str = "svg",
    *,
    engine: str | None = None,
    dpi: int | None = None,
    timeout: float | None = 600.0,
    log: list[str] | None = None,
) -> bytes:
    """Render a diagram (or DOT text) with Graphviz.

    Parameters
    ----------
    diagram
        A :class:`~qms.render.dot.Diagram`, or DOT text.
    fmt
        ``svg``, ``png``, ``pdf``, or ``dot`` (the DOT text, UTF-8; no Graphviz needed).
    engine
        ``dot``, ``neato``, ``dot-bands``, ``pinned``, or ``svg`` for a diagram drawn as SVG;
        default: the diagram's, or ``dot`` for text.
    dpi
        Resolution of PNG output (Graphviz default 96).
    timeout
        Seconds one Graphviz call may take.
    log
        If given, Graphviz's warnings (stderr of successful runs) are appended to it.

    Returns
    -------
    bytes
        The rendered file.

    Raises
    ------
    GraphvizMissingError
        If the binary is not installed (a :class:`~qms.errors.UserError`).
    SvgConverterMissingError
        If PNG or PDF of a diagram drawn as SVG is asked for and rsvg-convert is missing.
    GraphvizError
        If Graphviz fails; the message holds its stderr.
    ValueError
        On an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if isinstance(diagram, Diagram):
        source, engine = diagram.dot, engine or diagram.engine
    else:
        source, engine = diagram, engine or "dot"
    if fmt == "dot" or (engine == "svg" and fmt == "svg"):
        return source.encode("utf-8")
    if engine == "svg":
        return _convert(source, fmt, dpi, timeout, log)
    options = [f"-T{fmt}"]
    if dpi and fmt == "png":
        options.append(f"-Gdpi={dpi}")
    if engine == "dot-bands":
        layout = json.loads(_run(["dot", "-Tjson0", "-Gsplines=false"], source, timeout, log))
        pinned = pin_bands(source, layout)
        # neato's edge router aborts on some large layouts (Graphviz 2.43: "double free");
        # the same picture with simpler edges is better than no picture.
        for splines in ("", "-Gsplines=polyline"):
            try:
                return _run(["neato", "-n2", *([splines] if splines else []), *options], pinned, timeout, log)
            except GraphvizError:
                continue
        return _run(["neato", "-n2", "-Gsplines=line", *options], pinned, timeout, log)
    if engine == "pinned":  # every node and edge has its position: Graphviz only draws
        return _run(["neato", "-n2", *options], source, timeout, log)
    if engine not in ("dot", "neato"):
        raise ValueError(f"unknown Graphviz engine {engine!r}")
    return _run([engine, *options], source, timeout, log)


def render_all(
    diagrams: Sequence[Diagram],
    fmt: str = "svg",
    *,
    jobs: int | None = None,
    dpi: int | None = None,
) -> list[bytes]:
    """Render many diagrams at once, one Graphviz process per core.

    Returns the outputs in the order of ``diagrams``. The first failure is raised.
    """
    if fmt == "dot" or len(diagrams) < 2:
        return [render(d, fmt, dpi=dpi) for d in diagrams]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(diagrams)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qms-render") as pool:
        return list(pool.map(lambda d: render(d, fmt, dpi=dpi), diagrams))


