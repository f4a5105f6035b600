"""The ``qms`` command line: a thin layer over the library (one file per command)."""

from __future__ import annotations

import importlib

import click

from qms import __version__

__all__ = ["cli"]

#: Command modules, each defining a click command named like the module (import_ → import).
COMMANDS: list[str] = [
    "qms.cli.check",
    "qms.cli.new",
    "qms.cli.schema",
    "qms.cli.render",
    "qms.cli.fmt",
    "qms.cli.export",
    "qms.cli.import_",
    "qms.cli.handbook",
    "qms.cli.build",
]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT, epilog="""\b
Examples:
  qms new system laatu          # start a quality system in ./laatu
  qms check laatu               # load it and report every problem with file:line:col
  qms render laatu -o kuvat     # draw the process diagrams
  qms export laatu -o bpmn      # BPMN 2.0 for Camunda Modeler, bpmn.io, Signavio
  qms handbook laatu -o site    # the quality handbook as a static web site

Run `qms COMMAND --help` for the options and examples of each command.""")
@click.version_option(__version__, "-V", "--version", prog_name="qms")
def cli() -> None:
    """qms: a quality-system description as text, checked, drawn, exported and published.

    A system is a folder with system.yaml and processes/*.yaml; a single process
    file works too.
    """


def _register() -> None:
    for name in COMMANDS:
        module = importlib.import_module(name)
        command = module.command
        cli.add_command(command)


_register()
