"""The goal race in the daily nutrition: the days before it, its breakfast and its fuel (NUT-4).

``race_calendar`` finds the goal race in a plan and names the days before it:
two carbohydrate-loading days before a half marathon or longer, one
fuelling-up day before a shorter race (``science.fuelling.pre_race_carbohydrate``).
On race day ``race_session`` gives the race its breakfast, 1 g/kg of
carbohydrate for each hour before the start (3 h before a race of over
75 min, 2 h before a shorter one, never more than an hour before the usual
waking time), and ``race_fuel`` adds the carbohydrate and fluid to take
during a race of over 75 min (Jeukendrup 2014; Thomas, Erdman & Burke 2016;
Sawka et al. 2007).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import FuelDay, InRaceFuel, RaceFuel
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.nutrition.timing import TimedSession, local_time
from runlift.science import fuelling
from runlift.vocabulary import GoalKind, RunKind

EARLIEST_MEAL_BEFORE_WAKE_MIN: Final = 60
"""On race morning the breakfast may come up to an hour before the usual waking time."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RaceCalendar:
    """The goal race of a plan and the days that prepare for it.

    Attributes:
        race: the race session.
        race_date: its local date.
        distance_m: the goal race's distance, m.
        preparation: the carbohydrate for the days before it.
        before: each preparation day in the plan, with its number (1 = the first).
    """

    race: PlannedSession
    race_date: date
    distance_m: float
    preparation: fuelling.PreRaceCarbohydrate
    before: Mapping[date, int]

    def fuel_day(self, day: date) -> FuelDay:
        """What ``day``'s carbohydrate is for."""
        if day == self.race_date:
            return FuelDay.RACE
        if day in self.before:
            return FuelDay.LOADING if self.preparation.loading else FuelDay.FUELLING_UP
        return FuelDay.TRAINING


def race_calendar(plan: Plan, profile: AthleteProfile) -> RaceCalendar | None:
    """The goal race in ``plan`` and its preparation days, or None without a race goal or session.

    The race is the run of kind ``race`` on the goal's date (the last one in
    the plan if none is on that date).
    """
    goal = profile.goal
    if goal.kind is not GoalKind.RACE or goal.race is None:
        return None
    zone = ZoneInfo(profile.timezone)
    races = [
        (session.scheduled.start.astimezone(zone).date(), session)
        for week in plan.weeks
        for session in week.sessions
        if isinstance(session.prescription, RunPrescription)
        and session.prescription.kind is RunKind.RACE
    ]
    if not races:
        return None
    on_date = [pair for pair in races if pair[0] == goal.race.date]
    race_date, race = (on_date or races)[-1]
    preparation = fuelling.pre_race_carbohydrate(race_distance_m=goal.race.distance_m)
    plan_dates = {day.date for week in plan.weeks for day in week.days}
    days = [race_date - timedelta(days=n) for n in range(preparation.days, 0, -1)]
    before = {day: number for number, day in enumerate(days, start=1) if day in plan_dates}
    return RaceCalendar(
        race=race,
        race_date=race_date,
        distance_m=goal.race.distance_m,
        preparation=preparation,
        before=MappingProxyType(before),
    )


def race_session(session: TimedSession, *, wake: int) -> TimedSession:
    """The race with its breakfast: the lead that ``pre_race_meal_lead_min`` asks for, if it fits.

    The breakfast goes 3 h (races over 75 min) or 2 h before the start, but
    not more than an hour before the usual waking time, and at least an hour
    before the start; its carbohydrate is 1 g/kg per hour of lead.
    """
    lead = int(fuelling.pre_race_meal_lead_min(race_duration_min=session.energy.duration_min))
    shortest = int(fuelling.PRE_RACE_MEAL_LEAD_MIN[0])
    at = min(
        max(session.start - lead, wake - EARLIEST_MEAL_BEFORE_WAKE_MIN), session.start - shortest
    )
    lead = session.start - at
    return dataclasses.replace(
        session,
        meal_lead_min=lead,
        meal_g_per_kg=fuelling.pre_race_meal_g_per_kg(lead_min=lead),
    )


def in_race_fuel(session: TimedSession) -> InRaceFuel | None:
    """Carbohydrate and fluid during the race, or None for a race of 75 min or less."""
    duration = session.energy.duration_min
    advice = fuelling.in_race_carbohydrate(race_duration_min=duration)
    if advice is None:
        return None
    total = advice.target_g_per_h * duration / 60
    low_ml, high_ml = fuelling.IN_RACE_FLUID_ML_PER_H
    mixed = (
        f"; up to {advice.high_g_per_h:.0f} g/h only with glucose-fructose products "
        "practised in long runs (Jeukendrup 2017)"
        if advice.multiple_transportable
        else ""
    )
    return InRaceFuel(
        carbohydrate_g_per_h=advice.target_g_per_h,
        carbohydrate_range_g_per_h=(advice.low_g_per_h, advice.high_g_per_h),
        carbohydrate_g=total,
        multiple_transportable=advice.multiple_transportable,
        fluid_ml_per_h=(low_ml, high_ml),
        note=(
            f"NUT-4: during '{session.title}' take {advice.target_g_per_h:.0f} g of "
            f"carbohydrate an hour, {total:.0f} g in all, spread over the race (gels, sports "
            f"drink); {advice.low_g_per_h:.0f}-{advice.high_g_per_h:.0f} g/h suits a race of "
            f"{duration // 60:.0f} h {duration % 60:02.0f} min (Jeukendrup 2014; Thomas 2016)"
            f"{mixed}. Drink about {low_ml:.0f}-{high_ml:.0f} ml an hour, more when hot and "
            "sweaty, without gaining weight (Sawka 2007)."
        ),
    )


def race_fuel(session: TimedSession, *, mass_kg: float) -> RaceFuel:
    """The race day's ``RaceFuel`` for a race prepared by ``race_session``."""
    lead = session.meal_lead_min if session.meal_lead_min is not None else 0
    energy = session.energy
    return RaceFuel(
        session=session.id,
        title=session.title,
        distance_km=energy.distance_km or 0.0,
        start=local_time(session.start),
        end=local_time(session.end),
        duration_min=energy.duration_min,
        breakfast_at=local_time(session.start - lead),
        breakfast_lead_min=float(lead),
        breakfast_carbohydrate_g=session.meal_g_per_kg * mass_kg,
        breakfast_carbohydrate_g_per_kg=session.meal_g_per_kg,
        in_race=in_race_fuel(session),
    )


def race_day_notes(fuel: RaceFuel, *, wake: int) -> tuple[str, ...]:
    """What the race day's plan says in words, with its rules and sources."""
    at = fuel.breakfast_at
    notes = [
        f"NUT-4: race day. Breakfast at {at:%H:%M}, {fuel.breakfast_lead_min / 60:.1f} h "
        f"before the {fuel.start:%H:%M} start: {fuel.breakfast_carbohydrate_g:.0f} g of "
        f"carbohydrate ({fuel.breakfast_carbohydrate_g_per_kg:.1f} g/kg; 1-4 g/kg 1-4 h "
        "before, Thomas 2016), familiar, low in fat and fibre.",
    ]
    breakfast = at.hour * 60 + at.minute
    if breakfast < wake:
        notes.append(
            f"NUT-4: get up by {at:%H:%M} on race morning to eat before the start "
            "(Thomas 2016: 1-4 h before)."
        )
    if fuel.in_race is None:
        notes.append(
            f"NUT-4: '{fuel.title}' takes {fuel.duration_min:.0f} min: no carbohydrate is "
            "needed during it (up to 75 min; Jeukendrup 2014), a sports-drink mouth rinse is "
            "optional."
        )
    else:
        notes.append(fuel.in_race.note)
    return tuple(notes)
