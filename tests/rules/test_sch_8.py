"""SCH-8: general fitness alternates lift days and run days (3 per repeated one-modality pair)."""

from __future__ import annotations

import pytest
from rules_builders import FRI, MON, SAT, SUN, THU, TUE, WED, ctx, lift, run

from runlift.rules.checkers import sch_8
from runlift.vocabulary import EvidenceProfile, GoalKind

FITNESS = ctx(goal=GoalKind.GENERAL_FITNESS)


def test_alternating_template_costs_nothing() -> None:
    sessions = [
        lift("Strength Mon", MON, "07:00"),
        run("Cardio Tue", TUE, "07:00"),
        lift("Strength Wed", WED, "07:00"),
        run("Cardio Thu", THU, "07:00"),
        lift("Strength Fri", FRI, "07:00"),
        run("Cardio Sat", SAT, "07:00"),
    ]
    assert list(sch_8.check(sessions, FITNESS)) == []
    assert sch_8.penalty(sessions, FITNESS) == 0


def test_two_lift_days_in_a_row_cost_three() -> None:
    sessions = [lift("A", MON, "07:00"), lift("B", TUE, "07:00"), run("R", WED, "07:00")]
    (violation,) = sch_8.check(sessions, FITNESS)
    assert not violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (2, 1, "consecutive days")
    assert "Mon 2024-01-01 and Tue 2024-01-02 both train only lift" in violation.text
    assert violation.fix == "move 'B' to Thursday, or swap its day with a day of the other kind"
    assert sch_8.penalty(sessions, FITNESS) == 3


def test_three_run_days_in_a_row_are_two_pairs() -> None:
    sessions = [run("A", MON, "07:00"), run("B", TUE, "07:00"), run("C", WED, "07:00")]
    assert sch_8.penalty(sessions, FITNESS) == 6


def test_a_mixed_day_or_a_rest_day_breaks_the_pair() -> None:
    mixed = [lift("A", MON, "07:00"), lift("B", TUE, "07:00"), run("R", TUE, "18:00")]
    rest = [lift("A", MON, "07:00"), lift("B", WED, "07:00")]
    assert sch_8.penalty(mixed, FITNESS) == 0
    assert sch_8.penalty(rest, FITNESS) == 0


def test_pairs_do_not_cross_the_week_boundary() -> None:
    sessions = [lift("Sunday", SUN, "07:00"), lift("Next Monday", 7, "07:00")]
    assert sch_8.penalty(sessions, FITNESS) == 0


def test_fix_without_a_suitable_day() -> None:
    sessions = [lift(f"L{d}", d, "07:00") for d in range(7)]
    violations = list(sch_8.check(sessions, FITNESS))
    assert len(violations) == 6
    assert violations[0].fix.startswith("move 'L1' to a day between two others")


@pytest.mark.parametrize("goal", [g for g in GoalKind if g is not GoalKind.GENERAL_FITNESS])
def test_other_goals_are_not_judged(goal: GoalKind) -> None:
    sessions = [lift("A", MON, "07:00"), lift("B", TUE, "07:00")]
    assert list(sch_8.check(sessions, ctx(goal=goal))) == []
    assert sch_8.penalty(sessions, ctx(goal=goal)) == 0


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_price(profile: EvidenceProfile) -> None:
    context = ctx(goal=GoalKind.GENERAL_FITNESS, profile=profile)
    assert sch_8.penalty([lift("A", MON, "07:00"), lift("B", TUE, "07:00")], context) == 3
