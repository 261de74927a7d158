"""Hand-built plans, activities and check-ins for the monitoring tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import ExercisePrescription, LiftPrescription, RunPrescription
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.tracking.monitoring import LogActivity
from runlift.vocabulary import (
    ActivityFormat,
    BlockFocus,
    LiftKind,
    Modality,
    Phase,
    RunKind,
    SetKind,
    Sport,
)

ZONE = ZoneInfo("Europe/Berlin")
START = date(2027, 1, 4)
"""A Monday: the plans start here."""

SQUAT = ExerciseId("back-squat")
BENCH = ExerciseId("bench-press")
ROW = ExerciseId("barbell-row")


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    """A session of every week: weekday (0 Monday), hour, kind, minutes, RPE, km."""

    weekday: int
    hour: int
    kind: RunKind | LiftKind
    minutes: float
    rpe: float
    km: float = 0.0


EASY_WEEK = (
    Slot(weekday=0, hour=7, kind=RunKind.EASY, minutes=40, rpe=3, km=7),
    Slot(weekday=1, hour=18, kind=LiftKind.FULL_BODY, minutes=50, rpe=6),
    Slot(weekday=3, hour=7, kind=RunKind.TEMPO, minutes=45, rpe=6, km=9),
    Slot(weekday=5, hour=9, kind=RunKind.LONG, minutes=80, rpe=5, km=14),
)
"""Three runs and a lift: 40x3 + 50x6 + 45x6 + 80x5 = 1090 AU a week."""

EASY_WEEK_AU = 40 * 3 + 50 * 6 + 45 * 6 + 80 * 5


def lift_exercises() -> tuple[ExercisePrescription, ...]:
    """Squat 3 x 5 at 81.1 % (RPE 8 on the chart), bench 3 x 5 at 80 kg RPE 7, rows by RPE."""
    return (
        ExercisePrescription(
            exercise=SQUAT,
            name="Back squat",
            sets=3,
            reps=5,
            rest_s=180,
            percent_1rm=81.1,
            load_kg=100.0,
        ),
        ExercisePrescription(
            exercise=BENCH, name="Bench press", sets=3, reps=5, rest_s=180, rpe=7.0, load_kg=80.0
        ),
        ExercisePrescription(exercise=ROW, name="Barbell row", sets=2, reps=8, rest_s=90, rpe=7.5),
    )


def _session(week: int, number: int, slot: Slot) -> PlannedSession:
    day = START + timedelta(days=7 * week + slot.weekday)
    start = datetime.combine(day, time(slot.hour), tzinfo=ZONE)
    is_run = isinstance(slot.kind, RunKind)
    session_id = SessionId(f"w{week + 1:02d}-{'run' if is_run else 'lift'}{number}")
    spec = SessionSpec(
        id=session_id,
        modality=Modality.RUN if is_run else Modality.LIFT,
        kind=slot.kind,
        title=f"{slot.kind.value} {number}",
        duration_min=round(slot.minutes),
        rpe=slot.rpe,
    )
    prescription: RunPrescription | LiftPrescription
    if isinstance(slot.kind, RunKind):
        prescription = RunPrescription(
            kind=slot.kind,
            steps=(),
            distance_km=slot.km,
            duration_min=slot.minutes,
            rpe=slot.rpe,
        )
    else:
        prescription = LiftPrescription(
            kind=slot.kind, exercises=lift_exercises(), duration_min=slot.minutes, rpe=slot.rpe
        )
    return PlannedSession(
        scheduled=ScheduledSession(
            spec=spec, start=start, end=start + timedelta(minutes=slot.minutes)
        ),
        prescription=prescription,
        rules=(),
        explanation=(),
    )


def make_plan(
    weeks: int = 6,
    slots: Sequence[Slot] = EASY_WEEK,
    *,
    race: Slot | None = None,
) -> Plan:
    """A plan of ``weeks`` identical weeks from :data:`START`; ``race`` in the last week."""
    plan_weeks = []
    for week in range(weeks):
        week_slots = list(slots)
        if race is not None and week == weeks - 1:
            week_slots.append(race)
        counts = {"run": 0, "lift": 0}
        by_day: dict[date, list[PlannedSession]] = {}
        for slot in sorted(week_slots, key=lambda s: (s.weekday, s.hour)):
            key = "run" if isinstance(slot.kind, RunKind) else "lift"
            counts[key] += 1
            session = _session(week, counts[key], slot)
            by_day.setdefault(session.scheduled.local_date, []).append(session)
        monday = START + timedelta(days=7 * week)
        plan_weeks.append(
            PlanWeek(
                index=week,
                start=monday,
                block=0,
                focus=BlockFocus.GENERAL,
                phase=Phase.BUILD,
                deload=False,
                days=tuple(
                    PlanDay(date=day, sessions=tuple(by_day[day])) for day in sorted(by_day)
                ),
            )
        )
    return Plan(
        athlete="Test Athlete",
        start=START,
        end=START + timedelta(days=7 * weeks - 1),
        weeks=tuple(plan_weeks),
    )


def at(day: date, hour: int = 7, minute: int = 0) -> datetime:
    """A local time on ``day`` in the athlete's zone, as UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(UTC)


def run(
    key: int,
    day: date,
    *,
    km: float,
    minutes: float,
    hour: int = 7,
    rpe: float | None = None,
    name: str | None = None,
    sport: Sport = Sport.RUN,
) -> LogActivity:
    """A run (or another sport with a distance) logged by hand."""
    return LogActivity(
        key=key,
        activity=Activity(
            sport=sport,
            start=at(day, hour),
            elapsed_s=minutes * 60,
            moving_s=minutes * 60,
            distance_m=km * 1000,
            name=name,
            source=ActivityFormat.MANUAL,
        ),
        rpe=rpe,
    )


def lift(
    key: int,
    day: date,
    sets: Sequence[LoggedSet],
    *,
    minutes: float | None = 50,
    hour: int = 18,
    rpe: float | None = None,
) -> LogActivity:
    """A lift with its sets."""
    return LogActivity(
        key=key,
        activity=Activity(
            sport=Sport.STRENGTH,
            start=at(day, hour),
            elapsed_s=None if minutes is None else minutes * 60,
            moving_s=None if minutes is None else minutes * 60,
            source=ActivityFormat.MANUAL,
            sets=tuple(sets),
        ),
        rpe=rpe,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Done:
    """A set before it is numbered: exercise, reps, load and how it was rated."""

    exercise: ExerciseId
    reps: int
    load_kg: float | None
    kind: SetKind = SetKind.WORKING
    rpe: float | None = None
    rir: float | None = None


def sets(*rows: Done) -> tuple[LoggedSet, ...]:
    """Logged sets, numbered in the order given."""
    return tuple(
        LoggedSet(
            order=n + 1,
            exercise_id=row.exercise,
            raw_name=row.exercise,
            kind=row.kind,
            reps=row.reps,
            load_kg=row.load_kg,
            rpe=row.rpe,
            rir=row.rir,
        )
        for n, row in enumerate(rows)
    )


def nutrition_day(day: date, *, balance_kcal: float) -> DayNutrition:
    """A day of nutrition whose target is ``balance_kcal`` off its expenditure."""
    return DayNutrition(
        date=day,
        resting_kcal=1500,
        non_exercise_kcal=500,
        training_kcal=500,
        expenditure_kcal=2500,
        target_kcal=2500 + balance_kcal,
        protein_g=140,
        carbohydrate_g=300,
        fat_g=70,
        load_band="moderate",
        servings=(),
        rules=(),
        notes=(),
        expected_mass_kg=80,
    )
