"""SCH-5: the day after a hard run is for rest or an easy upper-body lift.

30 per other session, 60 when that session is itself loaded (a hard day right
after a hard day).
"""

from __future__ import annotations

import pytest
from rules_builders import MON, SUN, TUE, UPPER_GROUPS, WED, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.rules import check_sessions
from runlift.rules.checkers import sch_5
from runlift.vocabulary import EvidenceProfile, LiftKind, RunKind


def test_upper_lift_after_hard_run_is_fine() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        lift("Upper", TUE, "18:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
    ]
    assert list(sch_5.check(sessions, ctx())) == []
    assert sch_5.penalty(sessions, ctx()) == 0


def test_run_after_hard_run_day_costs_thirty() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        run("Easy", TUE, "07:00"),
    ]
    (violation,) = sch_5.check(sessions, ctx())
    assert not violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (1, 0, "sessions")
    assert [s.id for s in violation.sessions] == ["Intervals", "Easy"]
    assert "'Easy' on Tue 2024-01-02 follows the hard run 'Intervals'" in violation.text
    assert violation.fix == "move 'Easy' to Wednesday or replace it by rest"
    assert sch_5.penalty(sessions, ctx()) == 30


def test_each_offending_session_counts() -> None:
    sessions = [
        run("Tempo", MON, "07:00", kind=RunKind.TEMPO),
        run("Hills", MON, "18:00", kind=RunKind.HILLS),
        lift("Legs", TUE, "07:00", kind=LiftKind.HEAVY_LOWER),
        lift("Full", TUE, "18:00"),
        lift("Upper", TUE, "20:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
    ]
    violations = list(sch_5.check(sessions, ctx()))
    assert [v.sessions[-1].id for v in violations] == ["Legs", "Full"]
    assert violations[0].fix.endswith("or make it an easy upper-body lift")
    # Both lifts train the legs heavy (a full-body lift with legs counts): loaded, 2 x 60.
    assert "a hard day right after a hard day" in violations[0].text
    assert sch_5.penalty(sessions, ctx()) == 120


@pytest.mark.parametrize(
    ("session", "cost"),
    [
        (run("Easy", TUE, "07:00"), 30),
        (lift("Runner", TUE, "07:00", kind=LiftKind.RUNNER_STRENGTH), 30),
        (run("Tempo", TUE, "07:00", kind=RunKind.TEMPO), 60),
        (run("Long", TUE, "07:00", kind=RunKind.LONG, minutes=60), 60),
        (lift("Squats", TUE, "18:00", kind=LiftKind.HEAVY_LOWER), 60),
        (lift("Upper", TUE, "18:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS), 0),
    ],
)
def test_a_hard_day_after_a_hard_day_costs_twice(session: ScheduledSession, cost: int) -> None:
    sessions = [run("Intervals", MON, "07:00", kind=RunKind.INTERVALS), session]
    assert sch_5.penalty(sessions, ctx()) == cost
    assert sch_5.units(session.spec, ctx()) == (2 if cost == 60 else 1)


def test_only_the_next_day_counts() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        lift("Same day", MON, "19:00"),
        run("Two days later", WED, "07:00"),
    ]
    assert sch_5.penalty(sessions, ctx()) == 0


def test_easy_run_day_is_not_judged() -> None:
    sessions = [run("Easy", MON, "07:00"), run("Easy 2", TUE, "07:00")]
    assert sch_5.penalty(sessions, ctx()) == 0


def test_long_run_over_ninety_minutes_is_hard_and_ninety_is_not() -> None:
    after_100 = [run("Long", MON, "07:00", kind=RunKind.LONG, minutes=100), run("E", TUE, "07:00")]
    after_90 = [run("Long", MON, "07:00", kind=RunKind.LONG, minutes=90), run("E", TUE, "07:00")]
    assert sch_5.penalty(after_100, ctx()) == 30
    assert sch_5.penalty(after_90, ctx()) == 0


def test_fix_without_a_free_day() -> None:
    # hard runs every day from the Sunday before: no day of the week follows a day without one
    sessions = [run(f"Hard {d}", d, "07:00", kind=RunKind.TEMPO) for d in range(-1, 7)]
    violations = list(sch_5.check(sessions, ctx()))
    assert len(violations) == 7
    assert violations[0].fix == "replace it by rest"


def test_sunday_hard_run_reaches_next_monday_in_a_span() -> None:
    sessions = [run("Sunday race", SUN, "09:00", kind=RunKind.RACE), run("Shakeout", 7, "08:00")]
    assert sch_5.penalty(sessions, ctx()) == 30
    assert "SCH-5" in {v.rule_id for v in check_sessions(sessions, ctx())}


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_price(profile: EvidenceProfile) -> None:
    sessions = [run("Tempo", MON, "07:00", kind=RunKind.TEMPO), run("Easy", TUE, "07:00")]
    assert sch_5.penalty(sessions, ctx(profile=profile)) == 30
