"""Tests of the running formulas against Daniels' published tables and closed forms."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.science.running import (
    MAX_RACE_DISTANCE_M,
    MAX_VDOT,
    MIN_RACE_DISTANCE_M,
    MIN_VDOT,
    TrainingPaces,
    oxygen_cost_ml_per_kg_min,
    pace_s_per_km_from_speed_m_per_min,
    race_time_s,
    riegel_time_s,
    speed_m_per_min,
    training_paces,
    vdot,
    vo2max_fraction,
)

VECTORS = Path(__file__).resolve().parent.parent / "vectors"

RACE_TIME_RELATIVE_TOLERANCE = 0.005
"""Race times within 0.5 % of Daniels' table (the equations reproduce it within 0.24 %)."""
VDOT_TOLERANCE = 0.3
"""VDOT from a table time within 0.3 of the row's VDOT (the equations give within 0.24)."""
PACE_TOLERANCE_S_PER_KM = 4.0
"""Training paces within 4 s/km of Daniels' table, including the rounding of 200/400 m splits."""
INVERSION_TOLERANCE_S = 0.01
"""race_time_s must solve the VDOT equation to better than a hundredth of a second."""

NAN = float("nan")
INF = float("inf")


def _read(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _seconds(text: str) -> float:
    """A printed time: ``m:ss``, ``h:mm:ss`` (tenths allowed) or whole seconds such as ``93``."""
    total = 0.0
    for part in text.split(":"):
        total = total * 60.0 + float(part)
    return total


RACE_ROWS = [
    (float(r["vdot"]), r["distance"], float(r["distance_m"]), _seconds(r["time"]))
    for r in _read("daniels_race_equivalents.csv")
]
PACE_ROWS = _read("daniels_training_paces.csv")
RACE_IDS = [f"vdot{v:g}-{name}" for v, name, _, _ in RACE_ROWS]
PACE_IDS = [f"vdot{r['vdot']}" for r in PACE_ROWS]


# --- Daniels' race table -------------------------------------------------------------------


def test_race_vectors_cover_the_grid() -> None:
    assert len(RACE_ROWS) == 96
    assert {v for v, _, _, _ in RACE_ROWS} == {float(v) for v in range(30, 86, 5)}
    assert {name for _, name, _, _ in RACE_ROWS} == {
        "1500m",
        "mile",
        "3000m",
        "5k",
        "10k",
        "15k",
        "half",
        "marathon",
    }


@pytest.mark.parametrize(
    ("table_vdot", "name", "distance_m", "table_time_s"), RACE_ROWS, ids=RACE_IDS
)
def test_race_time_matches_daniels_table(
    table_vdot: float, name: str, distance_m: float, table_time_s: float
) -> None:
    predicted = race_time_s(vdot=table_vdot, distance_m=distance_m)
    assert predicted == pytest.approx(table_time_s, rel=RACE_TIME_RELATIVE_TOLERANCE), name


@pytest.mark.parametrize(
    ("table_vdot", "name", "distance_m", "table_time_s"), RACE_ROWS, ids=RACE_IDS
)
def test_vdot_of_a_table_time_matches_its_row(
    table_vdot: float, name: str, distance_m: float, table_time_s: float
) -> None:
    assert vdot(distance_m=distance_m, time_s=table_time_s) == pytest.approx(
        table_vdot, abs=VDOT_TOLERANCE
    ), name


@pytest.mark.parametrize(
    ("table_vdot", "name", "distance_m", "table_time_s"), RACE_ROWS, ids=RACE_IDS
)
def test_race_time_solves_the_vdot_equation_to_a_hundredth_of_a_second(
    table_vdot: float, name: str, distance_m: float, table_time_s: float
) -> None:
    solved = race_time_s(vdot=table_vdot, distance_m=distance_m)
    assert vdot(distance_m=distance_m, time_s=solved) == pytest.approx(table_vdot, abs=1e-4)
    # VDOT falls as time grows, so the exact root lies between these two times.
    faster = vdot(distance_m=distance_m, time_s=solved - INVERSION_TOLERANCE_S)
    slower = vdot(distance_m=distance_m, time_s=solved + INVERSION_TOLERANCE_S)
    assert faster > table_vdot > slower, (name, table_time_s)


def test_race_time_is_deterministic() -> None:
    first = race_time_s(vdot=47.3, distance_m=21097.5)
    assert race_time_s(vdot=47.3, distance_m=21097.5) == first


# --- the two Daniels-Gilbert curves ---------------------------------------------------------


@pytest.mark.parametrize(
    ("speed", "expected"),
    [
        # -4.60 + 0.182258 v + 0.000104 v^2 worked by hand
        (200.0, -4.60 + 36.4516 + 4.16),
        (300.0, -4.60 + 54.6774 + 9.36),
        (100.0, -4.60 + 18.2258 + 1.04),
        (500.0, -4.60 + 91.129 + 26.0),
    ],
)
def test_oxygen_cost_equation(speed: float, expected: float) -> None:
    assert oxygen_cost_ml_per_kg_min(speed_m_per_min=speed) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        # 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t), to 7 decimals
        (3.5, 1.1331542),
        (10.0, 1.0099955),
        (60.0, 0.8880073),
        (180.0, 0.8189922),
        (300.0, 0.8040987),
    ],
)
def test_vo2max_fraction_equation(duration: float, expected: float) -> None:
    assert vo2max_fraction(duration_min=duration) == pytest.approx(expected, abs=1e-7)


def test_vdot_is_cost_over_fraction() -> None:
    # 5 km in 20:00 is 250 m/min for 20 min.
    expected = oxygen_cost_ml_per_kg_min(speed_m_per_min=250.0) / vo2max_fraction(duration_min=20.0)
    assert vdot(distance_m=5000.0, time_s=1200.0) == pytest.approx(expected, rel=1e-12)


# --- training paces ------------------------------------------------------------------------


@pytest.mark.parametrize("row", PACE_ROWS, ids=PACE_IDS)
def test_training_paces_match_daniels_table(row: dict[str, str]) -> None:
    paces = training_paces(vdot=float(row["vdot"]))
    interval = _seconds(row["i_per_km"]) if row["i_per_km"] else 2.5 * _seconds(row["i_per_400m"])
    repetition = (
        2.5 * _seconds(row["r_per_400m"])
        if row["r_per_400m"]
        else 5.0 * _seconds(row["r_per_200m"])
    )
    expected = {
        "easy_min_s_per_km": _seconds(row["e_fast_per_km"]),
        "easy_max_s_per_km": _seconds(row["e_slow_per_km"]),
        "marathon_s_per_km": _seconds(row["m_per_km"]),
        "threshold_s_per_km": _seconds(row["t_per_km"]),
        "interval_s_per_km": interval,
        "repetition_s_per_km": repetition,
    }
    for field, value in expected.items():
        assert getattr(paces, field) == pytest.approx(value, abs=PACE_TOLERANCE_S_PER_KM), field
    assert paces.vdot == float(row["vdot"])


def test_pace_vectors_span_the_table() -> None:
    assert [float(r["vdot"]) for r in PACE_ROWS] == [float(v) for v in range(30, 86, 5)]


def test_marathon_pace_is_race_pace_for_faster_runners() -> None:
    race_pace = race_time_s(vdot=60.0, distance_m=42195.0) / 42.195
    assert training_paces(vdot=60.0).marathon_s_per_km == pytest.approx(race_pace, rel=1e-12)


def test_marathon_pace_is_slower_than_race_pace_for_slower_runners() -> None:
    # The table's VDOT 30 M pace (7:03/km) is 11 s/km slower than its 4:49:17 marathon.
    race_pace = race_time_s(vdot=30.0, distance_m=42195.0) / 42.195
    assert training_paces(vdot=30.0).marathon_s_per_km - race_pace == pytest.approx(11.0, abs=1.5)


@pytest.mark.parametrize(
    ("at_vdot", "gain_s_per_km"),
    [(30.0, 21.5), (46.0, 21.5), (47.0, 20.125), (48.0, 18.75), (50.0, 16.0), (85.0, 16.0)],
)
def test_repetition_is_a_fixed_gain_on_interval(at_vdot: float, gain_s_per_km: float) -> None:
    paces = training_paces(vdot=at_vdot)
    assert paces.interval_s_per_km - paces.repetition_s_per_km == pytest.approx(
        gain_s_per_km, abs=1e-9
    )


def test_training_paces_record_is_frozen_slotted_and_keyword_only() -> None:
    paces = training_paces(vdot=50.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        paces.vdot = 51.0  # type: ignore[misc]
    assert not hasattr(paces, "__dict__")
    with pytest.raises(TypeError):
        TrainingPaces(50.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)  # type: ignore[call-arg]


# --- Riegel --------------------------------------------------------------------------------


def test_riegel_doubling_the_distance_multiplies_time_by_two_to_the_exponent() -> None:
    predicted = riegel_time_s(
        known_distance_m=21097.5, known_time_s=5400.0, target_distance_m=42195.0
    )
    assert predicted == pytest.approx(5400.0 * 2.0**1.06, rel=1e-12)
    assert predicted == pytest.approx(11258.6, abs=0.05)


def test_riegel_ten_k_to_marathon_example() -> None:
    # 40:00 10 km → 2400 (4.2195)^1.06 = 11 040.5 s (3:04:00).
    predicted = riegel_time_s(
        known_distance_m=10000.0, known_time_s=2400.0, target_distance_m=42195.0
    )
    assert predicted == pytest.approx(11040.5, abs=0.05)


def test_riegel_same_distance_returns_the_known_time() -> None:
    assert riegel_time_s(
        known_distance_m=5000.0, known_time_s=1234.5, target_distance_m=5000.0
    ) == pytest.approx(1234.5, rel=1e-12)


def test_riegel_exponent_one_keeps_the_pace() -> None:
    predicted = riegel_time_s(
        known_distance_m=5000.0, known_time_s=1200.0, target_distance_m=10000.0, exponent=1.0
    )
    assert predicted == pytest.approx(2400.0, rel=1e-12)


def test_riegel_predicts_shorter_races_too() -> None:
    predicted = riegel_time_s(
        known_distance_m=42195.0, known_time_s=11258.6, target_distance_m=21097.5
    )
    assert predicted == pytest.approx(11258.6 / 2.0**1.06, rel=1e-12)


# --- conversions ---------------------------------------------------------------------------


def test_pace_and_speed_conversions() -> None:
    assert speed_m_per_min(pace_s_per_km=300.0) == pytest.approx(200.0, rel=1e-12)
    assert pace_s_per_km_from_speed_m_per_min(speed_m_per_min=250.0) == pytest.approx(
        240.0, rel=1e-12
    )
    assert pace_s_per_km_from_speed_m_per_min(
        speed_m_per_min=speed_m_per_min(pace_s_per_km=271.4)
    ) == pytest.approx(271.4, rel=1e-12)


# --- nonsense input ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0.0, -1.0, NAN, INF, 99.9, 500.1])
def test_oxygen_cost_rejects_speeds_outside_the_fit(bad: float) -> None:
    with pytest.raises(InvalidInput) as info:
        oxygen_cost_ml_per_kg_min(speed_m_per_min=bad)
    assert info.value.field == "speed_m_per_min"


@pytest.mark.parametrize("bad", [0.0, -5.0, NAN, INF, 2.9, 300.1])
def test_vo2max_fraction_rejects_durations_outside_the_fit(bad: float) -> None:
    with pytest.raises(InvalidInput) as info:
        vo2max_fraction(duration_min=bad)
    assert info.value.field == "duration_min"


@pytest.mark.parametrize(
    ("distance_m", "time_s", "field"),
    [
        (0.0, 1200.0, "distance_m"),
        (-5000.0, 1200.0, "distance_m"),
        (NAN, 1200.0, "distance_m"),
        (MIN_RACE_DISTANCE_M - 1.0, 300.0, "distance_m"),
        (MAX_RACE_DISTANCE_M + 1.0, 12000.0, "distance_m"),
        (5000.0, 0.0, "time_s"),
        (5000.0, -1200.0, "time_s"),
        (5000.0, NAN, "time_s"),
        (5000.0, INF, "time_s"),
        (5000.0, 179.0, "time_s"),  # under 3 min
        (42195.0, 18001.0, "time_s"),  # over 300 min
        (1500.0, 1000.0, "time_s"),  # 90 m/min: a walk
        (42195.0, 3000.0, "time_s"),  # 844 m/min: faster than any runner
    ],
)
def test_vdot_rejects_races_outside_the_model(distance_m: float, time_s: float, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        vdot(distance_m=distance_m, time_s=time_s)
    assert info.value.field == field


def test_vdot_names_the_speed_in_the_message() -> None:
    with pytest.raises(InvalidInput) as info:
        vdot(distance_m=1500.0, time_s=1000.0)
    assert "90 m/min" in info.value.expected


def test_vdot_accepts_the_edges_of_its_range() -> None:
    assert vdot(distance_m=1500.0, time_s=181.0) > MAX_VDOT  # 497 m/min for 3 min
    assert vdot(distance_m=42195.0, time_s=18000.0) < MIN_VDOT  # 300 min marathon


@pytest.mark.parametrize(
    ("value", "distance_m", "field"),
    [
        (29.9, 5000.0, "vdot"),
        (85.1, 5000.0, "vdot"),
        (NAN, 5000.0, "vdot"),
        (0.0, 5000.0, "vdot"),
        (50.0, 800.0, "distance_m"),
        (50.0, 50000.0, "distance_m"),
        (50.0, NAN, "distance_m"),
        (50.0, -1.0, "distance_m"),
    ],
)
def test_race_time_rejects_values_outside_the_tables(
    value: float, distance_m: float, field: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        race_time_s(vdot=value, distance_m=distance_m)
    assert info.value.field == field


@pytest.mark.parametrize("bad", [29.99, 85.01, -50.0, 0.0, NAN, INF])
def test_training_paces_reject_vdot_outside_the_table(bad: float) -> None:
    with pytest.raises(InvalidInput) as info:
        training_paces(vdot=bad)
    assert info.value.field == "vdot"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"known_distance_m": 0.0}, "known_distance_m"),
        ({"known_distance_m": 800.0}, "known_distance_m"),
        ({"known_distance_m": NAN}, "known_distance_m"),
        ({"known_time_s": 0.0}, "known_time_s"),
        ({"known_time_s": -1.0}, "known_time_s"),
        ({"known_time_s": NAN}, "known_time_s"),
        ({"target_distance_m": 100000.0}, "target_distance_m"),
        ({"target_distance_m": -1.0}, "target_distance_m"),
        ({"exponent": 0.9}, "exponent"),
        ({"exponent": 1.3}, "exponent"),
        ({"exponent": NAN}, "exponent"),
    ],
)
def test_riegel_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    arguments = {"known_distance_m": 5000.0, "known_time_s": 1200.0, "target_distance_m": 10000.0}
    arguments.update(kwargs)
    with pytest.raises(InvalidInput) as info:
        riegel_time_s(**arguments)
    assert info.value.field == field


@pytest.mark.parametrize("bad", [0.0, -300.0, NAN, INF])
def test_speed_from_pace_rejects_nonsense(bad: float) -> None:
    with pytest.raises(InvalidInput) as info:
        speed_m_per_min(pace_s_per_km=bad)
    assert info.value.field == "pace_s_per_km"


@pytest.mark.parametrize("bad", [0.0, -200.0, NAN, INF])
def test_pace_from_speed_rejects_nonsense(bad: float) -> None:
    with pytest.raises(InvalidInput) as info:
        pace_s_per_km_from_speed_m_per_min(speed_m_per_min=bad)
    assert info.value.field == "speed_m_per_min"
