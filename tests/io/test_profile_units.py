"""Profiles in pounds: mass_lb, weight_lb and one_rep_max_lb, read into kilograms."""

from __future__ import annotations

from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.io.profile import profile_json_schema, read_profile
from runlift.programme.baseline import baseline
from runlift.science.strength import one_rep_max_from_rpe_set_kg
from runlift.units import KG_PER_LB
from runlift.vocabulary import MassUnit

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"
POUNDS = (EXAMPLES / "strength-powerlifter.yaml").read_text(encoding="utf-8")
KILOS = (EXAMPLES / "half-marathon-lifter.yaml").read_text(encoding="utf-8")


def test_the_pound_example_is_read_in_kilograms() -> None:
    profile = read_profile(POUNDS)
    assert profile.units is MassUnit.LB
    assert profile.mass_kg == pytest.approx(154 * KG_PER_LB)
    maxes = profile.lifting.maxes
    assert maxes["back-squat"].one_rep_max_kg == pytest.approx(285 * KG_PER_LB)
    assert maxes["deadlift"].one_rep_max_kg == pytest.approx(340 * KG_PER_LB)
    press = maxes["overhead-press"]
    assert press.weight_kg == pytest.approx(100 * KG_PER_LB)
    assert (press.reps, press.rpe, press.one_rep_max_kg) == (5, 8.5, None)
    numbers = baseline(profile)
    assert numbers.load_unit is MassUnit.LB
    assert numbers.one_rep_max_kg["overhead-press"] == pytest.approx(
        one_rep_max_from_rpe_set_kg(weight_kg=100 * KG_PER_LB, reps=5, rpe=8.5)
    )


def test_a_pound_profile_matches_the_same_profile_in_kilograms() -> None:
    in_pounds = KILOS.replace("mass_kg: 64", f"mass_lb: {64 / KG_PER_LB}").replace(
        "deadlift: {one_rep_max_kg: 100}", f"deadlift: {{one_rep_max_lb: {100 / KG_PER_LB}}}"
    )
    a, b = read_profile(KILOS), read_profile(in_pounds)
    assert b.mass_kg == pytest.approx(a.mass_kg)
    assert b.lifting.maxes["deadlift"].one_rep_max_kg == pytest.approx(100)
    # Inputs in pounds do not change the unit the plan is shown in: that is `units`.
    assert a.units is b.units is MassUnit.KG
    assert baseline(a).load_unit is MassUnit.KG


def test_kilograms_and_pounds_of_one_quantity_are_refused() -> None:
    with pytest.raises(InvalidInput, match="not both"):
        read_profile(POUNDS.replace("mass_lb: 154", "mass_lb: 154\nmass_kg: 70"))
    with pytest.raises(InvalidInput, match="weight_kg or weight_lb, not both"):
        read_profile(
            POUNDS.replace("{weight_lb: 100, reps: 5", "{weight_lb: 100, weight_kg: 45, reps: 5")
        )


def test_schema_offers_the_pound_fields() -> None:
    schema = profile_json_schema()
    assert {"mass_kg", "mass_lb", "units"} <= set(schema["properties"])
    assert schema["oneOf"] == [{"required": ["mass_kg"]}, {"required": ["mass_lb"]}]
    record = schema["$defs"]["LiftRecordModel"]["properties"]
    assert {"weight_kg", "weight_lb", "one_rep_max_kg", "one_rep_max_lb"} <= set(record)
