"""Running performance: VDOT, race equivalence, training paces and Riegel's endurance curve.

Daniels and Gilbert (1979) describe a race with two curves:

* the **oxygen cost** of running at a speed, ``VO2(v)`` in ml/kg/min, and
* the **fraction of VO2max** a runner can sustain for a race lasting ``t`` minutes.

A race run at speed ``v`` for ``t`` minutes therefore reveals the VO2max that would
explain it: ``VDOT = VO2(v) / fraction(t)``. Because the oxygen-cost curve is the same
for everyone, VDOT folds running economy into one "pseudo-VO2max" that ranks
performances over different distances. Holding VDOT fixed and solving for ``t`` at
another distance gives the equivalent race time (Daniels' race-equivalence table),
and running at set fractions of VDOT gives the training paces E, M, T, I and R.

Validity (enforced, ``InvalidInput`` otherwise):

* races from 1500 m to the marathon, lasting 3 to 300 min, run at 100 to 500 m/min
  (Daniels' tables span 3:23 for 1500 m at VDOT 85 to 4:49:17 for the marathon
  at VDOT 30);
* VDOT 30 to 85 for race prediction and training paces, the range of Daniels'
  published tables.

Speeds are in metres per minute because the Daniels-Gilbert coefficients are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive, require_range
from runlift.units import METRES_PER_KM, SECONDS_PER_MINUTE, pace_s_per_km, speed_m_per_s

MIN_RACE_DISTANCE_M: Final = 1500.0
"""Shortest race the VDOT model is used for (the first column of Daniels' tables)."""

MAX_RACE_DISTANCE_M: Final = 42195.0
"""Longest race the VDOT model is used for: the marathon."""

MIN_RACE_DURATION_MIN: Final = 3.0
"""Shortest race duration accepted (Daniels' fastest entry, 1500 m at VDOT 85, is 3:23.5)."""

MAX_RACE_DURATION_MIN: Final = 300.0
"""Longest race duration accepted (Daniels' slowest entry, a VDOT 30 marathon, is 4:49:17)."""

MIN_SPEED_M_PER_MIN: Final = 100.0
"""Slowest speed for the oxygen-cost curve (10:00/km); the fit is for running, not walking."""

MAX_SPEED_M_PER_MIN: Final = 500.0
"""Fastest speed for the oxygen-cost curve (2:00/km), above any 1500 m in Daniels' tables."""

MIN_VDOT: Final = 30.0
"""Lowest VDOT in Daniels' race-equivalence and training-pace tables."""

MAX_VDOT: Final = 85.0
"""Highest VDOT in Daniels' race-equivalence and training-pace tables."""

RIEGEL_EXPONENT: Final = 1.06
"""Riegel's fatigue exponent for running (Riegel 1981)."""

MIN_RIEGEL_EXPONENT: Final = 1.0
"""Lowest exponent accepted: below 1 a longer race would be run faster."""

MAX_RIEGEL_EXPONENT: Final = 1.2
"""Highest exponent accepted: well above the values Riegel fitted for any sport."""

# Oxygen cost of running, VO2 = a + b v + c v^2 (ml/kg/min, v in m/min); Daniels & Gilbert 1979.
_COST_INTERCEPT: Final = -4.60
_COST_LINEAR: Final = 0.182258
_COST_QUADRATIC: Final = 0.000104

# Sustainable fraction of VO2max, f = base + a1 e^(-k1 t) + a2 e^(-k2 t) (t in min); same source.
_FRACTION_BASE: Final = 0.8
_FRACTION_SLOW_AMPLITUDE: Final = 0.1894393
_FRACTION_SLOW_RATE_PER_MIN: Final = 0.012778
_FRACTION_FAST_AMPLITUDE: Final = 0.2989558
_FRACTION_FAST_RATE_PER_MIN: Final = 0.1932605

_TIME_TOLERANCE_S: Final = 1e-4
"""Bisection stops when the bracket around the race time is narrower than this."""

# Training-pace intensities as fractions of VDOT. Daniels (2014) prints the paces, not
# the fractions; the values below are the fractions his training-pace table implies
# once each pace is turned back into an oxygen cost, fitted over VDOT 30-85. They
# reproduce the table within 1.3 s/km (E, M, T) and 1.6 s/km (I).
_VDOT_PIVOT: Final = 50.0
_EASY_FAST_FRACTION: Final = 0.731
_EASY_FAST_SLOPE_PER_VDOT: Final = 0.00027
_EASY_SLOW_FRACTION: Final = 0.631
_EASY_SLOW_SLOPE_PER_VDOT: Final = -0.00013
_THRESHOLD_FRACTION: Final = 0.88
_INTERVAL_FRACTION: Final = 0.975
# Below about VDOT 46 the table's M pace is slower than the equivalent marathon race
# pace (by 11 s/km at VDOT 30); a floor on the fraction, rising linearly, reproduces it.
_MARATHON_FLOOR_FRACTION_AT_30: Final = 0.778
_MARATHON_FLOOR_SLOPE_PER_VDOT: Final = 0.0023
# The table sets R a near-constant number of seconds faster than I: about 6 s per 400 m
# from VDOT 50 up and 8 s per 400 m at VDOT 46 and below. Fitted per km and blended
# linearly in between, this reproduces the table's R within 2.5 s/km.
_REPETITION_GAIN_FAST_S_PER_KM: Final = 16.0
_REPETITION_GAIN_SLOW_S_PER_KM: Final = 21.5
_REPETITION_BLEND_FROM_VDOT: Final = 46.0
_REPETITION_BLEND_TO_VDOT: Final = 50.0


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingPaces:
    """Daniels' five training intensities at one VDOT, as paces in seconds per km.

    A smaller pace is faster: ``repetition < interval < threshold < marathon <
    easy_min <= easy_max``.

    Attributes:
        vdot: the VDOT the paces were derived from.
        easy_min_s_per_km: fast end of the easy (E) range.
        easy_max_s_per_km: slow end of the easy (E) range.
        marathon_s_per_km: marathon (M) pace.
        threshold_s_per_km: threshold (T) pace.
        interval_s_per_km: interval (I) pace.
        repetition_s_per_km: repetition (R) pace.
    """

    vdot: float
    easy_min_s_per_km: float
    easy_max_s_per_km: float
    marathon_s_per_km: float
    threshold_s_per_km: float
    interval_s_per_km: float
    repetition_s_per_km: float


def speed_m_per_min(*, pace_s_per_km: float) -> float:
    """Convert a pace in seconds per km to a speed in metres per minute.

    speed (m/min) = 60 000 / pace (s/km).

    Source:
        Unit definitions only (1 km = 1000 m, 1 min = 60 s); no fitted constants.

    Examples:
        >>> speed_m_per_min(pace_s_per_km=300.0)
        200.0
    """
    require_positive("pace_s_per_km", pace_s_per_km)
    return speed_m_per_s(pace_s_per_km=pace_s_per_km) * SECONDS_PER_MINUTE


def pace_s_per_km_from_speed_m_per_min(*, speed_m_per_min: float) -> float:
    """Convert a speed in metres per minute to a pace in seconds per km.

    pace (s/km) = 60 000 / speed (m/min).

    Source:
        Unit definitions only (1 km = 1000 m, 1 min = 60 s); no fitted constants.

    Examples:
        >>> pace_s_per_km_from_speed_m_per_min(speed_m_per_min=200.0)
        300.0
    """
    require_positive("speed_m_per_min", speed_m_per_min)
    return pace_s_per_km(speed_m_per_s=speed_m_per_min / SECONDS_PER_MINUTE)


def oxygen_cost_ml_per_kg_min(*, speed_m_per_min: float) -> float:
    """Oxygen cost of running on the flat at a steady speed.

    VO2 = -4.60 + 0.182258 v + 0.000104 v^2, with v in m/min and VO2 in ml/kg/min.

    The curve was fitted to the running economy of trained runners; it is used
    here from 100 to 500 m/min (10:00/km to 2:00/km).

    Args:
        speed_m_per_min: running speed, metres per minute.

    Returns:
        Oxygen uptake, ml per kg of body mass per minute.

    Raises:
        InvalidInput: ``speed_m_per_min`` outside 100-500 m/min or not a number.

    Source:
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance
        Runners. Tempe, AZ: J. Daniels; 1979.

    Examples:
        >>> round(oxygen_cost_ml_per_kg_min(speed_m_per_min=200.0), 4)
        36.0116
    """
    require_range("speed_m_per_min", speed_m_per_min, MIN_SPEED_M_PER_MIN, MAX_SPEED_M_PER_MIN)
    return _oxygen_cost(speed_m_per_min)


def vo2max_fraction(*, duration_min: float) -> float:
    """Fraction of VO2max a runner can sustain for a race of a given duration.

    f = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t), t in minutes.

    The fraction exceeds 1 for races shorter than about 10 min (the excess stands
    for anaerobic supply) and falls towards 0.8 for very long races. Used here for
    3 to 300 min, the span of Daniels' tables.

    Args:
        duration_min: race duration, minutes.

    Returns:
        Sustainable fraction of VO2max (dimensionless).

    Raises:
        InvalidInput: ``duration_min`` outside 3-300 min or not a number.

    Source:
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance
        Runners. Tempe, AZ: J. Daniels; 1979.

    Examples:
        >>> round(vo2max_fraction(duration_min=60.0), 4)
        0.888
    """
    require_range("duration_min", duration_min, MIN_RACE_DURATION_MIN, MAX_RACE_DURATION_MIN)
    return _fraction(duration_min)


def vdot(*, distance_m: float, time_s: float) -> float:
    """VDOT (Daniels' pseudo-VO2max) from a race result.

    VDOT = VO2(v) / f(t), where v = distance / time in m/min, VO2 is
    :func:`oxygen_cost_ml_per_kg_min` and f is :func:`vo2max_fraction` at the race
    duration t in minutes.

    Valid for races of 1500 m to the marathon lasting 3 to 300 min at an average
    speed of 100 to 500 m/min; the result reproduces Daniels' race table within
    about 0.25 VDOT.

    Args:
        distance_m: race distance, metres.
        time_s: finishing time, seconds.

    Returns:
        VDOT, ml/kg/min.

    Raises:
        InvalidInput: naming ``distance_m`` or ``time_s`` when outside the ranges above.

    Source:
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance
        Runners. Tempe, AZ: J. Daniels; 1979. Daniels J. Daniels' Running Formula.
        3rd ed. Champaign, IL: Human Kinetics; 2014 (Table 5.1).

    Examples:
        A 19:57 5 km is VDOT 50 in Daniels' table:

        >>> round(vdot(distance_m=5000.0, time_s=19 * 60 + 57), 1)
        50.0
    """
    _require_race_distance(distance_m)
    require_range(
        "time_s",
        time_s,
        MIN_RACE_DURATION_MIN * SECONDS_PER_MINUTE,
        MAX_RACE_DURATION_MIN * SECONDS_PER_MINUTE,
    )
    average_speed_m_per_min = distance_m / time_s * SECONDS_PER_MINUTE
    if not MIN_SPEED_M_PER_MIN <= average_speed_m_per_min <= MAX_SPEED_M_PER_MIN:
        raise InvalidInput(
            "time_s",
            time_s,
            f"implies {average_speed_m_per_min:.0f} m/min over {distance_m:g} m; the model "
            f"covers {MIN_SPEED_M_PER_MIN:g}-{MAX_SPEED_M_PER_MIN:g} m/min",
        )
    return _vdot(distance_m, time_s)


def race_time_s(*, vdot: float, distance_m: float) -> float:
    """Equivalent race time at a distance for a given VDOT (Daniels' race equivalence).

    Solves VO2(d / t) / f(t) = VDOT for the time t by bisection. Over the
    bracket searched (the times at 500 and at 100 m/min) VDOT falls as t grows
    (checked numerically from 1500 m to the marathon), so the root is unique;
    the result is within 0.0001 s of it and reproduces Daniels' race table
    within about 0.25 %.

    Args:
        vdot: VDOT, 30 to 85.
        distance_m: race distance, 1500 m to 42 195 m.

    Returns:
        Race time, seconds.

    Raises:
        InvalidInput: naming ``vdot`` or ``distance_m`` when outside those ranges.

    Source:
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance
        Runners. Tempe, AZ: J. Daniels; 1979. Daniels J. Daniels' Running Formula.
        3rd ed. Champaign, IL: Human Kinetics; 2014 (Table 5.1).

    Examples:
        Daniels' table lists 3:10:49 for a VDOT 50 marathon:

        >>> round(race_time_s(vdot=50.0, distance_m=42195.0))
        11440
    """
    require_range("vdot", vdot, MIN_VDOT, MAX_VDOT)
    _require_race_distance(distance_m)
    fast_s = distance_m / MAX_SPEED_M_PER_MIN * SECONDS_PER_MINUTE
    slow_s = distance_m / MIN_SPEED_M_PER_MIN * SECONDS_PER_MINUTE
    while slow_s - fast_s > _TIME_TOLERANCE_S:
        middle_s = 0.5 * (fast_s + slow_s)
        if _vdot(distance_m, middle_s) > vdot:
            fast_s = middle_s
        else:
            slow_s = middle_s
    return 0.5 * (fast_s + slow_s)


def training_paces(*, vdot: float) -> TrainingPaces:
    """Daniels' training paces (E, M, T, I, R) at a VDOT.

    Each pace is the speed whose oxygen cost is a set fraction of VDOT (the
    inverse of :func:`oxygen_cost_ml_per_kg_min`), except M and R:

    * E: 0.731 + 0.00027 (VDOT - 50) of VDOT (fast end) to
      0.631 - 0.00013 (VDOT - 50) (slow end);
    * M: the equivalent marathon race pace (:func:`race_time_s`), but never faster
      than 0.778 + 0.0023 (VDOT - 30) of VDOT, which slows it below VDOT 46 as the
      table does;
    * T: 0.88 of VDOT; I: 0.975 of VDOT;
    * R: I pace less 16 s/km from VDOT 50 up and 21.5 s/km at VDOT 46 and below,
      blended linearly between (the table keeps R about 6 s per 400 m faster
      than I for faster runners and 8 s for slower ones).

    The table prints paces, not fractions: these are the fractions it implies
    (E about 63-74 %, M 78-84 %, T 88 %, I 97.5 % of VDOT), fitted over VDOT 30-85.
    They reproduce the table within 2.5 s/km for every pace.

    Args:
        vdot: VDOT, 30 to 85.

    Returns:
        The paces, seconds per km.

    Raises:
        InvalidInput: naming ``vdot`` when outside 30-85 or not a number.

    Source:
        Daniels J. Daniels' Running Formula. 3rd ed. Champaign, IL: Human
        Kinetics; 2014 (Table 5.2, training intensities based on current VDOT).
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance
        Runners. Tempe, AZ: J. Daniels; 1979.

    Examples:
        The table lists E 4:56-5:34, M 4:31, T 4:15, I 3:55 and R 87 s per 400 m
        (3:37.5) at VDOT 50:

        >>> paces = training_paces(vdot=50.0)
        >>> [round(p) for p in (paces.easy_min_s_per_km, paces.easy_max_s_per_km)]
        [296, 334]
        >>> [round(p) for p in (paces.marathon_s_per_km, paces.threshold_s_per_km)]
        [271, 255]
        >>> [round(p) for p in (paces.interval_s_per_km, paces.repetition_s_per_km)]
        [235, 219]
    """
    require_range("vdot", vdot, MIN_VDOT, MAX_VDOT)
    from_pivot = vdot - _VDOT_PIVOT
    marathon_race = race_time_s(vdot=vdot, distance_m=MAX_RACE_DISTANCE_M) / (
        MAX_RACE_DISTANCE_M / METRES_PER_KM
    )
    marathon_floor = _pace_at_fraction(
        vdot, _MARATHON_FLOOR_FRACTION_AT_30 + _MARATHON_FLOOR_SLOPE_PER_VDOT * (vdot - MIN_VDOT)
    )
    interval = _pace_at_fraction(vdot, _INTERVAL_FRACTION)
    slow_weight = min(
        max(
            (_REPETITION_BLEND_TO_VDOT - vdot)
            / (_REPETITION_BLEND_TO_VDOT - _REPETITION_BLEND_FROM_VDOT),
            0.0,
        ),
        1.0,
    )
    repetition_gain = _REPETITION_GAIN_FAST_S_PER_KM + slow_weight * (
        _REPETITION_GAIN_SLOW_S_PER_KM - _REPETITION_GAIN_FAST_S_PER_KM
    )
    return TrainingPaces(
        vdot=vdot,
        easy_min_s_per_km=_pace_at_fraction(
            vdot, _EASY_FAST_FRACTION + _EASY_FAST_SLOPE_PER_VDOT * from_pivot
        ),
        easy_max_s_per_km=_pace_at_fraction(
            vdot, _EASY_SLOW_FRACTION + _EASY_SLOW_SLOPE_PER_VDOT * from_pivot
        ),
        marathon_s_per_km=max(marathon_race, marathon_floor),
        threshold_s_per_km=_pace_at_fraction(vdot, _THRESHOLD_FRACTION),
        interval_s_per_km=interval,
        repetition_s_per_km=interval - repetition_gain,
    )


def riegel_time_s(
    *,
    known_distance_m: float,
    known_time_s: float,
    target_distance_m: float,
    exponent: float = RIEGEL_EXPONENT,
) -> float:
    """Predict a race time from another race with Riegel's endurance equation.

    t2 = t1 (d2 / d1)^b, with b = 1.06 for running.

    Riegel fitted this power law to world records lasting about 3.5 to 230 min;
    runlift accepts distances from 1500 m to the marathon and exponents of 1.0
    to 1.2.

    Args:
        known_distance_m: distance of the race run, metres.
        known_time_s: its time, seconds.
        target_distance_m: distance to predict, metres.
        exponent: fatigue exponent b.

    Returns:
        Predicted time at ``target_distance_m``, seconds.

    Raises:
        InvalidInput: naming the parameter that is out of range or not a number.

    Source:
        Riegel PS. Athletic records and human endurance. American Scientist.
        1981;69(3):285-290.

    Examples:
        Doubling the distance multiplies the time by 2^1.06 (about 2.085); a
        1:30:00 half marathon predicts a 3:07:39 marathon:

        >>> round(riegel_time_s(known_distance_m=21097.5, known_time_s=5400.0,
        ...                     target_distance_m=42195.0), 1)
        11258.6
    """
    _require_race_distance(known_distance_m, field="known_distance_m")
    require_positive("known_time_s", known_time_s)
    _require_race_distance(target_distance_m, field="target_distance_m")
    require_range("exponent", exponent, MIN_RIEGEL_EXPONENT, MAX_RIEGEL_EXPONENT)
    return known_time_s * math.pow(target_distance_m / known_distance_m, exponent)


def _require_race_distance(distance_m: float, *, field: str = "distance_m") -> None:
    require_range(field, distance_m, MIN_RACE_DISTANCE_M, MAX_RACE_DISTANCE_M)


def _oxygen_cost(speed: float) -> float:
    return _COST_INTERCEPT + _COST_LINEAR * speed + _COST_QUADRATIC * speed * speed


def _fraction(duration_min: float) -> float:
    return (
        _FRACTION_BASE
        + _FRACTION_SLOW_AMPLITUDE * math.exp(-_FRACTION_SLOW_RATE_PER_MIN * duration_min)
        + _FRACTION_FAST_AMPLITUDE * math.exp(-_FRACTION_FAST_RATE_PER_MIN * duration_min)
    )


def _vdot(distance_m: float, time_s: float) -> float:
    duration_min = time_s / SECONDS_PER_MINUTE
    return _oxygen_cost(distance_m / duration_min) / _fraction(duration_min)


def _pace_at_fraction(vdot: float, fraction: float) -> float:
    """Pace (s/km) whose oxygen cost is ``fraction`` of ``vdot``: the cost curve inverted."""
    target = fraction * vdot - _COST_INTERCEPT
    speed = (
        -_COST_LINEAR + math.sqrt(_COST_LINEAR * _COST_LINEAR + 4.0 * _COST_QUADRATIC * target)
    ) / (2.0 * _COST_QUADRATIC)
    return METRES_PER_KM * SECONDS_PER_MINUTE / speed
