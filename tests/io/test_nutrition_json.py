"""The JSON form of a day's nutrition and its place in plan.json."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, time

import pytest

from runlift.domain.nutrition import (
    DayNutrition,
    FuelDay,
    InRaceFuel,
    RaceFuel,
    Serving,
    SessionEnergy,
)
from runlift.domain.plan import Plan, PlanDay, PlanWeek
from runlift.domain.sessions import SessionId
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.nutrition_json import NutritionDayModel, in_units, nutrition_day_dict
from runlift.io.plan_json import dumps, parse_plan, plan_dict, plan_json_schema
from runlift.units import KG_PER_LB
from runlift.vocabulary import BlockFocus, Modality, Phase

DAY = DayNutrition(
    date=date(2027, 1, 4),
    resting_kcal=1750.0,
    non_exercise_kcal=962.5,
    training_kcal=960.0,
    expenditure_kcal=3672.5,
    target_kcal=4047.5,
    protein_g=152.0,
    carbohydrate_g=505.71875,
    fat_g=157.4027,
    load_band="moderate",
    servings=(
        Serving(
            at=time(15, 30),
            protein_g=152 / 6,
            carbohydrate_g=80.0,
            note="carbohydrate before 'run' (NUT-4)",
            before_session=SessionId("run"),
        ),
        Serving(
            at=time(18, 40),
            protein_g=152 / 6,
            carbohydrate_g=80.0,
            note="within 2 h after 'run' (NUT-3)",
            after_session=SessionId("run"),
        ),
    ),
    rules=("NUT-1", "NUT-2", "NUT-3", "NUT-4"),
    notes=("NUT-1: a note",),
    expected_mass_kg=80.146,
    mass_kg=80.0,
    resting_equation="mifflin_st_jeor",
    non_exercise_factor=1.55,
    training=(
        SessionEnergy(
            session=SessionId("run"),
            title="run",
            modality=Modality.RUN,
            duration_min=70.0,
            distance_km=12.0,
            kcal=960.0,
            hard=False,
            start=time(17, 0),
            end=time(18, 10),
        ),
    ),
    training_min=70.0,
    carbohydrate_band_g_per_kg=(5.0, 7.0),
)


def test_rounded_and_valid() -> None:
    data = nutrition_day_dict(DAY)
    assert data["target_kcal"] == 4048
    assert data["carbohydrate_g"] == 505.7
    assert data["protein_g_per_kg"] == 1.9
    assert data["fat_percent"] == 35.0
    assert data["servings"][0] == {
        "at": "15:30",
        "protein_g": 25.3,
        "carbohydrate_g": 80.0,
        "note": "carbohydrate before 'run' (NUT-4)",
        "after_session": None,
        "before_session": "run",
    }
    assert data["training"][0]["start"] == "17:00"
    model = NutritionDayModel.model_validate(data)
    assert model.model_dump(mode="json") == data
    assert json.loads(json.dumps(data)) == data


def test_lb_converts_body_mass_only() -> None:
    kg = nutrition_day_dict(DAY)
    lb = nutrition_day_dict(DAY, units="lb")
    assert lb["body_mass"] == round(80 / KG_PER_LB, 1) == 176.4
    assert lb["expected_body_mass"] == round(80.146 / KG_PER_LB, 1)
    assert {k: v for k, v in lb.items() if "body_mass" not in k and k != "units"} == {
        k: v for k, v in kg.items() if "body_mass" not in k and k != "units"
    }
    assert in_units(kg, units="lb")["body_mass"] == lb["body_mass"]
    assert in_units(lb, units="kg")["body_mass"] == pytest.approx(80.0, abs=0.05)
    assert in_units(kg, units="kg") == kg
    with pytest.raises(InvalidInput, match="units"):
        nutrition_day_dict(DAY, units="stone")


def test_plan_json_holds_and_validates_nutrition() -> None:
    plan = Plan(
        athlete="A",
        start=date(2027, 1, 4),
        end=date(2027, 1, 10),
        weeks=(
            PlanWeek(
                index=0,
                start=date(2027, 1, 4),
                block=0,
                focus=BlockFocus.GENERAL,
                phase=Phase.BUILD,
                deload=False,
                days=(PlanDay(date=date(2027, 1, 4), sessions=()),),
            ),
        ),
    )
    text = dumps(plan_dict(plan, timezone="UTC", nutrition={DAY.date: nutrition_day_dict(DAY)}))
    parsed = parse_plan(text)
    stored = parsed.weeks[0].days[0].nutrition
    assert stored is not None
    assert stored.target_kcal == 4048
    assert stored.servings[1].after_session == "run"
    schema = json.dumps(plan_json_schema())
    assert "NutritionDayModel" in schema
    broken = json.loads(text)
    broken["weeks"][0]["days"][0]["nutrition"]["servings"][0]["at"] = "3pm"
    with pytest.raises(ImportFormatError, match="not a runlift plan"):
        parse_plan(json.dumps(broken))


RACE_DAY = dataclasses.replace(
    DAY,
    fuel_day=FuelDay.RACE,
    race=RaceFuel(
        session=SessionId("race"),
        title="Race: marathon",
        distance_km=42.195,
        start=time(9, 0),
        end=time(12, 15),
        duration_min=195.0,
        breakfast_at=time(6, 0),
        breakfast_lead_min=180.0,
        breakfast_carbohydrate_g=240.0,
        breakfast_carbohydrate_g_per_kg=3.0,
        in_race=InRaceFuel(
            carbohydrate_g_per_h=60.0,
            carbohydrate_range_g_per_h=(60.0, 90.0),
            carbohydrate_g=195.0,
            multiple_transportable=True,
            fluid_ml_per_h=(400.0, 800.0),
            note="NUT-4: during the race ...",
        ),
    ),
)


def test_race_day_fuel_is_structured_and_valid() -> None:
    data = nutrition_day_dict(RACE_DAY)
    assert data["fuel_day"] == "race"
    race = data["race"]
    assert race["breakfast_at"] == "06:00"
    assert race["breakfast_lead_min"] == 180
    assert race["breakfast_carbohydrate_g_per_kg"] == 3.0
    assert race["in_race"]["carbohydrate_g_per_h"] == 60.0
    assert race["in_race"]["carbohydrate_g"] == 195.0
    assert race["in_race"]["carbohydrate_range_g_per_h"] == [60.0, 90.0]
    model = NutritionDayModel.model_validate(json.loads(json.dumps(data)))
    assert model.race is not None
    assert model.race.in_race is not None
    assert model.race.in_race.multiple_transportable
    assert RACE_DAY.race is not None
    short = nutrition_day_dict(
        dataclasses.replace(RACE_DAY, race=dataclasses.replace(RACE_DAY.race, in_race=None))
    )
    assert short["race"]["in_race"] is None
    assert NutritionDayModel.model_validate(short).race is not None


def test_days_stored_before_race_fuelling_still_read() -> None:
    data = nutrition_day_dict(DAY)
    del data["fuel_day"], data["race"]
    model = NutritionDayModel.model_validate(data)
    assert model.fuel_day is FuelDay.TRAINING
    assert model.race is None
