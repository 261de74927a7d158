"""The athlete's rest days in a whole plan, and the rules that reach across Sunday night.

``rest_days_min`` is the athlete's word (SCH-10): every week keeps it, or leaves
sessions out and says so with the rule IDs, or the plan is refused with the
conflict and the change that would fix it. Weeks are placed with the week before
(and next week's race) as neighbours: no hard rule breaks across Sunday night,
and the soft costs across it are counted once, in the week of the later session.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan
from runlift.domain.week import WeekRequest
from runlift.errors import Infeasible
from runlift.io.profile import read_profile
from runlift.placement.week import InfeasibleWeek, WeekPlacement, place_week
from runlift.programme import assembly
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions, week_cost
from runlift.rules.model import CostBreakdown
from runlift.vocabulary import Phase, RunKind

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"


def _profile(
    name: str, *, rest_days_min: int, race_in_weeks: int, race_weekday: int = 6
) -> AthleteProfile:
    """An example athlete with another minimum of rest days and a nearer race."""
    profile = read_profile((EXAMPLES / name).read_text(encoding="utf-8"))
    assert profile.goal.race is not None
    monday = profile.start_date - timedelta(days=profile.start_date.weekday())
    race_day = monday + timedelta(weeks=race_in_weeks, days=race_weekday)
    race = dataclasses.replace(profile.goal.race, date=race_day)
    return dataclasses.replace(
        profile, rest_days_min=rest_days_min, goal=dataclasses.replace(profile.goal, race=race)
    )


def _sessions(plan: Plan) -> list[Any]:
    return [s.scheduled for week in plan.weeks for s in week.sessions]


def test_three_rest_days_are_kept_every_week_and_the_cuts_are_said() -> None:
    # The marathoner runs six times a week; three rest days leave four days to train.
    profile = _profile("marathon-runner-strength.yaml", rest_days_min=3, race_in_weeks=8)
    plan = build_plan(profile, library=exercise_library())
    for week in plan.weeks:
        assert sum(1 for day in week.days if not day.sessions) >= 3
        # The periodisation plans the runs the four days hold, and says why: no week
        # loses a run to the rest days after it was written.
        cut = [n for n in week.notes if "training runs instead of" in n]
        if week.phase is Phase.BUILD:
            assert len(cut) == 1, week.notes
        for note in cut:
            assert note.startswith("RL-1, SCH-10")
            assert "after your 3 rest days a week, 4 days are left to train" in note
        assert not [a for a in week.adjustments if "SCH-10" in a.rule_ids]
        assert len(week.sessions) <= 4 + 1  # four days, one of them a run and a lift
    assert not [v for v in check_sessions(_sessions(plan), week_context(profile)) if v.hard]


def test_an_impossible_minimum_is_refused_with_its_conflict_and_the_fix() -> None:
    # One training day a week cannot hold two lifts that SCH-7 wants on two days.
    profile = _profile("marathon-runner-strength.yaml", rest_days_min=6, race_in_weeks=8)
    with pytest.raises(Infeasible) as refused:
        build_plan(profile, library=exercise_library())
    message = str(refused.value)
    assert "SCH-10 (at least 6 rest days a week, as the athlete asked)" in message
    assert "lower rest_days_min from 6 to 5" in message


def test_a_monday_race_keeps_the_sunday_before_easy() -> None:
    # The race week starts with the race: the Sunday before belongs to the week before,
    # which is placed knowing the race (RL-4).
    profile = _profile(
        "half-marathon-lifter.yaml", rest_days_min=1, race_in_weeks=8, race_weekday=0
    )
    plan = build_plan(profile, library=exercise_library())
    race = next(
        s.scheduled for w in plan.weeks for s in w.sessions if s.scheduled.spec.kind is RunKind.RACE
    )
    assert race.start.weekday() == 0
    sunday = race.start.date() - timedelta(days=1)
    before = [
        s.scheduled.spec for w in plan.weeks for d in w.days if d.date == sunday for s in d.sessions
    ]
    assert not [s for s in before if s.is_hard_run or s.is_heavy_lower or s.is_explosive]
    assert not [v for v in check_sessions(_sessions(plan), week_context(profile)) if v.hard]


def test_the_costs_across_sunday_night_are_counted_once() -> None:
    profile = _profile("half-marathon-lifter.yaml", rest_days_min=1, race_in_weeks=6)
    calls: list[tuple[WeekRequest, WeekPlacement | InfeasibleWeek]] = []

    def recorded(request: WeekRequest, **options: Any) -> WeekPlacement | InfeasibleWeek:
        result = place_week(request, **options)
        calls.append((request, result))
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assembly, "place_week", recorded)
        plan = build_plan(profile, library=exercise_library())
    placed = {r.week_start: p for r, p in calls if isinstance(p, WeekPlacement)}
    assert len(placed) == len(plan.weeks)
    total = CostBreakdown(terms={})
    for result in placed.values():
        total = total + result.cost + result.boundary_cost
    assert total == week_cost(_sessions(plan), week_context(profile))
    # Not a sum of zeros: some weeks pay for pairs with the week before.
    assert sum(p.boundary_cost.total for p in placed.values()) > 0
