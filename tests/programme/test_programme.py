"""The whole programme of the example athlete (``build_plan``)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan
from runlift.domain.sessions import ScheduledSession
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions
from runlift.vocabulary import Modality, RunKind

HALF_MARATHON_LIFTER = (
    Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
)


@pytest.fixture(scope="module")
def half_marathon_lifter() -> tuple[AthleteProfile, Plan]:
    """The example athlete and her plan, built once for this module."""
    profile = read_profile(HALF_MARATHON_LIFTER.read_text(encoding="utf-8"))
    return profile, build_plan(profile, library=exercise_library())


def _sessions(plan: Plan) -> list[ScheduledSession]:
    return [s.scheduled for week in plan.weeks for day in week.days for s in day.sessions]


def _per_local_date(
    sessions: list[ScheduledSession], timezone: str, modality: Modality
) -> Counter[date]:
    zone = ZoneInfo(timezone)
    return Counter(s.start.astimezone(zone).date() for s in sessions if s.spec.modality is modality)


def test_rl1_no_day_of_the_half_marathon_plan_has_two_runs(
    half_marathon_lifter: tuple[AthleteProfile, Plan],
) -> None:
    profile, plan = half_marathon_lifter
    runs = _per_local_date(_sessions(plan), profile.timezone, Modality.RUN)
    assert sum(runs.values()) > len(plan.weeks) * 2  # the plan does run, several times a week
    assert {day: n for day, n in runs.items() if n > 1} == {}


def test_rl1_no_day_of_the_half_marathon_plan_has_two_lifts(
    half_marathon_lifter: tuple[AthleteProfile, Plan],
) -> None:
    profile, plan = half_marathon_lifter
    lifts = _per_local_date(_sessions(plan), profile.timezone, Modality.LIFT)
    assert sum(lifts.values()) >= len(plan.weeks)
    assert {day: n for day, n in lifts.items() if n > 1} == {}


def test_rl1_race_day_of_the_half_marathon_plan_holds_only_the_race(
    half_marathon_lifter: tuple[AthleteProfile, Plan],
) -> None:
    profile, plan = half_marathon_lifter
    zone = ZoneInfo(profile.timezone)
    sessions = _sessions(plan)
    (race,) = [s for s in sessions if s.spec.kind is RunKind.RACE]
    race_day = race.start.astimezone(zone).date()
    assert race_day == date(2027, 4, 11)
    same_day_runs = [
        s.id for s in sessions if s.spec.is_run and s.start.astimezone(zone).date() == race_day
    ]
    assert same_day_runs == [race.id]


def test_rl1_checker_finds_nothing_in_the_half_marathon_plan(
    half_marathon_lifter: tuple[AthleteProfile, Plan],
) -> None:
    profile, plan = half_marathon_lifter
    found = check_sessions(_sessions(plan), week_context(profile))
    assert [v.text for v in found if v.rule_id == "RL-1"] == []
