"""The result of reading another app's plan: the sessions, and what was left out and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import TimeWindow, WeekContext
from runlift.errors import InvalidInput
from runlift.io.session_words import Recognised
from runlift.vocabulary import Weekday

Availability = Mapping[Weekday, tuple[TimeWindow, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedSessions:
    """Sessions read from a file.

    Attributes:
        sessions: the training sessions, in time order.
        ignored: titles of entries that were not training.
        timezone: the zone local dates are judged in.
        context: what the rules read of the athlete (goal, priority, evidence profile,
            rest days) when the file says it: runlift's plan.json and plan.ics do, other
            calendars and CSV do not.
        availability: the athlete's training windows when the file says them (runlift's
            own files do), so that fixes can be checked against them.
        unreadable: events that could not be read, each named with the problem; the
            rules could not judge them.
    """

    sessions: tuple[ScheduledSession, ...]
    ignored: tuple[str, ...]
    timezone: str
    context: WeekContext | None = None
    availability: Availability | None = None
    unreadable: tuple[str, ...] = ()


def availability_dict(availability: Availability) -> dict[str, list[str]]:
    """Windows by weekday as text, every weekday present: ``{"mon": ["18:00-20:00"], ...}``."""
    return {day.value: [str(w) for w in availability.get(day, ())] for day in Weekday}


def availability_from(data: Mapping[str, list[str]]) -> Availability:
    """The inverse of :func:`availability_dict`.

    Raises:
        InvalidInput: an unknown weekday or a malformed window, naming it.
    """
    windows: dict[Weekday, tuple[TimeWindow, ...]] = {}
    for name, texts in data.items():
        try:
            day = Weekday(name)
        except ValueError:
            raise InvalidInput(
                "availability", name, "a weekday: mon tue wed thu fri sat sun"
            ) from None
        windows[day] = tuple(TimeWindow.parse(t, field_name=f"availability.{name}") for t in texts)
    return {day: windows.get(day, ()) for day in Weekday}


def scheduled(
    *,
    index: int,
    title: str,
    found: Recognised,
    start: datetime,
    end: datetime,
    all_day: bool = False,
) -> ScheduledSession:
    """Build a ScheduledSession for an imported entry."""
    minutes = max(1, round((end - start).total_seconds() / 60))
    spec = SessionSpec(
        id=SessionId(f"imported-{index + 1:03d}"),
        modality=found.modality,
        kind=found.kind,
        title=title,
        duration_min=minutes,
        muscle_groups=found.muscle_groups,
        contains_explosive=found.contains_explosive,
    )
    return ScheduledSession(spec=spec, start=start, end=end, all_day=all_day)


def day_span(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of a local calendar day (for all-day entries)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
