"""Race fuelling arithmetic: loading, the pre-race meal, carbohydrate during the race."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.errors import InvalidInput
from runlift.science.fuelling import (
    IN_RACE_FLUID_ML_PER_H,
    in_race_carbohydrate,
    pre_race_carbohydrate,
    pre_race_meal_g_per_kg,
    pre_race_meal_lead_min,
)

# Before the race: Thomas, Erdman & Burke 2016 (10-12 g/kg for 36-48 h; 7-12 g/kg in 24 h)


@pytest.mark.parametrize("distance_m", [21097.5, 30000.0, 42195.0, 100000.0])
def test_half_marathon_and_longer_load_for_two_days_at_10_g_per_kg(distance_m: float) -> None:
    plan = pre_race_carbohydrate(race_distance_m=distance_m)
    assert plan.loading
    assert plan.days == 2
    assert (plan.low_g_per_kg, plan.high_g_per_kg) == (10.0, 12.0)
    assert plan.target_g_per_kg == 10.0


@pytest.mark.parametrize("distance_m", [400.0, 1500.0, 5000.0, 10000.0, 21000.0])
def test_shorter_races_fuel_up_on_the_day_before(distance_m: float) -> None:
    plan = pre_race_carbohydrate(race_distance_m=distance_m)
    assert not plan.loading
    assert plan.days == 1
    assert (plan.low_g_per_kg, plan.high_g_per_kg) == (7.0, 12.0)
    assert plan.target_g_per_kg == 7.0


@pytest.mark.parametrize("distance_m", [399.0, 250_001.0, math.nan, -5000.0])
def test_pre_race_carbohydrate_rejects_bad_distance(distance_m: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        pre_race_carbohydrate(race_distance_m=distance_m)
    assert caught.value.field == "race_distance_m"


# Race morning: 1-4 g/kg eaten 1-4 h before the start (Thomas 2016)


@pytest.mark.parametrize(
    ("duration_min", "lead_min"),
    [(15.0, 120.0), (75.0, 120.0), (75.1, 180.0), (195.0, 180.0), (600.0, 180.0)],
)
def test_pre_race_meal_lead(duration_min: float, lead_min: float) -> None:
    assert pre_race_meal_lead_min(race_duration_min=duration_min) == lead_min


@pytest.mark.parametrize(("lead_min", "g_per_kg"), [(60, 1.0), (120, 2.0), (180, 3.0), (240, 4.0)])
def test_pre_race_meal_is_one_g_per_kg_per_hour(lead_min: float, g_per_kg: float) -> None:
    assert pre_race_meal_g_per_kg(lead_min=lead_min) == pytest.approx(g_per_kg)


@given(lead_min=st.floats(min_value=60, max_value=240))
def test_pre_race_meal_within_the_position_stand(lead_min: float) -> None:
    assert 1.0 <= pre_race_meal_g_per_kg(lead_min=lead_min) <= 4.0


@pytest.mark.parametrize("lead_min", [59.0, 241.0, math.inf])
def test_pre_race_meal_rejects_leads_outside_one_to_four_hours(lead_min: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        pre_race_meal_g_per_kg(lead_min=lead_min)
    assert caught.value.field == "lead_min"


# During the race: Jeukendrup 2014 (30 g/h for 1-2 h, 60 g/h for 2-3 h, up to 90 g/h beyond 2.5 h)


@pytest.mark.parametrize("duration_min", [1.0, 20.0, 45.0, 75.0])
def test_no_fuel_during_races_up_to_75_minutes(duration_min: float) -> None:
    assert in_race_carbohydrate(race_duration_min=duration_min) is None


@pytest.mark.parametrize(
    ("duration_min", "low", "high", "target", "mixed"),
    [
        (76.0, 30.0, 60.0, 30.0, False),
        (120.0, 30.0, 60.0, 30.0, False),
        (121.0, 30.0, 60.0, 60.0, False),
        (150.0, 30.0, 60.0, 60.0, False),
        (151.0, 60.0, 90.0, 60.0, True),
        (300.0, 60.0, 90.0, 60.0, True),
    ],
)
def test_in_race_carbohydrate_by_duration(
    duration_min: float, low: float, high: float, target: float, mixed: bool
) -> None:
    fuel = in_race_carbohydrate(race_duration_min=duration_min)
    assert fuel is not None
    assert (fuel.low_g_per_h, fuel.high_g_per_h, fuel.target_g_per_h) == (low, high, target)
    assert fuel.multiple_transportable is mixed


@given(duration_min=st.floats(min_value=75.001, max_value=1440))
def test_in_race_target_inside_its_range_and_never_above_90_g_per_h(duration_min: float) -> None:
    fuel = in_race_carbohydrate(race_duration_min=duration_min)
    assert fuel is not None
    assert 30.0 <= fuel.low_g_per_h <= fuel.target_g_per_h <= fuel.high_g_per_h <= 90.0
    # Above 60 g/h glucose alone is not absorbed: the top then needs glucose with fructose.
    assert fuel.multiple_transportable is (fuel.high_g_per_h > 60.0)


@pytest.mark.parametrize("function", [in_race_carbohydrate, pre_race_meal_lead_min])
@pytest.mark.parametrize("duration_min", [0.0, 1441.0, math.nan])
def test_race_duration_checked(function: object, duration_min: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        function(race_duration_min=duration_min)  # type: ignore[operator]
    assert caught.value.field == "race_duration_min"


def test_fluid_is_sawka_2007_starting_range() -> None:
    assert IN_RACE_FLUID_ML_PER_H == (400.0, 800.0)
