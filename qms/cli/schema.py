"""``qms schema``: the JSON Schema of the file format, for editor completion."""

from __future__ import annotations

import json

import click

from qms.schema import process_schema, system_schema

__all__ = ["command"]


@click.command("schema", epilog="""\b
Examples:
  qms schema > qms.system.schema.json
  qms schema --kind process > qms.process.schema.json
Then, in a YAML file, for yaml-language-server (VS Code's YAML extension):
  # yaml-language-server: $schema=../qms.process.schema.json""")
@click.option("--kind", type=click.Choice(["system", "process"]), default="system", show_default=True,
              help="system: the schema of system.yaml; process: of a file under processes/.")
def command(kind: str) -> None:
    """Print the JSON Schema of system.yaml or of a process file."""
    schema = system_schema() if kind == "system" else process_schema()
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
