"""The periodised outline: calendar, blocks, running volume, taper, session counts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from runlift.domain.athlete import AthleteProfile, Goal, RaceGoal
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.programme.periodisation import (
    LiftEmphasis,
    WeekOutline,
    day_room,
    outline_plan,
    planned_week_minutes,
    slot_min,
    timing_paces,
    training_run_distances_km,
)
from runlift.vocabulary import BlockFocus, GoalKind, LiftingStyle, Phase, Priority, Weekday

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
CITED = re.compile(r"\b(PER|RUN|SCH|LFT)-\d+\b|\b(19|20)\d\d\b|\bG\d\b")
GOAL_FOCUS = {
    GoalKind.RACE: BlockFocus.RACE_SPECIFIC,
    GoalKind.STRENGTH: BlockFocus.STRENGTH,
    GoalKind.HYPERTROPHY: BlockFocus.HYPERTROPHY,
    GoalKind.FAT_LOSS: BlockFocus.FAT_LOSS,
    GoalKind.GENERAL_FITNESS: BlockFocus.GENERAL,
}


@pytest.fixture(scope="module")
def athlete() -> AthleteProfile:
    return read_profile(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def weeks(athlete: AthleteProfile) -> tuple[WeekOutline, ...]:
    return outline_plan(athlete)


def _goal(
    athlete: AthleteProfile,
    kind: GoalKind,
    *,
    priority: Priority = Priority.BALANCED,
    weeks: int | None = 12,
    on: date | None = None,
) -> AthleteProfile:
    return replace(athlete, goal=Goal(kind=kind, priority=priority, weeks=weeks, date=on))


def _race(athlete: AthleteProfile, distance_m: float, on: date) -> AthleteProfile:
    return replace(
        athlete,
        goal=Goal(
            kind=GoalKind.RACE,
            priority=Priority.RUNNING,
            race=RaceGoal(distance_m=distance_m, date=on),
        ),
    )


def _one_window(athlete: AthleteProfile, hours: int) -> AthleteProfile:
    window = TimeWindow(start=time(6, 0), end=time(6 + hours, 0))
    return replace(
        athlete, availability={day: (window,) if day is Weekday.SAT else () for day in Weekday}
    )


def _block_lengths(weeks: tuple[WeekOutline, ...]) -> list[int]:
    lengths: dict[int, int] = {}
    for week in weeks:
        lengths[week.block] = lengths.get(week.block, 0) + 1
    return [lengths[b] for b in sorted(lengths)]


def test_example_runs_from_the_first_monday_to_race_week(
    athlete: AthleteProfile, weeks: tuple[WeekOutline, ...]
) -> None:
    assert len(weeks) == 18
    assert weeks[0].start == date(2026, 12, 7)
    assert all(w.start == date(2026, 12, 7) + timedelta(days=7 * w.index) for w in weeks)
    assert weeks[-1].start == date(2027, 4, 5)
    assert weeks[-1].phase is Phase.RACE
    assert weeks[-2].phase is Phase.TAPER
    assert weeks[-1].weeks_to_goal == 0
    assert weeks[0].weeks_to_goal == 17


def test_example_blocks_alternate_and_the_last_carries_the_race(
    weeks: tuple[WeekOutline, ...],
) -> None:
    assert _block_lengths(weeks) == [5, 4, 4, 5]
    foci = [next(w.focus for w in weeks if w.block == b) for b in range(4)]
    assert foci == [
        BlockFocus.RUNNING_VOLUME,
        BlockFocus.STRENGTH,
        BlockFocus.RUNNING_VOLUME,
        BlockFocus.RACE_SPECIFIC,
    ]
    assert [w.index for w in weeks if w.deload] == [4, 8, 12]
    assert all("PER-2" in w.rules for w in weeks if w.block == 3)
    assert not any("PER-2" in w.rules for w in weeks if w.block < 3)
    assert [w.week_in_block for w in weeks[:6]] == [0, 1, 2, 3, 4, 0]


def test_example_volume_ramps_ten_percent_and_deloads_halve_it(
    weeks: tuple[WeekOutline, ...],
) -> None:
    volumes = [w.run_volume_km for w in weeks]
    assert volumes[:5] == [25.0, 27.5, 30.2, 33.2, 16.6]
    # RUN-2: the strength block starts 10 % below the level it inherits, then holds.
    assert volumes[5:9] == [29.8, 29.8, 29.8, 14.9]
    # After a deload the running comes back to the level before it, then ramps again.
    assert volumes[9] == volumes[7]
    assert volumes[10] == pytest.approx(volumes[9] * 1.1, abs=0.1)


def test_example_taper_cuts_the_peak_and_keeps_frequency(weeks: tuple[WeekOutline, ...]) -> None:
    peak_week = max((w for w in weeks if w.phase is Phase.BUILD), key=lambda w: w.run_volume_km)
    taper, race = weeks[-2], weeks[-1]
    assert taper.run_volume_km == pytest.approx(0.55 * peak_week.run_volume_km, abs=0.1)
    assert race.run_volume_km == pytest.approx(0.45 * peak_week.run_volume_km, abs=0.1)
    assert taper.runs >= 0.8 * peak_week.runs
    assert taper.quality_sessions == 2
    assert race.quality_sessions == 2  # a race-pace sharpener and the race
    assert race.long_run_km == 0
    assert any("Bosquet" in note for note in taper.notes)


def test_example_lifting_side(weeks: tuple[WeekOutline, ...]) -> None:
    assert all(w.lifts == 2 for w in weeks)
    assert all("LFT-7" in w.rules for w in weeks)
    assert {w.lift_emphasis for w in weeks if w.focus is BlockFocus.STRENGTH} == {
        LiftEmphasis.STRENGTH
    }
    assert {w.lift_emphasis for w in weeks if w.block == 3} == {LiftEmphasis.RUNNER}
    assert all(w.lift_volume_factor == 0.5 for w in weeks if w.deload)
    assert weeks[0].lift_volume_factor < 1.0
    assert "LFT-4" in weeks[0].rules
    assert weeks[5].lift_volume_factor == 1.0


def test_example_notes_cite_their_rule_or_source(weeks: tuple[WeekOutline, ...]) -> None:
    for week in weeks:
        assert week.notes
        assert all(CITED.search(note) for note in week.notes), week.notes
    assert any("Nielsen" in note for note in weeks[1].notes)
    assert any(note.startswith("PER-3") for note in weeks[4].notes)


@pytest.mark.parametrize(
    ("distance_m", "tail"),
    [
        (5000.0, [Phase.BUILD, Phase.RACE]),
        (10000.0, [Phase.BUILD, Phase.RACE]),
        (21097.5, [Phase.BUILD, Phase.TAPER, Phase.RACE]),
        (42195.0, [Phase.BUILD, Phase.TAPER, Phase.RACE]),
    ],
)
def test_taper_length_follows_the_race_distance(
    athlete: AthleteProfile, distance_m: float, tail: list[Phase]
) -> None:
    weeks = outline_plan(_race(athlete, distance_m, date(2027, 3, 14)))
    assert [w.phase for w in weeks[-len(tail) :]] == tail
    assert weeks[-1].start <= date(2027, 3, 14) <= weeks[-1].start + timedelta(days=6)


def test_marathon_peak_is_higher_than_5k_peak(athlete: AthleteProfile) -> None:
    runner = replace(athlete, running=replace(athlete.running, weekly_km=40.0))

    def peak(distance_m: float) -> float:
        weeks = outline_plan(_race(runner, distance_m, date(2027, 7, 4)))
        return max(w.run_volume_km for w in weeks)

    assert peak(42195.0) > peak(21097.5) > peak(5000.0)


def test_strength_goal_ends_with_a_test_week(athlete: AthleteProfile) -> None:
    weeks = outline_plan(_goal(athlete, GoalKind.STRENGTH, priority=Priority.LIFTING, weeks=10))
    assert len(weeks) == 10
    test = weeks[-1]
    assert test.phase is Phase.TEST
    assert test.lift_emphasis is LiftEmphasis.PEAK_TEST
    assert test.quality_sessions == 0
    assert test.focus is BlockFocus.STRENGTH
    assert test.run_volume_km == pytest.approx(0.5 * weeks[-2].run_volume_km, abs=0.1)


def test_a_dated_strength_goal_ends_in_the_dated_week(athlete: AthleteProfile) -> None:
    on = date(2027, 2, 18)
    weeks = outline_plan(_goal(athlete, GoalKind.STRENGTH, weeks=None, on=on))
    assert weeks[-1].start <= on <= weeks[-1].start + timedelta(days=6)
    assert weeks[-1].phase is Phase.TEST


def test_hypertrophy_keeps_running_small_and_ends_on_a_deload(athlete: AthleteProfile) -> None:
    weeks = outline_plan(_goal(athlete, GoalKind.HYPERTROPHY, priority=Priority.LIFTING))
    assert len(weeks) == 12
    assert weeks[-1].deload
    assert all(w.run_volume_km <= 15.0 for w in weeks)
    assert all(w.runs == 2 and w.long_run_km == 0 for w in weeks)
    assert all("RUN-1" in w.rules for w in weeks)
    assert all(1 <= w.quality_sessions <= 2 for w in weeks)
    hypertrophy = [w for w in weeks if w.focus is BlockFocus.HYPERTROPHY]
    assert hypertrophy
    assert all("RUN-2" in w.rules for w in hypertrophy if w.phase is Phase.BUILD)


@pytest.mark.parametrize("kind", list(GoalKind))
@pytest.mark.parametrize("priority", list(Priority))
def test_every_goal_and_priority_gets_a_plan(
    athlete: AthleteProfile, kind: GoalKind, priority: Priority
) -> None:
    if kind is GoalKind.RACE:
        profile = replace(athlete, goal=replace(athlete.goal, priority=priority))
    else:
        profile = _goal(athlete, kind, priority=priority, weeks=16)
    weeks = outline_plan(profile)
    assert weeks[-1].focus is GOAL_FOCUS[kind]
    assert all(3 <= n <= 6 for n in _block_lengths(weeks))
    assert any(w.deload for w in weeks)
    paces = timing_paces(profile)
    budget = 0.75 * profile.available_hours_per_week * 60
    for week in weeks:
        assert week.long_run_km <= 0.3 * week.run_volume_km + 1e-9
        assert week.quality_sessions <= week.runs
        minutes = planned_week_minutes(week, easy_max_s_per_km=paces.easy_max_s_per_km)
        assert minutes <= budget


@pytest.mark.parametrize("n_weeks", range(4, 31))
def test_blocks_without_a_dated_goal_end_in_deloads(athlete: AthleteProfile, n_weeks: int) -> None:
    weeks = outline_plan(_goal(athlete, GoalKind.GENERAL_FITNESS, weeks=n_weeks))
    assert len(weeks) == n_weeks
    lengths = _block_lengths(weeks)
    assert all(3 <= n <= 5 for n in lengths)
    last_of_block = [
        w for w in weeks if w.index == n_weeks - 1 or weeks[w.index + 1].block != w.block
    ]
    assert all(w.deload for w in last_of_block)


@pytest.mark.parametrize(
    ("asked", "priority", "expected"),
    [
        (0, Priority.RUNNING, 0),
        (1, Priority.RUNNING, 2),
        (3, Priority.RUNNING, 3),
        (6, Priority.RUNNING, 3),
        (6, Priority.BALANCED, 3),
        (6, Priority.LIFTING, 4),
    ],
)
def test_lifts_are_clamped_to_sch_7(
    athlete: AthleteProfile, asked: int, priority: Priority, expected: int
) -> None:
    profile = replace(
        athlete,
        goal=replace(athlete.goal, priority=priority),
        lifting=replace(athlete.lifting, sessions_per_week=asked),
    )
    weeks = outline_plan(profile)
    build = [w.lifts for w in weeks if w.phase is not Phase.RACE]
    assert set(build) == {expected}
    assert weeks[-1].lifts == min(expected, 2)


def test_running_first_drops_lifts_before_running(athlete: AthleteProfile) -> None:
    profile = replace(
        _one_window(athlete, 7), lifting=replace(athlete.lifting, sessions_per_week=3)
    )
    weeks = outline_plan(profile)
    assert {w.lifts for w in weeks} == {2}
    assert any("lifts drop from 3 to 2" in note for note in weeks[0].notes)
    roomy = replace(profile, availability=athlete.availability)
    assert {w.lifts for w in outline_plan(roomy) if w.phase is not Phase.RACE} == {3}


def test_lifting_first_caps_running_before_lifts(athlete: AthleteProfile) -> None:
    base = _goal(athlete, GoalKind.HYPERTROPHY, priority=Priority.LIFTING)
    base = replace(base, lifting=replace(athlete.lifting, sessions_per_week=4))
    roomy = outline_plan(base)
    tight = outline_plan(_one_window(base, 7))
    assert {w.lifts for w in roomy} == {w.lifts for w in tight} == {4}
    assert max(w.run_volume_km for w in tight) < max(w.run_volume_km for w in roomy)
    assert any(note.startswith("Lifting comes first") for note in tight[0].notes)
    # With still less time running is at its floor, so a lift goes.
    tighter = outline_plan(_one_window(base, 6))
    assert {w.lifts for w in tighter} == {3}


def test_too_little_time_is_an_input_error(athlete: AthleteProfile) -> None:
    with pytest.raises(InvalidInput) as caught:
        outline_plan(_one_window(athlete, 3))
    assert caught.value.field == "availability"
    assert "h a week are needed" in caught.value.expected


def test_a_race_before_the_first_monday_is_rejected(athlete: AthleteProfile) -> None:
    early = _race(athlete, 5000.0, athlete.start_date - timedelta(days=1))
    with pytest.raises(InvalidInput) as caught:
        outline_plan(early)
    assert caught.value.field == "goal.race.date"


def test_plans_longer_than_two_years_are_rejected(athlete: AthleteProfile) -> None:
    far = _race(athlete, 42195.0, athlete.start_date + timedelta(days=7 * 110))
    with pytest.raises(InvalidInput):
        outline_plan(far)


def test_negative_weekly_km_is_rejected(athlete: AthleteProfile) -> None:
    bad = replace(athlete, running=replace(athlete.running, weekly_km=-5.0))
    with pytest.raises(InvalidInput) as caught:
        outline_plan(bad)
    assert caught.value.field == "running.weekly_km"


def test_a_non_runner_starts_from_a_small_floor(athlete: AthleteProfile) -> None:
    none = replace(athlete, running=replace(athlete.running, weekly_km=0.0, recent_race=None))
    weeks = outline_plan(none)
    assert weeks[0].run_volume_km == 9.0  # three runs of 3 km
    assert weeks[0].runs == 3


def test_distances_split_with_the_long_run_first() -> None:
    assert training_run_distances_km(volume_km=30.0, training_runs=4, long_run_km=9.0) == (
        9.0,
        7.0,
        7.0,
        7.0,
    )
    assert training_run_distances_km(volume_km=10.0, training_runs=2, long_run_km=0.0) == (
        5.0,
        5.0,
    )
    assert training_run_distances_km(volume_km=10.0, training_runs=0, long_run_km=0.0) == ()


@pytest.mark.parametrize(
    ("minutes", "slot"), [(0.5, 15), (15.0, 15), (15.2, 30), (44.9, 45), (90.0, 90)]
)
def test_durations_round_up_to_the_grid(minutes: float, slot: int) -> None:
    assert slot_min(minutes) == slot


# --- lifting style runner_specific ---

RUNNER_EXAMPLE = EXAMPLE.with_name("marathon-runner-strength.yaml")
LIFTING_FOCI = {BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY}


@pytest.fixture(scope="module")
def runner() -> AthleteProfile:
    return read_profile(RUNNER_EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def runner_weeks(runner: AthleteProfile) -> tuple[WeekOutline, ...]:
    return outline_plan(runner)


def _foci(weeks: tuple[WeekOutline, ...]) -> list[BlockFocus]:
    return [next(w.focus for w in weeks if w.block == b) for b in sorted({w.block for w in weeks})]


def test_runner_specific_example_has_no_lifting_blocks(
    runner: AthleteProfile, runner_weeks: tuple[WeekOutline, ...]
) -> None:
    assert runner.lifting.style is LiftingStyle.RUNNER_SPECIFIC
    assert runner_weeks[-1].phase is Phase.RACE
    assert not {w.focus for w in runner_weeks} & LIFTING_FOCI
    assert {w.lift_emphasis for w in runner_weeks} == {LiftEmphasis.RUNNER_SPECIFIC}
    assert not any(w.phase is Phase.TEST for w in runner_weeks)
    assert not any("RUN-2" in w.rules for w in runner_weeks)


def test_runner_specific_blocks_alternate_running_emphases_from_a_volume_block(
    runner_weeks: tuple[WeekOutline, ...],
) -> None:
    foci = _foci(runner_weeks)
    assert foci == [
        BlockFocus.RUNNING_VOLUME,
        BlockFocus.RACE_SPECIFIC,
        BlockFocus.RUNNING_VOLUME,
        BlockFocus.RACE_SPECIFIC,
        BlockFocus.RACE_SPECIFIC,
    ]
    assert [w.index for w in runner_weeks if w.deload] == [3, 7, 10, 13]


def test_runner_specific_notes_say_lifting_is_maintained_runner_specific_work(
    runner_weeks: tuple[WeekOutline, ...],
) -> None:
    for week in runner_weeks:
        per_1 = next(note for note in week.notes if note.startswith("PER-1"))
        assert "no strength or hypertrophy blocks" in per_1
        assert "maintained runner-specific work (LFT-6)" in per_1
        assert "LFT-6" in week.rules
        assert any(note.startswith("LFT-6: 2 runner-specific lifts") for note in week.notes)
        assert not any("heavy, high-quality" in note for note in week.notes)
        assert all(CITED.search(note) for note in week.notes), week.notes


def test_runner_specific_lifting_volume(runner_weeks: tuple[WeekOutline, ...]) -> None:
    assert {w.lifts for w in runner_weeks} == {2}
    assert {w.lift_volume_factor for w in runner_weeks if w.phase is Phase.BUILD} == {1.0}
    assert {w.lift_volume_factor for w in runner_weeks if w.deload} == {0.5}
    assert runner_weeks[-1].lift_volume_factor == 0.4


def test_the_full_style_of_the_same_runner_keeps_a_strength_block(
    runner: AthleteProfile,
) -> None:
    full = replace(runner, lifting=replace(runner.lifting, style=LiftingStyle.FULL))
    weeks = outline_plan(full)
    assert BlockFocus.STRENGTH in {w.focus for w in weeks}
    assert LiftEmphasis.RUNNER_SPECIFIC not in {w.lift_emphasis for w in weeks}


@pytest.mark.parametrize(
    ("asked", "priority", "expected"),
    [
        (0, Priority.RUNNING, 0),
        (1, Priority.RUNNING, 2),
        (2, Priority.RUNNING, 2),
        (3, Priority.RUNNING, 3),
        (4, Priority.RUNNING, 3),
        (6, Priority.LIFTING, 3),
    ],
)
def test_runner_specific_lifts_are_clamped_to_two_or_three(
    runner: AthleteProfile, asked: int, priority: Priority, expected: int
) -> None:
    profile = replace(
        runner,
        goal=replace(runner.goal, priority=priority),
        lifting=replace(runner.lifting, sessions_per_week=asked),
    )
    weeks = outline_plan(profile)
    assert {w.lifts for w in weeks if w.phase is not Phase.RACE} == {expected}


@pytest.mark.parametrize("kind", [GoalKind.FAT_LOSS, GoalKind.GENERAL_FITNESS])
def test_runner_specific_non_race_goals_alternate_volume_and_the_goal_focus(
    runner: AthleteProfile, kind: GoalKind
) -> None:
    weeks = outline_plan(_goal(runner, kind, weeks=20))
    foci = _foci(weeks)
    assert foci[-1] is GOAL_FOCUS[kind]
    assert foci[0] is BlockFocus.RUNNING_VOLUME
    assert set(foci) == {BlockFocus.RUNNING_VOLUME, GOAL_FOCUS[kind]}
    assert {w.lift_emphasis for w in weeks} == {LiftEmphasis.RUNNER_SPECIFIC}


@pytest.mark.parametrize("kind", [GoalKind.STRENGTH, GoalKind.HYPERTROPHY])
def test_runner_specific_with_a_muscle_goal_is_an_input_error(
    runner: AthleteProfile, kind: GoalKind
) -> None:
    with pytest.raises(InvalidInput) as caught:
        outline_plan(_goal(runner, kind))
    assert caught.value.field == "lifting.style"
    assert "full" in caught.value.expected


def test_day_room_counts_what_the_example_windows_hold(athlete: AthleteProfile) -> None:
    room = day_room(athlete)
    # Windows on six days (none on Thursday); Monday and Wednesday have a morning and
    # an evening window far enough apart for a lift and a run (SCH-1: 6 h).
    assert (room.run_days, room.lift_days, room.days, room.double_days) == (6, 6, 6, 2)
    assert room.sessions == 8
    assert room.runs_for(2) == 6
    assert room.runs_for(3) == 5


def test_runs_are_capped_at_what_three_single_windows_hold(athlete: AthleteProfile) -> None:
    # Three evenings a week: RL-1 allows one session of each kind a day, and one window
    # a day cannot hold a lift and a run 6 h apart (SCH-1), so two lifts leave one run.
    window = (TimeWindow(start=time(18, 0), end=time(20, 0)),)
    evenings = {day: window if day.value in {"mon", "wed", "sat"} else () for day in Weekday}
    base = _goal(athlete, GoalKind.GENERAL_FITNESS, weeks=8)
    roomy = outline_plan(base)
    tight = outline_plan(replace(base, availability=evenings))
    assert max(w.runs for w in roomy) >= 2
    assert {w.lifts for w in tight} == {2}
    assert {w.runs for w in tight} == {1}
    assert all(w.runs + w.lifts <= 3 for w in tight)
    capped = [
        w for w in tight if any(n.startswith("RL-1: 1 training run instead of") for n in w.notes)
    ]
    assert capped
    assert all("RL-1" in w.rules for w in capped)
    assert all("on 0 of them, 3 sessions in all" in " ".join(w.notes) for w in capped)
