"""The annual cycle, review-due dates and action due dates as an iCalendar file (RFC 5545)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from qms.handbook.texts import word
from qms.model import QualitySystem, text_in

__all__ = ["CalendarEntry", "calendar_entries", "to_ics"]

PRODID = "-//qms//quality system calendar//EN"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One all-day event: a stable ``uid``, its date, and plain-text summary and description.

    ``yearly`` marks an event of the annual cycle, which repeats every year.
    """

    uid: str
    start: dt.date
    summary: str
    description: str
    category: str
    yearly: bool = False


def _cycle_year(system: QualitySystem, as_of: dt.date) -> int:
    """The calendar year in which the annual cycle that holds ``as_of`` began."""
    start = system.annual_cycle.cycle_start_month if system.annual_cycle else 1
    return as_of.year if as_of.month >= start else as_of.year - 1


def calendar_entries(system: QualitySystem, *, lang: str, as_of: dt.date) -> list[CalendarEntry]:
    """Every dated item of the system as calendar entries, in a stable order.

    The annual cycle's events fall in the cycle that holds ``as_of`` (one entry per month,
    repeating yearly); continuous events have no month and are left out. Review dates of
    processes and of the system, and due dates of open improvement actions, are single
    events.

    Examples
    --------
    >>> import datetime as dt
    >>> from qms.model import QualitySystem
    >>> s = QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
    ...     "roles": [{"id": "lv", "name": "Laatuvastaava"}],
    ...     "processes": [{"process": "a", "name": "A", "category": "core", "owner": "lv",
    ...                    "review": {"next_review": "2027-01-15"}}]})
    >>> [(e.uid, e.start.isoformat(), e.summary) for e in calendar_entries(s, lang="fi", as_of=dt.date(2026, 3, 1))]
    [('review-a@s.qms', '2027-01-15', 'Seuraava katselmointi: A')]
    """
    return [*_cycle(system, lang, as_of), *_reviews(system, lang), *_actions(system, lang)]


def _name(system: QualitySystem, text: object, lang: str) -> str:
    return text_in(text, lang, system.default_language) if text is not None else ""  # type: ignore[arg-type]


def _role(system: QualitySystem, rid: str | None, lang: str) -> str:
    """The name of a role (or of a quality group or unit: approving bodies), else the id."""
    names = {r.id: r.name for r in system.roles}
    names.update({g.id: g.name for g in system.quality_groups if g.id not in names})
    names.update({u.id: u.name for u in system.org_units if u.id not in names})
    return _name(system, names[rid], lang) if rid in names else rid or ""


def _lines(*pairs: tuple[str, str]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs if value)


def _cycle(system: QualitySystem, lang: str, as_of: dt.date) -> Iterator[CalendarEntry]:
    cycle = system.annual_cycle
    if cycle is None:
        return
    first = _cycle_year(system, as_of)
    for event in cycle.events:
        for month in sorted(set(event.months)):
            year = first if month >= cycle.cycle_start_month else first + 1
            yield CalendarEntry(
                uid=f"cycle-{event.id}-{month:02d}@{system.system}.qms",
                start=dt.date(year, month, 1),
                summary=f"{word('annual_cycle', lang)}: {_name(system, event.name, lang)}",
                description=_lines((word("forum", lang), _name(system, event.forum, lang)),
                                   (word("outputs", lang), ", ".join(_name(system, o, lang) for o in event.outputs))),
                category="annual_cycle", yearly=True)


def _reviews(system: QualitySystem, lang: str) -> Iterator[CalendarEntry]:
    approval = system.approval
    if approval is not None and approval.next_review is not None:
        yield CalendarEntry(
            uid=f"approval@{system.system}.qms", start=approval.next_review,
            summary=f"{word('system_approval', lang)}: {word('next_review', lang)}",
            description=_lines((word("approved_by", lang), _role(system, approval.approved_by, lang)),
                               (word("version", lang), approval.version or "")),
            category="review")
    for p in system.processes:
        if p.review is None or p.review.next_review is None:
            continue
        yield CalendarEntry(
            uid=f"review-{p.process}@{system.system}.qms", start=p.review.next_review,
            summary=f"{word('next_review', lang)}: {_name(system, p.name, lang)}",
            description=_lines((word("process", lang), _name(system, p.name, lang)),
                               (word("process_owner", lang), _role(system, p.owner, lang)),
                               (word("version", lang), p.review.version or "")),
            category="review")


def _actions(system: QualitySystem, lang: str) -> Iterator[CalendarEntry]:
    plan = system.development_plan
    if plan is None:
        return
    names = {p.process: _name(system, p.name, lang) for p in system.processes}
    for a in plan.actions:
        if a.due is None or a.status not in ("planned", "ongoing"):
            continue
        yield CalendarEntry(
            uid=f"action-{a.id}@{system.system}.qms", start=a.due,
            summary=f"{word('action', lang)} {a.id}: {_name(system, a.name, lang)}",
            description=_lines((word("action_owner", lang), _role(system, a.owner, lang)),
                               (word("process", lang), ", ".join(names.get(i, i) for i in a.processes)),
                               (word("development_plan", lang), _name(system, plan.name, lang))),
            category="action")


def to_ics(system: QualitySystem, *, lang: str, as_of: dt.date) -> bytes:
    """The calendar as iCalendar bytes: the same system and date give the same bytes.

    ``DTSTAMP`` is ``as_of`` at midnight UTC (never the clock), and every ``UID`` is
    made of the kind and id of what the event is about, so a calendar that imports the
    file again updates its events instead of doubling them.

    Examples
    --------
    >>> import datetime as dt
    >>> from qms.model import QualitySystem
    >>> s = QualitySystem.model_validate({"system": "s", "name": "S", "provider": {"id": "p", "name": "P"},
    ...     "development_plan": {"id": "k", "name": "K", "actions": [{"id": "A1", "name": "<b>x</b>",
    ...                                                               "due": "2026-05-31"}]}})
    >>> ics = to_ics(s, lang="en", as_of=dt.date(2026, 3, 1)).decode()
    >>> "DTSTAMP:20260301T000000Z" in ics, "SUMMARY:Action A1: <b>x</b>" in ics
    (True, True)
    """
    import icalendar  # only the calendar needs it

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _name(system, system.name, lang))
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
    for entry in calendar_entries(system, lang=lang, as_of=as_of):
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.start)
        event.add("dtend", entry.start + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        event.add("categories", [entry.category])
        if entry.yearly:
            event.add("rrule", {"freq": "yearly"})
        cal.add_component(event)
    return bytes(cal.to_ical())
