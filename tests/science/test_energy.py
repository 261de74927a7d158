"""Tests of the energy equations against worked examples, their ranges and each other."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from runlift.errors import InvalidInput
from runlift.science.energy import (
    MAX_FAT_FREE_MASS_KG,
    MIN_FAT_FREE_MASS_KG,
    acsm_running_energy_kcal,
    acsm_running_vo2_ml_per_kg_min,
    cunningham_kcal_per_day,
    fat_free_mass_kg,
    harris_benedict_revised_kcal_per_day,
    katch_mcardle_kcal_per_day,
    met_energy_kcal,
    mifflin_st_jeor_kcal_per_day,
    net_met_energy_kcal,
    running_energy_kcal,
)
from runlift.vocabulary import Sex

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
TOLERANCE_KCAL = 1e-9
"""The worked examples are exact decimals; floating point must reproduce them."""

RestingEquation = Callable[..., float]
RESTING_EQUATIONS: dict[str, RestingEquation] = {
    "mifflin_st_jeor.csv": mifflin_st_jeor_kcal_per_day,
    "harris_benedict_revised.csv": harris_benedict_revised_kcal_per_day,
}


def _read(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


VECTOR_ROWS = [
    pytest.param(name, row, id=f"{name}:{i}")
    for name in RESTING_EQUATIONS
    for i, row in enumerate(_read(name), start=2)
]


def test_vector_files_have_rows() -> None:
    assert len(VECTOR_ROWS) >= 20


@pytest.mark.parametrize(("name", "row"), VECTOR_ROWS)
def test_resting_equation_matches_worked_example(name: str, row: dict[str, str]) -> None:
    result = RESTING_EQUATIONS[name](
        mass_kg=float(row["mass_kg"]),
        height_cm=float(row["height_cm"]),
        age_years=float(row["age_years"]),
        sex=Sex(row["sex"]),
    )
    assert result == pytest.approx(float(row["kcal_per_day"]), abs=TOLERANCE_KCAL)


PERSON: dict[str, Any] = {"mass_kg": 70.0, "height_cm": 175.0, "age_years": 30.0, "sex": Sex.MALE}


@pytest.mark.parametrize("equation", list(RESTING_EQUATIONS.values()))
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mass_kg", 29.9),
        ("mass_kg", 250.1),
        ("height_cm", 119.9),
        ("height_cm", 230.1),
        ("age_years", 17.9),
        ("age_years", 100.1),
        ("mass_kg", math.nan),
        ("age_years", math.inf),
    ],
)
def test_resting_equation_rejects_out_of_range(
    equation: RestingEquation, field: str, value: float
) -> None:
    with pytest.raises(InvalidInput) as caught:
        equation(**{**PERSON, field: value})
    assert caught.value.field == field


@pytest.mark.parametrize("equation", list(RESTING_EQUATIONS.values()))
def test_resting_equation_rejects_unknown_sex(equation: RestingEquation) -> None:
    with pytest.raises(InvalidInput) as caught:
        equation(**{**PERSON, "sex": "other"})
    assert caught.value.field == "sex"


@pytest.mark.parametrize("equation", list(RESTING_EQUATIONS.values()))
def test_resting_equation_accepts_sex_as_text(equation: RestingEquation) -> None:
    assert equation(**{**PERSON, "sex": "female"}) == equation(**{**PERSON, "sex": Sex.FEMALE})


def test_mifflin_sex_terms_differ_by_166_kcal() -> None:
    male = mifflin_st_jeor_kcal_per_day(**PERSON)
    female = mifflin_st_jeor_kcal_per_day(**{**PERSON, "sex": Sex.FEMALE})
    assert male - female == pytest.approx(166.0)


@pytest.mark.parametrize("equation", list(RESTING_EQUATIONS.values()))
def test_resting_energy_grows_with_mass_and_height_and_falls_with_age(
    equation: RestingEquation,
) -> None:
    base = equation(**PERSON)
    assert equation(**{**PERSON, "mass_kg": 71.0}) > base
    assert equation(**{**PERSON, "height_cm": 176.0}) > base
    assert equation(**{**PERSON, "age_years": 31.0}) < base


def test_fat_free_mass() -> None:
    assert fat_free_mass_kg(mass_kg=80, body_fat_percent=20) == pytest.approx(64.0)
    assert fat_free_mass_kg(mass_kg=30, body_fat_percent=60) == pytest.approx(MIN_FAT_FREE_MASS_KG)
    assert fat_free_mass_kg(mass_kg=250, body_fat_percent=3) == pytest.approx(MAX_FAT_FREE_MASS_KG)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("mass_kg", {"mass_kg": 25.0, "body_fat_percent": 20.0}),
        ("body_fat_percent", {"mass_kg": 80.0, "body_fat_percent": 2.9}),
        ("body_fat_percent", {"mass_kg": 80.0, "body_fat_percent": 60.1}),
    ],
)
def test_fat_free_mass_rejects_out_of_range(field: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(InvalidInput) as caught:
        fat_free_mass_kg(**kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("ffm", "cunningham", "katch_mcardle"),
    [(64.0, 1908.0, 1752.4), (50.0, 1600.0, 1450.0), (12.0, 764.0, 629.2)],
)
def test_fat_free_mass_equations(ffm: float, cunningham: float, katch_mcardle: float) -> None:
    assert cunningham_kcal_per_day(fat_free_mass_kg=ffm) == pytest.approx(cunningham)
    assert katch_mcardle_kcal_per_day(fat_free_mass_kg=ffm) == pytest.approx(katch_mcardle)


@pytest.mark.parametrize("equation", [cunningham_kcal_per_day, katch_mcardle_kcal_per_day])
@pytest.mark.parametrize("ffm", [11.9, 242.6, 0.0, -5.0, math.nan])
def test_fat_free_mass_equations_reject_out_of_range(
    equation: Callable[..., float], ffm: float
) -> None:
    with pytest.raises(InvalidInput) as caught:
        equation(fat_free_mass_kg=ffm)
    assert caught.value.field == "fat_free_mass_kg"


def test_running_energy_is_one_kcal_per_kg_per_km() -> None:
    assert running_energy_kcal(mass_kg=70, distance_km=10) == pytest.approx(700.0)
    assert running_energy_kcal(mass_kg=55, distance_km=42.195) == pytest.approx(2320.725)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("distance_km", {"mass_kg": 70.0, "distance_km": 0.0}),
        ("distance_km", {"mass_kg": 70.0, "distance_km": -1.0}),
        ("distance_km", {"mass_kg": 70.0, "distance_km": 1000.1}),
        ("distance_km", {"mass_kg": 70.0, "distance_km": math.nan}),
        ("mass_kg", {"mass_kg": 260.0, "distance_km": 10.0}),
    ],
)
def test_running_energy_rejects_out_of_range(field: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(InvalidInput) as caught:
        running_energy_kcal(**kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("speed", "grade", "vo2"),
    [
        (200.0, 0.0, 43.5),
        (200.0, 0.05, 52.5),
        (134.0, 0.0, 30.3),
        (80.0, 0.0, 19.5),
        (268.0, 0.10, 3.5 + 53.6 + 24.12),
        (400.0, 0.20, 3.5 + 80.0 + 72.0),
    ],
)
def test_acsm_running_vo2(speed: float, grade: float, vo2: float) -> None:
    result = acsm_running_vo2_ml_per_kg_min(speed_m_per_min=speed, grade_fraction=grade)
    assert result == pytest.approx(vo2)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("speed_m_per_min", {"speed_m_per_min": 79.9}),
        ("speed_m_per_min", {"speed_m_per_min": 400.1}),
        ("grade_fraction", {"speed_m_per_min": 200.0, "grade_fraction": -0.01}),
        ("grade_fraction", {"speed_m_per_min": 200.0, "grade_fraction": 0.21}),
    ],
)
def test_acsm_running_vo2_rejects_out_of_range(field: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(InvalidInput) as caught:
        acsm_running_vo2_ml_per_kg_min(**kwargs)
    assert caught.value.field == field


def test_acsm_running_energy() -> None:
    # 43.5 ml/kg/min x 70 kg x 30 min = 91.35 L O2; x 5 kcal/L = 456.75 kcal.
    result = acsm_running_energy_kcal(mass_kg=70, speed_m_per_min=200, duration_min=30)
    assert result == pytest.approx(456.75)
    uphill = acsm_running_energy_kcal(
        mass_kg=70, speed_m_per_min=200, duration_min=30, grade_fraction=0.05
    )
    assert uphill == pytest.approx(52.5 * 70 * 30 / 1000 * 5)


def test_acsm_net_cost_on_the_level_equals_one_kcal_per_kg_per_km() -> None:
    mass_kg, speed, minutes = 65.0, 250.0, 48.0
    gross = acsm_running_energy_kcal(mass_kg=mass_kg, speed_m_per_min=speed, duration_min=minutes)
    resting = met_energy_kcal(met=1.0, mass_kg=mass_kg, duration_min=minutes) * 1.05
    net = running_energy_kcal(mass_kg=mass_kg, distance_km=speed * minutes / 1000)
    assert gross - resting == pytest.approx(net)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("duration_min", {"mass_kg": 70.0, "speed_m_per_min": 200.0, "duration_min": 0.0}),
        ("duration_min", {"mass_kg": 70.0, "speed_m_per_min": 200.0, "duration_min": 1441.0}),
        ("mass_kg", {"mass_kg": 29.0, "speed_m_per_min": 200.0, "duration_min": 30.0}),
        ("speed_m_per_min", {"mass_kg": 70.0, "speed_m_per_min": 50.0, "duration_min": 30.0}),
    ],
)
def test_acsm_running_energy_rejects_out_of_range(field: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(InvalidInput) as caught:
        acsm_running_energy_kcal(**kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("met", "mass_kg", "duration_min", "gross", "net"),
    [
        (6.0, 70.0, 60.0, 420.0, 350.0),
        (3.5, 80.0, 45.0, 210.0, 150.0),
        (9.8, 60.0, 30.0, 294.0, 264.0),
        (1.0, 70.0, 60.0, 70.0, 0.0),
        (25.0, 50.0, 6.0, 125.0, 120.0),
    ],
)
def test_met_energy(
    met: float, mass_kg: float, duration_min: float, gross: float, net: float
) -> None:
    kwargs = {"met": met, "mass_kg": mass_kg, "duration_min": duration_min}
    assert met_energy_kcal(**kwargs) == pytest.approx(gross)
    assert net_met_energy_kcal(**kwargs) == pytest.approx(net)


def test_gross_met_accepts_sleeping_but_net_needs_one_met() -> None:
    assert met_energy_kcal(met=0.95, mass_kg=60, duration_min=480) == pytest.approx(456.0)
    with pytest.raises(InvalidInput) as caught:
        net_met_energy_kcal(met=0.95, mass_kg=60, duration_min=480)
    assert caught.value.field == "met"


@pytest.mark.parametrize("function", [met_energy_kcal, net_met_energy_kcal])
@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("met", {"met": 25.1, "mass_kg": 70.0, "duration_min": 30.0}),
        ("met", {"met": 0.5, "mass_kg": 70.0, "duration_min": 30.0}),
        ("mass_kg", {"met": 6.0, "mass_kg": 251.0, "duration_min": 30.0}),
        ("duration_min", {"met": 6.0, "mass_kg": 70.0, "duration_min": 0.0}),
        ("duration_min", {"met": 6.0, "mass_kg": 70.0, "duration_min": 1440.5}),
    ],
)
def test_met_energy_rejects_out_of_range(
    function: Callable[..., float], field: str, kwargs: dict[str, float]
) -> None:
    with pytest.raises(InvalidInput) as caught:
        function(**kwargs)
    assert caught.value.field == field
