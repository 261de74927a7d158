"""Whole plans for generated athletes: every hard rule holds, every session is explained."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from test_programme_properties import profiles

from runlift.domain.athlete import AthleteProfile
from runlift.errors import InvalidInput, PlanningError
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions

RULE_ID = re.compile(r"\b(PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+\b")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(profile=profiles())
def test_generated_plans_pass_every_hard_checker(profile: AthleteProfile) -> None:
    refusal = ""
    try:
        plan = build_plan(profile, library=exercise_library(), time_limit_s=5.0)
    except (InvalidInput, PlanningError) as exc:
        refusal = str(exc)
    if refusal:
        # A profile whose windows cannot hold the minimum week is refused with a reason.
        assert "week" in refusal or "availab" in refusal or "window" in refusal, refusal
        return
    sessions = [s.scheduled for week in plan.weeks for s in week.sessions]
    hard = [v for v in check_sessions(sessions, week_context(profile)) if v.hard]
    assert hard == []
    for week in plan.weeks:
        for session in week.sessions:
            assert any(RULE_ID.search(line) for line in session.explanation)
            assert session.scheduled.start.date() in {d.date for d in week.days}
