"""RL-1 in the weekly placement: runs (and lifts) spread over days, one of each a day at most."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from placement_builders import (
    by_id,
    infeasible,
    lift,
    local,
    placed,
    request,
    run,
    why,
    windows,
)

from runlift.domain.sessions import SessionId
from runlift.placement.week import RelaxationKind, WeekPlacement, place_week
from runlift.rules import RuleId, check_week
from runlift.vocabulary import GoalKind, LiftKind, Priority, RunKind

BERLIN = ZoneInfo("Europe/Berlin")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _days(result: WeekPlacement, *, runs: bool) -> list[str]:
    """Local weekday of every run (or lift), in start order."""
    return [local(s.start)[:3] for s in result.sessions if s.spec.is_run is runs]


def test_three_hard_runs_go_on_three_days_even_at_a_cost() -> None:
    # Sunday's window holds all three hard runs back to back, which costs nothing: on Friday,
    # Saturday and Sunday instead, Saturday and Sunday's hard runs follow a hard-run day
    # (SCH-5, 2 x 60: hard days right after hard days) and the three make three loaded days
    # in a row (RL-3, 50): RL-1 leaves no other way.
    sessions = [
        run("Threshold", kind=RunKind.TEMPO, minutes=40, key=True),
        run("Reps", kind=RunKind.REPETITION, minutes=30),
        run("Intervals", kind=RunKind.INTERVALS, minutes=40),
    ]
    avail = windows(fri="18:00-20:00", sat="08:00-10:00", sun="08:00-11:00")
    result = placed(request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING))
    assert sorted(_days(result, runs=True)) == ["Fri", "Sat", "Sun"]
    assert result.cost.terms[RuleId("SCH-5")] == 120
    assert result.cost.terms[RuleId("RL-3")] == 50
    for session in result.sessions:
        line = next(x for x in why(result, session.id).lines if x.startswith("RL-1: "))
        assert line == f"RL-1: the only run on {local(session.start)[:3]} (at most 1 run a day)"


def test_runs_take_distinct_days_in_a_realistic_week() -> None:
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, minutes=60),
        lift("Upper", kind=LiftKind.FULL_BODY, minutes=60),
        run("Intervals", kind=RunKind.INTERVALS, minutes=50, key=True),
        run("Long", kind=RunKind.LONG, minutes=100, key=True),
        run("Easy 1", minutes=40),
        run("Easy 2", minutes=30),
        run("Easy 3", minutes=30),
    ]
    avail = windows(
        mon="06:00-07:30 18:00-20:00",
        tue="18:00-20:00",
        wed="06:00-07:30 18:00-20:00",
        fri="18:00-20:00",
        sat="08:00-12:00",
        sun="08:00-12:00",
    )
    result = placed(request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING))
    runs = _days(result, runs=True)
    lifts = _days(result, runs=False)
    assert len(runs) == len(set(runs)) == 5
    assert len(lifts) == len(set(lifts)) == 2


def test_a_fixed_race_keeps_the_sharpener_off_race_day() -> None:
    # Before the race the sharpener would cost nothing; on Friday it puts Saturday's lift on
    # the day after a hard run (SCH-5). RL-1 still sends it to Friday.
    sessions = [
        run("Sharpener", kind=RunKind.RACE_PACE, minutes=45),
        run("Race", kind=RunKind.RACE, minutes=120, key=True),
        lift("Strength A", kind=LiftKind.RUNNER_STRENGTH, minutes=30),
        lift("Strength B", kind=LiftKind.RUNNER_STRENGTH, minutes=30),
    ]
    # The lifts' windows are too short for the sharpener: it has Friday or race morning.
    avail = windows(wed="06:00-06:30", fri="18:00-19:00", sat="10:00-10:30", sun="07:00-08:30")
    race = datetime(2025, 1, 12, 9, 0, tzinfo=BERLIN)
    req = request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING)
    result = placed(req, fixed={SessionId("Race"): race})
    week = by_id(result)
    assert local(week["Race"].start) == "Sun 09:00"
    assert local(week["Sharpener"].start) == "Fri 18:00"
    assert result.cost.terms[RuleId("SCH-5")] == 30


def test_race_day_as_the_only_window_is_infeasible_and_says_why() -> None:
    sessions = [
        run("Sharpener", kind=RunKind.RACE_PACE, minutes=30),
        run("Race", kind=RunKind.RACE, minutes=120, key=True),
    ]
    race = datetime(2025, 1, 12, 9, 0, tzinfo=BERLIN)
    req = request(
        sessions, windows(sun="07:00-08:30"), goal=GoalKind.RACE, priority=Priority.RUNNING
    )
    result = infeasible(req, fixed={SessionId("Race"): race})
    conflict = result.conflicts[0]
    assert "RL-1" in conflict.rule_ids
    assert "availability" in conflict.rule_ids
    assert "at most 1 run and 1 lift a day" in conflict.text
    assert any("'Race' is fixed at Sun 09:00" in line for line in conflict.inputs)
    kinds = {r.kind for r in result.relaxations}
    assert kinds & {RelaxationKind.ADD_WINDOW, RelaxationKind.DROP_SESSION}


def test_more_runs_than_days_with_windows_names_rl1_and_offers_a_window_or_a_drop() -> None:
    sessions = [
        run("Tempo", kind=RunKind.TEMPO, minutes=45, key=True),
        run("Easy 1", minutes=40),
        run("Easy 2", minutes=40),
        run("Easy 3", minutes=40),
    ]
    avail = windows(mon="18:00-21:00", wed="18:00-21:00", fri="18:00-21:00")
    result = infeasible(request(sessions, avail))
    conflict = result.conflicts[0]
    assert set(conflict.rule_ids) == {RuleId("RL-1"), RuleId("availability")}
    assert set(conflict.session_ids) == {s.id for s in sessions}
    assert "4 runs and 0 lifts; windows on 3 days (Mon, Wed, Fri)" in conflict.inputs
    kinds = [r.kind for r in result.relaxations]
    assert RelaxationKind.ADD_WINDOW in kinds
    assert RelaxationKind.DROP_SESSION in kinds
    drop = next(r for r in result.relaxations if r.kind is RelaxationKind.DROP_SESSION)
    assert drop.session_ids[0].startswith("Easy")  # an easy run goes before the key tempo
    window = next(r for r in result.relaxations if r.kind is RelaxationKind.ADD_WINDOW)
    assert window.windows[0].weekday.value not in {"mon", "wed", "fri"}


def test_only_the_runs_that_crowd_the_days_are_named() -> None:
    # A and B (100 min) fit only Monday's long window; C (90 min) could take Thursday's.
    sessions = [run("A", minutes=100), run("B", minutes=100), run("C", minutes=90)]
    avail = windows(mon="06:00-10:00", thu="06:00-07:30")
    conflict = infeasible(request(sessions, avail)).conflicts[0]
    assert "RL-1" in conflict.rule_ids
    assert set(conflict.session_ids) == {"A", "B"}


def test_three_lifts_on_two_days_break_rl1_not_sch7() -> None:
    # Three full-body lifts on two days would satisfy SCH-7 (each group on 2 days) but not RL-1.
    lifts = [lift(f"L{n}", kind=LiftKind.RUNNER_STRENGTH) for n in range(3)]
    two_days = windows(mon="06:00-08:00 18:00-20:00", thu="06:00-08:00 18:00-20:00")
    conflict = infeasible(request(lifts, two_days, priority=Priority.LIFTING)).conflicts[0]
    assert "RL-1" in conflict.rule_ids
    assert "SCH-7" not in conflict.rule_ids
    three_days = windows(mon="06:00-08:00 18:00-20:00", thu="06:00-08:00", sat="09:00-10:00")
    result = placed(request(lifts, three_days, priority=Priority.LIFTING))
    assert sorted(_days(result, runs=False)) == ["Mon", "Sat", "Thu"]


def test_a_combined_block_is_still_one_run_and_one_lift() -> None:
    sessions = [
        lift("Strength", kind=LiftKind.RUNNER_STRENGTH),
        run("Easy", minutes=30),
        lift("Other", kind=LiftKind.RUNNER_STRENGTH),
    ]
    req = request(
        sessions,
        windows(wed="17:00-19:00", sat="10:00-11:00"),
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
        allow_combined=True,
    )
    week = by_id(placed(req))
    assert week["Strength"].spec.combined_with == "Easy"
    assert local(week["Strength"].start)[:3] == local(week["Easy"].start)[:3] == "Wed"


def test_two_fixed_runs_on_one_day_are_history_but_keep_others_away() -> None:
    sessions = [run("Done 1", minutes=30), run("Done 2", minutes=30), run("Next", minutes=30)]
    fixed = {
        SessionId("Done 1"): datetime(2025, 1, 6, 7, 0, tzinfo=BERLIN),
        SessionId("Done 2"): datetime(2025, 1, 6, 18, 0, tzinfo=BERLIN),
    }
    req = request(sessions, windows(mon="19:00-21:00", tue="19:00-20:00"))
    result = place_week(req, fixed=fixed)
    assert isinstance(result, WeekPlacement)
    assert local(by_id(result)["Next"].start) == "Tue 19:00"
    hard = [v for v in check_week(result.sessions, req.context) if v.hard]
    assert [(v.rule_id, [s.id for s in v.sessions]) for v in hard] == [
        ("RL-1", ["Done 1", "Done 2"])
    ]


def test_eight_runs_for_a_seven_day_week_can_only_lose_a_run() -> None:
    sessions = [run(f"Run {n}", minutes=30) for n in range(8)]
    every_day = windows(**dict.fromkeys(DAYS, "06:00-08:00 18:00-20:00"))
    result = infeasible(request(sessions, every_day))
    assert "RL-1" in result.conflicts[0].rule_ids
    assert result.relaxations
    assert {r.kind for r in result.relaxations} == {RelaxationKind.DROP_SESSION}
