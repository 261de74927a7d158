"""How violations name sessions, days, times and amounts: short, concrete, locale-free."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.timing import local, local_date

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def quoted(session: ScheduledSession) -> str:
    """The session's title in quotes, e.g. ``'Intervals 5 x 1000 m'``."""
    return f"'{session.spec.title}'"


def day_name(day: date) -> str:
    """Full English weekday name, e.g. ``Thursday``."""
    return _DAY_NAMES[day.weekday()]


def day_text(day: date) -> str:
    """Short day label, e.g. ``Thu 2024-01-04``."""
    return f"{day_name(day)[:3]} {day.isoformat()}"


def clock(moment: datetime, context: WeekContext) -> str:
    """Local wall-clock time, e.g. ``18:30``."""
    return f"{local(moment, context):%H:%M}"


def moment_text(moment: datetime, context: WeekContext) -> str:
    """Local day and time, e.g. ``Thu 18:30``."""
    return f"{day_name(local(moment, context).date())[:3]} {clock(moment, context)}"


def start_text(session: ScheduledSession, context: WeekContext) -> str:
    """When a session starts, e.g. ``'Squats' (Thu 18:30)``."""
    return f"{quoted(session)} ({moment_text(session.start, context)})"


def hours_text(hours: float) -> str:
    """Hours with at most two decimals, e.g. ``5.5 h``."""
    return f"{round(hours, 2):g} h"


def start_at_or_after(session: ScheduledSession, earliest: datetime, context: WeekContext) -> str:
    """Advice to start ``session`` no earlier than ``earliest``, naming the day if it changes."""
    if local(earliest, context).date() == local_date(session, context):
        return f"start {quoted(session)} at {clock(earliest, context)} or later"
    return f"move {quoted(session)} to {moment_text(earliest, context)} or later"


def end_by(session: ScheduledSession, latest_start: datetime, context: WeekContext) -> str:
    """Advice to start ``session`` no later than ``latest_start``, naming the day if it changes."""
    if local(latest_start, context).date() == local_date(session, context):
        return f"start {quoted(session)} by {clock(latest_start, context)}"
    return f"move {quoted(session)} to start by {moment_text(latest_start, context)}"


def shifted(moment: datetime, *, seconds: int) -> datetime:
    """``moment`` plus ``seconds`` of elapsed time (not wall-clock time)."""
    return moment.astimezone(UTC) + timedelta(seconds=seconds)
