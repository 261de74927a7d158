"""Interference cost of a lift/run pair: how much a run is expected to blunt a nearby lift.

The cost is a score from 0 to 100 in steps of 5, built from five factors, each in 0..1:

    cost = 5 x round(100 x intensity(run kind) x duration(run minutes) x lift(kind, legs)
                     x order(which came first) x recovery(gap bucket) / 5)

It is a planning heuristic, not a measured effect size: the published studies
rank the factors (which situations interfere more) but do not give one
equation, so the factor values below are our ordinal reading of them, written
down once so that the planner, the checker and the documentation agree.
``docs/interference.md`` explains every number.

The recovery factor is piecewise constant over the gap buckets bounded by
``GAP_BUCKET_BOUNDS_H`` so that a constraint solver can price a pair by the
bucket its gap falls in; from 48 h on the cost is zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive
from runlift.vocabulary import LiftKind, RunKind

GAP_BUCKET_BOUNDS_H: Final[tuple[float, float, float, float]] = (6.0, 12.0, 24.0, 48.0)
"""Upper bounds (exclusive) of the gap buckets [0,6) [6,12) [12,24) [24,48) h; >= 48 h is free."""

RECOVERY_FACTORS: Final[tuple[float, float, float, float]] = (1.0, 0.6, 0.35, 0.15)
"""Recovery factor for each gap bucket, in the order of ``GAP_BUCKET_BOUNDS_H``."""

RUN_INTENSITY_FACTORS: Final[Mapping[RunKind, float]] = MappingProxyType(
    {
        RunKind.RECOVERY: 0.3,
        RunKind.EASY: 0.4,
        RunKind.LONG: 0.7,
        RunKind.SPRINTS: 0.8,
        RunKind.TEMPO: 1.0,
        RunKind.INTERVALS: 1.0,
        RunKind.REPETITION: 1.0,
        RunKind.HILLS: 1.0,
        RunKind.RACE_PACE: 1.0,
        RunKind.RACE: 1.0,
    }
)
"""How strongly each kind of run interferes, per minute of running, relative to the hardest."""

LIFT_FACTORS: Final[Mapping[LiftKind, float]] = MappingProxyType(
    {
        LiftKind.HEAVY_LOWER: 1.0,
        LiftKind.FULL_BODY: 0.9,
        LiftKind.EXPLOSIVE: 0.9,
        LiftKind.RUNNER_STRENGTH: 0.6,
        LiftKind.UPPER: 0.3,
    }
)
"""How exposed each kind of lift is to interference from running."""

NO_LEGS_LIFT_FACTOR: Final = 0.3
"""Cap on the lift factor when the lift does not train the legs (running loads the legs)."""

DURATION_SATURATION_MIN: Final = 90.0
"""Run duration from which the duration factor stays at 1 (runs over 90 min count as hard)."""

RUN_FIRST_ORDER_FACTOR: Final = 1.0
LIFT_FIRST_ORDER_FACTOR: Final = 0.75

MAX_COST_POINTS: Final = 100

COST_STEP_POINTS: Final = 5
"""Costs come in steps of 5 points (0, 5, ..., 100).

The five factors are rough readings of the evidence, so a difference of a point or
two between two pairs says nothing the studies support; in steps of 5 the scale
still separates every bucket of recovery the studies compared (for an easy run after
a heavy lower lift: 10 points at 6-12 h, 5 at 12-24 h). It also spares the weekly
planner from proving which of two placements is better by a point that means
nothing (``docs/interference.md``, "Steps of 5 points").
"""


def run_intensity_factor(*, run_kind: RunKind) -> float:
    """Return how strongly a kind of run interferes with lifting, from 0.3 to 1.0.

    Easy and recovery runs are low, long runs medium, sprints medium-high and
    threshold, interval, hill, repetition and race efforts high.

    Args:
        run_kind: the kind of run.

    Returns:
        The intensity factor in (0, 1].

    Raises:
        InvalidInput: if ``run_kind`` is not a ``RunKind``.

    Source:
        Wilson JM, Marin PJ, Rhea MR, et al. Concurrent training: a meta-analysis
        examining interference of aerobic and resistance exercises. J Strength Cond
        Res. 2012;26(8):2293-2307 (running, not cycling, and higher intensity and
        volume predict larger losses). Sabag A et al. J Sports Sci.
        2018;36(21):2472-2483 (high-intensity intervals still cost lower-body strength).

    Examples:
        >>> run_intensity_factor(run_kind=RunKind.EASY)
        0.4
        >>> run_intensity_factor(run_kind=RunKind.INTERVALS)
        1.0
    """
    try:
        return RUN_INTENSITY_FACTORS[run_kind]
    except KeyError:
        raise InvalidInput("run_kind", run_kind, "must be a run kind") from None


def run_duration_factor(*, run_duration_min: float) -> float:
    """Return the share of full interference a run of this length carries, from 0 to 1.

    factor = min(1, duration_min / 90): grows linearly with minutes and
    saturates at 90 min. Valid for any duration above zero.

    Args:
        run_duration_min: planned run duration in minutes (> 0).

    Returns:
        The duration factor in (0, 1].

    Raises:
        InvalidInput: if the duration is not a finite number above zero.

    Source:
        Wilson JM, Marin PJ, Rhea MR, et al. J Strength Cond Res. 2012;26(8):2293-2307
        (minutes of endurance work per session correlate negatively with gains in
        hypertrophy, strength and power).

    Examples:
        >>> run_duration_factor(run_duration_min=45)
        0.5
        >>> run_duration_factor(run_duration_min=150)
        1.0
    """
    require_positive("run_duration_min", run_duration_min)
    return min(1.0, run_duration_min / DURATION_SATURATION_MIN)


def lift_factor(*, lift_kind: LiftKind, lift_trains_legs: bool) -> float:
    """Return how exposed a lift is to interference from running, from 0.3 to 1.0.

    Heavy lower 1.0, full body 0.9, explosive 0.9, runner strength 0.6, upper
    0.3. A lift that does not train the legs is capped at 0.3. A heavy-lower
    lift trains the legs by definition, so the flag does not lower it.

    Args:
        lift_kind: the kind of lift.
        lift_trains_legs: whether the lift works the legs.

    Returns:
        The lift factor in (0, 1].

    Raises:
        InvalidInput: if ``lift_kind`` is not a ``LiftKind``.

    Source:
        Wilson JM et al. J Strength Cond Res. 2012;26(8):2293-2307 (the losses are
        in lower-body outcomes). Sabag A, Najafi A, Michael S, et al. The compatibility
        of concurrent high intensity interval training and resistance training for
        muscular strength and hypertrophy. J Sports Sci. 2018;36(21):2472-2483 (lower-body,
        not upper-body, strength is blunted). Schumann M et al. Sports Med.
        2022;52(3):601-612 (explosive strength is the most sensitive outcome).

    Examples:
        >>> lift_factor(lift_kind=LiftKind.FULL_BODY, lift_trains_legs=True)
        0.9
        >>> lift_factor(lift_kind=LiftKind.FULL_BODY, lift_trains_legs=False)
        0.3
    """
    try:
        factor = LIFT_FACTORS[lift_kind]
    except KeyError:
        raise InvalidInput("lift_kind", lift_kind, "must be a lift kind") from None
    if lift_trains_legs or lift_kind is LiftKind.HEAVY_LOWER:
        return factor
    return min(factor, NO_LEGS_LIFT_FACTOR)


def order_factor(*, run_before_lift: bool) -> float:
    """Return 1.0 when the run comes first and 0.75 when the lift comes first.

    Args:
        run_before_lift: whether the run starts before the lift.

    Returns:
        The order factor.

    Source:
        Murlasits Z, Kneffel Z, Thalib L. The physiological effects of concurrent
        strength and endurance training sequence: a systematic review and
        meta-analysis. J Sports Sci. 2018;36(11):1212-1219. Eddens L, van Someren K,
        Howatson G. The role of intra-session exercise sequence in the interference
        effect: a systematic review with meta-analysis. Sports Med. 2018;48(1):177-188
        (lifting first gave about 7 % more lower-body dynamic strength).

    Examples:
        >>> order_factor(run_before_lift=False)
        0.75
    """
    return RUN_FIRST_ORDER_FACTOR if run_before_lift else LIFT_FIRST_ORDER_FACTOR


def gap_bucket(*, gap_h: float) -> int:
    """Return the index of the gap bucket a gap falls in, 0..4.

    0 for [0,6) h, 1 for [6,12) h, 2 for [12,24) h, 3 for [24,48) h, 4 from 48 h.

    Args:
        gap_h: hours from the end of the earlier session to the start of the later (>= 0).

    Returns:
        The bucket index, 0..4.

    Raises:
        InvalidInput: if the gap is negative or not finite.

    Source:
        Robineau J, Babault N, Piscione J, Lacome M, Bigard AX. Specific training
        effects of concurrent aerobic and strength exercises depend on recovery
        duration. J Strength Cond Res. 2016;30(3):672-683 (0, 6 and 24 h compared).

    Examples:
        >>> gap_bucket(gap_h=5.75)
        0
        >>> gap_bucket(gap_h=6.0)
        1
        >>> gap_bucket(gap_h=48.0)
        4
    """
    if not math.isfinite(gap_h) or gap_h < 0:
        raise InvalidInput("gap_h", gap_h, "must be a finite number of hours, zero or more")
    for index, bound in enumerate(GAP_BUCKET_BOUNDS_H):
        if gap_h < bound:
            return index
    return len(GAP_BUCKET_BOUNDS_H)


def recovery_factor(*, gap_h: float) -> float:
    """Return the share of interference left after ``gap_h`` hours: 1.0, 0.6, 0.35, 0.15 or 0.

    Piecewise constant: [0,6) h 1.0, [6,12) h 0.6, [12,24) h 0.35, [24,48) h 0.15,
    48 h or more 0.

    Args:
        gap_h: hours from the end of the earlier session to the start of the later (>= 0).

    Returns:
        The recovery factor in [0, 1].

    Raises:
        InvalidInput: if the gap is negative or not finite.

    Source:
        Robineau J et al. J Strength Cond Res. 2016;30(3):672-683 (strength gains were
        smallest with 0 h, intermediate with 6 h and largest with 24 h between
        sessions). Schumann M et al. Sports Med. 2022;52(3):601-612 (explosive-strength
        loss was significant within one session, not with >= 3 h between sessions).

    Examples:
        >>> recovery_factor(gap_h=8.0)
        0.6
        >>> recovery_factor(gap_h=72.0)
        0.0
    """
    bucket = gap_bucket(gap_h=gap_h)
    if bucket < len(RECOVERY_FACTORS):
        return RECOVERY_FACTORS[bucket]
    return 0.0


def interference_cost_points(
    *,
    run_kind: RunKind,
    run_duration_min: float,
    lift_kind: LiftKind,
    lift_trains_legs: bool,
    run_before_lift: bool,
    gap_h: float,
) -> int:
    """Return the interference cost of one lift/run pair, from 0 to 100 in steps of 5.

    cost = 5 x round_half_up(100 x intensity x duration x lift x order x recovery / 5),
    with the factors of ``run_intensity_factor``, ``run_duration_factor``,
    ``lift_factor``, ``order_factor`` and ``recovery_factor``. Non-decreasing in
    run intensity and duration, non-increasing in the gap, lower when the lift
    comes first, and 0 from 48 h on.

    Args:
        run_kind: kind of the run.
        run_duration_min: planned run duration in minutes (> 0).
        lift_kind: kind of the lift.
        lift_trains_legs: whether the lift works the legs.
        run_before_lift: whether the run starts before the lift.
        gap_h: hours from the end of the earlier session to the start of the later (>= 0).

    Returns:
        The cost in points, 0..100, a multiple of ``COST_STEP_POINTS``.

    Raises:
        InvalidInput: on a non-positive duration, a negative gap or a wrong kind.

    Source:
        Robineau J et al. J Strength Cond Res. 2016;30(3):672-683. Wilson JM et al.
        J Strength Cond Res. 2012;26(8):2293-2307. Murlasits Z et al. J Sports Sci.
        2018;36(11):1212-1219. Eddens L et al. Sports Med. 2018;48(1):177-188.
        Schumann M et al. Sports Med. 2022;52(3):601-612. Sabag A et al. J Sports Sci.
        2018;36(21):2472-2483.

    Examples:
        Intervals of 60 min, then a heavy lower lift 2 h later:

        >>> interference_cost_points(run_kind=RunKind.INTERVALS, run_duration_min=60,
        ...     lift_kind=LiftKind.HEAVY_LOWER, lift_trains_legs=True,
        ...     run_before_lift=True, gap_h=2.0)
        65

        An easy 45 min run 8 h after a heavy lower lift:

        >>> interference_cost_points(run_kind=RunKind.EASY, run_duration_min=45,
        ...     lift_kind=LiftKind.HEAVY_LOWER, lift_trains_legs=True,
        ...     run_before_lift=False, gap_h=8.0)
        10
    """
    product = (
        run_intensity_factor(run_kind=run_kind)
        * run_duration_factor(run_duration_min=run_duration_min)
        * lift_factor(lift_kind=lift_kind, lift_trains_legs=lift_trains_legs)
        * order_factor(run_before_lift=run_before_lift)
        * recovery_factor(gap_h=gap_h)
    )
    # Rounding to 6 decimals first keeps exact halves (22.4999999...) from rounding down.
    steps = math.floor(round(MAX_COST_POINTS * product / COST_STEP_POINTS, 6) + 0.5)
    return COST_STEP_POINTS * steps
