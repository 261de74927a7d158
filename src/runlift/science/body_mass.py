"""Body-mass trend from dated weigh-ins, and its comparison with the nutrition plan (NUT-1).

A single weigh-in says little: body mass moves from day to day with water, glycogen and
gut content, by amounts as large as a week's planned change. Two tools look past that:

* :func:`smoothed_mass_trend`: the exponentially smoothed trend of Walker's *The Hacker's
  Diet*, one value per day, for charts and for "where am I now".
* :func:`body_mass_trend`: the rate of change, the slope of an ordinary least-squares
  line through the readings of the last four weeks, with its standard error.

The plan's rate comes from the same rule the planner uses for its expected body mass
(``runlift.nutrition.days``): a daily energy balance turns into mass at 7700 kcal per kg
(:func:`planned_mass_rate_kg_per_week`). :func:`mass_rate_against_plan` compares the two
within a stated tolerance.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_range
from runlift.science.nutrition import KCAL_PER_KG_BODY_MASS_CHANGE, MAX_MASS_KG, MIN_MASS_KG

DAYS_PER_WEEK: Final = 7

HACKERS_DIET_SMOOTHING: Final = 0.1
"""Share of the gap between today's reading and yesterday's trend that the trend closes.

Walker's choice: each day the trend moves a tenth of the way toward the day's reading, so
a reading's weight halves in about a week (0.9^7 = 0.48).
"""

TREND_WINDOW_DAYS: Final = 28
"""Days of readings the rate is fitted over: four weeks.

Long enough that day-to-day scatter averages out (the slope's standard error shrinks with
the cube of the span for daily weigh-ins), short enough to follow a change of plan within
a mesocycle.
"""

MIN_TREND_WINDOW_DAYS: Final = 14
"""Shortest window accepted, and the least span the readings in it must cover."""

MAX_TREND_WINDOW_DAYS: Final = 366
"""Longest window accepted: a year."""

MIN_TREND_DAYS: Final = 4
"""Fewest distinct weigh-in days a rate is fitted from (weekly weigh-ins over four weeks)."""

MASS_RATE_TOLERANCE_FRACTION: Final = 0.0025
"""Tolerance of "on track": 0.25 % of body mass per week either side of the planned rate.

Half the planned fat-loss rate (0.5 % a week, ``nutrition.FAT_LOSS_WEEKLY_RATE``), so a
fat-loss plan is on track from 0.25 % to 0.75 % a week, inside or near Helms et al.'s
0.5-1 % a week. It is also about the uncertainty of the fit: with daily weigh-ins over
28 days that scatter 0.6 kg (SD) around the line, two standard errors of the slope are
0.2 kg a week, 0.25 % of 80 kg. ``MassTrend.rate_se_kg_per_week`` shows when the
readings scatter more and the verdict is less sure.
"""

MAX_RATE_KG_PER_WEEK: Final = 5.0
"""Largest rate of change accepted, either way; far above any sustained change."""

MAX_ENERGY_BALANCE_KCAL_PER_DAY: Final = 3000.0
"""Largest daily energy surplus or deficit accepted (NUT-1's are a few hundred kcal)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MassReading:
    """One weigh-in.

    Attributes:
        on_date: the day of the weigh-in.
        mass_kg: body mass, kg, 30 to 250.

    Raises:
        InvalidInput: on construction, when ``mass_kg`` is outside 30-250 kg.
    """

    on_date: date
    mass_kg: float

    def __post_init__(self) -> None:
        require_range("mass_kg", self.mass_kg, MIN_MASS_KG, MAX_MASS_KG)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendDay:
    """One day of the smoothed trend.

    Attributes:
        on_date: the day.
        mass_kg: the day's reading (the mean of the day's readings), or on a day without
            one the straight line between the readings either side.
        measured: whether the day had a reading.
        trend_kg: the smoothed trend on that day.
    """

    on_date: date
    mass_kg: float
    measured: bool
    trend_kg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class MassTrend:
    """The rate of change of body mass over a window, fitted by least squares.

    Attributes:
        on_date: the last day of the window.
        window_days: the window's length; it holds the days after ``on_date - window_days``
            up to ``on_date``.
        readings_used: the number of readings in the window.
        rate_kg_per_week: the slope of the fitted line, kg per week (negative = losing).
        rate_se_kg_per_week: the slope's standard error, kg per week.
        trend_mass_kg: the fitted line's value on ``on_date``, kg.
    """

    on_date: date
    window_days: int
    readings_used: int
    rate_kg_per_week: float
    rate_se_kg_per_week: float
    trend_mass_kg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class MassRateCheck:
    """The observed rate of change against the plan's.

    Attributes:
        observed_kg_per_week: the measured rate (e.g. ``MassTrend.rate_kg_per_week``).
        planned_kg_per_week: the plan's rate (``planned_mass_rate_kg_per_week``).
        difference_kg_per_week: observed - planned; positive means gaining faster (or
            losing slower) than planned.
        tolerance_kg_per_week: the largest difference still on track, either way.
        on_track: ``|difference| <= tolerance``.
    """

    observed_kg_per_week: float
    planned_kg_per_week: float
    difference_kg_per_week: float
    tolerance_kg_per_week: float
    on_track: bool


def smoothed_mass_trend(*, readings: Sequence[MassReading]) -> tuple[TrendDay, ...]:
    """Exponentially smoothed body-mass trend, one value per day (The Hacker's Diet).

    T(0) = M(0);  T(d) = T(d - 1) + 0.1 x (M(d) - T(d - 1))

    from the first reading's day to the last. M(d) is the day's reading, the mean when a
    day has several; on a day without one, runlift uses the straight line between the
    readings either side, so a gap neither pulls the trend nor freezes it.

    Args:
        readings: weigh-ins in any order; may be empty.

    Returns:
        One ``TrendDay`` per calendar day from the first reading to the last; empty when
        there is no reading.

    Source:
        Walker J. The Hacker's Diet: How to Lose Weight and Hair Through Stress and Poor
        Nutrition. 1991; online edition, fourmilab.ch, 2005 (the trend as an
        exponentially smoothed moving average with 10 % smoothing).

    Examples:
        >>> from datetime import date
        >>> days = smoothed_mass_trend(readings=[
        ...     MassReading(on_date=date(2025, 1, 1), mass_kg=80.0),
        ...     MassReading(on_date=date(2025, 1, 2), mass_kg=79.0),
        ...     MassReading(on_date=date(2025, 1, 4), mass_kg=81.0),
        ... ])
        >>> [(d.mass_kg, d.measured, round(d.trend_kg, 3)) for d in days]
        [(80.0, True, 80.0), (79.0, True, 79.9), (80.0, False, 79.91), (81.0, True, 80.019)]
    """
    by_day = _daily_means(readings)
    if not by_day:
        return ()
    daily = _daily_series(by_day)
    days: list[TrendDay] = []
    trend = daily[0][1]
    for day, mass, measured in daily:
        trend += HACKERS_DIET_SMOOTHING * (mass - trend)
        days.append(TrendDay(on_date=day, mass_kg=mass, measured=measured, trend_kg=trend))
    return tuple(days)


def body_mass_trend(
    *, readings: Sequence[MassReading], on_date: date, window_days: int = TREND_WINDOW_DAYS
) -> MassTrend | None:
    """Rate of change of body mass: the least-squares slope of the window's readings.

    slope = sum((x - x_mean)(m - m_mean)) / sum((x - x_mean)^2),  rate = 7 x slope

    with x the day of each reading and m its mass; SE(slope) = sqrt(s^2 / Sxx) with
    s^2 = residual sum of squares / (n - 2). The window holds the readings of the
    ``window_days`` days ending on ``on_date``. A straight line suits a window of a few
    weeks, over which a planned change is close to steady.

    Args:
        readings: weigh-ins in any order; none may be after ``on_date``.
        on_date: the last day of the window.
        window_days: the window's length in days, 14 to 366 (28 by default).

    Returns:
        The fitted rate, its standard error and the line's value on ``on_date``; ``None``
        when the window holds fewer than 4 weigh-in days or they span less than 14 days
        (too little to tell a trend from the scatter).

    Raises:
        InvalidInput: when a reading is dated after ``on_date`` or ``window_days`` is
            outside 14-366.

    Sources:
        Legendre AM. Nouvelles méthodes pour la détermination des orbites des comètes.
        Paris: Courcier; 1805 (least squares).

        Walker J. The Hacker's Diet. 1991 (judge a change of weight from the trend through
        many weigh-ins, never from the difference of two readings).

    Examples:
        Weekly weigh-ins of 80.0, 79.6, 79.4 and 79.0 kg:

        >>> from datetime import date
        >>> trend = body_mass_trend(readings=[
        ...     MassReading(on_date=date(2025, 3, 10), mass_kg=80.0),
        ...     MassReading(on_date=date(2025, 3, 17), mass_kg=79.6),
        ...     MassReading(on_date=date(2025, 3, 24), mass_kg=79.4),
        ...     MassReading(on_date=date(2025, 3, 31), mass_kg=79.0),
        ... ], on_date=date(2025, 3, 31))
        >>> round(trend.rate_kg_per_week, 3), round(trend.rate_se_kg_per_week, 4)
        (-0.32, 0.0283)
        >>> round(trend.trend_mass_kg, 2)
        79.02
    """
    if isinstance(window_days, bool) or not isinstance(window_days, int):
        raise InvalidInput("window_days", window_days, "must be a whole number of days")
    require_range("window_days", window_days, MIN_TREND_WINDOW_DAYS, MAX_TREND_WINDOW_DAYS)
    points: list[tuple[float, float]] = []
    for index, reading in enumerate(readings):
        offset_days = (reading.on_date - on_date).days
        if offset_days > 0:
            raise InvalidInput(
                f"readings[{index}].on_date", reading.on_date, f"must not be after {on_date}"
            )
        if offset_days > -window_days:
            points.append((float(offset_days), reading.mass_kg))
    distinct_days = {x for x, _ in points}
    if len(distinct_days) < MIN_TREND_DAYS:
        return None
    if max(distinct_days) - min(distinct_days) < MIN_TREND_WINDOW_DAYS:
        return None
    count = len(points)
    x_mean = math.fsum(x for x, _ in points) / count
    m_mean = math.fsum(m for _, m in points) / count
    sxx = math.fsum((x - x_mean) ** 2 for x, _ in points)
    sxy = math.fsum((x - x_mean) * (m - m_mean) for x, m in points)
    slope = sxy / sxx
    intercept = m_mean - slope * x_mean
    residual_ss = math.fsum((m - intercept - slope * x) ** 2 for x, m in points)
    slope_se = math.sqrt(residual_ss / (count - 2) / sxx)
    return MassTrend(
        on_date=on_date,
        window_days=window_days,
        readings_used=count,
        rate_kg_per_week=slope * DAYS_PER_WEEK,
        rate_se_kg_per_week=slope_se * DAYS_PER_WEEK,
        trend_mass_kg=intercept,
    )


def planned_mass_rate_kg_per_week(*, energy_balance_kcal_per_day: float) -> float:
    """Rate of change of body mass that a daily energy balance plans for (NUT-1).

    rate (kg/week) = balance (kcal/day) x 7 / 7700

    The same static rule the planner uses for each day's expected body mass: 7700 kcal per
    kg, from 3500 kcal per pound. Pass the plan's mean of (target - expenditure) over the
    days compared. Its defaults give, for 80 kg: fat loss -5.5 kcal per kg a day, so
    -0.4 kg a week (0.5 % of body mass); muscle gain +375 kcal, +0.34 kg a week; strength,
    race and general fitness +125 kcal, +0.11 kg a week. Expenditure adapts as mass
    changes, so the real change over months is smaller than this rule says (Hall 2008).

    Args:
        energy_balance_kcal_per_day: planned intake minus expenditure, -3000 to 3000.

    Returns:
        The planned rate, kg per week (negative = losing).

    Raises:
        InvalidInput: when the balance is outside -3000 to 3000 kcal/day or not finite.

    Sources:
        Wishnofsky M. Caloric equivalents of gained or lost weight. Am J Clin Nutr.
        1958;6(5):542-546 (3500 kcal per pound).

        Hall KD. What is the required energy deficit per unit weight loss? Int J Obes.
        2008;32(3):573-576 (why the static rule overstates long-run change).

    Examples:
        >>> planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=-440)
        -0.4
        >>> round(planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=375), 3)
        0.341
    """
    require_range(
        "energy_balance_kcal_per_day",
        energy_balance_kcal_per_day,
        -MAX_ENERGY_BALANCE_KCAL_PER_DAY,
        MAX_ENERGY_BALANCE_KCAL_PER_DAY,
    )
    return energy_balance_kcal_per_day * DAYS_PER_WEEK / KCAL_PER_KG_BODY_MASS_CHANGE


def mass_rate_against_plan(
    *, observed_kg_per_week: float, planned_kg_per_week: float, mass_kg: float
) -> MassRateCheck:
    """Compare the measured rate of change of body mass with the plan's (NUT-1).

    difference = observed - planned;  on track when |difference| <= 0.0025 x mass

    The tolerance, 0.25 % of body mass a week either way, is argued at
    ``MASS_RATE_TOLERANCE_FRACTION``.

    Args:
        observed_kg_per_week: the measured rate, -5 to 5 kg per week.
        planned_kg_per_week: the plan's rate, -5 to 5 kg per week.
        mass_kg: current body mass, 30 to 250 kg (e.g. ``MassTrend.trend_mass_kg``).

    Returns:
        The difference, the tolerance and whether the athlete is on track.

    Raises:
        InvalidInput: when a value is outside its range or not finite.

    Source:
        Helms ER, Aragon AA, Fitschen PJ. Evidence-based recommendations for natural
        bodybuilding contest preparation: nutrition and supplementation. J Int Soc Sports
        Nutr. 2014;11:20 (losses of 0.5-1 % of body mass a week).

    Examples:
        Planned -0.4 kg a week at 80 kg, measured -0.32: 0.08 kg a week slower, within
        the 0.2 kg tolerance:

        >>> check = mass_rate_against_plan(
        ...     observed_kg_per_week=-0.32, planned_kg_per_week=-0.4, mass_kg=80)
        >>> round(check.difference_kg_per_week, 2), check.tolerance_kg_per_week, check.on_track
        (0.08, 0.2, True)
    """
    require_range(
        "observed_kg_per_week", observed_kg_per_week, -MAX_RATE_KG_PER_WEEK, MAX_RATE_KG_PER_WEEK
    )
    require_range(
        "planned_kg_per_week", planned_kg_per_week, -MAX_RATE_KG_PER_WEEK, MAX_RATE_KG_PER_WEEK
    )
    require_range("mass_kg", mass_kg, MIN_MASS_KG, MAX_MASS_KG)
    difference = observed_kg_per_week - planned_kg_per_week
    tolerance = MASS_RATE_TOLERANCE_FRACTION * mass_kg
    return MassRateCheck(
        observed_kg_per_week=observed_kg_per_week,
        planned_kg_per_week=planned_kg_per_week,
        difference_kg_per_week=difference,
        tolerance_kg_per_week=tolerance,
        on_track=abs(difference) <= tolerance,
    )


def _daily_series(by_day: dict[date, float]) -> list[tuple[date, float, bool]]:
    """Every day from the first reading to the last: (day, mass, measured), gaps interpolated."""
    measured_days = sorted(by_day)
    series: list[tuple[date, float, bool]] = []
    for before, after in itertools.pairwise(measured_days):
        gap_days = (after - before).days
        for offset in range(gap_days):
            share = offset / gap_days
            mass = by_day[before] + share * (by_day[after] - by_day[before])
            series.append((before + timedelta(days=offset), mass, offset == 0))
    last = measured_days[-1]
    series.append((last, by_day[last], True))
    return series


def _daily_means(readings: Sequence[MassReading]) -> dict[date, float]:
    by_day: dict[date, list[float]] = {}
    for reading in readings:
        by_day.setdefault(reading.on_date, []).append(reading.mass_kg)
    return {day: math.fsum(masses) / len(masses) for day, masses in by_day.items()}
