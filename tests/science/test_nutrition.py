"""Tests of the nutrition arithmetic (GUIDELINES NUT-1..4) with hand-computed examples."""

from __future__ import annotations

import math
from typing import Any

import pytest

from runlift.errors import InvalidInput
from runlift.science.nutrition import (
    KCAL_PER_G_CARBOHYDRATE,
    KCAL_PER_G_FAT,
    KCAL_PER_G_PROTEIN,
    TrainingLoadBand,
    carbohydrate_band_g_per_kg,
    energy_surplus_range_kcal,
    energy_target_kcal,
    fat_floor_g,
    high_body_fat,
    lean_mass_protein_target_g_per_day,
    protein_range_g_per_kg,
    protein_serving_g,
    protein_serving_range_g,
    protein_target_g_per_day,
    training_load_band,
)
from runlift.vocabulary import GoalKind, Sex

NON_FAT_LOSS_GOALS = [g for g in GoalKind if g is not GoalKind.FAT_LOSS]


def test_atwater_factors() -> None:
    assert (KCAL_PER_G_PROTEIN, KCAL_PER_G_CARBOHYDRATE, KCAL_PER_G_FAT) == (4.0, 4.0, 9.0)


# NUT-2: protein per day


@pytest.mark.parametrize("goal", list(GoalKind))
def test_protein_range_is_nut_2_for_every_goal(goal: GoalKind) -> None:
    assert protein_range_g_per_kg(goal=goal) == (1.6, 2.2)


def test_protein_range_rejects_unknown_goal() -> None:
    with pytest.raises(InvalidInput) as caught:
        protein_range_g_per_kg(goal="bulk")  # type: ignore[arg-type]
    assert caught.value.field == "goal"


@pytest.mark.parametrize(
    ("goal", "in_deficit", "hard_block", "grams"),
    [
        (GoalKind.HYPERTROPHY, False, False, 128.0),  # 80 kg x 1.6
        (GoalKind.STRENGTH, True, False, 152.0),  # 80 kg x 1.9
        (GoalKind.RACE, False, True, 152.0),
        (GoalKind.GENERAL_FITNESS, True, True, 176.0),  # 80 kg x 2.2
        (GoalKind.FAT_LOSS, False, False, 152.0),  # fat loss counts as a deficit
        (GoalKind.FAT_LOSS, True, False, 152.0),  # and is not counted twice
        (GoalKind.FAT_LOSS, False, True, 176.0),
    ],
)
def test_protein_target_moves_up_the_range(
    goal: GoalKind, in_deficit: bool, hard_block: bool, grams: float
) -> None:
    result = protein_target_g_per_day(
        mass_kg=80, goal=goal, in_deficit=in_deficit, hard_block=hard_block
    )
    assert result == pytest.approx(grams)


@pytest.mark.parametrize("goal", list(GoalKind))
@pytest.mark.parametrize("mass_kg", [30.0, 55.5, 80.0, 250.0])
def test_protein_target_stays_inside_the_range(goal: GoalKind, mass_kg: float) -> None:
    low, high = protein_range_g_per_kg(goal=goal)
    for in_deficit in (False, True):
        for hard_block in (False, True):
            grams = protein_target_g_per_day(
                mass_kg=mass_kg, goal=goal, in_deficit=in_deficit, hard_block=hard_block
            )
            assert low * mass_kg - 1e-9 <= grams <= high * mass_kg + 1e-9


@pytest.mark.parametrize("mass_kg", [29.9, 250.1, math.nan, -70.0])
def test_protein_target_rejects_bad_mass(mass_kg: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        protein_target_g_per_day(mass_kg=mass_kg, goal=GoalKind.STRENGTH)
    assert caught.value.field == "mass_kg"


# NUT-2 from fat-free mass when body fat is high (Helms et al. 2014; Gallagher et al. 2000)


@pytest.mark.parametrize(
    ("body_fat_percent", "sex", "high"),
    [
        (19.9, Sex.MALE, False),
        (20.0, Sex.MALE, True),
        (32.9, Sex.FEMALE, False),
        (33.0, Sex.FEMALE, True),
        (3.0, Sex.FEMALE, False),
        (60.0, Sex.MALE, True),
    ],
)
def test_high_body_fat_thresholds(body_fat_percent: float, sex: Sex, high: bool) -> None:
    assert high_body_fat(body_fat_percent=body_fat_percent, sex=sex) is high


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"body_fat_percent": 2.9, "sex": Sex.MALE}, "body_fat_percent"),
        ({"body_fat_percent": 61.0, "sex": Sex.MALE}, "body_fat_percent"),
        ({"body_fat_percent": 25.0, "sex": "other"}, "sex"),
    ],
)
def test_high_body_fat_rejects_bad_input(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        high_body_fat(**kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("mass_kg", "body_fat_percent", "hard_block", "grams"),
    [
        # 92 kg at 27 %: FFM 67.16 kg x 2.3 = 154.47 g (1.68 g/kg of body mass).
        (92.0, 27.0, False, 67.16 * 2.3),
        # A hard block: 67.16 x 2.7 = 181.33 g (1.97 g/kg).
        (92.0, 27.0, True, 67.16 * 2.7),
        # 80 kg at 20 %, hard block: 64 x 2.7 = 172.8 g, 2.16 g/kg, just under the 2.2 cap.
        (80.0, 20.0, True, 172.8),
        # 80 kg at 10 % (not high, but the function is total): 72 x 2.7 = 194.4 g -> cap 176 g.
        (80.0, 10.0, True, 176.0),
        # 100 kg at 40 %: 60 x 2.3 = 138 g is under 1.6 g/kg, so NUT-2's floor: 160 g.
        (100.0, 40.0, False, 160.0),
    ],
)
def test_lean_mass_protein_target(
    mass_kg: float, body_fat_percent: float, hard_block: bool, grams: float
) -> None:
    result = lean_mass_protein_target_g_per_day(
        mass_kg=mass_kg, body_fat_percent=body_fat_percent, hard_block=hard_block
    )
    assert result == pytest.approx(grams)


@pytest.mark.parametrize("mass_kg", [30.0, 64.0, 120.0, 250.0])
@pytest.mark.parametrize("body_fat_percent", [3.0, 20.0, 33.0, 45.0, 60.0])
@pytest.mark.parametrize("hard_block", [False, True])
def test_lean_mass_protein_stays_within_nut_2_and_helms(
    mass_kg: float, body_fat_percent: float, hard_block: bool
) -> None:
    grams = lean_mass_protein_target_g_per_day(
        mass_kg=mass_kg, body_fat_percent=body_fat_percent, hard_block=hard_block
    )
    assert 1.6 * mass_kg - 1e-9 <= grams <= 2.2 * mass_kg + 1e-9
    fat_free = mass_kg * (1 - body_fat_percent / 100)
    # Inside Helms' 2.3-3.1 g/kg of fat-free mass unless NUT-2's body-mass range forbids it.
    if 2.3 * fat_free >= 1.6 * mass_kg and 3.1 * fat_free <= 2.2 * mass_kg:
        assert 2.3 * fat_free - 1e-9 <= grams <= 3.1 * fat_free + 1e-9


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"mass_kg": 29.0, "body_fat_percent": 25.0}, "mass_kg"),
        ({"mass_kg": 80.0, "body_fat_percent": 70.0}, "body_fat_percent"),
    ],
)
def test_lean_mass_protein_rejects_bad_input(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        lean_mass_protein_target_g_per_day(**kwargs)
    assert caught.value.field == field


# NUT-3: protein per serving


@pytest.mark.parametrize(
    ("mass_kg", "serving", "serving_range"),
    [
        (30.0, 20.0, (20.0, 20.0)),  # 9 g and 7.5-12 g raised to 20 g
        (50.0, 20.0, (20.0, 20.0)),  # 15 g raised to 20 g; 12.5-20 g
        (70.0, 21.0, (20.0, 28.0)),  # 0.3 x 70; low end 17.5 raised to 20
        (80.0, 24.0, (20.0, 32.0)),
        (100.0, 30.0, (25.0, 40.0)),
        (120.0, 36.0, (30.0, 40.0)),  # high end 48 capped at 40
        (160.0, 40.0, (40.0, 40.0)),  # 48 g capped; 40-64 g
        (250.0, 40.0, (40.0, 40.0)),
    ],
)
def test_protein_serving(
    mass_kg: float, serving: float, serving_range: tuple[float, float]
) -> None:
    assert protein_serving_g(mass_kg=mass_kg) == pytest.approx(serving)
    low, high = protein_serving_range_g(mass_kg=mass_kg)
    assert (low, high) == pytest.approx(serving_range)
    assert low <= protein_serving_g(mass_kg=mass_kg) <= high


@pytest.mark.parametrize("function", [protein_serving_g, protein_serving_range_g])
def test_protein_serving_rejects_bad_mass(function: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        function(mass_kg=20.0)
    assert caught.value.field == "mass_kg"


# NUT-4: carbohydrate


@pytest.mark.parametrize(
    ("band", "g_per_kg"),
    [
        (TrainingLoadBand.LIGHT, (3.0, 5.0)),
        (TrainingLoadBand.MODERATE, (5.0, 7.0)),
        (TrainingLoadBand.HIGH, (6.0, 10.0)),
        (TrainingLoadBand.VERY_HIGH, (8.0, 12.0)),
        ("high", (6.0, 10.0)),
    ],
)
def test_carbohydrate_bands(band: TrainingLoadBand, g_per_kg: tuple[float, float]) -> None:
    assert carbohydrate_band_g_per_kg(band=band) == g_per_kg


def test_carbohydrate_bands_rise_with_load() -> None:
    bands = [carbohydrate_band_g_per_kg(band=b) for b in TrainingLoadBand]
    assert [low for low, _ in bands] == sorted(low for low, _ in bands)
    assert [high for _, high in bands] == sorted(high for _, high in bands)


def test_carbohydrate_band_rejects_unknown_band() -> None:
    with pytest.raises(InvalidInput) as caught:
        carbohydrate_band_g_per_kg(band="extreme")  # type: ignore[arg-type]
    assert caught.value.field == "band"


@pytest.mark.parametrize(
    ("training_min", "hard_min", "band"),
    [
        (0.0, 0.0, TrainingLoadBand.LIGHT),  # rest day
        (30.0, 0.0, TrainingLoadBand.LIGHT),  # easy 30 min
        (44.9, 0.0, TrainingLoadBand.LIGHT),
        (45.0, 0.0, TrainingLoadBand.MODERATE),
        (30.0, 10.0, TrainingLoadBand.MODERATE),  # short intervals session
        (35.0, 9.9, TrainingLoadBand.LIGHT),  # hill sprints: 5 x 20 s is under 2 hard minutes
        (35.0, 1.7, TrainingLoadBand.LIGHT),
        (60.0, 29.9, TrainingLoadBand.MODERATE),
        (59.9, 30.0, TrainingLoadBand.MODERATE),
        (60.0, 30.0, TrainingLoadBand.HIGH),
        (89.9, 0.0, TrainingLoadBand.MODERATE),
        (90.0, 0.0, TrainingLoadBand.HIGH),  # 90 min easy long run
        (239.9, 100.0, TrainingLoadBand.HIGH),
        (240.0, 0.0, TrainingLoadBand.VERY_HIGH),
        (1440.0, 1440.0, TrainingLoadBand.VERY_HIGH),
    ],
)
def test_training_load_band(training_min: float, hard_min: float, band: TrainingLoadBand) -> None:
    assert training_load_band(training_min=training_min, hard_min=hard_min) is band


@pytest.mark.parametrize(
    ("field", "training_min", "hard_min"),
    [
        ("training_min", -1.0, 0.0),
        ("training_min", 1441.0, 0.0),
        ("training_min", math.nan, 0.0),
        ("hard_min", 60.0, -1.0),
        ("hard_min", 60.0, 61.0),
    ],
)
def test_training_load_band_rejects_bad_minutes(
    field: str, training_min: float, hard_min: float
) -> None:
    with pytest.raises(InvalidInput) as caught:
        training_load_band(training_min=training_min, hard_min=hard_min)
    assert caught.value.field == field


# NUT-1: energy


def test_energy_surplus_ranges() -> None:
    assert energy_surplus_range_kcal(goal=GoalKind.HYPERTROPHY) == (250.0, 500.0)
    for goal in (GoalKind.STRENGTH, GoalKind.RACE, GoalKind.GENERAL_FITNESS):
        assert energy_surplus_range_kcal(goal=goal) == (0.0, 250.0)
    # 10-20 % of 2800 kcal.
    fat_loss = energy_surplus_range_kcal(goal=GoalKind.FAT_LOSS, expenditure_kcal=2800)
    assert fat_loss == pytest.approx((-560.0, -280.0))


def test_energy_surplus_range_for_fat_loss_needs_expenditure() -> None:
    with pytest.raises(InvalidInput) as caught:
        energy_surplus_range_kcal(goal=GoalKind.FAT_LOSS)
    assert caught.value.field == "expenditure_kcal"
    with pytest.raises(InvalidInput):
        energy_surplus_range_kcal(goal=GoalKind.FAT_LOSS, expenditure_kcal=100)


def test_energy_surplus_range_rejects_unknown_goal() -> None:
    with pytest.raises(InvalidInput) as caught:
        energy_surplus_range_kcal(goal="cut")  # type: ignore[arg-type]
    assert caught.value.field == "goal"


@pytest.mark.parametrize(
    ("expenditure", "resting", "goal", "mass_kg", "target"),
    [
        (2800.0, 1700.0, GoalKind.HYPERTROPHY, 80.0, 3175.0),  # + 375
        (2800.0, 1700.0, GoalKind.STRENGTH, 80.0, 2925.0),  # + 125
        # Race and general fitness match expenditure: no planned gain.
        (2800.0, 1700.0, GoalKind.RACE, 80.0, 2800.0),
        (2800.0, 1700.0, GoalKind.GENERAL_FITNESS, 80.0, 2800.0),
        # Fat loss: 5.5 kcal/kg/day = 440 kcal, inside 280-560 (10-20 % of 2800).
        (2800.0, 1700.0, GoalKind.FAT_LOSS, 80.0, 2360.0),
        # 5.5 x 50 = 275 kcal is below 10 % of 3000, so the deficit is 300.
        (3000.0, 1400.0, GoalKind.FAT_LOSS, 50.0, 2700.0),
        # 5.5 x 120 = 660 kcal is above 20 % of 3000, so the deficit is 600.
        (3000.0, 2000.0, GoalKind.FAT_LOSS, 120.0, 2400.0),
        # 15 % of 1900 would leave 1615 kcal, below resting: the floor holds.
        (1900.0, 1800.0, GoalKind.FAT_LOSS, 60.0, 1800.0),
        # Expenditure equal to resting is accepted.
        (1800.0, 1800.0, GoalKind.HYPERTROPHY, 70.0, 2175.0),
    ],
)
def test_energy_target(
    expenditure: float, resting: float, goal: GoalKind, mass_kg: float, target: float
) -> None:
    result = energy_target_kcal(
        expenditure_kcal=expenditure, resting_kcal=resting, goal=goal, mass_kg=mass_kg
    )
    assert result == pytest.approx(target)
    assert isinstance(result, float)


@pytest.mark.parametrize("goal", list(GoalKind))
@pytest.mark.parametrize("expenditure", [1500.0, 2200.0, 3500.0, 6000.0])
def test_energy_target_never_below_resting_and_inside_goal_range(
    goal: GoalKind, expenditure: float
) -> None:
    resting = 1450.0
    target = energy_target_kcal(
        expenditure_kcal=expenditure, resting_kcal=resting, goal=goal, mass_kg=75.0
    )
    low, high = energy_surplus_range_kcal(goal=goal, expenditure_kcal=expenditure)
    assert target >= resting
    assert target <= max(expenditure + high, resting) + 1e-9
    if expenditure + low >= resting:
        assert target >= expenditure + low - 1e-9


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("expenditure_kcal", {"expenditure_kcal": 1600.0, "resting_kcal": 1700.0}),
        ("expenditure_kcal", {"expenditure_kcal": 12001.0}),
        ("expenditure_kcal", {"expenditure_kcal": math.nan}),
        ("resting_kcal", {"resting_kcal": 400.0}),
        ("mass_kg", {"mass_kg": 300.0}),
        ("goal", {"goal": "recomp"}),
    ],
)
def test_energy_target_rejects_bad_input(field: str, kwargs: dict[str, Any]) -> None:
    base: dict[str, Any] = {
        "expenditure_kcal": 2800.0,
        "resting_kcal": 1700.0,
        "goal": GoalKind.STRENGTH,
        "mass_kg": 80.0,
    }
    with pytest.raises(InvalidInput) as caught:
        energy_target_kcal(**{**base, **kwargs})
    assert caught.value.field == field


# Fat


@pytest.mark.parametrize(
    ("energy_kcal", "grams"),
    [(2700.0, 60.0), (1800.0, 40.0), (4500.0, 100.0), (500.0, 500 * 0.2 / 9)],
)
def test_fat_floor(energy_kcal: float, grams: float) -> None:
    assert fat_floor_g(energy_kcal=energy_kcal) == pytest.approx(grams)
    assert fat_floor_g(energy_kcal=energy_kcal) * KCAL_PER_G_FAT == pytest.approx(0.2 * energy_kcal)


@pytest.mark.parametrize("energy_kcal", [499.0, 12001.0, 0.0, math.inf])
def test_fat_floor_rejects_bad_energy(energy_kcal: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        fat_floor_g(energy_kcal=energy_kcal)
    assert caught.value.field == "energy_kcal"
