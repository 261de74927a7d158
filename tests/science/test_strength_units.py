"""Loads on the plates of the athlete's unit: 2.5 kg pairs in kg, 5 lb steps in pounds."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.errors import InvalidInput
from runlift.science.strength import (
    POUND_STEP_PER_PART_LB,
    load_for_percent_in_unit_kg,
    load_for_percent_kg,
    round_load_in_unit_kg,
    round_load_kg,
)
from runlift.units import KG_PER_LB
from runlift.vocabulary import MassUnit

POUND_PLATES_LB = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
"""A commercial set of pound plates; a barbell load is the 45 lb bar plus pairs of them."""


def _pounds(load_kg: float) -> float:
    return load_kg / KG_PER_LB


def _loadable_on_a_45_lb_bar(load_lb: float) -> bool:
    """Whether pairs of plates from POUND_PLATES_LB make ``load_lb`` on a 45 lb bar (greedy)."""
    per_side = (load_lb - 45.0) / 2
    if per_side < 0:
        return False
    for plate in POUND_PLATES_LB:
        per_side -= plate * math.floor(per_side / plate + 1e-9)
    return abs(per_side) < 1e-6


@pytest.mark.parametrize(
    ("load_kg", "parts", "expected_lb"),
    [
        (61.0, 1, 135.0),  # 134.5 lb: two 45 lb plates on the bar
        (100.0, 1, 220.0),  # 220.46 lb
        (101.0, 1, 225.0),  # 222.67 lb: nearer 225
        (45.0, 2, 100.0),  # 99.2 lb in two dumbbells: two 50 lb dumbbells
        (92.5 * KG_PER_LB, 2, 90.0),  # 92.5 lb, between 90 and 100: the lighter pair
        (0.0, 1, 0.0),
    ],
)
def test_pounds_round_to_five_pound_steps_per_part(
    load_kg: float, parts: int, expected_lb: float
) -> None:
    result = round_load_in_unit_kg(load_kg=load_kg, unit=MassUnit.LB, increment_kg=2.5, parts=parts)
    assert _pounds(result) == pytest.approx(expected_lb, abs=1e-9)


def test_kilograms_round_as_before() -> None:
    for load_kg in (0.0, 17.4, 61.2, 101.25, 101.3, 188.8):
        for increment_kg, parts in ((2.5, 1), (2.0, 2), (4.0, 1)):
            assert round_load_in_unit_kg(
                load_kg=load_kg, unit=MassUnit.KG, increment_kg=increment_kg, parts=parts
            ) == round_load_kg(load_kg=load_kg, increment_kg=increment_kg * parts)


@given(
    load_kg=st.floats(min_value=20.5, max_value=400.0, allow_nan=False),
    parts=st.sampled_from((1, 2)),
)
def test_every_pound_load_is_made_of_real_plates_and_near_the_target(
    load_kg: float, parts: int
) -> None:
    result_lb = _pounds(
        round_load_in_unit_kg(load_kg=load_kg, unit=MassUnit.LB, increment_kg=2.5, parts=parts)
    )
    step = POUND_STEP_PER_PART_LB * parts
    # A whole number of steps, and never more than half a step from the computed load.
    assert result_lb / step == pytest.approx(round(result_lb / step), abs=1e-9)
    assert abs(result_lb - _pounds(load_kg)) <= step / 2 + 1e-9
    if parts == 1 and result_lb >= 45:
        assert _loadable_on_a_45_lb_bar(result_lb)
    if parts == 2:
        # Each hand holds a dumbbell from a rack in 5 lb steps.
        each = result_lb / 2
        assert each / POUND_STEP_PER_PART_LB == pytest.approx(round(each / 5), abs=1e-9)


def test_load_for_percent_in_unit() -> None:
    # 75 % of 140 kg is 105 kg = 231.5 lb: 230 lb on pound plates, 105 kg on kilo plates.
    lb = load_for_percent_in_unit_kg(
        one_rep_max_kg=140, percent_1rm=75, unit=MassUnit.LB, increment_kg=2.5
    )
    assert _pounds(lb) == pytest.approx(230.0)
    kg = load_for_percent_in_unit_kg(
        one_rep_max_kg=140, percent_1rm=75, unit=MassUnit.KG, increment_kg=2.5
    )
    assert kg == load_for_percent_kg(one_rep_max_kg=140, percent_1rm=75) == 105.0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"load_kg": -1.0}, "load_kg"),
        ({"load_kg": math.nan}, "load_kg"),
        ({"load_kg": 50.0, "increment_kg": 0.0}, "increment_kg"),
        ({"load_kg": 50.0, "parts": 0}, "parts"),
        ({"load_kg": 50.0, "parts": True}, "parts"),
        ({"load_kg": 50.0, "parts": 1.5}, "parts"),
    ],
)
def test_round_load_in_unit_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    arguments: dict[str, object] = {"unit": MassUnit.LB, "increment_kg": 2.5, **kwargs}
    with pytest.raises(InvalidInput) as info:
        round_load_in_unit_kg(**arguments)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"one_rep_max_kg": 0.0, "percent_1rm": 80.0}, "one_rep_max_kg"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": 0.0}, "percent_1rm"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": 101.0}, "percent_1rm"),
    ],
)
def test_load_for_percent_in_unit_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        load_for_percent_in_unit_kg(
            one_rep_max_kg=kwargs["one_rep_max_kg"],
            percent_1rm=kwargs["percent_1rm"],
            unit=MassUnit.LB,
            increment_kg=2.5,
        )
    assert info.value.field == field
