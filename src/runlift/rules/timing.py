"""Time facts every checker shares: local dates, ISO weeks, gaps and session pairs.

A gap is the start of the later session minus the end of the earlier one, in
real elapsed time (both converted to UTC, so a daylight-saving change inside
the gap counts as it happens). "Same day" means the same local calendar date in
``WeekContext.timezone``, taken from the session's start. All-day sessions
(``ScheduledSession.all_day``) count for day rules and are skipped by rules
that measure hours or order within a day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.units import SECONDS_PER_HOUR
from runlift.vocabulary import Modality

SECONDS_PER_MINUTE = 60


def zone(context: WeekContext) -> ZoneInfo:
    """The athlete's timezone; an unknown name raises ``InvalidInput``."""
    try:
        return ZoneInfo(context.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "timezone", context.timezone, "an IANA timezone name such as Europe/Paris"
        ) from None


def local(moment: datetime, context: WeekContext) -> datetime:
    """``moment`` on the athlete's wall clock."""
    return moment.astimezone(zone(context))


def local_date(session: ScheduledSession, context: WeekContext) -> date:
    """The local calendar date on which ``session`` starts.

    An all-day session is known only by its date, which its start carries as given.
    """
    if session.all_day:
        return session.start.date()
    return local(session.start, context).date()


def timed(sessions: Iterable[ScheduledSession]) -> list[ScheduledSession]:
    """The sessions with a clock time: rules that measure hours skip all-day sessions."""
    return [s for s in sessions if not s.all_day]


def iso_week(day: date) -> tuple[int, int]:
    """(ISO year, ISO week number) of ``day``."""
    iso = day.isocalendar()
    return (iso.year, iso.week)


def in_order(sessions: Iterable[ScheduledSession]) -> list[ScheduledSession]:
    """Sessions sorted by start, then end, then id (a total, repeatable order)."""
    return sorted(sessions, key=lambda s: (s.start.astimezone(UTC), s.end.astimezone(UTC), s.id))


def earlier_later(
    first: ScheduledSession, second: ScheduledSession
) -> tuple[ScheduledSession, ScheduledSession]:
    """The two sessions in start order (ties broken by end, then id)."""
    ordered = in_order((first, second))
    return ordered[0], ordered[1]


def elapsed_s(since: datetime, until: datetime) -> int:
    """Real seconds from ``since`` to ``until`` (negative if ``until`` comes first)."""
    return round((until.astimezone(UTC) - since.astimezone(UTC)).total_seconds())


def gap_s(earlier: ScheduledSession, later: ScheduledSession) -> int:
    """Seconds from the end of ``earlier`` to the start of ``later`` (negative if they overlap)."""
    return elapsed_s(earlier.end, later.start)


def hours_to_s(hours: float) -> int:
    """Whole seconds in ``hours`` (parameters are stated in hours)."""
    return round(hours * SECONDS_PER_HOUR)


def s_to_hours(seconds: int) -> float:
    """Hours in ``seconds``."""
    return seconds / SECONDS_PER_HOUR


def same_block(first: ScheduledSession, second: ScheduledSession) -> bool:
    """Whether the two sessions are the two parts of one combined block (SCH-6)."""
    return first.spec.combined_with == second.id or second.spec.combined_with == first.id


def lift_run_pairs(
    sessions: Sequence[ScheduledSession],
) -> Iterator[tuple[ScheduledSession, ScheduledSession]]:
    """Every (lift, run) pair, in start order of the lift then the run."""
    ordered = in_order(sessions)
    lifts = [s for s in ordered if s.spec.is_lift]
    runs = [s for s in ordered if s.spec.is_run]
    for lift in lifts:
        for run in runs:
            yield lift, run


def by_date(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> dict[date, list[ScheduledSession]]:
    """Sessions grouped by local start date, each group in start order, dates ascending."""
    groups: dict[date, list[ScheduledSession]] = defaultdict(list)
    for session in in_order(sessions):
        groups[local_date(session, context)].append(session)
    return dict(sorted(groups.items()))


def by_week(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> dict[tuple[int, int], list[ScheduledSession]]:
    """Sessions grouped by the ISO week of their local start date, weeks ascending."""
    groups: dict[tuple[int, int], list[ScheduledSession]] = defaultdict(list)
    for session in in_order(sessions):
        groups[iso_week(local_date(session, context))].append(session)
    return dict(sorted(groups.items()))


def modalities(sessions: Iterable[ScheduledSession]) -> frozenset[Modality]:
    """The modalities trained by ``sessions``."""
    return frozenset(s.spec.modality for s in sessions)


def week_dates(day: date) -> list[date]:
    """Monday..Sunday of the ISO week that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=offset) for offset in range(7)]


def alternative_day(
    session: ScheduledSession, context: WeekContext, accept: Callable[[date], bool]
) -> date | None:
    """The first other date of the session's ISO week that ``accept`` allows.

    Dates after the session's own date are tried first (Tuesday, then Wednesday
    ... for a Monday session), then the earlier ones.
    """
    today = local_date(session, context)
    days = week_dates(today)
    for offset in range(1, 7):
        candidate = days[(today.weekday() + offset) % 7]
        if accept(candidate):
            return candidate
    return None
