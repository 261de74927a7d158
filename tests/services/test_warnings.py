"""The warnings of a plan: overrides of the profile, and cautions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from runlift.domain.athlete import AthleteProfile, RaceGoal
from runlift.domain.plan import Plan, PlanAdjustment
from runlift.domain.prescription import RunPrescription
from runlift.domain.warnings import PlanWarning, WarningKind, weeks_text
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library
from runlift.science import running
from runlift.services.warnings import VDOT_POINTS_PER_WEEK, plan_warnings
from runlift.vocabulary import RunKind

TARGET = "goal.race.target_time"
HALF = Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"


@pytest.fixture(scope="module")
def profile() -> AthleteProfile:
    return read_profile(HALF.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan(profile: AthleteProfile) -> Plan:
    return build_plan(profile, library=exercise_library())


def _with_target(profile: AthleteProfile, target_s: float) -> AthleteProfile:
    assert profile.goal.race is not None
    race: RaceGoal = dataclasses.replace(profile.goal.race, target_time_s=target_s)
    return dataclasses.replace(profile, goal=dataclasses.replace(profile.goal, race=race))


def _cautions(warnings: tuple[PlanWarning, ...], field: str) -> list[PlanWarning]:
    return [w for w in warnings if w.kind is WarningKind.CAUTION and w.field == field]


def test_a_target_within_reach_plans_without_a_caution(profile: AthleteProfile, plan: Plan) -> None:
    """1:45:00 from a 50:30 10 km needs about 3 VDOT points in 18 weeks: within reach."""
    assert _cautions(plan_warnings(profile, plan), TARGET) == []


def test_a_target_beyond_the_reach_of_the_plan_is_a_caution(
    profile: AthleteProfile, plan: Plan
) -> None:
    recent = profile.running.recent_race
    race = profile.goal.race
    assert recent is not None
    assert race is not None
    today = running.vdot(distance_m=recent.distance_m, time_s=recent.time_s)
    weeks = (race.date - plan.start).days // 7
    reach = today + VDOT_POINTS_PER_WEEK * weeks
    # Just within reach, then just beyond it: the caution starts exactly there.
    within = running.race_time_s(vdot=reach - 0.05, distance_m=race.distance_m)
    beyond = running.race_time_s(vdot=reach + 0.05, distance_m=race.distance_m)
    assert _cautions(plan_warnings(_with_target(profile, within), plan), TARGET) == []
    (caution,) = _cautions(plan_warnings(_with_target(profile, beyond), plan), TARGET)
    predicted = running.race_time_s(vdot=today, distance_m=race.distance_m)
    assert f"predicts {int(predicted // 3600)}:" in caution.asked
    assert "Daniels 2014" in caution.reason
    assert caution.text.startswith("goal.race.target_time: the target ")


def test_structured_overrides_are_shown_as_given(profile: AthleteProfile, plan: Plan) -> None:
    given = PlanWarning(
        kind=WarningKind.OVERRIDE,
        rule_id="SCH-10",
        field="rest_days_min",
        asked="2 rest days a week",
        planned="1 a week",
        reason="the sessions need the days",
        weeks=(3, 4, 5, 9),
    )
    warnings = plan_warnings(profile, plan, overrides=[given])
    assert warnings[0] == given
    assert all(w.kind is WarningKind.CAUTION for w in warnings[1:])
    assert given.text == (
        "rest_days_min: asked 2 rest days a week, planned 1 a week in weeks 3-5, 9 "
        "(SCH-10: the sessions need the days)"
    )


def test_week_lists_read_as_ranges() -> None:
    assert weeks_text([1, 2, 3, 4, 6, 8, 9]) == "weeks 1-4, 6, 8-9"
    assert weeks_text([7]) == "week 7"


def test_runs_the_days_cannot_hold_are_said_once_for_the_plan() -> None:
    """The marathoner's 6 runs and a lift with hops need 7 days; one rest day leaves 6: the
    plan runs 5 times, sharing the distance, and says so once, not as a drop a week."""
    path = HALF.parent / "marathon-runner-strength.yaml"
    marathoner = read_profile(path.read_text(encoding="utf-8"))
    marathon = build_plan(marathoner, library=exercise_library())
    warnings = plan_warnings(marathoner, marathon)
    (rest,) = [w for w in warnings if w.field == "rest_days_min"]
    assert rest.kind is WarningKind.OVERRIDE
    assert rest.rule_id.startswith("RL-1, SCH-10")
    assert rest.asked == "1 rest day a week"
    assert rest.planned == "5 training runs a week instead of 6, sharing the week's distance"
    assert "a lift that opens with jumps takes a day of its own" in rest.reason
    assert len(rest.weeks) >= len(marathon.weeks) - 2
    assert not [w for w in warnings if "dropped" in w.planned or "left out" in w.planned]
    assert not [a for week in marathon.weeks for a in week.adjustments]


def _without_first_easy_run(plan: Plan) -> Plan:
    """The plan with week 1's first easy run left out at placement, as an adjustment says."""
    first = plan.weeks[0]
    run = next(
        s
        for s in first.sessions
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind is RunKind.EASY
    )
    days = tuple(
        dataclasses.replace(day, sessions=tuple(s for s in day.sessions if s is not run))
        for day in first.days
    )
    left_out = PlanAdjustment(
        rule_ids=("SCH-10", "RL-1"),
        kind="dropped",
        session_id=run.scheduled.spec.id,
        title=run.scheduled.spec.title,
        text=f"SCH-10, RL-1: '{run.scheduled.spec.title}' is left out this week",
    )
    week = dataclasses.replace(
        first, days=days, notes=(*first.notes, left_out.text), adjustments=(left_out,)
    )
    return dataclasses.replace(plan, weeks=(week, *plan.weeks[1:]))


def test_a_short_first_week_gives_its_reason_not_the_blocks_note() -> None:
    """A first week short of the profile's distance names what made it short: a run left
    out, or else the time the windows leave; never the block's own note, which names the
    running distance ("running distance builds") but is no reason for less of it."""
    path = HALF.parent / "marathon-runner-strength.yaml"
    marathoner = read_profile(path.read_text(encoding="utf-8"))
    marathon = build_plan(marathoner, library=exercise_library())
    assert any(n.startswith("PER-1") and "running distance" in n for n in marathon.weeks[0].notes)
    (short,) = [
        w
        for w in plan_warnings(marathoner, _without_first_easy_run(marathon))
        if w.field == "running.weekly_km"
    ]
    assert short.rule_id == "SCH-10, RL-1"
    assert short.reason.startswith("1 run of the week ('Easy ")
    assert "left out when it was placed" in short.reason
    more = dataclasses.replace(
        marathoner,
        running=dataclasses.replace(marathoner.running, weekly_km=2 * marathoner.running.weekly_km),
    )
    (asked_more,) = [w for w in plan_warnings(more, marathon) if w.field == "running.weekly_km"]
    assert asked_more.rule_id != "PER-1"
    assert "block" not in asked_more.reason
