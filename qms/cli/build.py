"""``qms build``: check report, diagrams, BPMN and handbook into one folder, incrementally."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from qms.build import STAGES, BuildResult, Rebuild, StageReport, build, watch
from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_bug, echo_problems
from qms.errors import UserError
from qms.model import LANGUAGES
from qms.network.load import is_network

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

__all__ = ["TerminalProgress", "command", "finish", "lang_option", "pdf_option", "rebuild_line"]

lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None,
    help="Language of the handbook and diagrams (fi, en, sv, se); default: the system's default language.",
)
pdf_option = click.option(
    "--pdf", is_flag=True,
    help="Also print the handbook to handbook.pdf with headless Chromium (must be installed).",
)


class TerminalProgress:
    """One line per stage (``diagrams  5 made, 2 reused (3.1 s)``); on a terminal, click's
    progress bar while a stage runs."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.bar: ProgressBar[int] | None = None
        self.name = ""

    def stage(self, name: str, total: int) -> None:
        self._finish_bar()
        if self.live and total:
            self.bar = click.progressbar(length=total, label=f"{name:<8}", file=self.stream, show_eta=False)
            self.name = name
            self.bar.update(0)

    def step(self, name: str, done: int, total: int) -> None:
        if self.bar is not None and name == self.name:
            self.bar.update(max(0, done - self.bar.pos))

    def done(self, report: StageReport) -> None:
        self._finish_bar()
        click.echo(report.summary, file=self.stream)

    def _finish_bar(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None


def finish(result: BuildResult, *, findings_fail: bool = True) -> None:
    """Print problems and notes on stderr and the handbook's path on stdout; exit non-zero on errors.

    ``findings_fail``: error-level findings of the checks make the exit status 1.
    """
    echo_problems([p for p in result.problems if p.severity == "error"])
    for message in result.messages:
        click.echo(f"qms: {message}", err=True)
    if result.index is not None:
        click.echo(str(result.index))
    if result.pdf is not None:
        click.echo(str(result.pdf))
    if any(p.severity == "error" for p in result.problems):
        sys.exit(EXIT_LOAD)
    if result.failed or (findings_fail and not result.ok):
        if findings_fail and result.counts.get("error"):
            click.echo(f"qms: {result.counts['error']} error-level finding(s): see report/check.txt", err=True)
        sys.exit(EXIT_FINDINGS)


def rebuild_line(done: Rebuild) -> str:
    """One line for a build of ``--watch``: what changed, what was made, how long it took.

    Examples
    --------
    >>> from qms.build import BuildResult, StageReport
    >>> result = BuildResult(Path("out"), [StageReport("handbook", made=12, reused=9)], counts={"warning": 2})
    >>> rebuild_line(Rebuild(["processes/talousarvio.yaml"], result, seconds=0.93))
    'processes/talousarvio.yaml changed: 12 files made, 9 kept in 0.93 s; 0 errors, 2 warnings'
    """
    if not done.changed:
        what = "first build"
    elif len(done.changed) <= 3:
        what = f"{', '.join(done.changed)} changed"
    else:
        what = f"{', '.join(done.changed[:2])} and {len(done.changed) - 2} more changed"
    took = f"in {done.seconds:.2f} s"
    result = done.result
    if done.bug is not None:
        return f"{what}: qms failed (see above) {took}; watching goes on"
    if result is None:
        return f"{what}: nothing built {took}"
    if any(p.severity == "error" for p in result.problems):
        errors = sum(p.severity == "error" for p in result.problems)
        return f"{what}: nothing built, {errors} load error(s) {took}"
    made = sum(s.made for s in result.stages)
    kept = sum(s.reused for s in result.stages)
    c = result.counts
    return f"{what}: {made} files made, {kept} kept {took}; {c.get('error', 0)} errors, {c.get('warning', 0)} warnings"


def _echo_rebuild(done: Rebuild, quiet: bool) -> None:
    """Problems as one-line messages, then the rebuild's line (on stderr)."""
    if done.error is not None:
        echo_problems(done.error.problems)
    if done.bug is not None:
        echo_bug(done.bug)
    result = done.result
    if result is not None:
        echo_problems([p for p in result.problems if p.severity == "error"])
        if result.errors:
            from qms.check.output import format_text

            click.echo(format_text(result.errors), err=True, nl=False)
        for message in result.messages:
            click.echo(f"qms: {message}", err=True)
    if not quiet:
        click.echo(rebuild_line(done), err=True)
    if result is not None and result.index is not None and not done.changed:
        click.echo(str(result.index))


@click.command("build", epilog="""\b
Examples:
  qms build models/redu -o out/redu            # everything; open out/redu/index.html
  qms build models/redu -o out/redu --lang en  # the handbook and diagrams in English
  qms build models/redu -o out/redu --pdf      # and out/redu/handbook.pdf
  qms build models/redu -o out/redu --watch    # and again after each save, until Ctrl-C

\b
Output folder:
  report/check.txt, check.json, check.sarif   the check report (SARIF for code scanning)
  diagrams/                                   SVG: map, vuosikello, one flow per process
  bpmn/                                       BPMN 2.0 with layout, one file per process
  index.html, processes/, …                   the handbook site (no JavaScript, works from file://)
  .qms-cache.json                             what the next build may reuse""")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (created when missing); only files qms made there are replaced.")
@lang_option
@pdf_option
@click.option("--skip", "skip", multiple=True, type=click.Choice(STAGES),
              help="Leave out a stage (repeatable): check, diagrams, bpmn, handbook.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines, only problems and the path of index.html.")
@click.option("-w", "--watch", "keep_watching", is_flag=True,
              help="Stay running: build again each time a YAML file under PATH is saved (Ctrl-C stops).")
def command(path: Path, out: Path, lang: str | None, pdf: bool, skip: tuple[str, ...], quiet: bool,
            keep_watching: bool) -> None:
    """Build everything for the system at PATH into one folder, redoing only what changed.

    An output is made again only when an input it depends on changed (a process page:
    its process file and system.yaml; the map and the reports: every file). Progress
    goes to stderr on a terminal; the path of index.html to stdout.

    With --watch, qms stays running and is told by the operating system when
    system.yaml or a file under processes/ is saved; it then builds again and prints one
    line: what changed, what was made, how long it took. Input that does not load is
    reported as file:line:col messages, and the watch goes on with the next save.

    Exit status: 0 built (or watching stopped), 1 error-level findings or a diagram
    that could not be drawn, 2 the input could not be loaded, 70 a bug in qms.
    """
    stages = [s for s in STAGES if s not in skip]
    if is_network(path):  # a network folder: each member's build and the comparison site (qms.network)
        from qms.cli.network import build_network_command

        sys.exit(build_network_command(path, out, lang=lang, stages=stages, pdf=pdf))
    if keep_watching:
        click.echo(f"qms: watching {path} for changes; Ctrl-C stops", err=True)
        try:
            watch(path, out, lang=lang, stages=stages, pdf=pdf, on_build=lambda done: _echo_rebuild(done, quiet))
        except KeyboardInterrupt:
            click.echo("\nqms: stopped watching", err=True)
        return
    progress = None if quiet else TerminalProgress(sys.stderr)
    if progress is not None and not progress.live:
        progress = None
    try:
        result = build(path, out, lang=lang, stages=stages, pdf=pdf, progress=progress)
    except UserError as exc:
        echo_problems(exc.problems)
        sys.exit(EXIT_LOAD)
    finish(result)
