"""``qms calendar``: the annual cycle and the due dates of a system as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from qms.cli.build import lang_option
from qms.cli.handbook import loaded_system, write_or_exit
from qms.cli.output import EXIT_LOAD
from qms.handbook.calendar import calendar_entries, to_ics

__all__ = ["command"]


@click.command("calendar", epilog="""\b
Examples:
  qms calendar models/redu -o laatu.ics                 # import into Outlook or Google Calendar
  qms calendar models/redu -o quality.ics --lang en
  qms calendar models/redu -o laatu.ics --as-of 2027-01-01""")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .ics file to write (its folder is created when missing).")
@lang_option
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The date the calendar is made as of [default: as_of in system.yaml].")
def command(path: Path, out: Path, lang: str | None, as_of: dt.datetime | None) -> None:
    """Write the annual cycle (vuosikello), review dates and action due dates of PATH as iCalendar.

    Each event of the annual cycle comes once in each of its months and repeats yearly;
    the next review of each process and of the system, and the due date of each open
    improvement action, are single events whose description names the owner and the
    process. The file is the same byte for byte on every run: DTSTAMP is the system's
    as_of (never the clock) and every UID is made of what the event is about, so
    importing the file again updates the events instead of doubling them.

    Exit status: 0 written, 2 the input could not be loaded or the file not written.
    """
    system = loaded_system(path, "calendar")
    date = as_of.date() if as_of else system.as_of
    if date is None:
        click.echo(f"{path}: error: the calendar needs a date to be made as of (add `as_of: YYYY-MM-DD` to "
                   "system.yaml, or give --as-of)", err=True)
        sys.exit(EXIT_LOAD)
    language = lang or system.default_language
    write_or_exit(out, to_ics(system, lang=language, as_of=date))
    count = len(calendar_entries(system, lang=language, as_of=date))
    click.echo(f"wrote {out} ({count} events)", err=True)
