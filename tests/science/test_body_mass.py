"""Body-mass trend: Walker's smoothed trend, the least-squares rate, and the plan's rate."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from runlift.errors import InvalidInput
from runlift.science.body_mass import (
    HACKERS_DIET_SMOOTHING,
    MASS_RATE_TOLERANCE_FRACTION,
    MassReading,
    body_mass_trend,
    mass_rate_against_plan,
    planned_mass_rate_kg_per_week,
    smoothed_mass_trend,
)
from runlift.science.nutrition import FAT_LOSS_KCAL_PER_KG_PER_DAY, FAT_LOSS_WEEKLY_RATE

TODAY = date(2025, 6, 30)


def _reading(days_ago: int, mass_kg: float) -> MassReading:
    return MassReading(on_date=TODAY - timedelta(days=days_ago), mass_kg=mass_kg)


# Readings


@pytest.mark.parametrize("mass_kg", [29.9, 250.1, math.nan])
def test_reading_rejects_implausible_masses(mass_kg: float) -> None:
    with pytest.raises(InvalidInput) as info:
        MassReading(on_date=TODAY, mass_kg=mass_kg)
    assert info.value.field == "mass_kg"


# The Hacker's Diet trend (Walker 1991)


def test_no_readings_give_no_trend() -> None:
    assert smoothed_mass_trend(readings=[]) == ()


def test_trend_starts_at_the_first_reading_and_moves_a_tenth_of_the_way() -> None:
    masses = [80.0, 81.0, 79.0, 80.5]
    days = smoothed_mass_trend(readings=[_reading(3 - i, m) for i, m in enumerate(masses)])
    expected = [80.0]
    for mass in masses[1:]:
        expected.append(expected[-1] + HACKERS_DIET_SMOOTHING * (mass - expected[-1]))
    assert [d.trend_kg for d in days] == pytest.approx(expected)
    assert all(d.measured for d in days)
    assert expected == pytest.approx([80.0, 80.1, 79.99, 80.041])


def test_missing_days_are_interpolated_and_flagged() -> None:
    days = smoothed_mass_trend(readings=[_reading(4, 80.0), _reading(0, 78.0)])
    assert [d.on_date for d in days] == [TODAY - timedelta(days=4 - i) for i in range(5)]
    assert [d.mass_kg for d in days] == pytest.approx([80.0, 79.5, 79.0, 78.5, 78.0])
    assert [d.measured for d in days] == [True, False, False, False, True]


def test_several_readings_on_one_day_are_averaged_and_order_does_not_matter() -> None:
    readings = [_reading(0, 79.0), _reading(1, 80.0), _reading(1, 81.0)]
    days = smoothed_mass_trend(readings=readings)
    assert [d.mass_kg for d in days] == [80.5, 79.0]
    assert days[1].trend_kg == pytest.approx(80.5 + 0.1 * (79.0 - 80.5))


def test_a_constant_mass_gives_a_flat_trend() -> None:
    days = smoothed_mass_trend(readings=[_reading(d, 72.4) for d in range(0, 30, 3)])
    assert all(d.trend_kg == pytest.approx(72.4) for d in days)


# The least-squares rate


def test_a_straight_line_is_recovered_exactly() -> None:
    # -0.1 kg a day = -0.7 kg a week, no scatter.
    readings = [_reading(d, 80.0 + 0.1 * d) for d in range(28)]
    trend = body_mass_trend(readings=readings, on_date=TODAY)
    assert trend is not None
    assert trend.rate_kg_per_week == pytest.approx(-0.7)
    assert trend.rate_se_kg_per_week == pytest.approx(0.0, abs=1e-9)
    assert trend.trend_mass_kg == pytest.approx(80.0)
    assert trend.readings_used == 28
    assert trend.window_days == 28
    assert trend.on_date == TODAY


def test_rate_by_hand_with_scatter() -> None:
    # Days -21, -14, -7, 0 at 80.0, 79.6, 79.4, 79.0: x mean -10.5, m mean 79.5,
    # Sxx = 245, Sxy = -11.2, slope = -0.0457142857 kg/day, residuals 0.02, -0.06,
    # 0.06, -0.02: RSS 0.008, s^2 = 0.004, SE = sqrt(0.004 / 245) per day.
    readings = [_reading(21, 80.0), _reading(14, 79.6), _reading(7, 79.4), _reading(0, 79.0)]
    trend = body_mass_trend(readings=readings, on_date=TODAY)
    assert trend is not None
    assert trend.rate_kg_per_week == pytest.approx(-11.2 / 245 * 7)
    assert trend.rate_se_kg_per_week == pytest.approx(math.sqrt(0.004 / 245) * 7)
    assert trend.trend_mass_kg == pytest.approx(79.02)


def test_only_readings_inside_the_window_count() -> None:
    # A reading 28 days before on_date is outside a 28-day window (days -27..0).
    outlier = _reading(28, 95.0)
    line = [_reading(d, 70.0 + 0.05 * d) for d in (0, 5, 10, 15, 20, 27)]
    trend = body_mass_trend(readings=[outlier, *line], on_date=TODAY)
    assert trend is not None
    assert trend.readings_used == 6
    assert trend.rate_kg_per_week == pytest.approx(-0.35)
    wide = body_mass_trend(readings=[outlier, *line], on_date=TODAY, window_days=29)
    assert wide is not None
    assert wide.readings_used == 7


def test_too_few_days_or_too_short_a_span_give_no_rate() -> None:
    three_days = [_reading(d, 80.0 - 0.1 * d) for d in (0, 10, 20)]
    assert body_mass_trend(readings=three_days, on_date=TODAY) is None
    # Four readings on only three distinct days.
    repeated = [*three_days, _reading(10, 80.2)]
    assert body_mass_trend(readings=repeated, on_date=TODAY) is None
    # Many days, but spanning only 13 days.
    short = [_reading(d, 80.0) for d in range(14)]
    assert body_mass_trend(readings=short, on_date=TODAY) is None
    # A span of exactly 14 days is enough.
    enough = [_reading(d, 80.0) for d in range(15)]
    assert body_mass_trend(readings=enough, on_date=TODAY) is not None


def test_the_fitted_rate_ignores_the_order_of_the_readings() -> None:
    readings = [_reading(d, 80.0 + 0.03 * d + (0.4 if d % 3 else -0.2)) for d in range(28)]
    forward = body_mass_trend(readings=readings, on_date=TODAY)
    backward = body_mass_trend(readings=readings[::-1], on_date=TODAY)
    assert forward is not None
    assert backward is not None
    assert forward.rate_kg_per_week == pytest.approx(backward.rate_kg_per_week)


@pytest.mark.parametrize("window_days", [13, 367, 28.0, True])
def test_window_outside_its_range_is_rejected(window_days: int) -> None:
    with pytest.raises(InvalidInput) as info:
        body_mass_trend(readings=[], on_date=TODAY, window_days=window_days)
    assert info.value.field == "window_days"


def test_a_reading_after_the_day_of_the_trend_is_an_error() -> None:
    with pytest.raises(InvalidInput) as info:
        body_mass_trend(readings=[_reading(0, 80.0), _reading(-1, 80.0)], on_date=TODAY)
    assert info.value.field == "readings[1].on_date"


# The plan's rate and the comparison (NUT-1)


def test_planned_rate_matches_the_nutrition_rule_for_fat_loss() -> None:
    mass_kg = 80.0
    deficit = -FAT_LOSS_KCAL_PER_KG_PER_DAY * mass_kg
    rate = planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=deficit)
    assert rate == pytest.approx(-FAT_LOSS_WEEKLY_RATE * mass_kg)
    assert planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=0.0) == 0.0
    assert planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=770.0) == pytest.approx(0.7)


@pytest.mark.parametrize("balance", [-3000.1, 3000.1, math.nan, math.inf])
def test_planned_rate_rejects_implausible_balances(balance: float) -> None:
    with pytest.raises(InvalidInput) as info:
        planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=balance)
    assert info.value.field == "energy_balance_kcal_per_day"


def test_on_track_within_a_quarter_percent_of_body_mass_a_week() -> None:
    tolerance = MASS_RATE_TOLERANCE_FRACTION * 80.0
    assert tolerance == pytest.approx(0.2)
    slower = mass_rate_against_plan(
        observed_kg_per_week=-0.25, planned_kg_per_week=-0.4, mass_kg=80.0
    )
    assert slower.difference_kg_per_week == pytest.approx(0.15)
    assert slower.on_track
    faster = mass_rate_against_plan(
        observed_kg_per_week=-0.58, planned_kg_per_week=-0.4, mass_kg=80
    )
    assert faster.tolerance_kg_per_week == pytest.approx(0.2)
    assert faster.on_track
    stalled = mass_rate_against_plan(observed_kg_per_week=0.0, planned_kg_per_week=-0.4, mass_kg=80)
    assert stalled.difference_kg_per_week == pytest.approx(0.4)
    assert not stalled.on_track
    too_fast = mass_rate_against_plan(
        observed_kg_per_week=-0.9, planned_kg_per_week=-0.4, mass_kg=80
    )
    assert too_fast.difference_kg_per_week == pytest.approx(-0.5)
    assert not too_fast.on_track
    assert (too_fast.observed_kg_per_week, too_fast.planned_kg_per_week) == (-0.9, -0.4)


@pytest.mark.parametrize(
    ("observed", "planned", "mass_kg", "field"),
    [
        (5.1, 0.0, 80.0, "observed_kg_per_week"),
        (math.nan, 0.0, 80.0, "observed_kg_per_week"),
        (0.0, -5.1, 80.0, "planned_kg_per_week"),
        (0.0, 0.0, 20.0, "mass_kg"),
    ],
)
def test_comparison_rejects_nonsense(
    observed: float, planned: float, mass_kg: float, field: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        mass_rate_against_plan(
            observed_kg_per_week=observed, planned_kg_per_week=planned, mass_kg=mass_kg
        )
    assert info.value.field == field
