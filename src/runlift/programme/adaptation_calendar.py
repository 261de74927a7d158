"""Where adapted sessions go: slots found by the rule checkers, events by day, the judge.

A session the adaptation adds (a make-up, RL-7) or must move (it no longer fits its
window, or a travel window, RL-8) goes to a **slot**: a start on the 15-minute grid
inside a window of the athlete (the travel windows on a travel day) on one of the days
it may take, such that no hard rule breaks in the sessions as the athlete lives them
(:func:`runlift.programme.adaptation_facts.done_view`); among those, the one whose
week costs least (``runlift.rules.week_cost``), then the earliest. Every other session
stays where it is: the checkers judge, and nothing else moves.

:func:`plan_violations` is the judge of a whole adapted plan: every hard rule over the
sessions from the week before ``today`` on, as the athlete lives them. One exception,
said in RL-7 and RL-8: a week that lost a lift to a miss, an illness, an injury or
travel may fall short of SCH-7's two days per muscle group; the lifts it keeps are
kept, since stacking lifts to reach the count is what RL-7 forbids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import Plan
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import TimeWindow, WeekContext
from runlift.programme.adaptation_facts import (
    ADAPTATION_RULES,
    done_view,
    loaded,
)
from runlift.rules import Violation, check_sessions, week_cost
from runlift.rules.timing import iso_week
from runlift.vocabulary import EventKind, SessionStatus, Weekday

GRID_MIN: Final = 15
"""Starts lie on the placement's 15-minute grid."""

NEAR_DAYS: Final = 2
"""Pair and day-sequence rules look this many days either side of a candidate's day."""

ABSENT: Final = frozenset({EventKind.ILLNESS, EventKind.INJURY})
"""Events during which no session is planned (RL-8)."""


def monday(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def events_on(day: date, events: Iterable[TrainingEvent]) -> list[TrainingEvent]:
    """The events that cover ``day``."""
    return [e for e in events if e.covers(day)]


def absent_on(day: date, events: Iterable[TrainingEvent]) -> TrainingEvent | None:
    """The illness or injury that covers ``day``, if any (the first by start)."""
    found = sorted((e for e in events_on(day, events) if e.kind in ABSENT), key=_event_order)
    return found[0] if found else None


def travel_on(day: date, events: Iterable[TrainingEvent]) -> TrainingEvent | None:
    """The travel that covers ``day``, if any (the latest to start, when several do)."""
    found = sorted(
        (e for e in events_on(day, events) if e.kind is EventKind.TRAVEL), key=_event_order
    )
    return found[-1] if found else None


def _event_order(event: TrainingEvent) -> tuple[date, date, str]:
    return (event.first_day, event.last_day, event.kind.value)


def windows_on(
    day: date, profile: AthleteProfile, events: Iterable[TrainingEvent]
) -> tuple[TimeWindow, ...]:
    """The windows of ``day``: a travel's own when it brings them, else the athlete's."""
    weekday = Weekday.of(day.weekday())
    travel = travel_on(day, events)
    if travel is not None and travel.availability is not None:
        return tuple(travel.availability.get(weekday, ()))
    return tuple(profile.availability.get(weekday, ()))


def window_holding(
    session: ScheduledSession, windows: Sequence[TimeWindow], zone: ZoneInfo
) -> TimeWindow | None:
    """The window that holds the whole session on its local day, if any."""
    start = session.start.astimezone(zone)
    end = session.end.astimezone(zone)
    if end.date() != start.date() and end.time() != time(0):
        return None
    start_min = start.hour * 60 + start.minute
    end_min = start_min + round(session.duration.total_seconds() / 60)
    return next((w for w in windows if w.start_min <= start_min and end_min <= w.end_min), None)


def window_words(day: date, window: TimeWindow) -> str:
    """A window as the explanations write it: ``Sat 08:00-12:00``."""
    return f"{day:%a} {window}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    """A start found for a session, the window it uses and its week's soft cost."""

    scheduled: ScheduledSession
    window: str
    cost: int


def _near(
    sessions: Sequence[ScheduledSession], day: date, context: WeekContext
) -> list[ScheduledSession]:
    """The sessions the rules judge a start on ``day`` against: its ISO week and days near."""
    week = iso_week(day)
    return [
        s
        for s in sessions
        if iso_week(s.local_date) == week or abs((s.local_date - day).days) <= NEAR_DAYS
    ]


def breaks_a_hard_rule(
    candidate: ScheduledSession,
    sessions: Sequence[ScheduledSession],
    context: WeekContext,
) -> list[Violation]:
    """The hard violations ``candidate`` takes part in among ``sessions``.

    A week short of SCH-7's days per muscle group is not the candidate's doing: one
    more session never lowers a count (the shortfall of a week that lost a lift).
    """
    return [
        v
        for v in check_sessions([*sessions, candidate], context)
        if v.hard and any(s.id == candidate.id for s in v.sessions) and not _short_of_days(v)
    ]


def _short_of_days(violation: Violation) -> bool:
    return (
        violation.rule_id == "SCH-7"
        and violation.unit == "days"
        and violation.measured < violation.limit
    )


def _overlaps(start: datetime, end: datetime, others: Iterable[ScheduledSession]) -> bool:
    return any(start < s.end and s.start < end for s in others)


def find_slot(
    spec: SessionSpec,
    *,
    days: Sequence[date],
    sessions: Sequence[ScheduledSession],
    windows: Callable[[date], Sequence[TimeWindow]],
    context: WeekContext,
    not_before: datetime | None = None,
) -> Slot | None:
    """The best start for ``spec`` on one of ``days`` among ``sessions`` (which stay put).

    Every start on the 15-minute grid inside a window of a day that holds the whole
    session, not before ``not_before``, overlaps nothing and breaks no hard rule; the
    cheapest week, then the earliest start. None when no day holds it.
    """
    zone = ZoneInfo(context.timezone)
    best: Slot | None = None
    for day in sorted(set(days)):
        near = _near(sessions, day, context)
        same_day = [s for s in near if s.local_date == day]
        for window in windows(day):
            last = window.end_min - spec.duration_min
            for minute in range(window.start_min, last + 1, GRID_MIN):
                start = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)
                end = start + timedelta(minutes=spec.duration_min)
                if (not_before is not None and start < not_before) or _overlaps(
                    start, end, same_day
                ):
                    continue
                candidate = ScheduledSession(spec=spec, start=start, end=end)
                if breaks_a_hard_rule(candidate, near, context):
                    continue
                cost = week_cost([*near, candidate], context).total
                if best is None or cost < best.cost:
                    best = Slot(scheduled=candidate, window=window_words(day, window), cost=cost)
    return best


def quiet_days(
    days: Iterable[date],
    sessions: Sequence[ScheduledSession],
    *,
    gap_days: int,
) -> list[date]:
    """The days with no loaded session on them or within ``gap_days`` either side (RL-7)."""
    busy = {s.local_date for s in sessions if loaded(s.spec)}
    return [
        day
        for day in days
        if not any(
            day + timedelta(days=offset) in busy for offset in range(-gap_days, gap_days + 1)
        )
    ]


# --- the judge of an adapted plan --------------------------------------------------------


def excused_weeks(
    plan: Plan, *, today: date, statuses: Mapping[SessionId, SessionStatus]
) -> frozenset[tuple[int, int]]:
    """ISO weeks that lost a lift: missed before ``today``, or left out by the adaptation."""
    weeks: set[tuple[int, int]] = set()
    for week in plan.weeks:
        for session in week.sessions:
            scheduled = session.scheduled
            if (
                scheduled.spec.is_lift
                and scheduled.local_date < today
                and statuses.get(scheduled.id) is SessionStatus.MISSED
            ):
                weeks.add(iso_week(scheduled.local_date))
        if any(set(a.rule_ids) & ADAPTATION_RULES for a in week.adjustments):
            weeks.add(iso_week(week.start))
    return frozenset(weeks)


def excused(violation: Violation, weeks: frozenset[tuple[int, int]]) -> bool:
    """An SCH-7 shortfall of days in a week that lost a lift (RL-7, RL-8)."""
    return (
        _short_of_days(violation)
        and bool(violation.sessions)
        and iso_week(violation.sessions[0].local_date) in weeks
    )


def plan_violations(
    plan: Plan,
    context: WeekContext,
    *,
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
) -> list[Violation]:
    """Every hard rule the plan breaks from ``today``'s week on, as the athlete lives it.

    The sessions before ``today`` count only if done; the week before ``today``'s is
    judged with it, for the rules across Sunday night, and only violations that involve
    a session of ``today``'s week or later count. An SCH-7 shortfall in a week that lost
    a lift is excused (:func:`excused`).
    """
    start = monday(today)
    first = start - timedelta(days=7)
    sessions = [
        s.scheduled for week in plan.weeks for s in week.sessions if s.scheduled.local_date >= first
    ]
    view = done_view(sessions, today=today, statuses=statuses)
    weeks = excused_weeks(plan, today=today, statuses=statuses)
    return [
        v
        for v in check_sessions(view, context)
        if v.hard and any(s.local_date >= start for s in v.sessions) and not excused(v, weeks)
    ]
