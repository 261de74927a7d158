"""Coaching principles of the lifting over whole plans, for generated athletes.

Every goal, race distance, experience level and equipment set; the plan's outline
comes from the periodisation and each week's lifts from ``plan_lifts``. The numbers
asserted are written here from the principles (docs/lifting.md), not read from the
module under test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runlift.domain.athlete import (
    AthleteProfile,
    Goal,
    LiftingBackground,
    LiftRecord,
    RaceGoal,
    RunningBackground,
)
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, MovementPattern
from runlift.domain.prescription import ExercisePrescription
from runlift.domain.week import TimeWindow
from runlift.programme.baseline import baseline
from runlift.programme.lifting_prescription import (
    LiftVariant,
    PlannedLift,
    chart_percent_1rm,
    plan_lifts,
    rpe_for_percent,
    weekly_sets,
)
from runlift.programme.periodisation import LiftEmphasis, WeekOutline, outline_plan
from runlift.reference.exercises import exercise_library
from runlift.vocabulary import (
    Experience,
    GoalKind,
    LiftingStyle,
    LiftKind,
    MuscleGroup,
    Phase,
    Priority,
    Sex,
    Weekday,
)

LIBRARY = exercise_library()
KITS = {
    "full": frozenset({"barbell", "rack", "bench", "dumbbells", "pull-up-bar", "bands", "cable"}),
    "barbell": frozenset({"barbell", "rack", "bench"}),
    "dumbbells": frozenset({"dumbbells", "bench"}),
    "bodyweight": frozenset(),
    "bands": frozenset({"bands"}),
    "runner": frozenset({"bands", "step", "suspension-trainer", "dumbbells"}),
}
RACES_M = (5000.0, 10000.0, 21097.5, 42195.0)
LIFTS = ("back-squat", "deadlift", "bench-press", "overhead-press")
WIDE = (
    TimeWindow(start=time(6, 0), end=time(8, 0)),
    TimeWindow(start=time(17, 0), end=time(21, 0)),
)

# Principle 1: the last heavy-lower or explosive lift before a race (days).
LAST_HEAVY_DAYS = {42195.0: 10, 21097.5: 10, 10000.0: 7, 5000.0: 7}
# Principle 3: a deload is at least 1.5 RPE easier with at most 60 % of the sets.
DELOAD_RPE_DROP_MIN = 1.5
DELOAD_SET_SHARE_MAX = 0.6
# Principle 5: test attempts relative to the current estimate, with a plate's slack.
OPENER = (92.0, 95.5)
SECOND = (98.5, 101.5)
THIRD = (101.5, 105.5)
RAMP = (50.0, 70.0, 80.0, 90.0)


@st.composite
def athletes(draw: st.DrawFn) -> AthleteProfile:
    start = date(2026, 1, 5) + timedelta(days=draw(st.integers(0, 300)))
    kind = draw(st.sampled_from(list(GoalKind)))
    race = None
    goal_date = None
    weeks = None
    if kind is GoalKind.RACE:
        race = RaceGoal(
            distance_m=draw(st.sampled_from(RACES_M)),
            date=start + timedelta(days=draw(st.integers(min_value=21, max_value=180))),
        )
    elif draw(st.booleans()):
        goal_date = start + timedelta(days=draw(st.integers(min_value=21, max_value=180)))
    else:
        weeks = draw(st.integers(min_value=3, max_value=24))
    style = LiftingStyle.FULL
    if kind in {GoalKind.RACE, GoalKind.FAT_LOSS, GoalKind.GENERAL_FITNESS} and draw(st.booleans()):
        style = LiftingStyle.RUNNER_SPECIFIC
    kit = KITS[draw(st.sampled_from(sorted(KITS)))]
    maxes = {
        lift: LiftRecord(one_rep_max_kg=draw(st.floats(min_value=30.0, max_value=250.0)))
        for lift in draw(st.sets(st.sampled_from(LIFTS)))
    }
    return AthleteProfile(
        name="Generated",
        sex=draw(st.sampled_from(list(Sex))),
        birth_date=date(1988, 3, 1),
        height_cm=175.0,
        mass_kg=72.0,
        timezone="UTC",
        start_date=start,
        goal=Goal(
            kind=kind,
            priority=draw(st.sampled_from(list(Priority))),
            race=race,
            date=goal_date,
            weeks=weeks,
        ),
        running=RunningBackground(weekly_km=draw(st.floats(min_value=5.0, max_value=70.0))),
        lifting=LiftingBackground(
            experience=draw(st.sampled_from(list(Experience))),
            sessions_per_week=draw(st.integers(min_value=2, max_value=4)),
            maxes=maxes,
            equipment=kit,
            style=style,
        ),
        availability=dict.fromkeys(Weekday, WIDE),
    )


@dataclass(frozen=True)
class Lifted:
    profile: AthleteProfile
    weeks: tuple[WeekOutline, ...]
    lifts: tuple[tuple[PlannedLift, ...], ...]

    def pairs(self) -> Iterator[tuple[WeekOutline, tuple[PlannedLift, ...]]]:
        return zip(self.weeks, self.lifts, strict=True)


def lifted(profile: AthleteProfile) -> Lifted:
    weeks = outline_plan(profile)
    numbers = baseline(profile)
    return Lifted(
        profile=profile,
        weeks=weeks,
        lifts=tuple(plan_lifts(w, profile, numbers, LIBRARY, plan=weeks) for w in weeks),
    )


def effort(item: ExercisePrescription) -> float | None:
    """The RPE an item stands for: its RPE, or the chart RPE of its reps and percent."""
    if item.rpe is not None:
        return item.rpe
    if item.percent_1rm is not None:
        return rpe_for_percent(reps=item.reps, percent_1rm=item.percent_1rm)
    return None


def week_end(week: WeekOutline) -> date:
    return week.start + timedelta(days=6)


@cache
def step_kg(exercise_id: str) -> float:
    return LIBRARY.get(exercise_id).load_step_kg


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- 1. race weeks ------------------------------------------------------------------------


@SETTINGS
@given(profile=athletes().filter(lambda p: p.goal.kind is GoalKind.RACE))
def test_no_heavy_or_explosive_lift_close_to_the_race(profile: AthleteProfile) -> None:
    race = profile.goal.race
    assert race is not None
    cutoff = race.date - timedelta(days=LAST_HEAVY_DAYS[race.distance_m])
    plan = lifted(profile)
    for week, lifts in plan.pairs():
        if week.phase is Phase.RACE:
            # At most one lift in race week (here none), never leg-dominant.
            assert lifts == ()
            continue
        for lift in lifts:
            last_day = lift.latest_date or week_end(week)
            assert week.start <= last_day <= week_end(week)
            heavy = lift.spec.is_heavy_lower or lift.spec.is_explosive
            if heavy:
                assert last_day <= cutoff, (lift.spec.id, last_day, cutoff)
            if week_end(week) > cutoff and not heavy:
                # Past the cut-off: light, no jumps, no slow lowering, RPE 6 at most.
                for item in lift.prescription.exercises:
                    assert not LIBRARY.get(item.exercise).explosive
                    assert "lower over" not in item.notes
                    rpe = effort(item)
                    assert rpe is None or rpe <= 6.0, item
                assert any(line.startswith("PER-2: light session") for line in lift.explanation)


# --- 2. progression across the whole plan -----------------------------------------------------


def _loaded(lifts: tuple[PlannedLift, ...]) -> dict[tuple[str, str], ExercisePrescription]:
    return {
        (lift.prescription.notes, item.exercise): item
        for lift in lifts
        for item in lift.prescription.exercises
        if item.load_kg is not None and item.percent_1rm is not None
    }


def _implied_max(item: ExercisePrescription) -> tuple[float, float]:
    """The maximum a loaded item implies, and the slack its plate rounding allows."""
    assert item.load_kg is not None
    assert item.percent_1rm is not None
    share = item.percent_1rm / 100
    return item.load_kg / share, step_kg(item.exercise) / 2 / share


@SETTINGS
@given(profile=athletes())
def test_loads_never_drop_outside_deloads_and_block_changes_keep_the_max(
    profile: AthleteProfile,
) -> None:
    plan = lifted(profile)
    progressing = [
        (week, lifts)
        for week, lifts in plan.pairs()
        if lifts and all(lift.variant in {LiftVariant.BUILD, LiftVariant.PEAK} for lift in lifts)
    ]
    for (_, before), (week, after) in itertools.pairwise(progressing):
        old, new = _loaded(before), _loaded(after)
        for key, item in new.items():
            previous = old.get(key)
            if previous is not None and previous.reps == item.reps:
                assert item.load_kg is not None
                assert previous.load_kg is not None
                assert item.load_kg >= previous.load_kg, (week.index, key, previous, item)
        # Across weeks and block changes: the maximum each exercise's loads imply never drops.
        implied_old: dict[str, tuple[float, float]] = {}
        for (_, exercise), item in old.items():
            implied_old[exercise] = _implied_max(item)
        for (_, exercise), item in new.items():
            if exercise not in implied_old:
                continue
            now, slack = _implied_max(item)
            then, slack_then = implied_old[exercise]
            assert now >= then - slack - slack_then - 1e-6, (week.index, exercise, then, now)


# --- 3. deloads and tapers unload ------------------------------------------------------------


@SETTINGS
@given(profile=athletes())
def test_deloads_and_tapers_take_effort_and_sets_off(profile: AthleteProfile) -> None:
    plan = lifted(profile)
    for (week_before, before), (week, after) in itertools.pairwise(plan.pairs()):
        if week.phase not in {Phase.DELOAD, Phase.TAPER} or week_before.phase is not Phase.BUILD:
            continue
        if not before or not after:
            continue
        if any(lift.variant is not LiftVariant.BUILD for lift in before):
            # A week already made light near a race is not the reference.
            continue
        built = {
            (lift.prescription.notes, item.exercise): item
            for lift in before
            for item in lift.prescription.exercises
        }
        drop = DELOAD_RPE_DROP_MIN if week.phase is Phase.DELOAD else 1.0
        for lift in after:
            for item in lift.prescription.exercises:
                old = built.get((lift.prescription.notes, item.exercise))
                new_rpe, old_rpe = effort(item), None if old is None else effort(old)
                if new_rpe is None or old_rpe is None:
                    continue
                assert new_rpe <= old_rpe - drop + 1e-9 or new_rpe <= 3.0, (week.index, old, item)
        sets_before = sum(lift.prescription.hard_sets for lift in before)
        sets_after = sum(lift.prescription.hard_sets for lift in after)
        assert sets_after <= DELOAD_SET_SHARE_MAX * sets_before + 1e-9, (week.index, sets_after)
        assert all(lift.spec.rpe <= 5 for lift in after)


# --- 4. hypertrophy volume --------------------------------------------------------------------


@SETTINGS
@given(profile=athletes().filter(lambda p: p.lifting.style is LiftingStyle.FULL))
def test_hypertrophy_sets_rise_through_the_block_with_arms_and_shoulders(
    profile: AthleteProfile,
) -> None:
    plan = lifted(profile)
    groups = (*sorted({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST}),)
    small = (MuscleGroup.ARMS, MuscleGroup.SHOULDERS)
    by_block: dict[int, list[dict[MuscleGroup, int]]] = {}
    for week, lifts in plan.pairs():
        if week.lift_emphasis is not LiftEmphasis.HYPERTROPHY or week.phase is not Phase.BUILD:
            continue
        if len(lifts) < 2:
            continue
        sets = weekly_sets(lifts, LIBRARY, (*groups, *small))
        for group in small:
            assert sets[group] > 0, (week.index, sets)
        by_block.setdefault(week.block, []).append(sets)
    for weeks in by_block.values():
        for before, after in itertools.pairwise(weeks):
            for group in (*groups, *small):
                assert after[group] >= before[group], (before, after)


# --- 5. the strength test -----------------------------------------------------------------------


def _share_of_estimate(item: ExercisePrescription) -> float:
    assert item.percent_1rm is not None
    return 100 * item.percent_1rm / chart_percent_1rm(reps=item.reps, rpe=10.0)


@SETTINGS
@given(profile=athletes().filter(lambda p: p.goal.kind is GoalKind.STRENGTH))
def test_the_strength_test_day_and_the_weeks_before_it(profile: AthleteProfile) -> None:
    plan = lifted(profile)
    test_weeks = [(w, lifts) for w, lifts in plan.pairs() if w.phase is Phase.TEST]
    assert len(test_weeks) == 1
    week, lifts = test_weeks[0]
    tests = [lift for lift in lifts if lift.variant is LiftVariant.TEST]
    assert len(tests) == 1
    test = tests[0]
    assert test.fixed_date is not None
    assert week.start <= test.fixed_date <= week_end(week)
    if profile.goal.date is not None and week.start <= profile.goal.date <= week_end(week):
        assert test.fixed_date == profile.goal.date
    # One other lift at most: light, and at least 3 days before the test (or 2 after).
    others = [lift for lift in lifts if lift is not test]
    assert len(others) <= 1
    for lift in others:
        assert lift.variant is LiftVariant.PRIMER
        if lift.latest_date is not None:
            assert lift.latest_date <= test.fixed_date - timedelta(days=3)
        else:
            assert lift.earliest_date is not None
            assert lift.earliest_date >= test.fixed_date + timedelta(days=2)
        for item in lift.prescription.exercises:
            assert item.percent_1rm is None or item.percent_1rm <= 80.0
            rpe = effort(item)
            assert rpe is None or rpe <= 6.0
    # Each tested lift with a load: a rising ramp, then opener, second and third attempts.
    by_exercise: dict[str, list[ExercisePrescription]] = {}
    for item in test.prescription.exercises:
        by_exercise.setdefault(item.exercise, []).append(item)
    assert by_exercise
    for exercise, items in by_exercise.items():
        assert all(item.sets == 1 for item in items)
        warmups = [i for i in items if i.notes.startswith("warm-up")]
        attempts = [i for i in items if not i.notes.startswith("warm-up")]
        assert items == warmups + attempts
        loads = [i.load_kg or 0.0 for i in items]
        if all(i.load_kg is not None for i in items) and LIBRARY.get(exercise).load_step_kg > 0:
            assert loads == sorted(loads)
            assert len(set(loads)) == len(loads)
            names = [i.notes.split(":")[0] for i in attempts]
            assert names in (
                ["opener", "second attempt", "third attempt (optional)"],
                ["opener", "second attempt"],
            )
            shares = [_share_of_estimate(i) for i in attempts]
            slack = 100 * step_kg(exercise) / (attempts[0].load_kg or 1.0)
            for share, (low, high) in zip(shares, (OPENER, SECOND, THIRD), strict=False):
                assert low - slack <= share <= high + slack, (exercise, shares)
            # Plates fine enough for the targets (a step of 5 % of the estimate or less):
            # the full ramp of four warm-ups and all three attempts.
            if (attempts[1].load_kg or 0) >= 20 * step_kg(exercise):
                assert len(warmups) == len(RAMP)
                assert len(attempts) == 3
            assert warmups
            attempt_reps = attempts[0].reps
            assert attempt_reps == (5 if profile.lifting.experience is Experience.NOVICE else 1)
    # The weeks before climb to heavy singles (triples for a novice's 5-rep test).
    before = [lifts for w, lifts in plan.pairs() if w.index == week.index - 1]
    if before and plan.weeks[week.index - 1].phase is Phase.BUILD:
        mains = [
            item
            for lift in before[0]
            for item in lift.prescription.exercises
            if item.exercise in by_exercise and item.percent_1rm is not None and item.load_kg
        ]
        heavy = [i for i in mains if i.reps <= 3]
        if profile.lifting.experience is Experience.NOVICE:
            assert all(i.reps >= 5 for i in mains)
        elif mains:
            assert heavy
            assert all(90.0 <= (i.percent_1rm or 0) <= 95.0 for i in heavy if i.reps == 1)


# --- 6. equipment and experience --------------------------------------------------------------


_LEG_PATTERNS = {*HEAVY_LOWER_PATTERNS, MovementPattern.KNEE_FLEXION}


def _heavy(item: ExercisePrescription) -> bool:
    """GUIDELINES.md 'Words': 70 % 1RM or RPE 7; loaded work read on the chart, the rest by RPE."""
    rpe = effort(item)
    if LIBRARY.get(item.exercise).load_increment_kg == 0:
        return rpe is not None and rpe >= 7.0
    percent = item.percent_1rm
    if percent is None and item.rpe is not None:
        percent = chart_percent_1rm(reps=item.reps, rpe=item.rpe)
    return (percent or 0.0) >= 70.0 or (rpe or 0.0) >= 7.0


@SETTINGS
@given(profile=athletes())
def test_the_kit_and_the_level_shape_every_exercise(profile: AthleteProfile) -> None:
    plan = lifted(profile)
    kit = profile.lifting.equipment
    for week, lifts in plan.pairs():
        for lift in lifts:
            for item in lift.prescription.exercises:
                exercise = LIBRARY.get(item.exercise)
                assert exercise.is_possible_with(equipment=frozenset(kit))
                if not kit:
                    assert exercise.equipment == {"bodyweight"}
                    assert "barbell" not in exercise.equipment
            # The kind follows the words of GUIDELINES.md: heavy lower when a squat, hinge
            # or lunge reaches 70 % 1RM or RPE 7, whatever the load (bodyweight by its RPE).
            heavy = any(
                LIBRARY.get(i.exercise).pattern in HEAVY_LOWER_PATTERNS and _heavy(i)
                for i in lift.prescription.exercises
            )
            assert (lift.spec.kind is LiftKind.HEAVY_LOWER) == heavy, lift.spec.id
            if lift.variant is not LiftVariant.BUILD:
                continue
            legs_by_effort: list[float] = []
            for item in lift.prescription.exercises:
                exercise = LIBRARY.get(item.exercise)
                loaded = exercise.load_increment_kg > 0
                if not loaded and exercise.pattern in _LEG_PATTERNS and item.rpe is not None:
                    if item.rpe >= 7.0:
                        # Hard leg work without load: a variation that can reach the effort.
                        assert exercise.hard_without_load, (exercise.id, kit)
                        assert 6 <= item.reps <= 12
                    if not exercise.runner_specific:
                        legs_by_effort.append(item.rpe)
                if (
                    profile.lifting.experience is Experience.NOVICE
                    and loaded
                    and not exercise.explosive
                    and item.load_kg is not None
                    and week.lift_emphasis is not LiftEmphasis.RUNNER_SPECIFIC
                ):
                    # ACSM 2009: novices lift loads of an 8-12 repetition maximum.
                    assert item.reps >= 8, item
                    assert (item.percent_1rm or 0.0) <= 72.5, item
            strength_block = week.lift_emphasis in {LiftEmphasis.STRENGTH, LiftEmphasis.HYPERTROPHY}
            if strength_block and legs_by_effort and not (kit - {"bands"}):
                # Bodyweight and band athletes' leg work reaches the strength effort.
                assert max(legs_by_effort) >= 7.5, (lift.spec.id, legs_by_effort)
