"""``monitor``: the log read as load, ability, body mass, readiness and lift efforts."""

from __future__ import annotations

import doctest
import importlib
import math
from datetime import UTC, datetime, timedelta

import pytest
from monitoring_builders import (
    BENCH,
    EASY_WEEK_AU,
    ROW,
    SQUAT,
    START,
    ZONE,
    Done,
    Slot,
    lift,
    make_plan,
    nutrition_day,
    run,
    sets,
)

from runlift.domain.activities import Activity, BodyMassReading
from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.sessions import SessionId
from runlift.science.ability import RunEffort
from runlift.science.readiness import FatigueSignal, ReadinessComponent
from runlift.science.running import vdot
from runlift.science.strength import percent_one_rep_max
from runlift.tracking.monitoring import (
    EXTRA_SESSION_RPE,
    MINUTES_PER_SET,
    LogActivity,
    chart_rpe,
    is_race_name,
    monitor,
)
from runlift.vocabulary import (
    ActivityFormat,
    EventKind,
    MissReason,
    RunKind,
    SessionStatus,
    SetKind,
    Sport,
)

MONDAY = START
TUESDAY = START + timedelta(days=1)
THURSDAY = START + timedelta(days=3)
SATURDAY = START + timedelta(days=5)


@pytest.mark.parametrize("name", ["monitoring", "efforts", "loads"])
def test_the_module_examples_hold(name: str) -> None:
    module = importlib.import_module(f"runlift.tracking.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
    assert result.attempted > 0 or name == "loads"


def test_planned_load_is_each_days_prescribed_minutes_times_rpe() -> None:
    plan = make_plan(weeks=2)
    result = monitor(plan=plan, activities=(), today=START + timedelta(days=13), zone=ZONE)
    assert result.planned_load_au[MONDAY] == 40 * 3
    assert result.planned_load_au[TUESDAY] == 50 * 6
    assert result.planned_load_au[START + timedelta(days=2)] == 0
    week = [result.planned_load_au[START + timedelta(days=d)] for d in range(7)]
    assert sum(week) == EASY_WEEK_AU
    assert [w.planned_load_au for w in result.weeks] == [EASY_WEEK_AU, EASY_WEEK_AU]
    # Nothing logged: every past day is rest, every session missed.
    assert set(result.actual_load_au.values()) == {0.0}
    assert {r.status for r in result.records} == {SessionStatus.MISSED}


def test_actual_rpe_is_the_athletes_then_the_sessions_then_the_sports_default() -> None:
    plan = make_plan(weeks=1)
    activities = [
        run(1, MONDAY, km=7, minutes=42, rpe=4),  # rated by the athlete
        run(2, THURSDAY, km=9, minutes=44),  # fulfils the tempo run: its planned RPE 6
        run(3, START + timedelta(days=2), km=20, minutes=60, sport=Sport.CYCLING),  # extra ride
        run(4, START + timedelta(days=6), km=5, minutes=30, sport=Sport.WALKING, rpe=1),
        run(5, START + timedelta(days=2), km=6, minutes=35, hour=17),  # an unplanned run
    ]
    result = monitor(plan=plan, activities=activities, today=START + timedelta(days=6), zone=ZONE)
    loads = {load.key: load for load in result.activity_loads}
    assert (loads[1].rpe, loads[1].rpe_source, loads[1].load_au) == (4, "athlete", 42 * 4)
    assert (loads[2].rpe, loads[2].rpe_source, loads[2].load_au) == (6, "planned", 44 * 6)
    assert (loads[3].rpe_source, loads[3].load_au) == (
        "default",
        60 * EXTRA_SESSION_RPE[Sport.CYCLING],
    )
    assert (loads[4].rpe_source, loads[4].load_au) == ("athlete", 30 * 1)
    assert (loads[5].rpe, loads[5].rpe_source) == (EXTRA_SESSION_RPE[Sport.RUN], "default")
    # The ride and the walk are load, never a run: neither fulfils a session.
    assert loads[3].session_id is None
    assert loads[4].session_id is None
    assert result.matches == {1: "w01-run1", 2: "w01-run2"}
    assert result.extras == (3, 5, 4)  # by start
    assert result.actual_load_au[START + timedelta(days=2)] == 60 * 4 + 35 * 3
    assert result.actual_load_au[START + timedelta(days=6)] == 30 * 1
    week = result.weeks[0]
    assert week.actual_load_au == sum(load.load_au for load in loads.values())
    assert (week.done, week.missed, week.extras) == (2, 2, 3)


def test_a_lift_without_its_duration_counts_planned_minutes_or_three_minutes_a_set() -> None:
    plan = make_plan(weeks=1)
    work = sets(
        Done(exercise=SQUAT, reps=5, load_kg=60, kind=SetKind.WARM_UP),
        Done(exercise=SQUAT, reps=5, load_kg=100),
        Done(exercise=SQUAT, reps=5, load_kg=100),
    )
    planned = lift(1, TUESDAY, work, minutes=None, rpe=7)
    extra = lift(2, START + timedelta(days=4), work, minutes=None)
    result = monitor(plan=plan, activities=[planned, extra], today=SATURDAY, zone=ZONE)
    loads = {load.key: load for load in result.activity_loads}
    assert (loads[1].minutes, loads[1].minutes_source, loads[1].load_au) == (50, "planned", 350)
    assert (loads[2].minutes, loads[2].minutes_source) == (2 * MINUTES_PER_SET, "sets")
    assert loads[2].load_au == 2 * MINUTES_PER_SET * EXTRA_SESSION_RPE[Sport.STRENGTH]


def _ewma(loads: list[float], span: int) -> float:
    value, decay = 0.0, 2 / (span + 1)
    for load in loads:
        value = decay * load + (1 - decay) * value
    return value


def test_acwr_is_none_before_28_days_of_history_and_the_ewma_ratio_from_then() -> None:
    plan = make_plan(weeks=6)
    # A 60 min ride at RPE 5 every day: 300 AU a day, done from the plan's first day.
    rides = [
        run(n, START + timedelta(days=n), km=25, minutes=60, rpe=5, sport=Sport.CYCLING)
        for n in range(40)
    ]
    day_27 = monitor(plan=plan, activities=rides, today=START + timedelta(days=26), zone=ZONE)
    assert day_27.load.history_days == 27
    assert day_27.load.acwr is None
    assert day_27.load.acute_au == pytest.approx(_ewma([300.0] * 27, 7))
    # Nothing logged before the plan: its 28 days carry the first week's mean load, so
    # the planned ratio is read from the plan's first day on.
    baseline = [EASY_WEEK_AU / 7] * 28
    planned_27 = baseline + [day_27.planned_load_au[START + timedelta(days=d)] for d in range(27)]
    assert day_27.load.planned.acwr == pytest.approx(_ewma(planned_27, 7) / _ewma(planned_27, 28))

    day_28 = monitor(plan=plan, activities=rides, today=START + timedelta(days=27), zone=ZONE)
    loads = [300.0] * 28
    assert day_28.load.history_days == 28
    assert day_28.load.acwr == pytest.approx(_ewma(loads, 7) / _ewma(loads, 28))
    assert day_28.load.chronic_au == pytest.approx(_ewma(loads, 28))
    # Every day the same: the week has no spread, so monotony and strain are undefined.
    assert day_28.load.actual.week_au == 7 * 300
    assert day_28.load.monotony is None
    assert day_28.load.strain_au is None
    # The planned series holds the plan's four sessions a week.
    planned = baseline + [day_28.planned_load_au[START + timedelta(days=d)] for d in range(28)]
    assert day_28.load.planned.acwr == pytest.approx(_ewma(planned, 7) / _ewma(planned, 28))
    assert day_28.load.planned.week_au == EASY_WEEK_AU
    assert day_28.load.planned.monotony is not None


def test_history_before_the_plan_counts_in_both_series() -> None:
    plan = make_plan(weeks=2)
    before = [
        run(n, START - timedelta(days=30 - n), km=8, minutes=50, rpe=4) for n in range(0, 30, 2)
    ]
    result = monitor(plan=plan, activities=before, today=START + timedelta(days=1), zone=ZONE)
    first = START - timedelta(days=30)
    assert min(result.actual_load_au) == first
    assert result.load.history_days == 32
    assert result.load.acwr is not None
    assert result.planned_load_au[first] == 200  # the log stands in for the plan before it
    assert result.planned_load_au[MONDAY] == 120
    assert result.extras == tuple(range(0, 30, 2))


def test_a_log_silent_before_the_plan_is_not_read_as_rest() -> None:
    # One run logged 200 days before the plan, nothing in the 28 days before it: those
    # days, and all before them, carry the mean daily load of the plan's first week.
    plan = make_plan(weeks=3)
    old = [run(0, START - timedelta(days=200), km=8, minutes=50, rpe=4)]
    today = START + timedelta(days=2)
    result = monitor(plan=plan, activities=old, today=today, zone=ZONE)
    baseline = EASY_WEEK_AU / 7
    assert result.actual_load_au[START - timedelta(days=200)] == 200  # the log is the log
    assert result.planned_load_au[START - timedelta(days=200)] == pytest.approx(baseline)
    assert result.planned_load_au[START - timedelta(days=1)] == pytest.approx(baseline)
    assert result.history_load_au[START - timedelta(days=28)] == pytest.approx(baseline)
    assert result.history_load_au[START + timedelta(days=1)] == 0  # from the plan on: the log
    assert result.load.planned.acwr is not None
    assert 0.8 < result.load.planned.acwr < 1.3  # the plan starts at the athlete's load
    # A log that holds load in the 28 days before the plan stands for those days.
    recent = [*old, run(1, START - timedelta(days=3), km=8, minutes=50, rpe=4)]
    logged = monitor(plan=plan, activities=recent, today=today, zone=ZONE)
    assert logged.planned_load_au[START - timedelta(days=3)] == 200
    assert logged.planned_load_au[START - timedelta(days=4)] == 0
    assert logged.history_load_au[START - timedelta(days=200)] == 200


def test_monotony_and_strain_of_the_last_seven_days() -> None:
    plan = make_plan(weeks=1)
    # 450, 150, 400, 200, 350, 250, 300 AU: Foster's worked week (monotony 3, strain 6300).
    loads = [450, 150, 400, 200, 350, 250, 300]
    rides = [
        run(n, START + timedelta(days=n), km=10, minutes=load / 5, rpe=5, sport=Sport.CYCLING)
        for n, load in enumerate(loads)
    ]
    result = monitor(plan=plan, activities=rides, today=START + timedelta(days=6), zone=ZONE)
    assert result.load.monotony == pytest.approx(3.0)
    assert result.load.strain_au == pytest.approx(6300.0)


def test_e1rm_from_working_sets_with_and_without_rpe_warm_ups_excluded() -> None:
    plan = make_plan(weeks=4)
    four_weeks_ago = lift(
        1, TUESDAY, sets(Done(exercise=SQUAT, reps=5, load_kg=100, rpe=8)), minutes=50
    )
    recent = lift(
        2,
        START + timedelta(days=29),
        sets(
            Done(exercise=SQUAT, reps=1, load_kg=140, kind=SetKind.WARM_UP),  # not a maximum
            Done(exercise=SQUAT, reps=8, load_kg=95),  # unrated: Epley
            Done(exercise=SQUAT, reps=10, load_kg=80, kind=SetKind.DROP),  # cut from a harder set
            Done(exercise=BENCH, reps=3, load_kg=70, rir=2),  # RPE 8 from 2 in reserve
            Done(exercise=BENCH, reps=5, load_kg=75, kind=SetKind.FAILURE),  # RPE 10
        ),
    )
    today = START + timedelta(days=30)
    result = monitor(plan=plan, activities=[recent, four_weeks_ago], today=today, zone=ZONE)
    squat = result.one_rep_max_kg[SQUAT]
    # 100 kg x 5 at RPE 8 is 123.3 kg on its day; 29 days on, 1 % a week past three weeks.
    rated = 100 / (percent_one_rep_max(reps=5, rpe=8) / 100) * (1 - 0.01 * (29 - 21) / 7)
    assert squat.one_rep_max_kg == pytest.approx(rated)
    assert squat.best is not None
    assert squat.best.performed.rpe == 8
    epley = 95 * (1 + 8 / 30)
    assert [c.one_rep_max_kg for c in squat.candidates] == pytest.approx([rated, epley])
    assert [s.reason.value for s in squat.skipped] == ["warm_up"]
    bench = result.one_rep_max_kg[BENCH]
    assert bench.one_rep_max_kg == pytest.approx(75 / 0.863)
    assert {c.performed.rpe for c in bench.candidates} == {8.0, 10.0}


def test_vdot_comes_only_from_races_and_time_trials() -> None:
    race_slot = Slot(weekday=6, hour=9, kind=RunKind.RACE, minutes=45, rpe=9, km=10)
    plan = make_plan(weeks=3, race=race_slot)
    race_day = START + timedelta(days=20)
    activities = [
        run(1, START + timedelta(days=2), km=10, minutes=38),  # fast, but a training run
        run(2, START + timedelta(days=5), km=5, minutes=21, name="Parkrun #212", hour=9),
        run(3, START + timedelta(days=10), km=6, minutes=23, name="Race pace 3 x 2 km"),
        run(4, race_day, km=10, minutes=44, hour=9),  # fulfils the plan's race session
    ]
    before_race = monitor(
        plan=plan, activities=activities, today=race_day - timedelta(days=1), zone=ZONE
    )
    assert before_race.vdot is not None
    assert before_race.vdot.vdot == pytest.approx(vdot(distance_m=5000, time_s=21 * 60))
    assert len(before_race.vdot.candidates) == 1
    after = monitor(plan=plan, activities=activities, today=race_day, zone=ZONE)
    assert after.vdot is not None
    assert after.matches[4] == "w03-run4"
    assert {c.result.distance_m for c in after.vdot.candidates} == {5000, 10000}
    assert after.vdot.vdot == pytest.approx(
        max(vdot(distance_m=5000, time_s=1260), vdot(distance_m=10000, time_s=2640))
    )
    # A log without a race or time trial has no VDOT, however fast its runs.
    training = monitor(plan=plan, activities=activities[:1], today=race_day, zone=ZONE)
    assert training.vdot is None


def test_the_athletes_word_on_a_runs_effort_comes_first() -> None:
    plan = make_plan(weeks=1)
    said = LogActivity(
        key=1,
        activity=run(1, MONDAY, km=5, minutes=20, name="Morning run").activity,
        effort=RunEffort.TIME_TRIAL,
    )
    denied = LogActivity(
        key=2,
        activity=run(2, THURSDAY, km=5, minutes=19, name="Parkrun").activity,
        effort=RunEffort.TRAINING,
    )
    result = monitor(plan=plan, activities=[said, denied], today=SATURDAY, zone=ZONE)
    assert result.vdot is not None
    assert [c.result.effort for c in result.vdot.candidates] == [RunEffort.TIME_TRIAL]


@pytest.mark.parametrize(
    ("name", "race"),
    [
        ("Berlin 10k race", True),
        ("RACE", True),
        ("Parkrun #212", True),
        ("5 km time trial", True),
        ("Time-trial on the track", True),
        ("Race pace 3 x 2 km", False),
        ("race-pace intervals", False),
        ("Pre-race shakeout", False),
        ("Watching the races", False),
        ("Morning Run", False),
        ("Trace the river", False),
    ],
)
def test_a_race_is_named_as_one(name: str, race: bool) -> None:
    assert is_race_name(name) is race


def test_readiness_reads_mood_the_right_way_round_and_heart_rate_against_its_baseline() -> None:
    plan = make_plan(weeks=2)
    baseline = [48, 48, 48, 50, 52, 52, 52]
    check_ins = [
        CheckIn(day=START + timedelta(days=n), resting_hr_bpm=hr) for n, hr in enumerate(baseline)
    ]
    # Slept 7 h, soreness 2 of 5, stress 3, mood 1 (very good), heart rate 53 (z = 1.5).
    today = START + timedelta(days=7)
    check_ins.append(CheckIn(day=today, sleep_h=7, soreness=2, stress=3, mood=1, resting_hr_bpm=53))
    result = monitor(plan=plan, activities=(), check_ins=check_ins, today=today, zone=ZONE)
    day = result.readiness_on(today)
    assert day is not None
    parts = {c.component: c for c in day.components}
    assert parts[ReadinessComponent.MOOD].subscore == 1.0
    assert parts[ReadinessComponent.SLEEP].subscore == 0.75
    assert parts[ReadinessComponent.SORENESS].subscore == 0.75
    assert parts[ReadinessComponent.STRESS].subscore == 0.5
    assert parts[ReadinessComponent.RESTING_HR].value == pytest.approx(1.5)
    assert parts[ReadinessComponent.FATIGUE].subscore is None  # the check-in does not ask it
    # 100 x (0.75 + 0.75 + 0.5 + 1 + 0.5 x 1/3) / 4.5
    assert day.score == pytest.approx(100 * (3.0 + 0.5 / 3) / 4.5)
    # The first mornings have no baseline yet: no score from heart rate alone.
    assert [r.score for r in result.readiness[:7]] == [None] * 7


def test_three_low_readiness_days_raise_the_fatigue_flag() -> None:
    plan = make_plan(weeks=1)
    low = CheckIn(day=START, sleep_h=5, soreness=4, stress=4, mood=4)
    days = [
        CheckIn(day=START + timedelta(days=n), sleep_h=5, soreness=4, stress=4, mood=4)
        for n in range(1, 4)
    ]
    two = monitor(plan=plan, activities=(), check_ins=[low, *days[:1]], today=TUESDAY, zone=ZONE)
    assert not two.fatigue.flagged
    assert two.fatigue.low_readiness_days == 2
    three = monitor(
        plan=plan, activities=(), check_ins=[low, *days], today=START + timedelta(days=3), zone=ZONE
    )
    assert [r.signal for r in three.fatigue.reasons] == [FatigueSignal.LOW_READINESS]
    # A day without a check-in ends the run.
    gap = monitor(
        plan=plan, activities=(), check_ins=[low, *days], today=START + timedelta(days=4), zone=ZONE
    )
    assert not gap.fatigue.flagged


def test_lift_efforts_compare_the_top_set_with_the_prescription() -> None:
    plan = make_plan(weeks=2)
    first = lift(
        1,
        TUESDAY,
        sets(
            Done(exercise=SQUAT, reps=5, load_kg=60, kind=SetKind.WARM_UP, rpe=3),
            Done(exercise=SQUAT, reps=5, load_kg=100, rpe=8),
            Done(exercise=SQUAT, reps=5, load_kg=100, rpe=9),  # the last at the top load
            Done(exercise=SQUAT, reps=8, load_kg=80, kind=SetKind.DROP, rpe=10),
            Done(exercise=BENCH, reps=5, load_kg=80, rir=4),  # RPE 6 against 7 prescribed
            Done(exercise=ROW, reps=8, load_kg=50),  # unrated
        ),
    )
    second = lift(
        2,
        TUESDAY + timedelta(days=7),
        sets(
            Done(exercise=SQUAT, reps=5, load_kg=100, rpe=9.5),
            Done(exercise=SQUAT, reps=4, load_kg=102.5, kind=SetKind.FAILURE),
        ),
    )
    result = monitor(
        plan=plan, activities=[first, second], today=START + timedelta(days=13), zone=ZONE
    )
    efforts = {(e.session_id, e.exercise_id): e for e in result.lift_efforts}
    squat = efforts[(SessionId("w01-lift1"), SQUAT)]
    # 81.1 % for 5 reps is RPE 8 on the chart; the top set went at 9.
    assert (squat.prescribed_rpe, squat.logged_rpe, squat.rpe_over) == (8.0, 9.0, 1.0)
    assert (squat.prescribed_load_kg, squat.logged_load_kg, squat.logged_reps) == (100, 100, 5)
    assert (squat.main, squat.prescribed_sets, squat.logged_sets) == (True, 3, 2)
    bench = efforts[(SessionId("w01-lift1"), BENCH)]
    assert (bench.main, bench.prescribed_rpe, bench.logged_rpe, bench.rpe_over) == (
        False,
        7.0,
        6.0,
        -1.0,
    )
    row = efforts[(SessionId("w01-lift1"), ROW)]
    assert (row.prescribed_rpe, row.logged_rpe, row.rpe_over) == (7.5, None, None)
    later = efforts[(SessionId("w02-lift1"), SQUAT)]
    # A heavier set to failure is the top set: RPE 10, two over.
    assert (later.logged_load_kg, later.logged_reps, later.rpe_over) == (102.5, 4, 2.0)
    # Benches were not logged the second week: no effort for them.
    assert (SessionId("w02-lift1"), BENCH) not in efforts
    over = [e.rpe_over for e in result.lift_efforts if e.exercise_id == SQUAT]
    assert over == [1.0, 2.0]


def test_the_chart_read_backwards_gives_back_every_rpe_it_holds() -> None:
    for reps in range(1, 13):
        for step in range(12, 21):
            rpe = step / 2
            assert chart_rpe(reps=reps, percent_1rm=percent_one_rep_max(reps=reps, rpe=rpe)) == rpe
    # Lighter than the chart's RPE 6: read through reps to failure, 5 x 75 % is RPE 5.5.
    assert chart_rpe(reps=5, percent_1rm=75.0) == 5.5
    assert chart_rpe(reps=1, percent_1rm=101.0) is None
    assert chart_rpe(reps=12, percent_1rm=57.0) is None
    assert chart_rpe(reps=12, percent_1rm=57.5) == 6.0
    assert chart_rpe(reps=12, percent_1rm=58.0) == 6.5  # nearer 58.6 % (RPE 6.5) than 57.2 %
    assert chart_rpe(reps=1, percent_1rm=57.5) is None  # 15 reps in reserve: below RPE 1


def test_nothing_after_today_counts_and_an_earlier_today_gives_the_earlier_picture() -> None:
    plan = make_plan(weeks=2)
    activities = [
        run(1, MONDAY, km=7, minutes=40, rpe=3),
        run(2, START + timedelta(days=8), km=5, minutes=20, name="parkrun", rpe=9),
    ]
    check_ins = [CheckIn(day=START + timedelta(days=8), mass_kg=80.0, sleep_h=8)]
    early = monitor(plan=plan, activities=activities, check_ins=check_ins, today=TUESDAY, zone=ZONE)
    only_first = monitor(plan=plan, activities=activities[:1], today=TUESDAY, zone=ZONE)
    assert early.actual_load_au == only_first.actual_load_au
    assert early.vdot is None
    assert early.readiness == ()
    assert early.mass_trend.readings == ()
    assert [r.status for r in early.records[:2]] == [SessionStatus.DONE, SessionStatus.PLANNED]
    assert max(early.actual_load_au) == TUESDAY
    assert early.planned_load_au[START + timedelta(days=12)] == 80 * 5  # the plan runs on


def test_the_order_of_the_log_does_not_change_the_result() -> None:
    plan = make_plan(weeks=2)
    activities = [
        run(n, START + timedelta(days=n), km=6, minutes=35 + n, rpe=3 + n % 3) for n in range(12)
    ]
    today = START + timedelta(days=12)
    forward = monitor(plan=plan, activities=activities, today=today, zone=ZONE)
    backward = monitor(plan=plan, activities=activities[::-1], today=today, zone=ZONE)
    assert forward == backward


def test_body_mass_trend_against_the_nutrition_plan() -> None:
    plan = make_plan(weeks=5)
    today = START + timedelta(days=28)
    # Losing 0.4 kg a week, weighed every other day on the scale and in check-ins.
    check_ins = [
        CheckIn(day=START + timedelta(days=d), mass_kg=80 - 0.4 * d / 7) for d in range(0, 29, 4)
    ]
    scale = [
        BodyMassReading(
            measured_at=datetime.combine(START + timedelta(days=d), datetime.min.time(), tzinfo=UTC)
            + timedelta(hours=6),
            mass_kg=80 - 0.4 * d / 7,
        )
        for d in range(2, 29, 4)
    ]
    deficit = [nutrition_day(START + timedelta(days=d), balance_kcal=-440) for d in range(35)]
    result = monitor(
        plan=plan,
        activities=(),
        check_ins=check_ins,
        body_mass=scale,
        nutrition=deficit,
        today=today,
        zone=ZONE,
    )
    mass = result.mass_trend
    assert result.mass is mass
    assert len(mass.readings) == 15
    assert mass.trend is not None
    assert mass.trend.rate_kg_per_week == pytest.approx(-0.4)
    assert mass.planned_kg_per_week == pytest.approx(-0.4)
    assert mass.check is not None
    assert mass.check.on_track
    # Eating at maintenance while losing 0.4 kg a week is off track.
    even = monitor(
        plan=plan,
        activities=(),
        check_ins=check_ins,
        nutrition=[nutrition_day(d.date, balance_kcal=0) for d in deficit],
        today=today,
        zone=ZONE,
    )
    assert even.mass_trend.check is not None
    assert not even.mass_trend.check.on_track
    assert even.mass_trend.latest_kg is not None
    assert math.isfinite(even.mass_trend.latest_kg)
    # Without nutrition there is a trend but no plan to hold it against.
    alone = monitor(plan=plan, activities=(), check_ins=check_ins, today=today, zone=ZONE)
    assert alone.mass_trend.trend is not None
    assert alone.mass_trend.check is None


def test_weeks_count_done_partial_missed_and_what_is_to_come() -> None:
    plan = make_plan(weeks=3)
    activities = [
        run(1, MONDAY, km=7, minutes=40),  # done
        lift(2, TUESDAY, (), minutes=50),  # done
        run(3, THURSDAY, km=3, minutes=15),  # partial: 3 of 9 km
        run(4, START + timedelta(days=7), km=7, minutes=41),  # week 2 Monday, done
    ]
    missed = [
        MissedSession(
            session_id=SessionId("w02-lift1"),
            reason=MissReason.ILLNESS,
            marked_at=datetime(2027, 1, 12, 8, tzinfo=UTC),
        )
    ]
    events = [
        TrainingEvent(
            kind=EventKind.ILLNESS,
            first_day=START + timedelta(days=8),
            last_day=START + timedelta(days=10),
        )
    ]
    today = START + timedelta(days=9)
    result = monitor(
        plan=plan, activities=activities, missed=missed, events=events, today=today, zone=ZONE
    )
    first, second = result.weeks
    assert (first.planned, first.done, first.partial, first.missed, first.to_come) == (
        4,
        2,
        1,
        1,
        0,
    )
    assert first.adherence == pytest.approx(3 / 4)
    assert (second.done, second.missed, second.to_come) == (1, 1, 2)
    assert second.adherence == pytest.approx(1 / 2)
    assert len(result.weeks) == 2  # week 3 has not started
    assert [e.kind for e in result.events] == [EventKind.ILLNESS]
    # Read on the Monday, the mark made on Tuesday is not known yet.
    monday = monitor(
        plan=plan,
        activities=activities,
        missed=missed,
        today=START + timedelta(days=7),
        zone=ZONE,
    )
    assert (monday.weeks[1].missed, monday.weeks[1].to_come) == (0, 3)


def test_fitness_fatigue_and_form_read_the_actual_series() -> None:
    plan = make_plan(weeks=2)
    rides = [
        run(n, START + timedelta(days=n), km=25, minutes=60, rpe=5, sport=Sport.CYCLING)
        for n in range(10)
    ]
    result = monitor(plan=plan, activities=rides, today=START + timedelta(days=9), zone=ZONE)
    ctl = atl = 0.0
    for _ in range(9):  # TSB of day 9 is CTL - ATL of day 8
        ctl += (1 - math.exp(-1 / 42)) * (300 - ctl)
        atl += (1 - math.exp(-1 / 7)) * (300 - atl)
    assert result.load.tsb_au == pytest.approx(ctl - atl)
    ctl += (1 - math.exp(-1 / 42)) * (300 - ctl)
    atl += (1 - math.exp(-1 / 7)) * (300 - atl)
    assert result.load.ctl_au == pytest.approx(ctl)
    assert result.load.atl_au == pytest.approx(atl)
    assert result.load.actual.day_au == 300
    assert result.load.planned.day_au == 0  # Wednesday of week 2: nothing planned


def test_an_activity_of_unknown_length_counts_no_load_and_given_matches_stand() -> None:
    plan = make_plan(weeks=1)
    unknown = LogActivity(
        key=7,
        activity=Activity(
            sport=Sport.OTHER,
            start=run(7, MONDAY, km=1, minutes=1).activity.start,
            elapsed_s=None,
            moving_s=None,
            source=ActivityFormat.MANUAL,
        ),
    )
    easy = run(8, THURSDAY, km=7, minutes=40)
    result = monitor(
        plan=plan,
        activities=[unknown, easy],
        today=SATURDAY,
        zone=ZONE,
        matches={8: SessionId("w01-run1")},  # said to be Monday's run, done on Thursday
    )
    loads = {load.key: load for load in result.activity_loads}
    assert (loads[7].minutes_source, loads[7].load_au) == ("none", 0.0)
    assert loads[8].session_id == "w01-run1"
    statuses = {str(r.session.scheduled.id): r.status for r in result.records}
    assert statuses["w01-run1"] is SessionStatus.DONE
    assert statuses["w01-run2"] is SessionStatus.MISSED
