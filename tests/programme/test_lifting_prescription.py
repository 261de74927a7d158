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
    RaceGoal,
    RunningBackground,
)
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, MovementPattern
from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.programme.baseline import Baseline, baseline
from runlift.programme.lifting_prescription import (
    PlannedLift,
    chart_percent_1rm,
    grid_minutes,
    is_heavy,
    lift_kind,
    plan_lifts,
    rpe_for_percent,
    scaled_sets,
    training_days,
    weekly_sets,
)
from runlift.programme.lifting_templates import (
    DOSES,
    HEAVY_PERCENT_1RM,
    HEAVY_RPE,
    LAYOUTS,
    MAX_SETS_PER_EXERCISE,
    SCH7_MAX_DAYS,
    SCH7_MIN_DAYS,
    WEEKLY_SET_RANGES,
    SlotRole,
    Step,
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
        lifting=LiftingBackground(
            experience=Experience.INTERMEDIATE, sessions_per_week=3, equipment=equipment
        ),
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
) -> tuple[PlannedLift, ...]:
    return plan_lifts(
        week, make_profile(equipment=equipment, priority=priority), make_baseline(maxes), LIBRARY
    )


def total_sets(lifts: tuple[PlannedLift, ...]) -> int:
    return sum(lift.prescription.hard_sets for lift in lifts)


# --- the data tables ---


def test_every_template_exercise_is_in_the_library() -> None:
    for layout in LAYOUTS.values():
        for template in layout:
            for slot in template.slots:
                assert LIBRARY.get(slot.exercise).id == slot.exercise


def test_layouts_exist_for_every_emphasis_and_one_to_four_lifts() -> None:
    for emphasis in ALL_EMPHASES:
        for lifts in range(1, 5):
            assert len(plan(make_week(emphasis, lifts=lifts))) == lifts


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
        for step in dose.steps:
            assert step.percent_1rm is not None
            assert low_pct <= step.percent_1rm <= high_pct
            assert low_reps <= step.reps <= high_reps


def test_runner_heavy_lifts_stay_inside_lft_3() -> None:
    for role in LOADED_ROLES:
        for step in DOSES[LiftEmphasis.RUNNER][role].steps:
            assert step.percent_1rm is not None
            assert 70 <= step.percent_1rm <= 85
            assert 3 <= step.reps <= 8


def test_hypertrophy_doses_stay_inside_lft_2() -> None:
    for role in LOADED_ROLES:
        dose = DOSES[LiftEmphasis.HYPERTROPHY][role]
        assert dose.rule == "LFT-2"
        for step in dose.steps:
            assert step.rpe is not None
            assert LFT_2.param("reps_min", EvidenceProfile.DEFAULT) <= step.reps
            assert step.reps <= LFT_2.param("reps_max", EvidenceProfile.DEFAULT)
            assert LFT_2.param("rpe_min", EvidenceProfile.DEFAULT) <= step.rpe
            assert step.rpe <= LFT_2.param("rpe_max", EvidenceProfile.DEFAULT)


def test_runner_specific_and_explosive_rows_name_their_rules() -> None:
    for emphasis in ALL_EMPHASES:
        assert DOSES[emphasis][SlotRole.RUNNER].rule == "LFT-6"
        assert DOSES[emphasis][SlotRole.EXPLOSIVE].rule == "SCH-9"


def test_weekly_set_ranges_cite_their_sources() -> None:
    assert WEEKLY_SET_RANGES[LiftEmphasis.HYPERTROPHY][next(iter(MAJOR_MUSCLE_GROUPS))].low == 10
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
            assert 3 <= item.reps <= 8, item
            assert 120 <= item.rest_s <= 300, item
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
    assert rpe_for_percent(reps=5, percent_1rm=60.0) == 6.0


# --- weekly volume and SCH-7 ---


@pytest.mark.parametrize(
    "kit", [FULL_KIT, DUMBBELL_KIT, BAND_KIT], ids=["full", "dumbbells", "bands"]
)
@pytest.mark.parametrize("lifts", [2, 3, 4])
@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
def test_weekly_sets_and_days_per_group(
    emphasis: LiftEmphasis, lifts: int, kit: frozenset[str]
) -> None:
    lifts_planned = plan(make_week(emphasis, lifts=lifts), equipment=kit)
    sets = weekly_sets(lifts_planned, LIBRARY)
    days = training_days(lifts_planned)
    for group in MAJOR_MUSCLE_GROUPS:
        limits = WEEKLY_SET_RANGES[emphasis][group]
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


def test_peak_test_works_up_to_a_single_at_rpe_9() -> None:
    planned = plan(make_week(LiftEmphasis.PEAK_TEST, lifts=2))
    singles = [e for lift in planned for e in lift.prescription.exercises if e.reps == 1]
    assert {e.exercise for e in singles} >= {"back-squat", "bench-press", "deadlift"}
    for item in singles:
        assert (item.sets, item.rpe) == (1, 9.0)
    squat = next(e for e in singles if e.exercise == "back-squat")
    assert squat.load_kg == 132.5  # 95.5 % of 140 = 133.7 -> 132.5
    assert all("PER-2" in lift.rules for lift in planned)


# --- progression, deloads and resets (LFT-5, PER-3) ---


@pytest.mark.parametrize("emphasis", ALL_EMPHASES)
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


def test_strength_main_lift_climbs_then_resets_after_the_deload() -> None:
    def squat_load(week: WeekOutline) -> float | None:
        lifts = plan(week)
        return next(
            e.load_kg
            for lift in lifts
            for e in lift.prescription.exercises
            if e.exercise == "back-squat"
        )

    block_0 = [squat_load(make_week(week_in_block=k)) for k in range(3)]
    deload = squat_load(make_week(week_in_block=3, deload=True, factor=0.5))
    next_block = squat_load(make_week(week_in_block=0, block=1))
    assert block_0 == [105.0, 107.5, 112.5]  # 75, 77.5 and 80 % of 140, 2.5 kg steps
    assert deload == block_0[-1]
    assert next_block == block_0[0]


def test_taper_holds_last_weeks_intensity_and_race_week_goes_back_to_the_first_step() -> None:
    def squat(week: WeekOutline) -> tuple[int, float | None]:
        item = next(
            e
            for lift in plan(week)
            for e in lift.prescription.exercises
            if e.exercise == "back-squat"
        )
        return item.reps, item.percent_1rm

    runner = LiftEmphasis.RUNNER
    build = squat(make_week(runner, week_in_block=2))
    taper = squat(make_week(runner, week_in_block=3, phase=Phase.TAPER, factor=0.5))
    race = squat(make_week(runner, week_in_block=4, phase=Phase.RACE, factor=0.4))
    first = squat(make_week(runner, week_in_block=0))
    assert taper == build == (5, 80.0)
    assert race == first == (6, 75.0)


def test_deload_halves_the_sets_and_keeps_the_intensity() -> None:
    last_build = plan(make_week(LiftEmphasis.HYPERTROPHY, lifts=3, week_in_block=2))
    deload = plan(
        make_week(LiftEmphasis.HYPERTROPHY, lifts=3, week_in_block=3, deload=True, factor=0.5)
    )
    build_items = {
        (lift.spec.id, e.exercise): e for lift in last_build for e in lift.prescription.exercises
    }
    for lift in deload:
        assert "PER-3" in lift.rules
        assert lift.spec.rpe <= 5
        for item in lift.prescription.exercises:
            before = build_items[(lift.spec.id, item.exercise)]
            assert item.sets == scaled_sets(before.sets, factor=0.5)
            assert (item.reps, item.rpe, item.load_kg) == (before.reps, before.rpe, before.load_kg)
    ratio = total_sets(deload) / total_sets(last_build)
    assert 0.4 <= ratio <= 0.65


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
    return tuple(
        (week, plan_lifts(week, runner_athlete, numbers, LIBRARY))
        for week in outline_plan(runner_athlete)
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
        assert len(lifts) == week.lifts >= 2
        for lift in lifts:
            assert lift.spec.kind is LiftKind.RUNNER_STRENGTH, lift.spec.id
            assert lift.prescription.kind is LiftKind.RUNNER_STRENGTH
            assert not lift.spec.is_heavy_lower


def test_runner_specific_sessions_are_lft_6_work_with_explosive_work_first(
    runner_weeks: tuple[tuple[WeekOutline, tuple[PlannedLift, ...]], ...],
) -> None:
    for _, lifts in runner_weeks:
        for lift in lifts:
            ids = [e.exercise for e in lift.prescription.exercises]
            assert sum(i in RUNNER_SPECIFIC_IDS for i in ids) >= 3, ids
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
        "push-up",
        "suspension-row",
        "banded-row",
    } == ids
    assert not any("replaces" in line for lift in lifts for line in lift.explanation)


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
                assert item.sets == scaled_sets(old.sets, factor=0.5) == 1
                assert (item.reps, item.rpe) == (old.reps, old.rpe)
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
    for step in rows[SlotRole.RUNNER].steps:
        assert step.rpe is not None
        assert 6 <= step.rpe < HEAVY_RPE
        assert not is_heavy(step)
        assert step.lowering_s in {3, 4}
    for step in rows[SlotRole.ACCESSORY].steps:
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
