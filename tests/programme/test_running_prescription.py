"""The week's runs: structure, paces, caps, race-specific work, taper and the race itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from runlift.domain.athlete import AthleteProfile, Goal, RaceGoal
from runlift.domain.prescription import RunPrescription, RunRepeat, RunStep
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.programme.baseline import Baseline, baseline
from runlift.programme.periodisation import WeekOutline, outline_plan
from runlift.programme.running_prescription import PlannedRun, plan_runs, session_cap_km
from runlift.science.running import race_time_s
from runlift.vocabulary import (
    HARD_RUN_KINDS,
    BlockFocus,
    GoalKind,
    PaceZone,
    Phase,
    Priority,
    RunKind,
    StepKind,
)

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
HALF_M = 21097.5


@pytest.fixture(scope="module")
def athlete() -> AthleteProfile:
    return read_profile(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base(athlete: AthleteProfile) -> Baseline:
    return baseline(athlete)


@pytest.fixture(scope="module")
def weeks(athlete: AthleteProfile) -> tuple[WeekOutline, ...]:
    return outline_plan(athlete)


@pytest.fixture(scope="module")
def runs(
    athlete: AthleteProfile, base: Baseline, weeks: tuple[WeekOutline, ...]
) -> tuple[tuple[PlannedRun, ...], ...]:
    return tuple(plan_runs(w, athlete, base) for w in weeks)


def _flat(steps: tuple[RunStep | RunRepeat, ...]) -> list[RunStep]:
    out: list[RunStep] = []
    for item in steps:
        if isinstance(item, RunRepeat):
            out.extend(s for _ in range(item.count) for s in item.steps)
        else:
            out.append(item)
    return out


def _work_km(prescription: RunPrescription, zone: PaceZone, base: Baseline | None = None) -> float:
    """Work at ``zone``; hill reps (by time) count at R pace."""
    km = 0.0
    for step in _flat(prescription.steps):
        if step.kind is not StepKind.WORK or step.zone is not zone:
            continue
        if step.distance_m is not None:
            km += step.distance_m / 1000
        elif base is not None and base.paces is not None:
            km += (step.duration_s or 0.0) / base.paces.repetition_s_per_km
    return km


def _race_goal(athlete: AthleteProfile, distance_m: float, on: date) -> AthleteProfile:
    return replace(
        athlete,
        running=replace(athlete.running, weekly_km=40.0),
        goal=Goal(
            kind=GoalKind.RACE,
            priority=Priority.RUNNING,
            race=RaceGoal(distance_m=distance_m, date=on),
        ),
    )


def test_race_week_ends_with_the_race_on_race_day(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...]
) -> None:
    race_week = runs[-1]
    assert len(race_week) == weeks[-1].runs
    race = race_week[-1]
    assert race.spec.kind is RunKind.RACE
    assert race.fixed_date == date(2027, 4, 11)
    assert race.spec.key
    assert race.spec.rpe == 9.0
    assert race.spec.title == "Race: half marathon"
    work = [s for s in _flat(race.prescription.steps) if s.kind is StepKind.WORK]
    assert len(work) == 1
    assert work[0].distance_m == HALF_M
    assert work[0].pace_fast_s_per_km == pytest.approx(6300 / 21.0975)
    assert any(r.spec.kind is RunKind.RACE_PACE for r in race_week)
    assert all(r.fixed_date is None for r in race_week[:-1])
    assert "PER-2" in race.rules
    assert any("ambitious" in line for line in race.explanation)


def test_without_a_target_the_race_pace_is_the_vdot_prediction(
    athlete: AthleteProfile, base: Baseline, weeks: tuple[WeekOutline, ...]
) -> None:
    assert athlete.goal.race is not None
    no_target = replace(
        athlete, goal=replace(athlete.goal, race=replace(athlete.goal.race, target_time_s=None))
    )
    race = plan_runs(weeks[-1], no_target, base)[-1]
    assert base.vdot is not None
    expected = race_time_s(vdot=base.vdot, distance_m=HALF_M) / 21.0975
    work = [s for s in _flat(race.prescription.steps) if s.zone is PaceZone.RACE]
    assert work[0].pace_fast_s_per_km == pytest.approx(expected)


def test_steps_use_the_baseline_paces(
    runs: tuple[tuple[PlannedRun, ...], ...], base: Baseline
) -> None:
    paces = base.paces
    assert paces is not None
    expected = {
        PaceZone.THRESHOLD: paces.threshold_s_per_km,
        PaceZone.INTERVAL: paces.interval_s_per_km,
        PaceZone.REPETITION: paces.repetition_s_per_km,
        PaceZone.MARATHON: paces.marathon_s_per_km,
    }
    seen = set()
    for week in runs:
        for run in week:
            for step in _flat(run.prescription.steps):
                if step.zone is PaceZone.EASY:
                    assert step.pace_fast_s_per_km == paces.easy_min_s_per_km
                    assert step.pace_slow_s_per_km == paces.easy_max_s_per_km
                elif step.zone in expected and step.pace_fast_s_per_km is not None:
                    assert step.pace_fast_s_per_km == expected[step.zone]
                    seen.add(step.zone)
    assert {PaceZone.THRESHOLD, PaceZone.INTERVAL, PaceZone.REPETITION} <= seen


def test_every_run_has_an_id_a_grid_duration_and_reasons(
    runs: tuple[tuple[PlannedRun, ...], ...],
) -> None:
    for index, week in enumerate(runs):
        for number, run in enumerate(week, 1):
            assert run.spec.id == f"w{index + 1:02d}-run{number}"
            assert run.spec.duration_min % 15 == 0
            assert run.prescription.duration_min <= run.spec.duration_min
            assert run.spec.duration_min - run.prescription.duration_min < 15
            assert run.rules
            assert "PER-1" in run.rules
            assert "RUN-3" in run.rules
            assert run.explanation


def test_the_week_adds_up_and_the_long_run_stays_under_30_percent(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...]
) -> None:
    for week, planned in zip(weeks, runs, strict=True):
        training = [r for r in planned if r.spec.kind is not RunKind.RACE]
        assert sum(r.prescription.distance_km for r in training) == pytest.approx(
            week.run_volume_km, abs=0.05
        )
        for run in training:
            if run.spec.kind is RunKind.LONG:
                assert run.prescription.distance_km <= 0.3 * week.run_volume_km + 1e-9
                assert run.spec.key  # RUN-3: the race is the priority


def test_session_work_stays_within_daniels_caps(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...]
) -> None:
    shares = {PaceZone.THRESHOLD: 0.10, PaceZone.INTERVAL: 0.08, PaceZone.REPETITION: 0.05}
    stated = 0
    for week, planned in zip(weeks, runs, strict=True):
        for run in planned:
            for zone, share in shares.items():
                assert _work_km(run.prescription, zone) <= share * week.run_volume_km + 1e-9
            for line in run.explanation:
                found = re.search(r"(\d+\.\d+) km, within this week's cap of (\d+\.\d+) km", line)
                if found:
                    stated += 1
                    assert float(found[1]) <= float(found[2])
    assert stated > 0


def test_threshold_work_grows_through_the_race_specific_block(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...]
) -> None:
    block = [
        w.index for w in weeks if w.focus is BlockFocus.RACE_SPECIFIC and w.phase is Phase.BUILD
    ]
    work = [sum(_work_km(r.prescription, PaceZone.THRESHOLD) for r in runs[i]) for i in block]
    assert work == sorted(work)
    assert work[-1] > work[0]
    kinds = {r.spec.kind for i in block for r in runs[i]}
    assert {RunKind.TEMPO, RunKind.INTERVALS} <= kinds  # half: T and I


def test_deloads_and_taper_keep_intensity_with_less_work(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...], base: Baseline
) -> None:
    for week in weeks:
        if week.phase not in {Phase.DELOAD, Phase.TAPER}:
            continue
        hard = [r for r in runs[week.index] if r.spec.kind in HARD_RUN_KINDS]
        assert len(hard) == week.quality_sessions
        before = runs[week.index - 1]
        hard_work = sum(
            _work_km(r.prescription, z, base)
            for r in hard
            for z in (PaceZone.THRESHOLD, PaceZone.INTERVAL, PaceZone.REPETITION)
        )
        before_work = sum(
            _work_km(r.prescription, z, base)
            for r in before
            for z in (PaceZone.THRESHOLD, PaceZone.INTERVAL, PaceZone.REPETITION)
        )
        assert 0 < hard_work < before_work
    taper = runs[-2]
    assert any("Bosquet" in line for r in taper for line in r.explanation)


def test_a_runners_strength_block_keeps_its_running_quality(
    runs: tuple[tuple[PlannedRun, ...], ...], weeks: tuple[WeekOutline, ...]
) -> None:
    # Running comes first: the strength block keeps the running's distance and its
    # quality, one threshold session a week (maintenance running, PER-1), while two heavy
    # lifts build strength; the hills of RUN-2 are for athletes whose muscle comes first.
    strength = [w for w in weeks if w.focus is BlockFocus.STRENGTH and w.phase is Phase.BUILD]
    assert strength
    for week in strength:
        hard = [r for r in runs[week.index] if r.spec.kind in HARD_RUN_KINDS]
        assert [r.spec.kind for r in hard] == [RunKind.TEMPO]
        assert not any("RUN-2" in r.rules for r in hard)
        before = weeks[week.index - 1]
        if before.phase is Phase.BUILD:
            assert week.run_volume_km >= before.run_volume_km


def test_a_lifters_strength_block_keeps_one_hill_session(athlete: AthleteProfile) -> None:
    lifter = replace(athlete, goal=replace(athlete.goal, priority=Priority.LIFTING))
    base = baseline(lifter)
    strength = [
        w for w in outline_plan(lifter) if w.focus is BlockFocus.STRENGTH and w.phase is Phase.BUILD
    ]
    assert strength
    for week in strength:
        hard = [r for r in plan_runs(week, lifter, base) if r.spec.kind in HARD_RUN_KINDS]
        assert [r.spec.kind for r in hard] == [RunKind.HILLS]
        assert "RUN-2" in hard[0].rules


def test_marathon_long_runs_carry_marathon_pace(athlete: AthleteProfile) -> None:
    profile = _race_goal(athlete, 42195.0, date(2027, 5, 2))
    base = baseline(profile)
    weeks = outline_plan(profile)
    specific = [w for w in weeks if w.focus is BlockFocus.RACE_SPECIFIC and w.phase is Phase.BUILD]
    assert specific
    assert base.paces is not None
    for week in specific:
        longs = [r for r in plan_runs(week, profile, base) if r.spec.kind is RunKind.LONG]
        assert len(longs) == 1
        marathon_km = _work_km(longs[0].prescription, PaceZone.MARATHON)
        assert 1.0 <= marathon_km <= 0.2 * week.run_volume_km + 1e-9
        assert longs[0].spec.key
        steps = _flat(longs[0].prescription.steps)
        assert steps[-1].pace_fast_s_per_km == base.paces.marathon_s_per_km


def test_5k_race_specific_work_is_intervals_and_repetitions(athlete: AthleteProfile) -> None:
    profile = _race_goal(athlete, 5000.0, date(2027, 3, 7))
    base = baseline(profile)
    weeks = outline_plan(profile)
    assert weeks[-1].phase is Phase.RACE
    assert weeks[-2].phase is Phase.BUILD  # a 5 km taper is the race week alone
    kinds = {
        r.spec.kind
        for w in weeks
        if w.focus is BlockFocus.RACE_SPECIFIC and w.phase is Phase.BUILD
        for r in plan_runs(w, profile, base)
    }
    assert {RunKind.INTERVALS, RunKind.REPETITION} <= kinds


def test_muscle_first_running_is_short_and_intense(athlete: AthleteProfile) -> None:
    profile = replace(
        athlete,
        goal=Goal(kind=GoalKind.HYPERTROPHY, priority=Priority.LIFTING, weeks=12),
    )
    base = baseline(profile)
    kinds = set()
    for week in outline_plan(profile):
        planned = plan_runs(week, profile, base)
        assert all(r.spec.kind is not RunKind.LONG for r in planned)
        hard = [r for r in planned if r.spec.kind in HARD_RUN_KINDS]
        assert 1 <= len(hard) <= 2
        kinds |= {r.spec.kind for r in hard}
        assert all(any(line.startswith("RUN-1") for line in r.explanation) for r in hard)
    assert kinds == {RunKind.INTERVALS, RunKind.HILLS, RunKind.SPRINTS}


def test_without_a_race_result_runs_go_by_effort(athlete: AthleteProfile) -> None:
    profile = replace(athlete, running=replace(athlete.running, recent_race=None))
    base = baseline(profile)
    assert base.paces is None
    weeks = outline_plan(profile)
    for week in weeks:
        for run in plan_runs(week, profile, base):
            for step in _flat(run.prescription.steps):
                if step.zone is not PaceZone.RACE:
                    assert step.pace_fast_s_per_km is None
                    assert step.pace_slow_s_per_km is None
            assert run.spec.duration_min % 15 == 0
            if run.spec.kind is not RunKind.RACE:
                assert any("Persinger" in line for line in run.explanation)
    easy = plan_runs(weeks[0], profile, base)[-1]
    assert "RPE 3-4" in _flat(easy.prescription.steps)[0].description


def test_a_week_too_small_for_structure_runs_easy(
    athlete: AthleteProfile, base: Baseline, weeks: tuple[WeekOutline, ...]
) -> None:
    tiny = replace(weeks[0], run_volume_km=1.0, long_run_km=0.0, runs=1, quality_sessions=1)
    (run,) = plan_runs(tiny, athlete, base)
    assert run.spec.kind is RunKind.EASY
    assert run.prescription.distance_km == pytest.approx(1.0)
    assert any("Too short" in line for line in run.explanation)


GENERAL = EXAMPLE.with_name("general-fitness-3-days.yaml")


@pytest.mark.parametrize(
    ("week_km", "title"),
    [
        # I cap 8 %, 70 % of it in a block's first week: 0.45 km holds one 400 m, not two.
        (8.0, "Hill repeats 4 x 20 s uphill"),
        # 0.90 km: two 400 m reps, short of the usual three; the intervals are cut down.
        (16.0, "Intervals 2 x 400 m"),
        (30.0, "Intervals 4 x 400 m"),
    ],
)
def test_a_workout_is_never_a_single_rep(week_km: float, title: str) -> None:
    profile = read_profile(GENERAL.read_text(encoding="utf-8"))
    first = outline_plan(profile)[0]
    assert (first.runs, first.quality_sessions, first.week_in_block) == (1, 1, 0)
    (run,) = plan_runs(replace(first, run_volume_km=week_km), profile, baseline(profile))
    assert run.spec.title == title
    (repeat,) = [s for s in run.prescription.steps if isinstance(s, RunRepeat)]
    assert repeat.count >= 2
    stands_in = [line for line in run.explanation if line.startswith("Intervals: not even 2")]
    assert bool(stands_in) is title.startswith("Hill")


BROKEN: dict[str, Callable[[WeekOutline], WeekOutline]] = {
    "runs": lambda w: replace(w, runs=-1),
    "run_volume_km": lambda w: replace(w, run_volume_km=-3.0),
    "long_run_km": lambda w: replace(w, long_run_km=99.0),
    "quality_sessions": lambda w: replace(w, quality_sessions=-1),
}


@pytest.mark.parametrize("field", sorted(BROKEN))
def test_a_broken_outline_is_rejected(
    athlete: AthleteProfile, base: Baseline, weeks: tuple[WeekOutline, ...], field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        plan_runs(BROKEN[field](weeks[0]), athlete, base)
    assert caught.value.field == f"week.{field}"


@pytest.mark.parametrize(
    ("zone", "week_km", "cap"),
    [
        (PaceZone.THRESHOLD, 50.0, 5.0),
        (PaceZone.INTERVAL, 50.0, 4.0),
        (PaceZone.INTERVAL, 200.0, 10.0),
        (PaceZone.REPETITION, 40.0, 2.0),
        (PaceZone.REPETITION, 200.0, 8.0),
        (PaceZone.MARATHON, 200.0, 29.0),
        (PaceZone.EASY, 30.0, 30.0),
    ],
)
def test_session_caps(zone: PaceZone, week_km: float, cap: float) -> None:
    assert session_cap_km(zone=zone, week_km=week_km) == pytest.approx(cap)


def test_race_week_ends_with_a_shakeout_the_day_before_and_a_sharpener_three_days_out(
    runs: tuple[tuple[PlannedRun, ...], ...], base: Baseline
) -> None:
    race_day = date(2027, 4, 11)
    race_week = runs[-1]
    (shakeout,) = [r for r in race_week if r.spec.title.startswith("Shakeout")]
    assert shakeout.allowed_dates == frozenset({race_day - timedelta(days=1)})
    assert shakeout.spec.kind is RunKind.EASY
    assert 20 <= shakeout.prescription.duration_min <= 30
    (strides,) = [s for s in shakeout.prescription.steps if isinstance(s, RunRepeat)]
    assert 4 <= strides.count <= 6
    assert not {s.zone for s in _flat(shakeout.prescription.steps)} - {PaceZone.EASY, None}
    (sharpener,) = [r for r in race_week if r.spec.kind is RunKind.RACE_PACE]
    assert sharpener.allowed_dates is not None
    assert all(3 <= (race_day - d).days <= 5 for d in sharpener.allowed_dates)
    for run in race_week:
        if run.spec.kind is not RunKind.RACE:
            assert run.allowed_dates is not None
            assert max(run.allowed_dates) < race_day
    assert base.paces is not None


def test_paces_say_which_fitness_they_come_from(
    runs: tuple[tuple[PlannedRun, ...], ...],
) -> None:
    # The example's 10 km of 50:30: VDOT 39.5 (Daniels' table has 50:03 at VDOT 40 and
    # 51:56 at 38); the target 1:45:00.
    easy = runs[0][0]
    assert easy.prescription.notes.endswith("paces from your 10 km of 50:30 (VDOT 39.5)")
    assert any(line.startswith("Paces: from your 10 km of 50:30") for line in easy.explanation)
    (sharpener,) = [r for r in runs[-1] if r.spec.kind is RunKind.RACE_PACE]
    work = [s for s in _flat(sharpener.prescription.steps) if s.kind is StepKind.WORK]
    assert all("goal pace for 1:45:00" in s.description for s in work)


def test_a_long_run_is_never_shorter_than_the_weeks_other_runs(
    runs: tuple[tuple[PlannedRun, ...], ...],
) -> None:
    seen = 0
    for planned in runs:
        longs = [r for r in planned if r.spec.kind is RunKind.LONG]
        others = [r for r in planned if r.spec.kind not in {RunKind.LONG, RunKind.RACE}]
        for long in longs:
            seen += 1
            assert all(long.prescription.distance_km >= r.prescription.distance_km for r in others)
    assert seen >= 10


def test_the_marathon_example_builds_long_runs_of_29_to_32_km() -> None:
    profile = read_profile(EXAMPLE.with_name("marathon-runner-strength.yaml").read_text("utf-8"))
    base = baseline(profile)
    weeks = outline_plan(profile)
    longs = [
        r.prescription.distance_km
        for w in weeks
        for r in plan_runs(w, profile, base)
        if r.spec.kind is RunKind.LONG
    ]
    assert sum(29.0 <= km <= 32.0 for km in longs) >= 4
    assert max(longs) <= 32.0
    medium = [
        r for w in weeks for r in plan_runs(w, profile, base) if r.spec.title.startswith("Medium")
    ]
    assert medium
    assert all(r.spec.duration_min <= 90 for r in medium)
