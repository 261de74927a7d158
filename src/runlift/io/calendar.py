"""Read training sessions from any iCalendar (RFC 5545) file: ours, or another app's export.

A calendar runlift wrote also says what the rules read of the athlete (``X-RUNLIFT-*``
properties, ``runlift.io.ics_export``): goal, priority, evidence profile, rest days and
the training windows, so that ``runlift lint plan.ics`` judges it as it judges plan.json.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import Enum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import TimeWindow, WeekContext
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.imported import Availability, ImportedSessions, day_span, scheduled
from runlift.io.session_words import recognise
from runlift.vocabulary import EvidenceProfile, GoalKind, Priority, Weekday

DEFAULT_EVENT_LENGTH = timedelta(hours=1)
_E = TypeVar("_E", bound=Enum)

GOAL = "X-RUNLIFT-GOAL"
PRIORITY = "X-RUNLIFT-PRIORITY"
EVIDENCE_PROFILE = "X-RUNLIFT-EVIDENCE-PROFILE"
REST_DAYS_MIN = "X-RUNLIFT-REST-DAYS-MIN"
AVAILABILITY = "X-RUNLIFT-AVAILABILITY-"
"""Followed by the weekday (``X-RUNLIFT-AVAILABILITY-MON``): its windows, space-separated."""

_READ = frozenset({"DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "CATEGORIES"})
"""The properties a session is read from; an error in any other does not stop the reading."""


def _text(component: icalendar.cal.Component, name: str) -> str:
    value = component.get(name)
    return "" if value is None else str(value)


def _categories(event: icalendar.cal.Component) -> list[str]:
    raw = event.get("CATEGORIES")
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        names.extend(str(c) for c in (cats if cats is not None else [item]))
    return names


def _zone(name: str, *, field: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportFormatError("ics", f"{field} '{name}' is not a known time zone") from None


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    return value.replace(tzinfo=zone) if value.tzinfo is None else value


def _enum_property(calendar: icalendar.cal.Component, name: str, kind: type[_E]) -> _E:
    value = _text(calendar, name)
    try:
        return kind(value)
    except ValueError:
        allowed = " | ".join(str(member.value) for member in kind)
        raise ImportFormatError("ics", f"{name} '{value}' is not one of {allowed}") from None


def _context(calendar: icalendar.cal.Component, zone_name: str) -> WeekContext | None:
    """What runlift's own calendar says of the athlete, or None for another app's."""
    if calendar.get(GOAL) is None:
        return None
    rest = _text(calendar, REST_DAYS_MIN) or "1"
    if not rest.isdigit() or not 0 <= int(rest) <= 6:
        raise ImportFormatError("ics", f"{REST_DAYS_MIN} '{rest}' is not a number from 0 to 6")
    return WeekContext(
        goal=_enum_property(calendar, GOAL, GoalKind),
        priority=_enum_property(calendar, PRIORITY, Priority),
        profile=_enum_property(calendar, EVIDENCE_PROFILE, EvidenceProfile),
        rest_days_min=int(rest),
        timezone=zone_name,
    )


def _availability(calendar: icalendar.cal.Component) -> Availability | None:
    names = {day: f"{AVAILABILITY}{day.value.upper()}" for day in Weekday}
    if all(calendar.get(name) is None for name in names.values()):
        return None
    windows: dict[Weekday, tuple[TimeWindow, ...]] = {}
    for day, name in names.items():
        try:
            windows[day] = tuple(
                TimeWindow.parse(text, field_name=name) for text in _text(calendar, name).split()
            )
        except InvalidInput as exc:
            raise ImportFormatError("ics", str(exc)) from None
    return windows


def _unreadable(event: icalendar.cal.Component, title: str) -> str | None:
    """What keeps an event from being read, or None when everything it is read from is fine."""
    problems = [
        str(message)
        for name, message in getattr(event, "errors", [])
        if name is None or str(name).upper() in _READ
    ]
    if not problems:
        return None
    return f"event '{title}': {'; '.join(problems)}"


def read_calendar(data: bytes | str, *, default_timezone: str = "UTC") -> ImportedSessions:
    """Read every training session of a calendar.

    Events are recognised from CATEGORIES or their words
    (``runlift.io.session_words``); the rest are counted as ignored, and so are
    cancelled events (STATUS:CANCELLED: a session a later plan version dropped). Times
    without a zone are read in the calendar's X-WR-TIMEZONE, else
    ``default_timezone``. All-day events become all-day sessions. An event whose
    start, end, title, description or categories cannot be read, or that has no
    start, is listed in ``unreadable`` with the problem, whatever it is about.

    Raises:
        ImportFormatError: the file is not iCalendar, a training event ends before it
            starts, or runlift's own properties hold a value that is not theirs
            (nothing is returned in part).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if not raw.strip():
        raise ImportFormatError("ics", "the file is empty")
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except ValueError as exc:
        raise ImportFormatError("ics", f"not an iCalendar file ({exc})") from None
    zone_name = _text(calendar, "X-WR-TIMEZONE") or default_timezone
    zone = _zone(zone_name, field="time zone")
    sessions: list[ScheduledSession] = []
    ignored: list[str] = []
    unreadable: list[str] = []
    for event in calendar.walk("VEVENT"):
        title = _text(event, "SUMMARY") or "(untitled event)"
        if _text(event, "STATUS").upper() == "CANCELLED":
            ignored.append(title)
            continue
        problem = _unreadable(event, title)
        if problem is not None:
            unreadable.append(problem)
            continue
        found = recognise(
            title=title, description=_text(event, "DESCRIPTION"), categories=_categories(event)
        )
        if found is None:
            ignored.append(title)
            continue
        start_prop = event.get("DTSTART")
        if start_prop is None:
            unreadable.append(f"event '{title}': it has no start (DTSTART)")
            continue
        start_value = start_prop.dt
        end_prop = event.get("DTEND")
        duration_prop = event.get("DURATION")
        if isinstance(start_value, datetime):
            start = _local(start_value, zone)
            if end_prop is not None and isinstance(end_prop.dt, datetime):
                end = _local(end_prop.dt, zone)
            elif duration_prop is not None:
                end = start + duration_prop.dt
            else:
                end = start + DEFAULT_EVENT_LENGTH
            if end <= start:
                raise ImportFormatError("ics", f"event '{title}' ends before it starts")
            sessions.append(
                scheduled(index=len(sessions), title=title, found=found, start=start, end=end)
            )
        elif isinstance(start_value, date):
            day_start, day_end = day_span(start_value, zone)
            sessions.append(
                scheduled(
                    index=len(sessions),
                    title=title,
                    found=found,
                    start=day_start,
                    end=day_end,
                    all_day=True,
                )
            )
    sessions.sort(key=lambda s: (s.start, s.spec.title))
    return ImportedSessions(
        sessions=tuple(sessions),
        ignored=tuple(ignored),
        timezone=zone_name,
        context=_context(calendar, zone_name),
        availability=_availability(calendar),
        unreadable=tuple(unreadable),
    )
