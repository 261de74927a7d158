"""Properties of the strength formulas that must hold for any valid input."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from runlift.science.strength import (
    MAX_REPS,
    MIN_REPS,
    OneRepMaxFormula,
    load_for_reps_at_rpe_kg,
    one_rep_max_from_rpe_set_kg,
    one_rep_max_kg,
    percent_one_rep_max,
    round_load_kg,
)

weights_kg = st.floats(min_value=1.0, max_value=500.0, allow_nan=False, allow_infinity=False)
reps_below_max = st.integers(min_value=MIN_REPS, max_value=MAX_REPS - 1)
reps_on_chart = st.integers(min_value=MIN_REPS, max_value=MAX_REPS)
rpes = st.sampled_from([6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0])
rpes_below_max = st.sampled_from([6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5])
increments_kg = st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0])
loads_kg = st.floats(min_value=0.0, max_value=500.0, allow_nan=False, allow_infinity=False)
minimums_kg = st.sampled_from([0.0, 2.0, 7.5, 15.0, 20.0])

ROUNDING_SLACK_KG = 1e-9


def _is_multiple(value: float, step: float) -> bool:
    ratio = value / step
    return math.isclose(ratio, round(ratio), abs_tol=1e-6)


@given(formula=st.sampled_from(list(OneRepMaxFormula)), weight_kg=weights_kg, reps=reps_below_max)
def test_estimate_grows_with_reps_at_a_fixed_load(
    formula: OneRepMaxFormula, weight_kg: float, reps: int
) -> None:
    fewer = one_rep_max_kg(weight_kg=weight_kg, reps=reps, formula=formula)
    more = one_rep_max_kg(weight_kg=weight_kg, reps=reps + 1, formula=formula)
    assert more > fewer
    assert fewer >= weight_kg


@given(reps=reps_below_max, rpe=rpes)
def test_percent_falls_with_reps(reps: int, rpe: float) -> None:
    assert percent_one_rep_max(reps=reps + 1, rpe=rpe) < percent_one_rep_max(reps=reps, rpe=rpe)


@given(reps=reps_on_chart, rpe=rpes_below_max)
def test_percent_rises_with_rpe(reps: int, rpe: float) -> None:
    assert percent_one_rep_max(reps=reps, rpe=rpe + 0.5) > percent_one_rep_max(reps=reps, rpe=rpe)


@given(reps=reps_on_chart, rpe=rpes)
def test_percent_is_a_share_of_the_max(reps: int, rpe: float) -> None:
    assert 0 < percent_one_rep_max(reps=reps, rpe=rpe) <= 100


@given(load_kg=loads_kg, increment_kg=increments_kg)
def test_rounding_lands_on_a_multiple_within_half_an_increment(
    load_kg: float, increment_kg: float
) -> None:
    rounded = round_load_kg(load_kg=load_kg, increment_kg=increment_kg)
    assert _is_multiple(rounded, increment_kg)
    assert abs(rounded - load_kg) <= increment_kg / 2 + ROUNDING_SLACK_KG


@given(load_kg=loads_kg, increment_kg=increments_kg, minimum_kg=minimums_kg)
def test_rounding_respects_the_minimum(
    load_kg: float, increment_kg: float, minimum_kg: float
) -> None:
    rounded = round_load_kg(load_kg=load_kg, increment_kg=increment_kg, minimum_kg=minimum_kg)
    assert rounded >= minimum_kg
    assert _is_multiple(rounded - minimum_kg, increment_kg)
    if load_kg >= minimum_kg:
        assert abs(rounded - load_kg) <= increment_kg / 2 + ROUNDING_SLACK_KG
    else:
        assert rounded == minimum_kg


@given(weight_kg=weights_kg, reps=reps_on_chart, rpe=rpes)
def test_rpe_estimate_and_prescription_are_inverse(weight_kg: float, reps: int, rpe: float) -> None:
    estimate_kg = one_rep_max_from_rpe_set_kg(weight_kg=weight_kg, reps=reps, rpe=rpe)
    assert estimate_kg >= weight_kg
    prescribed_kg = load_for_reps_at_rpe_kg(
        one_rep_max_kg=estimate_kg, reps=reps, rpe=rpe, increment_kg=0.5
    )
    assert abs(prescribed_kg - weight_kg) <= 0.25 + ROUNDING_SLACK_KG
