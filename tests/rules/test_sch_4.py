"""SCH-4: no run soon after a heavy-lower lift, no hard run soon before one."""

from __future__ import annotations

import pytest
from rules_builders import MON, SUN, TUE, UPPER_GROUPS, at, ctx, lift, run

from runlift.rules import check_sessions, check_week
from runlift.rules.checkers import sch_4
from runlift.vocabulary import EvidenceProfile, LiftKind, MuscleGroup, RunKind

HEAVY = LiftKind.HEAVY_LOWER
LIMITS = [
    (EvidenceProfile.DEFAULT, 12),
    (EvidenceProfile.MODERATE, 8),
    (EvidenceProfile.STRICT, 24),
]


def _clock(minutes: int) -> tuple[int, str]:
    """(day offset, HH:MM) for ``minutes`` after Monday 00:00."""
    day, rest = divmod(minutes, 24 * 60)
    return day, f"{rest // 60:02d}:{rest % 60:02d}"


def test_run_twelve_hours_after_heavy_lower_is_fine() -> None:
    sessions = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", MON, "20:00")]
    assert list(sch_4.check(sessions, ctx())) == []


def test_run_too_soon_after_heavy_lower() -> None:
    sessions = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", MON, "19:45")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (11.75, 12, "h")
    assert [s.id for s in violation.sessions] == ["Squats", "Easy"]
    assert "after heavy lower lift 'Squats' ends" in violation.text
    assert violation.fix == "start 'Easy' at 20:00 or later"


def test_across_midnight() -> None:
    sessions = [lift("Squats", MON, "18:00", kind=HEAVY), run("Easy", TUE, "06:00")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.measured == 11
    assert violation.fix == "start 'Easy' at 07:00 or later"


def test_fix_names_the_day_when_it_changes() -> None:
    sessions = [lift("Squats", MON, "18:00", kind=HEAVY), run("Easy", MON, "20:00")]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.fix == "move 'Easy' to Tue 07:00 or later"


def test_hard_run_too_soon_before_heavy_lower() -> None:
    sessions = [
        run("Intervals", MON, "07:00", kind=RunKind.INTERVALS),
        lift("Squats", MON, "19:30", kind=HEAVY),
    ]
    (violation,) = sch_4.check(sessions, ctx())
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
    assert len(list(sch_4.check(sessions, ctx()))) == 1
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
    assert len(list(sch_4.check(sessions, ctx()))) == 1


def test_hard_run_after_heavy_lower_is_judged_once() -> None:
    sessions = [
        lift("Squats", MON, "07:00", kind=HEAVY),
        run("Tempo", MON, "10:00", kind=RunKind.TEMPO),
    ]
    (violation,) = sch_4.check(sessions, ctx())
    assert violation.limit == 12


@pytest.mark.parametrize(("profile", "limit_h"), LIMITS)
def test_exactly_at_the_limit_is_allowed(profile: EvidenceProfile, limit_h: int) -> None:
    day, clock = _clock(8 * 60 + limit_h * 60)
    after = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", day, clock)]
    assert list(sch_4.check(after, ctx(profile=profile))) == []
    day, clock = _clock(7 * 60 + 45 + limit_h * 60)
    before = [
        run("Hills", MON, "07:00", kind=RunKind.HILLS),
        lift("Squats", day, clock, kind=HEAVY),
    ]
    assert list(sch_4.check(before, ctx(profile=profile))) == []


@pytest.mark.parametrize(("profile", "limit_h"), LIMITS)
def test_a_quarter_hour_short_is_a_violation(profile: EvidenceProfile, limit_h: int) -> None:
    day, clock = _clock(8 * 60 + limit_h * 60 - 15)
    after = [lift("Squats", MON, "07:00", kind=HEAVY), run("Easy", day, clock)]
    (violation,) = sch_4.check(after, ctx(profile=profile))
    assert (violation.measured, violation.limit) == (limit_h - 0.25, limit_h)
    day, clock = _clock(7 * 60 + 30 + limit_h * 60)
    before = [
        run("Hills", MON, "07:00", kind=RunKind.HILLS),
        lift("Squats", day, clock, kind=HEAVY),
    ]
    (violation,) = sch_4.check(before, ctx(profile=profile))
    assert (violation.measured, violation.limit) == (limit_h - 0.25, limit_h)


def test_across_the_week_boundary() -> None:
    sunday_run = run("Sunday tempo", SUN, "18:00", kind=RunKind.TEMPO)
    monday_squats = lift("Monday squats", SUN + 1, "06:00", kind=HEAVY)
    assert monday_squats.start == at(7, "06:00")
    assert [v.rule_id for v in check_week([sunday_run], ctx())] == []
    found = [v for v in check_sessions([sunday_run, monday_squats], ctx()) if v.hard]
    assert "SCH-4" in {v.rule_id for v in found}
