"""Day-by-day nutrition from the plan: energy, protein, carbohydrate, fat and a serving timeline.

For every day of the plan (GUIDELINES NUT-1..4):

1. **Expenditure** = resting energy (Cunningham with a known body fat, else
   Mifflin-St Jeor; ``programme.baseline.resting_energy``) + daily life outside
   training (resting x (factor - 1), the factor from the profile's
   ``daily_activity``, see ``NON_EXERCISE_FACTOR``) + the net energy of each
   planned session (runs: 1 kcal per kg per km, Margaria 1963; lifts:
   (MET - 1) x kg x hours with the caller's Compendium MET).
2. **Energy target** by goal (NUT-1) with ``science.nutrition.energy_target_kcal``:
   +375 kcal for hypertrophy, +125 kcal for strength, expenditure (balance) for
   race and general fitness, a 0.5 %-of-body-mass-a-week deficit (10-20 % of
   expenditure, at least 10 % on every day) for fat loss, never below resting
   energy.
3. **Protein** (NUT-2) 1.6 g/kg, 1.9 g/kg with one reason for more (an energy
   deficit, or a hard week) and 2.2 g/kg with both; in a deficit with high body
   fat, 2.3 (2.7 in a hard week) g/kg of fat-free mass, held within 1.6-2.2 g/kg
   of body mass (``science.nutrition.lean_mass_protein_target_g_per_day``).
4. **Carbohydrate** (NUT-4): the middle of the Thomas, Erdman & Burke (2016)
   band for the day's training load (``training_load_band``: all planned
   minutes, runs and lifts, with the work steps of runs as the hard part,
   since NUT-4 scales carbohydrate to the running), raised toward the band's
   top when fat would otherwise exceed 35 % of energy; race week has its own
   (``runlift.nutrition.race``: loading, fuelling up, race day).
5. **Fat**: the rest of the energy target, at least 20 % of it. When the
   target cannot hold protein, carbohydrate and the fat floor together, the
   order is: keep protein, keep the fat floor, lower carbohydrate toward the
   bottom of its band, then below it for goals whose target is a ceiling (fat
   loss, race, general fitness), else raise the energy target
   (``runlift.nutrition.macros``; named in ``DayNutrition.gave_way`` and in the
   notes).
6. **Servings** (NUT-3): protein split into equal servings of 20-40 g (about
   0.3 g/kg each), no more than 4 waking hours apart, with one within 2 h after
   every session (never during one) and one before every run that carries
   that run's carbohydrate; see ``runlift.nutrition.timing``.
7. **Expected body mass**: the start mass plus the cumulative balance
   (target - expenditure) at 7700 kcal per kg. Hall (2008) showed the energy
   per kg changes with body composition and that expenditure adapts as mass
   changes, so this static rule overstates long-run changes; it is a trend,
   not a prediction.

Everything is computed from the profile's measured body mass: re-plan after
the mass changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition, FuelDay, Serving
from runlift.domain.plan import Plan, PlanDay, PlanWeek
from runlift.nutrition.macros import day_macros, loading_macros, race_day_macros
from runlift.nutrition.race import (
    RaceCalendar,
    race_calendar,
    race_day_notes,
    race_fuel,
    race_session,
)
from runlift.nutrition.timing import (
    MINUTES_PER_DAY,
    assign_pre_run_servings,
    carbohydrate_split,
    local_time,
    place_servings,
    serving_note,
    timed_carbohydrate_g,
    timed_session,
)
from runlift.programme.baseline import resting_energy
from runlift.science import energy, nutrition
from runlift.science.checks import require_range
from runlift.units import mass_in_unit
from runlift.vocabulary import ActivityLevel, GoalKind

LIFT_MET_COMPENDIUM_CODE: Final = "02054"
"""Compendium code for lifts: resistance training, multiple exercises, 8-15 reps, 3.5 MET.

Chosen over 02050 (6.0 MET, vigorous power lifting or body building) and 02052
(5.0 MET, squats): a planned lift is several exercises with rests of 2-5 min
(LFT-3), and measured costs of whole sessions with rests sit near 3.5 MET
(Ainsworth et al. 2011, Med Sci Sports Exerc 43(8):1575-1581). Callers look
the MET up with ``runlift.reference.compendium.met_for`` and pass it in.
"""


NON_EXERCISE_FACTOR: Final[Mapping[ActivityLevel, float]] = MappingProxyType(
    {
        ActivityLevel.SEDENTARY: 1.40,
        ActivityLevel.LIGHT: 1.55,
        ActivityLevel.ACTIVE: 1.70,
    }
)
"""Physical activity level of the day *without* planned training, as a multiple of resting energy.

From the FAO/WHO/UNU (2004) lifestyle bands: sedentary or light 1.40-1.69,
active or moderately active 1.70-1.99. Their examples of the higher bands
include daily exercise, which runlift counts session by session, so the
factors stay at the lower part: 1.40 for a desk-bound day, 1.55 (the middle
of the sedentary/light band) for a day with some walking, 1.70 for a day on
one's feet. The factor times resting energy is the day's expenditure before
training: resting energy, everyday movement and the thermic effect of food
(about 10 % of expenditure; Westerterp 2004, Nutr Metab 1:5). PAL values are
defined against basal metabolism; runlift applies them to resting energy,
which is a few per cent higher, a difference well inside the bands' width.
"""


MIN_NON_EXERCISE_FACTOR: Final = 1.0
"""A factor of 1 counts resting energy only."""


MAX_NON_EXERCISE_FACTOR: Final = 2.4
"""Top of the FAO/WHO/UNU (2004) vigorous band; higher values are not sustained."""


RULES: Final = ("NUT-1", "NUT-2", "NUT-3", "NUT-4")


def activity_factor(level: ActivityLevel) -> float:
    """The factor for a ``daily_activity`` level (see ``NON_EXERCISE_FACTOR``)."""
    return NON_EXERCISE_FACTOR[ActivityLevel(level)]


def week_load_au(week: PlanWeek) -> float:
    """Session-RPE load of a week: the sum of RPE x minutes over its sessions (Foster 2001)."""
    return sum(s.prescription.rpe * s.prescription.duration_min for s in week.sessions)


def hard_weeks(plan: Plan) -> frozenset[int]:
    """Indices of the plan's hard weeks (NUT-2's "hard block").

    A week is hard when it is not a deload and its session-RPE load is at
    least the mean load of the plan's non-deload weeks: the athlete's own
    heavier weeks, since what is a high load depends on the athlete (Foster
    et al. 2001, J Strength Cond Res 15(1):109-115).
    """
    loads = {w.index: week_load_au(w) for w in plan.weeks if not w.deload}
    positive = [load for load in loads.values() if load > 0]
    if not positive:
        return frozenset()
    mean = sum(positive) / len(positive)
    return frozenset(index for index, load in loads.items() if load > 0 and load >= mean)


FAT_LOSS_MIN_DEFICIT_FRACTION: Final = nutrition.FAT_LOSS_DEFICIT_FRACTION[0]
"""Every fat-loss day eats at least 10 % below its expenditure, hard and long days included.

Only resting energy is lower: the target never falls below it, which happens
only with a daily-life factor under about 1.12 (no profile level has one).
"""


BALANCE_GOALS: Final = frozenset({GoalKind.RACE, GoalKind.GENERAL_FITNESS})
"""Goals whose energy target is expenditure, a ceiling as well as a target (NUT-1 "match").

When protein, the bottom of the carbohydrate band and 20 % fat do not fit into
it, carbohydrate falls below its band (to 130 g at least) rather than energy
rising: otherwise a heavy athlete on a light day would gain weight day after
day through a race build.
"""


def _goal_words(goal: GoalKind) -> str:
    if goal is GoalKind.HYPERTROPHY:
        return "muscle gain: +375 kcal, the middle of a 250-500 kcal surplus (Slater 2019)"
    if goal is GoalKind.FAT_LOSS:
        return (
            "fat loss: a deficit of 5.5 kcal per kg (0.5 % of body mass a week at 7700 kcal/kg), "
            "within 10-20 % of expenditure on every day, hard days included, and never below "
            "resting energy (Helms 2014)"
        )
    if goal is GoalKind.STRENGTH:
        return "strength: +125 kcal, slightly above expenditure for the muscle it builds"
    return (
        f"{goal.value.replace('_', ' ')}: match expenditure, no planned gain or loss of body "
        "mass (NUT-1's maintenance; Thomas 2016)"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Protein:
    grams: float
    fat_free_mass_kg: float | None
    g_per_kg_ffm: float


def _protein(profile: AthleteProfile, *, in_deficit: bool, hard_block: bool) -> _Protein:
    """NUT-2 from body mass, or from fat-free mass in a deficit when body fat is high."""
    mass = profile.mass_kg
    goal = profile.goal.kind
    body_fat = profile.body_fat_percent
    deficit = in_deficit or goal is GoalKind.FAT_LOSS
    if (
        deficit
        and body_fat is not None
        and nutrition.high_body_fat(body_fat_percent=body_fat, sex=profile.sex)
    ):
        return _Protein(
            grams=nutrition.lean_mass_protein_target_g_per_day(
                mass_kg=mass, body_fat_percent=body_fat, hard_block=hard_block
            ),
            fat_free_mass_kg=energy.fat_free_mass_kg(mass_kg=mass, body_fat_percent=body_fat),
            g_per_kg_ffm=nutrition.LEAN_MASS_PROTEIN_TARGET_G_PER_KG_FFM[int(hard_block)],
        )
    grams = nutrition.protein_target_g_per_day(
        mass_kg=mass, goal=goal, in_deficit=in_deficit, hard_block=hard_block
    )
    return _Protein(grams=grams, fat_free_mass_kg=None, g_per_kg_ffm=0.0)


def _protein_note(
    profile: AthleteProfile, basis: _Protein, *, grams: float, reasons: list[str]
) -> str:
    mass = profile.mass_kg
    why = ", ".join(reasons) if reasons else "no reason for more"
    if basis.fat_free_mass_kg is None:
        return (
            f"NUT-2: protein {grams:.0f} g = {grams / mass:.2f} g/kg ({why}; 1.6-2.2 g/kg, "
            "Morton 2018, Jäger 2017)."
        )
    threshold = nutrition.HIGH_BODY_FAT_PERCENT[profile.sex]
    return (
        f"NUT-2: protein {grams:.0f} g = {grams / basis.fat_free_mass_kg:.2f} g/kg of fat-free "
        f"mass ({basis.fat_free_mass_kg:.1f} kg) = {grams / mass:.2f} g/kg of body mass ({why}). "
        f"In a deficit with body fat of {threshold:g} % or more (Gallagher 2000) protein is set "
        f"from fat-free mass, {basis.g_per_kg_ffm:g} g/kg of it (2.3-3.1 g/kg; Helms, Zinn, "
        "Rowlands & Brown 2014), and held within 1.6-2.2 g/kg of body mass (Morton 2018)."
    )


def _fuel_day_notes(
    calendar: RaceCalendar | None, day: date, *, carbohydrate_g: float, mass_kg: float
) -> tuple[str, ...]:
    if calendar is None or day not in calendar.before:
        return ()
    race = calendar.race.scheduled
    prep = calendar.preparation
    what = f"'{race.spec.title}' on {calendar.race_date:%a %d %b}"
    per_kg = carbohydrate_g / mass_kg
    if prep.loading:
        return (
            f"NUT-4: carbohydrate loading, day {calendar.before[day]} of {prep.days} before "
            f"{what}: {carbohydrate_g:.0f} g = {per_kg:.1f} g/kg (10-12 g/kg for the 36-48 h "
            "before a race over 90 min, Thomas, Erdman & Burke 2016; 10 g/kg filled glycogen "
            "in a day, Bussau 2002). Low-fibre, low-fat starches, sugars and drinks make it "
            "easier to eat.",
        )
    return (
        f"NUT-4: fuelling up the day before {what}: {carbohydrate_g:.0f} g = {per_kg:.1f} g/kg "
        "(7-12 g/kg in the 24 h before a race under 90 min, Thomas 2016); no loading, since a "
        "race this short ends before glycogen runs low.",
    )


def _day(
    day: PlanDay,
    *,
    profile: AthleteProfile,
    zone: ZoneInfo,
    lift_met: float,
    factor: float,
    hard_block: bool,
    start_mass_kg: float,
    balance_kcal: float,
    calendar: RaceCalendar | None,
) -> DayNutrition:
    mass = profile.mass_kg
    goal = profile.goal.kind
    fuel_day = FuelDay.TRAINING if calendar is None else calendar.fuel_day(day.date)
    resting, equation = resting_energy(profile, on=day.date)
    non_exercise = resting * (factor - 1)
    wake = profile.day.wake.hour * 60 + profile.day.wake.minute
    sleep = profile.day.sleep.hour * 60 + profile.day.sleep.minute
    if sleep <= wake:
        sleep += MINUTES_PER_DAY
    sessions = sorted(
        (
            timed_session(s, zone=zone, day=day.date, mass_kg=mass, lift_met=lift_met)
            for s in day.sessions
        ),
        key=lambda s: (s.start, s.end),
    )
    if fuel_day is FuelDay.RACE and calendar is not None:
        race_id = calendar.race.scheduled.spec.id
        sessions = [race_session(s, wake=wake) if s.id == race_id else s for s in sessions]
    race_timed = next((s for s in sessions if s.meal_lead_min is not None), None)
    race = None if race_timed is None else race_fuel(race_timed, mass_kg=mass)
    in_race_g = 0.0 if race is None or race.in_race is None else race.in_race.carbohydrate_g
    training = sum(s.energy.kcal for s in sessions)
    expenditure = resting + non_exercise + training
    first_target = nutrition.energy_target_kcal(
        expenditure_kcal=expenditure, resting_kcal=resting, goal=goal, mass_kg=mass
    )
    in_deficit = first_target < expenditure
    basis = _protein(profile, in_deficit=in_deficit, hard_block=hard_block)
    training_min = sum(s.energy.duration_min for s in sessions)
    hard_min = sum(s.energy.hard_min for s in sessions)
    band = nutrition.training_load_band(training_min=training_min, hard_min=hard_min)
    band_low, band_high = nutrition.carbohydrate_band_g_per_kg(band=band)

    timeline = place_servings(sessions, wake=wake, sleep=sleep, protein_g=basis.grams, mass_kg=mass)
    protein = timeline.protein_g
    role_notes = assign_pre_run_servings(timeline.slots, sessions)
    band_g = (band_low * mass, band_high * mass)
    if fuel_day is FuelDay.LOADING and calendar is not None:
        macros = loading_macros(
            target_kcal=first_target,
            protein_g=protein,
            carbohydrate_g=calendar.preparation.target_g_per_kg * mass,
        )
    elif race is not None:
        macros = race_day_macros(
            target_kcal=expenditure,
            protein_g=protein,
            carbohydrate_range_g=band_g,
            carbohydrate_min_g=timed_carbohydrate_g(timeline.slots, mass_kg=mass) + in_race_g,
        )
    else:
        minimum = 0.0
        if fuel_day is FuelDay.FUELLING_UP and calendar is not None:
            minimum = calendar.preparation.target_g_per_kg * mass
        ceiling = None
        if goal is GoalKind.FAT_LOSS:
            ceiling = max(expenditure * (1 - FAT_LOSS_MIN_DEFICIT_FRACTION), resting)
        elif goal in BALANCE_GOALS and fuel_day is FuelDay.TRAINING:
            ceiling = first_target
        macros = day_macros(
            target_kcal=first_target,
            protein_g=protein,
            carbohydrate_range_g=band_g,
            carbohydrate_min_g=minimum,
            energy_ceiling_kcal=ceiling,
        )
    carbs = carbohydrate_split(
        timeline.slots, carbohydrate_g=macros.carbohydrate_g - in_race_g, mass_kg=mass
    )
    per_serving = protein / len(timeline.slots)
    servings = tuple(
        Serving(
            at=local_time(slot.at),
            protein_g=per_serving,
            carbohydrate_g=grams,
            note=serving_note(slot),
            after_session=slot.after[-1].id if slot.after else None,
            before_session=slot.before[0].id if slot.before else None,
        )
        for slot, grams in zip(timeline.slots, carbs, strict=True)
    )
    target = macros.target_kcal
    expected = (
        start_mass_kg
        + (balance_kcal + target - expenditure) / nutrition.KCAL_PER_KG_BODY_MASS_CHANGE
    )
    reasons = [
        "hard week" if hard_block else "",
        "energy deficit" if in_deficit or goal is GoalKind.FAT_LOSS else "",
    ]
    reasons = [r for r in reasons if r]
    session_words = (
        "; ".join(f"'{s.title}' {s.energy.kcal:.0f}" for s in sessions) if sessions else "rest day"
    )
    notes = (
        f"NUT-1: expenditure {expenditure:.0f} kcal = resting {resting:.0f} "
        f"({equation.replace('_', '-')}) + daily life {non_exercise:.0f} "
        f"(x{factor:.2f}, FAO/WHO/UNU 2004) + training {training:.0f} ({session_words}; "
        "runs 1 kcal/kg/km, Margaria 1963; lifts (MET - 1) x kg x h, Ainsworth 2011).",
        f"NUT-1: target {first_target:.0f} kcal for {_goal_words(goal)}.",
        _protein_note(profile, basis, grams=protein, reasons=reasons),
        f"NUT-3: {len(servings)} servings of {per_serving:.0f} g, one within 2 h after every "
        "session (Schoenfeld & Aragon 2018).",
        f"NUT-4: {training_min:.0f} training min ({hard_min:.0f} hard: work intervals and "
        f"race-pace running only) is a {band.value} load: {band_low:g}-{band_high:g} g/kg; "
        f"carbohydrate {macros.carbohydrate_g:.0f} g = {macros.carbohydrate_g / mass:.1f} g/kg "
        "(Thomas, Erdman & Burke 2016).",
        *_fuel_day_notes(calendar, day.date, carbohydrate_g=macros.carbohydrate_g, mass_kg=mass),
        *(() if race is None else race_day_notes(race, wake=wake)),
        f"Fat: {macros.fat_g:.0f} g = {100 * macros.fat_g * 9 / target:.0f} % of energy, "
        "the rest of the target, at least 20 % (Thomas 2016).",
        *macros.notes,
        *timeline.notes,
        *role_notes,
        f"NUT-1: expected body mass {mass_in_unit(expected, profile.units):.1f} "
        f"{profile.units}: start mass + cumulative balance at "
        "7700 kcal/kg; a trend only, real change is smaller as expenditure adapts (Hall 2008).",
    )
    return DayNutrition(
        date=day.date,
        resting_kcal=resting,
        non_exercise_kcal=non_exercise,
        training_kcal=training,
        expenditure_kcal=expenditure,
        target_kcal=target,
        protein_g=protein,
        carbohydrate_g=macros.carbohydrate_g,
        fat_g=macros.fat_g,
        load_band=band.value,
        servings=servings,
        rules=RULES,
        notes=notes,
        expected_mass_kg=expected,
        mass_kg=mass,
        resting_equation=equation,
        non_exercise_factor=factor,
        training=tuple(s.energy for s in sessions),
        training_min=training_min,
        hard_min=hard_min,
        hard_block=hard_block,
        carbohydrate_band_g_per_kg=(band_low, band_high),
        gave_way=(*macros.gave_way, *timeline.gave_way),
        fuel_day=fuel_day,
        race=race,
    )


def plan_nutrition(
    plan: Plan,
    profile: AthleteProfile,
    *,
    lift_met: float,
    non_exercise_factor: float | None = None,
) -> tuple[DayNutrition, ...]:
    """Energy, macronutrient targets and a serving timeline for every day of the plan.

    Args:
        plan: the plan (``build_plan``).
        profile: the athlete it was built for.
        lift_met: Compendium MET for the lifting sessions (see ``LIFT_MET_COMPENDIUM_CODE``).
        non_exercise_factor: multiple of resting energy spent outside training,
            1.0-2.4; defaults to the profile's ``daily_activity`` (``NON_EXERCISE_FACTOR``).

    Returns:
        One ``DayNutrition`` per plan day, in date order.

    Raises:
        InvalidInput: ``lift_met`` outside 1-25 or the factor outside 1.0-2.4, or a
            profile value outside a science function's range.
    """
    require_range("lift_met", lift_met, energy.RESTING_MET, energy.MAX_MET)
    factor = (
        activity_factor(profile.daily_activity)
        if non_exercise_factor is None
        else require_range(
            "non_exercise_factor",
            non_exercise_factor,
            MIN_NON_EXERCISE_FACTOR,
            MAX_NON_EXERCISE_FACTOR,
        )
    )
    zone = ZoneInfo(profile.timezone)
    hard = hard_weeks(plan)
    calendar = race_calendar(plan, profile)
    days: list[DayNutrition] = []
    balance = 0.0
    for week in plan.weeks:
        for day in week.days:
            result = _day(
                day,
                profile=profile,
                zone=zone,
                lift_met=lift_met,
                factor=factor,
                hard_block=week.index in hard,
                start_mass_kg=profile.mass_kg,
                balance_kcal=balance,
                calendar=calendar,
            )
            balance += result.target_kcal - result.expenditure_kcal
            days.append(result)
    return tuple(sorted(days, key=lambda d: d.date))
