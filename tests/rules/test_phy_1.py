"""PHY-1: interference points of lift/run pairs, summed as a cost and bounded per pair."""

from __future__ import annotations

import pytest
from rules_builders import MON, SUN, TUE, UPPER_GROUPS, WED, ctx, lift, run

from runlift.rules import check_sessions
from runlift.rules.checkers import phy_1
from runlift.science.interference import interference_cost_points
from runlift.vocabulary import EvidenceProfile, LiftKind, RunKind

HEAVY = LiftKind.HEAVY_LOWER
INTERVALS = RunKind.INTERVALS
MAX_COST = [
    (EvidenceProfile.DEFAULT, 60),
    (EvidenceProfile.MODERATE, 80),
    (EvidenceProfile.STRICT, 45),
]


def test_pair_cost_is_the_science_function() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=INTERVALS, minutes=60),
        lift("Squats", MON, "10:00", kind=HEAVY),
    ]
    expected = interference_cost_points(
        run_kind=INTERVALS,
        run_duration_min=60,
        lift_kind=HEAVY,
        lift_trains_legs=True,
        run_before_lift=True,
        gap_h=2.0,
    )
    # 66.7 points, 13.3 steps of 5: 65
    assert expected == 65
    assert phy_1.pair_cost(sessions[1], sessions[0]) == expected
    assert phy_1.penalty(sessions, ctx()) == 65


def test_pair_above_the_bound_is_hard() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=INTERVALS, minutes=60),
        lift("Squats", MON, "10:00", kind=HEAVY),
    ]
    (violation,) = phy_1.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (65, 60, "points")
    assert [s.id for s in violation.sessions] == ["Intervals", "Squats"]
    assert violation.text == (
        "run 'Intervals' and lift 'Squats' are 2 h apart (run first): interference 65 points, "
        "above the 60 allowed for one pair"
    )
    # 6 h after the run ends the recovery factor drops to 0.6: 40 points
    assert violation.fix == "start 'Squats' at 14:00 or later"


def test_costly_pair_below_the_bound_is_soft_with_the_next_bucket_as_fix() -> None:
    sessions = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", MON, "15:00")]
    (violation,) = phy_1.check(sessions, ctx())
    assert not violation.hard
    # easy 0.4 x 45 min 0.5 x heavy lower 1.0 x lift first 0.75 x 6-12 h 0.6 = 9: 10 points
    assert (violation.measured, violation.limit) == (10, 0)
    # 12 h after the lift ends the pair drops to 5 points
    assert violation.fix == "start 'Easy' at 20:00 or later"
    assert phy_1.penalty(sessions, ctx()) == 10


@pytest.mark.parametrize(("profile", "max_cost"), MAX_COST)
def test_exactly_at_the_bound_is_allowed(profile: EvidenceProfile, max_cost: int) -> None:
    # intervals 1.0 x (minutes / 90) x full body 0.9 x run first 1.0 x 0-6 h 1.0 = minutes points
    minutes = max_cost
    at_bound = [
        run("Run", MON, "07:00", kind=INTERVALS, minutes=minutes),
        lift("Lift", MON, "09:00"),
    ]
    (violation,) = phy_1.check(at_bound, ctx(profile=profile))
    assert violation.measured == max_cost
    assert not violation.hard


@pytest.mark.parametrize(("profile", "max_cost"), MAX_COST)
def test_one_step_above_the_bound_is_hard(profile: EvidenceProfile, max_cost: int) -> None:
    minutes = max_cost + 5
    above = [
        run("Run", MON, "07:00", kind=INTERVALS, minutes=minutes),
        lift("Lift", MON, "09:00"),
    ]
    (violation,) = phy_1.check(above, ctx(profile=profile))
    assert violation.measured == max_cost + 5
    assert violation.hard
    assert violation.limit == max_cost


@pytest.mark.parametrize(("profile", "max_cost"), MAX_COST)
def test_less_than_half_a_step_above_the_bound_rounds_to_it(
    profile: EvidenceProfile, max_cost: int
) -> None:
    # max_cost + 2 points before the steps of 5: the pair costs max_cost and is allowed
    minutes = max_cost + 2
    near = [run("Run", MON, "07:00", kind=INTERVALS, minutes=minutes), lift("Lift", MON, "09:00")]
    (violation,) = phy_1.check(near, ctx(profile=profile))
    assert violation.measured == max_cost
    assert not violation.hard


def test_forty_eight_hours_apart_costs_nothing() -> None:
    sessions = [
        lift("Squats", MON, "07:00", kind=HEAVY),
        run("Tempo", WED, "08:00", kind=RunKind.TEMPO),
    ]
    assert list(phy_1.check(sessions, ctx())) == []
    assert phy_1.penalty(sessions, ctx()) == 0
    closer = [
        lift("Squats", MON, "07:00", kind=HEAVY),
        run("Tempo", WED, "07:45", kind=RunKind.TEMPO),
    ]
    # tempo 1.0 x 45 min 0.5 x heavy lower 1.0 x lift first 0.75 x 24-48 h 0.15 = 5.6: 5 points
    assert phy_1.penalty(closer, ctx()) == 5


def test_lift_first_costs_less_than_run_first() -> None:
    lift_first = [lift("Lift", MON, "07:00", kind=HEAVY), run("Run", MON, "08:15", kind=INTERVALS)]
    run_first = [
        run("Run", MON, "07:00", kind=INTERVALS, minutes=60),
        lift("Lift", MON, "08:15", kind=HEAVY),
    ]
    assert phy_1.penalty(lift_first, ctx()) < phy_1.penalty(run_first, ctx())


def test_upper_lift_without_legs_costs_less() -> None:
    upper = lift("Upper", MON, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS)
    full = lift("Full", MON, "07:00")
    easy = run("Easy", MON, "15:00")
    assert phy_1.pair_cost(upper, easy) < phy_1.pair_cost(full, easy)


def test_penalty_sums_every_pair() -> None:
    squats = lift("Squats", MON, "07:00", kind=HEAVY)
    easy = run("Easy", MON, "15:00")
    tempo = run("Tempo", TUE, "18:00", kind=RunKind.TEMPO)
    total = phy_1.pair_cost(squats, easy) + phy_1.pair_cost(squats, tempo)
    assert phy_1.penalty([squats, easy, tempo], ctx()) == total
    assert len(list(phy_1.check([squats, easy, tempo], ctx()))) == 2


def test_overlapping_sessions_count_as_no_gap() -> None:
    sessions = [
        lift("Lift", MON, "07:00", kind=HEAVY),
        run("Run", MON, "07:30", kind=INTERVALS, minutes=90),
    ]
    # lift first (0.75) at 0 h: 75 points
    assert phy_1.penalty(sessions, ctx()) == 75


def test_pairs_across_the_week_boundary() -> None:
    sessions = [
        run("Sunday long", SUN, "09:00", kind=RunKind.LONG, minutes=120),
        lift("Monday legs", 7, "18:00", kind=HEAVY),
    ]
    assert phy_1.penalty(sessions, ctx()) > 0
    assert "PHY-1" in {v.rule_id for v in check_sessions(sessions, ctx())}
