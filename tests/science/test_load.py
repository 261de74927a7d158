"""Training-load formulas against worked examples and closed forms."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.science.load import (
    ATL_TIME_CONSTANT_DAYS,
    CTL_TIME_CONSTANT_DAYS,
    PLANNED_SESSION_RPE,
    DayLoad,
    WeekLoad,
    acute_chronic_ratio,
    banister_series,
    daily_load_metrics,
    ewma_au,
    planned_session_load_au,
    planned_session_rpe,
    rolling_mean_au,
    session_rpe_load_au,
    weekly_load_metrics,
)
from runlift.vocabulary import HARD_RUN_KINDS, LiftKind, RunKind

VECTORS = Path(__file__).resolve().parent.parent / "vectors"


def _rows(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _optional(text: str) -> float | None:
    return float(text) if text else None


def _ewma_constant(load_au: float, span_days: int, day: int) -> float:
    decay = 2 / (span_days + 1)
    return load_au * (1 - (1 - decay) ** (day + 1))


def _response_constant(load_au: float, tau_days: float, day: int) -> float:
    return load_au * (1 - math.exp(-(day + 1) / tau_days))


# Session RPE (Foster et al. 2001)

SRPE_ROWS = _rows("foster_srpe.csv")


@pytest.mark.parametrize("row", SRPE_ROWS, ids=[r["note"] for r in SRPE_ROWS])
def test_session_rpe_load_matches_worked_examples(row: dict[str, str]) -> None:
    load_au = session_rpe_load_au(duration_min=float(row["duration_min"]), rpe=float(row["rpe"]))
    assert load_au == pytest.approx(float(row["load_au"]), abs=1e-9)


@pytest.mark.parametrize(
    ("duration_min", "rpe", "field"),
    [
        (0.0, 5.0, "duration_min"),
        (-30.0, 5.0, "duration_min"),
        (math.nan, 5.0, "duration_min"),
        (math.inf, 5.0, "duration_min"),
        (1440.5, 5.0, "duration_min"),
        (60.0, -0.5, "rpe"),
        (60.0, 10.5, "rpe"),
        (60.0, math.nan, "rpe"),
    ],
)
def test_session_rpe_load_rejects_nonsense(duration_min: float, rpe: float, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        session_rpe_load_au(duration_min=duration_min, rpe=rpe)
    assert info.value.field == field


# Planned session load (typical session RPE by kind)

ZONE_1_MAX_RPE = 4.0
"""Seiler & Kjerland (2006): session RPE 1-4 is zone 1, 5-6 zone 2, 7-10 zone 3."""
ZONE_3_MIN_RPE = 7.0


def test_every_run_and_lift_kind_has_a_typical_rpe_on_the_cr10_scale() -> None:
    assert set(PLANNED_SESSION_RPE) == set(RunKind) | set(LiftKind)
    for kind in (*RunKind, *LiftKind):
        assert 0.0 < planned_session_rpe(kind=kind) <= 10.0


def test_run_ratings_follow_the_three_zone_bands() -> None:
    for kind in (RunKind.RECOVERY, RunKind.EASY):
        assert planned_session_rpe(kind=kind) <= ZONE_1_MAX_RPE
    for kind in (RunKind.INTERVALS, RunKind.REPETITION, RunKind.HILLS, RunKind.RACE):
        assert planned_session_rpe(kind=kind) >= ZONE_3_MIN_RPE
    easiest_hard_run = min(planned_session_rpe(kind=k) for k in HARD_RUN_KINDS)
    assert easiest_hard_run > planned_session_rpe(kind=RunKind.EASY)
    assert planned_session_rpe(kind=RunKind.RACE) == max(PLANNED_SESSION_RPE.values())


def test_heavy_lower_is_the_hardest_lift() -> None:
    lifts = {kind: planned_session_rpe(kind=kind) for kind in LiftKind}
    assert max(lifts, key=lambda kind: lifts[kind]) is LiftKind.HEAVY_LOWER
    assert lifts[LiftKind.HEAVY_LOWER] == 7.0


@pytest.mark.parametrize(
    ("kind", "duration_min", "load_au"),
    [
        (RunKind.EASY, 40.0, 120.0),
        (RunKind.LONG, 120.0, 600.0),
        (RunKind.INTERVALS, 60.0, 450.0),
        (RunKind.RACE, 20.0, 180.0),
        (LiftKind.HEAVY_LOWER, 60.0, 420.0),
        (LiftKind.RUNNER_STRENGTH, 30.0, 150.0),
    ],
)
def test_planned_session_load_by_hand(
    kind: RunKind | LiftKind, duration_min: float, load_au: float
) -> None:
    assert planned_session_load_au(kind=kind, duration_min=duration_min) == load_au


def test_planned_session_rejects_unknown_kinds_and_bad_durations() -> None:
    with pytest.raises(InvalidInput) as info:
        planned_session_rpe(kind="yoga")  # type: ignore[arg-type]
    assert info.value.field == "kind"
    with pytest.raises(InvalidInput) as info:
        planned_session_load_au(kind=RunKind.EASY, duration_min=0.0)
    assert info.value.field == "duration_min"


# ACWR


def test_acute_chronic_ratio() -> None:
    assert acute_chronic_ratio(acute_au=450.0, chronic_au=300.0) == 1.5
    assert acute_chronic_ratio(acute_au=0.0, chronic_au=300.0) == 0.0
    assert acute_chronic_ratio(acute_au=0.0, chronic_au=0.0) is None
    assert acute_chronic_ratio(acute_au=50.0, chronic_au=0.0) is None


@pytest.mark.parametrize(
    ("acute_au", "chronic_au", "field"),
    [(-1.0, 10.0, "acute_au"), (1.0, -10.0, "chronic_au"), (math.nan, 1.0, "acute_au")],
)
def test_acute_chronic_ratio_rejects_bad_loads(
    acute_au: float, chronic_au: float, field: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        acute_chronic_ratio(acute_au=acute_au, chronic_au=chronic_au)
    assert info.value.field == field


# EWMA (Williams et al. 2017)


def test_ewma_by_hand() -> None:
    # lambda = 2 / (7 + 1) = 0.25, starting from 0 before day 0.
    assert ewma_au(loads_au=[80.0, 80.0, 0.0], span_days=7) == (20.0, 35.0, 26.25)
    assert ewma_au(loads_au=[3.0, 1.0, 4.0], span_days=1) == (3.0, 1.0, 4.0)
    assert ewma_au(loads_au=[], span_days=7) == ()


@pytest.mark.parametrize("span_days", [7, 28])
def test_ewma_of_constant_load_matches_closed_form(span_days: int) -> None:
    series = ewma_au(loads_au=[250.0] * 200, span_days=span_days)
    for day, value in enumerate(series):
        assert value == pytest.approx(_ewma_constant(250.0, span_days, day), rel=1e-12)
    assert series[-1] == pytest.approx(250.0, rel=1e-6)


def test_ewma_of_step_matches_closed_form() -> None:
    loads = [0.0] * 10 + [100.0] * 50
    series = ewma_au(loads_au=loads, span_days=28)
    assert series[:10] == (0.0,) * 10
    for day in range(10, 60):
        assert series[day] == pytest.approx(_ewma_constant(100.0, 28, day - 10), rel=1e-12)


# Rolling means (Hulin et al. 2016)


def test_rolling_mean_pads_with_rest_days() -> None:
    series = rolling_mean_au(loads_au=[70.0] * 10, window_days=7)
    assert series == pytest.approx([10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 70.0, 70.0, 70.0])


def test_rolling_mean_forgets_loads_outside_the_window() -> None:
    assert rolling_mean_au(loads_au=[300.0, 0.0, 0.0, 0.0], window_days=3) == (
        100.0,
        100.0,
        100.0,
        0.0,
    )


def test_rolling_acwr_of_a_spike_week() -> None:
    # Four weeks at 100 AU/day, then a week at 200: acute 200, chronic (21*100 + 7*200)/28 = 125.
    days = daily_load_metrics(loads_au=[100.0] * 28 + [200.0] * 7)
    last = days[-1]
    assert last.acute_rolling_au == pytest.approx(200.0)
    assert last.chronic_rolling_au == pytest.approx(125.0)
    assert last.acwr_rolling == pytest.approx(1.6)


def test_rolling_acwr_during_the_first_four_weeks() -> None:
    days = daily_load_metrics(loads_au=[100.0] * 40)
    for day in range(7):
        assert days[day].acwr_rolling == pytest.approx(4.0)
    for day in range(7, 28):
        assert days[day].acwr_rolling == pytest.approx(28 / (day + 1))
    for day in range(27, 40):
        assert days[day].acwr_rolling == pytest.approx(1.0)


# Impulse-response: CTL, ATL, TSB (Banister 1975; Allen & Coggan 2010)


@pytest.mark.parametrize("tau_days", [CTL_TIME_CONSTANT_DAYS, ATL_TIME_CONSTANT_DAYS, 1.5])
def test_banister_of_constant_load_matches_closed_form(tau_days: float) -> None:
    series = banister_series(loads_au=[400.0] * 120, time_constant_days=tau_days)
    for day, value in enumerate(series):
        assert value == pytest.approx(_response_constant(400.0, tau_days, day), rel=1e-12)


def test_banister_of_an_impulse_decays_exponentially() -> None:
    tau_days = CTL_TIME_CONSTANT_DAYS
    gain = 1 - math.exp(-1 / tau_days)
    series = banister_series(loads_au=[1000.0] + [0.0] * 60, time_constant_days=tau_days)
    for day, value in enumerate(series):
        assert value == pytest.approx(1000.0 * gain * math.exp(-day / tau_days), rel=1e-12)
    # One day at 1000 AU raises CTL by 1000 * (1 - e^(-1/42)) = 23.528 AU.
    assert series[0] == pytest.approx(23.5283, abs=1e-4)


def test_ctl_converges_to_a_constant_load() -> None:
    days = daily_load_metrics(loads_au=[500.0] * 1000)
    assert days[-1].ctl_au == pytest.approx(500.0, rel=1e-9)
    assert days[-1].atl_au == pytest.approx(500.0, rel=1e-9)
    assert days[-1].tsb_au == pytest.approx(0.0, abs=1e-6)


def test_tsb_uses_yesterdays_ctl_and_atl() -> None:
    loads = [0.0, 300.0, 0.0, 600.0, 150.0, 0.0, 0.0, 900.0]
    days = daily_load_metrics(loads_au=loads)
    ctl = banister_series(loads_au=loads, time_constant_days=42)
    atl = banister_series(loads_au=loads, time_constant_days=7)
    assert days[0].tsb_au == 0.0
    for day in range(1, len(loads)):
        assert days[day].tsb_au == ctl[day - 1] - atl[day - 1]
    # The day's own session does not change that day's form.
    assert days[1].tsb_au == 0.0
    assert days[2].tsb_au < 0


def test_tsb_of_constant_load_matches_closed_form() -> None:
    days = daily_load_metrics(loads_au=[100.0] * 60)
    for day in range(1, 60):
        expected = 100.0 * (math.exp(-day / 7) - math.exp(-day / 42))
        assert days[day].tsb_au == pytest.approx(expected, rel=1e-9)


# The daily record


def test_daily_metrics_agree_with_the_building_blocks() -> None:
    loads = [0.0, 420.0, 180.0, 0.0, 300.0, 225.0, 450.0, 90.0] * 5
    days = daily_load_metrics(loads_au=loads)
    acute = ewma_au(loads_au=loads, span_days=7)
    chronic = ewma_au(loads_au=loads, span_days=28)
    acute_rolling = rolling_mean_au(loads_au=loads, window_days=7)
    chronic_rolling = rolling_mean_au(loads_au=loads, window_days=28)
    assert [d.day_index for d in days] == list(range(len(loads)))
    for day, record in enumerate(days):
        assert record.load_au == loads[day]
        assert record.acute_ewma_au == acute[day]
        assert record.chronic_ewma_au == chronic[day]
        assert record.acute_rolling_au == acute_rolling[day]
        assert record.chronic_rolling_au == chronic_rolling[day]
        if day == 0:
            assert record.acwr_ewma is None
            assert record.acwr_rolling is None
        else:
            assert record.acwr_ewma == acute[day] / chronic[day]
            assert record.acwr_rolling == acute_rolling[day] / chronic_rolling[day]


def test_acwr_is_none_until_there_is_chronic_load() -> None:
    days = daily_load_metrics(loads_au=[0.0, 0.0, 100.0])
    assert [d.acwr_ewma for d in days[:2]] == [None, None]
    assert [d.acwr_rolling for d in days[:2]] == [None, None]
    # Day 2: acute 0.25 * 100 = 25, chronic (2/29) * 100; rolling 100/7 over 100/28 = 4.
    assert days[2].acwr_ewma == pytest.approx(25.0 / (200.0 / 29))
    assert days[2].acwr_rolling == pytest.approx(4.0)


def test_daily_metrics_of_an_empty_series() -> None:
    assert daily_load_metrics(loads_au=[]) == ()


def test_records_are_frozen() -> None:
    record = daily_load_metrics(loads_au=[100.0])[0]
    assert isinstance(record, DayLoad)
    with pytest.raises(AttributeError):
        record.load_au = 5.0  # type: ignore[misc]


# Monotony and strain (Foster 1998)

MONOTONY_ROWS = _rows("foster_monotony.csv")


@pytest.mark.parametrize("row", MONOTONY_ROWS, ids=[r["daily_loads_au"] for r in MONOTONY_ROWS])
def test_weekly_metrics_match_worked_weeks(row: dict[str, str]) -> None:
    loads = [float(x) for x in row["daily_loads_au"].split()]
    (week,) = weekly_load_metrics(loads_au=loads)
    assert week.week_index == 0
    assert week.total_au == pytest.approx(float(row["total_au"]), rel=1e-9)
    assert week.mean_au == pytest.approx(float(row["mean_au"]), rel=1e-9)
    assert week.sd_au == pytest.approx(float(row["sd_au"]), rel=1e-9)
    monotony = _optional(row["monotony"])
    strain = _optional(row["strain_au"])
    if monotony is None:
        assert week.monotony is None
        assert week.strain_au is None
    else:
        assert week.monotony == pytest.approx(monotony, rel=1e-9)
        assert week.strain_au == pytest.approx(strain, rel=1e-9)


def test_weeks_are_consecutive_blocks_and_a_partial_week_is_left_out() -> None:
    loads = [450.0, 150.0, 400.0, 200.0, 350.0, 250.0, 300.0] + [100.0] * 7 + [999.0] * 6
    weeks = weekly_load_metrics(loads_au=loads)
    assert [w.week_index for w in weeks] == [0, 1]
    assert weeks[0].monotony == pytest.approx(3.0)
    assert weeks[1] == WeekLoad(
        week_index=1, total_au=700.0, mean_au=100.0, sd_au=0.0, monotony=None, strain_au=None
    )
    assert weekly_load_metrics(loads_au=[100.0] * 6) == ()


# Bad series


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf, -math.inf])
def test_every_series_function_rejects_bad_loads(bad: float) -> None:
    loads = [100.0, 50.0, bad, 10.0]
    calls: list[Callable[[], object]] = [
        lambda: ewma_au(loads_au=loads, span_days=7),
        lambda: rolling_mean_au(loads_au=loads, window_days=7),
        lambda: banister_series(loads_au=loads, time_constant_days=42),
        lambda: daily_load_metrics(loads_au=loads),
        lambda: weekly_load_metrics(loads_au=loads * 2),
    ]
    for call in calls:
        with pytest.raises(InvalidInput) as info:
            call()
        assert info.value.field == "loads_au[2]"


@pytest.mark.parametrize("days", [0, -7])
def test_windows_must_be_at_least_one_day(days: int) -> None:
    with pytest.raises(InvalidInput) as info:
        ewma_au(loads_au=[1.0], span_days=days)
    assert info.value.field == "span_days"
    with pytest.raises(InvalidInput) as info:
        rolling_mean_au(loads_au=[1.0], window_days=days)
    assert info.value.field == "window_days"


@pytest.mark.parametrize("tau_days", [0.0, -42.0, math.nan])
def test_time_constant_must_be_positive(tau_days: float) -> None:
    with pytest.raises(InvalidInput) as info:
        banister_series(loads_au=[1.0], time_constant_days=tau_days)
    assert info.value.field == "time_constant_days"
