"""SCH-10: the athlete's rest days are hard; the guideline's one rest day costs 40 if missing."""

from __future__ import annotations

import pytest
from rules_builders import MON, SUN, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.errors import InvalidInput
from runlift.rules import check_sessions, rule
from runlift.rules.checkers import sch_10
from runlift.vocabulary import EvidenceProfile, RuleStrength


def _days(count: int, first: int = 0) -> list[ScheduledSession]:
    """One easy run a day at 07:00 on ``count`` days from day ``first`` (0 = Monday)."""
    return [run(f"Run {d}", d, "07:00") for d in range(first, first + count)]


def test_the_rule_is_hard_with_a_soft_part() -> None:
    declared = rule("SCH-10")
    assert declared.strength is RuleStrength.HARD
    assert declared.weight == 40
    assert declared.param("rest_days_min", EvidenceProfile.DEFAULT) == 1


def test_six_training_days_leave_one_rest_day() -> None:
    sessions = _days(6)
    assert list(sch_10.check(sessions, ctx())) == []
    assert sch_10.penalty(sessions, ctx()) == 0


def test_no_rest_day_against_a_minimum_of_one_is_a_hard_violation() -> None:
    sessions = _days(7)
    sessions.append(lift("Key lift", MON, "18:00", key=True))
    (violation,) = sch_10.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (0, 1, "rest days")
    assert violation.text == "week 2024-W01 has 0 rest days; the athlete asked for at least 1"
    # Monday holds a key session, so the lightest day is Tuesday
    assert violation.fix == "move 'Run 1' from Tue 2024-01-02 onto another training day, or drop it"
    # The hard part stands for the week: nothing is priced on top of it.
    assert sch_10.penalty(sessions, ctx()) == 0
    hard = {v.rule_id for v in check_sessions(sessions, ctx()) if v.hard}
    assert "SCH-10" in hard


def test_two_sessions_on_a_day_are_one_training_day() -> None:
    sessions = _days(6)
    sessions.append(lift("Lift", MON, "18:00"))
    assert list(sch_10.check(sessions, ctx())) == []


@pytest.mark.parametrize(("training_days", "hard"), [(4, False), (5, False), (6, True), (7, True)])
def test_two_rest_days_asked_for(training_days: int, *, hard: bool) -> None:
    found = list(sch_10.check(_days(training_days), ctx(rest_days_min=2)))
    assert [v.hard for v in found] == ([True] if hard else [])


@pytest.mark.parametrize("minimum", [1, 2, 3, 6])
def test_the_athletes_minimum_is_what_is_asked(minimum: int) -> None:
    # Exactly the minimum passes; one training day more breaks it.
    assert list(sch_10.check(_days(7 - minimum), ctx(rest_days_min=minimum))) == []
    (violation,) = sch_10.check(_days(8 - minimum), ctx(rest_days_min=minimum))
    assert violation.hard
    assert violation.limit == minimum


def test_fix_asks_for_more_days_when_several_are_missing() -> None:
    (violation,) = sch_10.check(_days(7), ctx(rest_days_min=3))
    assert violation.fix.endswith("and free 2 more days")


def test_with_no_minimum_asked_the_guidelines_rest_day_is_priced() -> None:
    full = _days(7)
    (violation,) = sch_10.check(full, ctx(rest_days_min=0))
    assert not violation.hard
    assert (
        violation.text == "week 2024-W01 has 0 rest days; at least 1 a week is better for recovery"
    )
    assert sch_10.penalty(full, ctx(rest_days_min=0)) == 40
    assert sch_10.penalty(_days(6), ctx(rest_days_min=0)) == 0


def test_empty_week_is_fine() -> None:
    assert list(sch_10.check([], ctx(rest_days_min=6))) == []
    assert sch_10.penalty([], ctx(rest_days_min=0)) == 0


def test_each_iso_week_is_judged_on_its_own() -> None:
    two_weeks = _days(14)
    assert [v.hard for v in sch_10.check(two_weeks, ctx())] == [True, True]
    assert sch_10.penalty(two_weeks, ctx(rest_days_min=0)) == 80
    straddling = _days(8, first=3)
    assert list(sch_10.check(straddling, ctx())) == []


def test_rest_days_follow_local_dates() -> None:
    # 23:30 UTC on Sunday is already Monday in Paris: Sunday becomes a rest day there.
    sessions = _days(6)
    sessions.append(run("Late", SUN, "23:30"))
    assert [v.hard for v in sch_10.check(sessions, ctx())] == [True]
    assert list(sch_10.check(sessions, ctx(timezone="Europe/Paris"))) == []


@pytest.mark.parametrize("minimum", [-1, 8])
def test_impossible_minimum_raises(minimum: int) -> None:
    with pytest.raises(InvalidInput):
        sch_10.penalty([run("R", MON, "07:00")], ctx(rest_days_min=minimum))
    with pytest.raises(InvalidInput):
        list(sch_10.check([run("R", MON, "07:00")], ctx(rest_days_min=minimum)))


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_changes_the_rule(profile: EvidenceProfile) -> None:
    full = _days(7)
    assert sch_10.penalty(full, ctx(profile=profile, rest_days_min=0)) == 40
    assert [v.hard for v in sch_10.check(full, ctx(profile=profile))] == [True]
