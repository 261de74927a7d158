"""Lifting prescription: templates, doses, volumes, progression, loads and session specs."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from runlift.domain.athlete import (
    AthleteProfile,
    Goal,
    LiftingBackground,
    LiftRecord,
    RaceGoal,
    RunningBackground,
)
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, MovementPattern
from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.programme.baseline import Baseline, baseline
from runlift.programme.lifting_doses import (
    DOSES,
    HEAVY_PERCENT_1RM,
    HEAVY_RPE,
    HYPERTROPHY_VOLUME,
    MAX_SETS_PER_EXERCISE,
    SCH7_MAX_DAYS,
    SCH7_MIN_DAYS,
    WEEKLY_SET_RANGES,
    Step,
)
from runlift.programme.lifting_prescription import (
    LiftVariant,
    PlannedLift,
    chart_percent_1rm,
    grid_minutes,
    is_heavy,
    lift_kind,
    plan_lifts,
    rpe_for_percent,
    scaled_sets,
    set_ranges,
    training_days,
    weekly_sets,
)
from runlift.programme.lifting_progression import lift_calendar
from runlift.programme.lifting_templates import (
    LAYOUTS,
    PRIMER,
    SlotRole,
    TemplateFamily,
)
from runlift.programme.periodisation import LiftEmphasis, WeekOutline, outline_plan
from runlift.reference.exercises import exercise_library
from runlift.rules.catalogue.lifting import LFT_2, LFT_3
from runlift.rules.checkers import sch_7
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    BlockFocus,
    EvidenceProfile,
    Experience,
    GoalKind,
    LiftingStyle,
    LiftKind,
    MuscleGroup,
    Phase,
    Priority,
    Sex,
)

LIBRARY = exercise_library()
FULL_KIT = frozenset({"barbell", "rack", "bench", "dumbbells", "pull-up-bar", "bands"})
DUMBBELL_KIT = frozenset({"dumbbells", "bench"})
BAND_KIT = frozenset({"bands"})
MAXES = {"back-squat": 140.0, "deadlift": 180.0, "bench-press": 100.0}
ALL_EMPHASES = tuple(LiftEmphasis)
LOADED_ROLES = (SlotRole.MAIN, SlotRole.ASSIST, SlotRole.ACCESSORY)


def make_profile(
    *,
    equipment: frozenset[str] = FULL_KIT,
    priority: Priority = Priority.RUNNING,
    kind: GoalKind = GoalKind.RACE,
    experience: Experience = Experience.INTERMEDIATE,
) -> AthleteProfile:
    race = RaceGoal(distance_m=21097.5, date=date(2027, 4, 11)) if kind is GoalKind.RACE else None
    return AthleteProfile(
        name="Test",
        sex=Sex.FEMALE,
        birth_date=date(1990, 1, 1),
        height_cm=170,
        mass_kg=65,
        timezone="UTC",
        start_date=date(2026, 12, 7),
        goal=Goal(kind=kind, priority=priority, race=race, weeks=None if race else 12),
        running=RunningBackground(weekly_km=30),
        lifting=LiftingBackground(experience=experience, sessions_per_week=3, equipment=equipment),
        availability={},
    )


def make_baseline(maxes: dict[str, float] | None = None) -> Baseline:
    return Baseline(
        vdot=None,
        paces=None,
        one_rep_max_kg=MAXES if maxes is None else maxes,
        resting_kcal_per_day=1400,
        resting_equation="mifflin_st_jeor",
    )


def make_week(
    emphasis: LiftEmphasis = LiftEmphasis.STRENGTH,
    *,
    lifts: int = 3,
    week_in_block: int = 0,
    block: int = 0,
    deload: bool = False,
    factor: float = 1.0,
    phase: Phase | None = None,
) -> WeekOutline:
    chosen = phase or (Phase.DELOAD if deload else Phase.BUILD)
    return WeekOutline(
        index=4,
        start=date(2027, 1, 4),
        block=block,
        focus=BlockFocus.STRENGTH,
        phase=chosen,
        deload=deload,
        run_volume_km=30.0,
        long_run_km=10.0,
        quality_sessions=1,
        runs=3,
        lifts=lifts,
        lift_emphasis=emphasis,
        lift_volume_factor=factor,
        week_in_block=week_in_block,
        weeks_to_goal=8,
        rules=(),
        notes=(),
    )


def plan(
    week: WeekOutline,
    *,
    equipment: frozenset[str] = FULL_KIT,
    maxes: dict[str, float] | None = None,
    priority: Priority = Priority.RUNNING,
    experience: Experience = Experience.INTERMEDIATE,
) -> tuple[PlannedLift, ...]:
    """The week's lifts, planned as a week on its own (loads from the profile's maxima)."""
    profile = make_profile(equipment=equipment, priority=priority, experience=experience)
    return plan_lifts(week, profile, make_baseline(maxes), LIBRARY, plan=(week,))


def total_sets(lifts: tuple[PlannedLift, ...]) -> int:
    return sum(lift.prescription.hard_sets for lift in lifts)


# --- the data tables ---


def test_every_template_exercise_is_in_the_library() -> None:
    for layout in (*LAYOUTS.values(), (PRIMER,)):
        for template in layout:
            for slot in template.slots:
                assert LIBRARY.get(slot.exercise).id == slot.exercise


def test_layouts_exist_for_every_emphasis_and_one_to_four_lifts() -> None:
    for emphasis in ALL_EMPHASES:
        for lifts in range(1, 5):
            # A test week is the test and, with room for it, one light primer.
            wanted = min(lifts, 2) if emphasis is LiftEmphasis.PEAK_TEST else lifts
            assert len(plan(make_week(emphasis, lifts=lifts))) == wanted


@pytest.mark.parametrize("emphasis", [LiftEmphasis.STRENGTH, LiftEmphasis.MAINTENANCE])
def test_strength_and_maintenance_doses_stay_inside_lft_3(emphasis: LiftEmphasis) -> None:
    low_pct = LFT_3.param("load_pct_1rm_min", EvidenceProfile.DEFAULT)
    high_pct = LFT_3.param("load_pct_1rm_max", EvidenceProfile.DEFAULT)
    low_reps = LFT_3.param("reps_min", EvidenceProfile.DEFAULT)
    high_reps = LFT_3.param("reps_max", EvidenceProfile.DEFAULT)
    low_rest = 60 * LFT_3.param("rest_min_min", EvidenceProfile.DEFAULT)
    high_rest = 60 * LFT_3.param("rest_max_min", EvidenceProfile.DEFAULT)
    for role in LOADED_ROLES:
        dose = DOSES[emphasis][role]
        assert dose.rule == "LFT-3"
        assert low_rest <= dose.rest_s <= high_rest
        for level, steps in dose.steps.items():
            for step in steps:
                assert step.percent_1rm is not None
                assert low_pct <= step.percent_1rm <= high_pct
                assert low_reps <= step.reps <= high_reps
                if level is Experience.NOVICE:
                    # ACSM 2009: novices lift loads of an 8-12 repetition maximum.
                    assert step.reps >= 8


def test_runner_heavy_lifts_stay_inside_lft_3() -> None:
    for role in LOADED_ROLES:
        for steps in DOSES[LiftEmphasis.RUNNER][role].steps.values():
            for step in steps:
                assert step.percent_1rm is not None
                assert 70 <= step.percent_1rm <= 85
                assert 3 <= step.reps <= 8


def test_hypertrophy_doses_stay_inside_lft_2() -> None:
    for role in LOADED_ROLES:
        dose = DOSES[LiftEmphasis.HYPERTROPHY][role]
        assert dose.rule == "LFT-2"
        assert dose.unloaded is not None
        for step in (*itertools.chain(*dose.steps.values()), *dose.unloaded):
            assert step.rpe is not None
            assert LFT_2.param("reps_min", EvidenceProfile.DEFAULT) <= step.reps
            assert step.reps <= LFT_2.param("reps_max", EvidenceProfile.DEFAULT)
            assert LFT_2.param("rpe_min", EvidenceProfile.DEFAULT) <= step.rpe
            assert step.rpe <= LFT_2.param("rpe_max", EvidenceProfile.DEFAULT)


@pytest.mark.parametrize(
    "emphasis", [LiftEmphasis.STRENGTH, LiftEmphasis.MAINTENANCE, LiftEmphasis.RUNNER]
)
def test_work_without_load_is_8_to_12_slow_reps_two_short_of_failure(
    emphasis: LiftEmphasis,
) -> None:
    for role in LOADED_ROLES:
        unloaded = DOSES[emphasis][role].unloaded
        assert unloaded is not None
        for step in unloaded:
            assert 8 <= step.reps <= 12
            assert step.rpe is not None
            assert 7.5 <= step.rpe <= 9
            assert step.lowering_s in {3, 4}


def test_runner_specific_and_explosive_rows_name_their_rules() -> None:
    for emphasis in ALL_EMPHASES:
        assert DOSES[emphasis][SlotRole.RUNNER].rule == "LFT-6"
        assert DOSES[emphasis][SlotRole.EXPLOSIVE].rule == "SCH-9"


def test_weekly_set_ranges_cite_their_sources() -> None:
    # Schoenfeld 2017: 10 or more weekly sets per muscle; Baz-Valle 2022: up to about 20.
    for ramp in HYPERTROPHY_VOLUME.values():
        assert 10 <= ramp.start < ramp.top <= 20
        assert 0 < ramp.small_start < ramp.small_top <= ramp.top
    for ranges in WEEKLY_SET_RANGES.values():
        assert set(ranges) == MAJOR_MUSCLE_GROUPS
        for limits in ranges.values():
            assert 0 < limits.low < limits.high
            assert any(ch.isdigit() for ch in limits.source)


# --- prescriptions inside the ranges ---


@pytest.mark.parametrize("week_in_block", range(6))
@pytest.mark.parametrize("lifts", [2, 3, 4])
def test_hypertrophy_sets_are_6_to_12_reps_at_rpe_8_to_9(lifts: int, week_in_block: int) -> None:
    for lift in plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=lifts, week_in_block=week_in_block)):
        for item in lift.prescription.exercises:
            assert 6 <= item.reps <= 12, item
            assert item.rpe is not None
            assert 8 <= item.rpe <= 9, item
            assert 90 <= item.rest_s <= 180


@pytest.mark.parametrize("week_in_block", range(6))
@pytest.mark.parametrize("lifts", [2, 3, 4])
def test_strength_sets_are_3_to_8_reps_at_70_to_85_percent(lifts: int, week_in_block: int) -> None:
    for lift in plan(make_week(LiftEmphasis.STRENGTH, lifts=lifts, week_in_block=week_in_block)):
        for item in lift.prescription.exercises:
            assert 120 <= item.rest_s <= 300, item
            if LIBRARY.get(item.exercise).load_increment_kg == 0:
                # Pull-ups and the like: 8-12 slow reps by RPE.
                assert 8 <= item.reps <= 12, item
                continue
            assert 3 <= item.reps <= 8, item
            if item.percent_1rm is not None:
                assert 70 <= item.percent_1rm <= 85
                assert item.rpe is None
            else:
                # Without a 1RM the same target is given as its RPE-chart equivalent.
                assert item.rpe is not None
                assert 68 <= chart_percent_1rm(reps=item.reps, rpe=item.rpe) <= 87


def test_rpe_for_percent_reads_the_chart_back() -> None:
    assert rpe_for_percent(reps=5, percent_1rm=81.1) == 8.0
    assert rpe_for_percent(reps=3, percent_1rm=85.0) == 7.5
    # Past the chart's RPE 6 the chart is read as repetitions to failure: 5 reps at 70.7 %
    # is an 11-rep maximum, RPE 4; anything lighter than the scale's floor gives RPE 3.
    assert rpe_for_percent(reps=5, percent_1rm=70.7) == 4.0
    assert rpe_for_percent(reps=5, percent_1rm=40.0) == 3.0


# --- weekly volume and SCH-7 ---


@pytest.mark.parametrize(
    "kit", [FULL_KIT, DUMBBELL_KIT, BAND_KIT], ids=["full", "dumbbells", "bands"]
)
@pytest.mark.parametrize("lifts", [2, 3, 4])
@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
def test_weekly_sets_and_days_per_group(
    emphasis: LiftEmphasis, lifts: int, kit: frozenset[str]
) -> None:
    week = make_week(emphasis, lifts=lifts)
    lifts_planned = plan(week, equipment=kit)
    sets = weekly_sets(lifts_planned, LIBRARY)
    days = training_days(lifts_planned)
    if emphasis is LiftEmphasis.PEAK_TEST:
        return  # the test week: test_test_week_* below
    profile = make_profile(equipment=kit)
    ranges = set_ranges(week, lift_calendar((week,), profile, week))
    for group in MAJOR_MUSCLE_GROUPS:
        limits = ranges[group]
        assert limits.low <= sets[group] <= limits.high, (group, sets)
        assert SCH7_MIN_DAYS <= days[group] <= SCH7_MAX_DAYS, (group, days)


@pytest.mark.parametrize("lifts", [2, 3, 4])
@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
def test_sch_7_checker_passes_with_lifts_on_separate_days(
    emphasis: LiftEmphasis, lifts: int
) -> None:
    planned = plan(make_week(emphasis, lifts=lifts), priority=Priority.LIFTING)
    monday = datetime(2027, 1, 4, tzinfo=UTC)
    scheduled = [
        ScheduledSession(
            spec=lift.spec,
            start=datetime.combine((monday + timedelta(days=2 * n)).date(), time(7), UTC),
            end=datetime.combine((monday + timedelta(days=2 * n)).date(), time(7), UTC)
            + timedelta(minutes=lift.spec.duration_min),
        )
        for n, lift in enumerate(planned)
    ]
    context = WeekContext(goal=GoalKind.STRENGTH, priority=Priority.LIFTING)
    assert list(sch_7.check(scheduled, context)) == []


def test_one_lift_is_full_body_and_says_sch_7_needs_two() -> None:
    (only,) = plan(make_week(LiftEmphasis.MAINTENANCE, lifts=1))
    assert only.spec.muscle_groups >= MAJOR_MUSCLE_GROUPS
    assert any("SCH-7" in line and "at least two lifts" in line for line in only.explanation)


def test_no_lifts_no_sessions() -> None:
    assert plan(make_week(lifts=0)) == ()


def test_volume_factor_cuts_sets_and_says_why() -> None:
    full = plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=3))
    light = plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=3, factor=0.7))
    assert total_sets(light) < total_sets(full)
    assert any("running load" in line for line in light[0].explanation)


# --- order, kind and session spec ---


@pytest.mark.parametrize("lifts", [1, 2, 3, 4])
def test_explosive_work_comes_first(lifts: int) -> None:
    planned = plan(make_week(LiftEmphasis.RUNNER, lifts=lifts))
    with_jumps = [lift for lift in planned if lift.spec.contains_explosive]
    assert with_jumps, "runner templates include plyometrics"
    for lift in planned:
        flags = [LIBRARY.get(e.exercise).explosive for e in lift.prescription.exercises]
        assert flags == sorted(flags, reverse=True)
        assert lift.spec.contains_explosive == any(flags)
        if any(flags):
            assert "SCH-9" in lift.rules


def test_runner_week_has_a_heavy_lower_and_a_runner_strength_session() -> None:
    heavy, runner = plan(make_week(LiftEmphasis.RUNNER, lifts=2))
    assert heavy.spec.kind is LiftKind.HEAVY_LOWER
    assert heavy.spec.is_heavy_lower
    assert runner.spec.kind is LiftKind.RUNNER_STRENGTH
    assert not runner.spec.is_heavy_lower
    lft_6 = {e.id for e in LIBRARY.runner_specific()}
    assert sum(e.exercise in lft_6 for e in runner.prescription.exercises) >= 4
    assert {"LFT-6", "LFT-7"} <= set(runner.rules)


def test_upper_lower_split_kinds() -> None:
    kinds = [lift.spec.kind for lift in plan(make_week(LiftEmphasis.STRENGTH, lifts=4))]
    assert kinds == [LiftKind.UPPER, LiftKind.HEAVY_LOWER, LiftKind.UPPER, LiftKind.HEAVY_LOWER]


def test_lift_kind_thresholds() -> None:
    squat = LIBRARY.get("back-squat")
    press = LIBRARY.get("bench-press")
    calf = LIBRARY.get("bent-knee-calf-raise")
    assert squat.pattern in HEAVY_LOWER_PATTERNS
    assert lift_kind([(squat, Step(reps=5, percent_1rm=70.0))]) is LiftKind.HEAVY_LOWER
    assert lift_kind([(squat, Step(reps=12, percent_1rm=65.0))]) is LiftKind.FULL_BODY
    assert lift_kind([(squat, Step(reps=12, rpe=7.0))]) is LiftKind.HEAVY_LOWER
    assert lift_kind([(squat, Step(reps=8, rpe=6.5))]) is LiftKind.FULL_BODY
    assert lift_kind([(press, Step(reps=5, percent_1rm=85.0))]) is LiftKind.UPPER
    assert (
        lift_kind([(press, Step(reps=5, percent_1rm=85.0)), (calf, Step(reps=10, rpe=6.5))])
        is LiftKind.RUNNER_STRENGTH
    )


def test_spec_fields() -> None:
    planned = plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=3), priority=Priority.LIFTING)
    assert [lift.spec.id for lift in planned] == ["w05-lift1", "w05-lift2", "w05-lift3"]
    for lift in planned:
        spec = lift.spec
        assert spec.is_lift
        assert spec.kind is lift.prescription.kind
        assert spec.key
        assert spec.duration_min % 15 == 0
        assert lift.prescription.duration_min <= spec.duration_min
        assert spec.duration_min < lift.prescription.duration_min + 15
        assert spec.muscle_groups == frozenset(
            g for e in lift.prescription.exercises for g in LIBRARY.get(e.exercise).primary
        )
        assert spec.rpe == lift.prescription.rpe
    running_first = plan(make_week(LiftEmphasis.RUNNER, lifts=2))
    assert not any(lift.spec.key for lift in running_first)


def test_duration_counts_warm_up_sets_work_and_rest() -> None:
    (lift,) = plan(make_week(LiftEmphasis.MAINTENANCE, lifts=1))
    # Full body: squat and bench (main, 2 x 5, 3 min), row (assist, 2 x 8, 2.5 min),
    # Romanian deadlift (accessory, 1 x 8, 2 min); 3 s a rep; 10 min warm-up and
    # 5 min of ramp-up sets before each main lift.
    expected = 10 + 2 * 5 + (2 * 2 * (15 + 180) + 2 * (24 + 150) + 1 * (24 + 120)) / 60
    assert lift.prescription.duration_min == pytest.approx(expected, abs=0.05)
    assert lift.spec.duration_min == grid_minutes(expected) == 45


def test_grid_minutes_rounds_up_to_15() -> None:
    assert grid_minutes(30.0) == 30
    assert grid_minutes(30.1) == 45
    assert grid_minutes(3.0) == 15


# --- loads ---


def test_loads_from_maxes_rounded_to_the_increment() -> None:
    planned = plan(make_week(LiftEmphasis.STRENGTH, lifts=4, week_in_block=1))
    items = {e.exercise: e for lift in planned for e in lift.prescription.exercises}
    squat = items["back-squat"]
    assert squat.percent_1rm == 77.5
    assert squat.load_kg == 107.5  # 140 x 0.775 = 108.5 -> nearest 2.5 kg step, ties down
    front = items["front-squat"]
    assert front.percent_1rm == 72.5
    assert front.load_kg == 80.0  # derived 1RM 0.8 x 140 = 112; x 0.725 = 81.2 -> 80
    db_bench = items["dumbbell-bench-press"]
    # Both dumbbells together (Saeterbakken 2011): a pair of real dumbbells, 2 kg steps each.
    assert db_bench.load_kg is not None
    assert db_bench.load_kg % 4.0 == 0
    assert f"{db_bench.load_kg / 2:g} kg in each hand" in db_bench.notes
    for item in items.values():
        if item.load_kg is not None:
            step = LIBRARY.get(item.exercise).load_step_kg
            assert math.isclose(item.load_kg / step, round(item.load_kg / step))
            assert ("in each hand" in item.notes) is (item.exercise == "dumbbell-bench-press")


def test_without_maxes_loads_are_by_rpe_and_say_so() -> None:
    planned = plan(make_week(LiftEmphasis.STRENGTH, lifts=2), maxes={})
    for lift in planned:
        for item in lift.prescription.exercises:
            assert item.load_kg is None
            assert item.percent_1rm is None
            assert item.rpe is not None
        assert any("No 1RM known" in line for line in lift.explanation)
    squat = next(e for e in planned[0].prescription.exercises if e.exercise == "back-squat")
    assert "choose the load by RPE" in squat.notes


def test_hypertrophy_loads_come_from_the_rpe_chart() -> None:
    planned = plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=2))
    squat = next(e for e in planned[0].prescription.exercises if e.exercise == "back-squat")
    assert (squat.reps, squat.rpe, squat.percent_1rm) == (10, 8.0, 68.0)
    assert squat.load_kg == 95.0  # 140 x 0.68 = 95.2


# --- progression within a block and across the plan (LFT-5, PER-1) ---


@pytest.mark.parametrize("emphasis", [e for e in ALL_EMPHASES if e is not LiftEmphasis.PEAK_TEST])
@pytest.mark.parametrize("maxes", [MAXES, {}], ids=["maxes", "no-maxes"])
def test_progression_within_a_block_never_goes_backwards(
    emphasis: LiftEmphasis, maxes: dict[str, float]
) -> None:
    weeks = [plan(make_week(emphasis, week_in_block=k), maxes=maxes) for k in range(6)]
    for before, after in itertools.pairwise(weeks):
        items_before = {
            (lift.spec.id, e.exercise): e for lift in before for e in lift.prescription.exercises
        }
        for lift in after:
            for item in lift.prescription.exercises:
                old = items_before[(lift.spec.id, item.exercise)]
                for attribute in ("load_kg", "percent_1rm", "rpe"):
                    a, b = getattr(old, attribute), getattr(item, attribute)
                    if a is not None and b is not None:
                        assert b >= a, (attribute, old, item)
                old_pct = chart_percent_1rm(reps=old.reps, rpe=old.rpe) if old.rpe else None
                new_pct = chart_percent_1rm(reps=item.reps, rpe=item.rpe) if item.rpe else None
                harder = (
                    item.reps >= old.reps
                    or (old.percent_1rm or 0) < (item.percent_1rm or 0)
                    or (old_pct is not None and new_pct is not None and new_pct > old_pct)
                )
                assert harder, (old, item)


def outline(
    index: int,
    *,
    block: int,
    week_in_block: int,
    emphasis: LiftEmphasis = LiftEmphasis.STRENGTH,
    phase: Phase = Phase.BUILD,
    lifts: int = 3,
    factor: float = 1.0,
) -> WeekOutline:
    return replace(
        make_week(emphasis, lifts=lifts, week_in_block=week_in_block, block=block, phase=phase),
        index=index,
        start=date(2027, 1, 4) + timedelta(days=7 * index),
        deload=phase is Phase.DELOAD,
        lift_volume_factor=factor,
    )


TWO_BLOCKS = (
    outline(0, block=0, week_in_block=0),
    outline(1, block=0, week_in_block=1),
    outline(2, block=0, week_in_block=2),
    outline(3, block=0, week_in_block=3, phase=Phase.DELOAD, factor=0.5),
    outline(4, block=1, week_in_block=0),
    outline(5, block=1, week_in_block=1),
)


def squat_in(
    weeks: tuple[WeekOutline, ...], experience: Experience, *, maxes: dict[str, float] = MAXES
) -> list[tuple[int, float | None, float | None]]:
    """(reps, load, percent) of the back squat, week by week, planned as one plan."""
    profile = make_profile(experience=experience)
    out = []
    for week in weeks:
        lifts = plan_lifts(week, profile, make_baseline(maxes), LIBRARY, plan=weeks)
        item = next(
            e for lift in lifts for e in lift.prescription.exercises if e.exercise == "back-squat"
        )
        out.append((item.reps, item.load_kg, item.percent_1rm))
    return out


def test_an_intermediate_adds_load_each_week_and_the_next_block_starts_higher() -> None:
    squat = squat_in(TWO_BLOCKS, Experience.INTERMEDIATE)
    # Planned max 140 kg x 1.01 per loading week (ACSM 2009: 2-10 % load increases), then
    # 75, 77.5, 80 % of it, rounded to the nearest 2.5 kg (ties down).
    assert squat[0] == (5, 105.0, 75.0)  # 140 x 0.75
    assert squat[1] == (5, 110.0, 77.5)  # 141.4 x 0.775 = 109.6
    assert squat[2] == (4, 115.0, 80.0)  # 142.8 x 0.8 = 114.3
    # Deload: same 4 reps, two RPE points easier (RPE 6.5 -> 4.5: 75.1 %) of 144.2 kg.
    assert squat[3] == (4, 107.5, 75.1)
    # The next block starts where the last ended: 5 reps at 75 % of 144.2 kg, not of 140.
    assert squat[4] == (5, 107.5, 75.0)
    assert squat[5] == (5, 112.5, 77.5)  # 145.7 x 0.775 = 112.9
    assert squat[4][1] is not None
    assert squat[0][1] is not None
    assert squat[4][1] > squat[0][1]


def test_a_novice_adds_load_week_to_week_at_the_same_reps() -> None:
    squat = squat_in(TWO_BLOCKS, Experience.NOVICE, maxes={"back-squat": 100.0})
    # ACSM 2009: 8-12 reps at 60-70 % for novices; +2.5 % a loading week (linear).
    assert [s[0] for s in squat] == [8, 8, 8, 8, 8, 8]
    assert [s[1] for s in squat[:3]] == [70.0, 72.5, 72.5]  # 70, 71.75, 73.5 kg
    assert squat[4][1] == 75.0  # 100 x 1.025^3 x 0.7 = 75.4
    assert squat[5][1] == 77.5  # 100 x 1.025^4 x 0.7 = 77.3
    deload = squat[3]
    assert deload[1] is not None
    assert deload[1] < 72.5


def test_an_advanced_lifter_waves_within_a_block_and_gains_between_blocks() -> None:
    squat = squat_in(TWO_BLOCKS, Experience.ADVANCED)
    # The planned max holds within block 0 (140 kg): 5 @ 77.5, 4 @ 80, 3 @ 85 %.
    assert squat[:3] == [(5, 107.5, 77.5), (4, 112.5, 80.0), (3, 120.0, 85.0)]
    # Block 1 starts from 140 x 1.005^3 = 142.1 kg: 5 @ 77.5 % = 110.1 -> 110.
    assert squat[4] == (5, 110.0, 77.5)


def test_rounding_never_makes_a_build_week_lighter() -> None:
    for experience in Experience:
        for maxes in ({"back-squat": 97.3}, {"back-squat": 141.9}, {"back-squat": 60.0}):
            squat = squat_in(TWO_BLOCKS, experience, maxes=maxes)
            builds = [s for k, s in enumerate(squat) if k != 3]
            for before, after in itertools.pairwise(builds):
                if before[0] == after[0]:
                    assert (after[1] or 0) >= (before[1] or 0), (experience, squat)


# --- deloads and tapers (PER-3, PER-2) ---


def test_deload_halves_the_sets_and_takes_two_rpe_points_off() -> None:
    weeks = TWO_BLOCKS[:4]
    profile = make_profile()
    last_build, deload = (
        plan_lifts(w, profile, make_baseline(), LIBRARY, plan=weeks) for w in weeks[2:4]
    )
    build_items = {
        (lift.prescription.notes, e.exercise): e
        for lift in last_build
        for e in lift.prescription.exercises
    }
    for lift in deload:
        assert lift.variant is LiftVariant.DELOAD
        assert "PER-3" in lift.rules
        assert lift.spec.rpe <= 5
        for item in lift.prescription.exercises:
            before = build_items[(lift.prescription.notes, item.exercise)]
            assert item.reps == before.reps
            assert item.sets <= max(1, before.sets // 2)
            before_rpe = before.rpe or rpe_for_percent(
                reps=before.reps, percent_1rm=before.percent_1rm or 0
            )
            assert item.rpe is not None
            assert item.rpe <= before_rpe - 1.5 or item.rpe == 3.0
            if item.load_kg is not None and before.load_kg is not None:
                assert item.load_kg < before.load_kg
    ratio = total_sets(deload) / total_sets(last_build)
    assert ratio <= 0.6


def test_deload_flag_caps_the_volume_even_when_the_factor_is_not_reduced() -> None:
    full = plan(make_week(LiftEmphasis.STRENGTH, week_in_block=2))
    deload = plan(make_week(LiftEmphasis.STRENGTH, week_in_block=3, deload=True, factor=1.0))
    assert total_sets(deload) < total_sets(full)


def test_scaled_sets_rounds_half_up_and_keeps_one() -> None:
    assert [scaled_sets(n, factor=0.5) for n in range(1, 6)] == [1, 1, 2, 2, 3]
    assert scaled_sets(4, factor=1.0) == 4


# --- equipment ---


@pytest.mark.parametrize("kit", [FULL_KIT, DUMBBELL_KIT, BAND_KIT, frozenset()])
@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
def test_only_exercises_the_equipment_allows(emphasis: LiftEmphasis, kit: frozenset[str]) -> None:
    for lift in plan(make_week(emphasis, lifts=3), equipment=kit):
        for item in lift.prescription.exercises:
            assert LIBRARY.get(item.exercise).is_possible_with(equipment=kit)
            assert 1 <= item.sets <= MAX_SETS_PER_EXERCISE


def test_substitutions_are_explained() -> None:
    planned = plan(make_week(LiftEmphasis.STRENGTH, lifts=2), equipment=DUMBBELL_KIT)
    exercises = {e.exercise for lift in planned for e in lift.prescription.exercises}
    assert "goblet-squat" in exercises
    assert "back-squat" not in exercises
    assert any("replaces back squat" in line for line in planned[0].explanation)


def test_bodyweight_only_reports_the_missing_back_work() -> None:
    planned = plan(make_week(LiftEmphasis.STRENGTH, lifts=3), equipment=frozenset())
    short = training_days(planned)[MuscleGroup.BACK] < SCH7_MIN_DAYS
    said = any("allows no exercise for back" in line for line in planned[0].explanation)
    assert short == said
    with_bands = plan(make_week(LiftEmphasis.STRENGTH, lifts=3), equipment=BAND_KIT)
    assert training_days(with_bands)[MuscleGroup.BACK] >= SCH7_MIN_DAYS
    assert not any("allows no exercise" in line for line in with_bands[0].explanation)


# --- explanations ---


@pytest.mark.parametrize("lifts", [1, 2, 3, 4])
@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
def test_every_rule_is_explained_with_a_source(emphasis: LiftEmphasis, lifts: int) -> None:
    for lift in plan(make_week(emphasis, lifts=lifts)):
        assert {"LFT-4", "LFT-5", "SCH-7"} <= set(lift.rules)
        for rule in lift.rules:
            assert any(line.startswith(f"{rule}:") for line in lift.explanation), rule
        for line in lift.explanation:
            if line.startswith(("LFT-", "SCH-", "PER-")):
                assert line.endswith(").")


def test_emphasis_specific_rules() -> None:
    assert "LFT-2" in plan(make_week(LiftEmphasis.HYPERTROPHY))[0].rules
    assert "LFT-3" in plan(make_week(LiftEmphasis.STRENGTH))[0].rules
    assert "PER-3" in plan(make_week(deload=True, week_in_block=3, factor=0.5))[0].rules
    assert "PER-2" in plan(make_week(LiftEmphasis.RUNNER, phase=Phase.TAPER, factor=0.5))[0].rules


# --- bad input ---


@pytest.mark.parametrize(
    ("week", "field"),
    [
        (replace(make_week(), lifts=5), "week.lifts"),
        (replace(make_week(), lifts=-1), "week.lifts"),
        (replace(make_week(), lift_volume_factor=0.0), "week.lift_volume_factor"),
        (replace(make_week(), lift_volume_factor=float("nan")), "week.lift_volume_factor"),
        (replace(make_week(), lift_volume_factor=2.0), "week.lift_volume_factor"),
        (replace(make_week(), week_in_block=-1), "week.week_in_block"),
    ],
)
def test_bad_weeks_raise(week: WeekOutline, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        plan(week)
    assert info.value.field == field


def test_unknown_equipment_raises() -> None:
    with pytest.raises(InvalidInput) as info:
        plan(make_week(), equipment=frozenset({"barbel"}))
    assert info.value.field == "lifting.equipment"


def test_sets_never_exceed_the_cap_or_vanish() -> None:
    for emphasis in ALL_EMPHASES:
        for lifts in (1, 2, 3, 4):
            for lift in plan(make_week(emphasis, lifts=lifts, factor=0.3)):
                assert all(
                    1 <= e.sets <= MAX_SETS_PER_EXERCISE for e in lift.prescription.exercises
                )


# --- lifting style runner_specific (LFT-6) ---

RUNNER_EXAMPLE = (
    Path(__file__).parents[2] / "examples" / "athletes" / "marathon-runner-strength.yaml"
)
RUNNER_SPECIFIC = LiftEmphasis.RUNNER_SPECIFIC
RUNNER_SPECIFIC_IDS = frozenset(e.id for e in LIBRARY.runner_specific())


@pytest.fixture(scope="module")
def runner_athlete() -> AthleteProfile:
    return read_profile(RUNNER_EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def runner_weeks(
    runner_athlete: AthleteProfile,
) -> tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...]:
    numbers = baseline(runner_athlete)
    weeks = outline_plan(runner_athlete)
    return tuple(
        (week, plan_lifts(week, runner_athlete, numbers, LIBRARY, plan=weeks)) for week in weeks
    )


def test_the_runner_example_lists_the_kit_the_tests_assume(
    runner_athlete: AthleteProfile,
) -> None:
    assert runner_athlete.lifting.style is LiftingStyle.RUNNER_SPECIFIC
    assert runner_athlete.lifting.equipment == {"bands", "step", "suspension-trainer", "dumbbells"}


def test_runner_specific_weeks_are_never_heavy_lower(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    assert runner_weeks
    for week, lifts in runner_weeks:
        assert week.lift_emphasis is RUNNER_SPECIFIC
        # Race week has no lift: SCH-7 allows none or two, and the legs go fresh to the race.
        assert len(lifts) == (0 if week.phase is Phase.RACE else week.lifts)
        assert week.phase is Phase.RACE or len(lifts) >= 2
        for lift in lifts:
            assert lift.spec.kind is LiftKind.RUNNER_STRENGTH, lift.spec.id
            assert lift.prescription.kind is LiftKind.RUNNER_STRENGTH
            assert not lift.spec.is_heavy_lower


def test_runner_specific_sessions_are_lft_6_work_with_explosive_work_first(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    for _, lifts in runner_weeks:
        if not lifts:
            continue
        for lift in lifts:
            ids = [e.exercise for e in lift.prescription.exercises]
            assert sum(i in RUNNER_SPECIFIC_IDS for i in ids) >= 2, ids
            flags = [LIBRARY.get(i).explosive for i in ids]
            assert flags == sorted(flags, reverse=True)
            assert lift.spec.contains_explosive == any(flags)
            assert "LFT-6" in lift.rules
            if any(flags):
                assert ids[0] == "single-leg-multidirectional-hops"
                assert {"SCH-9", "LFT-7"} <= set(lift.rules)
        # The hops are in the week (SCH-9 sets the flag), not in every lift, so that one
        # lift can follow a run on the same day.
        assert any(lift.spec.contains_explosive for lift in lifts)


def test_runner_specific_example_trains_each_group_on_two_to_three_days(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    for week, lifts in runner_weeks:
        if not lifts:
            continue
        days = training_days(lifts)
        for group in MAJOR_MUSCLE_GROUPS:
            assert SCH7_MIN_DAYS <= days[group] <= SCH7_MAX_DAYS, (week.index, days)
        for lift in lifts:
            patterns = {LIBRARY.get(e.exercise).pattern for e in lift.prescription.exercises}
            assert MovementPattern.HORIZONTAL_PUSH in patterns
            assert MovementPattern.HORIZONTAL_PULL in patterns
            assert lift.spec.muscle_groups >= MAJOR_MUSCLE_GROUPS


def test_runner_specific_loads_are_rpe_6_to_8_with_slow_lowering(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    for _, lifts in runner_weeks:
        for lift in lifts:
            if lift.variant is not LiftVariant.BUILD:
                # Deloads, the taper and the light days before the race: easier still.
                assert all((e.rpe or 0) <= 6.5 for e in lift.prescription.exercises)
                continue
            for item in lift.prescription.exercises:
                exercise = LIBRARY.get(item.exercise)
                assert item.percent_1rm is None
                if exercise.explosive:
                    assert item.rpe is None
                    continue
                assert item.rpe is not None
                assert 6 <= item.rpe <= 8, item
                if exercise.pattern in HEAVY_LOWER_PATTERNS:
                    assert item.rpe < HEAVY_RPE
                    assert chart_percent_1rm(reps=item.reps, rpe=item.rpe) < HEAVY_PERCENT_1RM
                if exercise.runner_specific:
                    assert "lower over 3 s" in item.notes or "lower over 4 s" in item.notes


def test_runner_specific_example_uses_the_loaded_variations_its_kit_allows(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    _, lifts = runner_weeks[0]
    ids = {e.exercise for lift in lifts for e in lift.prescription.exercises}
    assert {
        "single-leg-multidirectional-hops",
        "weighted-suspended-split-squat",
        "eccentric-goblet-squat",
        "weighted-bent-knee-calf-raise",
        "weighted-straight-knee-calf-raise",
        "banded-standing-hip-flexion",
        "banded-ankle-inversion",
        "banded-ankle-eversion",
        "decline-push-up",
        "suspension-row",
        "banded-row",
    } == ids
    # The only stand-in is the harder push-up: a push-up alone would not reach RPE 7-8.
    replaced = {line for lift in lifts for line in lift.explanation if "replaces" in line}
    assert replaced
    assert all(line.startswith("Decline push-up replaces push-up: ") for line in replaced)


def test_runner_specific_falls_back_on_the_bodyweight_and_band_originals() -> None:
    lifts = plan(make_week(RUNNER_SPECIFIC, lifts=2), equipment=BAND_KIT)
    ids = {e.exercise for lift in lifts for e in lift.prescription.exercises}
    assert {"eccentric-squat", "bent-knee-calf-raise", "straight-knee-calf-raise"} <= ids
    assert "banded-row" in ids
    assert not ids & {"eccentric-goblet-squat", "weighted-bent-knee-calf-raise"}
    lines = [line for lift in lifts for line in lift.explanation]
    assert any(line.startswith("Eccentric squat (slow lowering) replaces") for line in lines)


def test_runner_specific_deload_halves_the_sets(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    deloads = [i for i, (week, _) in enumerate(runner_weeks) if week.deload]
    assert deloads
    for index in deloads:
        _, build = runner_weeks[index - 1]
        _, deload = runner_weeks[index]
        before = {
            (b.prescription.notes, e.exercise): e for b in build for e in b.prescription.exercises
        }
        for lift in deload:
            assert "PER-3" in lift.rules
            for item in lift.prescription.exercises:
                old = before[(lift.prescription.notes, item.exercise)]
                assert old.sets == 2
                assert item.sets == 1
                assert item.reps == old.reps
                if old.rpe is not None:
                    # Two RPE points easier (RPE 6 runner work -> 4).
                    assert item.rpe == old.rpe - 2
        assert total_sets(deload) * 2 == total_sets(build)


def test_runner_specific_progresses_by_reps_then_tempo_then_effort() -> None:
    def split_squat(week_in_block: int) -> tuple[int, float | None, str]:
        lifts = plan(
            make_week(RUNNER_SPECIFIC, lifts=2, week_in_block=week_in_block),
            equipment=frozenset({"suspension-trainer", "dumbbells"}),
        )
        item = next(
            e
            for e in lifts[0].prescription.exercises
            if e.exercise == "weighted-suspended-split-squat"
        )
        return item.reps, item.rpe, item.notes

    steps = [split_squat(k) for k in range(5)]
    assert [(reps, rpe) for reps, rpe, _ in steps] == [
        (8, 6.0),
        (10, 6.0),
        (10, 6.0),
        (10, 6.5),
        (12, 6.5),
    ]
    assert ["lower over 4 s" in notes for _, _, notes in steps] == [
        False,
        False,
        True,
        True,
        True,
    ]
    assert all("choose the load by RPE" in notes for _, _, notes in steps)


def test_runner_specific_dose_rows() -> None:
    rows = DOSES[RUNNER_SPECIFIC]
    assert rows[SlotRole.RUNNER].rule == "LFT-6"
    assert rows[SlotRole.EXPLOSIVE].rule == "SCH-9"
    for step in itertools.chain(*rows[SlotRole.RUNNER].steps.values()):
        assert step.rpe is not None
        assert 6 <= step.rpe < HEAVY_RPE
        assert not is_heavy(step)
        assert step.lowering_s in {3, 4}
    for step in itertools.chain(*rows[SlotRole.ACCESSORY].steps.values()):
        assert step.rpe is not None
        assert 7 <= step.rpe <= 8
    for lifts in range(1, 5):
        for template in LAYOUTS[(TemplateFamily.RUNNER_SPECIFIC, lifts)]:
            assert all(slot.role in rows for slot in template.slots)


@pytest.mark.parametrize(
    "kit", [FULL_KIT, DUMBBELL_KIT, BAND_KIT, frozenset()], ids=["full", "db", "bands", "none"]
)
@pytest.mark.parametrize("lifts", [1, 2, 3, 4])
def test_runner_specific_is_never_heavy_lower_whatever_the_kit(
    lifts: int, kit: frozenset[str]
) -> None:
    for week_in_block in range(6):
        for lift in plan(
            make_week(RUNNER_SPECIFIC, lifts=lifts, week_in_block=week_in_block), equipment=kit
        ):
            assert lift.spec.kind is not LiftKind.HEAVY_LOWER
            assert not lift.spec.is_heavy_lower
            if lifts <= 3:
                assert lift.spec.kind is LiftKind.RUNNER_STRENGTH
                ids = [e.exercise for e in lift.prescription.exercises]
                assert sum(i in RUNNER_SPECIFIC_IDS for i in ids) >= 3


# --- the weeks before a race (PER-2) ---

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"


def example(name: str) -> AthleteProfile:
    return read_profile((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def whole_plan(profile: AthleteProfile) -> list[tuple[WeekOutline, tuple[PlannedLift, ...]]]:
    weeks = outline_plan(profile)
    numbers = baseline(profile)
    return [(w, plan_lifts(w, profile, numbers, LIBRARY, plan=weeks)) for w in weeks]


def with_race(profile: AthleteProfile, *, distance_m: float, day: date) -> AthleteProfile:
    goal = replace(profile.goal, race=RaceGoal(distance_m=distance_m, date=day))
    return replace(profile, goal=goal)


@pytest.mark.parametrize(
    ("distance_m", "days"), [(42195.0, 10), (21097.5, 10), (10000.0, 7), (5000.0, 7)]
)
@pytest.mark.parametrize("weekday", range(7))
def test_last_heavy_or_jumping_lift_comes_well_before_the_race(
    distance_m: float, days: int, weekday: int
) -> None:
    race_day = date(2027, 4, 12) + timedelta(days=weekday)
    profile = with_race(example("half-marathon-lifter"), distance_m=distance_m, day=race_day)
    cutoff = race_day - timedelta(days=days)
    heavy_days = []
    for week, lifts in whole_plan(profile):
        end = week.start + timedelta(days=6)
        if week.phase is Phase.RACE:
            assert lifts == ()
        for lift in lifts:
            if lift.spec.is_heavy_lower or lift.spec.is_explosive:
                last = lift.latest_date or end
                assert last <= cutoff, (lift.spec.id, last)
                heavy_days.append(last)
            elif end > cutoff:
                assert lift.variant is LiftVariant.LIGHT
                groups = {LIBRARY.get(e.exercise).pattern for e in lift.prescription.exercises}
                assert not groups & {*HEAVY_LOWER_PATTERNS, MovementPattern.KNEE_FLEXION}
    # The last heavy session is 10-14 days (7-13 for 5-10 km) before the race, not weeks.
    assert heavy_days
    assert (race_day - max(heavy_days)).days <= days + 6


def test_the_half_marathon_example_ends_with_a_dated_heavy_session_and_no_race_week_lift() -> None:
    plan = whole_plan(example("half-marathon-lifter"))
    (taper_week, taper), (race_week, race) = plan[-2], plan[-1]
    assert (taper_week.phase, race_week.phase) == (Phase.TAPER, Phase.RACE)
    assert race == ()
    heavy, light = taper
    assert heavy.latest_date == date(2027, 4, 1)  # Sun 11 Apr 2027 - 10 days
    assert heavy.variant is LiftVariant.TAPER
    assert any(
        "do it by Thu 1 Apr 2027, 10 days before the race" in line for line in heavy.explanation
    )
    assert light.variant is LiftVariant.LIGHT
    assert light.spec.kind is LiftKind.RUNNER_STRENGTH
    text = " ".join(light.explanation)
    assert "fresh for the race" not in text
    assert "race week itself has no lifting" in text
    for item in light.prescription.exercises:
        assert (item.rpe or 0) <= 6
        assert "lower over" not in item.notes


# --- the strength test (PER-2) ---


def test_the_powerlifter_tests_squat_bench_and_deadlift_on_the_goal_date() -> None:
    profile = example("strength-powerlifter")
    plan = whole_plan(profile)
    week, lifts = plan[-1]
    assert week.phase is Phase.TEST
    primer, test = lifts
    assert test.variant is LiftVariant.TEST
    assert test.fixed_date == profile.goal.date == date(2027, 3, 6)
    assert test.fixed_start == time(8, 0)  # Saturday's window opens at 08:00 and holds it
    assert primer.variant is LiftVariant.PRIMER
    assert primer.latest_date == date(2027, 3, 3)  # three days before
    squat = [e for e in test.prescription.exercises if e.exercise == "back-squat"]
    assert [e.notes.split(":")[0] for e in squat] == [
        "warm-up",
        "warm-up",
        "warm-up",
        "warm-up",
        "opener",
        "second attempt",
        "third attempt (optional)",
    ]
    assert [e.reps for e in squat] == [5, 3, 2, 1, 1, 1, 1]
    assert [e.percent_1rm for e in squat] == [50.0, 70.0, 80.0, 90.0, 93.0, 100.0, 103.0]
    loads = [e.load_kg or 0 for e in squat]
    assert loads == sorted(set(loads))
    assert [e.exercise for e in test.prescription.exercises][::7] == [
        "back-squat",
        "bench-press",
        "deadlift",
    ]
    # The primer is rehearsal: two easy triples at 75 %.
    for item in primer.prescription.exercises:
        assert item.percent_1rm is None or item.percent_1rm <= 75.0
    # The three weeks before climb from heavy triples to doubles to singles at 92.5 %.
    peaks = [lifts for w, lifts in plan[-4:-1]]
    for lifts_of_week, (reps, percent) in zip(
        peaks, [(3, 87.5), (2, 90.0), (1, 92.5)], strict=True
    ):
        bench = next(
            e
            for lift in lifts_of_week
            for e in lift.prescription.exercises
            if e.exercise == "bench-press"
        )
        assert (bench.reps, bench.percent_1rm) == (reps, percent)
        assert all(lift.variant is LiftVariant.PEAK for lift in lifts_of_week)


def test_a_novice_tests_a_five_rep_max_after_weeks_of_six_to_eight_reps() -> None:
    profile = example("strength-powerlifter")
    novice = replace(profile, lifting=replace(profile.lifting, experience=Experience.NOVICE))
    plan = whole_plan(novice)
    _, lifts = plan[-1]
    test = next(lift for lift in lifts if lift.variant is LiftVariant.TEST)
    attempts = [e for e in test.prescription.exercises if not e.notes.startswith("warm-up")]
    assert {e.reps for e in attempts} == {5}
    for _, week_lifts in plan[:-1]:
        for lift in week_lifts:
            for item in lift.prescription.exercises:
                if item.load_kg is not None:
                    assert item.reps >= 4, item


# --- equipment and experience ---


BODYWEIGHT_STRENGTH = make_week(LiftEmphasis.STRENGTH, lifts=3, week_in_block=1)


@pytest.mark.parametrize("kit", [frozenset(), BAND_KIT], ids=["bodyweight", "bands"])
def test_bodyweight_and_band_athletes_get_leg_work_that_reaches_the_effort(
    kit: frozenset[str],
) -> None:
    lifts = plan(BODYWEIGHT_STRENGTH, equipment=kit, maxes={})
    legs = [
        (lift, e)
        for lift in lifts
        for e in lift.prescription.exercises
        if LIBRARY.get(e.exercise).pattern in {*HEAVY_LOWER_PATTERNS, MovementPattern.KNEE_FLEXION}
    ]
    assert legs
    for lift, item in legs:
        exercise = LIBRARY.get(item.exercise)
        assert exercise.equipment <= {"bodyweight", "bands"}
        assert exercise.hard_without_load, exercise.id  # no air squats
        assert (item.reps, item.rpe) == (10, 8.0)  # second build week: 10 slow reps at RPE 8
        assert "lower over 3 s" in item.notes
        # RPE 8 on a squat, hinge or lunge: heavy lower by GUIDELINES.md's words.
        if exercise.pattern in HEAVY_LOWER_PATTERNS:
            assert lift.spec.kind is LiftKind.HEAVY_LOWER
    words = " ".join(line for lift in lifts for line in lift.explanation)
    assert "Without added load" in words
    assert not any(
        "barbell" in LIBRARY.get(e.exercise).equipment
        for lift in lifts
        for e in lift.prescription.exercises
    )


def test_a_novice_lifts_eight_reps_at_seventy_percent_not_heavy_triples() -> None:
    for emphasis in (LiftEmphasis.STRENGTH, LiftEmphasis.MAINTENANCE, LiftEmphasis.RUNNER):
        for week_in_block in range(5):
            week = make_week(emphasis, week_in_block=week_in_block)
            for lift in plan(week, experience=Experience.NOVICE):
                for item in lift.prescription.exercises:
                    if item.load_kg is not None:
                        assert (item.reps, item.percent_1rm) == (8, 70.0), item


# --- hypertrophy volume ---


def test_hypertrophy_sets_rise_through_the_block_and_arms_and_shoulders_get_their_own() -> None:
    builds_outline = [
        outline(i, block=0, week_in_block=i, emphasis=LiftEmphasis.HYPERTROPHY, lifts=4)
        for i in range(4)
    ]
    deload_outline = outline(
        4,
        block=0,
        week_in_block=4,
        emphasis=LiftEmphasis.HYPERTROPHY,
        lifts=4,
        phase=Phase.DELOAD,
        factor=0.5,
    )
    weeks = (*builds_outline, deload_outline)
    profile = make_profile(kind=GoalKind.HYPERTROPHY)
    groups = (*sorted(MAJOR_MUSCLE_GROUPS), MuscleGroup.ARMS, MuscleGroup.SHOULDERS)
    sets = [
        weekly_sets(plan_lifts(w, profile, make_baseline(), LIBRARY, plan=weeks), LIBRARY, groups)
        for w in weeks
    ]
    builds = sets[:4]
    # Intermediate: 10 sets per muscle in the first week, rising towards 16 (Schoenfeld 2017;
    # Israetel 2019); arms and shoulders from 4 towards 8 with direct work.
    for group in MAJOR_MUSCLE_GROUPS:
        assert 10 <= builds[0][group] <= 13
        assert builds[-1][group] >= 14
    for group in (MuscleGroup.ARMS, MuscleGroup.SHOULDERS):
        assert builds[0][group] >= 4
        assert builds[-1][group] > builds[0][group]
    for before, after in itertools.pairwise(builds):
        assert all(after[g] >= before[g] for g in groups)
    assert sum(sets[4].values()) <= 0.6 * sum(builds[-1].values())


# --- explanations say where loads come from ---


def test_loads_say_where_they_come_from() -> None:
    weeks = TWO_BLOCKS
    profile = replace(
        make_profile(),
        lifting=replace(
            make_profile().lifting, maxes={"back-squat": LiftRecord(weight_kg=120.0, reps=5)}
        ),
    )
    lifts = plan_lifts(weeks[4], profile, make_baseline(), LIBRARY, plan=weeks)
    lines = [line for lift in lifts for line in lift.explanation if line.startswith("Load:")]
    squat = next(line for line in lines if line.startswith("Load: back squat"))
    assert "estimated from your profile's set of 5 x 120 kg" in squat
    assert "raised 1 % for each of 3 loading weeks" in squat
    assert "planned max of 144.2 kg" in squat
    for lift in lifts:
        assert not any("fresh for the race" in line for line in lift.explanation)
