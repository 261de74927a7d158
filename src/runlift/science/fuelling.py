"""Race fuelling: carbohydrate before a race, the pre-race meal, carbohydrate and fluid during it.

Every function here turns a race's distance or duration into grams, hours or
millilitres. Deciding which calendar day is a loading day, and when the race
breakfast fits into the athlete's morning, belongs to the planner
(``runlift.nutrition``).

- Before the race: ``pre_race_carbohydrate`` (carbohydrate loading for a half
  marathon or longer, fuelling up for shorter races).
- Race morning: ``pre_race_meal_lead_min`` and ``pre_race_meal_g_per_kg``.
- During the race: ``in_race_carbohydrate`` and ``IN_RACE_FLUID_ML_PER_H``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from runlift.science.checks import require_range

MIN_RACE_DISTANCE_M: Final = 400.0
"""Shortest race accepted: one lap of a track."""
MAX_RACE_DISTANCE_M: Final = 250_000.0
"""Longest race accepted: a long one-day ultramarathon."""
MIN_RACE_DURATION_MIN: Final = 1.0
MAX_RACE_DURATION_MIN: Final = 24 * 60.0

HALF_MARATHON_M: Final = 21097.5
"""From this distance on, runlift plans carbohydrate loading (see ``pre_race_carbohydrate``)."""

LOADING_G_PER_KG: Final = (10.0, 12.0)
"""Carbohydrate loading: 10-12 g/kg/day for 36-48 h before events over 90 min (Thomas 2016)."""
LOADING_TARGET_G_PER_KG: Final = 10.0
"""The loading target: the range's bottom, which filled muscle glycogen in one day (Bussau 2002)."""
LOADING_DAYS: Final = 2
"""Loading days before the race: two calendar days, the 36-48 h the position stand names."""

FUELLING_UP_G_PER_KG: Final = (7.0, 12.0)
"""Fuelling up: 7-12 g/kg in the 24 h before events under 90 min (Thomas 2016)."""
FUELLING_UP_TARGET_G_PER_KG: Final = 7.0
"""The fuelling-up target: the range's bottom, a high-carbohydrate day without loading."""
FUELLING_UP_DAYS: Final = 1

PRE_RACE_MEAL_G_PER_KG: Final = (1.0, 4.0)
"""Carbohydrate in the pre-race meal: 1-4 g/kg (Thomas 2016)."""
PRE_RACE_MEAL_LEAD_MIN: Final = (60.0, 240.0)
"""When: 1-4 h before the start (Thomas 2016)."""
PRE_RACE_MEAL_G_PER_KG_PER_H: Final = 1.0
"""runlift pairs the two ranges: 1 g/kg for each hour between the meal and the start."""
LONG_RACE_MEAL_LEAD_MIN: Final = 180.0
"""Before a race with in-race fuel: 3 h, time to digest a larger meal."""
SHORT_RACE_MEAL_LEAD_MIN: Final = 120.0
"""Before a shorter race: 2 h, a smaller meal."""

IN_RACE_FUEL_MIN_DURATION_MIN: Final = 75.0
"""Races up to 75 min need no carbohydrate during them (Jeukendrup 2014; Thomas 2016)."""
IN_RACE_MODERATE_MAX_DURATION_MIN: Final = 120.0
"""Up to 2 h: 30 g/h (Jeukendrup 2014: 1-2 h, up to 30 g/h)."""
IN_RACE_LONG_MAX_DURATION_MIN: Final = 150.0
"""Up to 2.5 h: 60 g/h (Jeukendrup 2014: 2-3 h, up to 60 g/h); beyond, up to 90 g/h."""
IN_RACE_SINGLE_SUGAR_MAX_G_PER_H: Final = 60.0
"""Glucose alone is absorbed at about 60 g/h; more needs glucose with fructose (Jeukendrup 2014)."""

IN_RACE_FLUID_ML_PER_H: Final = (400.0, 800.0)
"""Fluid during a race, a starting point to adjust to sweat rate and weather.

Sawka et al. (2007, ACSM position stand on exercise and fluid replacement, Med
Sci Sports Exerc 39(2):377-390) suggest marathon runners start from 0.4-0.8 L/h,
more for faster, heavier runners in the heat, less for slower, lighter ones in
the cool, so as not to lose more than 2 % of body mass nor gain any.
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class PreRaceCarbohydrate:
    """Carbohydrate for the days before a race.

    Attributes:
        loading: carbohydrate loading (half marathon or longer), else fuelling up.
        days: calendar days before the race that get it.
        low_g_per_kg: bottom of the range, g per kg of body mass per day.
        high_g_per_kg: top of the range.
        target_g_per_kg: what runlift plans, g per kg per day.
    """

    loading: bool
    days: int
    low_g_per_kg: float
    high_g_per_kg: float
    target_g_per_kg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class InRaceCarbohydrate:
    """Carbohydrate to take during a race.

    Attributes:
        low_g_per_h: bottom of the advised range, g per hour.
        high_g_per_h: top of the advised range, g per hour.
        target_g_per_h: what runlift plans, g per hour.
        multiple_transportable: the range's top needs glucose with fructose.
    """

    low_g_per_h: float
    high_g_per_h: float
    target_g_per_h: float
    multiple_transportable: bool


def pre_race_carbohydrate(*, race_distance_m: float) -> PreRaceCarbohydrate:
    """Carbohydrate for the days before a race: loading for a half marathon or longer.

    - half marathon (21.1 km) or longer: carbohydrate loading, 10-12 g/kg/day on
      the two days before (36-48 h), planned at 10 g/kg;
    - shorter: fuelling up, 7-12 g/kg on the day before, planned at 7 g/kg.

    The position stand keys loading on events over 90 min; runlift keys it on
    the distance, since a half marathon takes nearly every runner who plans with
    it over 90 min, and 5-10 km races are over well before glycogen runs low.
    Bussau et al. (2002) filled muscle glycogen with 10 g/kg of carbohydrate in
    a single day, so the range's bottom is enough. Valid for races of 400 m to
    250 km.

    Args:
        race_distance_m: the race's distance, m.

    Returns:
        The ``PreRaceCarbohydrate`` to plan.

    Raises:
        InvalidInput: the distance is outside 400 m-250 km.

    Source:
        Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine
        Joint Position Statement. Nutrition and Athletic Performance. Med Sci
        Sports Exerc. 2016;48(3):543-568 (fuelling up 7-12 g/kg per 24 h;
        carbohydrate loading 10-12 g/kg per 24 h for 36-48 h). Burke LM,
        Hawley JA, Wong SH, Jeukendrup AE. Carbohydrates for training and
        competition. J Sports Sci. 2011;29(Suppl 1):S17-S27. Bussau VA,
        Fairchild TJ, Rao A, Steele P, Fournier PA. Carbohydrate loading in
        human muscle: an improved 1 day protocol. Eur J Appl Physiol.
        2002;87(3):290-295.

    Examples:
        >>> pre_race_carbohydrate(race_distance_m=42195).target_g_per_kg
        10.0
        >>> pre_race_carbohydrate(race_distance_m=10000).loading
        False
    """
    require_range("race_distance_m", race_distance_m, MIN_RACE_DISTANCE_M, MAX_RACE_DISTANCE_M)
    if race_distance_m >= HALF_MARATHON_M:
        low, high = LOADING_G_PER_KG
        return PreRaceCarbohydrate(
            loading=True,
            days=LOADING_DAYS,
            low_g_per_kg=low,
            high_g_per_kg=high,
            target_g_per_kg=LOADING_TARGET_G_PER_KG,
        )
    low, high = FUELLING_UP_G_PER_KG
    return PreRaceCarbohydrate(
        loading=False,
        days=FUELLING_UP_DAYS,
        low_g_per_kg=low,
        high_g_per_kg=high,
        target_g_per_kg=FUELLING_UP_TARGET_G_PER_KG,
    )


def pre_race_meal_lead_min(*, race_duration_min: float) -> float:
    """How long before the start to eat the pre-race meal: 3 h before a long race, 2 h otherwise.

    A race that needs carbohydrate during it (over 75 min, see
    ``in_race_carbohydrate``) gets a larger meal 3 h before; a shorter race a
    smaller one 2 h before. Both sit inside the position stand's 1-4 h. Valid
    for races of 1-1440 min.

    Args:
        race_duration_min: the race's planned duration, minutes.

    Returns:
        Minutes between the meal and the start.

    Raises:
        InvalidInput: the duration is outside 1-1440 min.

    Source:
        Thomas DT, Erdman KA, Burke LM. Med Sci Sports Exerc.
        2016;48(3):543-568 (pre-event fuelling: 1-4 g/kg consumed 1-4 h
        before). Burke LM, et al. J Sports Sci. 2011;29(Suppl 1):S17-S27.

    Examples:
        >>> pre_race_meal_lead_min(race_duration_min=195)
        180.0
        >>> pre_race_meal_lead_min(race_duration_min=25)
        120.0
    """
    require_range(
        "race_duration_min", race_duration_min, MIN_RACE_DURATION_MIN, MAX_RACE_DURATION_MIN
    )
    if race_duration_min > IN_RACE_FUEL_MIN_DURATION_MIN:
        return LONG_RACE_MEAL_LEAD_MIN
    return SHORT_RACE_MEAL_LEAD_MIN


def pre_race_meal_g_per_kg(*, lead_min: float) -> float:
    """Carbohydrate in the pre-race meal: 1 g/kg for each hour before the start.

    g/kg = lead / 60, for a lead of 60-240 min, so 1-4 g/kg eaten 1-4 h before.

    The position stand gives both ranges, 1-4 g/kg and 1-4 h; runlift pairs
    them so that a meal closer to the start is smaller and has time to empty
    from the stomach.

    Args:
        lead_min: minutes between the meal and the start.

    Returns:
        Carbohydrate, g per kg of body mass.

    Raises:
        InvalidInput: the lead is outside 60-240 min.

    Source:
        Thomas DT, Erdman KA, Burke LM. Med Sci Sports Exerc.
        2016;48(3):543-568 (pre-event fuelling: 1-4 g/kg 1-4 h before).
        Burke LM, et al. J Sports Sci. 2011;29(Suppl 1):S17-S27.

    Examples:
        >>> pre_race_meal_g_per_kg(lead_min=180)
        3.0
        >>> pre_race_meal_g_per_kg(lead_min=90)
        1.5
    """
    low, high = PRE_RACE_MEAL_LEAD_MIN
    require_range("lead_min", lead_min, low, high)
    return PRE_RACE_MEAL_G_PER_KG_PER_H * lead_min / 60.0


def in_race_carbohydrate(*, race_duration_min: float) -> InRaceCarbohydrate | None:
    """Carbohydrate during a race, by its duration; None when none is needed.

    - up to 75 min: none (a carbohydrate mouth rinse is optional);
    - over 75 min to 2 h: 30-60 g/h, planned at 30 g/h;
    - over 2 h to 2.5 h: 30-60 g/h, planned at 60 g/h;
    - over 2.5 h: 60-90 g/h, planned at 60 g/h; the top needs glucose with
      fructose (multiple transportable carbohydrates) and a gut trained to it
      in long runs.

    Above about 60 g/h glucose alone saturates its intestinal transporter;
    adding fructose raises what can be absorbed and oxidised to about 90 g/h.
    runlift plans the bottom of the top band because 90 g/h is tolerated only
    after practice (Jeukendrup 2017). Valid for races of 1-1440 min.

    Args:
        race_duration_min: the race's planned duration, minutes.

    Returns:
        The ``InRaceCarbohydrate`` to plan, or None for races of 75 min or less.

    Raises:
        InvalidInput: the duration is outside 1-1440 min.

    Source:
        Jeukendrup AE. A step towards personalized sports nutrition:
        carbohydrate intake during exercise. Sports Med. 2014;44(Suppl
        1):S25-S33. Thomas DT, Erdman KA, Burke LM. Med Sci Sports Exerc.
        2016;48(3):543-568 (30-60 g/h for 1-2.5 h; up to 90 g/h beyond
        2.5-3 h). Jeukendrup AE. Training the gut for athletes. Sports Med.
        2017;47(Suppl 1):101-110.

    Examples:
        >>> in_race_carbohydrate(race_duration_min=195).target_g_per_h
        60.0
        >>> in_race_carbohydrate(race_duration_min=50) is None
        True
    """
    require_range(
        "race_duration_min", race_duration_min, MIN_RACE_DURATION_MIN, MAX_RACE_DURATION_MIN
    )
    if race_duration_min <= IN_RACE_FUEL_MIN_DURATION_MIN:
        return None
    if race_duration_min <= IN_RACE_MODERATE_MAX_DURATION_MIN:
        return _in_race(low_g_per_h=30.0, high_g_per_h=60.0, target_g_per_h=30.0)
    if race_duration_min <= IN_RACE_LONG_MAX_DURATION_MIN:
        return _in_race(low_g_per_h=30.0, high_g_per_h=60.0, target_g_per_h=60.0)
    return _in_race(low_g_per_h=60.0, high_g_per_h=90.0, target_g_per_h=60.0)


def _in_race(
    *, low_g_per_h: float, high_g_per_h: float, target_g_per_h: float
) -> InRaceCarbohydrate:
    return InRaceCarbohydrate(
        low_g_per_h=low_g_per_h,
        high_g_per_h=high_g_per_h,
        target_g_per_h=target_g_per_h,
        multiple_transportable=high_g_per_h > IN_RACE_SINGLE_SUGAR_MAX_G_PER_H,
    )
