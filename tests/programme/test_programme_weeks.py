"""How ``build_plan`` places its weeks: guesses from last week, a memo, and cheap drops.

Every week is placed with last week's weekdays and times as the solver's first
guess and with a memo of the weeks already solved; neither may change a week's
cost. A week that cannot hold its sessions loses the least important session
its conflicts name, without the full search for relaxations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from runlift.domain.athlete import AthleteProfile
from runlift.domain.week import WeekRequest
from runlift.io.profile import read_profile
from runlift.placement.week import InfeasibleWeek, WeekPlacement, place_week
from runlift.programme import assembly
from runlift.programme.assembly import build_plan
from runlift.programme.periodisation import WeekOutline, day_room, outline_plan
from runlift.reference.exercises import exercise_library
from runlift.rules import check_sessions

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"

Placed = tuple[WeekRequest, dict[str, Any], WeekPlacement | InfeasibleWeek]


def _profile(name: str) -> AthleteProfile:
    return read_profile((EXAMPLES / name).read_text(encoding="utf-8"))


def _recording(calls: list[Placed]) -> Callable[..., WeekPlacement | InfeasibleWeek]:
    def recorded(request: WeekRequest, **options: Any) -> WeekPlacement | InfeasibleWeek:
        result = place_week(request, **options)
        calls.append((request, options, result))
        return result

    return recorded


CROWDED = (13, 14, 15)
"""Weeks of the half-marathon example (0-based) given one run more than their days hold."""


def _crowded(profile: AthleteProfile) -> tuple[WeekOutline, ...]:
    """The example's outline with an extra easy run in the race-specific build weeks.

    The periodisation plans no more runs than a week's days hold, so a week that cannot
    hold its sessions is made here: the placement must then leave a run out.
    """
    return tuple(
        replace(week, runs=week.runs + 1) if week.index in CROWDED else week
        for week in outline_plan(profile)
    )


@pytest.fixture(scope="module")
def half_marathon_weeks() -> list[Placed]:
    """Every ``place_week`` call of the half-marathon example's plan, three weeks crowded."""
    calls: list[Placed] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assembly, "place_week", _recording(calls))
        patch.setattr(assembly, "outline_plan", _crowded)
        build_plan(_profile("half-marathon-lifter.yaml"), library=exercise_library())
    return calls


def test_guesses_and_memo_leave_every_week_at_its_optimum(
    half_marathon_weeks: list[Placed],
) -> None:
    placed = [(r, o, p) for r, o, p in half_marathon_weeks if isinstance(p, WeekPlacement)]
    assert len(placed) >= 16
    assert any(o.get("hint") for _, o, _ in placed)
    # (No week of this plan repeats an earlier one's model now that each week also prices
    # its pairs with the week before: the memo's hits are tested in tests/placement.)
    for request, options, result in placed:
        alone = place_week(request, fixed=options.get("fixed"))
        assert isinstance(alone, WeekPlacement)
        assert result.optimal
        # The optimum is the week's own cost and its pairs with last week together.
        assert alone.solver_cost.total == result.solver_cost.total
        # Ties may split the preference points differently, never to a different total.
        assert sum(alone.preferences.values()) == sum(result.preferences.values())


def test_a_week_that_cannot_hold_its_sessions_drops_the_least_important(
    half_marathon_weeks: list[Placed],
) -> None:
    crowded = [(r, o, p) for r, o, p in half_marathon_weeks if isinstance(p, InfeasibleWeek)]
    assert {r.week_start for r, _, _ in crowded} == {
        _profile("half-marathon-lifter.yaml").start_date + timedelta(weeks=n) for n in CROWDED
    }
    for request, options, result in crowded:
        assert options["suggest"] is False
        assert result.relaxations == ()
        assert result.conflicts
        named = {s for c in result.conflicts for s in c.session_ids}
        kept = next(
            r
            for r, _, p in half_marathon_weeks
            if r.week_start == request.week_start and isinstance(p, WeekPlacement)
        )
        gone = [s for s in request.sessions if s not in kept.sessions]
        assert len(gone) == 1
        assert gone[0].id in named
        assert gone[0].is_run
        assert not gone[0].key


def test_the_plan_notes_the_drop_and_keeps_every_hard_rule() -> None:
    profile = _profile("half-marathon-lifter.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assembly, "outline_plan", _crowded)
        plan = build_plan(profile, library=exercise_library())
    adjustments = [a for w in plan.weeks for a in w.adjustments]
    assert {w.index for w in plan.weeks if w.adjustments} == set(CROWDED)
    assert adjustments
    for week in plan.weeks:
        for adjustment in week.adjustments:
            assert adjustment.kind == "dropped"
            assert adjustment.rule_ids
            assert adjustment.text.startswith(f"{', '.join(adjustment.rule_ids)}: ")
            assert f"'{adjustment.title}' is left out this week" in adjustment.text
            assert "cannot all hold" in adjustment.text
            assert adjustment.text in week.notes
            assert adjustment.session_id not in {s.scheduled.id for s in week.sessions}
    sessions = [s.scheduled for w in plan.weeks for d in w.days for s in d.sessions]
    assert not [v for v in check_sessions(sessions, assembly.week_context(profile)) if v.hard]


def test_the_examples_weeks_hold_their_sessions() -> None:
    # Planned as written, the example's weeks hold every session: no drop.
    plan = build_plan(_profile("half-marathon-lifter.yaml"), library=exercise_library())
    assert not [a for w in plan.weeks for a in w.adjustments]


def test_three_evenings_a_week_need_no_drop() -> None:
    # General fitness on three single evening windows: the periodisation plans two lifts
    # and one run, what the windows hold, so no week has to lose a session.
    profile = _profile("general-fitness-3-days.yaml")
    room = day_room(profile)
    assert room.sessions == 3
    plan = build_plan(profile, library=exercise_library())
    for week in plan.weeks:
        sessions = [s for d in week.days for s in d.sessions]
        assert len(sessions) == 3
        assert not [n for n in week.notes if n.startswith("Dropped ")]
        assert any(n.startswith("RL-1: 1 training run instead of 2") for n in week.notes)
