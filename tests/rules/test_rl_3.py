"""RL-3: no more than two loaded days in a row (runlift's own soft rule, placed first)."""

from __future__ import annotations

import pytest
from rules_builders import FRI, MON, SAT, SUN, THU, TUE, UPPER_GROUPS, WED, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.rules import RuleId, check_sessions, check_week, week_cost
from runlift.rules.catalogue.conventions import RL_3
from runlift.rules.checkers import rl_3
from runlift.vocabulary import LiftKind, MuscleGroup, RuleStrength, RunKind


def _squat(sid: str, day: int) -> ScheduledSession:
    return lift(sid, day, "18:00", kind=LiftKind.HEAVY_LOWER)


def _hard(sid: str, day: int) -> ScheduledSession:
    return run(sid, day, "07:00", kind=RunKind.INTERVALS)


def test_rl_3_is_soft_with_its_weight_and_sources() -> None:
    assert RL_3.strength is RuleStrength.SOFT
    assert RL_3.weight == 50
    assert RL_3.param("max_loaded_days_in_a_row", ctx().profile) == 2
    assert "runlift convention" in RL_3.sources
    assert any(source.startswith("Bowerman") for source in RL_3.sources)


@pytest.mark.parametrize(
    ("session", "loaded"),
    [
        (run("Intervals", MON, "07:00", kind=RunKind.INTERVALS), True),
        (run("Tempo", MON, "07:00", kind=RunKind.TEMPO), True),
        (run("Long", MON, "07:00", kind=RunKind.LONG, minutes=60), True),
        (run("Easy over 90 min", MON, "07:00", minutes=95), True),
        (run("Easy", MON, "07:00", minutes=60), False),
        (run("Recovery", MON, "07:00", kind=RunKind.RECOVERY), False),
        (lift("Squats", MON, "07:00", kind=LiftKind.HEAVY_LOWER), True),
        (lift("Full body", MON, "07:00"), True),  # trains the legs: heavy lower
        (lift("Jumps", MON, "07:00", kind=LiftKind.EXPLOSIVE, groups={MuscleGroup.LEGS}), True),
        (lift("Upper", MON, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS), False),
        (lift("Runner", MON, "07:00", kind=LiftKind.RUNNER_STRENGTH), False),
    ],
)
def test_what_loads_a_day(session: ScheduledSession, *, loaded: bool) -> None:
    assert rl_3.loads_the_day(session.spec) is loaded


def test_two_loaded_days_then_an_easy_one_are_fine() -> None:
    sessions = [
        _squat("Squats", MON),
        _hard("Intervals", TUE),
        run("Easy", WED, "07:00"),
        _hard("Tempo", THU),
        run("Long", FRI, "08:00", kind=RunKind.LONG, minutes=80),
        lift("Upper", SAT, "09:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
    ]
    assert list(rl_3.check(sessions, ctx())) == []
    assert rl_3.penalty(sessions, ctx()) == 0


def test_three_in_a_row_cost_once_and_four_twice() -> None:
    three = [_squat("Squats", MON), _hard("Intervals", TUE), _squat("Deadlifts", WED)]
    (violation,) = rl_3.check(three, ctx())
    assert not violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (3, 2, "loaded days in a row")
    assert [s.id for s in violation.sessions] == ["Squats", "Intervals", "Deadlifts"]
    assert violation.text.startswith("3 loaded days in a row, Mon 2024-01-01 to Wed 2024-01-03")
    assert violation.fix == "make 'Intervals' on Tuesday easy, or move it next to an easy day"
    assert rl_3.penalty(three, ctx()) == 50
    four = [*three, _hard("Tempo", THU)]
    (violation,) = rl_3.check(four, ctx())
    assert violation.measured == 4
    assert rl_3.penalty(four, ctx()) == 100


def test_a_day_with_a_lift_and_a_hard_run_is_one_loaded_day() -> None:
    # Stacking the hard sessions of a day keeps the other days easy: what coaches do.
    sessions = [
        _hard("Intervals", MON),
        _squat("Squats", MON),
        run("Easy", TUE, "07:00"),
        _hard("Tempo", WED),
        _squat("Deadlifts", WED),
    ]
    assert rl_3.penalty(sessions, ctx()) == 0


def test_the_key_session_is_not_the_one_asked_to_change() -> None:
    sessions = [
        _squat("Squats", MON),
        run("Key tempo", TUE, "07:00", kind=RunKind.TEMPO, key=True),
        _squat("Lunges", TUE),
        _hard("Hills", WED),
    ]
    (violation,) = rl_3.check(sessions, ctx())
    assert violation.fix.startswith("make 'Lunges' on Tuesday easy")


def test_stretches_run_across_the_week_boundary() -> None:
    saturday = run("Saturday tempo", SAT, "08:00", kind=RunKind.TEMPO)
    sunday = run("Sunday long run", SUN, "08:00", kind=RunKind.LONG, minutes=100)
    monday = _squat("Monday squats", SUN + 1)
    assert rl_3.penalty([saturday, sunday], ctx()) == 0
    assert week_cost([monday], ctx()).terms[RuleId("RL-3")] == 0
    found = [v for v in check_sessions([saturday, sunday, monday], ctx()) if v.rule_id == "RL-3"]
    assert len(found) == 1
    assert week_cost([saturday, sunday, monday], ctx()).terms[RuleId("RL-3")] == 50
    assert [v.rule_id for v in check_week([saturday, sunday], ctx()) if v.rule_id == "RL-3"] == []


def test_rest_days_break_a_stretch() -> None:
    sessions = [
        _squat("Squats", MON),
        _hard("Intervals", TUE),
        _hard("Tempo", THU),
        _squat("Dl", FRI),
    ]
    assert rl_3.penalty(sessions, ctx()) == 0
