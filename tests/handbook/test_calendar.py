"""The iCalendar export: parsed back with icalendar, RFC 5545 properties, stable bytes and UIDs."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from qms.handbook.calendar import to_ics
from qms.load import load
from qms.model import QualitySystem
from tests.conftest import MODELS

SYSTEM = {
    "system": "s", "name": "S", "as_of": "2026-03-01", "provider": {"id": "p", "name": "P"},
    "roles": [{"id": "lv", "name": "Laatuvastaava"}, {"id": "hallitus", "name": "Hallitus"}],
    "approval": {"version": "3", "approved_by": "hallitus", "approved": "2026-01-20", "next_review": "2027-01-20"},
    "annual_cycle": {"name": "Vuosikello", "cycle_start_month": 8, "events": [
        {"id": "kysely", "name": "Palautekysely <script>", "months": [10, 2], "forum": "Laaturyhmä"},
        {"id": "aina", "name": "Jatkuva", "continuous": True}]},
    "development_plan": {"id": "ks", "name": "KS", "actions": [
        {"id": "A1", "name": "Auki", "owner": "lv", "due": "2026-05-31", "processes": ["palaute"]},
        {"id": "A2", "name": "Valmis", "due": "2026-01-31", "status": "done"}]},
    "processes": [{"process": "palaute", "name": "Opiskelijapalaute", "category": "core", "owner": "lv",
                   "review": {"version": "2", "next_review": "2026-09-30"}}],
}


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.fixture
def ics() -> bytes:
    return to_ics(QualitySystem.model_validate(SYSTEM), lang="fi", as_of=dt.date(2026, 3, 1))


def test_every_event_has_the_properties_rfc_5545_requires(ics: bytes) -> None:
    events = _events(ics)
    assert sorted(events) == ["action-A1@s.qms", "approval@s.qms", "cycle-kysely-02@s.qms",
                              "cycle-kysely-10@s.qms", "review-palaute@s.qms"]
    for event in events.values():
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in event
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def test_the_cycle_falls_in_the_cycle_year_of_as_of_and_repeats(ics: bytes) -> None:
    events = _events(ics)
    october, february = events["cycle-kysely-10@s.qms"], events["cycle-kysely-02@s.qms"]
    assert october.decoded("DTSTART") == dt.date(2025, 10, 1)  # the cycle began in August 2025
    assert february.decoded("DTSTART") == dt.date(2026, 2, 1)
    assert october["RRULE"]["FREQ"] == ["YEARLY"]
    assert str(october["SUMMARY"]) == "Vuosikello: Palautekysely <script>"
    assert "Toimielin: Laaturyhmä" in str(october["DESCRIPTION"])


def test_reviews_and_open_actions_name_owner_and_process(ics: bytes) -> None:
    events = _events(ics)
    review = events["review-palaute@s.qms"]
    assert review.decoded("DTSTART") == dt.date(2026, 9, 30)
    assert str(review["DESCRIPTION"]).splitlines() == ["Prosessi: Opiskelijapalaute", "Prosessinomistaja: Laatuvastaava",
                                                       "Versio: 2"]
    action = events["action-A1@s.qms"]
    assert str(action["SUMMARY"]) == "Toimenpide A1: Auki"
    assert "Vastuutaho: Laatuvastaava" in str(action["DESCRIPTION"])
    assert "Prosessi: Opiskelijapalaute" in str(action["DESCRIPTION"])
    assert "Hallitus" in str(events["approval@s.qms"]["DESCRIPTION"])


def test_same_model_same_bytes() -> None:
    system = load(MODELS / "redu").system
    assert system is not None and system.as_of is not None
    first = to_ics(system, lang="en", as_of=system.as_of)
    assert first == to_ics(system, lang="en", as_of=system.as_of)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert len(uids) == len(set(uids)) > 20
