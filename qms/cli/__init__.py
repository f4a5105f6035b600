"""The ``qms`` command line: a thin layer over the library (one file per command)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, NamedTuple

import click

from qms import InternalError, __version__

__all__ = ["COMMANDS", "CommandEntry", "LazyGroup", "cli", "main"]


class CommandEntry(NamedTuple):
    """Where a command lives (``module:attribute``) and the one line ``qms --help`` shows for it."""

    target: str
    short_help: str


#: Every command, in the order of ``qms --help``. A command's module is imported only when
#: the command runs or shows its own help, so ``qms --help`` and ``qms --version`` import
#: neither pydantic nor networkx, lxml or jinja2.
COMMANDS: dict[str, CommandEntry] = {
    "new": CommandEntry("qms.cli.new:command", "Start a system folder or a process file."),
    "check": CommandEntry("qms.cli.check:command", "Load and check systems; report every finding."),
    "fmt": CommandEntry("qms.cli.fmt:command", "Order keys and indentation; content never changes."),
    "render": CommandEntry("qms.cli.render:command", "Draw the process diagrams with Graphviz."),
    "export": CommandEntry("qms.cli.export:command", "Export the processes as BPMN 2.0 with layout."),
    "import": CommandEntry("qms.cli.import_:command", "Import a BPMN 2.0 file into a system as YAML."),
    "handbook": CommandEntry("qms.cli.handbook:command", "Build the quality handbook as a static web site."),
    "calendar": CommandEntry("qms.cli.calendar:command", "Write the annual cycle and due dates as iCalendar."),
    "serve": CommandEntry("qms.cli.serve:command", "Show the handbook on 127.0.0.1; rebuild and reload on save."),
    "build": CommandEntry("qms.cli.build:command", "Check, draw, export and publish; redo only what changed."),
    "schema": CommandEntry("qms.cli.schema:command", "Print the JSON Schema of system.yaml or a process file."),
    "diff": CommandEntry("qms.cli.diff:command", "Show what changed between two versions of a system."),
    "compare": CommandEntry("qms.cli.compare:command", "Compare providers side by side, or a network's members."),
}

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use, from a table of names.

    Why: importing every command module pulls in pydantic, networkx, lxml and jinja2,
    about a second before ``qms --version`` could answer. ``list_commands`` and the
    command list of ``--help`` read the table; ``get_command`` imports one module.
    """

    def __init__(self, *args: Any, lazy: Mapping[str, CommandEntry], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *sorted(name for name in self.commands if name not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = self.lazy.get(cmd_name)
        if entry is not None and cmd_name not in self.commands:
            module_name, _, attribute = entry.target.partition(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise InternalError(f"{entry.target} is not a click command")
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command through the one error path of the CLI.

        A :class:`UserError` is printed as located messages (exit 2); an :class:`OSError`
        (a folder that cannot be written) as one line (exit 2); anything else is a bug in
        qms: its traceback once, and how to report it (exit 70).
        """
        from qms.cli.output import EXIT_BUG, EXIT_LOAD, echo_bug, echo_problems
        from qms.errors import UserError

        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, BrokenPipeError):
            raise
        except UserError as exc:
            echo_problems(exc.problems)
            ctx.exit(EXIT_LOAD)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"qms: {where}{exc.strerror or exc}", err=True)
            ctx.exit(EXIT_LOAD)
        except Exception as exc:
            echo_bug(exc)
            ctx.exit(EXIT_BUG)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table (commands added later say their own short help)."""
        rows = [(name, self.lazy[name].short_help if name in self.lazy
                 else self.commands[name].get_short_help_str(formatter.width - 6 - len(name)))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings=CONTEXT, epilog="""\b
Examples:
  qms new system laatu            # start a quality system in ./laatu
  qms check laatu                 # load it and report every problem with file:line:col
  qms render laatu -o kuvat       # draw the process diagrams
  qms export laatu -o bpmn        # BPMN 2.0 for Camunda Modeler, bpmn.io, Signavio
  qms handbook laatu -o site      # the quality handbook as a static web site
  qms build laatu -o out --watch  # all of it, made again each time a file is saved

Run `qms COMMAND --help` for the options and examples of each command.
Exit status 70 means a bug in qms: it prints the traceback and how to report it.""")
@click.version_option(__version__, "-V", "--version", prog_name="qms")
def cli() -> None:
    """qms: a quality-system description as text, checked, drawn, exported and published.

    A system is a folder with system.yaml and processes/*.yaml; a single process
    file works too.
    """


def main() -> None:
    """The ``qms`` program: the collector tuned for a command's work (:func:`qms.memory.collect_less`), then :func:`cli`."""
    from qms.memory import collect_less

    collect_less()
    cli(prog_name="qms")
