"""``python -m qms.demo PATH``: load a system and print a summary of its graphs."""

from __future__ import annotations

import sys

import click

from qms.cli.output import echo_problems
from qms.graph import process_graph, system_graph
from qms.load import load
from qms.model import text_in


def main(path: str) -> int:
    """Print one line per process (steps, flows, lanes) and the architecture graph."""
    result = load(path)
    echo_problems(result.problems)
    if result.system is None or not result.ok:
        return 2
    system = result.system
    lang = system.default_language
    click.echo(f"{text_in(system.name, lang)}: {len(system.processes)} processes")
    for p in system.processes:
        g = process_graph(p)
        kinds = [d["kind"] for _, d in g.nodes(data=True)]
        flows = sum(1 for *_, d in g.edges(data=True) if d["kind"] == "sequence")
        msgs = sum(1 for *_, d in g.edges(data=True) if d["kind"] == "message")
        status = "stub" if p.is_stub else f"{len(p.steps)} steps, {flows} flows, {msgs} messages, {len(p.lanes)} lanes"
        click.echo(f"  {p.code or '':4} {p.process:32} {p.category:10} {status}  "
                   f"({kinds.count('gateway')} gateways)")
    a = system_graph(system)
    edges: dict[str, int] = {}
    for *_, d in a.edges(data=True):
        edges[d["kind"]] = edges.get(d["kind"], 0) + 1
    click.echo("  architecture: " + ", ".join(f"{n} {k}" for k, n in sorted(edges.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "models/redu"))
