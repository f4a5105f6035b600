"""``qms build NETWORK``: every member's build, then the network's comparison site beside them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from qms.cli.output import EXIT_FINDINGS, EXIT_LOAD, echo_problems
from qms.errors import UserError
from qms.network.site import build_network

__all__ = ["build_network_command"]


def build_network_command(path: Path, out: Path, *, lang: str | None, stages: Sequence[str], pdf: bool) -> int:
    """Build the network at ``path`` into ``out``; print problems and the site's path; return the exit status."""
    from qms.build import build

    failed: list[str] = []

    def member(folder: Path, target: Path) -> object:
        try:
            result = build(folder, target, lang=lang, stages=stages, pdf=pdf)
        except UserError as exc:
            echo_problems(exc.problems)
            failed.append(str(folder))
            return None
        echo_problems([p for p in result.problems if p.severity == "error"])
        if not result.ok:
            failed.append(str(folder))
        return result

    site = build_network(path, out, member)
    echo_problems(site.problems)
    if site.index is None:
        return EXIT_LOAD
    click.echo(str(site.index))
    if any(p.severity == "error" and p.rule == "load" for p in site.problems):
        return EXIT_LOAD
    if failed or any(p.severity == "error" for p in site.problems):
        for folder in failed:
            click.echo(f"qms: the build of {folder} has errors: see its report/check.txt", err=True)
        return EXIT_FINDINGS
    return 0
