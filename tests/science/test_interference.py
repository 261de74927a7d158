"""Interference cost: grows with run intensity and duration, shrinks with the gap, 0 from 48 h."""

from __future__ import annotations

import math

import pytest

from runlift.errors import InvalidInput
from runlift.science.interference import (
    COST_STEP_POINTS,
    GAP_BUCKET_BOUNDS_H,
    gap_bucket,
    interference_cost_points,
    lift_factor,
    order_factor,
    recovery_factor,
    run_duration_factor,
    run_intensity_factor,
)
from runlift.vocabulary import LiftKind, RunKind

INTENSITY_ORDER = (
    RunKind.RECOVERY,
    RunKind.EASY,
    RunKind.LONG,
    RunKind.SPRINTS,
    RunKind.INTERVALS,
)


def cost(
    *,
    run_kind: RunKind = RunKind.INTERVALS,
    run_duration_min: float = 60,
    lift_kind: LiftKind = LiftKind.HEAVY_LOWER,
    lift_trains_legs: bool = True,
    run_before_lift: bool = True,
    gap_h: float = 2.0,
) -> int:
    return interference_cost_points(
        run_kind=run_kind,
        run_duration_min=run_duration_min,
        lift_kind=lift_kind,
        lift_trains_legs=lift_trains_legs,
        run_before_lift=run_before_lift,
        gap_h=gap_h,
    )


def test_worst_case_is_one_hundred_points() -> None:
    assert cost(run_duration_min=90, gap_h=0.0) == 100


def test_hand_computed_example() -> None:
    # 1.0 (tempo) x 0.5 (45 min) x 0.9 (full body) x 0.75 (lift first) x 0.35 (12-24 h) = 0.118125:
    # 11.8 points, 2.36 steps of 5, so 2 steps
    assert (
        cost(
            run_kind=RunKind.TEMPO,
            run_duration_min=45,
            lift_kind=LiftKind.FULL_BODY,
            run_before_lift=False,
            gap_h=14.0,
        )
        == 10
    )


def test_exact_half_rounds_up() -> None:
    # 1.0 x 0.5 x 1.0 x 0.75 x 0.6 = 0.225: 22.5 points, exactly 4.5 steps of 5 on paper;
    # floats give 4.4999...
    assert cost(run_duration_min=45, run_before_lift=False, gap_h=6.0) == 25


@pytest.mark.parametrize("run_kind", list(RunKind))
@pytest.mark.parametrize("lift_kind", list(LiftKind))
def test_costs_come_in_steps_of_five_within_half_a_step(
    run_kind: RunKind, lift_kind: LiftKind
) -> None:
    for minutes in (10, 25, 40, 45, 55, 70, 90, 120):
        for gap_h in (0.0, 3.0, 7.0, 13.0, 30.0):
            for run_first in (True, False):
                points = cost(
                    run_kind=run_kind,
                    run_duration_min=minutes,
                    lift_kind=lift_kind,
                    run_before_lift=run_first,
                    gap_h=gap_h,
                )
                exact = (
                    100
                    * run_intensity_factor(run_kind=run_kind)
                    * run_duration_factor(run_duration_min=minutes)
                    * lift_factor(lift_kind=lift_kind, lift_trains_legs=True)
                    * order_factor(run_before_lift=run_first)
                    * recovery_factor(gap_h=gap_h)
                )
                assert points % COST_STEP_POINTS == 0
                assert abs(points - exact) <= COST_STEP_POINTS / 2 + 1e-9


@pytest.mark.parametrize("gap_h", [0.0, 3.0, 8.0, 20.0, 30.0])
def test_monotonic_in_run_intensity(gap_h: float) -> None:
    costs = [cost(run_kind=kind, gap_h=gap_h) for kind in INTENSITY_ORDER]
    assert costs == sorted(costs)
    assert costs[0] < costs[-1]


def test_every_hard_kind_costs_the_most() -> None:
    hard = {RunKind.TEMPO, RunKind.INTERVALS, RunKind.REPETITION, RunKind.HILLS, RunKind.RACE}
    hard |= {RunKind.RACE_PACE}
    top = cost(run_kind=RunKind.INTERVALS)
    assert all(cost(run_kind=kind) == top for kind in hard)
    assert all(cost(run_kind=kind) < top for kind in set(RunKind) - hard)


@pytest.mark.parametrize("run_kind", list(RunKind))
def test_monotonic_in_run_duration(run_kind: RunKind) -> None:
    costs = [cost(run_kind=run_kind, run_duration_min=m) for m in (10, 20, 45, 60, 89, 90, 150)]
    assert costs == sorted(costs)
    assert costs[0] < costs[-1]


def test_duration_saturates_at_ninety_minutes() -> None:
    assert cost(run_duration_min=90) == cost(run_duration_min=240)
    assert cost(run_duration_min=80) < cost(run_duration_min=90)


@pytest.mark.parametrize("run_before_lift", [True, False])
def test_shrinks_with_gap(run_before_lift: bool) -> None:
    gaps = [0.0, 5.75, 6.0, 11.75, 12.0, 23.75, 24.0, 47.75, 48.0]
    costs = [cost(run_before_lift=run_before_lift, gap_h=g) for g in gaps]
    assert costs == sorted(costs, reverse=True)
    assert len(set(costs)) == 5


@pytest.mark.parametrize("bound", GAP_BUCKET_BOUNDS_H)
def test_piecewise_constant_inside_buckets(bound: float) -> None:
    lower = {6.0: 0.0, 12.0: 6.0, 24.0: 12.0, 48.0: 24.0}[bound]
    inside = {
        cost(gap_h=lower + step) for step in (0.0, 0.25, (bound - lower) / 2, bound - lower - 0.25)
    }
    assert len(inside) == 1
    assert cost(gap_h=bound) < cost(gap_h=bound - 0.25)


def test_order_effect_lift_first_costs_less() -> None:
    for gap_h in (0.0, 7.0, 13.0, 30.0):
        lift_first = cost(run_duration_min=90, run_before_lift=False, gap_h=gap_h)
        assert lift_first < cost(run_duration_min=90, run_before_lift=True, gap_h=gap_h)
    assert order_factor(run_before_lift=True) == 1.0
    assert order_factor(run_before_lift=False) == 0.75


@pytest.mark.parametrize("gap_h", [48.0, 48.25, 72.0, 500.0])
@pytest.mark.parametrize("run_kind", list(RunKind))
def test_zero_from_forty_eight_hours(gap_h: float, run_kind: RunKind) -> None:
    assert cost(run_kind=run_kind, run_duration_min=180, gap_h=gap_h) == 0


def test_lift_factor_order_and_legs() -> None:
    with_legs = [
        lift_factor(lift_kind=kind, lift_trains_legs=True)
        for kind in (
            LiftKind.UPPER,
            LiftKind.RUNNER_STRENGTH,
            LiftKind.FULL_BODY,
            LiftKind.HEAVY_LOWER,
        )
    ]
    assert with_legs == [0.3, 0.6, 0.9, 1.0]
    assert lift_factor(lift_kind=LiftKind.EXPLOSIVE, lift_trains_legs=True) == 0.9
    assert lift_factor(lift_kind=LiftKind.EXPLOSIVE, lift_trains_legs=False) == 0.3
    assert lift_factor(lift_kind=LiftKind.RUNNER_STRENGTH, lift_trains_legs=False) == 0.3
    assert lift_factor(lift_kind=LiftKind.HEAVY_LOWER, lift_trains_legs=False) == 1.0


def test_upper_lift_costs_less_than_lower() -> None:
    assert cost(lift_kind=LiftKind.UPPER, lift_trains_legs=False) < cost()


def test_recovery_factor_per_bucket() -> None:
    assert [recovery_factor(gap_h=g) for g in (0.0, 6.0, 12.0, 24.0, 48.0)] == [
        1.0,
        0.6,
        0.35,
        0.15,
        0.0,
    ]
    assert [gap_bucket(gap_h=g) for g in (0.0, 5.99, 6.0, 12.0, 24.0, 47.99, 48.0)] == [
        0,
        0,
        1,
        2,
        3,
        3,
        4,
    ]


def test_factors_are_in_unit_range() -> None:
    for kind in RunKind:
        assert 0 < run_intensity_factor(run_kind=kind) <= 1
    for minutes in (1, 30, 90, 600):
        assert 0 < run_duration_factor(run_duration_min=minutes) <= 1


@pytest.mark.parametrize("gap_h", [-0.25, math.nan, math.inf])
def test_bad_gap_raises(gap_h: float) -> None:
    with pytest.raises(InvalidInput) as info:
        cost(gap_h=gap_h)
    assert info.value.field == "gap_h"


@pytest.mark.parametrize("minutes", [0, -10, math.nan])
def test_bad_duration_raises(minutes: float) -> None:
    with pytest.raises(InvalidInput) as info:
        cost(run_duration_min=minutes)
    assert info.value.field == "run_duration_min"


def test_wrong_kinds_raise() -> None:
    with pytest.raises(InvalidInput) as run_info:
        run_intensity_factor(run_kind=LiftKind.UPPER)  # type: ignore[arg-type]
    assert run_info.value.field == "run_kind"
    with pytest.raises(InvalidInput) as lift_info:
        lift_factor(lift_kind=RunKind.EASY, lift_trains_legs=True)  # type: ignore[arg-type]
    assert lift_info.value.field == "lift_kind"


DOCUMENTED_EXAMPLES = [
    # the worked examples of docs/interference.md: (kwargs, expected points)
    ((RunKind.INTERVALS, 60, LiftKind.HEAVY_LOWER, True, True, 2.0), 65),
    ((RunKind.EASY, 45, LiftKind.HEAVY_LOWER, True, False, 8.0), 10),
    ((RunKind.EASY, 45, LiftKind.HEAVY_LOWER, True, False, 14.0), 5),
    ((RunKind.TEMPO, 45, LiftKind.FULL_BODY, True, False, 14.0), 10),
    ((RunKind.LONG, 90, LiftKind.UPPER, False, False, 20.0), 5),
    ((RunKind.INTERVALS, 60, LiftKind.HEAVY_LOWER, True, False, 0.25), 50),
    ((RunKind.INTERVALS, 60, LiftKind.HEAVY_LOWER, True, True, 6.0), 40),
]


@pytest.mark.parametrize(("args", "expected"), DOCUMENTED_EXAMPLES)
def test_documented_examples(
    args: tuple[RunKind, float, LiftKind, bool, bool, float], expected: int
) -> None:
    run_kind, minutes, lift_kind, legs, run_first, gap_h = args
    points = cost(
        run_kind=run_kind,
        run_duration_min=minutes,
        lift_kind=lift_kind,
        lift_trains_legs=legs,
        run_before_lift=run_first,
        gap_h=gap_h,
    )
    assert points == expected
