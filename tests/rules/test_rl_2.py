"""RL-2: a day between lifts that train the legs (runlift's own soft rule)."""

from __future__ import annotations

from datetime import timedelta

from rules_builders import FRI, MON, SAT, SUN, THU, TUE, UPPER_GROUPS, WED, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.rules import RuleId, check_week, week_cost
from runlift.rules.catalogue.conventions import RL_2
from runlift.rules.checkers import rl_2
from runlift.vocabulary import LiftKind, MuscleGroup, RuleStrength

LEGS = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK})


def _lower(sid: str, day: int, start: str) -> ScheduledSession:
    return lift(sid, day, start, kind=LiftKind.HEAVY_LOWER, groups=LEGS)


def _upper(sid: str, day: int, start: str) -> ScheduledSession:
    return lift(sid, day, start, kind=LiftKind.UPPER, groups=UPPER_GROUPS)


def test_rl_2_is_soft_with_its_weight_and_sources() -> None:
    assert RL_2.strength is RuleStrength.SOFT
    assert RL_2.weight == 15
    assert "runlift convention" in RL_2.sources
    assert any("PHY-2" in source for source in RL_2.sources)


def test_a_day_between_leg_lifts_is_fine() -> None:
    # Monday 18:00 to Wednesday 07:00 is 37 h, less than two days, but a day lies between.
    sessions = [_lower("Lower A", MON, "18:00"), _lower("Lower B", WED, "07:00")]
    assert list(rl_2.check(sessions, ctx())) == []
    assert rl_2.penalty(sessions, ctx()) == 0


def test_an_upper_lift_may_follow_any_lift() -> None:
    sessions = [
        _upper("Upper A", MON, "18:00"),
        _lower("Lower A", TUE, "18:00"),
        _upper("Upper B", WED, "18:00"),
        _lower("Lower B", FRI, "18:00"),
    ]
    assert list(rl_2.check(sessions, ctx())) == []


def test_leg_lifts_on_consecutive_days_cost_once_per_pair() -> None:
    sessions = [
        _lower("Lower A", TUE, "07:00"),
        run("Easy", TUE, "18:00"),
        _lower("Lower B", WED, "18:00"),
        _upper("Upper", THU, "07:00"),
    ]
    (violation,) = rl_2.check(sessions, ctx())
    assert not violation.hard
    assert violation.rule_id == "RL-2"
    assert [s.id for s in violation.sessions] == ["Lower A", "Lower B"]
    assert (violation.measured, violation.limit, violation.unit) == (1, 2, "days")
    assert violation.text == (
        "'Lower A' on Tue 2024-01-02 and 'Lower B' on Wed 2024-01-03 both train the legs heavy "
        "on consecutive days; leave a day between"
    )
    # Thursday's neighbours are Wednesday (the lift being moved) and Friday: clear.
    assert violation.fix == "move 'Lower B' to Thursday or make 'Lower B' an upper-body lift"
    # Two heavy-lower lifts: three times the weight.
    assert rl_2.penalty(sessions, ctx()) == 45
    assert week_cost(sessions, ctx()).terms[RuleId("RL-2")] == 45


def test_a_lighter_leg_lift_next_to_a_heavy_one_costs_the_weight_once() -> None:
    runner = lift("Runner legs", WED, "18:00", kind=LiftKind.RUNNER_STRENGTH, groups=LEGS)
    sessions = [_lower("Lower A", TUE, "07:00"), runner]
    (violation,) = rl_2.check(sessions, ctx())
    assert "both train the legs on consecutive days" in violation.text
    assert rl_2.penalty(sessions, ctx()) == 15
    assert rl_2.pair_units(sessions[0].spec, runner.spec, ctx()) == 1
    assert RL_2.param("heavy_pair_factor", ctx().profile) == 3


def test_three_leg_lifts_in_a_row_are_two_pairs() -> None:
    sessions = [lift(f"Full {d}", d, "18:00") for d in (FRI, SAT, SUN)]
    found = list(rl_2.check(sessions, ctx()))
    assert [[s.id for s in v.sessions] for v in found] == [
        ["Full 4", "Full 5"],
        ["Full 5", "Full 6"],
    ]
    # Full-body lifts that train the legs count as heavy lower: 2 pairs x 45.
    assert rl_2.penalty(sessions, ctx()) == 90
    # Sunday holds a leg lift; Monday is the first day clear of them on both sides.
    assert found[0].fix == "move 'Full 5' to Monday or make 'Full 5' an upper-body lift"


def test_sunday_and_next_monday_count_across_weeks() -> None:
    sunday = _lower("Sunday squat", SUN, "10:00")
    spec = _lower("Monday deadlift", MON, "18:00")
    monday = ScheduledSession(
        spec=spec.spec, start=spec.start + timedelta(days=7), end=spec.end + timedelta(days=7)
    )
    (violation,) = rl_2.check([sunday, monday], ctx())
    assert [s.id for s in violation.sessions] == ["Sunday squat", "Monday deadlift"]
    found = [v for v in check_week([sunday, monday], ctx()) if v.rule_id == "RL-2"]
    assert len(found) == 1
