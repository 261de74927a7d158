"""Read training sessions from any iCalendar (RFC 5545) file: ours, or another app's export."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from runlift.domain.sessions import ScheduledSession
from runlift.errors import ImportFormatError
from runlift.io.imported import ImportedSessions, day_span, scheduled
from runlift.io.session_words import recognise

DEFAULT_EVENT_LENGTH = timedelta(hours=1)


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


def read_calendar(data: bytes | str, *, default_timezone: str = "UTC") -> ImportedSessions:
    """Read every training session of a calendar.

    Events are recognised from CATEGORIES or their words
    (``runlift.io.session_words``); the rest are counted as ignored. Times
    without a zone are read in the calendar's X-WR-TIMEZONE, else
    ``default_timezone``. All-day events become all-day sessions.

    Raises:
        ImportFormatError: the file is not iCalendar, or a training event has
            no readable start (nothing is returned in part).
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
    for event in calendar.walk("VEVENT"):
        title = _text(event, "SUMMARY") or "(untitled event)"
        found = recognise(
            title=title, description=_text(event, "DESCRIPTION"), categories=_categories(event)
        )
        if found is None:
            ignored.append(title)
            continue
        start_prop = event.get("DTSTART")
        if start_prop is None:
            problems = "; ".join(str(message) for _, message in getattr(event, "errors", []))
            raise ImportFormatError(
                "ics",
                f"event '{title}' has no readable start" + (f" ({problems})" if problems else ""),
            )
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
    return ImportedSessions(sessions=tuple(sessions), ignored=tuple(ignored), timezone=zone_name)
