"""The result of reading another app's plan: the sessions, and what was left out and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import WeekContext
from runlift.io.session_words import Recognised


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedSessions:
    """Sessions read from a file.

    Attributes:
        sessions: the training sessions, in time order.
        ignored: titles of entries that were not training.
        timezone: the zone local dates are judged in.
        context: what the rules read of the athlete (goal, priority, evidence profile,
            rest days) when the file says it: runlift's plan.json does, calendars and
            CSV do not.
    """

    sessions: tuple[ScheduledSession, ...]
    ignored: tuple[str, ...]
    timezone: str
    context: WeekContext | None = None


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
