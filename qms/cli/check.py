"""``qms check``: load systems or process files, run the rules, report findings or coverage."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from qms.check.config import PROFILES, find_project_config, resolve_config, select_rules
from qms.check.coverage import (
    CoverageReport,
    coverage,
    format_coverage_json,
    format_coverage_markdown,
    format_coverage_text,
)
from qms.check.engine import check, problem_finding
from qms.check.finding import Finding
from qms.check.i18n import LANGUAGES, translate
from qms.check.output import FORMATS, format_findings, summarise
from qms.check.priority import first_to_fix
from qms.check.registry import RULES
from qms.check.rule import Rule
from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD
from qms.load import load
from qms.network.load import is_network
from qms.network.run import check_network_path

__all__ = ["command"]


@dataclass
class _Run:
    findings: list[Finding] = field(default_factory=list)
    ran: dict[str, Rule] = field(default_factory=dict)
    reports: list[CoverageReport] = field(default_factory=list)
    files: int = 0
    processes: int = 0
    input_error: bool = False
    languages: list[str] = field(default_factory=list)


def _codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: write YYYY-MM-DD") from None


def _check_path(path: str, run: _Run, *, profile: str | None, select: list[str], ignore: list[str],
                as_of: dt.date | None, report: str, lang: str | None) -> None:
    if is_network(path):  # a network folder: its own checks (qms.network)
        problems = check_network_path(path)
        run.files += 1  # network.yaml; each member's own files are checked by `qms check MEMBER`
        run.findings.extend(problem_finding(p) for p in problems)
        run.input_error |= any(p.rule == "load" and p.severity == "error" for p in problems)
        return
    loaded = load(path)
    run.files += 1 if loaded.focus is not None else len(loaded.files)
    run.findings.extend(problem_finding(p) for p in loaded.problems)
    if any(p.severity == "error" for p in loaded.problems):
        run.input_error = True
    start = loaded.root if loaded.root is not None else Path(path)
    project, problems = find_project_config(start)
    config = resolve_config(loaded.system, RULES, project=project, profile=profile, select=select, ignore=ignore)
    for p in (*problems, *config.problems):
        run.findings.append(problem_finding(p))
        run.input_error = True
    if loaded.system is None:
        return
    run.processes += 1 if loaded.focus is not None else len(loaded.system.processes)
    run.languages.append(loaded.system.default_language)
    result = check(loaded.system, config, as_of=as_of, standalone=loaded.standalone)
    # A file with load errors gets only those: the rules would report their consequences again.
    broken = {p.location.file for p in loaded.problems if p.severity == "error"}
    focus = loaded.focus
    run.findings.extend(f for f in result.findings if f.file not in broken and focus in (None, f.file))
    for r in result.ran:
        run.ran.setdefault(r.code, r)
    if report == "coverage":
        language = lang or _language(loaded.system.default_language)
        run.reports.append(coverage(loaded.system, result.findings, as_of=as_of, settings=config.settings,
                                    lang=language, standalone=loaded.standalone))


@click.command("check", epilog="""\b
Examples:
  qms check models/redu                        # a whole system folder
  qms check models/redu/processes/talousarvio.yaml --as-of 2026-03-01
  qms check models/* --format json             # the findings contract, for other tools
  qms check models/redu --format sarif > qms.sarif   # for code scanning
  qms check models/redu --format github        # annotations in a GitHub Actions run
  qms check models/sakk --profile small-provider --max-warnings 20
  qms check models/redu --select S --ignore S016     # only structure rules, without lane-required
  qms check models/redu --report coverage      # criteria: met / partly met / not met / ...
  qms check models/redu --top 5                # the five findings to fix first
  qms check models/redu --lang en              # findings and hints in English (fi, en, sv)

\b
Configuration: `checks:` in system.yaml (profile, rules: {CODE: error|warning|info|off},
review_interval_months, audit_cycle_years, frameworks: {ISO: "9001:2008", EFQM: off})
or [tool.qms] in the nearest pyproject.toml. The framework versions in force at as_of apply.
Suppress one finding with `ignore: {CODE: reason}` on a process, step or measure.""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "markdown"]), default="text", show_default=True,
              help="text: file:line:col: severity CODE name: message [reference] (hint); json: the findings "
                   "contract; sarif: SARIF 2.1.0; github: GitHub Actions annotations; markdown: the coverage "
                   "report as tables (with --report coverage).")
@click.option("--profile", type=click.Choice(PROFILES), default=None,
              help="Rule profile (default: checks.profile of system.yaml, else [tool.qms], else recommended).")
@click.option("--report", type=click.Choice(["findings", "coverage"]), default="findings", show_default=True,
              help="findings: one line per finding; coverage: criteria per framework (text, json or markdown).")
@click.option("--max-warnings", type=click.IntRange(min=-1), default=-1, show_default=True,
              help="Exit 1 when there are more warnings than this (-1: no limit).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules: codes, names, sets (structure, process, system) or code prefixes (Q5).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--as-of", "as_of", callback=_date, metavar="YYYY-MM-DD",
              help="The date the checks treat as today (default: as_of of system.yaml; the clock is never read).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of findings, hints and the coverage report (default: the system's default_language).")
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help="List only the N findings to fix first: errors, then legal duties, frameworks, good practice.")
def command(paths: tuple[str, ...], fmt: str, profile: str | None, report: str, max_warnings: int,
            select: tuple[str, ...], ignore: tuple[str, ...], as_of: dt.date | None, lang: str | None,
            top: int | None) -> None:
    """Load PATHS (system folders or process files), run the checks and report the findings.

    Findings go to stdout, the summary line to stderr. A process file inside a system
    folder is checked against its system (roles, stakeholders, other processes) and
    gives the findings of that file.

    Exit status: 0 clean; 1 error-level findings, or more warnings than --max-warnings;
    2 usage errors or input that could not be loaded; 70 a bug in qms.
    """
    selected, ignored = _codes(select), _codes(ignore)
    for option, values in (("--select", selected), ("--ignore", ignored)):
        _, unknown = select_rules(values, RULES)
        if unknown:
            raise click.BadParameter(f"unknown rule '{unknown[0]}'", param_hint=option)
    if report == "coverage" and fmt not in ("text", "json", "markdown"):
        raise click.BadParameter("the coverage report is text, json or markdown", param_hint="--format")
    if report == "findings" and fmt == "markdown":
        raise click.BadParameter("markdown is a format of the coverage report (--report coverage)",
                                 param_hint="--format")
    run = _Run()
    for path in paths:
        _check_path(path, run, profile=profile, select=selected, ignore=ignored, as_of=as_of, report=report,
                    lang=lang)
    language = lang or _language(run.languages[0] if run.languages else "en")
    summary = summarise(run.findings, files=run.files, processes=run.processes)
    shown = translate(first_to_fix(run.findings, top) if top else run.findings, language)
    if report == "coverage":
        text = (format_coverage_json(run.reports, language) if fmt == "json"
                else format_coverage_markdown(run.reports, lang=language) if fmt == "markdown"
                else format_coverage_text(run.reports, lang=language))
        click.echo(text, nl=False)
        problems = [f for f in run.findings if f.code in ("load", "config")]
        if problems:
            click.echo(format_findings("text", problems, summary, [], colour=sys.stderr.isatty()), err=True, nl=False)
    elif fmt == "text":
        # The findings are the command's output (stdout, like ruff and yamllint); the summary is not.
        click.echo(format_findings("text", shown, summary, [], colour=sys.stdout.isatty()), nl=False)
        if top and len(run.findings) > len(shown):
            click.echo(f"... and {len(run.findings) - len(shown)} more: run without --top to list them all", err=True)
        click.echo(f"{len(paths)} path{'s' if len(paths) != 1 else ''} checked: {summary}", err=True)
    else:
        click.echo(format_findings(fmt, shown, summary, list(run.ran.values())), nl=False)
    if run.input_error:
        sys.exit(EXIT_LOAD)
    if summary.errors or (max_warnings >= 0 and summary.warnings > max_warnings):
        sys.exit(EXIT_FINDINGS)



def _language(default: str) -> str:
    """The language of the report for a system whose default language is ``default`` (English when
    findings cannot be said in it, e.g. Sámi)."""
    return default if default in LANGUAGES else "en"
