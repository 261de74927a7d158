"""Properties of the monitoring measures that must hold for any valid log."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from runlift.science.ability import (
    STRENGTH_MAX_AGE_DAYS,
    PerformedSet,
    RunEffort,
    RunResult,
    one_rep_max_from_log,
    strength_retention,
    vdot_from_results,
    vdot_retention,
)
from runlift.science.body_mass import MassReading, body_mass_trend, smoothed_mass_trend
from runlift.science.load import planned_session_load_au
from runlift.science.readiness import (
    WellnessCheckIn,
    fatigue_flag,
    readiness_score,
)
from runlift.vocabulary import LiftKind, RunKind

TODAY = date(2025, 6, 30)
BASELINE_BPM = (48.0, 49.0, 50.0, 50.0, 51.0, 52.0, 50.0, 49.0)

ratings = st.floats(min_value=1.0, max_value=5.0, allow_nan=False)
optional_ratings = st.none() | ratings
sleep_hours = st.floats(min_value=0.0, max_value=24.0, allow_nan=False)
optional_sleep_h = st.none() | sleep_hours
hr_bpm = st.floats(min_value=40.0, max_value=100.0, allow_nan=False)
optional_hr_bpm = st.none() | hr_bpm
days_ago = st.integers(min_value=0, max_value=150)


@st.composite
def check_ins(draw: st.DrawFn) -> WellnessCheckIn:
    return WellnessCheckIn(
        on_date=TODAY,
        sleep_h=draw(optional_sleep_h),
        soreness=draw(optional_ratings),
        stress=draw(optional_ratings),
        fatigue=draw(optional_ratings),
        mood=draw(optional_ratings),
        resting_hr_bpm=draw(optional_hr_bpm),
    )


@st.composite
def performed_sets(draw: st.DrawFn) -> PerformedSet:
    return PerformedSet(
        on_date=TODAY - timedelta(days=draw(days_ago)),
        load_kg=draw(st.floats(min_value=20.0, max_value=300.0, allow_nan=False)),
        reps=draw(st.integers(min_value=1, max_value=15)),
        rpe=draw(st.none() | st.integers(min_value=10, max_value=20).map(lambda n: n / 2)),
        warm_up=draw(st.booleans()),
    )


@st.composite
def run_results(draw: st.DrawFn) -> RunResult:
    distance_m = draw(st.sampled_from([1500.0, 3000.0, 5000.0, 10000.0, 21097.5, 42195.0]))
    pace_s_per_km = draw(st.floats(min_value=180.0, max_value=480.0, allow_nan=False))
    return RunResult(
        on_date=TODAY - timedelta(days=draw(days_ago)),
        distance_m=distance_m,
        time_s=distance_m / 1000 * pace_s_per_km,
        effort=draw(st.sampled_from(list(RunEffort))),
    )


def _with(check_in: WellnessCheckIn, field: str, value: float) -> WellnessCheckIn:
    changes: dict[str, Any] = {field: value}
    return dataclasses.replace(check_in, **changes)


def _score(check_in: WellnessCheckIn) -> float | None:
    return readiness_score(check_in=check_in, resting_hr_baseline_bpm=BASELINE_BPM).score


# Readiness


@given(check_in=check_ins())
def test_readiness_is_between_0_and_100_and_its_points_add_up(check_in: WellnessCheckIn) -> None:
    day = readiness_score(check_in=check_in, resting_hr_baseline_bpm=BASELINE_BPM)
    known = [c for c in day.components if c.points is not None]
    if not known:
        assert day.score is None
        return
    assert day.score is not None
    assert 0.0 <= day.score <= 100.0
    assert day.score == pytest.approx(sum(c.points or 0.0 for c in known), abs=1e-9)
    assert sum(c.max_points or 0.0 for c in known) == pytest.approx(100.0)


@pytest.mark.parametrize("field", ["soreness", "stress", "fatigue"])
@given(check_in=check_ins(), pair=st.tuples(ratings, ratings))
def test_a_worse_rating_never_raises_readiness(
    field: str, check_in: WellnessCheckIn, pair: tuple[float, float]
) -> None:
    lower, higher = sorted(pair)
    better = _score(_with(check_in, field, lower))
    worse = _score(_with(check_in, field, higher))
    assert better is not None
    assert worse is not None
    assert worse <= better + 1e-9


@given(check_in=check_ins(), pair=st.tuples(ratings, ratings))
def test_a_better_mood_never_lowers_readiness(
    check_in: WellnessCheckIn, pair: tuple[float, float]
) -> None:
    lower, higher = sorted(pair)
    low_mood = _score(_with(check_in, "mood", lower))
    high_mood = _score(_with(check_in, "mood", higher))
    assert low_mood is not None
    assert high_mood is not None
    assert high_mood >= low_mood - 1e-9


@given(check_in=check_ins(), pair=st.tuples(sleep_hours, sleep_hours))
def test_more_sleep_never_lowers_readiness(
    check_in: WellnessCheckIn, pair: tuple[float, float]
) -> None:
    shorter, longer = sorted(pair)
    short_night = _score(_with(check_in, "sleep_h", shorter))
    long_night = _score(_with(check_in, "sleep_h", longer))
    assert short_night is not None
    assert long_night is not None
    assert long_night >= short_night - 1e-9


@given(check_in=check_ins(), pair=st.tuples(hr_bpm, hr_bpm))
def test_a_higher_resting_heart_rate_never_raises_readiness(
    check_in: WellnessCheckIn, pair: tuple[float, float]
) -> None:
    lower, higher = sorted(pair)
    calm = _score(_with(check_in, "resting_hr_bpm", lower))
    raised = _score(_with(check_in, "resting_hr_bpm", higher))
    assert calm is not None
    assert raised is not None
    assert raised <= calm + 1e-9


# Fatigue flag


@given(
    scores=st.lists(st.none() | st.floats(min_value=0.0, max_value=100.0), max_size=20),
    drop=st.floats(min_value=0.0, max_value=100.0),
)
def test_lower_readiness_never_shortens_the_run_of_low_days(
    scores: list[float | None], drop: float
) -> None:
    lowered = [None if s is None else max(s - drop, 0.0) for s in scores]
    before = fatigue_flag(loads_au=[], readiness_scores=scores)
    after = fatigue_flag(loads_au=[], readiness_scores=lowered)
    assert after.low_readiness_days >= before.low_readiness_days
    assert before.flagged <= after.flagged


# Today's e1RM


@given(sets=st.lists(performed_sets(), max_size=8), index=st.integers(min_value=0), more=days_ago)
def test_an_older_set_never_raises_the_estimate(
    sets: list[PerformedSet], index: int, more: int
) -> None:
    assume(sets)
    position = index % len(sets)
    aged = list(sets)
    aged[position] = dataclasses.replace(
        sets[position], on_date=sets[position].on_date - timedelta(days=more)
    )
    before = one_rep_max_from_log(sets=sets, on_date=TODAY).one_rep_max_kg
    after = one_rep_max_from_log(sets=aged, on_date=TODAY).one_rep_max_kg
    if before is None:
        assert after is None
    else:
        assert after is None or after <= before + 1e-9


@given(sets=st.lists(performed_sets(), max_size=8), extra=performed_sets())
def test_another_set_never_lowers_the_estimate_and_a_warm_up_never_changes_it(
    sets: list[PerformedSet], extra: PerformedSet
) -> None:
    before = one_rep_max_from_log(sets=sets, on_date=TODAY).one_rep_max_kg
    after = one_rep_max_from_log(sets=[*sets, extra], on_date=TODAY).one_rep_max_kg
    if before is not None:
        assert after is not None
        assert after >= before
    warm_up = dataclasses.replace(extra, warm_up=True)
    assert one_rep_max_from_log(sets=[*sets, warm_up], on_date=TODAY).one_rep_max_kg == before


@given(days=st.integers(min_value=0, max_value=STRENGTH_MAX_AGE_DAYS - 1))
def test_strength_retention_never_rises_with_age(days: int) -> None:
    assert strength_retention(days_since=days + 1) <= strength_retention(days_since=days)


@given(days=st.integers(min_value=0, max_value=400))
def test_vdot_retention_never_rises_with_time_off(days: int) -> None:
    assert 0.8 <= vdot_retention(days_off=days + 1) <= vdot_retention(days_off=days) <= 1.0


# Today's VDOT


@given(results=st.lists(run_results(), max_size=6), index=st.integers(min_value=0), more=days_ago)
def test_an_older_result_never_raises_the_vdot(
    results: list[RunResult], index: int, more: int
) -> None:
    assume(results)
    position = index % len(results)
    aged = list(results)
    aged[position] = dataclasses.replace(
        results[position], on_date=results[position].on_date - timedelta(days=more)
    )
    before = vdot_from_results(results=results, on_date=TODAY).vdot
    after = vdot_from_results(results=aged, on_date=TODAY).vdot
    if before is None:
        assert after is None
    else:
        assert after is None or after <= before + 1e-9


@given(results=st.lists(run_results(), max_size=6), training=run_results())
def test_a_training_run_never_changes_the_vdot(
    results: list[RunResult], training: RunResult
) -> None:
    easy = dataclasses.replace(training, effort=RunEffort.TRAINING)
    before = vdot_from_results(results=results, on_date=TODAY).vdot
    assert vdot_from_results(results=[*results, easy], on_date=TODAY).vdot == before


# Body-mass trend


masses_kg = st.lists(
    st.floats(min_value=50.0, max_value=120.0, allow_nan=False), min_size=15, max_size=28
)


@settings(deadline=None)
@given(masses=masses_kg, shift_kg=st.floats(min_value=-20.0, max_value=20.0, allow_nan=False))
def test_shifting_every_reading_shifts_the_trend_but_not_the_rate(
    masses: list[float], shift_kg: float
) -> None:
    readings = [
        MassReading(on_date=TODAY - timedelta(days=d), mass_kg=m) for d, m in enumerate(masses)
    ]
    shifted = [dataclasses.replace(r, mass_kg=r.mass_kg + shift_kg) for r in readings]
    base = body_mass_trend(readings=readings, on_date=TODAY)
    moved = body_mass_trend(readings=shifted, on_date=TODAY)
    assert base is not None
    assert moved is not None
    assert moved.rate_kg_per_week == pytest.approx(base.rate_kg_per_week, abs=1e-6)
    assert moved.trend_mass_kg == pytest.approx(base.trend_mass_kg + shift_kg, abs=1e-6)


@given(
    start_kg=st.floats(min_value=50.0, max_value=120.0, allow_nan=False),
    rate_kg_per_week=st.floats(min_value=-1.5, max_value=1.5, allow_nan=False),
    days=st.lists(st.integers(min_value=0, max_value=27), min_size=4, unique=True),
)
def test_readings_on_a_straight_line_give_its_rate(
    start_kg: float, rate_kg_per_week: float, days: list[int]
) -> None:
    assume(max(days) - min(days) >= 14)
    readings = [
        MassReading(on_date=TODAY - timedelta(days=d), mass_kg=start_kg - rate_kg_per_week * d / 7)
        for d in days
    ]
    trend = body_mass_trend(readings=readings, on_date=TODAY)
    assert trend is not None
    assert trend.rate_kg_per_week == pytest.approx(rate_kg_per_week, abs=1e-6)
    assert trend.trend_mass_kg == pytest.approx(start_kg, abs=1e-6)


@given(
    masses=st.lists(
        st.floats(min_value=50.0, max_value=120.0, allow_nan=False), min_size=1, max_size=20
    ),
    gaps=st.lists(st.integers(min_value=1, max_value=5), min_size=20, max_size=20),
)
def test_the_smoothed_trend_stays_between_the_lightest_and_heaviest_readings(
    masses: list[float], gaps: list[int]
) -> None:
    day = TODAY
    readings = []
    for mass, gap in zip(masses, gaps, strict=False):
        readings.append(MassReading(on_date=day, mass_kg=mass))
        day += timedelta(days=gap)
    for trend_day in smoothed_mass_trend(readings=readings):
        assert min(masses) - 1e-9 <= trend_day.trend_kg <= max(masses) + 1e-9


# Planned session load


@given(
    kind=st.sampled_from([*RunKind, *LiftKind]),
    duration_min=st.floats(min_value=1.0, max_value=600.0, allow_nan=False),
    extra_min=st.floats(min_value=0.0, max_value=600.0, allow_nan=False),
)
def test_a_longer_planned_session_never_carries_less_load(
    kind: RunKind | LiftKind, duration_min: float, extra_min: float
) -> None:
    shorter = planned_session_load_au(kind=kind, duration_min=duration_min)
    longer = planned_session_load_au(kind=kind, duration_min=duration_min + extra_min)
    assert longer >= shorter > 0
