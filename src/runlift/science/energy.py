"""Energy expenditure: resting energy equations, the cost of running, and MET arithmetic.

Resting energy (kcal/day) comes from four published equations: two from body
mass, height, age and sex (Mifflin-St Jeor; Harris-Benedict as revised by Roza
and Shizgal) and two from fat-free mass (Cunningham; Katch-McArdle). Training
energy comes from the cost of running per kilometre, from ACSM's metabolic
equation for running, or from Compendium MET values for any other activity.

*Gross* energy is everything spent during an activity, resting metabolism
included; *net* energy is the part above rest. A daily budget that already
counts resting energy for the whole day must add only the net cost of
training, or the resting part of the training time is counted twice.

Inputs outside the ranges below raise ``InvalidInput``. The ranges are wider
than the samples the equations were fitted on (Mifflin et al. studied adults
aged 19-78 years), so values near their edges are extrapolations.
"""

from __future__ import annotations

import math
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_range
from runlift.units import KCAL_PER_LITRE_O2
from runlift.vocabulary import Sex

MIN_AGE_YEARS: Final = 18.0
MAX_AGE_YEARS: Final = 100.0
MIN_MASS_KG: Final = 30.0
MAX_MASS_KG: Final = 250.0
MIN_HEIGHT_CM: Final = 120.0
MAX_HEIGHT_CM: Final = 230.0
MIN_BODY_FAT_PERCENT: Final = 3.0
MAX_BODY_FAT_PERCENT: Final = 60.0
MIN_FAT_FREE_MASS_KG: Final = MIN_MASS_KG * (1 - MAX_BODY_FAT_PERCENT / 100)
"""12 kg: the smallest fat-free mass the mass and body-fat ranges allow."""
MAX_FAT_FREE_MASS_KG: Final = MAX_MASS_KG * (1 - MIN_BODY_FAT_PERCENT / 100)
"""242.5 kg: the largest fat-free mass the mass and body-fat ranges allow."""

MAX_DISTANCE_KM: Final = 1000.0
"""Longest distance accepted for one running energy estimate (multi-day ultras)."""
MAX_DURATION_MIN: Final = 24 * 60.0
"""Longest activity accepted for one energy estimate: a full day."""
MIN_MET: Final = 0.9
"""Lowest MET in the 2011 Compendium (sleeping, 0.95), rounded down."""
MAX_MET: Final = 25.0
"""A little above the highest running MET in the 2011 Compendium (23.0 at 14 mph)."""
RESTING_MET: Final = 1.0
"""One MET is resting metabolism by definition."""

NET_RUNNING_KCAL_PER_KG_PER_KM: Final = 1.0
"""Net energy cost of level running, about 1 kcal per kg per km at any speed (Margaria 1963)."""

ACSM_RUNNING_MIN_SPEED_M_PER_MIN: Final = 80.0
"""Slowest speed accepted: ACSM allows 80-134 m/min only when the person is truly jogging."""
ACSM_RUNNING_MAX_SPEED_M_PER_MIN: Final = 400.0
"""Fastest speed accepted (24 km/h): above this the steady-state assumption fails."""
ACSM_RUNNING_MAX_GRADE: Final = 0.20
"""Steepest grade accepted; the equation is for level and uphill running, not downhill."""
ACSM_RESTING_VO2_ML_PER_KG_MIN: Final = 3.5
"""Resting oxygen uptake assumed by ACSM's equations: one MET."""
_ACSM_HORIZONTAL_ML_PER_KG_PER_M: Final = 0.2
_ACSM_VERTICAL_ML_PER_KG_PER_M: Final = 0.9
_ML_PER_LITRE: Final = 1000.0
_MIN_PER_HOUR: Final = 60.0


def _check_body(*, mass_kg: float, height_cm: float, age_years: float) -> None:
    require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)
    require_range("height_cm", height_cm, MIN_HEIGHT_CM, MAX_HEIGHT_CM)
    require_range("age_years", age_years, MIN_AGE_YEARS, MAX_AGE_YEARS)


def _check_sex(sex: Sex) -> Sex:
    try:
        return Sex(sex)
    except ValueError:
        raise InvalidInput("sex", sex, "must be 'male' or 'female'") from None


def _require_above_zero_up_to(name: str, value: float, high: float) -> float:
    if not math.isfinite(value) or not 0 < value <= high:
        raise InvalidInput(name, value, f"must be above 0 and at most {high:g}")
    return value


def _check_activity(*, mass_kg: float, duration_min: float) -> None:
    require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)
    _require_above_zero_up_to("duration_min", duration_min, MAX_DURATION_MIN)


def mifflin_st_jeor_kcal_per_day(
    *, mass_kg: float, height_cm: float, age_years: float, sex: Sex
) -> float:
    """Estimate resting energy expenditure with the Mifflin-St Jeor equation.

    REE = 10 m + 6.25 h - 5 a + s, with m in kg, h in cm, a in years and
    s = +5 for men, -161 for women (kcal/day).

    Valid for adults: mass 30-250 kg, height 120-230 cm, age 18-100 years.
    Fitted on 498 healthy adults aged 19-78 years, lean and obese.

    Args:
        mass_kg: body mass, kg.
        height_cm: standing height, cm.
        age_years: age, years.
        sex: ``Sex.MALE`` or ``Sex.FEMALE``.

    Returns:
        Resting energy expenditure, kcal per day.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO. A new
        predictive equation for resting energy expenditure in healthy
        individuals. Am J Clin Nutr. 1990;51(2):241-247.

    Examples:
        >>> mifflin_st_jeor_kcal_per_day(mass_kg=70, height_cm=175, age_years=30, sex=Sex.MALE)
        1648.75
        >>> mifflin_st_jeor_kcal_per_day(mass_kg=60, height_cm=165, age_years=30, sex=Sex.FEMALE)
        1320.25
    """
    _check_body(mass_kg=mass_kg, height_cm=height_cm, age_years=age_years)
    sex_term = 5.0 if _check_sex(sex) is Sex.MALE else -161.0
    return 10.0 * mass_kg + 6.25 * height_cm - 5.0 * age_years + sex_term


def harris_benedict_revised_kcal_per_day(
    *, mass_kg: float, height_cm: float, age_years: float, sex: Sex
) -> float:
    """Estimate resting energy expenditure with the revised Harris-Benedict equation.

    Men:   REE = 88.362 + 13.397 m + 4.799 h - 5.677 a
    Women: REE = 447.593 + 9.247 m + 3.098 h - 4.330 a
    with m in kg, h in cm and a in years (kcal/day).

    Roza and Shizgal refitted Harris and Benedict's 1919 equations on the
    original data plus later measurements. Valid for adults: mass 30-250 kg,
    height 120-230 cm, age 18-100 years.

    Args:
        mass_kg: body mass, kg.
        height_cm: standing height, cm.
        age_years: age, years.
        sex: ``Sex.MALE`` or ``Sex.FEMALE``.

    Returns:
        Resting energy expenditure, kcal per day.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        Roza AM, Shizgal HM. The Harris Benedict equation reevaluated: resting
        energy requirements and the body cell mass. Am J Clin Nutr.
        1984;40(1):168-182.

    Examples:
        >>> round(harris_benedict_revised_kcal_per_day(
        ...     mass_kg=70, height_cm=175, age_years=30, sex=Sex.MALE), 3)
        1695.667
        >>> round(harris_benedict_revised_kcal_per_day(
        ...     mass_kg=60, height_cm=165, age_years=30, sex=Sex.FEMALE), 3)
        1383.683
    """
    _check_body(mass_kg=mass_kg, height_cm=height_cm, age_years=age_years)
    if _check_sex(sex) is Sex.MALE:
        return 88.362 + 13.397 * mass_kg + 4.799 * height_cm - 5.677 * age_years
    return 447.593 + 9.247 * mass_kg + 3.098 * height_cm - 4.330 * age_years


def fat_free_mass_kg(*, mass_kg: float, body_fat_percent: float) -> float:
    """Fat-free mass from body mass and body-fat percentage.

    FFM = m (1 - BF / 100).

    Valid for mass 30-250 kg and body fat 3-60 %.

    Args:
        mass_kg: body mass, kg.
        body_fat_percent: body fat as a percentage of body mass.

    Returns:
        Fat-free mass, kg.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        The two-compartment model of body composition: body mass = fat mass +
        fat-free mass. Siri WE. Body composition from fluid spaces and density:
        analysis of methods. In: Brozek J, Henschel A, eds. Techniques for
        Measuring Body Composition. Washington DC: National Academy of
        Sciences; 1961:223-244.

    Examples:
        >>> fat_free_mass_kg(mass_kg=80, body_fat_percent=20)
        64.0
    """
    require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)
    require_range("body_fat_percent", body_fat_percent, MIN_BODY_FAT_PERCENT, MAX_BODY_FAT_PERCENT)
    return mass_kg * (100.0 - body_fat_percent) / 100.0


def cunningham_kcal_per_day(*, fat_free_mass_kg: float) -> float:
    """Estimate resting energy expenditure from fat-free mass (Cunningham).

    REE = 500 + 22 FFM, with FFM in kg (kcal/day).

    Cunningham reanalysed the Harris-Benedict subjects and found that
    fat-free mass alone explained resting energy as well as mass, height, age
    and sex together. Valid for a fat-free mass of 12-242.5 kg (the span the
    mass and body-fat ranges allow); suits lean, trained people better than
    the mass-based equations.

    Args:
        fat_free_mass_kg: fat-free (lean) body mass, kg.

    Returns:
        Resting energy expenditure, kcal per day.

    Raises:
        InvalidInput: the fat-free mass is outside its valid range.

    Source:
        Cunningham JJ. A reanalysis of the factors influencing basal metabolic
        rate in normal adults. Am J Clin Nutr. 1980;33(11):2372-2374.

    Examples:
        >>> cunningham_kcal_per_day(fat_free_mass_kg=64)
        1908.0
    """
    require_range("fat_free_mass_kg", fat_free_mass_kg, MIN_FAT_FREE_MASS_KG, MAX_FAT_FREE_MASS_KG)
    return 500.0 + 22.0 * fat_free_mass_kg


def katch_mcardle_kcal_per_day(*, fat_free_mass_kg: float) -> float:
    """Estimate resting energy expenditure from fat-free mass (Katch-McArdle).

    REE = 370 + 21.6 FFM, with FFM in kg (kcal/day).

    Valid for a fat-free mass of 12-242.5 kg. For fat-free masses of 40-100 kg
    it gives about 145-170 kcal/day less than Cunningham's equation.

    Args:
        fat_free_mass_kg: fat-free (lean) body mass, kg.

    Returns:
        Resting energy expenditure, kcal per day.

    Raises:
        InvalidInput: the fat-free mass is outside its valid range.

    Source:
        McArdle WD, Katch FI, Katch VL. Exercise Physiology: Nutrition, Energy,
        and Human Performance. 8th ed. Philadelphia: Wolters Kluwer / Lippincott
        Williams & Wilkins; 2015 (chapter on energy expenditure at rest).

    Examples:
        >>> round(katch_mcardle_kcal_per_day(fat_free_mass_kg=64), 1)
        1752.4
    """
    require_range("fat_free_mass_kg", fat_free_mass_kg, MIN_FAT_FREE_MASS_KG, MAX_FAT_FREE_MASS_KG)
    return 370.0 + 21.6 * fat_free_mass_kg


def running_energy_kcal(*, mass_kg: float, distance_km: float) -> float:
    """Net energy cost of running a distance: about 1 kcal per kg per km.

    E_net = 1.0 m d, with m in kg and d in km.

    Margaria and colleagues found the energy spent above rest to run a
    kilometre on the level nearly independent of speed, at about 1 kcal per
    kg. This is the *net* cost. The *gross* cost adds resting metabolism for
    the time spent running (about 1 kcal per kg per hour, one MET; see
    ``met_energy_kcal``), so a slow runner spends more gross energy over the
    same distance than a fast one. Valid for level running, mass 30-250 kg
    and a distance above 0 up to 1000 km.

    Args:
        mass_kg: body mass, kg.
        distance_km: distance run, km.

    Returns:
        Net energy spent above rest, kcal.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        Margaria R, Cerretelli P, Aghemo P, Sassi G. Energy cost of running.
        J Appl Physiol. 1963;18:367-370. Léger L, Mercier D. Gross energy cost
        of horizontal treadmill and track running. Sports Med.
        1984;1(4):270-277.

    Examples:
        >>> running_energy_kcal(mass_kg=70, distance_km=10)
        700.0
    """
    require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)
    _require_above_zero_up_to("distance_km", distance_km, MAX_DISTANCE_KM)
    return NET_RUNNING_KCAL_PER_KG_PER_KM * mass_kg * distance_km


def acsm_running_vo2_ml_per_kg_min(*, speed_m_per_min: float, grade_fraction: float = 0.0) -> float:
    """Oxygen uptake while running at a steady speed and grade (ACSM's running equation).

    VO2 = 0.2 v + 0.9 v g + 3.5, with v in m/min, g the grade as a fraction
    (0.05 for 5 %) and VO2 in ml O2 per kg per minute. The three terms are
    the horizontal cost, the vertical cost and resting uptake (one MET), so
    the result is *gross*.

    Valid for steady-state running above about 134 m/min (8 km/h); speeds of
    80-134 m/min are accepted for people who are truly jogging there. Speeds
    above 400 m/min and grades outside 0-0.20 (downhill, or steeper than
    20 %) raise.

    Args:
        speed_m_per_min: running speed, metres per minute.
        grade_fraction: treadmill or road grade as a fraction, 0 for level.

    Returns:
        Gross oxygen uptake, ml O2 per kg per minute.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        American College of Sports Medicine. ACSM's Guidelines for Exercise
        Testing and Prescription. 10th ed. Philadelphia: Wolters Kluwer; 2018
        (metabolic calculations, running equation).

    Examples:
        >>> acsm_running_vo2_ml_per_kg_min(speed_m_per_min=200)
        43.5
        >>> round(acsm_running_vo2_ml_per_kg_min(speed_m_per_min=200, grade_fraction=0.05), 2)
        52.5
    """
    require_range(
        "speed_m_per_min",
        speed_m_per_min,
        ACSM_RUNNING_MIN_SPEED_M_PER_MIN,
        ACSM_RUNNING_MAX_SPEED_M_PER_MIN,
    )
    require_range("grade_fraction", grade_fraction, 0.0, ACSM_RUNNING_MAX_GRADE)
    horizontal = _ACSM_HORIZONTAL_ML_PER_KG_PER_M * speed_m_per_min
    vertical = _ACSM_VERTICAL_ML_PER_KG_PER_M * speed_m_per_min * grade_fraction
    return horizontal + vertical + ACSM_RESTING_VO2_ML_PER_KG_MIN


def acsm_running_energy_kcal(
    *, mass_kg: float, speed_m_per_min: float, duration_min: float, grade_fraction: float = 0.0
) -> float:
    """Gross energy of a steady run from ACSM's running equation.

    E = VO2 m t / 1000 x 5, with VO2 from ``acsm_running_vo2_ml_per_kg_min``
    (ml/kg/min), m in kg, t in min and 5 kcal per litre of oxygen.

    The result is *gross* (it includes resting uptake). On the level its net
    part is 0.2 ml/kg/m x 5 kcal/L = 1 kcal per kg per km, the same as
    ``running_energy_kcal``. Valid for the speeds and grades of the VO2
    equation, mass 30-250 kg and a duration above 0 up to 1440 min.

    Args:
        mass_kg: body mass, kg.
        speed_m_per_min: running speed, metres per minute.
        duration_min: running time, minutes.
        grade_fraction: treadmill or road grade as a fraction, 0 for level.

    Returns:
        Gross energy spent, kcal.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        American College of Sports Medicine. ACSM's Guidelines for Exercise
        Testing and Prescription. 10th ed. Philadelphia: Wolters Kluwer; 2018
        (metabolic calculations; 5 kcal per litre of oxygen).

    Examples:
        >>> round(acsm_running_energy_kcal(mass_kg=70, speed_m_per_min=200, duration_min=30), 2)
        456.75
    """
    _check_activity(mass_kg=mass_kg, duration_min=duration_min)
    vo2 = acsm_running_vo2_ml_per_kg_min(
        speed_m_per_min=speed_m_per_min, grade_fraction=grade_fraction
    )
    litres_o2 = vo2 * mass_kg * duration_min / _ML_PER_LITRE
    return litres_o2 * KCAL_PER_LITRE_O2


def met_energy_kcal(*, met: float, mass_kg: float, duration_min: float) -> float:
    """Gross energy of an activity from its MET value.

    E = MET x m x t / 60, with m in kg and t in min (kcal).

    One MET is resting metabolism, defined as 3.5 ml O2 per kg per minute,
    which at about 5 kcal per litre of oxygen is about 1 kcal per kg per hour
    (1.05 exactly); the Compendium uses the rounded 1 kcal/kg/h. The result is
    *gross*: see ``net_met_energy_kcal`` for the part above rest. Valid for
    MET 0.9-25 (the span of the Compendium), mass 30-250 kg and a duration
    above 0 up to 1440 min.

    Args:
        met: the activity's MET value, e.g. from the Compendium.
        mass_kg: body mass, kg.
        duration_min: activity time, minutes.

    Returns:
        Gross energy spent, kcal.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        Ainsworth BE, Haskell WL, Herrmann SD, et al. 2011 Compendium of
        Physical Activities: a second update of codes and MET values. Med Sci
        Sports Exerc. 2011;43(8):1575-1581.

    Examples:
        >>> met_energy_kcal(met=6.0, mass_kg=70, duration_min=60)
        420.0
    """
    require_range("met", met, MIN_MET, MAX_MET)
    _check_activity(mass_kg=mass_kg, duration_min=duration_min)
    return met * mass_kg * duration_min / _MIN_PER_HOUR


def net_met_energy_kcal(*, met: float, mass_kg: float, duration_min: float) -> float:
    """Net energy of an activity from its MET value: the part above rest.

    E_net = (MET - 1) x m x t / 60, with m in kg and t in min (kcal).

    Use it to add training on top of a daily budget that already counts
    resting energy for the whole day. Valid for MET 1-25 (below one MET
    there is nothing above rest), mass 30-250 kg and a duration above 0 up
    to 1440 min.

    Args:
        met: the activity's MET value, e.g. from the Compendium.
        mass_kg: body mass, kg.
        duration_min: activity time, minutes.

    Returns:
        Net energy spent above rest, kcal.

    Raises:
        InvalidInput: an input is outside its valid range.

    Source:
        Ainsworth BE, Haskell WL, Herrmann SD, et al. 2011 Compendium of
        Physical Activities: a second update of codes and MET values. Med Sci
        Sports Exerc. 2011;43(8):1575-1581 (net MET = MET - 1).

    Examples:
        >>> net_met_energy_kcal(met=6.0, mass_kg=70, duration_min=60)
        350.0
    """
    require_range("met", met, RESTING_MET, MAX_MET)
    _check_activity(mass_kg=mass_kg, duration_min=duration_min)
    return (met - RESTING_MET) * mass_kg * duration_min / _MIN_PER_HOUR
