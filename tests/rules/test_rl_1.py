"""RL-1: at most one run and at most one lift on one local date (runlift's own rule)."""

from __future__ import annotations

from datetime import date

import pytest
from rules_builders import FRI, MON, SAT, SUN, THU, TUE, WED, ctx, lift, run

from runlift.domain.sessions import ScheduledSession
from runlift.rules import RuleId, check_week, week_cost
from runlift.rules.checkers import rl_1
from runlift.vocabulary import EvidenceProfile, GoalKind, LiftKind, Modality, Priority, RunKind


def _all_day(session: ScheduledSession) -> ScheduledSession:
    return ScheduledSession(spec=session.spec, start=session.start, end=session.end, all_day=True)


def test_one_run_and_one_lift_a_day_is_fine() -> None:
    sessions = [
        run("Easy", MON, "07:00"),
        lift("Full", MON, "18:00"),
        run("Tempo", TUE, "07:00", kind=RunKind.TEMPO),
        lift("Upper", WED, "07:00", kind=LiftKind.UPPER),
    ]
    assert list(rl_1.check(sessions, ctx())) == []


def test_stacked_sunday_runs_are_one_hard_violation() -> None:
    sessions = [
        run("Monday easy", MON, "07:00"),
        run("Threshold", SUN, "08:00", kind=RunKind.TEMPO, minutes=40),
        run("Reps", SUN, "08:45", kind=RunKind.REPETITION, minutes=30),
        run("Easy", SUN, "09:30", minutes=40),
    ]
    (violation,) = rl_1.check(sessions, ctx())
    assert violation.hard
    assert violation.rule_id == "RL-1"
    assert (violation.measured, violation.limit, violation.unit) == (3, 1, "runs")
    assert [s.id for s in violation.sessions] == ["Threshold", "Reps", "Easy"]
    assert violation.text == (
        "Sun 2024-01-07 has 3 runs ('Threshold', 'Reps', 'Easy'); at most 1 run a day"
    )
    # Threshold is kept (hard and longest); Monday already has a run, so Tuesday and Wednesday.
    assert violation.fix == "move 'Reps' to Tuesday; move 'Easy' to Wednesday"


def test_a_race_day_holds_no_other_run_and_the_race_stays() -> None:
    sessions = [
        run("Sharpener", SUN, "08:00", kind=RunKind.RACE_PACE, minutes=30),
        run("Race", SUN, "09:00", kind=RunKind.RACE, minutes=120, key=True),
    ]
    (violation,) = rl_1.check(sessions, ctx(goal=GoalKind.RACE, priority=Priority.RUNNING))
    assert violation.fix == "move 'Sharpener' to Monday"
    assert "'Race'" not in violation.fix


def test_a_key_session_is_kept_over_a_longer_one() -> None:
    sessions = [
        run("Long easy", SAT, "08:00", minutes=100),
        run("Key intervals", SAT, "17:00", kind=RunKind.INTERVALS, minutes=50, key=True),
    ]
    (violation,) = rl_1.check(sessions, ctx())
    assert violation.fix == "move 'Long easy' to Sunday"


def test_two_lifts_on_a_day_are_hard() -> None:
    sessions = [
        lift("Squat", THU, "07:00", kind=LiftKind.HEAVY_LOWER),
        lift("Bench", THU, "18:00", kind=LiftKind.UPPER, minutes=45),
    ]
    (violation,) = rl_1.check(sessions, ctx())
    assert (violation.measured, violation.limit, violation.unit) == (2, 1, "lifts")
    assert violation.text.endswith("at most 1 lift a day")
    assert violation.fix == "move 'Bench' to Friday"


def test_runs_and_lifts_are_counted_apart() -> None:
    sessions = [
        run("Easy", MON, "06:00"),
        run("Strides", MON, "12:00", minutes=20),
        lift("Full", MON, "18:00"),
        lift("Upper", MON, "20:00", kind=LiftKind.UPPER),
    ]
    found = list(rl_1.check(sessions, ctx()))
    assert [(v.unit, v.measured) for v in found] == [("runs", 2), ("lifts", 2)]


def test_a_combined_block_is_one_run_and_one_lift() -> None:
    sessions = [
        lift("Strength", WED, "17:00", combined_with="Easy"),
        run("Easy", WED, "18:15", combined_with="Strength"),
    ]
    assert list(rl_1.check(sessions, ctx(allow_combined=True))) == []
    crowded = [*sessions, run("Later", WED, "21:00", minutes=30)]
    (violation,) = rl_1.check(crowded, ctx(allow_combined=True))
    assert [s.id for s in violation.sessions] == ["Easy", "Later"]


def test_same_local_date_decides_not_utc() -> None:
    # 23:30 Monday and 00:30 Tuesday in New York are both Tuesday in UTC.
    sessions = [
        run("Late", MON, "23:30", tz="America/New_York", minutes=30),
        run("Early", TUE, "00:30", tz="America/New_York", minutes=30),
    ]
    assert list(rl_1.check(sessions, ctx(timezone="America/New_York"))) == []
    assert len(list(rl_1.check(sessions, ctx(timezone="UTC")))) == 1


def test_all_day_sessions_count() -> None:
    sessions = [_all_day(run("Plan run", TUE, "00:00")), run("Timed run", TUE, "18:00")]
    (violation,) = rl_1.check(sessions, ctx())
    assert violation.measured == 2
    assert all(s.start.date() == date(2024, 1, 2) for s in violation.sessions)


def test_a_full_week_leaves_drop_as_the_fix() -> None:
    sessions = [run(f"Run {day}", day, "07:00") for day in range(7)]
    sessions.append(run("Extra", WED, "18:00", minutes=30))
    (violation,) = rl_1.check(sessions, ctx())
    assert violation.fix == "drop 'Extra' this week or fold it into 'Run 2'"


def test_every_day_over_the_limit_is_reported() -> None:
    sessions = [
        run(f"{day}-{n}", day, f"{7 + 10 * n:02d}:00") for day in (MON, FRI) for n in (0, 1)
    ]
    found = list(rl_1.check(sessions, ctx()))
    assert [v.sessions[0].id for v in found] == ["0-0", "4-0"]


def test_check_week_reports_it_and_week_cost_does_not_price_it() -> None:
    sessions = [run("A", MON, "07:00"), run("B", MON, "18:00")]
    assert [v.rule_id for v in check_week(sessions, ctx()) if v.hard] == [RuleId("RL-1")]
    assert RuleId("RL-1") not in week_cost(sessions, ctx()).terms


@pytest.mark.parametrize("profile", list(EvidenceProfile))
def test_every_profile_allows_one_of_each(profile: EvidenceProfile) -> None:
    assert rl_1.most_per_day(Modality.RUN, ctx(profile=profile)) == 1
    assert rl_1.most_per_day(Modality.LIFT, ctx(profile=profile)) == 1
    sessions = [run("A", MON, "07:00"), run("B", MON, "18:00")]
    assert len(list(rl_1.check(sessions, ctx(profile=profile)))) == 1
