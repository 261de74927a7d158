"""RL-2 in the weekly placement: a day between the lifts that train the legs."""

from __future__ import annotations

from placement_builders import lift, local, placed, request, why, windows

from runlift.placement.week import WeekPlacement
from runlift.rules import RuleId, week_cost
from runlift.vocabulary import GoalKind, LiftKind, MuscleGroup, Priority

LOWER = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK})
FULL = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST})
UPPER = frozenset({MuscleGroup.CHEST, MuscleGroup.BACK})


def _lifts(result: WeekPlacement) -> dict[str, str]:
    return {s.id: local(s.start)[:3] for s in result.sessions if s.spec.is_lift}


def test_two_lower_lifts_keep_a_day_between_them() -> None:
    # Windows on four evenings; Monday + Tuesday would suit PHY-1 as well as Monday + Wednesday.
    sessions = [
        lift("Lower A", kind=LiftKind.HEAVY_LOWER, groups=LOWER),
        lift("Lower B", kind=LiftKind.HEAVY_LOWER, groups=FULL),
        lift("Upper", kind=LiftKind.UPPER, groups=UPPER),
    ]
    avail = windows(mon="18:00-20:00", tue="18:00-20:00", wed="18:00-20:00", thu="18:00-20:00")
    result = placed(request(sessions, avail, goal=GoalKind.STRENGTH, priority=Priority.LIFTING))
    days = _lifts(result)
    order = ("Mon", "Tue", "Wed", "Thu")
    assert abs(order.index(days["Lower A"]) - order.index(days["Lower B"])) >= 2
    assert result.cost.terms.get(RuleId("RL-2"), 0) == 0
    line = next(x for x in why(result, "Lower B").lines if x.startswith("RL-2: "))
    assert line == "RL-2: no other leg lift the day before or after"


def test_when_only_consecutive_days_remain_the_pair_costs_and_says_so() -> None:
    sessions = [
        lift("Lower A", kind=LiftKind.HEAVY_LOWER, groups=FULL),
        lift("Lower B", kind=LiftKind.HEAVY_LOWER, groups=FULL),
    ]
    avail = windows(sat="08:00-12:00", sun="08:00-12:00")
    req = request(sessions, avail, goal=GoalKind.STRENGTH, priority=Priority.LIFTING)
    result = placed(req)
    assert sorted(_lifts(result).values()) == ["Sat", "Sun"]
    # Two heavy-lower lifts on consecutive days: three times RL-2's weight.
    assert result.cost.terms[RuleId("RL-2")] == 45
    assert week_cost(result.sessions, req.context).terms[RuleId("RL-2")] == 45
    later = next(s for s in result.sessions if s.spec.is_lift and local(s.start)[:3] == "Sun")
    line = next(x for x in why(result, later.id).lines if x.startswith("RL-2: "))
    assert line.startswith("RL-2: heavy leg lift '")
    assert line.endswith(
        "' the day before: heavy leg days back to back leave the legs no day to recover (costs 45)"
    )
