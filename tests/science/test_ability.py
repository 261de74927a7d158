"""Today's e1RM from logged sets and today's VDOT from races, with their age discounts."""

from __future__ import annotations

import csv
import math
from datetime import date, timedelta
from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.science.ability import (
    STRENGTH_MAX_AGE_DAYS,
    VDOT_CURRENT_DAYS,
    VDOT_MAX_AGE_DAYS,
    PerformedSet,
    ResultSkipReason,
    RunEffort,
    RunResult,
    SetMethod,
    SetSkipReason,
    one_rep_max_from_log,
    strength_retention,
    vdot_from_results,
    vdot_retention,
)
from runlift.science.running import vdot
from runlift.science.strength import (
    OneRepMaxFormula,
    brzycki_one_rep_max_kg,
    epley_one_rep_max_kg,
    one_rep_max_from_rpe_set_kg,
)

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
TODAY = date(2025, 6, 30)
TABLE_TOLERANCE = 5e-4
"""Daniels' time-off table is printed to three decimals."""


def _rows(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _set(
    days_ago: int,
    load_kg: float,
    reps: int,
    *,
    rpe: float | None = None,
    rir: float | None = None,
    warm_up: bool = False,
) -> PerformedSet:
    return PerformedSet(
        on_date=_ago(days_ago), load_kg=load_kg, reps=reps, rpe=rpe, rir=rir, warm_up=warm_up
    )


def _race(days_ago: int, distance_m: float, time_s: float, effort: RunEffort) -> RunResult:
    return RunResult(on_date=_ago(days_ago), distance_m=distance_m, time_s=time_s, effort=effort)


# Daniels' VDOT adjustment after time off (FVDOT-1)

TIME_OFF_ROWS = _rows("daniels_vdot_time_off.csv")


@pytest.mark.parametrize("row", TIME_OFF_ROWS, ids=[r["days_off"] for r in TIME_OFF_ROWS])
def test_vdot_retention_matches_daniels_time_off_table(row: dict[str, str]) -> None:
    retained = vdot_retention(days_off=int(row["days_off"]))
    assert retained == pytest.approx(float(row["fvdot_1"]), abs=TABLE_TOLERANCE)


def test_vdot_retention_stays_at_the_floor_after_the_table_ends() -> None:
    assert vdot_retention(days_off=73) == 0.8
    assert vdot_retention(days_off=365) == 0.8


@pytest.mark.parametrize("days_off", [-1, 2.5, True, math.nan])
def test_vdot_retention_rejects_non_days(days_off: int) -> None:
    with pytest.raises(InvalidInput) as info:
        vdot_retention(days_off=days_off)
    assert info.value.field == "days_off"


# Strength retention (detraining)


def test_strength_is_kept_for_three_weeks_then_lost_at_one_percent_a_week() -> None:
    assert [strength_retention(days_since=d) for d in (0, 7, 21)] == [1.0, 1.0, 1.0]
    assert strength_retention(days_since=28) == pytest.approx(0.99)
    assert strength_retention(days_since=49) == pytest.approx(0.96)
    assert strength_retention(days_since=STRENGTH_MAX_AGE_DAYS) == pytest.approx(0.87)


@pytest.mark.parametrize("days_since", [-1, STRENGTH_MAX_AGE_DAYS + 1, 3.0, False])
def test_strength_retention_rejects_days_outside_its_range(days_since: int) -> None:
    with pytest.raises(InvalidInput) as info:
        strength_retention(days_since=days_since)
    assert info.value.field == "days_since"


# Logged sets


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"load_kg": 0.0}, "load_kg"),
        ({"load_kg": math.inf}, "load_kg"),
        ({"reps": 0}, "reps"),
        ({"reps": 5.0}, "reps"),
        ({"reps": True}, "reps"),
        ({"rpe": 0.5}, "rpe"),
        ({"rpe": 10.5}, "rpe"),
        ({"rpe": 7.3}, "rpe"),
        ({"rir": -1.0}, "rir"),
        ({"rir": 9.5}, "rir"),
        ({"rir": 1.25}, "rir"),
        ({"rpe": 8.0, "rir": 1.0}, "rir"),
    ],
)
def test_performed_set_rejects_nonsense(fields: dict[str, float], field: str) -> None:
    values: dict[str, object] = {"on_date": TODAY, "load_kg": 100.0, "reps": 5, **fields}
    with pytest.raises(InvalidInput) as info:
        PerformedSet(**values)  # type: ignore[arg-type]
    assert info.value.field == field


def test_effort_comes_from_rpe_or_from_reps_in_reserve() -> None:
    assert _set(0, 100, 5, rpe=8.0).effort_rpe == 8.0
    assert _set(0, 100, 5, rir=2.0).effort_rpe == 8.0
    assert _set(0, 100, 5, rpe=8.5, rir=1.5).effort_rpe == 8.5
    assert _set(0, 100, 5).effort_rpe is None


def test_no_sets_give_no_estimate() -> None:
    estimate = one_rep_max_from_log(sets=[], on_date=TODAY)
    assert estimate.one_rep_max_kg is None
    assert estimate.best is None
    assert estimate.candidates == ()
    assert estimate.skipped == ()


def test_rated_set_goes_through_the_rpe_chart() -> None:
    estimate = one_rep_max_from_log(sets=[_set(0, 100, 5, rpe=8.0)], on_date=TODAY)
    assert estimate.best is not None
    assert estimate.best.method is SetMethod.RPE_CHART
    assert estimate.one_rep_max_kg == pytest.approx(100 / 0.811)


def test_reps_in_reserve_read_as_the_matching_rpe() -> None:
    by_rir = one_rep_max_from_log(sets=[_set(0, 100, 3, rir=1.0)], on_date=TODAY)
    by_rpe = one_rep_max_from_log(sets=[_set(0, 100, 3, rpe=9.0)], on_date=TODAY)
    assert by_rir.one_rep_max_kg == by_rpe.one_rep_max_kg
    assert by_rir.one_rep_max_kg == pytest.approx(
        one_rep_max_from_rpe_set_kg(weight_kg=100, reps=3, rpe=9.0)
    )


def test_unrated_set_uses_the_chosen_equation() -> None:
    sets = [_set(0, 90, 8)]
    default = one_rep_max_from_log(sets=sets, on_date=TODAY)
    brzycki = one_rep_max_from_log(sets=sets, on_date=TODAY, formula=OneRepMaxFormula.BRZYCKI)
    assert default.best is not None
    assert default.best.method is SetMethod.FORMULA
    assert default.one_rep_max_kg == pytest.approx(epley_one_rep_max_kg(weight_kg=90, reps=8))
    assert brzycki.one_rep_max_kg == pytest.approx(brzycki_one_rep_max_kg(weight_kg=90, reps=8))


def test_unknown_formula_is_rejected_even_without_unrated_sets() -> None:
    with pytest.raises(InvalidInput) as info:
        one_rep_max_from_log(sets=[], on_date=TODAY, formula="guess")  # type: ignore[arg-type]
    assert info.value.field == "formula"


def test_the_best_discounted_set_wins_and_skipped_sets_say_why() -> None:
    sets = [
        _set(2, 60, 5, warm_up=True),  # warm-up
        _set(2, 80, 15),  # too many reps for an unrated set
        _set(2, 70, 5, rpe=5.0),  # rated too far from failure for the chart
        _set(STRENGTH_MAX_AGE_DAYS + 1, 150, 1),  # too old
        _set(35, 130, 1),  # heavy single five weeks ago: 130 x 0.98 = 127.4
        _set(1, 100, 5, rpe=8.0),  # yesterday: 123.3
        _set(1, 80, 11, rpe=9.0),  # a rated set may reach 12 reps
    ]
    estimate = one_rep_max_from_log(sets=sets, on_date=TODAY)
    assert estimate.best is not None
    assert estimate.best.index == 4
    assert estimate.best.age_days == 35
    assert estimate.best.retention == pytest.approx(0.98)
    assert estimate.best.set_one_rep_max_kg == 130
    assert estimate.one_rep_max_kg == pytest.approx(127.4)
    assert [c.index for c in estimate.candidates] == [4, 5, 6]
    assert [(s.index, s.reason) for s in estimate.skipped] == [
        (0, SetSkipReason.WARM_UP),
        (1, SetSkipReason.TOO_MANY_REPS),
        (2, SetSkipReason.TOO_EASY),
        (3, SetSkipReason.TOO_OLD),
    ]


def test_unrated_sets_stop_at_ten_reps_and_rated_ones_at_twelve() -> None:
    estimate = one_rep_max_from_log(
        sets=[
            _set(0, 60, 10),
            _set(0, 60, 11),
            _set(0, 60, 12, rpe=10.0),
            _set(0, 60, 13, rpe=10.0),
        ],
        on_date=TODAY,
    )
    assert [c.index for c in estimate.candidates] == [0, 2]
    assert [s.index for s in estimate.skipped] == [1, 3]


def test_a_set_on_the_last_day_of_its_age_limit_still_counts() -> None:
    estimate = one_rep_max_from_log(sets=[_set(STRENGTH_MAX_AGE_DAYS, 100, 1)], on_date=TODAY)
    assert estimate.one_rep_max_kg == pytest.approx(87.0)


def test_ties_go_to_the_most_recent_set_then_the_first_given() -> None:
    # Both 100 kg singles are worth 100 kg today: the one three days ago beats ten days ago.
    recent = one_rep_max_from_log(sets=[_set(10, 100, 1), _set(3, 100, 1)], on_date=TODAY)
    assert recent.best is not None
    assert recent.best.index == 1
    same_day = one_rep_max_from_log(sets=[_set(3, 100, 1), _set(3, 100, 1)], on_date=TODAY)
    assert same_day.best is not None
    assert same_day.best.index == 0


def test_a_set_after_the_day_of_the_estimate_is_an_error() -> None:
    with pytest.raises(InvalidInput) as info:
        one_rep_max_from_log(sets=[_set(0, 100, 1), _set(-1, 100, 1)], on_date=TODAY)
    assert info.value.field == "sets[1].on_date"


# Logged races


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"distance_m": 0.0}, "distance_m"),
        ({"time_s": -1.0}, "time_s"),
        ({"time_s": math.nan}, "time_s"),
        ({"effort": "parkrun"}, "effort"),
    ],
)
def test_run_result_rejects_nonsense(fields: dict[str, object], field: str) -> None:
    values: dict[str, object] = {
        "on_date": TODAY,
        "distance_m": 5000.0,
        "time_s": 1200.0,
        "effort": RunEffort.RACE,
        **fields,
    }
    with pytest.raises(InvalidInput) as info:
        RunResult(**values)  # type: ignore[arg-type]
    assert info.value.field == field


def test_run_result_accepts_the_effort_as_its_string_value() -> None:
    result = RunResult(on_date=TODAY, distance_m=5000, time_s=1200, effort="time_trial")  # type: ignore[arg-type]
    assert result.effort is RunEffort.TIME_TRIAL


def test_no_results_give_no_estimate() -> None:
    estimate = vdot_from_results(results=[], on_date=TODAY)
    assert estimate.vdot is None
    assert estimate.best is None


def test_a_result_is_current_for_six_weeks_then_follows_daniels_time_off_table() -> None:
    five_k = vdot(distance_m=5000, time_s=1197)
    for age_days, retained in [
        (0, 1.0),
        (VDOT_CURRENT_DAYS, 1.0),
        (47, 1.0),
        (48, 0.997),
        (70, 0.931),
    ]:
        estimate = vdot_from_results(
            results=[_race(age_days, 5000, 1197, RunEffort.RACE)], on_date=TODAY
        )
        assert estimate.best is not None
        assert estimate.best.retention == pytest.approx(retained)
        assert estimate.vdot == pytest.approx(five_k * retained)


def test_the_best_discounted_result_wins_and_skipped_runs_say_why() -> None:
    results = [
        _race(1, 10000, 2400, RunEffort.TRAINING),  # a fast training run is not a race
        _race(5, 800, 120, RunEffort.RACE),  # below 1500 m
        _race(5, 100000, 36000, RunEffort.RACE),  # beyond the marathon
        _race(5, 5000, 3600, RunEffort.TIME_TRIAL),  # 83 m/min: walking pace
        _race(5, 1500, 170, RunEffort.RACE),  # under 3 min
        _race(VDOT_MAX_AGE_DAYS + 1, 5000, 1000, RunEffort.RACE),  # too old
        _race(VDOT_MAX_AGE_DAYS, 5000, 1100, RunEffort.RACE),  # old, discounted to 0.8
        _race(20, 10000, 2550, RunEffort.TIME_TRIAL),
    ]
    estimate = vdot_from_results(results=results, on_date=TODAY)
    assert estimate.best is not None
    assert estimate.best.index == 7
    assert estimate.vdot == pytest.approx(vdot(distance_m=10000, time_s=2550))
    assert [c.index for c in estimate.candidates] == [6, 7]
    assert estimate.candidates[0].retention == 0.8
    assert [(s.index, s.reason) for s in estimate.skipped] == [
        (0, ResultSkipReason.NOT_ALL_OUT),
        (1, ResultSkipReason.OUTSIDE_MODEL),
        (2, ResultSkipReason.OUTSIDE_MODEL),
        (3, ResultSkipReason.OUTSIDE_MODEL),
        (4, ResultSkipReason.OUTSIDE_MODEL),
        (5, ResultSkipReason.TOO_OLD),
    ]


def test_equal_results_go_to_the_most_recent_then_the_first_given() -> None:
    older_then_newer = [
        _race(20, 5000, 1200, RunEffort.RACE),
        _race(10, 5000, 1200, RunEffort.RACE),
    ]
    estimate = vdot_from_results(results=older_then_newer, on_date=TODAY)
    assert estimate.best is not None
    assert estimate.best.index == 1
    same_day = [_race(10, 5000, 1200, RunEffort.RACE), _race(10, 5000, 1200, RunEffort.TIME_TRIAL)]
    estimate = vdot_from_results(results=same_day, on_date=TODAY)
    assert estimate.best is not None
    assert estimate.best.index == 0


def test_a_result_after_the_day_of_the_estimate_is_an_error() -> None:
    with pytest.raises(InvalidInput) as info:
        vdot_from_results(results=[_race(-2, 5000, 1200, RunEffort.RACE)], on_date=TODAY)
    assert info.value.field == "results[0].on_date"
