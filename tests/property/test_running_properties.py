"""Properties of the running formulas that must hold for any valid input."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from runlift.science.running import (
    MAX_RACE_DISTANCE_M,
    MAX_VDOT,
    MIN_RACE_DISTANCE_M,
    MIN_VDOT,
    race_time_s,
    riegel_time_s,
    training_paces,
    vdot,
)

vdots = st.floats(min_value=MIN_VDOT, max_value=MAX_VDOT, allow_nan=False, allow_infinity=False)
distances_m = st.floats(
    min_value=MIN_RACE_DISTANCE_M,
    max_value=MAX_RACE_DISTANCE_M,
    allow_nan=False,
    allow_infinity=False,
)
# Up to 10 % faster: a VDOT 85 1500 m stays under the 500 m/min ceiling and above 3 min.
speed_ups = st.floats(min_value=0.001, max_value=0.1, allow_nan=False, allow_infinity=False)

ROUND_TRIP_VDOT = 1e-4
"""VDOT -> time -> VDOT agrees to this; the time itself is solved to 0.0001 s."""


@given(level=vdots, distance_m=distances_m, speed_up=speed_ups)
def test_a_faster_race_gives_a_higher_vdot(
    level: float, distance_m: float, speed_up: float
) -> None:
    time_s = race_time_s(vdot=level, distance_m=distance_m)
    slower = vdot(distance_m=distance_m, time_s=time_s)
    faster = vdot(distance_m=distance_m, time_s=time_s * (1.0 - speed_up))
    assert faster > slower


@given(level=vdots, distance_m=distances_m)
def test_vdot_time_vdot_round_trips(level: float, distance_m: float) -> None:
    time_s = race_time_s(vdot=level, distance_m=distance_m)
    assert abs(vdot(distance_m=distance_m, time_s=time_s) - level) < ROUND_TRIP_VDOT


@given(level=vdots, first_m=distances_m, second_m=distances_m)
def test_a_longer_race_at_the_same_vdot_takes_longer_and_is_run_slower(
    level: float, first_m: float, second_m: float
) -> None:
    shorter_m, longer_m = sorted((first_m, second_m))
    assume(longer_m - shorter_m >= 1.0)
    shorter_s = race_time_s(vdot=level, distance_m=shorter_m)
    longer_s = race_time_s(vdot=level, distance_m=longer_m)
    assert longer_s > shorter_s
    assert longer_s / longer_m > shorter_s / shorter_m


@given(lower=vdots, higher=vdots)
def test_a_higher_vdot_races_faster(lower: float, higher: float) -> None:
    lower, higher = sorted((lower, higher))
    assume(higher - lower >= 0.01)
    for distance_m in (MIN_RACE_DISTANCE_M, 10000.0, MAX_RACE_DISTANCE_M):
        assert race_time_s(vdot=higher, distance_m=distance_m) < race_time_s(
            vdot=lower, distance_m=distance_m
        )


@given(level=vdots)
def test_training_paces_are_ordered_r_i_t_m_e(level: float) -> None:
    paces = training_paces(vdot=level)
    assert (
        paces.repetition_s_per_km
        < paces.interval_s_per_km
        < paces.threshold_s_per_km
        < paces.marathon_s_per_km
        < paces.easy_min_s_per_km
        < paces.easy_max_s_per_km
    )


@given(lower=vdots, higher=vdots)
def test_every_training_pace_quickens_with_vdot(lower: float, higher: float) -> None:
    lower, higher = sorted((lower, higher))
    assume(higher - lower >= 0.01)
    slow, fast = training_paces(vdot=lower), training_paces(vdot=higher)
    assert fast.easy_min_s_per_km < slow.easy_min_s_per_km
    assert fast.easy_max_s_per_km < slow.easy_max_s_per_km
    assert fast.marathon_s_per_km < slow.marathon_s_per_km
    assert fast.threshold_s_per_km < slow.threshold_s_per_km
    assert fast.interval_s_per_km < slow.interval_s_per_km
    assert fast.repetition_s_per_km < slow.repetition_s_per_km


@given(known_m=distances_m, target_m=distances_m, level=vdots)
def test_riegel_predicts_longer_races_slower_and_round_trips(
    known_m: float, target_m: float, level: float
) -> None:
    assume(abs(target_m - known_m) >= 1.0)
    known_s = race_time_s(vdot=level, distance_m=known_m)
    predicted = riegel_time_s(
        known_distance_m=known_m, known_time_s=known_s, target_distance_m=target_m
    )
    assert (predicted > known_s) == (target_m > known_m)
    assert (predicted / target_m > known_s / known_m) == (target_m > known_m)
    back = riegel_time_s(
        known_distance_m=target_m, known_time_s=predicted, target_distance_m=known_m
    )
    assert abs(back - known_s) <= 1e-9 * known_s
