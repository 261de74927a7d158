"""A realistic week: grid, windows, commitments, cost, explanations, determinism, preferences."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from placement_builders import (
    MONDAY,
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

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import Commitment, TimeWindow
from runlift.errors import InvalidInput
from runlift.placement.week import RelaxationKind, WeekPlacement, place_week
from runlift.rules import RULES, RuleId, week_cost
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MuscleGroup,
    Priority,
    RunKind,
    Weekday,
)

LEGS, BACK, CHEST = MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST
BERLIN = ZoneInfo("Europe/Berlin")
AVAILABILITY = windows(
    mon="06:00-07:30 17:30-20:00",
    tue="12:00-13:00 18:00-20:30",
    wed="06:00-07:30 17:30-20:00",
    thu="18:00-20:30",
    fri="06:00-07:00 12:00-13:00",
    sat="08:00-11:00 16:00-18:00",
    sun="08:00-12:00",
)
SESSIONS = [
    lift("Squat day", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK), minutes=75),
    lift("Bench day", kind=LiftKind.UPPER, groups=(CHEST, BACK)),
    lift("Full body", groups=(LEGS, CHEST, BACK), minutes=60),
    run("Intervals", kind=RunKind.INTERVALS, minutes=50, key=True),
    run("Long run", kind=RunKind.LONG, minutes=105, key=True),
    run("Easy 1", minutes=40),
    run("Easy 2", minutes=30),
]


def test_every_session_starts_on_the_grid_inside_one_window() -> None:
    req = request(SESSIONS, AVAILABILITY, goal=GoalKind.RACE, priority=Priority.RUNNING)
    result = placed(req)
    zone = ZoneInfo("Europe/Berlin")
    assert len(result.sessions) == len(SESSIONS)
    for session in result.sessions:
        start, end = session.start.astimezone(zone), session.end.astimezone(zone)
        assert session.start.tzinfo is not None
        assert start.minute % 15 == 0
        assert start.second == 0
        assert end - start == timedelta(minutes=session.spec.duration_min)
        weekday = list(Weekday)[start.weekday()]
        assert any(
            w.start <= start.time() and end.time() <= w.end and start.date() == end.date()
            for w in AVAILABILITY[weekday]
        ), session.id
    ordered = sorted(result.sessions, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))
    assert result.optimal


def test_reported_cost_is_the_rules_week_cost_and_the_solver_objective() -> None:
    req = request(SESSIONS, AVAILABILITY, goal=GoalKind.RACE, priority=Priority.RUNNING)
    result = placed(req)
    assert result.cost == week_cost(result.sessions, req.context)
    assert result.solver_cost == result.cost
    assert result.solve_time_s > 0


def test_explanations_name_rules_with_sources() -> None:
    req = request(SESSIONS, AVAILABILITY, goal=GoalKind.RACE, priority=Priority.RUNNING)
    result = placed(req)
    assert set(result.explanations) == {s.id for s in SESSIONS}
    squat = why(result, "Squat day")
    assert squat.window.startswith(local(by_id(result)["Squat day"].start)[:3])
    assert "SCH-7" in squat.rule_ids
    for explanation in result.explanations.values():
        assert len(explanation.lines) == len(explanation.rule_ids)
        for rule_id, line in zip(explanation.rule_ids, explanation.lines, strict=True):
            assert line.startswith(f"{rule_id}: ")
            assert explanation.sources[rule_id] == RULES[rule_id].sources


def test_explanation_quotes_the_same_day_gap() -> None:
    # Two runs and a lift on one day with two windows: the lines give the gap and the minimum.
    req = request(
        [
            lift("A", kind=LiftKind.RUNNER_STRENGTH),
            lift("B", kind=LiftKind.RUNNER_STRENGTH),
            run("R", minutes=60),
        ],
        windows(mon="06:00-07:00 18:00-19:00", fri="06:00-07:00"),
    )
    result = placed(req)
    monday_lift = next(s for s in result.sessions if s.spec.is_lift and s.start.weekday() == 0)
    line = next(line for line in why(result, "R").lines if line.startswith("SCH-1: "))
    assert "11 h" in line
    assert f"'{monday_lift.id}'" in line
    assert "at least 6 h between them" in line


def test_same_request_gives_the_same_placement() -> None:
    req = request(SESSIONS, AVAILABILITY, goal=GoalKind.RACE, priority=Priority.RUNNING)
    first, second = placed(req), placed(req)
    assert first.sessions == second.sessions
    assert first.explanations == second.explanations


def test_commitment_blocks_part_of_a_window() -> None:
    sessions = [lift("A", kind=LiftKind.RUNNER_STRENGTH), lift("B", kind=LiftKind.RUNNER_STRENGTH)]
    busy = Commitment(
        title="school run", weekday=Weekday.MON, window=TimeWindow.parse("17:00-18:30")
    )
    result = placed(
        request(sessions, windows(mon="17:00-19:30", tue="07:00-08:00"), commitments=[busy])
    )
    monday = next(s for s in result.sessions if s.start.weekday() == 0)
    assert local(monday.start) == "Mon 18:30"


def test_a_session_must_fit_in_one_window_not_across_two() -> None:
    sessions = [
        lift("A", kind=LiftKind.RUNNER_STRENGTH, minutes=90),
        lift("B", kind=LiftKind.RUNNER_STRENGTH),
    ]
    result = infeasible(
        request(sessions, windows(mon="07:00-08:00 08:00-09:00", tue="07:00-08:00"))
    )
    assert "availability" in result.conflicts[0].rule_ids
    assert any("'A' (90 min)" in line for line in result.conflicts[0].inputs)
    assert RelaxationKind.EXTEND_WINDOW in {r.kind for r in result.relaxations}


def test_the_mildest_profile_step_that_works_is_offered_not_the_larger_one() -> None:
    # Two days, each with a 06:00 and a 13:00 hour: a lift and a run share each
    # day 6 h apart, which default allows and strict (8 h) does not.
    req = request(
        [lift("Lift A"), lift("Lift B"), run("Run A"), run("Run B")],
        windows(mon="06:00-07:00 13:00-14:00", wed="06:00-07:00 13:00-14:00"),
        profile=EvidenceProfile.STRICT,
    )
    result = infeasible(req)
    profiles = [r.profile for r in result.relaxations if r.kind is RelaxationKind.PROFILE]
    assert profiles == [EvidenceProfile.DEFAULT]
    # Moderate is milder still, so it works too; it is left out as the larger change.
    moderate = dataclasses.replace(
        req, context=dataclasses.replace(req.context, profile=EvidenceProfile.MODERATE)
    )
    assert isinstance(place_week(moderate), WeekPlacement)


def test_preferred_start_breaks_ties() -> None:
    sessions = [lift("A", kind=LiftKind.RUNNER_STRENGTH), lift("B", kind=LiftKind.RUNNER_STRENGTH)]
    avail = windows(mon="06:00-10:00", thu="06:00-10:00")
    result = placed(request(sessions, avail, preferred_start={"A": time(8, 15), "B": time(6, 30)}))
    week = by_id(result)
    assert local(week["A"].start)[4:] == "08:15"
    assert local(week["B"].start)[4:] == "06:30"
    assert result.preferences["preferred_start"] == 0


def test_key_run_takes_the_earliest_slot_when_running_comes_first() -> None:
    sessions = [
        lift("A", kind=LiftKind.RUNNER_STRENGTH),
        lift("B", kind=LiftKind.RUNNER_STRENGTH),
        run("Tempo", kind=RunKind.TEMPO, key=True, minutes=75),
    ]
    # Only the lifts fit Monday and Saturday, and they are, more than 48 h from any Thursday run:
    # cost 0 anywhere in Thursday's windows, and the key run takes the earliest start.
    avail = windows(mon="06:00-07:00", thu="09:00-12:00 16:00-20:00", sat="18:00-19:00")
    result = placed(request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING))
    assert local(by_id(result)["Tempo"].start) == "Thu 09:00"
    assert result.cost.total == 0
    assert any(line.startswith("RUN-3") for line in why(result, "Tempo").preferences)


def test_allowed_dates_keep_a_session_to_its_days() -> None:
    sessions = [
        lift("A", kind=LiftKind.RUNNER_STRENGTH),
        lift("B", kind=LiftKind.RUNNER_STRENGTH),
        run("Tempo", kind=RunKind.TEMPO, key=True),
    ]
    avail = windows(mon="06:00-08:00", wed="06:00-08:00", thu="06:00-08:00", sat="08:00-10:00")
    free = placed(request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING))
    assert local(by_id(free)["Tempo"].start).startswith("Mon")
    # Only Thursday: the key run gives up Monday's earlier slot for it.
    kept = dataclasses.replace(
        request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING),
        allowed_dates={"Tempo": frozenset({MONDAY + timedelta(days=3)})},
    )
    assert local(by_id(placed(kept))["Tempo"].start) == "Thu 06:00"
    # A date with no window leaves the session nowhere to go.
    nowhere = dataclasses.replace(
        kept, allowed_dates={"Tempo": frozenset({MONDAY + timedelta(days=1)})}
    )
    assert not isinstance(place_week(nowhere), WeekPlacement)


def test_composition_error_is_raised_before_solving() -> None:
    with pytest.raises(InvalidInput, match="SCH-7"):
        place_week(request([lift("Only")], windows(mon="06:00-07:00")))
    four = [lift(f"L{n}", kind=LiftKind.RUNNER_STRENGTH) for n in range(4)]
    with pytest.raises(InvalidInput, match="at most 3 lifts"):
        place_week(request(four, windows(mon="06:00-07:00"), priority=Priority.RUNNING))


def test_bad_time_limit_and_unknown_timezone_are_input_errors() -> None:
    req = request([run("R")], windows(mon="06:00-07:00"))
    with pytest.raises(InvalidInput):
        place_week(req, time_limit_s=0)
    with pytest.raises(InvalidInput, match="timezone"):
        place_week(request([run("R")], windows(mon="06:00-07:00"), timezone="Mars/Olympus"))


def test_clock_change_week_uses_real_elapsed_time() -> None:
    # Europe/Berlin moves the clock forward at 02:00 on Sunday 30 March 2025. A heavy lower
    # lift Saturday 19:00-20:00 and a run Sunday 07:00 are 11 h apart on the wall clock but
    # only 10 h in real time: it still breaks SCH-4 (12 h), and 08:00 (11 h real) too.
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
        lift("Other", kind=LiftKind.RUNNER_STRENGTH),
        run("Easy", minutes=30),
    ]
    avail = windows(mon="06:00-07:00", sat="19:00-20:00", sun="07:00-10:00")
    result = placed(
        request(
            sessions,
            avail,
            goal=GoalKind.STRENGTH,
            priority=Priority.LIFTING,
            week_start=date(2025, 3, 24),
        )
    )
    week = by_id(result)
    if week["Squat"].start.weekday() == 5:
        real_gap = week["Easy"].start.astimezone(UTC) - week["Squat"].end.astimezone(UTC)
        assert real_gap >= timedelta(hours=12)
    assert isinstance(result, WeekPlacement)


RULE_LINE = re.compile(r"^(PHY|SCH|RL)-\d+: (?P<text>.+)$")


def test_explanations_say_in_words_what_each_rule_measured() -> None:
    # Last week ended with Sunday's heavy squats and a hard run on Saturday: this week's
    # lines name them, and every line is a sentence with its rule ID in front.
    saturday = datetime(2025, 1, 4, 9, 0, tzinfo=BERLIN)
    sunday = datetime(2025, 1, 5, 9, 0, tzinfo=BERLIN)
    last_week = (
        ScheduledSession(
            spec=run("Last Saturday's tempo", kind=RunKind.TEMPO, minutes=50),
            start=saturday,
            end=saturday + timedelta(minutes=50),
        ),
        ScheduledSession(
            spec=lift("Last Sunday's squats", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK)),
            start=sunday,
            end=sunday + timedelta(hours=1),
        ),
    )
    req = dataclasses.replace(
        request(SESSIONS, AVAILABILITY, goal=GoalKind.RACE, priority=Priority.RUNNING),
        neighbours=last_week,
    )
    result = placed(req)
    lines = [line for e in result.explanations.values() for line in e.lines]
    for line in lines:
        match = RULE_LINE.match(line)
        assert match, line
        assert re.search(r"[a-z]{4,} [a-z]{2,}", match["text"]), line  # words, not a bare figure
        assert "(+" not in line  # points are said as a cost
    phy = [line for line in lines if line.startswith("PHY-1: ")]
    assert phy
    assert all(
        re.search(r"interference cost \d+ of 100 with '.+' \(.+ apart, (run|lift) first\)", x)
        for x in phy
    )
    assert all("blunt" in x and "muscle-building signal" in x for x in phy)
    assert all(x.count("costs") == len(re.findall(r"\(costs \d+\)", x)) for x in lines)
    # A run on Monday is explained against last Sunday's squats, across the week boundary.
    monday = [s for s in result.sessions if s.start.astimezone(BERLIN).weekday() == 0]
    said = " ".join(line for s in monday for line in why(result, s.id).lines)
    assert any(s.spec.is_run for s in monday)
    assert "'Last Sunday's squats' (last week's Sun)" in said
    assert (
        "after heavy lower lift 'Last Sunday's squats' (last week's Sun) ends: "
        "fine for an easy run (at least 6 h)"
    ) in said
    # The week's points are the explanation's: what the lines cost adds up to the cost.
    total = sum(sum(e.penalties.values()) for e in result.explanations.values())
    assert total >= result.cost.total + result.boundary_cost.total


def test_a_week_with_three_loaded_days_in_a_row_says_why() -> None:
    # Three hard runs and windows on Friday to Sunday only: RL-1 leaves no other way.
    sessions = [
        run("Threshold", kind=RunKind.TEMPO, minutes=40),
        run("Reps", kind=RunKind.REPETITION, minutes=30),
        run("Long", kind=RunKind.LONG, minutes=80),
    ]
    req = request(
        sessions,
        windows(fri="18:00-20:00", sat="08:00-10:00", sun="08:00-11:00"),
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
    )
    result = placed(req)
    assert result.cost.terms[RuleId("RL-3")] == 50
    lines = [
        line for s in result.sessions for line in why(result, s.id).lines if line.startswith("RL-3")
    ]
    assert any(
        "3 loaded days in a row (Fri, Sat, Sun): hard days need easy days between them" in x
        for x in lines
    )
