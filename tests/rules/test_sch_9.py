"""SCH-9: explosive work never starts after a run on the same local date."""

from __future__ import annotations

import pytest
from rules_builders import MON, TUE, ctx, lift, run

from runlift.rules.checkers import sch_9
from runlift.vocabulary import EvidenceProfile, LiftKind, RunKind

PLYO = LiftKind.EXPLOSIVE


def test_explosive_before_the_run_is_fine() -> None:
    sessions = [lift("Plyo", MON, "07:00", kind=PLYO), run("Easy", MON, "18:00")]
    assert list(sch_9.check(sessions, ctx())) == []


def test_explosive_after_a_run_is_hard() -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Plyo", MON, "18:00", kind=PLYO)]
    (violation,) = sch_9.check(sessions, ctx())
    assert violation.hard
    assert (violation.measured, violation.limit, violation.unit) == (1, 0, "runs before")
    assert [s.id for s in violation.sessions] == ["Easy", "Plyo"]
    assert "explosive 'Plyo' starts after the run 'Easy'" in violation.text
    assert violation.fix == "move it to Tuesday, or start 'Plyo' by 06:00 so it ends before the run"


def test_fix_names_the_previous_day_when_needed() -> None:
    sessions = [run("Easy", MON, "00:30")] + [run(f"R{d}", d, "07:00") for d in range(1, 7)]
    sessions.append(lift("Plyo", MON, "18:00", kind=PLYO))
    (violation,) = sch_9.check(sessions, ctx())
    assert violation.fix == "move 'Plyo' to start by Sun 23:30 so it ends before the run"


def test_any_session_with_explosive_work_counts() -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Full", MON, "18:00", explosive=True)]
    assert len(list(sch_9.check(sessions, ctx()))) == 1
    drills = [
        run("Easy", MON, "07:00"),
        run("Sprints", MON, "18:00", kind=RunKind.SPRINTS, explosive=True),
    ]
    assert len(list(sch_9.check(drills, ctx()))) == 1


def test_an_explosive_run_alone_is_fine() -> None:
    sessions = [run("Sprints", MON, "07:00", kind=RunKind.SPRINTS, explosive=True)]
    assert list(sch_9.check(sessions, ctx())) == []


def test_equal_start_is_not_after() -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Plyo", MON, "07:00", kind=PLYO)]
    assert list(sch_9.check(sessions, ctx())) == []


def test_run_on_another_day_is_not_judged() -> None:
    sessions = [run("Easy", MON, "20:00"), lift("Plyo", TUE, "06:00", kind=PLYO)]
    assert list(sch_9.check(sessions, ctx())) == []
    late = [run("Late", MON, "23:00"), lift("Plyo", TUE, "00:30", kind=PLYO)]
    assert list(sch_9.check(late, ctx())) == []


def test_every_run_before_is_counted() -> None:
    sessions = [
        run("Easy", MON, "06:00"),
        run("Strides", MON, "09:00"),
        lift("Plyo", MON, "18:00", kind=PLYO),
    ]
    (violation,) = sch_9.check(sessions, ctx())
    assert violation.measured == 2


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_no_profile_relaxes_the_rule(profile: EvidenceProfile) -> None:
    sessions = [run("Easy", MON, "07:00"), lift("Plyo", MON, "18:00", kind=PLYO)]
    assert len(list(sch_9.check(sessions, ctx(profile=profile)))) == 1
