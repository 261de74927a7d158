"""RL-4: no heavy legs, explosive lift or hard run on race day or the day before (hard)."""

from __future__ import annotations

import pytest
from rules_builders import FRI, MON, SAT, SUN, THU, UPPER_GROUPS, WED, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.rules import check_sessions, check_week
from runlift.rules.catalogue.conventions import RL_4
from runlift.rules.checkers import rl_4
from runlift.vocabulary import LiftKind, MuscleGroup, RuleStrength, RunKind


def _race(day: int = SUN) -> ScheduledSession:
    return run("Half marathon", day, "09:00", kind=RunKind.RACE, minutes=110)


def test_rl_4_is_hard_with_its_sources() -> None:
    assert RL_4.strength is RuleStrength.HARD
    assert RL_4.weight is None
    assert RL_4.param("days_before", ctx().profile) == 1
    assert "runlift convention" in RL_4.sources
    assert any(source.startswith("Bosquet 2007") for source in RL_4.sources)


@pytest.mark.parametrize(
    "session",
    [
        run("Tempo", SAT, "08:00", kind=RunKind.TEMPO),
        run("Strides", SAT, "08:00", kind=RunKind.SPRINTS, minutes=20),
        run("Long easy", SAT, "08:00", minutes=95),
        lift("Squats", SAT, "08:00", kind=LiftKind.HEAVY_LOWER),
        lift("Full body", SAT, "08:00"),
        lift("Jumps", SAT, "08:00", kind=LiftKind.EXPLOSIVE, groups={MuscleGroup.LEGS}),
        lift("Hops", SAT, "08:00", kind=LiftKind.RUNNER_STRENGTH, explosive=True),
        lift("Squats on race day", SUN, "17:00", kind=LiftKind.HEAVY_LOWER),
    ],
)
def test_hard_sessions_next_to_the_race_are_refused(session: ScheduledSession) -> None:
    (violation,) = rl_4.check([session, _race()], ctx())
    assert violation.hard
    assert [s.id for s in violation.sessions] == [session.id, "Half marathon"]
    assert "the legs should arrive fresh" in violation.text
    assert violation.fix.startswith(f"move '{session.id}' to Fri 2024-01-05 or earlier")


def test_the_wording_names_the_day() -> None:
    (before,) = rl_4.check([run("Tempo", SAT, "08:00", kind=RunKind.TEMPO), _race()], ctx())
    assert before.text == (
        "'Tempo' on Sat 2024-01-06 is a hard run the day before the race 'Half marathon' "
        "(Sun 2024-01-07); the legs should arrive fresh"
    )
    assert before.measured == 1
    (same,) = rl_4.check([_race(), lift("Squats", SUN, "17:00", kind=LiftKind.HEAVY_LOWER)], ctx())
    assert "is a heavy lower or explosive lift on the day of the race" in same.text
    assert same.measured == 0


@pytest.mark.parametrize(
    "session",
    [
        run("Shake-out", SAT, "08:00", minutes=25),
        lift("Upper", SAT, "08:00", kind=LiftKind.UPPER, groups=UPPER_GROUPS),
        lift("Runner strength", SAT, "08:00", kind=LiftKind.RUNNER_STRENGTH),
        run("Tempo on Friday", FRI, "08:00", kind=RunKind.TEMPO),
        lift("Squats on Thursday", THU, "18:00", kind=LiftKind.HEAVY_LOWER),
    ],
)
def test_easy_sessions_and_earlier_days_are_fine(session: ScheduledSession) -> None:
    assert list(rl_4.check([session, _race()], ctx())) == []


def test_without_a_race_nothing_is_judged() -> None:
    sessions = [run("Tempo", SAT, "08:00", kind=RunKind.TEMPO), lift("Squats", WED, "18:00")]
    assert list(rl_4.check(sessions, ctx())) == []


def test_a_monday_race_protects_the_sunday_before_across_weeks() -> None:
    sunday = lift("Sunday squats", SUN, "10:00", kind=LiftKind.HEAVY_LOWER)
    monday_race = _race(SUN + 1)
    assert [v for v in check_week([sunday], ctx()) if v.rule_id == "RL-4"] == []
    found = [v for v in check_sessions([sunday, monday_race], ctx()) if v.rule_id == "RL-4"]
    assert len(found) == 1
    assert found[0].hard


def test_each_race_is_judged() -> None:
    sessions = [
        run("5k", WED, "19:00", kind=RunKind.RACE, minutes=25),
        lift("Squats", MON, "18:00", kind=LiftKind.HEAVY_LOWER),
        run("Tempo", SAT, "08:00", kind=RunKind.TEMPO),
        _race(),
    ]
    assert [v.sessions[0].id for v in rl_4.check(sessions, ctx())] == ["Tempo"]
    sessions.append(lift("Deadlifts", WED - 1, "18:00", kind=LiftKind.HEAVY_LOWER))
    assert sorted(v.sessions[0].id for v in rl_4.check(sessions, ctx())) == ["Deadlifts", "Tempo"]
