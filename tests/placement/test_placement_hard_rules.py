"""Each hard rule forces a visible outcome on a small week.

A week with a lift needs legs, back and chest on two days (SCH-7), so every
week here has a second lift, ``Extra`` (runner strength, not heavy lower, not
explosive), with a Saturday window only it fits.
"""

from __future__ import annotations

import dataclasses

import pytest
from placement_builders import (
    by_id,
    gap_h,
    infeasible,
    lift,
    local,
    placed,
    request,
    run,
    why,
    windows,
)

from runlift.domain.sessions import SessionSpec
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.placement.week import RelaxationKind, place_week
from runlift.rules import RuleId
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    Modality,
    Priority,
    RunKind,
    Weekday,
)


def extra(minutes: int = 45) -> SessionSpec:
    return lift("Extra", minutes=minutes, kind=LiftKind.RUNNER_STRENGTH)


def with_saturday(minutes: int = 45, /, **days: str) -> dict[Weekday, tuple[TimeWindow, ...]]:
    return {**windows(**days), **windows(sat=f"10:00-{10 + minutes // 60:02d}:{minutes % 60:02d}")}


def strength(sid: str = "L", minutes: int = 60) -> SessionSpec:
    return lift(sid, minutes=minutes, kind=LiftKind.RUNNER_STRENGTH)


def test_sch1_keeps_six_hours_between_a_lift_and_a_run_on_one_day() -> None:
    req = request(
        [strength(), run("R", minutes=60), extra()],
        with_saturday(mon="06:00-07:00 12:00-13:00 18:00-19:00"),
    )
    week = by_id(placed(req))
    assert local(week["Extra"].start) == "Sat 10:00"
    assert gap_h(*sorted((week["L"], week["R"]), key=lambda s: s.start)) >= 6


def test_sch1_moderate_profile_allows_four_hours() -> None:
    sessions = [strength(), run("R", minutes=60), extra()]
    four_apart = with_saturday(mon="06:00-07:00 11:00-12:00")
    result = infeasible(request(sessions, four_apart))
    assert "SCH-1" in result.conflicts[0].rule_ids
    week = by_id(placed(request(sessions, four_apart, profile=EvidenceProfile.MODERATE)))
    assert {local(week["L"].start), local(week["R"].start)} == {"Mon 06:00", "Mon 11:00"}


def test_sch3_race_goal_puts_the_run_first_and_strength_goal_the_lift() -> None:
    sessions = [strength(), run("R"), extra()]
    two_slots = with_saturday(mon="06:00-07:00 18:00-19:00")
    race = by_id(
        placed(request(sessions, two_slots, goal=GoalKind.RACE, priority=Priority.RUNNING))
    )
    assert (local(race["R"].start), local(race["L"].start)) == ("Mon 06:00", "Mon 18:00")
    lifter = by_id(
        placed(request(sessions, two_slots, goal=GoalKind.STRENGTH, priority=Priority.LIFTING))
    )
    assert (local(lifter["L"].start), local(lifter["R"].start)) == ("Mon 06:00", "Mon 18:00")


SQUAT_WINDOWS = {"mon": "18:00-19:15", "tue": "06:00-07:15"}


NIGHT_WINDOWS = {"mon": "20:00-21:15", "tue": "01:00-02:15"}
"""A night worker's evening and small hours: 3.75 h between the two windows."""


def test_sch4_no_run_within_6_h_after_a_heavy_lower_lift() -> None:
    # Squat at 20:00 then the run at 01:00 is 3.75 h: the (easy) run goes first.
    req = request(
        [lift("Squat", minutes=75, kind=LiftKind.HEAVY_LOWER), run("Easy", minutes=75), extra()],
        with_saturday(**NIGHT_WINDOWS),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    week = by_id(placed(req))
    assert local(week["Easy"].start) == "Mon 20:00"
    assert local(week["Squat"].start) == "Tue 01:00"


def test_sch4_an_easy_run_the_next_morning_after_heavy_legs_is_fine() -> None:
    # Squat until 19:15, easy run at 06:00: 10.75 h, once forbidden (12 h), now free of
    # SCH-4 (the run needs 6 h) and cheaper in interference than the other order.
    req = request(
        [lift("Squat", minutes=75, kind=LiftKind.HEAVY_LOWER), run("Easy", minutes=75), extra()],
        with_saturday(**SQUAT_WINDOWS),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    result = placed(req)
    week = by_id(result)
    assert (local(week["Squat"].start), local(week["Easy"].start)) == ("Mon 18:00", "Tue 06:00")
    assert result.cost.terms.get(RuleId("SCH-4"), 0) == 0
    assert any("fine for an easy run (at least 6 h)" in line for line in why(result, "Easy").lines)


def test_sch4_a_hard_run_the_morning_after_heavy_legs_is_priced_and_never_before_them() -> None:
    # Intervals at Tue 06:00 after the squat (10.75 h) cost SCH-4's 40 points, halved to 20
    # when lifting comes first (a strength goal); the other order (intervals ending 10.75 h
    # before the squat) is forbidden outright.
    req = request(
        [
            lift("Squat", minutes=75, kind=LiftKind.HEAVY_LOWER),
            run("Intervals", minutes=75, kind=RunKind.INTERVALS),
            extra(),
        ],
        with_saturday(**SQUAT_WINDOWS),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    result = placed(req)
    week = by_id(result)
    assert (local(week["Squat"].start), local(week["Intervals"].start)) == (
        "Mon 18:00",
        "Tue 06:00",
    )
    assert result.cost.terms[RuleId("SCH-4")] == 20
    (line,) = [line for line in why(result, "Intervals").lines if line.startswith("SCH-4")]
    assert "10.75 h after heavy lower lift 'Squat' ends" in line
    assert "loses quality" in line
    assert "(costs 20)" in line


def test_sch4_hard_run_on_either_side_of_a_heavy_lower_lift_is_infeasible() -> None:
    # 5 h between the windows: too soon after the squat for any run (6 h), and far too
    # soon before it for a tempo run (12 h). The moderate profile asks 4 h after. (A
    # 50-minute tempo run stays under PHY-1's pair bound either way: SCH-4 alone forbids.)
    req = request(
        [
            lift("Squat", minutes=75, kind=LiftKind.HEAVY_LOWER),
            run("Tempo", minutes=50, kind=RunKind.TEMPO),
            extra(),
        ],
        with_saturday(mon="18:00-19:15", tue="00:15-01:05"),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    result = infeasible(req)
    conflict = result.conflicts[0]
    assert "SCH-4" in conflict.rule_ids
    assert {"Squat", "Tempo"} <= set(conflict.session_ids)
    assert "SCH-4" in conflict.text
    kinds = {r.kind for r in result.relaxations}
    assert RelaxationKind.PROFILE in kinds
    assert kinds & {RelaxationKind.ADD_WINDOW, RelaxationKind.EXTEND_WINDOW}


def test_sch6_combined_block_when_allowed() -> None:
    req = request(
        [strength(), run("R"), extra(60)],
        with_saturday(60, wed="17:00-19:00"),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
        allow_combined=True,
    )
    week = by_id(placed(req))
    wednesday_lift = next(
        s for s in week.values() if s.spec.is_lift and local(s.start) == "Wed 17:00"
    )
    assert week["R"].spec.combined_with == wednesday_lift.id
    assert wednesday_lift.spec.combined_with == "R"
    assert 10 <= gap_h(wednesday_lift, week["R"]) * 60 <= 20


def test_sch6_not_allowed_offers_the_combined_session() -> None:
    req = request(
        [strength(), run("R"), extra(60)],
        with_saturday(60, wed="17:00-19:00"),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    result = infeasible(req)
    assert RelaxationKind.ALLOW_COMBINED in {r.kind for r in result.relaxations}


def test_sch7_lifts_go_on_two_different_days() -> None:
    result = infeasible(request([lift("A"), lift("B")], windows(mon="06:00-07:00 18:00-19:00")))
    # Two lifts on one day break SCH-7 and RL-1 alike; the conflict names one of them.
    assert {"SCH-7", "RL-1"} & set(result.conflicts[0].rule_ids)
    assert any(r.kind is RelaxationKind.ADD_WINDOW for r in result.relaxations)
    week = by_id(
        placed(request([lift("A"), lift("B")], windows(mon="06:00-07:00", tue="06:00-07:00")))
    )
    assert week["A"].start.date() != week["B"].start.date()


def test_sch9_explosive_lift_goes_before_the_run_even_against_the_priority() -> None:
    # Fat loss with running first: SCH-3 is soft and puts the run first unless SCH-9 forbids it.
    two_slots = with_saturday(mon="06:00-07:00 18:00-19:00")
    jumps = lift("Jumps", kind=LiftKind.EXPLOSIVE)
    result = placed(
        request(
            [jumps, run("R"), extra()], two_slots, goal=GoalKind.FAT_LOSS, priority=Priority.RUNNING
        )
    )
    assert local(by_id(result)["Jumps"].start) == "Mon 06:00"
    assert result.cost.terms[RuleId("SCH-3")] == 8
    plain = lift("Plain", kind=LiftKind.RUNNER_STRENGTH)
    without = by_id(
        placed(
            request(
                [plain, run("R"), extra()],
                two_slots,
                goal=GoalKind.FAT_LOSS,
                priority=Priority.RUNNING,
            )
        )
    )
    assert local(without["R"].start) == "Mon 06:00"


def test_phy1_pair_bound_forbids_a_heavy_lower_lift_right_after_a_long_run() -> None:
    # A 90-min long run then a heavy lower lift within 6 h costs 70 points, over the 60 allowed;
    # the lift cannot go first (SCH-4) and both on Tuesday break SCH-1.
    req = request(
        [
            lift("Squat", minutes=75, kind=LiftKind.HEAVY_LOWER),
            run("Long", minutes=90, kind=RunKind.LONG),
            extra(),
        ],
        with_saturday(mon="22:00-23:45", tue="00:00-05:00"),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
    )
    result = infeasible(req)
    assert "PHY-1" in result.conflicts[0].rule_ids
    moderate = [r for r in result.relaxations if r.profile is EvidenceProfile.MODERATE]
    assert moderate
    week = by_id(placed(moderate[0].apply(req)))
    assert week["Long"].start < week["Squat"].start
    assert week["Squat"].spec.modality is Modality.LIFT


def test_sch6_block_named_in_the_input_is_placed_as_one_session() -> None:
    # Plenty of room to separate them, but the athlete asked for one block (run first: race).
    sessions = [
        lift("L", minutes=45, kind=LiftKind.RUNNER_STRENGTH, combined_with="R"),
        run("R", combined_with="L"),
        extra(),
    ]
    avail = with_saturday(mon="06:00-09:00 17:00-20:00", wed="17:00-20:00")
    req = request(
        sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING, allow_combined=True
    )
    week = by_id(placed(req))
    assert week["R"].start < week["L"].start
    assert 10 <= gap_h(week["R"], week["L"]) * 60 <= 20
    with pytest.raises(InvalidInput, match="SCH-6"):
        place_week(
            dataclasses.replace(req, context=dataclasses.replace(req.context, allow_combined=False))
        )
