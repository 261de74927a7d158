"""The athlete profile: body, goal, dates, weekly availability, running and lifting background."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Final

from runlift.domain.records import check_race_time
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.units import format_duration
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

MIN_AGE_YEARS: Final = 18
"""The youngest athlete runlift plans for: an adult.

Supervised resistance training is safe and useful for children and adolescents (Faigenbaum
AD et al. J Strength Cond Res. 2009;23(5 Suppl):S60-S79, the NSCA position statement;
Lloyd RS et al. Br J Sports Med. 2014;48(7):498-505, the international consensus;
Faigenbaum AD et al. Br J Sports Med. 2016;50(1):3-7), but all three ask for a programme
designed for the young athlete's maturity and supervised by a qualified coach. runlift's
programme is an adult's (loads of 70-85 % 1RM, adult race paces) and so are its energy
equations (Mifflin-St Jeor was derived in adults aged 19-78; ``runlift.science.energy``
takes 18 to 100), including a deficit for fat loss that a growing athlete should not be
given. So under 18 a profile is refused, with the reason, whether or not it gives a body
fat (which would switch to an equation without age), rather than planned with a caution.
"""

MAX_AGE_YEARS: Final = 100
"""The oldest athlete runlift plans for (the energy equations take ages up to 100)."""


def age_on(birth_date: date, day: date) -> int:
    """Age in whole years on ``day``."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def check_age(birth_date: date, *, on: date, field: str = "birth_date") -> int:
    """The athlete's age on ``on``: 18 to 100, or refused with the reason.

    Raises:
        InvalidInput: naming ``field``, the age the date gives and why it is refused.
    """
    age = age_on(birth_date, on)
    ages = f"runlift plans for athletes aged {MIN_AGE_YEARS} to {MAX_AGE_YEARS}"
    if birth_date > on:
        reason = f"this birth date is in the future; {ages}"
    elif age < MIN_AGE_YEARS:
        reason = (
            f"this birth date makes you {age} on {on.isoformat()}; {ages}: a young athlete "
            "lifts best on a programme a qualified coach designs and supervises for them "
            "(Faigenbaum et al. 2009; Lloyd et al. 2014)"
        )
    elif age > MAX_AGE_YEARS:
        reason = f"this birth date makes you {age} on {on.isoformat()}; {ages}"
    else:
        return age
    raise InvalidInput(field, birth_date.isoformat(), reason)


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

    def __post_init__(self) -> None:
        """Check what no single field can: the age at the start, and race times by the record.

        One age check serves every path (with or without ``body_fat_percent``, whichever
        energy equation is used later), and a race time faster than the world record for
        its distance is refused here, whoever built the profile.
        """
        check_age(self.birth_date, on=self.start_date)
        race = self.goal.race
        if race is not None and race.target_time_s is not None:
            check_race_time(
                time_s=race.target_time_s,
                distance_m=race.distance_m,
                field="goal.race.target_time",
                written=format_duration(race.target_time_s),
                sex=self.sex,
            )
        recent = self.running.recent_race
        if recent is not None:
            check_race_time(
                time_s=recent.time_s,
                distance_m=recent.distance_m,
                field="running.recent_race.time",
                written=format_duration(recent.time_s),
                sex=self.sex,
            )

    def age_years(self, *, on: date) -> float:
        """Age in whole years on a given date."""
        return float(age_on(self.birth_date, on))

    @property
    def available_hours_per_week(self) -> float:
        """Sum of the availability windows, in hours."""
        return sum(w.length_min for windows in self.availability.values() for w in windows) / 60
