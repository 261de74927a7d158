"""SCH-7: legs, back and chest on 2-3 days a week; at most 3 lifts (4 when lifting comes first)."""

from __future__ import annotations

import pytest
from rules_builders import FRI, MON, THU, TUE, UPPER_GROUPS, WED, ctx, lift, run

from runlift.rules.checkers import sch_7
from runlift.vocabulary import EvidenceProfile, LiftKind, MuscleGroup, Priority

LEGS = frozenset({MuscleGroup.LEGS})


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_three_full_body_lifts_are_fine(profile: EvidenceProfile) -> None:
    sessions = [lift("A", MON, "07:00"), lift("B", WED, "07:00"), lift("C", FRI, "07:00")]
    assert list(sch_7.check(sessions, ctx(profile=profile))) == []


def test_two_days_per_group_is_the_lower_bound() -> None:
    sessions = [lift("A", MON, "07:00"), lift("B", THU, "07:00")]
    assert list(sch_7.check(sessions, ctx())) == []


def test_one_day_of_legs_is_too_few() -> None:
    sessions = [
        lift("A", MON, "07:00"),
        lift("B", WED, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
    ]
    (violation,) = sch_7.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (1, 2, "days")
    assert violation.text == "week 2024-W01: legs is lifted on 1 day; 2-3 needed"
    assert violation.fix == "add legs work to 1 more lift on other days"


def test_group_never_trained_lists_every_lift() -> None:
    sessions = [
        lift("A", MON, "07:00", groups=LEGS),
        lift("B", WED, "07:00", groups=LEGS),
    ]
    violations = list(sch_7.check(sessions, ctx()))
    assert [(v.text.split(":")[1].split()[0], v.measured) for v in violations] == [
        ("back", 0),
        ("chest", 0),
    ]
    assert all(len(v.sessions) == 2 for v in violations)


def test_two_lifts_on_one_day_count_as_one_day() -> None:
    sessions = [lift("A", MON, "07:00"), lift("A2", MON, "18:00"), lift("B", WED, "07:00")]
    assert list(sch_7.check(sessions, ctx())) == []
    sessions = [lift("A", MON, "07:00"), lift("A2", MON, "18:00")]
    assert {v.measured for v in sch_7.check(sessions, ctx())} == {1}


def test_four_lifts_are_too_many_unless_lifting_first() -> None:
    upper_lower = [
        lift("Upper 1", MON, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
        lift("Lower 1", TUE, "07:00", kind=LiftKind.HEAVY_LOWER, groups=LEGS),
        lift("Upper 2", THU, "07:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
        lift("Lower 2", FRI, "07:00", kind=LiftKind.HEAVY_LOWER, groups=LEGS, key=True),
    ]
    for priority in (Priority.BALANCED, Priority.RUNNING):
        (violation,) = sch_7.check(upper_lower, ctx(priority=priority))
        assert (violation.measured, violation.limit, violation.unit) == (4, 3, "lifts")
        assert violation.fix == "drop 1 lift, e.g. 'Upper 2'"
    assert list(sch_7.check(upper_lower, ctx(priority=Priority.LIFTING))) == []
    five = [*upper_lower, lift("Extra", WED, "07:00", groups=frozenset())]
    (violation,) = sch_7.check(five, ctx(priority=Priority.LIFTING))
    assert (violation.measured, violation.limit) == (5, 4)


def test_four_days_of_a_group_is_too_many() -> None:
    sessions = [lift(name, day, "07:00") for name, day in (("A", MON), ("B", TUE), ("C", THU))]
    sessions.append(lift("D", FRI, "07:00", groups=LEGS))
    violations = list(sch_7.check(sessions, ctx(priority=Priority.LIFTING)))
    assert [(v.measured, v.limit) for v in violations] == [(4, 3)]
    assert violations[0].fix == "take legs out of 'D'"


def test_weeks_without_a_lift_are_not_judged() -> None:
    assert list(sch_7.check([run("R", MON, "07:00")], ctx())) == []


def test_each_iso_week_is_judged_on_its_own() -> None:
    sessions = [lift("A", MON, "07:00"), lift("B", THU, "07:00"), lift("Next", 7, "07:00")]
    violations = list(sch_7.check(sessions, ctx()))
    assert {v.text.split(":")[0] for v in violations} == {"week 2024-W02"}
    assert len(violations) == 3
