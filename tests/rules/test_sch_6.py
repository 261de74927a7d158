"""SCH-6: the two parts of a combined block: allowed, same day, 10-20 min apart, priority first."""

from __future__ import annotations

import pytest
from rules_builders import MON, TUE, ctx, lift, run

from runlift.rules.checkers import sch_6
from runlift.vocabulary import EvidenceProfile, GoalKind

ALLOWED = ctx(allow_combined=True)
GAPS = [
    # profile, min_gap_min, max_gap_min
    (EvidenceProfile.DEFAULT, 10, 20),
    (EvidenceProfile.MODERATE, 10, 20),
    (EvidenceProfile.STRICT, 15, 20),
]


def test_well_formed_block_is_fine() -> None:
    sessions = [lift("Lift", MON, "07:00", combined_with="Run"), run("Run", MON, "08:15")]
    assert list(sch_6.check(sessions, ALLOWED)) == []


def test_block_not_allowed() -> None:
    sessions = [lift("Lift", MON, "07:00", combined_with="Run"), run("Run", MON, "08:15")]
    (violation,) = sch_6.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (1, 0, "combined blocks")
    assert violation.fix == "schedule 'Run' as a separate session on another day"


@pytest.mark.parametrize(("profile", "low", "high"), GAPS)
def test_gap_bounds_are_inclusive(profile: EvidenceProfile, low: int, high: int) -> None:
    context = ctx(allow_combined=True, profile=profile)
    for gap in (low, high):
        sessions = [lift("Lift", MON, "07:00", combined_with="Run"), run("Run", MON, f"08:{gap}")]
        assert list(sch_6.check(sessions, context)) == []


@pytest.mark.parametrize(("profile", "low", "high"), GAPS)
def test_gap_outside_bounds(profile: EvidenceProfile, low: int, high: int) -> None:
    context = ctx(allow_combined=True, profile=profile)
    for gap, limit in ((low - 1, low), (high + 1, high)):
        sessions = [
            lift("Lift", MON, "07:00", combined_with="Run"),
            run("Run", MON, f"08:{gap:02d}"),
        ]
        (violation,) = sch_6.check(sessions, context)
        assert (violation.measured, violation.limit, violation.unit) == (gap, limit, "min")
        assert violation.fix == f"start 'Run' between 08:{low} and 08:{high}"


def test_priority_part_first() -> None:
    sessions = [
        run("Run", MON, "07:00", minutes=60, combined_with="Lift"),
        lift("Lift", MON, "08:15"),
    ]
    (violation,) = sch_6.check(sessions, ALLOWED)
    assert (violation.measured, violation.limit, violation.unit) == (2, 1, "position")
    assert violation.fix == "swap the parts: 'Lift' first, then 'Run'"
    race = ctx(allow_combined=True, goal=GoalKind.RACE)
    assert list(sch_6.check(sessions, race)) == []


def test_parts_on_different_days() -> None:
    sessions = [lift("Lift", MON, "07:00", combined_with="Run"), run("Run", TUE, "08:15")]
    (violation,) = sch_6.check(sessions, ALLOWED)
    assert (violation.measured, violation.unit) == (1, "days")
    assert violation.fix == "start 'Run' on Mon 2024-01-01, 10-20 min after 'Lift' ends"


def test_link_on_both_sides_is_one_block() -> None:
    sessions = [
        lift("Lift", MON, "07:00", combined_with="Run"),
        run("Run", MON, "08:30", combined_with="Lift"),
    ]
    assert len(list(sch_6.check(sessions, ALLOWED))) == 1
    assert len(sch_6.combined_blocks(sessions)) == 1


def test_partner_missing_or_self_is_not_judged() -> None:
    sessions = [lift("Lift", MON, "07:00", combined_with="Gone"), run("Run", MON, "08:00")]
    assert list(sch_6.check(sessions, ctx())) == []
    assert sch_6.combined_blocks([run("Self", MON, "07:00", combined_with="Self")]) == []


def test_sessions_without_a_block_are_not_judged() -> None:
    sessions = [lift("Lift", MON, "07:00"), run("Run", MON, "08:05")]
    assert list(sch_6.check(sessions, ctx())) == []
