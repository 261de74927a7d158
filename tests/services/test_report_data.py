"""Sets per muscle group for the report, counted from a hand-made plan and the real library."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from runlift.domain.plan import Plan, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import ExercisePrescription, LiftPrescription, RunPrescription
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.errors import InvalidInput
from runlift.reference.exercises import exercise_library
from runlift.services.report_data import report_data
from runlift.vocabulary import BlockFocus, LiftKind, Modality, MuscleGroup, Phase, RunKind

ZONE = ZoneInfo("Europe/Berlin")
MONDAY = date(2027, 1, 4)


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)


def _lift(day: date, *items: tuple[str, int]) -> PlannedSession:
    spec = SessionSpec(
        id=SessionId(f"lift-{day.isoformat()}"),
        modality=Modality.LIFT,
        kind=LiftKind.FULL_BODY,
        title="Full body",
        duration_min=60,
    )
    exercises = tuple(
        ExercisePrescription(exercise=slug, name=slug, sets=sets, reps=5, rest_s=180)
        for slug, sets in items
    )
    return PlannedSession(
        scheduled=ScheduledSession(spec=spec, start=_at(day, 7), end=_at(day, 8)),
        prescription=LiftPrescription(
            kind=LiftKind.FULL_BODY, exercises=exercises, duration_min=60, rpe=7
        ),
        rules=(),
        explanation=(),
    )


def _run(day: date) -> PlannedSession:
    spec = SessionSpec(
        id=SessionId(f"run-{day.isoformat()}"),
        modality=Modality.RUN,
        kind=RunKind.EASY,
        title="Easy 8 km",
        duration_min=45,
    )
    return PlannedSession(
        scheduled=ScheduledSession(spec=spec, start=_at(day, 18), end=_at(day, 19)),
        prescription=RunPrescription(
            kind=RunKind.EASY, steps=(), distance_km=8, duration_min=45, rpe=3
        ),
        rules=(),
        explanation=(),
    )


def _week(index: int, sessions: list[PlannedSession]) -> PlanWeek:
    start = MONDAY + timedelta(weeks=index)
    return PlanWeek(
        index=index,
        start=start,
        block=0,
        focus=BlockFocus.GENERAL,
        phase=Phase.BUILD,
        deload=False,
        days=tuple(
            PlanDay(
                date=start + timedelta(days=offset),
                sessions=tuple(
                    s for s in sessions if s.scheduled.local_date == start + timedelta(days=offset)
                ),
            )
            for offset in range(7)
        ),
    )


def test_each_set_counts_once_per_primary_group() -> None:
    wednesday = MONDAY + timedelta(days=2)
    plan = Plan(
        athlete="Test",
        start=MONDAY,
        end=MONDAY + timedelta(days=13),
        weeks=(
            _week(
                0,
                [
                    # deadlift: back and legs; back squat: legs; bench press: chest.
                    _lift(MONDAY, ("deadlift", 3), ("bench-press", 4)),
                    _run(MONDAY + timedelta(days=1)),
                    _lift(wednesday, ("back-squat", 5), ("pull-up", 2), ("plank", 3)),
                ],
            ),
            _week(1, [_run(MONDAY + timedelta(days=8))]),
        ),
    )
    data = report_data(plan, library=exercise_library())
    assert data.weekly_sets == (
        {
            MuscleGroup.LEGS: 3 + 5,
            MuscleGroup.BACK: 3 + 2,
            MuscleGroup.CHEST: 4,
            MuscleGroup.SHOULDERS: 0,
            MuscleGroup.ARMS: 0,
            MuscleGroup.CORE: 3,
        },
        dict.fromkeys(MuscleGroup, 0),
    )


def test_unknown_exercise_is_refused() -> None:
    plan = Plan(
        athlete="Test",
        start=MONDAY,
        end=MONDAY + timedelta(days=6),
        weeks=(_week(0, [_lift(MONDAY, ("no-such-lift", 3))]),),
    )
    with pytest.raises(InvalidInput):
        report_data(plan, library=exercise_library())
