"""Day penalties priced together, and the athlete's rest days kept whatever they cost.

The model bounds SCH-2 (days with both a lift and a run) and SCH-10's soft part
(rest days missing below the guideline's one, priced when the athlete asked for
none) together by the number of days used (``constraints/days.py``); the
athlete's own minimum is a hard bound on the days used. These weeks check that
the optimum and its cost are those the rules give.
"""

from __future__ import annotations

import pytest
from placement_builders import infeasible, lift, placed, request, run, windows

from runlift.placement import solve
from runlift.placement.prepare import prepare
from runlift.placement.week import RelaxationKind
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
        # None asked for: the guideline's rest day (two shared days, 20) beats every day
        # used (one shared day and the missing rest day, 10 + 40).
        (0, 2, 0),
        (1, 2, 0),  # one rest day asked for: kept, the lifts share two run days
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


def test_rest_days_asked_for_are_kept_or_the_week_is_refused() -> None:
    # Six runs need six days (RL-1); two rest days leave five. Before, the week gave up a
    # rest day for 40 points; now it says what collides and what would fix it.
    req = request(SESSIONS, EVERY_DAY, rest_days_min=2)
    result = infeasible(req)
    assert {"SCH-10", "RL-1"} <= set(result.conflicts[0].rule_ids)
    assert "at least 2 rest days a week, as the athlete asked" in result.conflicts[0].text
    assert "rest_days_min 2" in result.conflicts[0].inputs
    fewer = [r for r in result.relaxations if r.kind is RelaxationKind.REST_DAYS]
    assert [r.rest_days_min for r in fewer] == [1]
    assert "lower rest_days_min from 2 to 1" in fewer[0].text
    assert any(r.kind is RelaxationKind.DROP_SESSION for r in result.relaxations)
    # With one rest day fewer the week keeps exactly that one.
    relaxed = placed(fewer[0].apply(req))
    assert len({s.start.date() for s in relaxed.sessions}) == 6


def test_the_day_terms_are_counted_once_through_their_bound() -> None:
    model = solve.build(prepare(request(SESSIONS, EVERY_DAY, rest_days_min=0)))
    grouped = [term.name for terms, _ in model.groups for term in terms]
    assert grouped == ["SCH-2", "SCH-10"]


def test_with_a_rest_day_asked_for_the_hard_bound_replaces_the_soft_term() -> None:
    model = solve.build(prepare(request(SESSIONS, EVERY_DAY, rest_days_min=1)))
    assert not [t for t in model.terms if t.name == "SCH-10"]
    assert model.groups == []
