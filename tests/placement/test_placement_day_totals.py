"""Day penalties priced together: one more day used is a shared day fewer or a rest day fewer.

The model bounds SCH-2 (days with both a lift and a run) and SCH-10 (missing
rest days) together by the number of days used (``constraints/days.py``);
these weeks check that the optimum and its cost are those the rules give.
"""

from __future__ import annotations

import pytest
from placement_builders import lift, placed, request, run, windows

from runlift.placement import solve
from runlift.placement.prepare import prepare
from runlift.rules import week_cost
from runlift.rules.model import RuleId

EVERY_DAY = windows(
    **dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "06:00-08:00 18:00-21:00")
)
SESSIONS = [
    lift("Lift A"),
    lift("Lift B"),
    *(run(f"Run {n}", minutes=40) for n in range(1, 7)),
]


@pytest.mark.parametrize(
    ("rest_days_min", "shared", "missing"),
    [
        (0, 1, 0),  # every day used: one day holds a lift and a run
        (1, 2, 0),  # one rest day: two shared days (20) beat no rest day (10 + 40)
        (2, 2, 1),  # six runs need six days: one rest day short (20 + 40) beats none (10 + 80)
    ],
)
def test_the_days_used_trade_shared_days_against_rest_days(
    rest_days_min: int, shared: int, missing: int
) -> None:
    req = request(SESSIONS, EVERY_DAY, rest_days_min=rest_days_min)
    result = placed(req)
    assert result.optimal
    assert result.cost.terms.get(RuleId("SCH-2"), 0) == 10 * shared
    assert result.cost.terms.get(RuleId("SCH-10"), 0) == 40 * missing
    assert week_cost(result.sessions, req.context) == result.cost


def test_the_day_terms_are_counted_once_through_their_bound() -> None:
    model = solve.build(prepare(request(SESSIONS, EVERY_DAY, rest_days_min=1)))
    grouped = [term.name for terms, _ in model.groups for term in terms]
    assert grouped == ["SCH-2", "SCH-10"]
