"""Builders and guideline checks for the day-by-day nutrition tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.athlete import (
    AthleteProfile,
    DayRhythm,
    Goal,
    LiftingBackground,
    RaceGoal,
    RunningBackground,
)
from runlift.domain.nutrition import DayNutrition, FuelDay
from runlift.domain.plan import Plan, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import LiftPrescription, RunPrescription, RunRepeat, RunStep
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.science import nutrition
from runlift.vocabulary import (
    ActivityLevel,
    BlockFocus,
    Experience,
    GoalKind,
    LiftKind,
    Modality,
    Phase,
    Priority,
    RunKind,
    Sex,
)

ZONE = "Europe/Berlin"
MONDAY = date(2027, 1, 4)


def athlete(
    *,
    sex: Sex = Sex.MALE,
    mass_kg: float = 80.0,
    height_cm: float = 180.0,
    birth_date: date = date(1990, 6, 15),
    body_fat_percent: float | None = None,
    goal: GoalKind = GoalKind.HYPERTROPHY,
    activity: ActivityLevel = ActivityLevel.LIGHT,
    wake: time = time(6, 30),
    sleep: time = time(22, 30),
) -> AthleteProfile:
    """A profile built directly (no availability: the plans here are built by hand)."""
    return AthleteProfile(
        name="Test Athlete",
        sex=sex,
        birth_date=birth_date,
        height_cm=height_cm,
        mass_kg=mass_kg,
        body_fat_percent=body_fat_percent,
        timezone=ZONE,
        start_date=MONDAY,
        goal=Goal(
            kind=goal,
            priority=Priority.BALANCED,
            weeks=None if goal is GoalKind.RACE else 8,
            race=RaceGoal(distance_m=21097.5, date=date(2027, 4, 11))
            if goal is GoalKind.RACE
            else None,
        ),
        running=RunningBackground(weekly_km=20),
        lifting=LiftingBackground(experience=Experience.INTERMEDIATE, sessions_per_week=2),
        availability={},
        day=DayRhythm(wake=wake, sleep=sleep),
        daily_activity=activity,
    )


def _scheduled(spec: SessionSpec, day: date, start: str, minutes: int) -> ScheduledSession:
    begin = datetime.combine(day, time.fromisoformat(start), tzinfo=ZoneInfo(ZONE))
    return ScheduledSession(spec=spec, start=begin, end=begin + timedelta(minutes=minutes))


def _planned(
    sid: str,
    day: date,
    start: str,
    *,
    minutes: int,
    modality: Modality,
    kind: RunKind | LiftKind,
    rpe: float,
    prescription: RunPrescription | LiftPrescription,
) -> PlannedSession:
    spec = SessionSpec(
        id=SessionId(sid),
        modality=modality,
        kind=kind,
        title=sid,
        duration_min=minutes,
        rpe=rpe,
    )
    return PlannedSession(
        scheduled=_scheduled(spec, day, start, minutes),
        prescription=prescription,
        rules=(),
        explanation=(),
    )


def run(
    sid: str,
    day: date,
    start: str,
    *,
    minutes: int,
    km: float,
    kind: RunKind = RunKind.EASY,
    rpe: float = 4.0,
    steps: tuple[RunStep | RunRepeat, ...] = (),
) -> PlannedSession:
    """A planned run lasting ``minutes`` from local ``start`` (HH:MM) on ``day``."""
    return _planned(
        sid,
        day,
        start,
        minutes=minutes,
        modality=Modality.RUN,
        kind=kind,
        rpe=rpe,
        prescription=RunPrescription(
            kind=kind, steps=steps, distance_km=km, duration_min=float(minutes), rpe=rpe
        ),
    )


def lift(
    sid: str,
    day: date,
    start: str,
    *,
    minutes: int,
    kind: LiftKind = LiftKind.FULL_BODY,
    rpe: float = 7.0,
) -> PlannedSession:
    """A planned lift lasting ``minutes`` from local ``start`` (HH:MM) on ``day``."""
    return _planned(
        sid,
        day,
        start,
        minutes=minutes,
        modality=Modality.LIFT,
        kind=kind,
        rpe=rpe,
        prescription=LiftPrescription(
            kind=kind, exercises=(), duration_min=float(minutes), rpe=rpe
        ),
    )


def week(
    sessions: Iterable[PlannedSession],
    *,
    monday: date = MONDAY,
    index: int = 0,
    deload: bool = False,
) -> PlanWeek:
    """A week holding ``sessions`` on their local dates."""
    items = sorted(sessions, key=lambda s: s.scheduled.start)
    days = tuple(
        PlanDay(
            date=monday + timedelta(days=offset),
            sessions=tuple(
                s
                for s in items
                if s.scheduled.start.astimezone(ZoneInfo(ZONE)).date()
                == monday + timedelta(days=offset)
            ),
        )
        for offset in range(7)
    )
    return PlanWeek(
        index=index,
        start=monday,
        block=0,
        focus=BlockFocus.GENERAL,
        phase=Phase.DELOAD if deload else Phase.BUILD,
        deload=deload,
        days=days,
    )


def plan_of(*weeks: PlanWeek) -> Plan:
    """A plan of the given weeks."""
    return Plan(
        athlete="Test Athlete",
        start=weeks[0].start,
        end=weeks[-1].start + timedelta(days=6),
        weeks=weeks,
    )


def minutes_of(moment: time) -> int:
    """Minutes after midnight."""
    return moment.hour * 60 + moment.minute


def guideline_problems(
    day: DayNutrition, sessions: Sequence[PlannedSession], *, goal: GoalKind, zone: str = ZONE
) -> list[str]:
    """Every way ``day`` breaks NUT-1..4 or the fat floor without saying so in ``gave_way``."""
    problems: list[str] = []
    mass = day.mass_kg
    eps = 1e-6
    protein_per_kg = day.protein_g / mass
    if not 1.6 - eps <= protein_per_kg <= 2.2 + eps:
        problems.append(f"protein {protein_per_kg:.3f} g/kg outside 1.6-2.2")
    if "serving size" not in day.gave_way:
        for serving in day.servings:
            if not 20 - eps <= serving.protein_g <= 40 + eps:
                problems.append(f"serving {serving.at} of {serving.protein_g:.1f} g")
    if abs(sum(s.protein_g for s in day.servings) - day.protein_g) > 1e-6:
        problems.append("servings do not add up to the protein target")
    in_race = (
        0.0 if day.race is None or day.race.in_race is None else day.race.in_race.carbohydrate_g
    )
    if abs(sum(s.carbohydrate_g for s in day.servings) + in_race - day.carbohydrate_g) > 1e-6:
        problems.append("servings and race fuel do not add up to the carbohydrate target")
    if any(s.carbohydrate_g < -eps for s in day.servings):
        problems.append("negative carbohydrate in a serving")
    low, high = nutrition.carbohydrate_band_g_per_kg(band=nutrition.TrainingLoadBand(day.load_band))
    if day.fuel_day is FuelDay.LOADING:
        low, high = 10.0, 12.0  # Thomas 2016: 10-12 g/kg for the 36-48 h before
    elif day.fuel_day is FuelDay.FUELLING_UP:
        low, high = max(low, 7.0), max(high, 12.0)  # 7-12 g/kg in the 24 h before
    elif day.fuel_day is FuelDay.RACE:
        low, high = high, max(high, 12.0)  # the band's top or the race's own needs
    carbs_per_kg = day.carbohydrate_g / mass
    if "carbohydrate" in day.gave_way:
        if not day.carbohydrate_g >= 130 - eps and "energy" not in day.gave_way:
            problems.append(f"carbohydrate {day.carbohydrate_g:.0f} g under 130 g")
        if carbs_per_kg > low + eps:
            problems.append("carbohydrate gave way but is inside its band")
    elif not low - eps <= carbs_per_kg <= high + eps:
        problems.append(f"carbohydrate {carbs_per_kg:.2f} g/kg outside {low}-{high}")
    if "fat" not in day.gave_way and day.fat_percent < 20 - 1e-6:
        problems.append(f"fat {day.fat_percent:.1f} % under 20 %")
    # Race day, and loading days whose energy had to rise, hold fat at its 20 % floor.
    lowered = day.fuel_day is FuelDay.RACE or (
        day.fuel_day is FuelDay.LOADING and day.target_kcal > day.expenditure_kcal + eps
    )
    if lowered and day.fat_percent > 20 + 1e-6:
        problems.append(f"fat {day.fat_percent:.1f} %, not lowered to 20 % for the race")
    if day.target_kcal < day.resting_kcal - eps:
        problems.append("energy target below resting energy")
    if (
        abs(day.resting_kcal + day.non_exercise_kcal + day.training_kcal - day.expenditure_kcal)
        > 1e-6
    ):
        problems.append("expenditure is not resting + daily life + training")
    balance = day.target_kcal - day.expenditure_kcal
    raised = "energy" in day.gave_way
    if goal is GoalKind.HYPERTROPHY and not (250 - eps <= balance and (raised or balance <= 500)):
        problems.append(f"hypertrophy balance {balance:+.0f} kcal not a 250-500 kcal surplus")
    at_resting = abs(day.target_kcal - day.resting_kcal) < eps
    if goal is GoalKind.FAT_LOSS and not (
        at_resting
        or (
            balance <= -0.1 * day.expenditure_kcal + eps
            and (raised or -0.2 * day.expenditure_kcal - eps <= balance)
        )
    ):
        problems.append(f"fat-loss balance {balance:+.0f} kcal not a 10-20 % deficit")
    preparing = day.fuel_day in {FuelDay.LOADING, FuelDay.FUELLING_UP}
    expected_surplus = 125.0 if goal is GoalKind.STRENGTH else 0.0
    if goal in {GoalKind.STRENGTH, GoalKind.RACE, GoalKind.GENERAL_FITNESS}:
        if day.fuel_day is FuelDay.RACE:
            pass  # fat at 20 % and carbohydrate from the race: the balance is what they make
        elif preparing:
            if balance < -eps:
                problems.append(f"a {day.fuel_day.value} day in deficit ({balance:+.0f} kcal)")
        elif not (
            expected_surplus - eps <= balance and (raised or balance <= expected_surplus + eps)
        ):
            problems.append(f"maintenance balance {balance:+.0f} kcal, not {expected_surplus:+.0f}")
    local = ZoneInfo(zone)
    served = [minutes_of(s.at) for s in day.servings]
    for session in sessions:
        start = session.scheduled.start.astimezone(local)
        end = session.scheduled.end.astimezone(local)
        start_min = start.hour * 60 + start.minute
        end_min = end.hour * 60 + end.minute
        if not any(end_min <= at <= end_min + 120 for at in served):
            problems.append(f"no serving within 2 h after {session.scheduled.id}")
        if any(start_min < at < end_min for at in served):
            problems.append(f"a serving during {session.scheduled.id}")
    return problems
