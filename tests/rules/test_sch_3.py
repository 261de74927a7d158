"""SCH-3: on a shared day the priority modality starts first; hard for strength/hypertrophy/race."""

from __future__ import annotations

import pytest
from rules_builders import MON, TUE, ctx, lift, run

from runlift.rules import priority_first, sch3_is_hard
from runlift.rules.checkers import sch_3
from runlift.vocabulary import EvidenceProfile, GoalKind, Modality, Priority


@pytest.mark.parametrize(
    ("priority", "goal", "expected"),
    [
        (Priority.RUNNING, GoalKind.STRENGTH, Modality.RUN),
        (Priority.LIFTING, GoalKind.RACE, Modality.LIFT),
        (Priority.BALANCED, GoalKind.STRENGTH, Modality.LIFT),
        (Priority.BALANCED, GoalKind.HYPERTROPHY, Modality.LIFT),
        (Priority.BALANCED, GoalKind.RACE, Modality.RUN),
        (Priority.BALANCED, GoalKind.FAT_LOSS, Modality.LIFT),
        (Priority.BALANCED, GoalKind.GENERAL_FITNESS, Modality.LIFT),
    ],
)
def test_priority_first(priority: Priority, goal: GoalKind, expected: Modality) -> None:
    assert priority_first(ctx(priority=priority, goal=goal)) is expected


@pytest.mark.parametrize(
    ("goal", "hard"),
    [
        (GoalKind.STRENGTH, True),
        (GoalKind.HYPERTROPHY, True),
        (GoalKind.RACE, True),
        (GoalKind.FAT_LOSS, False),
        (GoalKind.GENERAL_FITNESS, False),
    ],
)
def test_sch3_is_hard_by_goal(goal: GoalKind, hard: bool) -> None:
    assert sch3_is_hard(ctx(goal=goal)) is hard


def test_lift_first_for_strength_is_fine() -> None:
    sessions = [lift("Squats", MON, "07:00"), run("Easy", MON, "18:00")]
    assert list(sch_3.check(sessions, ctx())) == []


def test_run_first_for_strength_is_hard() -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Squats", MON, "18:00")]
    (violation,) = sch_3.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (660, 0, "min")
    assert [s.id for s in violation.sessions] == ["Easy", "Squats"]
    assert "lifting comes first for a strength goal" in violation.text
    assert violation.fix == "start 'Squats' before 07:00, or move 'Easy' to after 'Squats'"
    assert sch_3.penalty(sessions, ctx()) == 0


def test_race_goal_wants_the_run_first() -> None:
    context = ctx(goal=GoalKind.RACE)
    assert list(sch_3.check([run("R", MON, "07:00"), lift("L", MON, "18:00")], context)) == []
    (violation,) = sch_3.check([lift("L", MON, "07:00"), run("R", MON, "18:00")], context)
    assert violation.hard
    assert "running comes first" in violation.text


def test_explicit_priority_beats_the_goal() -> None:
    context = ctx(goal=GoalKind.STRENGTH, priority=Priority.RUNNING)
    (violation,) = sch_3.check([lift("L", MON, "07:00"), run("R", MON, "18:00")], context)
    assert violation.hard


def test_equal_starts_are_not_before() -> None:
    sessions = [run("R", MON, "07:00"), lift("L", MON, "07:00")]
    (violation,) = sch_3.check(sessions, ctx())
    assert violation.measured == 0


def test_only_the_first_session_of_each_modality_counts() -> None:
    sessions = [
        lift("L1", MON, "07:00"),
        run("R", MON, "12:00"),
        lift("L2", MON, "19:00"),
    ]
    assert list(sch_3.check(sessions, ctx())) == []


@pytest.mark.parametrize("goal", [GoalKind.GENERAL_FITNESS, GoalKind.FAT_LOSS])
def test_soft_goals_cost_eight_per_day(goal: GoalKind) -> None:
    context = ctx(goal=goal)
    sessions = [
        run("R1", MON, "07:00"),
        lift("L1", MON, "18:00"),
        run("R2", TUE, "07:00"),
        lift("L2", TUE, "18:00"),
    ]
    violations = list(sch_3.check(sessions, context))
    assert [v.hard for v in violations] == [False, False]
    assert sch_3.penalty(sessions, context) == 16


def test_days_with_one_modality_are_not_judged() -> None:
    sessions = [run("R", MON, "07:00"), lift("L", TUE, "06:00")]
    assert list(sch_3.check(sessions, ctx())) == []


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_rule(profile: EvidenceProfile) -> None:
    context = ctx(goal=GoalKind.GENERAL_FITNESS, profile=profile)
    assert sch_3.penalty([run("R", MON, "07:00"), lift("L", MON, "18:00")], context) == 8
