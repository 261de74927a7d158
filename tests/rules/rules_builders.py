"""Small builders for rule tests: sessions on days of ISO week 2024-W01 (Monday 1 January 2024)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import WeekContext
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    Modality,
    MuscleGroup,
    Priority,
    RunKind,
)

MONDAY = date(2024, 1, 1)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
ALL_MAJOR = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST})
UPPER_GROUPS = frozenset({MuscleGroup.BACK, MuscleGroup.CHEST})


def at(day: int, clock: str, *, tz: str = "UTC") -> datetime:
    """Local time ``clock`` (HH:MM) on ``MONDAY + day`` days."""
    return datetime.combine(MONDAY + timedelta(days=day), time.fromisoformat(clock), ZoneInfo(tz))


def _place(spec: SessionSpec, day: int, start: str, tz: str) -> ScheduledSession:
    begin = at(day, start, tz=tz)
    return ScheduledSession(
        spec=spec, start=begin, end=begin + timedelta(minutes=spec.duration_min)
    )


def lift(
    sid: str,
    day: int,
    start: str,
    *,
    minutes: int = 60,
    kind: LiftKind = LiftKind.FULL_BODY,
    groups: Iterable[MuscleGroup] = ALL_MAJOR,
    title: str | None = None,
    key: bool = False,
    explosive: bool = False,
    combined_with: str | None = None,
    tz: str = "UTC",
) -> ScheduledSession:
    """A lift of ``minutes`` starting at local ``start`` on day ``day`` (0 = Monday)."""
    spec = SessionSpec(
        id=SessionId(sid),
        modality=Modality.LIFT,
        kind=kind,
        title=title or sid,
        duration_min=minutes,
        muscle_groups=frozenset(groups),
        key=key,
        contains_explosive=explosive,
        combined_with=SessionId(combined_with) if combined_with else None,
    )
    return _place(spec, day, start, tz)


def run(
    sid: str,
    day: int,
    start: str,
    *,
    minutes: int = 45,
    kind: RunKind = RunKind.EASY,
    title: str | None = None,
    key: bool = False,
    explosive: bool = False,
    combined_with: str | None = None,
    tz: str = "UTC",
) -> ScheduledSession:
    """A run of ``minutes`` starting at local ``start`` on day ``day`` (0 = Monday)."""
    spec = SessionSpec(
        id=SessionId(sid),
        modality=Modality.RUN,
        kind=kind,
        title=title or sid,
        duration_min=minutes,
        key=key,
        contains_explosive=explosive,
        combined_with=SessionId(combined_with) if combined_with else None,
    )
    return _place(spec, day, start, tz)


def ctx(
    *,
    goal: GoalKind = GoalKind.STRENGTH,
    priority: Priority = Priority.BALANCED,
    profile: EvidenceProfile = EvidenceProfile.DEFAULT,
    rest_days_min: int = 1,
    allow_combined: bool = False,
    timezone: str = "UTC",
) -> WeekContext:
    """A week context; strength goal, balanced priority, default profile, UTC unless told."""
    return WeekContext(
        goal=goal,
        priority=priority,
        profile=profile,
        rest_days_min=rest_days_min,
        allow_combined=allow_combined,
        timezone=timezone,
    )
