"""Readiness score from check-ins, resting-heart-rate z-scores and the fatigue flag."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from runlift.errors import InvalidInput
from runlift.science.readiness import (
    ACWR_FLAG_THRESHOLD,
    COMPONENT_WEIGHTS,
    LOW_READINESS_DAYS,
    LOW_READINESS_SCORE,
    FatigueSignal,
    ReadinessComponent,
    WellnessCheckIn,
    fatigue_flag,
    readiness_score,
    readiness_series,
    resting_hr_z_score,
)

TODAY = date(2025, 6, 30)
BASELINE_BPM = [48.0, 48.0, 48.0, 50.0, 52.0, 52.0, 52.0]
"""Mean 50 bpm, sample SD 2 bpm."""


def _check_in(**fields: float) -> WellnessCheckIn:
    return WellnessCheckIn(on_date=TODAY, **fields)


def _subscores(check_in: WellnessCheckIn, baseline: list[float] | None = None) -> dict[str, float]:
    day = readiness_score(check_in=check_in, resting_hr_baseline_bpm=baseline or [])
    return {c.component.value: c.subscore for c in day.components if c.subscore is not None}


# Check-ins


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"sleep_h": -0.5}, "sleep_h"),
        ({"sleep_h": 24.5}, "sleep_h"),
        ({"soreness": 0.0}, "soreness"),
        ({"stress": 5.5}, "stress"),
        ({"fatigue": math.nan}, "fatigue"),
        ({"mood": 6.0}, "mood"),
        ({"resting_hr_bpm": 20.0}, "resting_hr_bpm"),
        ({"resting_hr_bpm": 151.0}, "resting_hr_bpm"),
    ],
)
def test_check_in_rejects_values_off_their_scales(fields: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        _check_in(**fields)
    assert info.value.field == field


# Subscores, one component at a time


@pytest.mark.parametrize(
    ("sleep_h", "subscore"),
    [(0.0, 0.0), (4.0, 0.0), (5.0, 0.25), (7.0, 0.75), (8.0, 1.0), (10.5, 1.0)],
)
def test_sleep_scores_linearly_from_four_to_eight_hours(sleep_h: float, subscore: float) -> None:
    assert _subscores(_check_in(sleep_h=sleep_h)) == {"sleep": subscore}


@pytest.mark.parametrize(
    ("rating", "subscore"), [(1.0, 1.0), (2.0, 0.75), (3.5, 0.375), (5.0, 0.0)]
)
def test_soreness_stress_and_fatigue_score_high_when_low(rating: float, subscore: float) -> None:
    scores = _subscores(_check_in(soreness=rating, stress=rating, fatigue=rating))
    assert scores == {"soreness": subscore, "stress": subscore, "fatigue": subscore}


@pytest.mark.parametrize(
    ("rating", "subscore"), [(1.0, 0.0), (2.0, 0.25), (4.5, 0.875), (5.0, 1.0)]
)
def test_mood_scores_high_when_high(rating: float, subscore: float) -> None:
    assert _subscores(_check_in(mood=rating)) == {"mood": subscore}


@pytest.mark.parametrize(
    ("resting_hr_bpm", "subscore"),
    [(44.0, 1.0), (50.0, 1.0), (51.0, 1.0), (52.0, 2 / 3), (53.0, 1 / 3), (54.0, 0.0), (60.0, 0.0)],
)
def test_resting_heart_rate_scores_against_the_baseline(
    resting_hr_bpm: float, subscore: float
) -> None:
    scores = _subscores(_check_in(resting_hr_bpm=resting_hr_bpm), BASELINE_BPM)
    assert scores == {"resting_hr": pytest.approx(subscore)}


# Resting heart-rate z-score


def test_z_score_by_hand() -> None:
    assert resting_hr_z_score(resting_hr_bpm=53.0, baseline_bpm=BASELINE_BPM) == 1.5
    assert resting_hr_z_score(resting_hr_bpm=47.0, baseline_bpm=BASELINE_BPM) == -1.5


def test_z_score_needs_a_week_of_varied_readings() -> None:
    assert resting_hr_z_score(resting_hr_bpm=53.0, baseline_bpm=BASELINE_BPM[:6]) is None
    assert resting_hr_z_score(resting_hr_bpm=53.0, baseline_bpm=[50.0] * 10) is None


def test_z_score_rejects_heart_rates_off_range() -> None:
    with pytest.raises(InvalidInput) as info:
        resting_hr_z_score(resting_hr_bpm=53.0, baseline_bpm=[50.0, 200.0])
    assert info.value.field == "baseline_bpm[1]"
    with pytest.raises(InvalidInput) as info:
        resting_hr_z_score(resting_hr_bpm=math.inf, baseline_bpm=BASELINE_BPM)
    assert info.value.field == "resting_hr_bpm"


def test_a_bad_baseline_is_rejected_even_on_a_day_without_a_heart_rate() -> None:
    with pytest.raises(InvalidInput) as info:
        readiness_score(check_in=_check_in(mood=3.0), resting_hr_baseline_bpm=[50.0, 10.0])
    assert info.value.field == "resting_hr_baseline_bpm[1]"


# The score


def test_a_perfect_and_a_dreadful_day() -> None:
    best = _check_in(sleep_h=9, soreness=1, stress=1, fatigue=1, mood=5, resting_hr_bpm=49)
    worst = _check_in(sleep_h=3, soreness=5, stress=5, fatigue=5, mood=1, resting_hr_bpm=58)
    assert readiness_score(check_in=best, resting_hr_baseline_bpm=BASELINE_BPM).score == 100.0
    assert readiness_score(check_in=worst, resting_hr_baseline_bpm=BASELINE_BPM).score == 0.0


def test_every_component_shows_its_points_and_they_add_up_to_the_score() -> None:
    # Sleep 6 h (0.5), soreness 3 (0.5), stress 2 (0.75), fatigue 4 (0.25), mood 3 (0.5),
    # resting HR 52 bpm, z = 1 (2/3). Total weight 5.5; points = 100 x w x s / 5.5.
    check_in = _check_in(sleep_h=6, soreness=3, stress=2, fatigue=4, mood=3, resting_hr_bpm=52)
    day = readiness_score(check_in=check_in, resting_hr_baseline_bpm=BASELINE_BPM)
    points = {c.component: c.points for c in day.components}
    assert points[ReadinessComponent.SLEEP] == pytest.approx(100 * 0.5 / 5.5)
    assert points[ReadinessComponent.STRESS] == pytest.approx(100 * 0.75 / 5.5)
    assert points[ReadinessComponent.RESTING_HR] == pytest.approx(100 * 0.5 * (2 / 3) / 5.5)
    assert day.score == pytest.approx(100 * (0.5 + 0.5 + 0.75 + 0.25 + 0.5 + 0.5 * 2 / 3) / 5.5)
    assert day.score == pytest.approx(sum(p for p in points.values() if p is not None))
    assert sum(c.max_points or 0.0 for c in day.components) == pytest.approx(100.0)
    heart = next(c for c in day.components if c.component is ReadinessComponent.RESTING_HR)
    assert heart.value == pytest.approx(1.0)
    assert heart.weight == COMPONENT_WEIGHTS[ReadinessComponent.RESTING_HR] == 0.5
    assert day.on_date == TODAY


def test_missing_components_are_listed_and_left_out_of_the_mean() -> None:
    day = readiness_score(check_in=_check_in(soreness=2, mood=4))
    assert day.score == 75.0
    assert [c.component for c in day.components] == list(ReadinessComponent)
    missing = [c for c in day.components if c.subscore is None]
    assert {c.component for c in missing} == {
        ReadinessComponent.SLEEP,
        ReadinessComponent.STRESS,
        ReadinessComponent.FATIGUE,
        ReadinessComponent.RESTING_HR,
    }
    assert all(c.value is c.points is c.max_points is None for c in missing)


def test_an_empty_check_in_has_no_score_not_zero() -> None:
    assert readiness_score(check_in=_check_in()).score is None


def test_a_heart_rate_without_enough_baseline_is_left_out() -> None:
    day = readiness_score(check_in=_check_in(resting_hr_bpm=70.0, mood=5.0))
    assert day.score == 100.0
    heart = next(c for c in day.components if c.component is ReadinessComponent.RESTING_HR)
    assert heart.subscore is None


# The series


def test_series_uses_the_previous_28_days_as_baseline() -> None:
    first = TODAY - timedelta(days=40)
    # Days 0-29 alternate 58 and 62 bpm; day 30 reads 70 bpm, days 31-39 60 bpm and day 40
    # 70 bpm again, judged against days 12-39 only (day 30 among them).
    rates = [58.0, 62.0] * 15 + [70.0] + [60.0] * 9 + [70.0]
    check_ins = [
        WellnessCheckIn(on_date=first + timedelta(days=d), resting_hr_bpm=hr)
        for d, hr in enumerate(rates)
    ]
    days = readiness_series(check_ins=check_ins[::-1])
    assert [d.on_date for d in days] == [c.on_date for c in check_ins]
    assert all(d.score is None for d in days[:7])
    assert days[7].score is not None
    assert days[30].score == 0.0
    z_day_40 = resting_hr_z_score(resting_hr_bpm=70.0, baseline_bpm=rates[12:40])
    assert z_day_40 is not None
    heart = next(c for c in days[40].components if c.component is ReadinessComponent.RESTING_HR)
    assert heart.value == pytest.approx(z_day_40)


def test_series_rejects_two_check_ins_on_one_day() -> None:
    with pytest.raises(InvalidInput) as info:
        readiness_series(check_ins=[_check_in(mood=3), _check_in(mood=4)])
    assert info.value.field == "check_ins"


def test_series_of_nothing_is_empty() -> None:
    assert readiness_series(check_ins=[]) == ()


# The fatigue flag


def test_steady_training_and_good_days_raise_no_flag() -> None:
    flag = fatigue_flag(loads_au=[300.0] * 120, readiness_scores=[70.0] * 10)
    assert not flag.flagged
    assert flag.reasons == ()
    assert flag.acwr_ewma == pytest.approx(1.0, abs=0.01)
    assert flag.low_readiness_days == 0


def test_a_load_spike_raises_the_acwr_reason() -> None:
    flag = fatigue_flag(loads_au=[300.0] * 28 + [750.0] * 7, readiness_scores=[])
    assert flag.flagged
    assert flag.acwr_ewma is not None
    assert flag.acwr_ewma > ACWR_FLAG_THRESHOLD
    assert [r.signal for r in flag.reasons] == [FatigueSignal.HIGH_ACWR]
    assert "1.52" in flag.reasons[0].detail
    assert "Gabbett" in flag.reasons[0].detail


def test_the_ratio_is_not_read_during_the_first_four_weeks() -> None:
    # From zero, the EWMA ratio of a constant load reads high for weeks.
    flag = fatigue_flag(loads_au=[300.0] * 27, readiness_scores=[])
    assert flag.acwr_ewma is None
    assert not flag.flagged
    assert fatigue_flag(loads_au=[300.0] * 28, readiness_scores=[]).acwr_ewma is not None


def test_no_chronic_load_gives_no_ratio() -> None:
    assert fatigue_flag(loads_au=[0.0] * 40, readiness_scores=[]).acwr_ewma is None


def test_the_threshold_is_exclusive_and_adjustable() -> None:
    loads = [300.0] * 28 + [750.0] * 7
    ratio = fatigue_flag(loads_au=loads, readiness_scores=[]).acwr_ewma
    assert ratio is not None
    assert not fatigue_flag(loads_au=loads, readiness_scores=[], acwr_threshold=ratio).flagged
    assert fatigue_flag(loads_au=loads, readiness_scores=[], acwr_threshold=ratio - 1e-9).flagged


def test_three_low_days_in_a_row_raise_the_readiness_reason() -> None:
    low = LOW_READINESS_SCORE - 1
    flag = fatigue_flag(loads_au=[], readiness_scores=[80.0, low, low, low])
    assert flag.low_readiness_days == LOW_READINESS_DAYS == 3
    assert [r.signal for r in flag.reasons] == [FatigueSignal.LOW_READINESS]
    assert "3 days" in flag.reasons[0].detail


def test_a_good_or_missing_day_ends_the_run_of_low_days() -> None:
    low = 30.0
    assert fatigue_flag(loads_au=[], readiness_scores=[low, low, 50.0, low]).low_readiness_days == 1
    assert fatigue_flag(loads_au=[], readiness_scores=[low, low, None, low]).low_readiness_days == 1
    assert fatigue_flag(loads_au=[], readiness_scores=[low, low, low, None]).low_readiness_days == 0


def test_both_reasons_together_and_custom_readiness_thresholds() -> None:
    flag = fatigue_flag(
        loads_au=[300.0] * 28 + [750.0] * 7,
        readiness_scores=[60.0, 60.0],
        low_readiness_score=65.0,
        low_readiness_days=2,
    )
    assert [r.signal for r in flag.reasons] == [
        FatigueSignal.HIGH_ACWR,
        FatigueSignal.LOW_READINESS,
    ]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"acwr_threshold": 0.0}, "acwr_threshold"),
        ({"low_readiness_score": 0.0}, "low_readiness_score"),
        ({"low_readiness_score": 100.5}, "low_readiness_score"),
        ({"low_readiness_days": 0}, "low_readiness_days"),
        ({"low_readiness_days": 2.0}, "low_readiness_days"),
        ({"low_readiness_days": True}, "low_readiness_days"),
        ({"loads_au": [100.0, -1.0]}, "loads_au[1]"),
        ({"readiness_scores": [50.0, 100.5]}, "readiness_scores[1]"),
    ],
)
def test_fatigue_flag_rejects_nonsense(arguments: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"loads_au": [], "readiness_scores": [], **arguments}
    with pytest.raises(InvalidInput) as info:
        fatigue_flag(**values)  # type: ignore[arg-type]
    assert info.value.field == field
