"""SCH-1: a lift and a run on one local date are min_gap_h apart; preferred_gap_h costs less."""

from __future__ import annotations

import pytest
from rules_builders import MON, TUE, ctx, lift, run

from runlift.rules.checkers import sch_1
from runlift.vocabulary import EvidenceProfile, GoalKind, RunKind

PROFILES = [
    # profile, min_gap_h, preferred_gap_h
    (EvidenceProfile.DEFAULT, 6, 8),
    (EvidenceProfile.MODERATE, 4, 6),
    (EvidenceProfile.STRICT, 8, 12),
]


def _minutes_after_8(gap_min: int) -> str:
    total = 8 * 60 + gap_min
    return f"{total // 60:02d}:{total % 60:02d}"


def test_feasible_week_has_no_violation() -> None:
    sessions = [lift("Squats", MON, "07:00"), run("Easy", MON, "16:00")]
    assert list(sch_1.check(sessions, ctx())) == []
    assert sch_1.penalty(sessions, ctx()) == 0


def test_violation_reports_gap_limit_and_fix() -> None:
    sessions = [lift("Squats", MON, "07:00"), run("Intervals", MON, "12:00")]
    (violation,) = sch_1.check(sessions, ctx())
    assert violation.hard
    assert violation.rule_id == "SCH-1"
    assert violation.measured == 4.0
    assert violation.limit == 6.0
    assert violation.unit == "h"
    assert [s.id for s in violation.sessions] == ["Squats", "Intervals"]
    assert "'Intervals' starts 4 h after 'Squats' ends" in violation.text
    assert violation.fix == "move 'Intervals' to Tuesday or start it at 14:00 or later"
    # 4 whole hours short of the preferred 8 h, weight 2
    assert sch_1.penalty(sessions, ctx()) == 8


def test_fix_skips_days_that_already_have_the_other_modality() -> None:
    sessions = [
        lift("Squats", MON, "07:00"),
        run("Intervals", MON, "12:00"),
        lift("Bench", TUE, "07:00"),
    ]
    violation = next(iter(sch_1.check(sessions, ctx())))
    assert violation.fix.startswith("move 'Intervals' to Wednesday")


def test_run_first_counts_the_same() -> None:
    sessions = [run("Easy", MON, "07:00", minutes=60), lift("Squats", MON, "10:00")]
    (violation,) = sch_1.check(sessions, ctx())
    assert violation.measured == 2.0
    assert violation.fix.endswith("start it at 14:00 or later")


def test_fix_when_minimum_gap_crosses_midnight() -> None:
    sessions = [lift("Late lift", MON, "20:00"), run("Late run", MON, "22:00")]
    (violation,) = sch_1.check(sessions, ctx())
    assert violation.fix == "move 'Late run' to Tuesday"


def test_different_days_are_not_judged_even_across_midnight() -> None:
    sessions = [lift("Late lift", MON, "22:00"), run("Early run", TUE, "00:00")]
    assert list(sch_1.check(sessions, ctx())) == []
    assert sch_1.penalty(sessions, ctx()) == 0


def test_parts_of_a_combined_block_are_exempt() -> None:
    sessions = [
        lift("Lift part", MON, "07:00", combined_with="Run part"),
        run("Run part", MON, "08:15"),
    ]
    assert list(sch_1.check(sessions, ctx(allow_combined=True))) == []
    assert sch_1.penalty(sessions, ctx(allow_combined=True)) == 0


@pytest.mark.parametrize(("profile", "min_gap_h", "preferred_gap_h"), PROFILES)
def test_exactly_at_the_minimum_is_allowed(
    profile: EvidenceProfile, min_gap_h: int, preferred_gap_h: int
) -> None:
    context = ctx(profile=profile)
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, _minutes_after_8(min_gap_h * 60))]
    violations = list(sch_1.check(sessions, context))
    assert [v.hard for v in violations] == [False]
    assert violations[0].limit == preferred_gap_h
    assert sch_1.penalty(sessions, context) == 2 * (preferred_gap_h - min_gap_h)


@pytest.mark.parametrize(("profile", "min_gap_h", "preferred_gap_h"), PROFILES)
def test_a_quarter_hour_below_the_minimum_is_hard(
    profile: EvidenceProfile, min_gap_h: int, preferred_gap_h: int
) -> None:
    context = ctx(profile=profile)
    start = _minutes_after_8(min_gap_h * 60 - 15)
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, start)]
    (violation,) = sch_1.check(sessions, context)
    assert violation.hard
    assert violation.measured == min_gap_h - 0.25
    assert violation.limit == min_gap_h
    # whole hours short: floor(preferred - gap)
    assert sch_1.penalty(sessions, context) == 2 * (preferred_gap_h - min_gap_h)


@pytest.mark.parametrize(("profile", "min_gap_h", "preferred_gap_h"), PROFILES)
def test_exactly_at_the_preferred_gap_costs_nothing(
    profile: EvidenceProfile, min_gap_h: int, preferred_gap_h: int
) -> None:
    context = ctx(profile=profile)
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, _minutes_after_8(preferred_gap_h * 60))]
    assert list(sch_1.check(sessions, context)) == []
    assert sch_1.penalty(sessions, context) == 0
    assert min_gap_h < preferred_gap_h


def test_part_hours_short_do_not_count() -> None:
    # 7 h 45 min: a quarter hour short of 8 h is no whole hour
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, "15:45")]
    assert sch_1.penalty(sessions, ctx()) == 0
    assert list(sch_1.check(sessions, ctx())) == []
    # 6 h 45 min: 1.25 h short is one whole hour
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, "14:45")]
    assert sch_1.penalty(sessions, ctx()) == 2


def test_every_same_day_pair_is_judged() -> None:
    sessions = [
        lift("Lift", MON, "07:00"),
        run("Run 1", MON, "10:00", kind=RunKind.TEMPO),
        run("Run 2", MON, "11:00"),
    ]
    assert len([v for v in sch_1.check(sessions, ctx()) if v.hard]) == 2
    # 2 h and 3 h gaps: 6 + 5 whole hours short of 8
    assert sch_1.penalty(sessions, ctx(goal=GoalKind.RACE)) == 22


def test_same_day_means_the_athletes_local_date() -> None:
    # 14:00 and 16:00 UTC on Monday are Monday 23:00 and Tuesday 01:00 in Tokyo.
    sessions = [lift("Lift", MON, "14:00"), run("Run", MON, "16:00")]
    assert len(list(sch_1.check(sessions, ctx()))) == 1
    assert list(sch_1.check(sessions, ctx(timezone="Asia/Tokyo"))) == []


def test_fix_when_no_day_is_free_and_midnight_is_crossed() -> None:
    sessions = [lift(f"Lift {d}", d, "20:00") for d in range(7)] + [run("Late run", MON, "22:00")]
    violation = next(v for v in sch_1.check(sessions, ctx()) if v.hard)
    assert violation.fix == "move 'Late run' to another day"
