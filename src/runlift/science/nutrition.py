"""Nutrition arithmetic: energy targets, protein, carbohydrate and fat (GUIDELINES NUT-1..4).

Every function here turns a body mass, a goal or a day's training into grams or
kcal. Deciding *which* day gets which target belongs to the planner.

- NUT-1, energy: ``energy_target_kcal`` and ``energy_surplus_range_kcal``.
- NUT-2, protein per day: ``protein_range_g_per_kg`` and ``protein_target_g_per_day``;
  from fat-free mass when body fat is high, ``high_body_fat`` and
  ``lean_mass_protein_target_g_per_day``.
- NUT-3, protein per serving: ``protein_serving_g`` and ``protein_serving_range_g``.
- NUT-4, carbohydrate: ``training_load_band`` and ``carbohydrate_band_g_per_kg``.
- Fat: ``fat_floor_g``.

Energy per gram of macronutrient uses Atwater's general factors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_range
from runlift.vocabulary import GoalKind, Sex

KCAL_PER_G_PROTEIN: Final = 4.0
"""Atwater general factor for protein (Atwater & Bryant 1900)."""
KCAL_PER_G_CARBOHYDRATE: Final = 4.0
"""Atwater general factor for carbohydrate (Atwater & Bryant 1900)."""
KCAL_PER_G_FAT: Final = 9.0
"""Atwater general factor for fat (Atwater & Bryant 1900)."""

MIN_MASS_KG: Final = 30.0
MAX_MASS_KG: Final = 250.0
MIN_BODY_FAT_PERCENT: Final = 3.0
MAX_BODY_FAT_PERCENT: Final = 60.0
MIN_ENERGY_KCAL: Final = 500.0
"""Lowest daily energy figure accepted (resting, expenditure or intake)."""
MAX_ENERGY_KCAL: Final = 12000.0
"""Highest daily energy figure accepted (above Tour de France stage expenditure)."""
MAX_TRAINING_MIN: Final = 24 * 60.0

PROTEIN_MIN_G_PER_KG: Final = 1.6
"""Lower end of NUT-2; the breakpoint of Morton et al. 2018's meta-regression (1.62 g/kg/day)."""
PROTEIN_MAX_G_PER_KG: Final = 2.2
"""Upper end of NUT-2; the upper confidence limit of that breakpoint."""
PROTEIN_TARGET_G_PER_KG: Final = (PROTEIN_MIN_G_PER_KG, 1.9, PROTEIN_MAX_G_PER_KG)
"""Target by number of reasons for more protein (none, one, both): bottom, middle, top of NUT-2."""

LEAN_MASS_PROTEIN_G_PER_KG_FFM: Final = (2.3, 3.1)
"""Protein in an energy deficit, per kg of fat-free mass (Helms, Zinn, Rowlands & Brown 2014)."""
LEAN_MASS_PROTEIN_TARGET_G_PER_KG_FFM: Final = (2.3, 2.7)
"""runlift's target from fat-free mass: the range's bottom, or 2.7 g/kg in a hard block."""
HIGH_BODY_FAT_PERCENT: Final = {Sex.MALE: 20.0, Sex.FEMALE: 33.0}
"""Body fat from which protein is set from fat-free mass: where the healthy range of
Gallagher et al. (2000) ends for adults aged 20-39 (the %BF of a BMI of 25)."""

PROTEIN_SERVING_G_PER_KG: Final = 0.3
"""Protein per serving: between 0.24 g/kg (young men, Moore 2015) and 0.4 g/kg (Schoenfeld 2018)."""
PROTEIN_SERVING_MIN_G_PER_KG: Final = 0.25
PROTEIN_SERVING_MAX_G_PER_KG: Final = 0.4
PROTEIN_SERVING_MIN_G: Final = 20.0
"""NUT-3: servings of 20-40 g."""
PROTEIN_SERVING_MAX_G: Final = 40.0

FAT_MIN_ENERGY_FRACTION: Final = 0.20
"""Fat below 20 % of energy is discouraged (Thomas, Erdman & Burke 2016)."""

HYPERTROPHY_SURPLUS_KCAL: Final = (250.0, 500.0)
"""NUT-1 muscle-gain surplus, kcal/day."""
MAINTENANCE_SURPLUS_KCAL: Final = (0.0, 250.0)
"""NUT-1 'match or slightly exceed': from balance up to where a muscle-gain surplus begins."""
STRENGTH_SURPLUS_KCAL: Final = 125.0
"""Strength goals aim at the middle of the maintenance range: muscle is what they build."""
BALANCE_SURPLUS_KCAL: Final = 0.0
"""Race and general-fitness goals aim at energy balance: nobody asked them to gain weight."""
FAT_LOSS_DEFICIT_FRACTION: Final = (0.10, 0.20)
"""A moderate deficit (NUT-1): 10-20 % of daily expenditure."""
FAT_LOSS_WEEKLY_RATE: Final = 0.005
"""Planned loss: 0.5 % of body mass a week, the slow end of Helms et al. 2014's 0.5-1 %."""
KCAL_PER_KG_BODY_MASS_CHANGE: Final = 7700.0
"""Energy per kg of body mass lost, from 3500 kcal per pound (Wishnofsky 1958)."""
DAYS_PER_WEEK: Final = 7.0
FAT_LOSS_KCAL_PER_KG_PER_DAY: Final = (
    FAT_LOSS_WEEKLY_RATE * KCAL_PER_KG_BODY_MASS_CHANGE / DAYS_PER_WEEK
)
"""Planned daily deficit per kg of body mass: 0.005 x 7700 / 7 = 5.5 kcal."""

VERY_HIGH_LOAD_MIN: Final = 240.0
"""Training minutes in a day from which the load is very high (Thomas 2016: > 4-5 h/day)."""
HIGH_LOAD_MIN: Final = 90.0
"""Training minutes in a day from which the load is high whatever the intensity."""
HIGH_LOAD_WITH_HARD_MIN: Final = 60.0
"""Training minutes from which the load is high if enough is hard (Thomas 2016: 1-3 h/day)."""
HIGH_LOAD_HARD_MIN: Final = 30.0
"""Hard minutes that make a day of at least ``HIGH_LOAD_WITH_HARD_MIN`` high."""
MODERATE_LOAD_MIN: Final = 45.0
"""Training minutes from which the load is moderate (Thomas 2016: about 1 h/day)."""
MODERATE_LOAD_HARD_MIN: Final = 10.0
"""Hard minutes that make a shorter day moderate: two 5-min threshold repeats, not a few strides."""


class TrainingLoadBand(StrEnum):
    """A day's training load, as the carbohydrate bands of Thomas, Erdman & Burke 2016 name it."""

    LIGHT = "light"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


_CARBOHYDRATE_G_PER_KG: Final[dict[TrainingLoadBand, tuple[float, float]]] = {
    TrainingLoadBand.LIGHT: (3.0, 5.0),
    TrainingLoadBand.MODERATE: (5.0, 7.0),
    TrainingLoadBand.HIGH: (6.0, 10.0),
    TrainingLoadBand.VERY_HIGH: (8.0, 12.0),
}


def _check_goal(goal: GoalKind) -> GoalKind:
    try:
        return GoalKind(goal)
    except ValueError:
        allowed = ", ".join(g.value for g in GoalKind)
        raise InvalidInput("goal", goal, f"must be one of {allowed}") from None


def _check_mass(mass_kg: float) -> float:
    return require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)


def _check_energy(name: str, value: float) -> float:
    return require_range(name, value, MIN_ENERGY_KCAL, MAX_ENERGY_KCAL)


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def protein_range_g_per_kg(*, goal: GoalKind) -> tuple[float, float]:
    """Daily protein range per kg of body mass (NUT-2): 1.6-2.2 g/kg for every goal.

    Morton et al.'s meta-regression put the intake beyond which extra protein
    added no fat-free mass at 1.62 g/kg/day (95 % CI up to 2.2); the ISSN
    position stand recommends 1.4-2.0 g/kg/day for exercising people and more
    in energy deficits. The range does not change with the goal: the goal
    changes where in it ``protein_target_g_per_day`` lands.

    Args:
        goal: the athlete's goal.

    Returns:
        ``(low, high)`` in g per kg of body mass per day.

    Raises:
        InvalidInput: ``goal`` is not a ``GoalKind``.

    Source:
        Morton RW, Murphy KT, McKellar SR, et al. A systematic review,
        meta-analysis and meta-regression of the effect of protein
        supplementation on resistance training-induced gains in muscle mass
        and strength in healthy adults. Br J Sports Med. 2018;52(6):376-384.
        Jäger R, Kerksick CM, Campbell BI, et al. International Society of
        Sports Nutrition position stand: protein and exercise. J Int Soc
        Sports Nutr. 2017;14:20.

    Examples:
        >>> protein_range_g_per_kg(goal=GoalKind.RACE)
        (1.6, 2.2)
    """
    _check_goal(goal)
    return (PROTEIN_MIN_G_PER_KG, PROTEIN_MAX_G_PER_KG)


def protein_target_g_per_day(
    *, mass_kg: float, goal: GoalKind, in_deficit: bool = False, hard_block: bool = False
) -> float:
    """Daily protein target (NUT-2), pushed toward the top of 1.6-2.2 g/kg when needs rise.

    target = m x (1.6 + 0.3 n), with m in kg and n the number of reasons for
    more protein (0, 1 or 2): an energy deficit, and a hard training block.
    So 1.6 g/kg by default, 1.9 g/kg with one reason and 2.2 g/kg with both.
    A fat-loss goal always counts as a deficit, because its energy target is
    one (``energy_target_kcal``). Valid for mass 30-250 kg.

    Args:
        mass_kg: body mass, kg.
        goal: the athlete's goal.
        in_deficit: the athlete eats below expenditure.
        hard_block: the current block is a hard (high-volume or high-intensity) one.

    Returns:
        Protein, g per day.

    Raises:
        InvalidInput: ``mass_kg`` is outside 30-250 kg or ``goal`` is not a ``GoalKind``.

    Source:
        Morton RW, Murphy KT, McKellar SR, et al. Br J Sports Med.
        2018;52(6):376-384 (1.62 g/kg/day breakpoint, CI to 2.2). Helms ER,
        Aragon AA, Fitschen PJ. Evidence-based recommendations for natural
        bodybuilding contest preparation: nutrition and supplementation. J Int
        Soc Sports Nutr. 2014;11:20 (higher protein during energy deficits).
        Jäger R, et al. J Int Soc Sports Nutr. 2017;14:20.

    Examples:
        >>> protein_target_g_per_day(mass_kg=80, goal=GoalKind.HYPERTROPHY)
        128.0
        >>> protein_target_g_per_day(mass_kg=80, goal=GoalKind.FAT_LOSS)
        152.0
        >>> protein_target_g_per_day(
        ...     mass_kg=80, goal=GoalKind.RACE, in_deficit=True, hard_block=True)
        176.0
    """
    _check_mass(mass_kg)
    deficit = in_deficit or _check_goal(goal) is GoalKind.FAT_LOSS
    reasons = int(deficit) + int(hard_block)
    return mass_kg * PROTEIN_TARGET_G_PER_KG[reasons]


def high_body_fat(*, body_fat_percent: float, sex: Sex) -> bool:
    """Whether body fat is high enough to set protein from fat-free mass: 20 % (men), 33 % (women).

    Gallagher et al. related body fat to body mass index in 1626 adults; for
    ages 20-39 a BMI of 25, where overweight starts, matched about 20 % body
    fat in men and 33 % in women. From there on a share of body mass that
    needs no protein is large enough that grams per kg of body mass overshoot.
    Valid for body fat 3-60 %.

    Args:
        body_fat_percent: body fat as a percentage of body mass.
        sex: ``Sex.MALE`` or ``Sex.FEMALE``.

    Returns:
        True from the threshold up.

    Raises:
        InvalidInput: body fat outside 3-60 % or ``sex`` not a ``Sex``.

    Source:
        Gallagher D, Heymsfield SB, Heo M, Jebb SA, Murgatroyd PR, Sakamoto Y.
        Healthy percentage body fat ranges: an approach for developing
        guidelines based on body mass index. Am J Clin Nutr.
        2000;72(3):694-701.

    Examples:
        >>> high_body_fat(body_fat_percent=27, sex=Sex.MALE)
        True
        >>> high_body_fat(body_fat_percent=27, sex=Sex.FEMALE)
        False
    """
    require_range("body_fat_percent", body_fat_percent, MIN_BODY_FAT_PERCENT, MAX_BODY_FAT_PERCENT)
    try:
        threshold = HIGH_BODY_FAT_PERCENT[Sex(sex)]
    except ValueError:
        raise InvalidInput("sex", sex, "must be 'male' or 'female'") from None
    return body_fat_percent >= threshold


def lean_mass_protein_target_g_per_day(
    *, mass_kg: float, body_fat_percent: float, hard_block: bool = False
) -> float:
    """Daily protein in an energy deficit from fat-free mass, kept within NUT-2's 1.6-2.2 g/kg.

    target = clamp(f x FFM, 1.6 m, 2.2 m), FFM = m (1 - BF/100), with
    f = 2.3 g per kg of fat-free mass, or 2.7 in a hard training block.

    Helms et al. put protein in a deficit at 2.3-3.1 g/kg of fat-free mass,
    higher the leaner the athlete and the steeper the deficit. runlift uses this
    only when body fat is high (``high_body_fat``) and its deficit is the mild
    0.5 % of body mass a week, so it starts at the range's bottom and adds
    0.4 g/kg in a hard block. The result is then held within NUT-2's
    1.6-2.2 g/kg of body mass: the cap (2.2) binds only just above the
    threshold in hard blocks, the floor (1.6) from about 30 % body fat up, where
    2.3 g/kg of fat-free mass is under 1.6 g/kg of body mass. Valid for mass
    30-250 kg and body fat 3-60 %.

    Args:
        mass_kg: body mass, kg.
        body_fat_percent: body fat as a percentage of body mass.
        hard_block: the current block is a hard (high-volume or high-intensity) one.

    Returns:
        Protein, g per day.

    Raises:
        InvalidInput: mass outside 30-250 kg or body fat outside 3-60 %.

    Source:
        Helms ER, Zinn C, Rowlands DS, Brown SR. A systematic review of
        dietary protein during caloric restriction in resistance trained lean
        athletes: a case for higher intakes. Int J Sport Nutr Exerc Metab.
        2014;24(2):127-138. Morton RW, et al. Br J Sports Med.
        2018;52(6):376-384 (NUT-2's 1.6-2.2 g/kg).

    Examples:
        >>> round(lean_mass_protein_target_g_per_day(mass_kg=92, body_fat_percent=27), 1)
        154.5
        >>> lean_mass_protein_target_g_per_day(mass_kg=100, body_fat_percent=40)
        160.0
    """
    _check_mass(mass_kg)
    require_range("body_fat_percent", body_fat_percent, MIN_BODY_FAT_PERCENT, MAX_BODY_FAT_PERCENT)
    fat_free_kg = mass_kg * (100.0 - body_fat_percent) / 100.0
    per_kg = LEAN_MASS_PROTEIN_TARGET_G_PER_KG_FFM[int(hard_block)]
    return _clamp(
        per_kg * fat_free_kg, PROTEIN_MIN_G_PER_KG * mass_kg, PROTEIN_MAX_G_PER_KG * mass_kg
    )


def protein_serving_g(*, mass_kg: float) -> float:
    """Protein per serving (NUT-3): 0.3 g per kg of body mass, kept within 20-40 g.

    serving = clamp(0.3 m, 20, 40), with m in kg.

    Moore et al. found muscle protein synthesis levelled off at about 0.24 g/kg
    per meal in young men and 0.40 g/kg in older men; Schoenfeld and Aragon
    advise 0.4 g/kg per meal over at least four meals. 0.3 g/kg sits between
    them, and NUT-3's 20-40 g bounds it. Valid for mass 30-250 kg.

    Args:
        mass_kg: body mass, kg.

    Returns:
        Protein per serving, g.

    Raises:
        InvalidInput: ``mass_kg`` is outside 30-250 kg.

    Source:
        Schoenfeld BJ, Aragon AA. How much protein can the body use in a
        single meal for muscle-building? Implications for daily protein
        distribution. J Int Soc Sports Nutr. 2018;15:10. Moore DR,
        Churchward-Venne TA, Witard O, et al. Protein ingestion to stimulate
        myofibrillar protein synthesis requires greater relative protein
        intakes in healthy older versus younger men. J Gerontol A Biol Sci Med
        Sci. 2015;70(1):57-62.

    Examples:
        >>> protein_serving_g(mass_kg=100)
        30.0
        >>> protein_serving_g(mass_kg=50)
        20.0
    """
    _check_mass(mass_kg)
    return _clamp(PROTEIN_SERVING_G_PER_KG * mass_kg, PROTEIN_SERVING_MIN_G, PROTEIN_SERVING_MAX_G)


def protein_serving_range_g(*, mass_kg: float) -> tuple[float, float]:
    """Range of protein per serving (NUT-3): 0.25-0.4 g/kg, each end kept within 20-40 g.

    (low, high) = (clamp(0.25 m, 20, 40), clamp(0.4 m, 20, 40)), with m in kg.

    Valid for mass 30-250 kg. Below 50 kg both ends are 20 g; above 160 kg
    both are 40 g.

    Args:
        mass_kg: body mass, kg.

    Returns:
        ``(low, high)`` protein per serving, g.

    Raises:
        InvalidInput: ``mass_kg`` is outside 30-250 kg.

    Source:
        Moore DR, et al. J Gerontol A Biol Sci Med Sci. 2015;70(1):57-62
        (0.24 g/kg young, 0.40 g/kg older men). Schoenfeld BJ, Aragon AA. J Int
        Soc Sports Nutr. 2018;15:10 (0.4 g/kg per meal).

    Examples:
        >>> protein_serving_range_g(mass_kg=80)
        (20.0, 32.0)
        >>> protein_serving_range_g(mass_kg=120)
        (30.0, 40.0)
    """
    _check_mass(mass_kg)
    low = PROTEIN_SERVING_MIN_G_PER_KG * mass_kg
    high = PROTEIN_SERVING_MAX_G_PER_KG * mass_kg
    return (
        _clamp(low, PROTEIN_SERVING_MIN_G, PROTEIN_SERVING_MAX_G),
        _clamp(high, PROTEIN_SERVING_MIN_G, PROTEIN_SERVING_MAX_G),
    )


def training_load_band(*, training_min: float, hard_min: float = 0.0) -> TrainingLoadBand:
    """Classify a day's training into the carbohydrate bands of Thomas, Erdman & Burke (NUT-4).

    ``training_min`` is all the day's training (runs and lifts); ``hard_min``
    is the part at moderate-to-high intensity (hard runs, heavy lifting). The
    position stand describes its bands by example; runlift reads them as:

    - very high: 240 min or more (the stand's "> 4-5 h/day");
    - high: 90 min or more, or 60 min or more with at least 30 hard minutes
      (its "1-3 h/day of moderate-to-high intensity");
    - moderate: 45 min or more, or 10 hard minutes or more (its "about
      1 h/day"; a few strides or hill sprints, a minute or two of hard running
      in all, leave a short day light);
    - light: anything else, rest days included (low intensity or skill work).

    Valid for 0-1440 training minutes, with ``hard_min`` between 0 and
    ``training_min``.

    Args:
        training_min: total training time in the day, minutes.
        hard_min: of which at moderate-to-high intensity, minutes.

    Returns:
        The day's ``TrainingLoadBand``.

    Raises:
        InvalidInput: a duration is negative, above a day, or ``hard_min`` exceeds ``training_min``.

    Source:
        Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine
        Joint Position Statement. Nutrition and Athletic Performance. Med Sci
        Sports Exerc. 2016;48(3):543-568 (carbohydrate targets by training load).

    Examples:
        >>> training_load_band(training_min=30)
        <TrainingLoadBand.LIGHT: 'light'>
        >>> training_load_band(training_min=60, hard_min=30)
        <TrainingLoadBand.HIGH: 'high'>
    """
    require_range("training_min", training_min, 0.0, MAX_TRAINING_MIN)
    require_range("hard_min", hard_min, 0.0, training_min)
    if training_min >= VERY_HIGH_LOAD_MIN:
        return TrainingLoadBand.VERY_HIGH
    if training_min >= HIGH_LOAD_MIN or (
        training_min >= HIGH_LOAD_WITH_HARD_MIN and hard_min >= HIGH_LOAD_HARD_MIN
    ):
        return TrainingLoadBand.HIGH
    if training_min >= MODERATE_LOAD_MIN or hard_min >= MODERATE_LOAD_HARD_MIN:
        return TrainingLoadBand.MODERATE
    return TrainingLoadBand.LIGHT


def carbohydrate_band_g_per_kg(*, band: TrainingLoadBand) -> tuple[float, float]:
    """Daily carbohydrate range per kg of body mass for a training-load band (NUT-4).

    light 3-5, moderate 5-7, high 6-10, very high 8-12 g per kg per day.

    Args:
        band: the day's training load (see ``training_load_band``).

    Returns:
        ``(low, high)`` in g per kg of body mass per day.

    Raises:
        InvalidInput: ``band`` is not a ``TrainingLoadBand``.

    Source:
        Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine
        Joint Position Statement. Nutrition and Athletic Performance. Med Sci
        Sports Exerc. 2016;48(3):543-568; also J Acad Nutr Diet.
        2016;116(3):501-528.

    Examples:
        >>> carbohydrate_band_g_per_kg(band=TrainingLoadBand.HIGH)
        (6.0, 10.0)
    """
    try:
        return _CARBOHYDRATE_G_PER_KG[TrainingLoadBand(band)]
    except ValueError:
        allowed = ", ".join(b.value for b in TrainingLoadBand)
        raise InvalidInput("band", band, f"must be one of {allowed}") from None


def energy_surplus_range_kcal(
    *, goal: GoalKind, expenditure_kcal: float | None = None
) -> tuple[float, float]:
    """Daily energy above (or, if negative, below) expenditure that a goal calls for (NUT-1).

    - hypertrophy: +250 to +500 kcal/day;
    - strength, race, general fitness: 0 to +250 kcal/day (match or slightly
      exceed expenditure; the top is where a muscle-gain surplus begins).
      ``energy_target_kcal`` aims at +125 for strength and at 0 for race and
      general fitness;
    - fat loss: -20 % to -10 % of expenditure, so ``expenditure_kcal`` is
      needed (500-12000 kcal/day).

    Args:
        goal: the athlete's goal.
        expenditure_kcal: total daily energy expenditure; required for fat loss.

    Returns:
        ``(low, high)`` kcal per day relative to expenditure.

    Raises:
        InvalidInput: ``goal`` is not a ``GoalKind``, or fat loss without a valid expenditure.

    Source:
        Slater GJ, Dieter BP, Marsh DJ, Helms ER, Shaw G, Iraki J. Is an energy
        surplus required to maximize skeletal muscle hypertrophy associated
        with resistance training? Front Nutr. 2019;6:131 (a conservative
        surplus of about 1500-2000 kJ/day). Helms ER, Aragon AA, Fitschen PJ.
        J Int Soc Sports Nutr. 2014;11:20 (moderate deficits, 0.5-1 % of body
        mass a week). Thomas DT, Erdman KA, Burke LM. Med Sci Sports Exerc.
        2016;48(3):543-568 (adequate energy availability for athletes).

    Examples:
        >>> energy_surplus_range_kcal(goal=GoalKind.HYPERTROPHY)
        (250.0, 500.0)
        >>> energy_surplus_range_kcal(goal=GoalKind.FAT_LOSS, expenditure_kcal=2800)
        (-560.0, -280.0)
    """
    goal = _check_goal(goal)
    if goal is GoalKind.HYPERTROPHY:
        return HYPERTROPHY_SURPLUS_KCAL
    if goal is not GoalKind.FAT_LOSS:
        return MAINTENANCE_SURPLUS_KCAL
    if expenditure_kcal is None:
        raise InvalidInput(
            "expenditure_kcal", None, "fat loss needs the daily expenditure, e.g. 2500"
        )
    _check_energy("expenditure_kcal", expenditure_kcal)
    low_fraction, high_fraction = FAT_LOSS_DEFICIT_FRACTION
    return (-high_fraction * expenditure_kcal, -low_fraction * expenditure_kcal)


def energy_target_kcal(
    *, expenditure_kcal: float, resting_kcal: float, goal: GoalKind, mass_kg: float
) -> float:
    """Daily energy intake target for a goal (NUT-1), never below resting energy.

    - hypertrophy: expenditure + 375 kcal (midpoint of +250-500);
    - strength: expenditure + 125 kcal (midpoint of 0-250: slightly exceed
      expenditure, for the muscle the goal builds);
    - race and general fitness: expenditure (match it): a runner who has not
      asked to gain weight should not carry a planned gain into a race, and
      +125 kcal a day is about 1.8 kg over 16 weeks at 7700 kcal/kg;
    - fat loss: expenditure - d, where d is the deficit that loses 0.5 % of
      body mass a week at 7700 kcal per kg (5.5 kcal per kg of body mass per
      day), kept within 10-20 % of expenditure.

    Every target is then raised to ``resting_kcal`` if it falls below it.
    ``expenditure_kcal`` is total daily expenditure (resting + training +
    everything else) and must be at least ``resting_kcal``; both must be
    500-12000 kcal/day, mass 30-250 kg.

    Args:
        expenditure_kcal: total daily energy expenditure, kcal.
        resting_kcal: resting energy expenditure, kcal/day (e.g. Mifflin-St Jeor).
        goal: the athlete's goal.
        mass_kg: body mass, kg.

    Returns:
        Energy intake target, kcal per day.

    Raises:
        InvalidInput: an input is outside its range, or expenditure is below resting energy.

    Source:
        Slater GJ, et al. Front Nutr. 2019;6:131 (surplus for hypertrophy).
        Helms ER, Aragon AA, Fitschen PJ. Evidence-based recommendations for
        natural bodybuilding contest preparation: nutrition and
        supplementation. J Int Soc Sports Nutr. 2014;11:20 (lose 0.5-1 % of
        body mass a week). Garthe I, Raastad T, Refsnes PE, Koivisto A,
        Sundgot-Borgen J. Effect of two different weight-loss rates on body
        composition and strength and power-related performance in elite
        athletes. Int J Sport Nutr Exerc Metab. 2011;21(2):97-104 (slower loss
        keeps lean mass). Wishnofsky M. Caloric equivalents of gained or lost
        weight. Am J Clin Nutr. 1958;6(5):542-546 (3500 kcal per pound).

    Examples:
        >>> energy_target_kcal(expenditure_kcal=2800, resting_kcal=1700,
        ...                    goal=GoalKind.HYPERTROPHY, mass_kg=80)
        3175.0
        >>> energy_target_kcal(expenditure_kcal=2800, resting_kcal=1700,
        ...                    goal=GoalKind.RACE, mass_kg=80)
        2800.0
        >>> energy_target_kcal(expenditure_kcal=2800, resting_kcal=1700,
        ...                    goal=GoalKind.FAT_LOSS, mass_kg=80)
        2360.0
        >>> energy_target_kcal(expenditure_kcal=1900, resting_kcal=1800,
        ...                    goal=GoalKind.FAT_LOSS, mass_kg=60)
        1800.0
    """
    _check_energy("resting_kcal", resting_kcal)
    _check_energy("expenditure_kcal", expenditure_kcal)
    if expenditure_kcal < resting_kcal:
        raise InvalidInput(
            "expenditure_kcal",
            expenditure_kcal,
            f"must be at least resting_kcal ({resting_kcal:g}); expenditure includes rest",
        )
    _check_mass(mass_kg)
    goal = _check_goal(goal)
    if goal is GoalKind.FAT_LOSS:
        low, high = energy_surplus_range_kcal(goal=goal, expenditure_kcal=expenditure_kcal)
        change = _clamp(-FAT_LOSS_KCAL_PER_KG_PER_DAY * mass_kg, low, high)
    elif goal is GoalKind.HYPERTROPHY:
        low, high = energy_surplus_range_kcal(goal=goal)
        change = (low + high) / 2
    elif goal is GoalKind.STRENGTH:
        change = STRENGTH_SURPLUS_KCAL
    else:
        change = BALANCE_SURPLUS_KCAL
    return float(max(expenditure_kcal + change, resting_kcal))


def fat_floor_g(*, energy_kcal: float) -> float:
    """Least daily fat for an energy intake: 20 % of energy at 9 kcal per g.

    fat_min = 0.20 E / 9, with E in kcal/day.

    Fat below 20 % of energy narrows the diet and risks too little essential
    fatty acids and fat-soluble vitamins. Valid for 500-12000 kcal/day.

    Args:
        energy_kcal: daily energy intake, kcal.

    Returns:
        Minimum fat, g per day.

    Raises:
        InvalidInput: ``energy_kcal`` is outside 500-12000.

    Source:
        Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine
        Joint Position Statement. Nutrition and Athletic Performance. Med Sci
        Sports Exerc. 2016;48(3):543-568. Atwater WO, Bryant AP. The
        availability and fuel value of food materials. Storrs Agricultural
        Experiment Station 12th Annual Report. 1900:73-110 (9 kcal per g fat).

    Examples:
        >>> fat_floor_g(energy_kcal=2700)
        60.0
    """
    _check_energy("energy_kcal", energy_kcal)
    return FAT_MIN_ENERGY_FRACTION * energy_kcal / KCAL_PER_G_FAT
