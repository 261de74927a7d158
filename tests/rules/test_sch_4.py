"""SCH-4: runs and heavy-lower lifts kept apart the way coaches mean it.

Hard: any run at least 6 h after a heavy lower lift ends (4 / 8 h moderate /
strict); a hard run ends at least 12 h before one starts (8 / 24 h). Soft: a
hard or long run within 30 h after a heavy lower lift (24 / 48 h) costs 40.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_builders import FRI, MON, SAT, SUN, THU, TUE, UPPER_GROUPS, at, lift, run
from rules_builders import ctx as base_ctx

from runlift.domain.week import WeekContext
from runlift.rules import check_sessions, check_week, rule, week_cost
from runlift.rules.checkers import sch_4
from runlift.rules.model import RuleId
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MuscleGroup,
    Priority,
    RuleStrength,
    RunKind,
)

HEAVY = LiftKind.HEAVY_LOWER


def ctx(**changes: Any) -> WeekContext:
    """A race goal with running first unless told: the run's quality counts in full."""
    return base_ctx(**{"goal": GoalKind.RACE, "priority": Priority.RUNNING, **changes})


AFTER = [
    (EvidenceProfile.DEFAULT, 6),
    (EvidenceProfile.MODERATE, 4),
    (EvidenceProfile.STRICT, 8),
]
BEFORE = [
    (EvidenceProfile.DEFAULT, 12),
    (EvidenceProfile.MODERATE, 8),
    (EvidenceProfile.STRICT, 24),
]
QUALITY = [
    (EvidenceProfile.DEFAULT, 30),
    (EvidenceProfile.MODERATE, 24),
    (EvidenceProfile.STRICT, 48),
]


def _clock(minutes: int) -> tuple[int, str]:
    """(day offset, HH:MM) for ``minutes`` after Monday 00:00."""
    day, rest = divmod(minutes, 24 * 60)
    return day, f"{rest // 60:02d}:{rest % 60:02d}"


def test_the_rule_is_hard_with_a_soft_part_weighing_forty() -> None:
    declared = rule("SCH-4")
    assert declared.strength is RuleStrength.HARD
    assert declared.weight == 40
    assert any(s.startswith("Doma & Deakin 2014") for s in declared.sources)
    assert any(s.startswith("Sporer & Wenger 2003") for s in declared.sources)


def test_an_easy_run_the_next_morning_after_an_evening_lift_is_fine() -> None:
    # The case that used to be refused: 11.75 h after an evening full-body lift.
    full_body = lift("Full body", MON, "18:00", groups=(MuscleGroup.LEGS, MuscleGroup.BACK))
    sessions = [full_body, run("Easy", TUE, "06:45")]
    assert list(sch_4.check(sessions, ctx())) == []
    assert sch_4.penalty(sessions, ctx()) == 0


def test_run_too_soon_after_heavy_lower() -> None:
    sessions = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", MON, "13:45")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (5.75, 6, "h")
    assert [s.id for s in violation.sessions] == ["Squats", "Easy"]
    assert "after heavy lower lift 'Squats' ends" in violation.text
    assert violation.fix == "start 'Easy' at 14:00 or later"


def test_across_midnight() -> None:
    sessions = [lift("Squats", MON, "20:00", kind=HEAVY), run("Easy", TUE, "02:00")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    assert violation.measured == 5
    assert violation.fix == "start 'Easy' at 03:00 or later"


def test_fix_names_the_day_when_it_changes() -> None:
    sessions = [lift("Squats", MON, "18:00", kind=HEAVY), run("Easy", MON, "20:00")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.fix == "move 'Easy' to Tue 01:00 or later"


def test_a_quality_run_the_day_after_heavy_legs_is_priced() -> None:
    # Squats until 19:00, tempo the next evening: 23 h, within 30 h.
    sessions = [
        lift("Squats", MON, "18:00", kind=HEAVY),
        run("Tempo", TUE, "18:00", kind=RunKind.TEMPO),
    ]
    (violation,) = sch_4.check(sessions, ctx())
    assert not violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (23, 30, "h")
    assert violation.text.startswith("'Tempo' (Tue 18:00) starts 23 h after heavy lower lift")
    assert "loses quality" in violation.text
    assert violation.fix.startswith("move 'Tempo' to Wed 01:00 or later")
    assert sch_4.penalty(sessions, ctx()) == 40


@pytest.mark.parametrize(
    ("goal", "priority", "points"),
    [
        (GoalKind.RACE, Priority.RUNNING, 40),
        (GoalKind.FAT_LOSS, Priority.RUNNING, 40),
        (GoalKind.STRENGTH, Priority.LIFTING, 20),
        (GoalKind.HYPERTROPHY, Priority.BALANCED, 20),  # balanced: the goal lifts first
        (GoalKind.GENERAL_FITNESS, Priority.LIFTING, 20),
    ],
)
def test_when_lifting_comes_first_the_runs_quality_weighs_half(
    goal: GoalKind, priority: Priority, points: int
) -> None:
    sessions = [
        lift("Squats", MON, "18:00", kind=HEAVY),
        run("Tempo", TUE, "18:00", kind=RunKind.TEMPO),
    ]
    context = ctx(goal=goal, priority=priority)
    assert sch_4.quality_points(context) == points
    assert sch_4.penalty(sessions, context) == points


@pytest.mark.parametrize(
    ("kind", "minutes", "priced"),
    [
        (RunKind.INTERVALS, 45, True),
        (RunKind.HILLS, 40, True),
        (RunKind.LONG, 80, True),  # a long run is a quality run at any length
        (RunKind.EASY, 100, True),  # over 90 min: a hard run
        (RunKind.EASY, 60, False),
        (RunKind.RECOVERY, 30, False),
    ],
)
def test_which_runs_the_day_after_are_priced(kind: RunKind, minutes: int, *, priced: bool) -> None:
    sessions = [
        lift("Squats", MON, "07:00", kind=HEAVY),
        run("Run", TUE, "07:00", kind=kind, minutes=minutes),
    ]
    assert sch_4.penalty(sessions, ctx()) == (40 if priced else 0)
    assert all(not v.hard for v in sch_4.check(sessions, ctx()))


@pytest.mark.parametrize(("profile", "window_h"), QUALITY)
def test_the_quality_window_per_profile(profile: EvidenceProfile, window_h: int) -> None:
    # Squats end at 08:00 on Monday; the long run starts window_h - 0.25 h or window_h later.
    day, clock = _clock(8 * 60 + window_h * 60 - 15)
    short = [lift("Squats", MON, "07:00", kind=HEAVY), run("Long", day, clock, kind=RunKind.LONG)]
    assert sch_4.penalty(short, ctx(profile=profile)) == 40
    day, clock = _clock(8 * 60 + window_h * 60)
    enough = [lift("Squats", MON, "07:00", kind=HEAVY), run("Long", day, clock, kind=RunKind.LONG)]
    assert sch_4.penalty(enough, ctx(profile=profile)) == 0
    assert list(sch_4.check(enough, ctx(profile=profile))) == []


def test_a_quality_run_too_soon_is_hard_and_not_priced_twice() -> None:
    sessions = [
        lift("Squats", MON, "07:00", kind=HEAVY),
        run("Tempo", MON, "10:00", kind=RunKind.TEMPO),
    ]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    assert violation.limit == 6
    assert sch_4.penalty(sessions, ctx()) == 0


def test_hard_run_too_soon_before_heavy_lower() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        lift("Squats", MON, "19:30", kind=HEAVY),
    ]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit) == (11.75, 12)
    assert [s.id for s in violation.sessions] == ["Intervals", "Squats"]
    assert "hard run 'Intervals' ends 11.75 h before heavy lower lift" in violation.text
    assert violation.fix == "start 'Squats' at 19:45 or later"


def test_hard_run_twelve_hours_before_heavy_lower_is_fine() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        lift("Squats", MON, "19:45", kind=HEAVY),
    ]
    assert list(sch_4.check(sessions, ctx())) == []


def test_easy_run_before_heavy_lower_is_not_judged() -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Squats", MON, "09:00", kind=HEAVY)]
    assert list(sch_4.check(sessions, ctx())) == []


def test_long_run_over_ninety_minutes_counts_as_hard() -> None:
    long_run = run("Long", MON, "07:00", kind=RunKind.LONG, minutes=100)
    sessions = [long_run, lift("Squats", MON, "12:00", kind=HEAVY)]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    just_ninety = run("Long", MON, "07:00", kind=RunKind.LONG, minutes=90)
    assert list(sch_4.check([just_ninety, lift("Squats", MON, "12:00", kind=HEAVY)], ctx())) == []


def test_lifts_that_are_not_heavy_lower_are_not_judged() -> None:
    sessions = [
        lift("Upper", MON, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
        run("Easy", MON, "08:30"),
        lift("Full body, no legs", TUE, "07:00", groups=UPPER_GROUPS),
        run("Tempo", TUE, "09:00", kind=RunKind.TEMPO),
    ]
    assert list(sch_4.check(sessions, ctx())) == []


def test_full_body_with_legs_counts_as_heavy_lower() -> None:
    sessions = [lift("Full", MON, "07:00", groups={MuscleGroup.LEGS}), run("Easy", MON, "09:00")]
    assert [v.hard for v in sch_4.check(sessions, ctx())] == [True]


@pytest.mark.parametrize(("profile", "limit_h"), AFTER)
def test_after_exactly_at_the_limit_is_allowed(profile: EvidenceProfile, limit_h: int) -> None:
    day, clock = _clock(8 * 60 + limit_h * 60)
    after = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", day, clock)]
    assert list(sch_4.check(after, ctx(profile=profile))) == []
    day, clock = _clock(8 * 60 + limit_h * 60 - 15)
    short = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", day, clock)]
    (violation,) = sch_4.check(short, ctx(profile=profile))
    assert (violation.measured, violation.limit, violation.hard) == (limit_h - 0.25, limit_h, True)


@pytest.mark.parametrize(("profile", "limit_h"), BEFORE)
def test_before_exactly_at_the_limit_is_allowed(profile: EvidenceProfile, limit_h: int) -> None:
    day, clock = _clock(7 * 60 + 45 + limit_h * 60)
    before = [
        run("Hills", MON, "07:00", kind=RunKind.HILLS),
        lift("Squats", day, clock, kind=HEAVY),
    ]
    assert list(sch_4.check(before, ctx(profile=profile))) == []
    day, clock = _clock(7 * 60 + 30 + limit_h * 60)
    short = [
        run("Hills", MON, "07:00", kind=RunKind.HILLS),
        lift("Squats", day, clock, kind=HEAVY),
    ]
    (violation,) = sch_4.check(short, ctx(profile=profile))
    assert (violation.measured, violation.limit, violation.hard) == (limit_h - 0.25, limit_h, True)


def test_across_the_week_boundary() -> None:
    sunday_run = run("Sunday tempo", SUN, "18:00", kind=RunKind.TEMPO)
    monday_squats = lift("Monday squats", SUN + 1, "06:00", kind=HEAVY)
    assert monday_squats.start == at(7, "06:00")
    assert [v.rule_id for v in check_week([sunday_run], ctx())] == []
    found = [v for v in check_sessions([sunday_run, monday_squats], ctx()) if v.hard]
    assert "SCH-4" in {v.rule_id for v in found}


def test_sunday_squats_then_monday_long_run_are_priced_across_the_boundary() -> None:
    sunday = lift("Sunday squats", SUN, "09:00", kind=HEAVY)
    monday = run("Monday long run", SUN + 1, "06:30", kind=RunKind.LONG, minutes=60)
    assert week_cost([sunday], ctx()).terms[RuleId("SCH-4")] == 0
    assert week_cost([sunday, monday], ctx()).terms[RuleId("SCH-4")] == 40


def test_a_week_of_well_spaced_sessions_passes() -> None:
    sessions = [
        lift("Squats", MON, "18:00", kind=HEAVY),
        run("Easy", TUE, "07:00"),
        run("Intervals", THU, "07:00", kind=RunKind.INTERVALS),
        lift("Deadlifts", FRI, "18:00", kind=HEAVY),
        run("Long", SAT + 1, "09:00", kind=RunKind.LONG, minutes=100),
    ]
    assert list(sch_4.check(sessions, ctx())) == []
