"""Properties of the lifting prescription that hold for any week, kit and set of maxima."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.domain.athlete import AthleteProfile, Goal, LiftingBackground, RunningBackground
from runlift.domain.exercises import Equipment
from runlift.programme.baseline import Baseline
from runlift.programme.lifting_doses import (
    MAX_SETS_PER_EXERCISE,
    SCH7_MAX_DAYS,
    SCH7_MIN_DAYS,
)
from runlift.programme.lifting_prescription import (
    PlannedLift,
    chart_percent_1rm,
    plan_lifts,
    rpe_for_percent,
    set_ranges,
    training_days,
    weekly_sets,
)
from runlift.programme.lifting_progression import lift_calendar
from runlift.programme.periodisation import LiftEmphasis, WeekOutline
from runlift.reference.exercises import exercise_library
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    BlockFocus,
    Experience,
    GoalKind,
    Phase,
    Priority,
    Sex,
)

LIBRARY = exercise_library()
KIT_ITEMS = sorted(e.value for e in Equipment if e is not Equipment.BODYWEIGHT)
BASE_LIFTS = ("back-squat", "deadlift", "bench-press")

emphases = st.sampled_from(list(LiftEmphasis))
kits = st.frozensets(st.sampled_from(KIT_ITEMS))
maxes = st.dictionaries(
    st.sampled_from(BASE_LIFTS),
    st.floats(min_value=20.0, max_value=350.0, allow_nan=False, allow_infinity=False),
)
factors = st.floats(min_value=0.3, max_value=1.0, allow_nan=False)


def profile_with(kit: frozenset[str]) -> AthleteProfile:
    return AthleteProfile(
        name="Property",
        sex=Sex.MALE,
        birth_date=date(1985, 6, 1),
        height_cm=180,
        mass_kg=80,
        timezone="UTC",
        start_date=date(2026, 12, 7),
        goal=Goal(kind=GoalKind.STRENGTH, priority=Priority.LIFTING, weeks=12),
        running=RunningBackground(weekly_km=20),
        lifting=LiftingBackground(
            experience=Experience.INTERMEDIATE, sessions_per_week=4, equipment=kit
        ),
        availability={},
    )


def baseline_with(one_rep_max_kg: dict[str, float]) -> Baseline:
    return Baseline(
        vdot=None,
        paces=None,
        one_rep_max_kg=one_rep_max_kg,
        resting_kcal_per_day=1800,
        resting_equation="mifflin_st_jeor",
    )


def week_of(
    emphasis: LiftEmphasis,
    *,
    lifts: int,
    week_in_block: int = 0,
    deload: bool = False,
    factor: float = 1.0,
) -> WeekOutline:
    return WeekOutline(
        index=0,
        start=date(2026, 12, 7),
        block=0,
        focus=BlockFocus.GENERAL,
        phase=Phase.DELOAD if deload else Phase.BUILD,
        deload=deload,
        run_volume_km=20.0,
        long_run_km=8.0,
        quality_sessions=1,
        runs=3,
        lifts=lifts,
        lift_emphasis=emphasis,
        lift_volume_factor=factor,
        week_in_block=week_in_block,
        weeks_to_goal=6,
        rules=(),
        notes=(),
    )


def lifts_for(
    week: WeekOutline, kit: frozenset[str], one_rep_max_kg: dict[str, float]
) -> tuple[PlannedLift, ...]:
    return plan_lifts(week, profile_with(kit), baseline_with(one_rep_max_kg), LIBRARY, plan=(week,))


@settings(max_examples=150, deadline=None)
@given(
    emphasis=emphases,
    lifts=st.integers(min_value=1, max_value=4),
    week_in_block=st.integers(min_value=0, max_value=7),
    deload=st.booleans(),
    factor=factors,
    kit=kits,
    one_rep_max_kg=maxes,
)
def test_every_week_is_well_formed(
    *,
    emphasis: LiftEmphasis,
    lifts: int,
    week_in_block: int,
    deload: bool,
    factor: float,
    kit: frozenset[str],
    one_rep_max_kg: dict[str, float],
) -> None:
    week = week_of(emphasis, lifts=lifts, week_in_block=week_in_block, deload=deload, factor=factor)
    planned = lifts_for(week, kit, one_rep_max_kg)
    # A test week holds the test and, with room for it, one light primer.
    assert len(planned) == (min(lifts, 2) if emphasis is LiftEmphasis.PEAK_TEST else lifts)
    for lift in planned:
        spec = lift.spec
        assert spec.duration_min % 15 == 0
        assert lift.prescription.duration_min <= spec.duration_min
        flags = []
        for item in lift.prescription.exercises:
            exercise = LIBRARY.get(item.exercise)
            flags.append(exercise.explosive)
            # Equipment: only what the athlete has (bodyweight always).
            assert exercise.is_possible_with(equipment=kit)
            assert 1 <= item.sets <= MAX_SETS_PER_EXERCISE
            assert item.rest_s > 0
            if item.load_kg is not None:
                increment = exercise.load_step_kg
                steps = item.load_kg / increment
                assert math.isclose(steps, round(steps), abs_tol=1e-6)
                assert item.percent_1rm is not None
                # The load is the nearest step to the target: within half an increment.
                base = one_rep_max_kg.get(exercise.id)
                if base is None and exercise.one_rep_max_from in one_rep_max_kg:
                    base = one_rep_max_kg[exercise.one_rep_max_from] * (
                        exercise.one_rep_max_ratio or 0
                    )
                assert base is not None
                assert abs(item.load_kg - base * item.percent_1rm / 100) <= increment / 2 + 0.06
        # SCH-9: explosive work first.
        assert flags == sorted(flags, reverse=True)
        assert spec.contains_explosive == any(flags)


@settings(max_examples=80, deadline=None)
@given(emphasis=emphases, lifts=st.integers(min_value=2, max_value=4), kit=kits)
def test_sch_7_days_and_weekly_sets(
    emphasis: LiftEmphasis, lifts: int, kit: frozenset[str]
) -> None:
    week = week_of(emphasis, lifts=lifts)
    planned = lifts_for(week, kit, {})
    days = training_days(planned)
    sets = weekly_sets(planned, LIBRARY)
    possible = LIBRARY.available(kit)
    ranges = set_ranges(week, lift_calendar((week,), profile_with(kit), week))
    for group in MAJOR_MUSCLE_GROUPS:
        # Never more than SCH-7 allows, whatever substitutions happened.
        assert days[group] <= SCH7_MAX_DAYS
        if any(group in exercise.primary for exercise in possible):
            # Whenever the kit allows some exercise for the group: 2-3 days, sets in range.
            assert days[group] >= SCH7_MIN_DAYS
            if emphasis is not LiftEmphasis.PEAK_TEST:
                limits = ranges[group]
                assert limits.low <= sets[group] <= limits.high


@settings(max_examples=60, deadline=None)
@given(
    emphasis=st.sampled_from([e for e in LiftEmphasis if e is not LiftEmphasis.PEAK_TEST]),
    lifts=st.integers(min_value=1, max_value=4),
    week_in_block=st.integers(min_value=0, max_value=6),
    kit=kits,
    one_rep_max_kg=maxes,
)
def test_next_build_week_is_never_easier(
    emphasis: LiftEmphasis,
    lifts: int,
    week_in_block: int,
    kit: frozenset[str],
    one_rep_max_kg: dict[str, float],
) -> None:
    this = lifts_for(
        week_of(emphasis, lifts=lifts, week_in_block=week_in_block), kit, one_rep_max_kg
    )
    after = lifts_for(
        week_of(emphasis, lifts=lifts, week_in_block=week_in_block + 1), kit, one_rep_max_kg
    )
    before = {(lift.spec.id, e.exercise): e for lift in this for e in lift.prescription.exercises}
    for lift in after:
        for item in lift.prescription.exercises:
            old = before[(lift.spec.id, item.exercise)]
            # Hypertrophy adds sets through the block; the other emphases keep them.
            if emphasis is LiftEmphasis.HYPERTROPHY:
                assert item.sets >= old.sets
            else:
                assert item.sets == old.sets
            for attribute in ("load_kg", "percent_1rm", "rpe"):
                a, b = getattr(old, attribute), getattr(item, attribute)
                if a is not None and b is not None:
                    assert b >= a
            old_pct = chart_percent_1rm(reps=old.reps, rpe=old.rpe) if old.rpe else 0.0
            new_pct = chart_percent_1rm(reps=item.reps, rpe=item.rpe) if item.rpe else 0.0
            assert (
                item.reps >= old.reps
                or (item.percent_1rm or 0) > (old.percent_1rm or 0)
                or new_pct > old_pct
            )


@settings(max_examples=60, deadline=None)
@given(
    emphasis=st.sampled_from([e for e in LiftEmphasis if e is not LiftEmphasis.PEAK_TEST]),
    lifts=st.integers(min_value=1, max_value=4),
    week_in_block=st.integers(min_value=1, max_value=6),
    kit=kits,
    one_rep_max_kg=maxes,
)
def test_deload_is_half_the_sets_at_least_one_and_a_half_rpe_easier(
    emphasis: LiftEmphasis,
    lifts: int,
    week_in_block: int,
    kit: frozenset[str],
    one_rep_max_kg: dict[str, float],
) -> None:
    build = lifts_for(
        week_of(emphasis, lifts=lifts, week_in_block=week_in_block - 1), kit, one_rep_max_kg
    )
    deload = lifts_for(
        week_of(emphasis, lifts=lifts, week_in_block=week_in_block, deload=True, factor=0.5),
        kit,
        one_rep_max_kg,
    )
    before = {(lift.spec.id, e.exercise): e for lift in build for e in lift.prescription.exercises}
    build_sets = sum(lift.prescription.hard_sets for lift in build)
    deload_sets = sum(lift.prescription.hard_sets for lift in deload)
    for lift in deload:
        assert lift.spec.rpe <= 5
        for item in lift.prescription.exercises:
            old = before[(lift.spec.id, item.exercise)]
            assert item.reps == old.reps
            assert item.sets <= max(1, old.sets // 2)
            if old.rpe is None and old.percent_1rm is None:
                continue  # jumps: contacts, no RPE
            old_rpe = old.rpe or rpe_for_percent(reps=old.reps, percent_1rm=old.percent_1rm or 0)
            assert item.rpe is not None
            # About two RPE points easier (PER-3), down to the scale's floor of 3.
            assert item.rpe <= old_rpe - 1.5 or item.rpe == 3.0
            if item.load_kg is not None and old.load_kg is not None:
                assert item.load_kg <= old.load_kg
    if lifts > 1:
        assert deload_sets <= 0.6 * build_sets + 1e-9
