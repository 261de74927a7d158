"""Re-placement: previous placements are kept where possible; fixed starts are honoured."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta
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

from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.errors import InvalidInput
from runlift.placement.week import place_week
from runlift.rules import check_sessions
from runlift.vocabulary import GoalKind, LiftKind, MuscleGroup, Priority, RunKind, Weekday

ZONE = ZoneInfo("Europe/Berlin")
LEGS, BACK, CHEST = MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST
SESSIONS = [
    lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
    lift("Press", kind=LiftKind.RUNNER_STRENGTH, groups=(LEGS, BACK, CHEST)),
    run("Intervals", kind=RunKind.INTERVALS, minutes=50),
    run("Long", kind=RunKind.LONG, minutes=100),
    run("Easy", minutes=40),
]
AVAILABILITY = windows(
    mon="18:00-20:00",
    tue="06:00-07:30 18:00-20:00",
    wed="18:00-20:00",
    thu="06:00-07:30 18:00-20:00",
    fri="18:00-20:00",
    sat="08:00-12:00",
    sun="08:00-12:00",
)


def week_request(availability: dict[Weekday, object] | None = None) -> object:
    return request(
        SESSIONS,
        availability or AVAILABILITY,  # type: ignore[arg-type]
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
    )


def at(day: int, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime(MONDAY.year, MONDAY.month, MONDAY.day, hour, minute, tzinfo=ZONE) + timedelta(
        days=day
    )


def test_same_week_again_moves_nothing() -> None:
    req = week_request()
    first = placed(req)  # type: ignore[arg-type]
    again = placed(req, previous=first)  # type: ignore[arg-type]
    assert again.moved == ()
    assert again.sessions == first.sessions
    assert again.preferences["moves"] == 0


def test_lost_window_moves_only_the_session_that_used_it() -> None:
    req = week_request()
    first = placed(req)  # type: ignore[arg-type]
    victim = by_id(first)["Easy"]
    weekday = list(Weekday)[victim.start.astimezone(ZONE).weekday()]
    lost = {
        day: tuple(
            w
            for w in spans
            if day != weekday or not (w.start <= victim.start.astimezone(ZONE).time() < w.end)
        )
        for day, spans in AVAILABILITY.items()
    }
    assert lost[weekday] != AVAILABILITY[weekday]
    again = placed(week_request(lost), previous=first)  # type: ignore[arg-type]
    assert "Easy" in again.moved
    kept = {s.id for s in SESSIONS} - set(again.moved)
    assert kept, "the other sessions stay"
    before, after = by_id(first), by_id(again)
    for sid in kept:
        assert after[sid].start == before[sid].start
    assert again.preferences["moves"] == 5 * len(again.moved)
    assert any(line.startswith("moved from") for line in why(again, "Easy").preferences)


def test_fixed_start_outside_the_windows_is_kept_and_the_rest_respects_it() -> None:
    # The athlete ran the intervals on Tuesday at 07:12, outside every window.
    done = at(1, "07:12")
    result = placed(week_request(), fixed={SessionId("Intervals"): done})  # type: ignore[arg-type]
    week = by_id(result)
    assert week["Intervals"].start == done
    assert why(result, "Intervals").window == "fixed start"
    # SCH-4: the heavy lower lift keeps 12 h from the hard run on either side.
    squat = week["Squat"]
    assert squat.start - week["Intervals"].end >= timedelta(hours=12) or (
        week["Intervals"].start - squat.end >= timedelta(hours=12)
    )


def test_fixed_seconds_are_truncated_to_the_minute() -> None:
    result = placed(
        week_request(),  # type: ignore[arg-type]
        fixed={SessionId("Easy"): at(5, "09:40") + timedelta(seconds=42)},
    )
    assert local(by_id(result)["Easy"].start) == "Sat 09:40"


def test_fixed_starts_are_checked() -> None:
    req = week_request()
    with pytest.raises(InvalidInput, match="fixed"):
        place_week(req, fixed={SessionId("Nope"): at(0, "18:00")})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="fixed"):
        place_week(req, fixed={SessionId("Easy"): at(7, "18:00")})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="fixed"):
        place_week(req, fixed={SessionId("Easy"): at(0, "18:00").replace(tzinfo=None)})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="overlap"):
        place_week(
            req,  # type: ignore[arg-type]
            fixed={SessionId("Easy"): at(0, "18:00"), SessionId("Long"): at(0, "18:30")},
        )


def test_fixed_session_that_blocks_the_rest_is_named_in_the_conflict() -> None:
    # Heavy lower done on Tuesday 06:00; the intervals only fit Monday evening (11 h before).
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
        lift("Press", kind=LiftKind.RUNNER_STRENGTH, groups=(LEGS, BACK, CHEST), minutes=45),
        run("Intervals", kind=RunKind.INTERVALS, minutes=60),
    ]
    req = request(
        sessions,
        windows(mon="18:00-19:00", sat="08:00-08:45"),
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
    )
    squat = {SessionId("Squat"): at(1, "06:00")}
    result = infeasible(req, fixed=squat)
    conflict = result.conflicts[0]
    assert "SCH-4" in conflict.rule_ids
    assert any("'Squat' is fixed at Tue 06:00" in line for line in conflict.inputs)
    assert result.relaxations


def test_dropping_a_session_is_offered_when_the_windows_are_too_few() -> None:
    sessions = [*SESSIONS, run("Easy 2", minutes=40), run("Easy 3", minutes=40)]
    req = request(
        sessions,
        windows(mon="18:00-19:00", wed="18:00-20:00", sat="08:00-10:00"),
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
    )
    result = infeasible(req)
    assert result.relaxations
    assert all(
        dataclasses.replace(r, text="") != r for r in result.relaxations
    )  # every relaxation says something
    assert result.text.count("\n- ") == len(result.relaxations)


def test_neighbouring_week_keeps_its_distance() -> None:
    # Last Sunday's intervals ended at 19:00: a heavy lower lift on Monday 06:00 would be 11 h
    # later (SCH-4 asks 12 h), so the squat moves to the evening.
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
        lift("Press", kind=LiftKind.RUNNER_STRENGTH, groups=(LEGS, BACK, CHEST)),
    ]
    avail = windows(mon="06:00-07:00 19:00-20:00", tue="19:00-20:00")
    sunday = at(-1, "18:00")
    last_week = ScheduledSession(
        spec=run("Sunday intervals", kind=RunKind.INTERVALS, minutes=60),
        start=sunday,
        end=sunday + timedelta(hours=1),
    )
    alone = request(
        sessions,
        avail,
        goal=GoalKind.STRENGTH,
        priority=Priority.LIFTING,
        preferred_start={"Squat": time(6, 0)},
    )
    assert local(by_id(placed(alone))["Squat"].start) == "Mon 06:00"
    with_neighbour = dataclasses.replace(alone, neighbours=(last_week,))
    week = by_id(placed(with_neighbour))
    assert local(week["Squat"].start) != "Mon 06:00"
    both = check_sessions([*placed(with_neighbour).sessions, last_week], alone.context)
    assert not [v for v in both if v.hard]
    with pytest.raises(InvalidInput, match="neighbours"):
        place_week(dataclasses.replace(alone, neighbours=(placed(alone).sessions[0],)))
