"""SCH-10: at least rest_days_min rest days a week (40 per missing day)."""

from __future__ import annotations

import pytest
from rules_builders import MON, SUN, ctx, lift, run

from runlift.errors import InvalidInput
from runlift.rules.checkers import sch_10
from runlift.vocabulary import EvidenceProfile


def test_six_training_days_leave_one_rest_day() -> None:
    sessions = [run(f"Run {d}", d, "07:00") for d in range(6)]
    assert list(sch_10.check(sessions, ctx())) == []
    assert sch_10.penalty(sessions, ctx()) == 0


def test_seven_training_days_cost_forty() -> None:
    sessions = [run(f"Run {d}", d, "07:00") for d in range(7)]
    sessions.append(lift("Key lift", MON, "18:00", key=True))
    (violation,) = sch_10.check(sessions, ctx())
    assert not violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (0, 1, "rest days")
    assert violation.text == "week 2024-W01 has 0 rest days; at least 1 wanted"
    # Monday holds a key session, so the lightest day is Tuesday
    assert violation.fix == "move 'Run 1' from Tue 2024-01-02 onto another training day"
    assert sch_10.penalty(sessions, ctx()) == 40


def test_two_sessions_on_a_day_are_one_training_day() -> None:
    sessions = [run(f"Run {d}", d, "07:00") for d in range(6)]
    sessions.append(lift("Lift", MON, "18:00"))
    assert sch_10.penalty(sessions, ctx()) == 0


@pytest.mark.parametrize(("training_days", "expected"), [(4, 0), (5, 0), (6, 40), (7, 80)])
def test_two_rest_days_wanted(training_days: int, expected: int) -> None:
    sessions = [run(f"Run {d}", d, "07:00") for d in range(training_days)]
    assert sch_10.penalty(sessions, ctx(rest_days_min=2)) == expected


def test_fix_asks_for_more_days_when_several_are_missing() -> None:
    sessions = [run(f"Run {d}", d, "07:00") for d in range(7)]
    (violation,) = sch_10.check(sessions, ctx(rest_days_min=3))
    assert violation.fix.endswith("and free 2 more days")
    assert sch_10.penalty(sessions, ctx(rest_days_min=3)) == 120


def test_empty_week_is_fine_and_zero_minimum_never_costs() -> None:
    assert sch_10.penalty([], ctx()) == 0
    full = [run(f"Run {d}", d, "07:00") for d in range(7)]
    assert sch_10.penalty(full, ctx(rest_days_min=0)) == 0


def test_each_iso_week_is_judged_on_its_own() -> None:
    two_weeks = [run(f"Run {d}", d, "07:00") for d in range(14)]
    assert sch_10.penalty(two_weeks, ctx()) == 80
    straddling = [run(f"Run {d}", d, "07:00") for d in range(3, 11)]
    assert sch_10.penalty(straddling, ctx()) == 0


def test_rest_days_follow_local_dates() -> None:
    # 23:30 UTC on Sunday is already Monday in Paris: Sunday becomes a rest day there.
    sessions = [run(f"Run {d}", d, "07:00") for d in range(6)]
    sessions.append(run("Late", SUN, "23:30"))
    assert sch_10.penalty(sessions, ctx()) == 40
    assert sch_10.penalty(sessions, ctx(timezone="Europe/Paris")) == 0


@pytest.mark.parametrize("minimum", [-1, 8])
def test_impossible_minimum_raises(minimum: int) -> None:
    with pytest.raises(InvalidInput):
        sch_10.penalty([run("R", MON, "07:00")], ctx(rest_days_min=minimum))


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_price(profile: EvidenceProfile) -> None:
    full = [run(f"Run {d}", d, "07:00") for d in range(7)]
    assert sch_10.penalty(full, ctx(profile=profile)) == 40
