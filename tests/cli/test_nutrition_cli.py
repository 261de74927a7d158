"""``runlift nutrition``: a profile or a plan.json in; a week as a table or JSON, in kg or lb."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from runlift.cli.app import main
from runlift.io.nutrition_json import nutrition_day_dict
from runlift.io.plan_json import dumps, plan_dict
from runlift.io.profile import read_profile
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.assembly import build_plan
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.units import KG_PER_LB

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
)
FIRST_MONDAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def plan_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan.json of the example athlete holding each day's nutrition."""
    profile = read_profile(EXAMPLE.read_text(encoding="utf-8"))
    plan = build_plan(profile, library=exercise_library())
    days = plan_nutrition(plan, profile, lift_met=met_for(LIFT_MET_COMPENDIUM_CODE).met)
    data = plan_dict(
        plan, timezone=profile.timezone, nutrition={d.date: nutrition_day_dict(d) for d in days}
    )
    path = tmp_path_factory.mktemp("plan") / "plan.json"
    path.write_text(dumps(data), encoding="utf-8")
    return path


def _words(text: str) -> str:
    return " ".join(text.split())


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code = main(["nutrition", *argv, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    assert isinstance(data, dict)
    return data


def test_profile_week_one_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(EXAMPLE))
    assert data["athlete"] == "Alex Example"
    assert data["week"] == 1
    days = data["days"]
    assert [d["date"] for d in days] == [
        (FIRST_MONDAY + timedelta(days=i)).isoformat() for i in range(7)
    ]
    for day in days:
        assert day["units"] == "kg"
        assert day["body_mass"] == 64.0
        assert 1.6 <= day["protein_g_per_kg"] <= 2.2
        assert day["fat_percent"] >= 20
        assert day["target_kcal"] >= day["resting_kcal"]
        assert all(len(s["at"]) == 5 and s["at"][2] == ":" for s in day["servings"])
        assert sum(s["protein_g"] for s in day["servings"]) == pytest.approx(
            day["protein_g"], abs=0.1 * len(day["servings"])
        )


def test_profile_and_plan_json_agree(capsys: pytest.CaptureFixture[str], plan_json: Path) -> None:
    from_profile = _json(capsys, str(EXAMPLE), "--week", "3")
    from_plan = _json(capsys, str(plan_json), "--week", "3")
    assert from_profile["week_start"] == (FIRST_MONDAY + timedelta(weeks=2)).isoformat()
    assert from_plan["week_start"] == from_profile["week_start"]
    assert from_plan["days"] == from_profile["days"]


def test_units_lb_converts_body_mass_only(
    capsys: pytest.CaptureFixture[str], plan_json: Path
) -> None:
    kg = _json(capsys, str(plan_json), "--week", "2")["days"][0]
    lb = _json(capsys, str(plan_json), "--week", "2", "--units", "lb")["days"][0]
    assert lb["units"] == "lb"
    assert lb["body_mass"] == pytest.approx(64 / KG_PER_LB, abs=0.05)
    assert lb["expected_body_mass"] == pytest.approx(kg["expected_body_mass"] / KG_PER_LB, abs=0.1)
    assert lb["protein_g"] == kg["protein_g"]
    assert lb["servings"] == kg["servings"]


def test_profile_units_and_activity_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    light = _json(capsys, str(EXAMPLE))["days"][3]
    profile = tmp_path / "athlete.yaml"
    profile.write_text(text + "units: lb\ndaily_activity: active\n", encoding="utf-8")
    active = _json(capsys, str(profile))["days"][3]
    assert active["units"] == "lb"
    assert active["body_mass"] == pytest.approx(141.1)
    assert active["non_exercise_factor"] == 1.7
    assert light["non_exercise_factor"] == 1.55
    assert active["expenditure_kcal"] > light["expenditure_kcal"]


def test_table_output(capsys: pytest.CaptureFixture[str], plan_json: Path) -> None:
    assert main(["nutrition", str(plan_json), "--week", "2", "--why"]) == 0
    out = capsys.readouterr().out
    assert "Alex Example: nutrition, week 2" in out
    assert "P/C/F g/kg" in out
    assert "within 2 h after" in out
    assert "NUT-2: protein" in out


RACE_DAY = date(2027, 4, 11)
RACE_WEEK = (RACE_DAY - FIRST_MONDAY).days // 7 + 1


def test_race_week_shows_loading_breakfast_and_race_fuel(
    capsys: pytest.CaptureFixture[str], plan_json: Path
) -> None:
    assert main(["nutrition", str(plan_json), "--week", str(RACE_WEEK), "--why"]) == 0
    out = _words(capsys.readouterr().out)
    assert "load, carbohydrate loading;" in out
    assert out.count("NUT-4: carbohydrate loading, day") == 2
    assert "Sun 11 Apr" in out
    assert "race day" in out
    assert "pre-race breakfast" in out
    assert "during the race: C 30 g/h (30-60 g/h)" in out
    assert "fluid 400-800 ml/h" in out
    data = _json(capsys, str(plan_json), "--week", str(RACE_WEEK))
    race_day = next(d for d in data["days"] if d["date"] == RACE_DAY.isoformat())
    assert race_day["fuel_day"] == "race"
    fuel = race_day["race"]
    assert 1 <= fuel["breakfast_carbohydrate_g_per_kg"] <= 4
    assert 60 <= fuel["breakfast_lead_min"] <= 240
    in_race = fuel["in_race"]
    assert in_race["carbohydrate_g"] == pytest.approx(
        in_race["carbohydrate_g_per_h"] * fuel["duration_min"] / 60, abs=0.1
    )
    # The day's carbohydrate holds the servings and the race fuel.
    assert sum(s["carbohydrate_g"] for s in race_day["servings"]) + in_race[
        "carbohydrate_g"
    ] == pytest.approx(race_day["carbohydrate_g"], abs=0.1 * len(race_day["servings"]) + 0.1)


@pytest.mark.parametrize("week", ["0", "99"])
def test_bad_week_is_a_user_error(
    capsys: pytest.CaptureFixture[str], plan_json: Path, week: str
) -> None:
    assert main(["nutrition", str(plan_json), "--week", week]) == 1
    err = _words(capsys.readouterr().err)
    assert "--week" in err
    assert "1 to 18" in err


def test_bad_week_from_a_profile_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nutrition", str(EXAMPLE), "--week", "0"]) == 1
    assert "--week" in capsys.readouterr().err


def test_plan_json_without_nutrition_is_a_user_error(
    capsys: pytest.CaptureFixture[str], plan_json: Path, tmp_path: Path
) -> None:
    data = json.loads(plan_json.read_text(encoding="utf-8"))
    for week in data["weeks"]:
        for day in week["days"]:
            day["nutrition"] = None
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data), encoding="utf-8")
    assert main(["nutrition", str(bare)]) == 1
    assert "holds no nutrition for 2026-12-07" in _words(capsys.readouterr().err)


def test_bad_units_is_a_usage_error(capsys: pytest.CaptureFixture[str], plan_json: Path) -> None:
    assert main(["nutrition", str(plan_json), "--units", "stone"]) == 2
    capsys.readouterr()
