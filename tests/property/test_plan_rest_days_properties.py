"""Whole plans for generated athletes and rest days: kept every week, cut sessions said, or refused.

For any goal, priority and availability and a minimum of 0-4 rest days a week,
``build_plan`` either writes a plan in which every week keeps the athlete's rest
days, every hard rule holds across the whole plan (Sunday night included), and
every session it left out is an adjustment with its rule IDs, also among the
week's notes; or it refuses with the reason. A plan with fewer rest days than
asked is never written.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import time, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_programme_properties import profiles

from runlift.domain.athlete import AthleteProfile
from runlift.domain.week import TimeWindow
from runlift.errors import Infeasible, InvalidInput, PlanningError
from runlift.programme.assembly import build_plan, week_context
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions
from runlift.vocabulary import Weekday

RULE_ID = re.compile(r"^(PHY|SCH|RL)-\d+$")
MORNING = TimeWindow(start=time(6, 0), end=time(7, 30))
EVENING = TimeWindow(start=time(18, 0), end=time(20, 30))
WEEKEND = TimeWindow(start=time(8, 0), end=time(11, 30))
EQUIPMENT = frozenset({"barbell", "rack", "dumbbells", "bench", "pull-up-bar", "bands"})


@st.composite
def athletes(draw: st.DrawFn) -> AthleteProfile:
    """A generated athlete with room to train on five to seven days and a plan of 4-9 weeks."""
    profile = draw(profiles())
    days = draw(st.lists(st.sampled_from(list(Weekday)), min_size=5, max_size=7, unique=True))
    availability: dict[Weekday, tuple[TimeWindow, ...]] = {
        day: (WEEKEND,)
        if day in {Weekday.SAT, Weekday.SUN}
        else (MORNING, EVENING)
        if draw(st.booleans())
        else (EVENING,)
        for day in days
    }
    weeks = draw(st.integers(min_value=4, max_value=9))
    goal = profile.goal
    if goal.race is not None:
        race = dataclasses.replace(goal.race, date=profile.start_date + timedelta(weeks=weeks))
        goal = dataclasses.replace(goal, race=race)
    elif goal.weeks is not None:
        goal = dataclasses.replace(goal, weeks=weeks)
    else:
        goal = dataclasses.replace(goal, date=profile.start_date + timedelta(weeks=weeks))
    lifting = dataclasses.replace(
        profile.lifting,
        sessions_per_week=draw(st.integers(min_value=0, max_value=3)),
        equipment=EQUIPMENT,  # without any, the lifts have no back work for SCH-7
    )
    return dataclasses.replace(profile, availability=availability, goal=goal, lifting=lifting)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(profile=athletes(), rest_days_min=st.integers(min_value=0, max_value=4))
def test_rest_days_are_kept_or_the_cuts_are_said_or_the_plan_is_refused(
    profile: AthleteProfile, rest_days_min: int
) -> None:
    profile = dataclasses.replace(profile, rest_days_min=rest_days_min)
    refusal = ""
    try:
        plan = build_plan(profile, library=exercise_library(), time_limit_s=5.0)
    except Infeasible as refused:
        refusal = f"placement: {refused}"
    except (InvalidInput, PlanningError) as refused:
        refusal = f"periodisation: {refused}"
    if refusal.startswith("placement: "):
        event("refused: a week cannot be placed")
        assert "cannot be placed" in refusal
        assert re.search(r"\b(SCH|RL|PHY)-\d+\b|windows", refusal)
        return
    if refusal:
        event("refused by the periodisation")
        return
    event(f"rest_days_min {rest_days_min}")
    for week in plan.weeks:
        rest = sum(1 for day in week.days if not day.sessions)
        assert rest >= rest_days_min, (week.index, rest)
        for adjustment in week.adjustments:
            # A session only the windows could not hold names no rule; it says so.
            assert adjustment.rule_ids or "windows:" in adjustment.text
            assert all(RULE_ID.match(r) for r in adjustment.rule_ids)
            assert adjustment.text in week.notes
            assert adjustment.session_id not in {s.scheduled.id for s in week.sessions}
        if week.adjustments:
            event("sessions cut and said")
    sessions = [s.scheduled for week in plan.weeks for s in week.sessions]
    assert [v.text for v in check_sessions(sessions, week_context(profile)) if v.hard] == []
