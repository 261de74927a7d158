"""What an athlete can do today, from the profile: VDOT, paces, 1RMs and resting energy.

The starting point of every plan, and the numbers ``runlift demo`` prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from runlift.domain.athlete import AthleteProfile, LiftRecord
from runlift.errors import InvalidInput
from runlift.science import energy, running, strength
from runlift.vocabulary import MassUnit


@dataclass(frozen=True, slots=True, kw_only=True)
class Baseline:
    """The athlete's current numbers.

    Attributes:
        vdot: from the recent race, or None without one.
        paces: Daniels training paces at that VDOT, or None.
        one_rep_max_kg: estimated 1RM per lift slug.
        resting_kcal_per_day: Cunningham when body fat is known, else Mifflin-St Jeor.
        resting_equation: which equation gave ``resting_kcal_per_day``.
        predicted_race_s: the goal race's time at today's VDOT, when both exist.
        load_unit: the unit the athlete's plates and dumbbells are counted in (the
            profile's ``units``): prescribed loads are rounded to its plate steps.
    """

    vdot: float | None
    paces: running.TrainingPaces | None
    one_rep_max_kg: Mapping[str, float]
    resting_kcal_per_day: float
    resting_equation: str
    predicted_race_s: float | None = None
    load_unit: MassUnit = MassUnit.KG


def one_rep_max_from_record_kg(record: LiftRecord, *, lift: str) -> float:
    """A lift's 1RM: as given, from an RPE set via the RPE chart, or by the default equation."""
    if record.one_rep_max_kg is not None:
        return record.one_rep_max_kg
    if record.weight_kg is None or record.reps is None:
        raise InvalidInput(f"lifting.maxes.{lift}", record, "give one_rep_max_kg or weight_kg+reps")
    if record.rpe is not None:
        return strength.one_rep_max_from_rpe_set_kg(
            weight_kg=record.weight_kg, reps=record.reps, rpe=record.rpe
        )
    return strength.one_rep_max_kg(weight_kg=record.weight_kg, reps=record.reps)


def resting_energy(profile: AthleteProfile, *, on: date) -> tuple[float, str]:
    """Resting energy in kcal/day and the equation used (Cunningham needs body fat)."""
    if profile.body_fat_percent is not None:
        fat_free = energy.fat_free_mass_kg(
            mass_kg=profile.mass_kg, body_fat_percent=profile.body_fat_percent
        )
        return energy.cunningham_kcal_per_day(fat_free_mass_kg=fat_free), "cunningham"
    value = energy.mifflin_st_jeor_kcal_per_day(
        mass_kg=profile.mass_kg,
        height_cm=profile.height_cm,
        age_years=profile.age_years(on=on),
        sex=profile.sex,
    )
    return value, "mifflin_st_jeor"


def baseline(profile: AthleteProfile) -> Baseline:
    """Compute the athlete's current numbers as of the plan's start date."""
    race = profile.running.recent_race
    vdot = None if race is None else running.vdot(distance_m=race.distance_m, time_s=race.time_s)
    if vdot is not None and not running.MIN_VDOT <= vdot <= running.MAX_VDOT:
        # Outside Daniels' tables: runs are prescribed by effort rather than by pace.
        vdot = None
    kcal, equation = resting_energy(profile, on=profile.start_date)
    goal_race = profile.goal.race
    predicted = None
    if vdot is not None and goal_race is not None:
        predicted = running.race_time_s(vdot=vdot, distance_m=goal_race.distance_m)
    return Baseline(
        vdot=vdot,
        predicted_race_s=predicted,
        paces=None if vdot is None else running.training_paces(vdot=vdot),
        one_rep_max_kg={
            lift: one_rep_max_from_record_kg(record, lift=lift)
            for lift, record in sorted(profile.lifting.maxes.items())
        },
        resting_kcal_per_day=kcal,
        resting_equation=equation,
        load_unit=profile.units,
    )
