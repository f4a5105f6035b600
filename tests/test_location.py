"""Source locations print as file:line:col, or the file alone when the line is unknown."""

from __future__ import annotations

from qms.location import SourceLocation


def test_a_location_prints_as_an_editor_opens_it() -> None:
    assert str(SourceLocation("models/redu/talous.yaml", 42, 7, "steps[3]")) == "models/redu/talous.yaml:42:7"
    assert str(SourceLocation("system.yaml")) == "system.yaml"
