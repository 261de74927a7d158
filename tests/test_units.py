"""Masses in the athlete's unit: conversions both ways, and loads written as the plates read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.units import KG_PER_LB, format_mass, mass_in_unit, mass_kg_from


def test_the_pound_is_the_international_avoirdupois_pound() -> None:
    assert KG_PER_LB == 0.45359237
    assert mass_kg_from(1, "lb") == KG_PER_LB
    assert mass_in_unit(KG_PER_LB, "lb") == 1.0
    assert mass_in_unit(64.0, "kg") == mass_kg_from(64.0, "kg") == 64.0


@pytest.mark.parametrize(
    ("mass_kg", "unit", "text"),
    [
        (102.5, "kg", "102.5 kg"),
        (60.0, "kg", "60 kg"),
        (31.25, "kg", "31.25 kg"),
        (61.23, "lb", "135 lb"),  # 135 lb stored to the hundredth of a kg in plan.json
        (mass_kg_from(225, "lb"), "lb", "225 lb"),
        (mass_kg_from(2.5, "lb"), "lb", "2.5 lb"),
    ],
)
def test_format_mass(mass_kg: float, unit: str, text: str) -> None:
    assert format_mass(mass_kg, unit) == text


def test_an_unknown_unit_is_an_error() -> None:
    with pytest.raises(KeyError):
        format_mass(10, "stone")


@given(steps=st.integers(min_value=0, max_value=400))
def test_pound_loads_survive_plan_json_rounding(steps: int) -> None:
    # plan.json keeps loads in kg to the hundredth; a load of whole 2.5 lb steps reads back
    # exactly as written on the plates.
    pounds = 2.5 * steps
    stored_kg = round(mass_kg_from(pounds, "lb"), 2)
    assert format_mass(stored_kg, "lb") == f"{pounds:g} lb"
