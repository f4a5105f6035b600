"""``qms calendar``: writes a parseable file, needs a date, fails cleanly on a path it cannot write."""

from __future__ import annotations

from pathlib import Path

import icalendar
from click.testing import CliRunner

from qms.cli import cli
from tests.conftest import MODELS


def test_writes_the_calendar(tmp_path: Path) -> None:
    target = tmp_path / "out" / "redu.ics"
    result = CliRunner().invoke(cli, ["calendar", str(MODELS / "redu"), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert f"wrote {target} ({len(events)} events)" in result.output
    again = tmp_path / "again.ics"
    CliRunner().invoke(cli, ["calendar", str(MODELS / "redu"), "-o", str(again), "--lang", "en"])
    assert again.read_bytes() == target.read_bytes()


def test_a_date_is_needed(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "system.yaml").write_text("system: s\nname: S\nprovider: {id: p, name: P}\n")
    target = tmp_path / "s.ics"
    result = CliRunner().invoke(cli, ["calendar", str(tmp_path / "s"), "-o", str(target)])
    assert result.exit_code == 2
    assert "the calendar needs a date to be made as of (add `as_of: YYYY-MM-DD`" in result.output
    assert not target.exists()
    dated = CliRunner().invoke(cli, ["calendar", str(tmp_path / "s"), "-o", str(target), "--as-of", "2026-01-01"])
    assert dated.exit_code == 0 and target.is_file()


def test_an_unwritable_target_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(cli, ["calendar", str(MODELS / "redu"), "-o", str(blocker / "x.ics")])
    assert result.exit_code == 2
    assert result.output.startswith(f"{blocker / 'x.ics'}: error: cannot write the file: ")
    assert "Traceback" not in result.output
