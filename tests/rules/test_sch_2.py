"""SCH-2: each local date with both a lift and a run costs 10."""

from __future__ import annotations

import pytest
from rules_builders import MON, TUE, WED, ctx, lift, run

from runlift.rules.checkers import sch_2
from runlift.vocabulary import EvidenceProfile, GoalKind


def test_separate_days_cost_nothing() -> None:
    sessions = [lift("Lift", MON, "07:00"), run("Run", TUE, "07:00")]
    assert list(sch_2.check(sessions, ctx())) == []
    assert sch_2.penalty(sessions, ctx()) == 0


def test_shared_day_is_soft_and_costs_ten() -> None:
    sessions = [lift("Squats", MON, "07:00"), run("Easy", MON, "18:00")]
    (violation,) = sch_2.check(sessions, ctx())
    assert not violation.hard
    assert violation.rule_id == "SCH-2"
    assert (violation.measured, violation.limit, violation.unit) == (1, 0, "shared days")
    assert "Mon 2024-01-01 has both a lift and a run" in violation.text
    # strength goal: the lift stays, the run moves to the next day without a lift
    assert violation.fix == "move 'Easy' to Tuesday"
    assert sch_2.penalty(sessions, ctx()) == 10


def test_each_shared_day_counts_once() -> None:
    sessions = [
        lift("Lift 1", MON, "07:00"),
        run("Run 1", MON, "18:00"),
        run("Run 2", MON, "20:00"),
        lift("Lift 2", WED, "07:00"),
        run("Run 3", WED, "18:00"),
    ]
    assert len(list(sch_2.check(sessions, ctx()))) == 2
    assert sch_2.penalty(sessions, ctx()) == 20


def test_race_goal_moves_the_lift_and_keeps_key_sessions() -> None:
    sessions = [
        run("Tempo", MON, "07:00"),
        lift("Key lift", MON, "18:00", key=True),
        lift("Accessory", MON, "19:30"),
        run("Easy", TUE, "07:00"),
    ]
    (violation,) = sch_2.check(sessions, ctx(goal=GoalKind.RACE))
    assert violation.fix == "move 'Accessory' to Wednesday"


def test_fix_without_a_free_day() -> None:
    sessions = [lift(f"L{d}", d, "07:00") for d in range(7)] + [run("Run", MON, "18:00")]
    (violation,) = sch_2.check(sessions, ctx())
    assert violation.fix == "move 'Run' to a day without a lift"


def test_combined_blocks_count_as_shared_days() -> None:
    sessions = [lift("Lift", MON, "07:00", combined_with="Run"), run("Run", MON, "08:15")]
    assert sch_2.penalty(sessions, ctx(allow_combined=True)) == 10


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_price(profile: EvidenceProfile) -> None:
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, "18:00")]
    assert sch_2.penalty(sessions, ctx(profile=profile)) == 10
