"""Small builders for placement tests: week of Monday 6 January 2025."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import Commitment, TimeWindow, WeekContext, WeekRequest
from runlift.placement.week import Explanation, InfeasibleWeek, WeekPlacement, place_week
from runlift.rules import check_week
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    Modality,
    MuscleGroup,
    Priority,
    RunKind,
    Weekday,
)

MONDAY = date(2025, 1, 6)
ALL_MAJOR = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST})
MON, TUE, WED, THU, FRI, SAT, SUN = tuple(Weekday)


def lift(
    sid: str,
    *,
    minutes: int = 60,
    kind: LiftKind = LiftKind.FULL_BODY,
    groups: Iterable[MuscleGroup] = ALL_MAJOR,
    key: bool = False,
    explosive: bool = False,
    combined_with: str | None = None,
) -> SessionSpec:
    """A lift to place."""
    return SessionSpec(
        id=SessionId(sid),
        modality=Modality.LIFT,
        kind=kind,
        title=sid,
        duration_min=minutes,
        muscle_groups=frozenset(groups),
        key=key,
        contains_explosive=explosive,
        combined_with=SessionId(combined_with) if combined_with else None,
    )


def run(
    sid: str,
    *,
    minutes: int = 45,
    kind: RunKind = RunKind.EASY,
    key: bool = False,
    combined_with: str | None = None,
) -> SessionSpec:
    """A run to place."""
    return SessionSpec(
        id=SessionId(sid),
        modality=Modality.RUN,
        kind=kind,
        title=sid,
        duration_min=minutes,
        key=key,
        combined_with=SessionId(combined_with) if combined_with else None,
    )


def windows(**days: str) -> dict[Weekday, tuple[TimeWindow, ...]]:
    """``windows(mon="06:00-07:00 18:00-19:00")`` -> availability by weekday."""
    return {
        Weekday(day): tuple(TimeWindow.parse(text) for text in spans.split())
        for day, spans in days.items()
    }


def request(
    sessions: Iterable[SessionSpec],
    availability: Mapping[Weekday, tuple[TimeWindow, ...]],
    *,
    goal: GoalKind = GoalKind.GENERAL_FITNESS,
    priority: Priority = Priority.BALANCED,
    profile: EvidenceProfile = EvidenceProfile.DEFAULT,
    rest_days_min: int = 1,
    allow_combined: bool = False,
    timezone: str = "Europe/Berlin",
    commitments: Iterable[Commitment] = (),
    preferred_start: Mapping[str, time] | None = None,
    week_start: date = MONDAY,
) -> WeekRequest:
    """A week request with sensible defaults."""
    return WeekRequest(
        week_start=week_start,
        sessions=tuple(sessions),
        availability=dict(availability),
        context=WeekContext(
            goal=goal,
            priority=priority,
            profile=profile,
            rest_days_min=rest_days_min,
            allow_combined=allow_combined,
            timezone=timezone,
        ),
        commitments=tuple(commitments),
        preferred_start=dict(preferred_start or {}),
    )


def placed(
    req: WeekRequest,
    *,
    previous: WeekPlacement | None = None,
    fixed: Mapping[SessionId, datetime] | None = None,
) -> WeekPlacement:
    """Place ``req`` and insist that it worked and broke no hard rule."""
    result = place_week(req, previous=previous, fixed=fixed)
    assert isinstance(result, WeekPlacement), getattr(result, "text", result)
    hard = [v.text for v in check_week(result.sessions, req.context) if v.hard]
    assert hard == [], hard
    assert result.cost + result.boundary_cost == result.solver_cost
    return result


def infeasible(
    req: WeekRequest, *, fixed: Mapping[SessionId, datetime] | None = None
) -> InfeasibleWeek:
    """Place ``req`` and insist that it could not be placed; every relaxation must work."""
    result = place_week(req, fixed=fixed)
    assert isinstance(result, InfeasibleWeek), result
    assert result.conflicts
    assert all(c.text for c in result.conflicts)
    for relaxation in result.relaxations:
        fixed_kept = {k: v for k, v in (fixed or {}).items() if k not in relaxation.session_ids}
        after = place_week(relaxation.apply(req), fixed=fixed_kept)
        assert isinstance(after, WeekPlacement), relaxation.text
    return result


def why(placement: WeekPlacement, sid: str) -> Explanation:
    """The explanation of session ``sid``."""
    return placement.explanations[SessionId(sid)]


def by_id(placement: WeekPlacement) -> dict[str, ScheduledSession]:
    """Placed sessions by id."""
    return {s.id: s for s in placement.sessions}


def local(moment: datetime, timezone: str = "Europe/Berlin") -> str:
    """``Mon 18:00`` for an aware datetime."""
    return f"{moment.astimezone(ZoneInfo(timezone)):%a %H:%M}"


def gap_h(earlier: ScheduledSession, later: ScheduledSession) -> float:
    """Hours from the end of ``earlier`` to the start of ``later``."""
    return (later.start - earlier.end) / timedelta(hours=1)
