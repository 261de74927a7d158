"""Tests of the strength formulas against the published chart and the equations' worked examples."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.science.strength import (
    DEFAULT_ONE_REP_MAX_FORMULA,
    RPE_CHART_PERCENT_1RM,
    OneRepMaxFormula,
    brzycki_one_rep_max_kg,
    epley_one_rep_max_kg,
    lander_one_rep_max_kg,
    load_for_percent_kg,
    load_for_reps_at_rpe_kg,
    lombardi_one_rep_max_kg,
    mayhew_one_rep_max_kg,
    oconner_one_rep_max_kg,
    one_rep_max_estimates_kg,
    one_rep_max_from_rpe_set_kg,
    one_rep_max_kg,
    percent_one_rep_max,
    reps_in_reserve,
    round_load_kg,
    wathan_one_rep_max_kg,
)

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
CHART_TOLERANCE = 1e-9
"""The chart is transcribed with one decimal; the lookup must return it exactly."""
EXAMPLE_TOLERANCE_KG = 0.001
"""The worked examples are rounded to 3 decimals."""

NAMED_FUNCTIONS: dict[OneRepMaxFormula, Callable[..., float]] = {
    OneRepMaxFormula.EPLEY: epley_one_rep_max_kg,
    OneRepMaxFormula.BRZYCKI: brzycki_one_rep_max_kg,
    OneRepMaxFormula.LOMBARDI: lombardi_one_rep_max_kg,
    OneRepMaxFormula.MAYHEW: mayhew_one_rep_max_kg,
    OneRepMaxFormula.OCONNER: oconner_one_rep_max_kg,
    OneRepMaxFormula.WATHAN: wathan_one_rep_max_kg,
    OneRepMaxFormula.LANDER: lander_one_rep_max_kg,
}
ALL_RPES = (6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0)


def _read(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CHART_ROWS = [
    (int(r["reps"]), float(r["rpe"]), float(r["percent"])) for r in _read("rpe_chart.csv")
]
EXAMPLE_ROWS = [
    (
        OneRepMaxFormula(r["formula"]),
        float(r["weight_kg"]),
        int(r["reps"]),
        float(r["one_rep_max_kg"]),
    )
    for r in _read("one_rep_max_examples.csv")
]


# --- the RPE chart -------------------------------------------------------------------------


def test_chart_vectors_cover_the_whole_table() -> None:
    cells = {(reps, rpe) for reps, rpe, _ in CHART_ROWS}
    assert len(CHART_ROWS) == 108
    assert cells == {(reps, rpe) for reps in range(1, 13) for rpe in ALL_RPES}


def test_chart_constant_has_every_rpe_and_twelve_reps() -> None:
    assert sorted(RPE_CHART_PERCENT_1RM) == list(ALL_RPES)
    assert all(len(row) == 12 for row in RPE_CHART_PERCENT_1RM.values())


@pytest.mark.parametrize(("reps", "rpe", "percent"), CHART_ROWS)
def test_percent_one_rep_max_matches_published_chart(reps: int, rpe: float, percent: float) -> None:
    assert percent_one_rep_max(reps=reps, rpe=rpe) == pytest.approx(percent, abs=CHART_TOLERANCE)


def test_chart_diagonals_are_constant() -> None:
    # One more rep and one more RPE point end the set at the same distance from failure.
    for reps in range(1, 12):
        for rpe in ALL_RPES[:-2]:
            assert percent_one_rep_max(reps=reps + 1, rpe=rpe + 1) == percent_one_rep_max(
                reps=reps, rpe=rpe
            )


@pytest.mark.parametrize(
    ("reps", "rpe", "percent"),
    [(1, 10, 100.0), (5, 10, 86.3), (5, 8, 81.1), (3, 8, 86.3), (12, 6, 57.2), (8, 7.5, 72.3)],
)
def test_percent_one_rep_max_known_cells(reps: int, rpe: float, percent: float) -> None:
    assert percent_one_rep_max(reps=reps, rpe=rpe) == percent


@pytest.mark.parametrize("rpe", [5.5, 10.5, 8.25, 7.1, math.nan, math.inf, -8.0])
def test_percent_one_rep_max_rejects_rpe_off_chart(rpe: float) -> None:
    with pytest.raises(InvalidInput) as info:
        percent_one_rep_max(reps=5, rpe=rpe)
    assert info.value.field == "rpe"


@pytest.mark.parametrize("reps", [0, 13, -1, 100])
def test_percent_one_rep_max_rejects_reps_off_chart(reps: int) -> None:
    with pytest.raises(InvalidInput) as info:
        percent_one_rep_max(reps=reps, rpe=8)
    assert info.value.field == "reps"


# --- reps in reserve -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rpe", "rir"), [(10, 0.0), (9.5, 0.5), (9, 1.0), (8, 2.0), (7.5, 2.5), (6, 4.0)]
)
def test_reps_in_reserve_is_ten_minus_rpe(rpe: float, rir: float) -> None:
    assert reps_in_reserve(rpe=rpe) == rir


@pytest.mark.parametrize("rpe", [5.0, 11.0, 8.3, math.nan])
def test_reps_in_reserve_rejects_bad_rpe(rpe: float) -> None:
    with pytest.raises(InvalidInput) as info:
        reps_in_reserve(rpe=rpe)
    assert info.value.field == "rpe"


# --- rep-max equations ---------------------------------------------------------------------


def test_examples_cover_every_formula() -> None:
    assert {formula for formula, *_ in EXAMPLE_ROWS} == set(OneRepMaxFormula)


@pytest.mark.parametrize(("formula", "weight_kg", "reps", "expected_kg"), EXAMPLE_ROWS)
def test_named_function_matches_worked_example(
    formula: OneRepMaxFormula, weight_kg: float, reps: int, expected_kg: float
) -> None:
    estimate = NAMED_FUNCTIONS[formula](weight_kg=weight_kg, reps=reps)
    assert estimate == pytest.approx(expected_kg, abs=EXAMPLE_TOLERANCE_KG)


@pytest.mark.parametrize(("formula", "weight_kg", "reps", "expected_kg"), EXAMPLE_ROWS)
def test_dispatch_matches_worked_example(
    formula: OneRepMaxFormula, weight_kg: float, reps: int, expected_kg: float
) -> None:
    estimate = one_rep_max_kg(weight_kg=weight_kg, reps=reps, formula=formula)
    assert estimate == pytest.approx(expected_kg, abs=EXAMPLE_TOLERANCE_KG)


@pytest.mark.parametrize("formula", list(OneRepMaxFormula))
def test_a_single_is_the_one_rep_max(formula: OneRepMaxFormula) -> None:
    assert NAMED_FUNCTIONS[formula](weight_kg=137.5, reps=1) == 137.5


def test_default_formula_is_epley() -> None:
    assert DEFAULT_ONE_REP_MAX_FORMULA is OneRepMaxFormula.EPLEY
    assert one_rep_max_kg(weight_kg=90, reps=6) == epley_one_rep_max_kg(weight_kg=90, reps=6)
    assert one_rep_max_kg(weight_kg=90, reps=6) == pytest.approx(108.0)


def test_formula_may_be_given_by_its_value() -> None:
    by_value = one_rep_max_kg(weight_kg=100, reps=5, formula="brzycki")  # type: ignore[arg-type]
    assert by_value == 112.5


@pytest.mark.parametrize("formula", ["bogus", "", "EPLEY", 3])
def test_unknown_formula_is_rejected(formula: object) -> None:
    with pytest.raises(InvalidInput) as info:
        one_rep_max_kg(weight_kg=100, reps=5, formula=formula)  # type: ignore[arg-type]
    assert info.value.field == "formula"
    assert "epley" in info.value.expected


def test_estimates_hold_every_formula_in_order() -> None:
    estimates = one_rep_max_estimates_kg(weight_kg=100, reps=5)
    assert list(estimates) == list(OneRepMaxFormula)
    for formula, value in estimates.items():
        assert value == NAMED_FUNCTIONS[formula](weight_kg=100, reps=5)
    assert min(estimates.values()) == 112.5
    assert max(estimates.values()) == pytest.approx(119.011, abs=EXAMPLE_TOLERANCE_KG)


@pytest.mark.parametrize("formula", list(OneRepMaxFormula))
@pytest.mark.parametrize("weight_kg", [0.0, -20.0, math.nan, math.inf])
def test_nonsense_weight_is_rejected(formula: OneRepMaxFormula, weight_kg: float) -> None:
    with pytest.raises(InvalidInput) as info:
        NAMED_FUNCTIONS[formula](weight_kg=weight_kg, reps=5)
    assert info.value.field == "weight_kg"


@pytest.mark.parametrize("formula", list(OneRepMaxFormula))
@pytest.mark.parametrize("reps", [0, 13, -3, 5.0, 5.5, True, "5"])
def test_nonsense_reps_are_rejected(formula: OneRepMaxFormula, reps: object) -> None:
    with pytest.raises(InvalidInput) as info:
        NAMED_FUNCTIONS[formula](weight_kg=100, reps=reps)
    assert info.value.field == "reps"


def test_estimates_reject_nonsense() -> None:
    with pytest.raises(InvalidInput, match="weight_kg"):
        one_rep_max_estimates_kg(weight_kg=-1, reps=5)
    with pytest.raises(InvalidInput, match="reps"):
        one_rep_max_estimates_kg(weight_kg=100, reps=20)


# --- 1RM from a set rated by RPE -----------------------------------------------------------


def test_one_rep_max_from_rpe_set_divides_by_chart_percent() -> None:
    assert one_rep_max_from_rpe_set_kg(weight_kg=100, reps=5, rpe=8) == pytest.approx(100 / 0.811)
    assert one_rep_max_from_rpe_set_kg(weight_kg=180, reps=1, rpe=10) == 180.0
    assert one_rep_max_from_rpe_set_kg(weight_kg=150, reps=3, rpe=9) == pytest.approx(150 / 0.892)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"weight_kg": 0, "reps": 5, "rpe": 8}, "weight_kg"),
        ({"weight_kg": math.nan, "reps": 5, "rpe": 8}, "weight_kg"),
        ({"weight_kg": 100, "reps": 13, "rpe": 8}, "reps"),
        ({"weight_kg": 100, "reps": 5, "rpe": 5}, "rpe"),
    ],
)
def test_one_rep_max_from_rpe_set_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        one_rep_max_from_rpe_set_kg(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


# --- rounding and loads --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load_kg", "increment_kg", "minimum_kg", "expected_kg"),
    [
        (101.0, 2.5, 0.0, 100.0),
        (101.3, 2.5, 0.0, 102.5),
        (101.25, 2.5, 0.0, 100.0),  # tie: the lighter load
        (103.75, 2.5, 0.0, 102.5),  # tie: the lighter load
        (100.0, 2.5, 0.0, 100.0),
        (0.0, 2.5, 0.0, 0.0),
        (12.0, 2.5, 20.0, 20.0),  # below the empty bar
        (20.0, 2.5, 20.0, 20.0),
        (61.2, 2.5, 20.0, 60.0),
        (20.0, 2.0, 15.0, 19.0),  # tie between 19 and 21 on a 15 kg bar with 1 kg plates
        (20.1, 2.0, 15.0, 21.0),
        (0.3, 0.1, 0.0, 0.3),  # binary noise does not leak into the result
        (0.25, 0.1, 0.0, 0.2),  # tie in decimal, even though 0.25 / 0.1 is not exact in binary
        (23.9, 2.0, 4.0, 24.0),  # dumbbells from 4 kg in 2 kg steps
    ],
)
def test_round_load(
    load_kg: float, increment_kg: float, minimum_kg: float, expected_kg: float
) -> None:
    result = round_load_kg(load_kg=load_kg, increment_kg=increment_kg, minimum_kg=minimum_kg)
    assert result == expected_kg


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"load_kg": -1.0}, "load_kg"),
        ({"load_kg": math.nan}, "load_kg"),
        ({"load_kg": math.inf}, "load_kg"),
        ({"load_kg": 50.0, "increment_kg": 0.0}, "increment_kg"),
        ({"load_kg": 50.0, "increment_kg": -2.5}, "increment_kg"),
        ({"load_kg": 50.0, "minimum_kg": -20.0}, "minimum_kg"),
        ({"load_kg": 50.0, "minimum_kg": math.nan}, "minimum_kg"),
    ],
)
def test_round_load_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        round_load_kg(**kwargs)
    assert info.value.field == field


def test_load_for_percent() -> None:
    assert load_for_percent_kg(one_rep_max_kg=140, percent_1rm=75) == 105.0
    assert load_for_percent_kg(one_rep_max_kg=140, percent_1rm=80, increment_kg=1) == 112.0
    assert load_for_percent_kg(one_rep_max_kg=200, percent_1rm=100) == 200.0
    assert load_for_percent_kg(one_rep_max_kg=100, percent_1rm=73) == 72.5
    assert load_for_percent_kg(one_rep_max_kg=40, percent_1rm=30, minimum_kg=20) == 20.0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"one_rep_max_kg": 0.0, "percent_1rm": 80.0}, "one_rep_max_kg"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": 0.0}, "percent_1rm"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": 100.5}, "percent_1rm"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": math.nan}, "percent_1rm"),
        ({"one_rep_max_kg": 100.0, "percent_1rm": 80.0, "increment_kg": 0.0}, "increment_kg"),
    ],
)
def test_load_for_percent_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        load_for_percent_kg(**kwargs)
    assert info.value.field == field


def test_load_for_reps_at_rpe() -> None:
    # 150 kg x 81.1 % = 121.65 kg -> 122.5 kg with 1.25 kg plates, 122 kg with 0.5 kg plates.
    assert load_for_reps_at_rpe_kg(one_rep_max_kg=150, reps=5, rpe=8) == 122.5
    assert load_for_reps_at_rpe_kg(one_rep_max_kg=150, reps=5, rpe=8, increment_kg=1) == 122.0
    assert load_for_reps_at_rpe_kg(one_rep_max_kg=200, reps=1, rpe=10) == 200.0
    assert (
        load_for_reps_at_rpe_kg(one_rep_max_kg=30, reps=12, rpe=6, increment_kg=2, minimum_kg=20)
        == 20.0
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"one_rep_max_kg": -5.0, "reps": 5, "rpe": 8}, "one_rep_max_kg"),
        ({"one_rep_max_kg": 100.0, "reps": 0, "rpe": 8}, "reps"),
        ({"one_rep_max_kg": 100.0, "reps": 5, "rpe": 8.2}, "rpe"),
        ({"one_rep_max_kg": 100.0, "reps": 5, "rpe": 8, "increment_kg": -1.0}, "increment_kg"),
    ],
)
def test_load_for_reps_at_rpe_rejects_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        load_for_reps_at_rpe_kg(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
