"""Properties of the training-load metrics that must hold for any valid load series."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.science.load import (
    banister_series,
    daily_load_metrics,
    ewma_au,
    rolling_mean_au,
    session_rpe_load_au,
    weekly_load_metrics,
)

positive_loads_au = st.floats(min_value=1.0, max_value=5000.0, allow_nan=False)
loads_au = st.floats(min_value=0.0, max_value=5000.0, allow_nan=False)
series_au = st.lists(loads_au, min_size=1, max_size=120)
# Whole-number loads keep the weekly SD clear of rounding noise, so monotony ratios compare tightly.
whole_series_au = st.lists(st.integers(min_value=0, max_value=3000).map(float), max_size=60)
scales = st.floats(min_value=0.01, max_value=100.0, allow_nan=False)
days = st.integers(min_value=1, max_value=60)
taus_days = st.floats(min_value=0.5, max_value=60.0, allow_nan=False)


@settings(deadline=None)
@given(load_au=positive_loads_au)
def test_constant_load_drives_both_acwrs_to_one(load_au: float) -> None:
    history = daily_load_metrics(loads_au=[load_au] * 400)
    for record in history[27:]:
        assert record.acwr_rolling == pytest.approx(1.0, rel=1e-12)
    assert history[-1].acwr_ewma == pytest.approx(1.0, rel=1e-9)


@settings(deadline=None)
@given(load_au=positive_loads_au)
def test_tsb_of_constant_load_vanishes_in_the_limit(load_au: float) -> None:
    history = daily_load_metrics(loads_au=[load_au] * 700)
    assert abs(history[-1].tsb_au) <= 1e-6 * load_au
    assert history[-1].ctl_au == pytest.approx(load_au, rel=1e-6)


@given(loads=series_au, scale=scales)
def test_ctl_and_atl_scale_linearly(loads: list[float], scale: float) -> None:
    scaled = [scale * load for load in loads]
    for tau_days in (42.0, 7.0):
        base = banister_series(loads_au=loads, time_constant_days=tau_days)
        out = banister_series(loads_au=scaled, time_constant_days=tau_days)
        assert out == pytest.approx([scale * v for v in base], rel=1e-9, abs=1e-9)


@given(loads=whole_series_au, scale=scales)
def test_monotony_is_unchanged_and_strain_scales_with_the_loads(
    loads: list[float], scale: float
) -> None:
    base = weekly_load_metrics(loads_au=loads)
    out = weekly_load_metrics(loads_au=[scale * load for load in loads])
    assert len(out) == len(base) == len(loads) // 7
    for before, after in zip(base, out, strict=True):
        assert after.total_au == pytest.approx(scale * before.total_au, rel=1e-9)
        if before.monotony is None:
            assert after.monotony is None
            assert after.strain_au is None
        else:
            assert before.strain_au is not None
            assert after.monotony == pytest.approx(before.monotony, rel=1e-9)
            assert after.strain_au == pytest.approx(scale * before.strain_au, rel=1e-9)


@given(loads=series_au, span_days=days)
def test_ewma_stays_within_zero_and_the_largest_load(loads: list[float], span_days: int) -> None:
    top = max(loads)
    for value in ewma_au(loads_au=loads, span_days=span_days):
        assert 0.0 <= value <= top * (1 + 1e-12)


@given(loads=series_au, window_days=days)
def test_rolling_means_sum_to_the_total_once_the_window_has_passed(
    loads: list[float], window_days: int
) -> None:
    # Each day's load enters exactly window_days means (padding the series with rest days).
    padded = loads + [0.0] * (window_days - 1)
    means = rolling_mean_au(loads_au=padded, window_days=window_days)
    assert math.fsum(means) == pytest.approx(math.fsum(loads), rel=1e-9, abs=1e-9)


@given(loads=series_au, tau_days=taus_days)
def test_banister_never_leaves_the_range_of_the_loads(loads: list[float], tau_days: float) -> None:
    top = max(loads)
    for value in banister_series(loads_au=loads, time_constant_days=tau_days):
        assert 0.0 <= value <= top * (1 + 1e-12)


@given(loads=series_au)
def test_acwr_is_none_exactly_when_chronic_load_is_zero(loads: list[float]) -> None:
    for record in daily_load_metrics(loads_au=loads):
        assert (record.acwr_ewma is None) == (record.chronic_ewma_au == 0)
        assert (record.acwr_rolling is None) == (record.chronic_rolling_au == 0)


@given(
    duration_min=st.floats(min_value=0.5, max_value=720.0, allow_nan=False),
    rpe=st.floats(min_value=0.0, max_value=10.0, allow_nan=False),
)
def test_session_load_is_linear_in_duration(duration_min: float, rpe: float) -> None:
    single = session_rpe_load_au(duration_min=duration_min, rpe=rpe)
    double = session_rpe_load_au(duration_min=2 * duration_min, rpe=rpe)
    assert double == pytest.approx(2 * single, rel=1e-12)
    assert 0.0 <= single <= 10.0 * duration_min
