"""The athlete profile: body, goal, dates, weekly availability, running and lifting background."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.vocabulary import (
    ActivityLevel,
    EvidenceProfile,
    Experience,
    GoalKind,
    LiftingStyle,
    MassUnit,
    Priority,
    Sex,
    Weekday,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RaceResult:
    """A race (or time trial) the athlete has run."""

    distance_m: float
    time_s: float
    date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RaceGoal:
    """A dated race and an optional target time."""

    distance_m: float
    date: date
    target_time_s: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Goal:
    """What the plan is for: a race goal carries its race; others ``weeks`` or a test ``date``."""

    kind: GoalKind
    priority: Priority
    race: RaceGoal | None = None
    weeks: int | None = None
    date: date | None = None

    def __post_init__(self) -> None:
        if self.kind is GoalKind.RACE and self.race is None:
            raise InvalidInput("goal.race", None, "a race goal needs race: {distance, date}")


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftRecord:
    """What the athlete can lift: a known 1RM, or a recent set (weight x reps, maybe at an RPE)."""

    weight_kg: float | None = None
    reps: int | None = None
    rpe: float | None = None
    one_rep_max_kg: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RunningBackground:
    """Current running volume and a recent race."""

    weekly_km: float
    recent_race: RaceResult | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftingBackground:
    """Lifting experience, planned frequency, maxima and equipment."""

    experience: Experience
    sessions_per_week: int
    maxes: Mapping[str, LiftRecord] = field(default_factory=dict)
    equipment: frozenset[str] = field(default_factory=frozenset)
    style: LiftingStyle = LiftingStyle.FULL


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRhythm:
    """When the athlete wakes and sleeps (local time)."""

    wake: time
    sleep: time


@dataclass(frozen=True, slots=True, kw_only=True)
class AthleteProfile:
    """Everything runlift knows about one athlete.

    ``daily_activity`` describes the day outside planned training (it sets the
    non-exercise part of energy expenditure); ``units`` is how body mass is shown.
    """

    name: str
    sex: Sex
    birth_date: date
    height_cm: float
    mass_kg: float
    timezone: str
    start_date: date
    goal: Goal
    running: RunningBackground
    lifting: LiftingBackground
    availability: Mapping[Weekday, tuple[TimeWindow, ...]]
    body_fat_percent: float | None = None
    rest_days_min: int = 1
    day: DayRhythm = field(default_factory=lambda: DayRhythm(wake=time(7), sleep=time(23)))
    evidence_profile: EvidenceProfile = EvidenceProfile.DEFAULT
    daily_activity: ActivityLevel = ActivityLevel.LIGHT
    units: MassUnit = MassUnit.KG

    def age_years(self, *, on: date) -> float:
        """Age in whole years on a given date."""
        years = on.year - self.birth_date.year
        if (on.month, on.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return float(years)

    @property
    def available_hours_per_week(self) -> float:
        """Sum of the availability windows, in hours."""
        return sum(w.length_min for windows in self.availability.values() for w in windows) / 60
