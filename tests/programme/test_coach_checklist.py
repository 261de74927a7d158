"""A coach's checklist as code: whole plans for generated athletes, walked week by week.

A seeded generator draws the athletes (every goal, race distance, experience level, equipment
set with bodyweight-only and bands-only among them, evidence profile, 0-3 rest days and
several patterns of windows); each gets a whole plan (``build_plan``), its nutrition and
its warnings, built once for the module. Every test below is one principle a coach
checks before signing a plan, walked over every week of every plan, with its numbers
written here from the principle and its source, not read from the code under test:

* race weeks and tapers (Pfitzinger & Douglas 2009; Bosquet et al. 2007; Mujika &
  Padilla 2003; Clarkson & Hubal 2002);
* the strength test and its peak (Pritchard et al. 2015; ACSM 2009; NSCA 2016);
* loads that progress across the plan and deloads that unload (ACSM 2009; Helms et
  al. 2016; Haff & Triplett 2016);
* blocks that follow the goal, and rising hypertrophy volume (Schoenfeld, Ogborn &
  Krieger 2017; Israetel et al. 2019);
* marathon builds (Pfitzinger & Douglas 2009);
* the athlete's limits: rest days, every hard rule across Sunday night, no three loaded
  days in a row;
* equipment and experience (ACSM 2009);
* fuelling the goal (Thomas, Erdman & Burke 2016; Jeukendrup 2014; Helms et al. 2014);
* explanations an athlete understands.

A failure lists each athlete, week and finding, so that it reads like a coach's notes.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache
from typing import TypeVar
from zoneinfo import ZoneInfo

from runlift.domain.athlete import (
    AthleteProfile,
    Goal,
    LiftingBackground,
    LiftRecord,
    RaceGoal,
    RaceResult,
    RunningBackground,
)
from runlift.domain.exercises import MovementPattern
from runlift.domain.nutrition import DayNutrition, FuelDay
from runlift.domain.plan import Plan, PlannedSession, PlanWeek
from runlift.domain.prescription import (
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.domain.warnings import PlanWarning, WarningKind
from runlift.domain.week import TimeWindow
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions
from runlift.science import running
from runlift.services.warnings import plan_warnings
from runlift.units import KG_PER_LB
from runlift.vocabulary import (
    HARD_RUN_KINDS,
    BlockFocus,
    EvidenceProfile,
    Experience,
    GoalKind,
    LiftingStyle,
    MassUnit,
    MuscleGroup,
    PaceZone,
    Phase,
    Priority,
    RunKind,
    Sex,
    StepKind,
    Weekday,
)

LIBRARY = exercise_library()
ATHLETES = 48
"""How many athletes the checklist plans (each plan takes about a second)."""
SEED = 20260105
"""The seed of the athletes' draws: a fixed set of athletes, the same on every run."""
NONE_SHARE = 0.25
T = TypeVar("T")

HALF_M = 21097.5
MARATHON_M = 42195.0
RACES_M = (5000.0, 10000.0, HALF_M, MARATHON_M)
KITS = {
    "gym": frozenset({"barbell", "rack", "bench", "dumbbells", "pull-up-bar", "bands", "cable"}),
    "barbell": frozenset({"barbell", "rack", "bench"}),
    "dumbbells": frozenset({"dumbbells", "bench"}),
    "bodyweight": frozenset(),
    "bands": frozenset({"bands"}),
}
MAIN_LIFTS = ("back-squat", "deadlift", "bench-press", "overhead-press")

_EARLY = TimeWindow(start=time(6, 0), end=time(7, 30))
_LUNCH = TimeWindow(start=time(12, 0), end=time(13, 0))
_EVENING = TimeWindow(start=time(18, 0), end=time(20, 0))
_WEEKEND = TimeWindow(start=time(7, 30), end=time(11, 30))
_WEEKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
PATTERNS: dict[str, dict[Weekday, tuple[TimeWindow, ...]]] = {
    # Mornings and evenings on weekdays, long weekend mornings.
    "every day": {
        **dict.fromkeys(_WEEKDAYS, (_EARLY, _EVENING)),
        Weekday.SAT: (_WEEKEND,),
        Weekday.SUN: (_WEEKEND,),
    },
    # Weekday evenings and a Saturday morning.
    "evenings": {**dict.fromkeys(_WEEKDAYS, (_EVENING,)), Weekday.SAT: (_WEEKEND,)},
    # Lunch hours and the weekend.
    "lunch": {
        **dict.fromkeys(_WEEKDAYS, (_LUNCH,)),
        Weekday.SAT: (_WEEKEND,),
        Weekday.SUN: (_WEEKEND,),
    },
    # Four days: two evenings, both weekend mornings.
    "four days": {
        Weekday.TUE: (_EVENING,),
        Weekday.THU: (_EVENING,),
        Weekday.SAT: (_WEEKEND,),
        Weekday.SUN: (_WEEKEND,),
    },
}

# --- the numbers, from their sources ---

LAST_HEAVY_DAYS = {5000.0: 7, 10000.0: 7, HALF_M: 10, MARATHON_M: 10}
"""Last heavy-lower or explosive lift before a race, days (Clarkson & Hubal 2002; Bosquet
et al. 2007: a 5-10 km taper lasts about a week, a half or marathon taper 10-14 days)."""
TAPER_DAYS = {5000.0: (7, 10), 10000.0: (7, 10), HALF_M: (10, 14), MARATHON_M: (14, 21)}
"""Taper length, first taper Monday through race day (Bosquet 2007; Pfitzinger & Douglas
2009); a taper starts on a Monday, so it may land up to 3.5 days beyond either end."""
MONDAY_SLACK_DAYS = 3.5
RACE_WEEK_SHARE = {5000.0: 0.50, 10000.0: 0.50, HALF_M: 0.45, MARATHON_M: 0.40}
"""Race week's running before the race, at most this share of the last build week (a
progressive taper cutting 41-60 %, Bosquet 2007)."""
SHAKEOUT_MAX_MIN = 30.0
"""The day before a race: rest, or an easy jog of 20-30 min with strides (P&D 2009)."""
SHARPENER_DAYS = (3, 5)
"""Race week's race-pace touch: no later than 3 days before the race."""
DELOAD_SPACING = {
    Experience.NOVICE: (5, 8),
    Experience.INTERMEDIATE: (4, 6),
    Experience.ADVANCED: (3, 5),
}
"""Weeks from one deload to the next (Haff & Triplett 2016; Israetel et al. 2015)."""
DELOAD_SET_SHARE = 0.6
DELOAD_RPE_DROP = 1.5
"""A deload has at most 60 % of the sets of the week before, at least 1.5 RPE easier
(about two points; Helms et al. 2016)."""
RECOVERY_KM = (0.70, 0.82)
"""A runner's recovery week runs about 20-25 % less than the build week before it
(Pfitzinger & Douglas 2009), 22 % as planned, with rounding."""
GAIN_CAP = {Experience.NOVICE: 0.40, Experience.INTERMEDIATE: 0.20, Experience.ADVANCED: 0.10}
"""Most a planned maximum rises over a plan (ACSM 2009 average gains)."""
PEAK_PERCENT = (90.0, 95.0)
TOP_ATTEMPT = (98.5, 105.5)
OPENER = (92.0, 95.5)
"""Strength test: singles at 90-95 % of the planned maximum in the last build week, a
top attempt at 100-105 % and an opener the athlete is sure of (Pritchard et al. 2015;
NSCA 2016), within a plate of rounding."""
SINGLES_END_DAYS = 5
TAPER_MAX_DAYS = 10
"""The last heavy single or double ends 5-10 days before the test: a taper of about a
week, the test week (Pritchard et al. 2015: 1-2 weeks of reduced volume, intensity kept;
NSCA 2016)."""
HYPERTROPHY_START = {Experience.NOVICE: 10, Experience.INTERMEDIATE: 10, Experience.ADVANCED: 12}
HYPERTROPHY_TOP = {Experience.NOVICE: 12, Experience.INTERMEDIATE: 16, Experience.ADVANCED: 18}
"""Hard sets per muscle group a week in a hypertrophy block: from about 10 towards the
top of the effective range (Schoenfeld, Ogborn & Krieger 2017; Baz-Valle et al. 2022;
Israetel, Hoffmann & Smith 2019); arms and shoulders get direct sets of their own."""
SMALL_GROUP_MIN_SETS = 4
NOVICE_REPS = (6, 12)
NOVICE_MAX_PERCENT = 77.5
"""Novices lift 8-12 RM loads, 60-70 % 1RM (ACSM 2009); their strength peak climbs only
to 6 reps at 77.5 %; no triples."""
EMPTY_BAR_KG = {MassUnit.KG: 20.0, MassUnit.LB: 45 * KG_PER_LB}
MARATHON_LONG_KM = (29.0, 32.05)
MARATHON_START_KM = (40.0, 55.0, 70.0)
"""A marathoner runs 40 km a week or more before the build; some start high enough for
the build to reach long runs of 29-32 km and medium-long runs."""
MEDIUM_LONG_WINDOW_MIN = 90
HIGH_VOLUME_KM = 70.0
MEDIUM_LONG_KM = 80.0
SEASONED_5K_S = 19 * 60
SATURDAY = 5
"""A medium-long run of about 70 % of the long run takes up to 90 min (P&D 2009)."""
LOADING_G_PER_KG = 10.0
FUELLING_UP_G_PER_KG = 7.0
IN_RACE_FUEL_AFTER_MIN = 75.0
IN_RACE_G_PER_H = (30.0, 90.0)
"""In-race carbohydrate for races over about 75 min: 30-60 g/h up to 2-2.5 h, up to 90
g/h beyond with glucose and fructose (Jeukendrup 2014; Thomas, Erdman & Burke 2016)."""
FAT_LOSS_DEFICIT = 0.10
"""Fat loss: every day at least 10 % below its expenditure (Helms et al. 2014)."""
LEAN_MASS_PROTEIN_G_PER_KG_FFM = 2.7
"""Protein in a deficit from fat-free mass (Helms, Zinn et al. 2014: 2.3-3.1 g/kg FFM),
never outside 1.6-2.2 g/kg of body mass (NUT-2)."""
HIGH_BODY_FAT = {Sex.MALE: 20.0, Sex.FEMALE: 33.0}
RACE_MASS_DRIFT = 0.015
"""A runner training for a race is not planned to gain weight: the plan ends within
1.5 % of the start mass (the loading days' glycogen spent in the race)."""
VDOT_POINTS_PER_WEEK = 0.25
"""At best about one VDOT point every 4 weeks (Daniels 2014): a target beyond that is far."""
LEG_PATTERNS = frozenset(
    {
        MovementPattern.SQUAT,
        MovementPattern.HINGE,
        MovementPattern.LUNGE,
        MovementPattern.KNEE_FLEXION,
    }
)
RULE_ID = re.compile(r"\b(?:PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+\b")


# --- the athletes ---


GOALS: tuple[tuple[GoalKind, float | None], ...] = (
    *((GoalKind.RACE, distance) for distance in RACES_M),
    (GoalKind.STRENGTH, None),
    (GoalKind.HYPERTROPHY, None),
    (GoalKind.FAT_LOSS, None),
    (GoalKind.GENERAL_FITNESS, None),
)


@dataclass(frozen=True)
class Cell:
    """What one athlete is made to be, so that the athletes together cover every value."""

    goal: GoalKind
    distance_m: float | None
    kit: str
    experience: Experience
    evidence: EvidenceProfile
    rest_days_min: int
    priority: Priority
    marathon_km: float = 40.0


def cells(count: int) -> list[Cell]:
    """``count`` cells cycling through goals and distances, kits, experience levels,
    evidence profiles and rest days at coprime strides, so every pair of goal and kit
    comes up and each of the others comes up with most goals."""
    kits = sorted(KITS)
    out = []
    for n in range(count):
        goal, distance = GOALS[n % len(GOALS)]
        out.append(
            Cell(
                goal=goal,
                distance_m=distance,
                kit=kits[(n + n // len(GOALS)) % len(kits)],
                experience=list(Experience)[n % 3],
                evidence=list(EvidenceProfile)[(n // 3) % 3],
                rest_days_min=(n // 2) % 4,
                priority=list(Priority)[(n // 5) % 3],
                marathon_km=MARATHON_START_KM[(n // len(GOALS)) % len(MARATHON_START_KM)],
            )
        )
    return out


def _maybe(rng: random.Random, value: T) -> T | None:
    """``value``, or None one time in four."""
    return None if rng.random() < NONE_SHARE else value


def athlete(rng: random.Random, cell: Cell) -> AthleteProfile:
    """An athlete of ``cell``, the rest drawn from ``rng``: history, windows, lifts, maxima.

    Every value is drawn whatever the cell (and then used or not), so that one athlete's
    draws never shift another's.
    """
    start = date(2026, 1, 5) + timedelta(days=rng.randint(0, 360))
    priority = cell.priority
    weekly_km = rng.choice([0.0, 8.0, 15.0, 25.0, 40.0, 60.0])
    recent_s = _maybe(rng, rng.randint(17 * 60, 32 * 60))
    days_to_goal = rng.randint(56, 140)
    target_share = rng.choice([None, 1.0, 0.97, 0.88])
    dated = rng.random() < 0.5
    weeks = rng.randint(6, 16)
    runner_specific = rng.random() < 0.5
    lifts = rng.choice([3, 2, 4, 0])
    chosen = {lift for lift in MAIN_LIFTS if rng.random() < 0.5}
    records = [
        (
            rng.random() < 0.5,
            float(rng.randint(25, 200)),
            float(rng.randint(20, 150)),
            rng.randint(3, 8),
        )
        for _ in MAIN_LIFTS
    ]
    sex = rng.choice(list(Sex))
    mass_kg = float(rng.randint(52, 98))
    body_fat = _maybe(rng, rng.choice([12.0, 22.0, 30.0, 38.0]))
    pattern = rng.choice(sorted(PATTERNS))
    units = rng.choice(list(MassUnit))

    kind = cell.goal
    race = None
    goal_weeks: int | None = weeks
    goal_date = None
    if cell.distance_m is not None:
        if cell.distance_m == MARATHON_M:
            weekly_km = max(weekly_km, cell.marathon_km)
            if cell.marathon_km >= HIGH_VOLUME_KM:
                # A seasoned marathoner with time to train: the build a coach reads
                # for its long and medium-long runs.
                recent_s = min(recent_s or SEASONED_5K_S, SEASONED_5K_S)
                pattern = "every day"
        target = None
        if recent_s is not None and target_share is not None:
            vdot = running.vdot(distance_m=5000.0, time_s=recent_s)
            if vdot >= running.MIN_VDOT:
                target = target_share * running.race_time_s(vdot=vdot, distance_m=cell.distance_m)
        race = RaceGoal(
            distance_m=cell.distance_m,
            date=start + timedelta(days=days_to_goal),
            target_time_s=target,
        )
        goal_weeks = None
    elif kind is GoalKind.STRENGTH and dated:
        goal_date = start + timedelta(days=min(days_to_goal, 110))
        goal_weeks = None
    style = LiftingStyle.FULL
    if kind in {GoalKind.RACE, GoalKind.FAT_LOSS, GoalKind.GENERAL_FITNESS} and runner_specific:
        style = LiftingStyle.RUNNER_SPECIFIC
    if kind in {GoalKind.STRENGTH, GoalKind.HYPERTROPHY}:
        lifts = max(lifts, 2)
    maxes = {
        lift: LiftRecord(one_rep_max_kg=one_rm) if known else LiftRecord(weight_kg=kg, reps=reps)
        for lift, (known, one_rm, kg, reps) in zip(MAIN_LIFTS, records, strict=True)
        if lift in chosen
    }
    return AthleteProfile(
        name="Generated",
        sex=sex,
        birth_date=date(1990, 6, 1),
        height_cm=172.0,
        mass_kg=mass_kg,
        body_fat_percent=body_fat,
        timezone="Europe/Berlin",
        start_date=start,
        goal=Goal(kind=kind, priority=priority, race=race, weeks=goal_weeks, date=goal_date),
        running=RunningBackground(
            weekly_km=weekly_km,
            recent_race=None
            if recent_s is None
            else RaceResult(distance_m=5000.0, time_s=recent_s),
        ),
        lifting=LiftingBackground(
            experience=cell.experience,
            sessions_per_week=lifts,
            maxes=maxes,
            equipment=KITS[cell.kit],
            style=style,
        ),
        availability=PATTERNS[pattern],
        rest_days_min=cell.rest_days_min,
        evidence_profile=cell.evidence,
        units=units,
    )


def _drawn() -> list[AthleteProfile]:
    """The checklist's athletes: the same ones on every run, whatever else is collected.

    A seeded generator draws them (a Hypothesis run would bias its draws by constants
    found in whatever modules are imported, so another selection of tests would plan
    other athletes).
    """
    rng = random.Random(SEED)
    return [athlete(rng, cell) for cell in cells(ATHLETES)]


@dataclass(frozen=True)
class Case:
    """One athlete's plan with what a coach reads next to it."""

    number: int
    profile: AthleteProfile
    plan: Plan
    nutrition: tuple[DayNutrition, ...]
    warnings: tuple[PlanWarning, ...]

    @property
    def label(self) -> str:
        p = self.profile
        goal = p.goal.kind.value
        if p.goal.race is not None:
            goal += f" {p.goal.race.distance_m / 1000:g} km"
        kit = next((name for name, kit in KITS.items() if kit == p.lifting.equipment), "?")
        return (
            f"athlete {self.number} ({goal}, {p.goal.priority.value} first, "
            f"{p.lifting.experience.value}, {kit} kit, {p.lifting.sessions_per_week} lifts, "
            f"{p.running.weekly_km:g} km, {p.rest_days_min} rest days, "
            f"{p.evidence_profile.value})"
        )

    def local_day(self, session: PlannedSession) -> date:
        return session.scheduled.start.astimezone(ZoneInfo(self.profile.timezone)).date()

    @property
    def sessions(self) -> list[PlannedSession]:
        return [s for week in self.plan.weeks for s in week.sessions]


@cache
def cases() -> tuple[Case, ...]:
    """Every athlete's plan, nutrition and warnings, built once for the module."""
    lift_met = met_for(LIFT_MET_COMPENDIUM_CODE).met
    built = []
    for number, profile in enumerate(_drawn(), 1):
        plan = build_plan(profile, library=LIBRARY, time_limit_s=5.0)
        built.append(
            Case(
                number=number,
                profile=profile,
                plan=plan,
                nutrition=plan_nutrition(plan, profile, lift_met=lift_met),
                warnings=plan_warnings(profile, plan),
            )
        )
    return tuple(built)


def _walk(check: Callable[[Case], Iterator[str]], cases_: Sequence[Case] | None = None) -> None:
    """Run ``check`` over every plan and fail with every finding, athlete by athlete."""
    findings = [f"{case.label}: {finding}" for case in cases_ or cases() for finding in check(case)]
    assert not findings, "\n".join(findings[:25]) + (
        f"\n... and {len(findings) - 25} more" if len(findings) > 25 else ""
    )


# --- helpers that read a plan as an athlete does ---


def _runs(week: PlanWeek) -> list[PlannedSession]:
    return [s for s in week.sessions if isinstance(s.prescription, RunPrescription)]


def _lifts(week: PlanWeek) -> list[PlannedSession]:
    return [s for s in week.sessions if isinstance(s.prescription, LiftPrescription)]


def _run_km(week: PlanWeek) -> float:
    return sum(
        s.prescription.distance_km
        for s in _runs(week)
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind is not RunKind.RACE
    )


def _steps(prescription: RunPrescription) -> list[RunStep]:
    out: list[RunStep] = []
    for item in prescription.steps:
        if isinstance(item, RunRepeat):
            out.extend(step for _ in range(item.count) for step in item.steps)
        else:
            out.append(item)
    return out


def _quality(session: PlannedSession) -> bool:
    """A hard run, or a long run with marathon-pace work."""
    prescription = session.prescription
    if not isinstance(prescription, RunPrescription):
        return False
    if prescription.kind in HARD_RUN_KINDS:
        return True
    return any(
        s.kind is StepKind.WORK and s.zone in {PaceZone.MARATHON, PaceZone.RACE}
        for s in _steps(prescription)
    )


def _lift_items(session: PlannedSession) -> list[tuple[str, int, int, float | None, float | None]]:
    """(exercise, sets, reps, percent 1RM, load kg) of each exercise of a lift."""
    prescription = session.prescription
    if not isinstance(prescription, LiftPrescription):
        return []
    return [(e.exercise, e.sets, e.reps, e.percent_1rm, e.load_kg) for e in prescription.exercises]


def _training_experience(profile: AthleteProfile) -> Experience:
    """The experience of the goal's first modality (running habit from the weekly km)."""
    km = profile.running.weekly_km
    runner = (
        Experience.NOVICE
        if km < 20
        else Experience.INTERMEDIATE
        if km < 50
        else Experience.ADVANCED
    )
    lifter = profile.lifting.experience
    order = list(Experience)
    if profile.goal.priority is Priority.RUNNING:
        return runner
    if profile.goal.priority is Priority.LIFTING:
        return lifter
    return max(runner, lifter, key=order.index)


def _race(case: Case) -> tuple[RaceGoal, PlannedSession] | None:
    race = case.profile.goal.race
    if case.profile.goal.kind is not GoalKind.RACE or race is None:
        return None
    session = next(
        s
        for s in case.sessions
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind is RunKind.RACE
    )
    return race, session


# --- the athletes are many and varied ---


def test_the_athletes_cover_every_goal_distance_experience_kit_and_profile() -> None:
    profiles = [case.profile for case in cases()]
    assert len(profiles) == ATHLETES
    assert {p.goal.kind for p in profiles} == set(GoalKind)
    assert {p.goal.race.distance_m for p in profiles if p.goal.race is not None} == set(RACES_M)
    assert {p.lifting.experience for p in profiles} == set(Experience)
    assert {p.lifting.equipment for p in profiles} == set(KITS.values())
    assert {p.evidence_profile for p in profiles} == set(EvidenceProfile)
    assert {p.rest_days_min for p in profiles} == {0, 1, 2, 3}
    assert {p.goal.priority for p in profiles} == set(Priority)
    assert {p.lifting.style for p in profiles} == set(LiftingStyle)


# --- race weeks and tapers ---


def _race_weeks(case: Case) -> Iterator[str]:
    found = _race(case)
    if found is None:
        return
    race, race_session = found
    klass_days = LAST_HEAVY_DAYS[race.distance_m]
    race_day = race.date
    for week in case.plan.weeks:
        for session in week.sessions:
            spec = session.scheduled.spec
            before = (race_day - case.local_day(session)).days
            if spec.is_lift:
                if (spec.is_heavy_lower or spec.is_explosive) and before < klass_days:
                    yield (
                        f"week {week.index + 1}: '{spec.title}' is heavy or jumping {before} "
                        f"days before the race (at least {klass_days})"
                    )
                if 0 <= before <= 6:
                    yield from _light_race_week_lift(week, session, before)
                continue
            if spec.kind is RunKind.RACE:
                continue
            if before < 1:
                yield f"week {week.index + 1}: '{spec.title}' on or after race day"
            if before == 1:
                yield from _shakeout(week, session)
            if _quality(session) and before < SHARPENER_DAYS[0]:
                yield f"week {week.index + 1}: hard '{spec.title}' {before} days before the race"
    race_week_lifts = [s for s in case.sessions if s.scheduled.spec.is_lift]
    eve_lifts = [s for s in race_week_lifts if (race_day - case.local_day(s)).days in {-1, 0, 1}]
    if eve_lifts:
        yield f"a lift on the race's eve, day or the day after: {eve_lifts[0].scheduled.spec.title}"
    yield from _race_itself(case, race, race_session)
    yield from _taper(case, race)


def _light_race_week_lift(week: PlanWeek, session: PlannedSession, before: int) -> Iterator[str]:
    """In the last six days at most one light, short lift that spares the legs."""
    race_day = session.scheduled.start.date() + timedelta(days=before)
    others = [
        s
        for s in week.sessions
        if s.scheduled.spec.is_lift
        and s is not session
        and s.scheduled.start < session.scheduled.start
        and (race_day - s.scheduled.start.date()).days <= 6
    ]
    if others:
        yield f"week {week.index + 1}: more than one lift in the last six days before the race"
    spec = session.scheduled.spec
    legs = [
        name
        for name, *_ in _lift_items(session)
        if LIBRARY.get(name).pattern in LEG_PATTERNS or LIBRARY.get(name).explosive
    ]
    if legs or spec.duration_min > 45:
        yield (
            f"week {week.index + 1}: '{spec.title}' {before} days before the race is not "
            f"light and short ({spec.duration_min} min; leg work {legs})"
        )


def _shakeout(week: PlanWeek, session: PlannedSession) -> Iterator[str]:
    prescription = session.prescription
    assert isinstance(prescription, RunPrescription)
    strides = [s for s in _steps(prescription) if s.kind is StepKind.WORK and s.duration_s]
    if not session.scheduled.spec.title.startswith("Shakeout"):
        yield f"week {week.index + 1}: the race's eve holds '{session.scheduled.spec.title}'"
    elif prescription.duration_min > SHAKEOUT_MAX_MIN or not strides:
        yield (
            f"week {week.index + 1}: the shakeout runs {prescription.duration_min} min with "
            f"{len(strides)} strides (20-30 min with strides)"
        )


def _race_itself(case: Case, race: RaceGoal, session: PlannedSession) -> Iterator[str]:
    """The race is its distance, at the target time or the time the VDOT predicts."""
    prescription = session.prescription
    assert isinstance(prescription, RunPrescription)
    if case.local_day(session) != race.date:
        yield f"the race is on {case.local_day(session)}, not {race.date}"
    if abs(prescription.distance_km - race.distance_m / 1000) > 0.05:
        yield f"the race is {prescription.distance_km} km, not {race.distance_m / 1000:g} km"
    recent = case.profile.running.recent_race
    expected = race.target_time_s
    if expected is None and recent is not None:
        vdot = running.vdot(distance_m=recent.distance_m, time_s=recent.time_s)
        if running.MIN_VDOT <= vdot <= running.MAX_VDOT:
            expected = running.race_time_s(vdot=vdot, distance_m=race.distance_m)
    if expected is not None and abs(prescription.duration_min - expected / 60) > 1.0:
        yield f"the race takes {prescription.duration_min} min, not {expected / 60:.1f} min"
    if expected is not None and session.scheduled.spec.duration_min != 15 * math.ceil(
        expected / 60 / 15 - 1e-6
    ):
        slot = session.scheduled.spec.duration_min
        yield f"the race's slot is {slot} min for {expected / 60:.1f} min"


def _taper(case: Case, race: RaceGoal) -> Iterator[str]:
    weeks = case.plan.weeks
    tapering = [w for w in weeks if w.phase in {Phase.TAPER, Phase.RACE}]
    low, high = TAPER_DAYS[race.distance_m]
    days = (race.date - tapering[0].start).days + 1
    if not low - MONDAY_SLACK_DAYS <= days <= high + MONDAY_SLACK_DAYS:
        yield f"the taper lasts {days} days ({low}-{high} for this distance)"
    builds = [w for w in weeks if w.phase is Phase.BUILD and w.index < tapering[0].index]
    if not builds:
        return
    last_build = builds[-1]
    chain = [last_build, *tapering]
    kms = [_run_km(w) for w in chain]
    for before, after, week in zip(kms, kms[1:], chain[1:], strict=False):
        if not after < before:
            yield f"week {week.index + 1}: {after:.1f} km, the week before {before:.1f} km"
    share = RACE_WEEK_SHARE[race.distance_m]
    if kms[-1] > share * kms[0] + 0.5:
        yield (
            f"race week runs {kms[-1]:.1f} km before the race, over {share:.0%} of the last "
            f"build week's {kms[0]:.1f} km"
        )


def test_race_weeks_taper_and_keep_the_legs_fresh() -> None:
    """Last heavy or jumping lift 10 days before a half or marathon, 7 before 5-10 km; at
    most one light, short lift without leg work in the last six days; the eve holds only a
    20-30 min jog with strides; no hard running in the last two days; the taper lasts
    7-10, 10-14 or 14-21 days by distance with the running falling week on week and race
    week under 50/45/40 % of the last build week; the race is its own distance at its
    target or predicted time (Pfitzinger & Douglas 2009; Bosquet 2007; Clarkson & Hubal
    2002)."""
    _walk(_race_weeks)


# --- the strength test ---


def _test_day(case: Case) -> date | None:
    """The goal's date, else the last day of the test week with a window of 90 minutes."""
    goal = case.profile.goal
    if goal.kind is not GoalKind.STRENGTH:
        return None
    if goal.date is not None:
        return goal.date
    last = case.plan.weeks[-1]
    for offset in range(6, -1, -1):
        day = last.start + timedelta(days=offset)
        windows = case.profile.availability.get(Weekday.of(day.weekday()), ())
        if any(w.end_min - w.start_min >= 90 for w in windows):
            return day
    return last.start + timedelta(days=5)


def _strength_test(case: Case) -> Iterator[str]:
    test_day = _test_day(case)
    if test_day is None:
        return
    weeks = case.plan.weeks
    tests = [s for s in case.sessions if s.scheduled.spec.title.startswith("Strength test")]
    if len(tests) != 1 or case.local_day(tests[0]) != test_day:
        yield f"the test day {test_day} does not hold the strength test ({len(tests)} found)"
        return
    test = tests[0]
    novice = case.profile.lifting.experience is Experience.NOVICE
    prescription = test.prescription
    assert isinstance(prescription, LiftPrescription)
    tested: set[str] = set()
    step = 2.5 if case.profile.units is MassUnit.KG else 5 * KG_PER_LB
    for item in prescription.exercises:
        if item.percent_1rm is None or "warm-up" in item.notes:
            continue
        tested.add(item.exercise)
        # Loads rise by whole plates: a small maximum may move an attempt a plate up.
        plate = 100 * step / (item.load_kg * 100 / item.percent_1rm) if item.load_kg else 0.0
        if novice:
            if item.reps != 5:
                yield f"a novice tests {item.exercise} for {item.reps} reps, not a 5-rep maximum"
            continue
        if "opener" in item.notes and not OPENER[0] <= item.percent_1rm <= OPENER[1]:
            yield f"test of {item.exercise}: opener at {item.percent_1rm} %"
        if ("second" in item.notes or "third" in item.notes) and not (
            TOP_ATTEMPT[0] <= item.percent_1rm <= TOP_ATTEMPT[1] + plate
        ):
            yield f"test of {item.exercise}: attempt at {item.percent_1rm} % ({item.notes})"
    test_week = weeks[-1]
    builds = [w for w in weeks if w.phase is Phase.BUILD]
    last_build = builds[-1]
    for session in _lifts(test_week):
        if session is test:
            continue
        for name, _, reps, percent, _ in _lift_items(session):
            if (percent or 0) >= PEAK_PERCENT[0] or reps <= 2:
                yield f"test week: {name} {reps} reps at {percent} % outside the test day"
    test_week_sets = sum(
        s for x in _lifts(test_week) if x is not test for _, s, *_ in _lift_items(x)
    )
    build_sets = sum(s for x in _lifts(last_build) for _, s, *_ in _lift_items(x))
    if test_week_sets >= build_sets:
        yield f"the test week's other lifts hold {test_week_sets} sets, the build week {build_sets}"
    for week in builds[-3:]:
        for session in _lifts(week):
            for name, _, reps, percent, _ in _lift_items(session):
                heavy = (percent or 0) >= PEAK_PERCENT[0] and reps <= 2
                if heavy and (test_day - case.local_day(session)).days < SINGLES_END_DAYS:
                    yield f"week {week.index + 1}: heavy {name} single within 5 days of the test"
    if novice:
        return
    yield from _peaking_block(case, test_day, tested)
    peak = [
        (name, reps, percent)
        for session in _lifts(last_build)
        for name, _, reps, percent, load in _lift_items(session)
        if name in tested and percent is not None and load is not None
    ]
    heaviest = {name: max((p for n, _, p in peak if n == name), default=0.0) for name in tested}
    for name, top in heaviest.items():
        reps = min((r for n, r, p in peak if n == name and p == top), default=0)
        if (
            peak
            and any(n == name for n, _, _ in peak)
            and (reps > 2 or not PEAK_PERCENT[0] <= top <= PEAK_PERCENT[1])
        ):
            yield (
                f"week {last_build.index + 1}: the peak's {name} is {reps} x {top} % "
                "(singles or doubles at 90-95 %)"
            )
    for session in _runs(test_week):
        if (test_day - case.local_day(session)).days in {0, 1}:
            yield f"test week: '{session.scheduled.spec.title}' on the test day or the day before"


def _peaking_block(case: Case, test_day: date, tested: set[str]) -> Iterator[str]:
    """The last block peaks: for each tested lift, sets of fewer reps at a higher share of
    the maximum week on week (triples, doubles, then singles), and the last heavy lift
    comes 5 to 10 days before the test, the test week being the taper."""
    weeks = case.plan.weeks
    last = [w for w in weeks if w.phase is Phase.BUILD][-1]
    peaking = [w for w in weeks if w.block == last.block and w.phase is Phase.BUILD]
    for name in sorted(tested):
        tops: list[tuple[int, float, int]] = []
        for week in peaking:
            items = [
                (percent, reps)
                for session in _lifts(week)
                for item_name, _, reps, percent, _ in _lift_items(session)
                if item_name == name and percent is not None
            ]
            if items:
                top, _ = max(items)
                tops.append((week.index + 1, top, min(r for p, r in items if p == top)))
        for (_, top_a, reps_a), (number, top_b, reps_b) in itertools.pairwise(tops):
            if top_b < top_a or reps_b > reps_a:
                yield (
                    f"week {number}: {name} goes from {reps_a} reps at {top_a} % to "
                    f"{reps_b} at {top_b} % in the peaking block"
                )
    heavy = [
        (test_day - case.local_day(session)).days
        for week in weeks
        if week.phase is Phase.BUILD
        for session in _lifts(week)
        if any(
            (percent or 0) >= PEAK_PERCENT[0] and reps <= 3
            for _, _, reps, percent, _ in _lift_items(session)
        )
    ]
    if heavy and not SINGLES_END_DAYS <= min(heavy) <= TAPER_MAX_DAYS:
        yield f"the last heavy lift is {min(heavy)} days before the test"


def test_strength_test_day_peak_and_taper() -> None:
    """The goal date holds the test of the main lifts, worked up to attempts at 100-105 %
    of the planned maximum with an opener the athlete is sure of; the last build week
    lifts singles or doubles at 90-95 %, reached through fewer reps at a higher share of
    the maximum week on week; the last heavy lift comes 5-10 days before the test, and
    the test week's other lifts are light and fewer (Pritchard et al. 2015; NSCA 2016)."""
    _walk(_strength_test)


# --- loads progress; deloads unload ---


def _load_progress(case: Case) -> Iterator[str]:
    weeks = case.plan.weeks
    builds = [w for w in weeks if w.phase is Phase.BUILD]
    for before, after in itertools.pairwise(builds):
        heaviest_before = _heaviest(before)
        for (name, reps), load in _heaviest(after).items():
            previous = heaviest_before.get((name, reps))
            if previous is not None and load < previous - 1e-6:
                yield (
                    f"week {after.index + 1}: {name} {reps} reps at {load:.1f} kg, lighter "
                    f"than {previous:.1f} kg the build week before"
                )
    experience = case.profile.lifting.experience
    for name, series in _planned_maxima(case).items():
        (first_low, first_high), (last_low, last_high) = series[0], series[-1]
        if last_high < first_low:
            yield f"{name}: planned maximum falls from {first_low:.1f}-{first_high:.1f} kg"
        if last_low > first_high * (1 + GAIN_CAP[experience]):
            yield f"{name}: planned maximum rises {last_low / first_high - 1:.0%} over the plan"
    yield from _deloads(case)


def _heaviest(week: PlanWeek) -> dict[tuple[str, int], float]:
    """The heaviest load of each exercise and rep count in a week's ordinary lifts."""
    out: dict[tuple[str, int], float] = {}
    for session in _lifts(week):
        prescription = session.prescription
        assert isinstance(prescription, LiftPrescription)
        if prescription.rpe <= 5:  # deload, taper, light or primer sessions
            continue
        for name, _, reps, _, load in _lift_items(session):
            if load is not None:
                out[(name, reps)] = max(load, out.get((name, reps), 0.0))
    return out


def _planned_maxima(case: Case) -> dict[str, list[tuple[float, float]]]:
    """Each main lift's planned maximum, week by week, read from load and percent.

    A load is rounded to the nearest plate step (2.5 kg, or 5 lb), so the maximum is
    known within a range: the load less and plus half a step, over the percent.
    """
    step = 2.5 if case.profile.units is MassUnit.KG else 5 * KG_PER_LB
    out: dict[str, list[tuple[float, float]]] = {}
    for week in case.plan.weeks:
        if week.phase is not Phase.BUILD:
            continue
        for session in _lifts(week):
            for name, _, _, percent, load in _lift_items(session):
                if name in MAIN_LIFTS and percent and load and load > EMPTY_BAR_KG[MassUnit.LB]:
                    out.setdefault(name, []).append(
                        ((load - step / 2) / percent * 100, (load + step / 2) / percent * 100)
                    )
    return {name: series for name, series in out.items() if len(series) >= 2}


def _deloads(case: Case) -> Iterator[str]:
    weeks = case.plan.weeks
    for week in weeks:
        if not week.deload or week.index == 0:
            continue
        before = weeks[week.index - 1]
        sets_before = sum(s for x in _lifts(before) for _, s, *_ in _lift_items(x))
        sets_now = sum(s for x in _lifts(week) for _, s, *_ in _lift_items(x))
        if sets_before and sets_now > DELOAD_SET_SHARE * sets_before + 1e-9:
            yield f"week {week.index + 1}: deload keeps {sets_now} of {sets_before} sets"
        effort_before = _efforts(before)
        for key, effort in _efforts(week).items():
            previous = effort_before.get(key)
            if previous is not None and effort > previous - DELOAD_RPE_DROP + 1e-9:
                yield f"week {week.index + 1}: deload {key} at RPE {effort} (was {previous})"
        for session in _lifts(week):
            prescription = session.prescription
            assert isinstance(prescription, LiftPrescription)
            if prescription.rpe > 5:
                title = session.scheduled.spec.title
                yield f"week {week.index + 1}: deload session '{title}' at RPE {prescription.rpe}"
    _, high = DELOAD_SPACING[_training_experience(case.profile)]
    stretch = 0
    for week in weeks:
        stretch = stretch + 1 if week.phase is Phase.BUILD else 0
        if stretch > max(high - 1, 4):
            yield f"week {week.index + 1}: {stretch} loading weeks without a deload"
            break


def _efforts(week: PlanWeek) -> dict[str, float]:
    out: dict[str, float] = {}
    for session in _lifts(week):
        prescription = session.prescription
        assert isinstance(prescription, LiftPrescription)
        for item in prescription.exercises:
            if item.rpe is not None and not LIBRARY.get(item.exercise).explosive:
                out[item.exercise] = max(item.rpe, out.get(item.exercise, 0.0))
    return out


def test_loads_progress_and_deloads_unload() -> None:
    """No exercise lifts less for the same reps than in the build week before; planned
    maxima never fall and rise no more than 40/20/10 % over a plan (ACSM 2009); a deload
    holds at most 60 % of the sets at least 1.5 RPE easier and session RPE 5 or less, and
    deloads come every 5-8, 4-6 or 3-5 weeks by experience (Haff & Triplett 2016)."""
    _walk(_load_progress)


# --- blocks follow the goal ---


def _blocks_follow_goal(case: Case) -> Iterator[str]:
    goal = case.profile.goal.kind
    weeks = case.plan.weeks
    foci = {w.focus for w in weeks}
    builds = [w for w in weeks if w.phase is Phase.BUILD]
    lifting = {BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY}
    if goal in {GoalKind.STRENGTH, GoalKind.HYPERTROPHY} and not foci <= lifting:
        yield f"a {goal.value} plan has blocks of {sorted(f.value for f in foci)}"
    if goal is GoalKind.STRENGTH and (
        weeks[-1].phase is not Phase.TEST or weeks[-1].focus is not BlockFocus.STRENGTH
    ):
        yield "a strength plan does not end with its test week"
    if goal is GoalKind.HYPERTROPHY:
        share = sum(w.focus is BlockFocus.HYPERTROPHY for w in builds) / max(1, len(builds))
        if share < 0.6:
            yield f"only {share:.0%} of the build weeks are hypertrophy weeks"
        yield from _hypertrophy_volume(case)
    if goal is GoalKind.RACE:
        if weeks[-1].phase is not Phase.RACE or weeks[-1].focus is not BlockFocus.RACE_SPECIFIC:
            yield "a race plan does not end with race week"
        for week in builds:
            runs = _runs(week)
            if len(runs) >= 2 and not any(_quality(s) for s in runs):
                yield f"week {week.index + 1}: a runner's build week without a hard run"


def _weekly_sets(week: PlanWeek) -> dict[MuscleGroup, int]:
    totals = dict.fromkeys(MuscleGroup, 0)
    for session in _lifts(week):
        for name, sets, *_ in _lift_items(session):
            for group in LIBRARY.get(name).primary:
                totals[group] += sets
    return totals


def _hypertrophy_volume(case: Case) -> Iterator[str]:
    """Hard sets per muscle rise through a hypertrophy block from about 10 to the top."""
    experience = case.profile.lifting.experience
    weeks = case.plan.weeks
    for block in sorted({w.block for w in weeks}):
        builds = [
            w
            for w in weeks
            if w.block == block and w.phase is Phase.BUILD and w.focus is BlockFocus.HYPERTROPHY
        ]
        if len(builds) < 2 or len(_lifts(builds[0])) < 2:
            continue
        # Sets the windows or the kit cannot hold are said in the lifts' explanations.
        trimmed = any(
            "fewer than the week's volume asks" in line or "fall short of the aim" in line
            for w in builds
            for s in _lifts(w)
            for line in s.explanation
        )
        series = [_weekly_sets(w) for w in builds]
        for group in (MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST):
            values = [sets[group] for sets in series]
            if any(b < a for a, b in itertools.pairwise(values)) and not trimmed:
                yield f"block {block + 1}: {group.value} sets fall within the block: {values}"
            if trimmed:
                continue
            if (
                not HYPERTROPHY_START[experience] - 1
                <= values[0]
                <= HYPERTROPHY_START[experience] + 4
            ):
                yield f"block {block + 1}: {group.value} starts at {values[0]} sets a week"
            if values[-1] < HYPERTROPHY_TOP[experience] - 1:
                yield f"block {block + 1}: {group.value} reaches {values[-1]} sets, not the top"
        for group in (MuscleGroup.ARMS, MuscleGroup.SHOULDERS):
            if not trimmed and min(sets[group] for sets in series) < SMALL_GROUP_MIN_SETS:
                yield f"block {block + 1}: {group.value} get {[s[group] for s in series]} sets"


def test_blocks_follow_the_goal() -> None:
    """Strength and hypertrophy plans lift in every block (a strength plan ends with its
    test week), a hypertrophy plan spends most build weeks on hypertrophy with the weekly
    hard sets per muscle rising from about 10 towards the top of the range, arms and
    shoulders with sets of their own (Schoenfeld, Ogborn & Krieger 2017; Israetel et al.
    2019); a race plan ends with race week and runs hard from week 1 (Seiler 2010)."""
    _walk(_blocks_follow_goal)


# --- marathon builds ---


def _marathon_build(case: Case) -> Iterator[str]:
    goal = case.profile.goal
    race = goal.race
    if goal.kind is not GoalKind.RACE or race is None:
        return
    weeks = case.plan.weeks
    zone = ZoneInfo(case.profile.timezone)
    windows = {
        day: max((w.end_min - w.start_min for w in ws), default=0)
        for day, ws in case.profile.availability.items()
    }
    for week in weeks:
        if week.deload and week.index > 0:
            before = weeks[week.index - 1]
            ratio = _run_km(week) / max(_run_km(before), 1e-9)
            if (
                _run_km(before) > 0
                and not week.adjustments
                and not before.adjustments
                and not RECOVERY_KM[0] <= ratio <= RECOVERY_KM[1]
            ):
                yield f"week {week.index + 1}: recovery week runs {ratio:.0%} of the week before"
        for session in _runs(week):
            prescription = session.prescription
            assert isinstance(prescription, RunPrescription)
            if prescription.kind is not RunKind.LONG:
                continue
            easy = [
                s.prescription.distance_km
                for s in _runs(week)
                if isinstance(s.prescription, RunPrescription)
                and s.prescription.kind is RunKind.EASY
            ]
            if easy and prescription.distance_km < max(easy) - 0.05:
                yield (
                    f"week {week.index + 1}: long run {prescription.distance_km} km, "
                    f"an easy run {max(easy)} km"
                )
            if race.distance_m == MARATHON_M and prescription.distance_km > MARATHON_LONG_KM[1]:
                yield f"week {week.index + 1}: long run of {prescription.distance_km} km"
            before_race = (race.date - session.scheduled.start.astimezone(zone).date()).days
            day = Weekday.of(session.scheduled.start.astimezone(zone).weekday())
            if before_race > 13 and windows.get(day, 0) < max(windows.values()) - 15:
                yield (
                    f"week {week.index + 1}: the long run is on {day.value} "
                    f"({windows.get(day, 0)} min), not in the week's longest window"
                )
    if race.distance_m != MARATHON_M:
        return
    yield from _medium_long(case, windows)
    peak = max(_run_km(w) for w in weeks)
    easy_max = running.training_paces(vdot=_vdot(case.profile)).easy_max_s_per_km
    if peak >= 75 and max(windows.values()) >= 180 and easy_max <= 360:
        long_runs = [
            s.prescription.distance_km
            for s in case.sessions
            if isinstance(s.prescription, RunPrescription)
            and s.prescription.kind is RunKind.LONG
            and MARATHON_LONG_KM[0] <= s.prescription.distance_km <= MARATHON_LONG_KM[1]
        ]
        if len(long_runs) < 2:
            yield f"a build peaking at {peak:.0f} km has {len(long_runs)} long runs of 29-32 km"


def _medium_long(case: Case, windows: dict[Weekday, int]) -> Iterator[str]:
    """A marathon build week of five runs and 80 km or more (about 50 miles, where every
    plan of Pfitzinger & Douglas 2009 has one), whose weekdays have a window of 90 min,
    runs a medium-long run midweek; below that the other runs would be too short for a
    medium-long run to stand out from them."""
    if max((windows.get(day, 0) for day in _WEEKDAYS), default=0) < MEDIUM_LONG_WINDOW_MIN:
        return
    for week in case.plan.weeks:
        runs = _runs(week)
        if week.phase is not Phase.BUILD or len(runs) < 5 or _run_km(week) < MEDIUM_LONG_KM:
            continue
        medium = [s for s in runs if s.scheduled.spec.title.startswith("Medium-long run")]
        if not medium:
            yield f"week {week.index + 1}: {_run_km(week):.0f} km without a medium-long run"
        for session in medium:
            if case.local_day(session).weekday() >= SATURDAY:
                yield f"week {week.index + 1}: the medium-long run is on a weekend day"


def _vdot(profile: AthleteProfile) -> float:
    recent = profile.running.recent_race
    if recent is None:
        return running.MIN_VDOT
    vdot = running.vdot(distance_m=recent.distance_m, time_s=recent.time_s)
    return vdot if running.MIN_VDOT <= vdot <= running.MAX_VDOT else running.MIN_VDOT


def test_race_builds_long_runs_and_recovery_weeks() -> None:
    """A marathon build that reaches 75 km with 3-h windows runs several long runs of
    29-32 km and none longer; the long run is never shorter than the week's easy runs and
    takes the week's longest window (never a one-hour weekday slot while a lift takes the
    weekend); recovery weeks run about 20-25 % less (Pfitzinger & Douglas 2009)."""
    _walk(_marathon_build)


# --- the athlete's limits ---


def _limits(case: Case) -> Iterator[str]:
    profile = case.profile
    for week in case.plan.weeks:
        rest = sum(1 for day in week.days if not day.sessions)
        if rest < profile.rest_days_min:
            yield f"week {week.index + 1}: {rest} rest days of the {profile.rest_days_min} asked"
        # The week is designed to fit its days (rest days, one run and one lift a day,
        # the loaded-day budget), so placing it never leaves a session out.
        for adjustment in week.adjustments:
            yield f"week {week.index + 1}: '{adjustment.title}' left out ({adjustment.text})"
    context = week_context(profile)
    sessions = [s.scheduled for s in case.sessions]
    for violation in check_sessions(sessions, context):
        if violation.hard:
            yield f"hard {violation.rule_id}: {violation.text}"
        elif violation.rule_id == "RL-3":
            yield f"soft RL-3: {violation.text}"


def test_the_athletes_limits_hold_every_week() -> None:
    """The rest days the athlete asked for are kept every week, and the week is designed
    to fit the days they leave, so no session is left out when it is placed; every hard
    rule holds across the whole plan, Sunday night included (SCH-4: no run within hours
    of heavy legs, no hard run within 12 h before them); no three loaded days in a row
    (RL-3)."""
    _walk(_limits)


# --- equipment and experience ---


PULLS = frozenset({MovementPattern.HORIZONTAL_PULL, MovementPattern.VERTICAL_PULL})


def _pull_work(case: Case) -> Iterator[str]:
    """Every full-body build week with two lifts or more rows or pulls, at an effort its
    exercise can reach: loaded, or hard without load (a row under a table or on a door
    when the kit holds nothing to pull on; ACSM 2009: back work balances the pressing)."""
    if case.profile.lifting.style is not LiftingStyle.FULL:
        return
    for week in case.plan.weeks:
        lifts = _lifts(week)
        if week.phase is not Phase.BUILD or len(lifts) < 2:
            continue
        pulls = [
            exercise
            for session in lifts
            for name, *_ in _lift_items(session)
            if (exercise := LIBRARY.get(name)).pattern in PULLS
            and (exercise.load_increment_kg > 0 or exercise.hard_without_load)
        ]
        if not pulls:
            yield f"week {week.index + 1}: no row or pull that reaches its effort"


def _equipment_and_experience(case: Case) -> Iterator[str]:
    yield from _pull_work(case)
    profile = case.profile
    novice = profile.lifting.experience is Experience.NOVICE
    bar = EMPTY_BAR_KG[profile.units]
    for week in case.plan.weeks:
        for session in _lifts(week):
            prescription = session.prescription
            assert isinstance(prescription, LiftPrescription)
            test_day = session.scheduled.spec.title.startswith("Strength test")
            for item in prescription.exercises:
                exercise = LIBRARY.get(item.exercise)
                if (
                    "barbell" in exercise.equipment
                    and item.load_kg is not None
                    and item.load_kg < bar - 1e-6
                ):
                    yield f"week {week.index + 1}: {item.exercise} {item.load_kg} kg, under the bar"
                if exercise.explosive or test_day:
                    continue
                loaded = exercise.load_increment_kg > 0
                if (
                    week.phase is Phase.BUILD
                    and prescription.rpe > 5
                    and not exercise.runner_specific
                ):
                    if not loaded and not exercise.hard_without_load and exercise.compound:
                        yield f"week {week.index + 1}: {item.exercise} cannot reach its effort"
                    if not loaded and (item.rpe or 0) >= 8 and item.reps > 12:
                        yield f"week {week.index + 1}: {item.exercise} {item.reps} reps"
                # The test week's primer rehearses a few reps well below the test's load.
                if (
                    novice
                    and week.phase is not Phase.TEST
                    and loaded
                    and item.percent_1rm is not None
                    and (
                        not NOVICE_REPS[0] <= item.reps <= NOVICE_REPS[1]
                        or item.percent_1rm > NOVICE_MAX_PERCENT
                    )
                ):
                    yield (
                        f"week {week.index + 1}: a novice's {item.exercise} at "
                        f"{item.reps} x {item.percent_1rm} %"
                    )
                base = exercise.one_rep_max_from
                if (
                    loaded
                    and base is not None
                    and base in profile.lifting.maxes
                    and item.percent_1rm is None
                    and item.load_kg is None
                    and prescription.rpe > 5
                    and "the empty bar" not in item.notes
                ):
                    yield f"week {week.index + 1}: {item.exercise} without load ({base} max known)"


def test_equipment_and_experience_reach_the_effort() -> None:
    """Every profile plans, whatever its kit; without added load the strength exercises
    are variations hard enough to reach RPE 8 within 12 reps; novices lift 6-12 reps at
    no more than 77.5 % (ACSM 2009: 8-12 RM, 60-70 % 1RM); no barbell load under the empty
    bar; an exercise whose base lift's maximum is known gets a load; every full-body
    build week rows or pulls at an effort its exercise can reach, bodyweight and bands
    kits included."""
    _walk(_equipment_and_experience)


# --- fuelling the goal ---


def _fuelling(case: Case) -> Iterator[str]:
    profile = case.profile
    days = {day.date: day for day in case.nutrition}
    mass = profile.mass_kg
    goal = profile.goal
    if goal.kind is GoalKind.RACE and goal.race is not None:
        race = goal.race
        race_day = days[race.date]
        loading = race.distance_m >= HALF_M
        before = [
            days[race.date - timedelta(days=n)]
            for n in (1, 2)
            if race.date - timedelta(days=n) in days
        ]
        wanted = before if loading else before[:1]
        for day in wanted:
            kind = FuelDay.LOADING if loading else FuelDay.FUELLING_UP
            floor = LOADING_G_PER_KG if loading else FUELLING_UP_G_PER_KG
            if day.fuel_day is not kind or day.carbohydrate_g < floor * mass - 1:
                yield f"{day.date}: {day.fuel_day.value} with {day.carbohydrate_g / mass:.1f} g/kg"
        fuel = race_day.race
        if fuel is None:
            yield "race day has no race fuel"
        else:
            if (fuel.in_race is not None) != (fuel.duration_min > IN_RACE_FUEL_AFTER_MIN):
                yield f"a race of {fuel.duration_min:.0f} min with in-race fuel {fuel.in_race}"
            in_race = fuel.in_race
            if in_race is not None and not (
                IN_RACE_G_PER_H[0] <= in_race.carbohydrate_g_per_h <= IN_RACE_G_PER_H[1]
                and math.isclose(
                    in_race.carbohydrate_g,
                    in_race.carbohydrate_g_per_h * fuel.duration_min / 60,
                    rel_tol=0.05,
                )
            ):
                yield (
                    f"a race of {fuel.duration_min:.0f} min fuelled with "
                    f"{in_race.carbohydrate_g_per_h:g} g/h, {in_race.carbohydrate_g:.0f} g"
                )
            if not 60 <= fuel.breakfast_lead_min <= 240:
                yield f"race breakfast {fuel.breakfast_lead_min} min before the start"
        ordinary = [
            d
            for d in case.nutrition
            if d.fuel_day is FuelDay.TRAINING and d.date < race.date - timedelta(days=6)
        ]
        drift = max((abs(d.expected_mass_kg - mass) / mass for d in ordinary), default=0.0)
        if drift > 0.0025 + 1e-9:
            yield f"a runner's build days drift {drift:.2%} from the start mass"
        end = case.nutrition[-1].expected_mass_kg
        if end > mass * (1 + RACE_MASS_DRIFT):
            yield f"the plan ends at {end:.1f} kg from {mass} kg"
    if goal.kind is GoalKind.FAT_LOSS:
        for day in case.nutrition:
            if day.target_kcal > (1 - FAT_LOSS_DEFICIT) * day.expenditure_kcal + 1:
                yield f"{day.date}: {day.target_kcal:.0f} kcal for {day.expenditure_kcal:.0f} spent"
            fat = profile.body_fat_percent
            if fat is not None and fat >= HIGH_BODY_FAT[profile.sex]:
                lean = mass * (1 - fat / 100)
                most = max(LEAN_MASS_PROTEIN_G_PER_KG_FFM * lean, 1.6 * mass)
                if day.protein_g > most + 1 or day.protein_g < 1.6 * mass - 1:
                    yield f"{day.date}: {day.protein_g:.0f} g protein for {lean:.0f} kg lean mass"
    if goal.kind in {GoalKind.STRENGTH, GoalKind.HYPERTROPHY}:
        for day in case.nutrition:
            if day.target_kcal < day.expenditure_kcal - 1:
                yield f"{day.date}: a {goal.kind.value} day below its expenditure"


def test_fuelling_follows_the_goal() -> None:
    """Two days of carbohydrate loading at 10 g/kg before a half or a marathon, a
    fuelling-up day of 7 g/kg before 5-10 km, a race breakfast 1-4 h before the start and
    30-90 g of carbohydrate an hour in races over 75 min, none in shorter ones (Thomas,
    Erdman & Burke 2016; Jeukendrup 2014); a runner's
    mass stays flat; fat-loss days at least 10 % below expenditure with protein from lean
    mass when body fat is high (Helms et al. 2014); muscle goals never in deficit."""
    _walk(_fuelling)


# --- explanations an athlete understands ---


_WORD = re.compile(r"[A-Za-z]{3,}")


def _plain(line: str) -> bool:
    """A line says something besides rule IDs: four plain words or more."""
    return len(_WORD.findall(RULE_ID.sub("", line))) >= 4


def _explanations(case: Case) -> Iterator[str]:
    for week in case.plan.weeks:
        for note in week.notes:
            if not _plain(note):
                yield f"week {week.index + 1}: note without plain words: {note!r}"
        for session in week.sessions:
            for line in session.explanation:
                if RULE_ID.search(line) and not _plain(line):
                    yield f"week {week.index + 1}: '{session.scheduled.spec.title}': {line!r}"
            prescription = session.prescription
            if isinstance(prescription, RunPrescription):
                said = prescription.notes
                if not any(
                    words in said
                    for words in ("paces from your", "by effort", "goal pace for", "race pace for")
                ):
                    title = session.scheduled.spec.title
                    yield f"week {week.index + 1}: '{title}' hides its paces' source: {said!r}"
    race = case.profile.goal.race
    recent = case.profile.running.recent_race
    if race is None or race.target_time_s is None or recent is None:
        return
    today = running.vdot(distance_m=recent.distance_m, time_s=recent.time_s)
    needed = running.vdot(distance_m=race.distance_m, time_s=race.target_time_s)
    weeks = max(1, (race.date - case.plan.start).days // 7)
    if today >= running.MIN_VDOT and needed > today + VDOT_POINTS_PER_WEEK * weeks:
        cautions = [w for w in case.warnings if w.kind is WarningKind.CAUTION]
        if not any("within reach" in w.planned for w in cautions):
            yield "a target beyond reach gets no plain caution"


def test_explanations_are_plain_and_say_where_paces_come_from() -> None:
    """Every note and every line naming a rule says in plain words what it means; every
    run says which fitness its paces come from; a target far beyond today's fitness gets
    a plain caution (Daniels 2014: about one VDOT point every 4 weeks at best)."""
    _walk(_explanations)
