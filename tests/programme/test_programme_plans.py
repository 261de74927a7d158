"""Every bundled example athlete gets a complete, valid, explained plan."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.io import plan_json
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions
from runlift.vocabulary import GoalKind, LiftKind, Modality, Phase

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "athletes").glob("*.yaml"))
RULE_ID = re.compile(r"\b(PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+\b")


@cache
def planned(path: Path) -> tuple[AthleteProfile, Plan]:
    profile = read_profile(path.read_text(encoding="utf-8"))
    return profile, build_plan(profile, library=exercise_library())


def test_there_are_examples_for_every_goal() -> None:
    goals = {planned(path)[0].goal.kind for path in EXAMPLES}
    assert goals == set(GoalKind)
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_plan_passes_every_hard_rule(path: Path) -> None:
    profile, plan = planned(path)
    sessions = [s.scheduled for week in plan.weeks for s in week.sessions]
    hard = [v for v in check_sessions(sessions, week_context(profile)) if v.hard]
    assert hard == []
    assert len(sessions) >= 3 * len(plan.weeks)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_session_is_prescribed_and_explained(path: Path) -> None:
    _, plan = planned(path)
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                spec = session.scheduled.spec
                assert session.scheduled.start.date() == day.date
                assert session.rules, spec.id
                assert any(RULE_ID.search(line) for line in session.explanation), spec.id
                assert any(line.startswith("Placed in") for line in session.explanation)
                if spec.modality is Modality.RUN:
                    assert isinstance(session.prescription, RunPrescription)
                    assert session.prescription.distance_km > 0
                    assert session.prescription.steps
                else:
                    assert isinstance(session.prescription, LiftPrescription)
                    assert session.prescription.exercises
                    for exercise in session.prescription.exercises:
                        assert 1 <= exercise.reps <= 30
                        assert exercise.sets >= 1
                        assert exercise.rest_s >= 30
                        # Loaded work has a %1RM or an RPE; plyometrics are "maximal intent".
                        intensity = exercise.percent_1rm or exercise.rpe or exercise.notes
                        assert intensity, exercise


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_weeks_are_contiguous_and_deloads_lighter(path: Path) -> None:
    _, plan = planned(path)
    for earlier, later in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert (later.start - earlier.start).days == 7
    builds = [w for w in plan.weeks if w.phase is Phase.BUILD]
    deloads = [w for w in plan.weeks if w.deload]
    if len(plan.weeks) >= 8:
        assert deloads, "a plan of 8+ weeks has a deload (PER-3)"
    for deload in deloads:
        before = [w for w in builds if w.index < deload.index]
        if not before:
            continue
        sets_before = sum(
            s.prescription.hard_sets
            for s in before[-1].sessions
            if isinstance(s.prescription, LiftPrescription)
        )
        sets_deload = sum(
            s.prescription.hard_sets
            for s in deload.sessions
            if isinstance(s.prescription, LiftPrescription)
        )
        assert sets_deload < sets_before


def test_race_plan_ends_with_the_race_on_race_day() -> None:
    profile, plan = planned(next(p for p in EXAMPLES if p.stem == "half-marathon-lifter"))
    assert profile.goal.race is not None
    race_day = profile.goal.race.date
    races = [
        s
        for w in plan.weeks
        for s in w.sessions
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind.value == "race"
    ]
    assert len(races) == 1
    assert races[0].scheduled.start.date() == race_day
    assert plan.weeks[-1].phase is Phase.RACE


def test_runner_strength_example_lifts_only_runner_strength_kinds() -> None:
    _, plan = planned(next(p for p in EXAMPLES if p.stem == "marathon-runner-strength"))
    kinds = {
        s.scheduled.spec.kind
        for w in plan.weeks
        for s in w.sessions
        if s.scheduled.spec.modality is Modality.LIFT
    }
    assert kinds
    assert LiftKind.HEAVY_LOWER not in kinds


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_plan_json_is_valid_and_byte_identical(path: Path) -> None:
    profile, plan = planned(path)
    first = plan_json.dumps(plan_json.plan_dict(plan, timezone=profile.timezone))
    again = build_plan(profile, library=exercise_library())
    second = plan_json.dumps(plan_json.plan_dict(again, timezone=profile.timezone))
    assert first == second
    parsed = plan_json.parse_plan(first)
    assert len(parsed.weeks) == len(plan.weeks)
    back = plan_json.read_plan_sessions(first)
    assert len(back.sessions) == sum(len(w.sessions) for w in plan.weeks)


def _heavy_pairs(plan: Plan, profile: AthleteProfile, weeks: range) -> list[str]:
    """Heavy-lower lifts on consecutive days, as RL-2's checker reports them."""
    sessions = [s.scheduled for i in weeks for s in plan.weeks[i].sessions]
    return [
        v.text
        for v in check_sessions(sessions, week_context(profile))
        if v.rule_id == "RL-2" and all(s.spec.is_heavy_lower for s in v.sessions)
    ]


def test_the_half_examples_week_8_keeps_its_hard_days_apart() -> None:
    # Week 8 used to put heavy squats on Tuesday and deadlifts on Wednesday, and the
    # threshold run on the Sunday after Saturday's long run. Its windows (none on
    # Thursday, one lift-sized window on Tuesday) allow both apart.
    profile, plan = planned(next(p for p in EXAMPLES if p.stem == "half-marathon-lifter"))
    week = plan.weeks[7]
    heavy = sorted(s.scheduled.local_date for s in week.sessions if s.scheduled.spec.is_heavy_lower)
    assert len(heavy) == 2
    assert (heavy[1] - heavy[0]).days >= 2
    long_days = {
        s.scheduled.local_date
        for s in week.sessions
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind.value == "long"
    }
    hard_days = {s.scheduled.local_date for s in week.sessions if s.scheduled.spec.is_hard_run}
    assert long_days
    assert hard_days
    assert not {d + timedelta(days=1) for d in long_days} & hard_days
    assert _heavy_pairs(plan, profile, range(6, 9)) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_example_puts_heavy_leg_days_back_to_back(path: Path) -> None:
    # Every example's windows allow it, and the placement counts heavy pairs first.
    profile, plan = planned(path)
    assert _heavy_pairs(plan, profile, range(len(plan.weeks))) == []
