"""``qms render``: the handbook's diagrams (flows, process map, hierarchy, vuosikello)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from qms.cli.output import EXIT_LOAD, echo_problems, note_structure_errors
from qms.errors import UserError
from qms.load import load
from qms.model import LANGUAGES, QualitySystem
from qms.render.dot import COLOR_MODES, DIAGRAM_KINDS, Diagram, draw_system
from qms.render.svg import FORMATS, render_all, write_atomic

__all__ = ["command", "fallback_note", "write_diagrams", "write_gallery"]


def fallback_note(diagrams: Iterable[Diagram], lang: str) -> list[str]:
    """One info line per language the labels fell back to, or none.

    Examples
    --------
    >>> d = Diagram("p", "flow", "", fallbacks=frozenset({("fi", "Opettaja"), ("fi", "Rehtori")}))
    >>> fallback_note([d], "se")
    ['2 labels shown in fi: no se text']
    """
    shown: dict[str, set[str]] = {}
    for d in diagrams:
        for used, text in d.fallbacks:
            shown.setdefault(used, set()).add(text)
    lines = []
    for used in sorted(shown):
        n = len(shown[used])
        lines.append(f"{n} label{'s' if n != 1 else ''} shown in {used}: no {lang} text")
    return lines


def write_diagrams(
    system: QualitySystem,
    out: Path,
    *,
    kinds: Sequence[str] = DIAGRAM_KINDS,
    fmt: str = "svg",
    lang: str | None = None,
    color: str = "none",
    href: str | None = None,
    processes: Sequence[str] | None = None,
    jobs: int | None = None,
    dpi: int | None = None,
    paper: str | None = None,
) -> tuple[list[Path], list[Diagram]]:
    """Draw, render (in parallel) and write the diagrams of ``system`` into ``out``.

    Files are ``<process_id>.<fmt>`` (``<process_id>-<page>.<fmt>`` for the pages of a flow
    cut to ``paper``), ``map.<fmt>``, ``hierarchy.<fmt>`` and ``vuosikello.<fmt>``, each
    written atomically. ``href`` is the map's link pattern;
    default: the flow files beside it (``{id}.svg`` for SVG and DOT).

    Returns the written paths and the diagrams (for their fallback counts).
    """
    ext = "svg" if fmt == "dot" else fmt
    pattern = href if href is not None else f"{{id}}.{ext}"
    diagrams = draw_system(system, kinds, lang=lang, color=color, href=pattern, processes=processes, paper=paper)
    outputs = render_all(diagrams, fmt, jobs=jobs, dpi=dpi)
    written = []
    for diagram, data in zip(diagrams, outputs, strict=True):
        target = out / diagram.filename(fmt)
        write_atomic(target, data)
        written.append(target)
    return written, diagrams


def write_gallery(models: Path, out: Path, *, fmt: str = "svg") -> list[Path]:
    """Write ``out/<system>/…`` for every system folder in ``models`` (``make gallery``).

    The same as ``qms render models/<x> -o out/<x> --kind all --format svg`` for each
    folder with a ``system.yaml``, in name order.

    Raises
    ------
    UserError
        If a system does not load.
    """
    written: list[Path] = []
    for folder in sorted(p for p in models.iterdir() if (p / "system.yaml").is_file()):
        result = load(folder)
        if result.system is None or any(p.severity == "error" for p in result.problems):
            raise UserError([p for p in result.problems if p.severity == "error"] or f"{folder} did not load")
        paths, _ = write_diagrams(result.system, out / folder.name, fmt=fmt)
        written += paths
    return written


@click.command(
    "render",
    epilog="""\b
Examples:
  qms render models/redu -o diagrams/redu                  # every diagram as SVG
  qms render models/redu -o kuvat --format png --color pdca
  qms render models/sakk -o kuvat --lang se --kind map --kind cycle
  qms render models/redu/processes/talousarvio.yaml -o kuvat --format pdf
  qms render models/redu -o site/kuvat --href 'processes/{id}.html'
  qms render models/redu -o print --format pdf --pages      # wide flows cut into A4 pages

\b
Files: <process_id>.<ext> for each described process (stubs have no flow yet),
map.<ext>, hierarchy.<ext> and vuosikello.<ext>. A single process file gives its flow
only. SVG boxes on the map link to the process diagrams. --format dot writes the DOT
source without calling Graphviz (the vuosikello, drawn without Graphviz, as SVG); the
other formats need Graphviz (dot and neato), and PNG and PDF of the vuosikello need
rsvg-convert (librsvg).""",
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the diagrams to (created when missing).",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="svg", show_default=True, help="Output format."
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Label language [default: the system's default language]; labels "
    "without it are shown in the default language and counted.",
)
@click.option(
    "-k",
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice([*DIAGRAM_KINDS, "all"]),
    default=("all",),
    show_default=True,
    help="Which diagrams: flow, map, hierarchy, cycle (vuosikello) or all; repeatable.",
)
@click.option(
    "--color",
    type=click.Choice(COLOR_MODES),
    default="none",
    show_default=True,
    help="Fill the flow's tasks by PDCA phase or by lane.",
)
@click.option(
    "--process", "processes", multiple=True, metavar="ID", help="Draw only these processes' flows; repeatable."
)
@click.option(
    "--href",
    default=None,
    metavar="PATTERN",
    help="Link of each process on the map, {id} = process id [default: {id}.svg, the flow beside the map].",
)
@click.option("--pages", is_flag=True, help="Cut each flow into landscape pages that print its names at 8 points "
              "(the system's paper: a4, or a3 where system.yaml says 'paper: a3'), with off-page connectors.")
@click.option("--paper", type=click.Choice(["a4", "a3"]), default=None, help="The paper of --pages (implies it).")
@click.option("--dpi", type=click.IntRange(36, 600), default=150, show_default=True, help="Resolution of PNG output.")
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Graphviz processes at once [default: one per core]."
)
def command(
    path: Path,
    out: Path,
    fmt: str,
    lang: str | None,
    kinds: tuple[str, ...],
    color: str,
    processes: tuple[str, ...],
    href: str | None,
    pages: bool,
    paper: str | None,
    dpi: int,
    jobs: int | None,
) -> None:
    """Draw the diagrams of PATH (a system folder or a process file) with Graphviz."""
    result = load(path)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors or result.system is None:
        echo_problems(result.problems)
        click.echo(f"qms render: {path} has errors; fix them first (qms check {path})", err=True)
        sys.exit(EXIT_LOAD)
    system = result.system
    wanted = list(DIAGRAM_KINDS) if "all" in kinds else list(dict.fromkeys(kinds))
    if result.focus_process is not None:
        processes = (result.focus_process,)
    if result.standalone or result.focus_process is not None:
        if wanted != ["flow"] and "all" not in kinds:
            click.echo("qms render: a single process file has only its flow", err=True)
        wanted = ["flow"]
    known = {p.process for p in system.processes}
    unknown = [p for p in processes if p not in known]
    if unknown:
        raise click.BadParameter(f"no process {', '.join(map(repr, unknown))} in {path}", param_hint="--process")
    try:
        written, diagrams = write_diagrams(
            system,
            out,
            kinds=wanted,
            fmt=fmt,
            lang=lang,
            color=color,
            href=href,
            processes=processes or None,
            jobs=jobs,
            dpi=dpi,
            paper=paper or (system.paper if pages else None),
        )
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    for target in written:
        click.echo(str(target))  # what the command made, on stdout (as qms export and qms import)
    if not written:
        click.echo(f"qms render: nothing to draw in {path} (no described process, no vuosikello)", err=True)
    if "flow" in wanted:
        note_structure_errors(system, processes or None, str(path), "render")
    for line in fallback_note(diagrams, lang or system.default_language):
        click.echo(f"qms render: info: {line}", err=True)
