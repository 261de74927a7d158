"""One lifting session: its exercises, their doses and loads, its kind, length and reasons.

The pieces :mod:`runlift.programme.lifting_prescription` builds a week from:

* :func:`resolve` picks the exercise of a template slot that the athlete's equipment
  allows (the library's substitutes first; without added load, variations hard
  enough to reach a strength effort).
* :func:`balance` and :func:`set_ranges`: the week's hard sets per muscle group
  (LFT-4; rising through a hypertrophy block).
* :func:`easier` and :func:`light_step`: a step made lighter for a deload, a taper
  or the last days before a race.
* :func:`prescribe`: reps, effort and a load from the week's planned maximum.
* :func:`lift_kind`: heavy lower, explosive, upper, runner strength or full body,
  from the exercises and their targets (GUIDELINES.md 'Words').
* :func:`finish`: the :class:`PlannedLift` with its session spec, duration and
  explanation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Final, Protocol

from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, Equipment, Exercise
from runlift.domain.prescription import ExercisePrescription, LiftPrescription
from runlift.domain.sessions import SessionId, SessionSpec
from runlift.programme.baseline import Baseline
from runlift.programme.lifting_doses import (
    DELOAD_SESSION_RPE,
    EMPTY_BAR_KG,
    EXPLOSIVE_SECONDS_PER_REP,
    GRID_MIN,
    HEAVY_PERCENT_1RM,
    HEAVY_RPE,
    HYPERTROPHY_BAND_SETS,
    HYPERTROPHY_SOURCES,
    HYPERTROPHY_VOLUME,
    LIGHT_MIN_REPS,
    LIGHT_RPE,
    LIGHT_SESSION_RPE,
    MAX_SETS_PER_EXERCISE,
    MAX_SETS_PER_SESSION,
    MIN_RPE,
    MIN_SETS_PER_EXERCISE,
    PEAK_SESSION_RPE,
    PRIMER_SESSION_RPE,
    RAMP_MIN_PER_MAIN,
    SECONDS_PER_REP,
    SESSION_RPE,
    SMALL_MUSCLE_GROUPS,
    TAPER_SESSION_RPE,
    TEST_SESSION_RPE,
    WARMUP_MIN,
    WEEKLY_SET_RANGES,
    SetRange,
    Step,
    effort_percent,
    effort_rpe,
)
from runlift.programme.lifting_progression import LiftCalendar, WeekMode, session_start
from runlift.programme.lifting_reasons import (
    Facts,
    LiftVariant,
    Work,
    Written,
    dose_line,
    equipment_lines,
    explosive_line,
    frequency_line,
    last_heavy_line,
    load_lines,
    phase_line,
    progression_line,
    push_pull_line,
    runner_economy_line,
    runner_line,
    unloaded_line,
    volume_line,
)
from runlift.programme.lifting_templates import ROLE_ORDER, Slot, SlotRole
from runlift.programme.periodisation import LiftEmphasis, WeekOutline
from runlift.science import strength
from runlift.units import format_mass
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    GoalKind,
    LiftKind,
    MassUnit,
    Modality,
    MuscleGroup,
    Priority,
)


class ExerciseLibrary(Protocol):
    """What the planner needs from an exercise library (``runlift.reference`` provides one)."""

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; raises ``InvalidInput`` for an unknown id."""
        ...

    def substitution_chain(self, exercise_id: str) -> tuple[Exercise, ...]:
        """The exercise, then its substitutes breadth-first, best first, each once."""
        ...

    def available(self, equipment: Iterable[str]) -> tuple[Exercise, ...]:
        """The exercises that ``equipment`` allows, in library order."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedLift:
    """One lift of the week: the session to place, what to do in it, when, and why.

    Attributes:
        spec: the session for weekly placement (kind, muscle groups, duration, ...).
        prescription: the exercises with sets, reps, intensity, loads and rests.
        rules: IDs of the rules that shaped the session.
        explanation: one line per reason; rule lines name their rule ID and source.
        variant: what kind of session it is (build, deload, light, test ...).
        latest_date: the last day the session may be done (a heavy session before a
            race or a test, a test week's primer), or None.
        earliest_date: the first day it may be done (a primer after an early test), or None.
        fixed_date: the day it must be done (the strength test), or None.
        fixed_start: its local start on ``fixed_date``: the first window of the day that
            holds it, else the longest, else 09:00.
    """

    spec: SessionSpec
    prescription: LiftPrescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    variant: LiftVariant = LiftVariant.BUILD
    latest_date: date | None = None
    earliest_date: date | None = None
    fixed_date: date | None = None
    fixed_start: time | None = None


def chart_percent_1rm(*, reps: int, rpe: float) -> float:
    """Percent of 1RM that ``reps`` at ``rpe`` stand for on the RPE chart (extended beyond it)."""
    return effort_percent(reps=reps, rpe=rpe)


def rpe_for_percent(*, reps: int, percent_1rm: float) -> float:
    """The RPE (half steps) whose chart percent for ``reps`` is nearest ``percent_1rm``."""
    return effort_rpe(reps=reps, percent_1rm=percent_1rm)


def intended_percent_1rm(step: Step) -> float | None:
    """The intensity a step stands for: its %1RM, or the chart value of its reps and RPE."""
    return step.intended_percent


def is_heavy(step: Step, *, loaded: bool = True) -> bool:
    """Whether a step is heavy enough to make a squat, hinge or lunge *heavy lower*.

    Loaded work counts at 70 % 1RM or RPE 7 (its RPE read on the chart when it has
    only a percent); work without added load has no 1RM and counts by its RPE alone.
    """
    if not loaded:
        return step.rpe is not None and step.rpe >= HEAVY_RPE
    percent = step.intended_percent
    return (percent is not None and percent >= HEAVY_PERCENT_1RM) or (
        step.rpe is not None and step.rpe >= HEAVY_RPE
    )


def one_rep_max_for(exercise: Exercise, *, baseline: Baseline) -> float | None:
    """The exercise's 1RM in kg: measured, or derived from its base lift's by the library ratio."""
    maxes = baseline.one_rep_max_kg
    if exercise.id in maxes:
        return maxes[exercise.id]
    base = exercise.one_rep_max_from
    ratio = exercise.one_rep_max_ratio
    if base is not None and ratio is not None and base in maxes:
        return maxes[base] * ratio
    return None


def lift_kind(exercises: Sequence[tuple[Exercise, Step]]) -> LiftKind:
    """The kind of a lift, from its exercises and their targets.

    HEAVY_LOWER when any squat, hinge or lunge is at >= 70 % 1RM or RPE >= 7
    (GUIDELINES.md 'Words'; work without added load counts by its RPE); else
    EXPLOSIVE when every exercise is explosive; UPPER when no exercise trains the
    legs; RUNNER_STRENGTH when the leg work is light and includes runner-specific
    exercises; FULL_BODY otherwise.
    """
    if any(
        ex.pattern in HEAVY_LOWER_PATTERNS and is_heavy(step, loaded=is_loaded(ex))
        for ex, step in exercises
    ):
        return LiftKind.HEAVY_LOWER
    if exercises and all(ex.explosive for ex, _ in exercises):
        return LiftKind.EXPLOSIVE
    if not any(MuscleGroup.LEGS in ex.primary for ex, _ in exercises):
        return LiftKind.UPPER
    if any(ex.runner_specific for ex, _ in exercises):
        return LiftKind.RUNNER_STRENGTH
    return LiftKind.FULL_BODY


def is_loaded(exercise: Exercise) -> bool:
    """Whether the exercise is loaded with weights (its load steps by ``load_increment_kg``)."""
    return exercise.load_increment_kg > 0


def reaches_effort(exercise: Exercise) -> bool:
    """Whether the exercise can be made hard (RPE 8 within 12 reps): by load or by itself."""
    return is_loaded(exercise) or exercise.hard_without_load


def major_groups(exercise: Exercise) -> frozenset[MuscleGroup]:
    """The exercise's primary groups among legs, back and chest (the groups SCH-7 counts)."""
    return exercise.primary & MAJOR_MUSCLE_GROUPS


_POOL_ROLES: Final = frozenset({SlotRole.MAIN, SlotRole.ASSIST, SlotRole.ACCESSORY})
"""Roles that may fall back on the whole library when the substitution chain fails, and
that prefer stand-ins hard enough to reach a strength effort."""


def resolve(
    slot: Slot,
    *,
    library: ExerciseLibrary,
    pool: Sequence[Exercise],
    kit: frozenset[str],
    used: set[str],
) -> Exercise | None:
    """The slot's exercise, or the best stand-in the equipment allows that the session lacks.

    Stand-ins come from the library's substitution chain first; for the strength
    roles (main, assist, accessory), when nothing in the chain trains the same
    major groups, from any other exercise the equipment allows that trains exactly
    those groups and is as compound (same pattern first), so SCH-7 still counts
    the day without gaining a group it did not plan.
    Ranking: same major groups, then a superset, then an overlap; for the strength
    roles, an exercise that can reach a hard effort (loaded, or hard without load:
    a rear-foot-elevated split squat or a pistol squat rather than an air squat, a
    decline push-up rather than a push-up, even when the push-up is the slot's own);
    explosive for explosive; chain before the rest of the library; same pattern;
    library order. A strength role whose exercise could be made hard gets no stand-in
    that cannot (the slot is left out and the explanation says so).
    """
    preferred = library.get(slot.exercise)
    major_only = bool(major_groups(preferred))
    strength_role = slot.role in _POOL_ROLES
    # A strength role asks for a hard effort: an exercise without added load that cannot
    # reach it (a push-up) gives way to a harder variation of it (a decline push-up).
    wants_effort = strength_role and (reaches_effort(preferred) or not is_loaded(preferred))

    def groups_of(exercise: Exercise) -> frozenset[MuscleGroup]:
        return major_groups(exercise) if major_only else exercise.primary

    wanted = groups_of(preferred)
    chain = [
        c
        for c in library.substitution_chain(slot.exercise)
        if c.is_possible_with(equipment=kit) and c.id not in used
    ]
    in_chain = {c.id for c in chain}
    others = [
        e
        for e in pool
        if strength_role
        and e.compound == preferred.compound
        and not e.explosive
        and e.id not in used
        and e.id not in in_chain
    ]

    def match(candidate: Exercise) -> int:
        groups = groups_of(candidate)
        if groups == wanted:
            return 0
        if wanted <= groups:
            return 1
        if wanted & groups:
            return 2
        return 3

    ranked = [(c, 0, n) for n, c in enumerate(chain)] + [
        (e, 1, n) for n, e in enumerate(others) if match(e) == 0
    ]
    if not ranked:
        return None
    best = min(
        ranked,
        key=lambda entry: (
            match(entry[0]),
            wants_effort and not reaches_effort(entry[0]),
            entry[0].explosive != preferred.explosive,
            entry[1],
            entry[0].pattern is not preferred.pattern,
            entry[2],
        ),
    )[0]
    if strength_role and reaches_effort(preferred) and not reaches_effort(best):
        # An air squat for a back squat would be junk volume (LFT-4): better none.
        return None
    return best


def scaled_sets(sets: int, *, factor: float) -> int:
    """Sets after the volume factor: rounded half up, never below one."""
    return max(MIN_SETS_PER_EXERCISE, math.floor(sets * factor + 0.5))


def _totals(items: Iterable[Work], groups: Iterable[MuscleGroup]) -> dict[MuscleGroup, int]:
    totals = dict.fromkeys(sorted(groups), 0)
    for item in items:
        for group in item.exercise.primary & set(totals):
            totals[group] += item.sets
    return totals


_ADD_PREFERENCE: Final = (
    SlotRole.ASSIST,
    SlotRole.MAIN,
    SlotRole.ACCESSORY,
    SlotRole.RUNNER,
    SlotRole.EXPLOSIVE,
)
"""Which exercise gains a set first among those with the fewest: compounds (LFT-1)."""


REMOVE_PREFERENCE: Final = (
    SlotRole.ACCESSORY,
    SlotRole.RUNNER,
    SlotRole.ASSIST,
    SlotRole.MAIN,
    SlotRole.EXPLOSIVE,
)
"""Which exercise loses a set first: accessories before the heavy compounds (LFT-1, LFT-4)."""


def balance(
    items: list[Work], ranges: Mapping[MuscleGroup, SetRange], *, remove: bool = True
) -> None:
    """Add or remove sets until every trained group of ``ranges`` is inside its weekly range.

    Greedy and deterministic. The first group below its range that some exercise can
    help gains a set on the exercise of that group with the fewest sets (compounds
    first) whose other groups have room and whose session holds fewer than
    ``MAX_SETS_PER_SESSION``. When no short group can be helped, the first group above
    its range loses a set from an accessory before a compound, the one with the most
    sets first (unless ``remove`` is False: a week that only adds to the last). Stops
    when no move is left.
    """
    groups = set(ranges)
    trained = {g for item in items for g in item.exercise.primary & groups}
    for _ in range(sum(MAX_SETS_PER_EXERCISE for _ in items) * 2 + 1):
        totals = _totals(items, groups)
        per_session: dict[int, int] = {}
        for item in items:
            per_session[item.session] = per_session.get(item.session, 0) + item.sets
        if _add_one(items, ranges, trained, totals, per_session):
            continue
        if not remove or not _remove_one(items, ranges, trained, totals):
            return


def _add_one(
    items: Sequence[Work],
    ranges: Mapping[MuscleGroup, SetRange],
    trained: set[MuscleGroup],
    totals: Mapping[MuscleGroup, int],
    per_session: Mapping[int, int],
) -> bool:
    for group in sorted(g for g in trained if totals[g] < ranges[g].low):
        candidates = [
            item
            for item in items
            if group in item.exercise.primary
            and item.adjustable
            and item.sets < MAX_SETS_PER_EXERCISE
            and per_session[item.session] < MAX_SETS_PER_SESSION
            and all(
                totals[g] < ranges[g].high
                for g in item.exercise.primary & set(ranges)
                if g != group
            )
        ]
        if candidates:
            chosen = min(
                candidates, key=lambda i: (i.sets, _ADD_PREFERENCE.index(i.role), i.session)
            )
            chosen.sets += 1
            return True
    return False


def _remove_one(
    items: Sequence[Work],
    ranges: Mapping[MuscleGroup, SetRange],
    trained: set[MuscleGroup],
    totals: Mapping[MuscleGroup, int],
) -> bool:
    for group in sorted(g for g in trained if totals[g] > ranges[g].high):
        candidates = [
            item
            for item in items
            if group in item.exercise.primary
            and item.adjustable
            and item.sets > MIN_SETS_PER_EXERCISE
            and all(
                totals[g] > ranges[g].low for g in item.exercise.primary & set(ranges) if g != group
            )
        ]
        if candidates:
            chosen = min(
                candidates,
                key=lambda i: (REMOVE_PREFERENCE.index(i.role), -i.sets, -i.session),
            )
            chosen.sets -= 1
            return True
    return False


def set_ranges(week: WeekOutline, calendar: LiftCalendar) -> Mapping[MuscleGroup, SetRange]:
    """The week's target of hard sets per muscle group at full volume (LFT-4).

    Hypertrophy weeks rise evenly from the start of ``HYPERTROPHY_VOLUME`` in the
    block's first build week to its top in the last, for legs, back and chest and,
    separately, arms and shoulders; the other emphases have fixed ranges.
    """
    if week.lift_emphasis is not LiftEmphasis.HYPERTROPHY:
        return WEEKLY_SET_RANGES[week.lift_emphasis]
    ramp = HYPERTROPHY_VOLUME[calendar.experience]
    builds = calendar.build_weeks_in_block(week)
    share = min(week.week_in_block, builds - 1) / max(1, builds - 1)
    major = ramp.start + round((ramp.top - ramp.start) * share)
    small = ramp.small_start + round((ramp.small_top - ramp.small_start) * share)
    ranges = dict.fromkeys(
        sorted(MAJOR_MUSCLE_GROUPS),
        SetRange(low=major, high=major + HYPERTROPHY_BAND_SETS, source=HYPERTROPHY_SOURCES),
    )
    ranges.update(
        dict.fromkeys(
            sorted(SMALL_MUSCLE_GROUPS),
            SetRange(low=small, high=small + HYPERTROPHY_BAND_SETS, source=HYPERTROPHY_SOURCES),
        )
    )
    return ranges


def easier(step: Step, drop: float) -> Step:
    """The same reps ``drop`` RPE points easier (jumps keep their contacts)."""
    effort = step.effort
    if effort is None:
        return step
    rpe = max(MIN_RPE, effort - drop)
    percent = (
        round(effort_percent(reps=step.reps, rpe=rpe), 1) if step.percent_1rm is not None else None
    )
    return Step(reps=step.reps, percent_1rm=percent, rpe=rpe, lowering_s=step.lowering_s)


def light_step(step: Step, exercise: Exercise) -> Step:
    """A step at most RPE 6, at normal tempo; squats, hinges and lunges at 8 reps or more."""
    effort = step.effort
    if effort is None:
        return step
    reps = step.reps
    if exercise.pattern in HEAVY_LOWER_PATTERNS:
        reps = max(reps, LIGHT_MIN_REPS)
    rpe = min(effort, LIGHT_RPE) if reps == step.reps else LIGHT_RPE
    percent = round(effort_percent(reps=reps, rpe=rpe), 1) if step.percent_1rm is not None else None
    return Step(reps=reps, percent_1rm=percent, rpe=rpe)


@dataclass(slots=True, kw_only=True)
class Draft:
    """One session of the week while it is being written."""

    index: int
    name: str
    items: list[Work]
    variant: LiftVariant
    latest_date: date | None = None
    earliest_date: date | None = None
    fixed_date: date | None = None
    limit: date | None = None
    trimmed_sets: int = 0
    window_min: int | None = None
    short_of: tuple[tuple[MuscleGroup, int, int], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What every session of a week is written with: the athlete, the library and the plan."""

    profile: AthleteProfile
    baseline: Baseline
    library: ExerciseLibrary
    kit: frozenset[str]
    pool: tuple[Exercise, ...]
    calendar: LiftCalendar


def _seconds_per_rep(exercise: Exercise, step: Step) -> float:
    if exercise.explosive:
        return EXPLOSIVE_SECONDS_PER_REP
    if step.lowering_s is not None:
        return SECONDS_PER_REP - 1 + step.lowering_s
    return SECONDS_PER_REP


def session_minutes(
    exercises: Sequence[tuple[Exercise, SlotRole, Step, ExercisePrescription]],
    *,
    test: bool = False,
) -> float:
    """Planned minutes of a lift: warm-up, ramp-up before main lifts, then sets x (work + rest).

    Work per set is reps x seconds per rep (doubled when each side is worked in turn);
    a slow lowering adds its seconds to the rep. A test session lists its warm-up sets
    as exercises of their own, so it adds no ramp-up time.
    """
    minutes = WARMUP_MIN
    for exercise, role, step, item in exercises:
        if role is SlotRole.MAIN and not test:
            minutes += RAMP_MIN_PER_MAIN
        sides = 2 if item.per_side else 1
        work_s = item.reps * _seconds_per_rep(exercise, step) * sides
        minutes += item.sets * (work_s + item.rest_s) / 60
    return minutes


def grid_minutes(minutes: float) -> int:
    """Minutes rounded up to the 15-minute placement grid."""
    return max(GRID_MIN, math.ceil(round(minutes, 6) / GRID_MIN) * GRID_MIN)


def _is_key(profile: AthleteProfile) -> bool:
    goal = profile.goal
    if goal.priority is Priority.LIFTING:
        return True
    return goal.priority is Priority.BALANCED and goal.kind in {
        GoalKind.STRENGTH,
        GoalKind.HYPERTROPHY,
    }


def uses_barbell(exercise: Exercise) -> bool:
    """Whether the exercise is loaded on a barbell, whose empty bar is its lightest load."""
    return Equipment.BARBELL.value in exercise.equipment


def floored_load_kg(exercise: Exercise, load_kg: float, unit: MassUnit) -> float:
    """``load_kg``, raised to the empty bar (20 kg or 45 lb) for a barbell exercise."""
    if uses_barbell(exercise):
        return max(load_kg, EMPTY_BAR_KG[unit])
    return load_kg


def _load_kg(
    exercise: Exercise, planned_max_kg: float | None, percent: float | None, unit: MassUnit
) -> float | None:
    """The load on the athlete's own plates (kg or lb steps), in kg; never below the bar."""
    if planned_max_kg is None or percent is None or not is_loaded(exercise):
        return None
    load = strength.round_load_in_unit_kg(
        load_kg=planned_max_kg * percent / 100,
        unit=unit,
        increment_kg=exercise.load_increment_kg,
        parts=exercise.load_split,
    )
    if load <= 0 and not uses_barbell(exercise):
        return None
    return floored_load_kg(exercise, load, unit)


def prescribe(work: Work, *, factor: float, baseline: Baseline) -> Written:
    """Sets, reps, intensity and load of one exercise for this week.

    A loaded exercise with a known maximum gets a load: the step's percent of the
    week's planned maximum (profile 1RM x ``factor``), rounded to its plates. Without
    a known maximum it is given as the chart RPE of the same reps and percent. Work
    without added load keeps its RPE. Jumps get contacts only.
    """
    exercise, step = work.exercise, work.step
    notes: list[str] = list(work.notes)
    if exercise.unilateral:
        notes.append("reps per side")
    if step.lowering_s is not None:
        notes.append(f"lower over {step.lowering_s} s")
    if exercise.explosive:
        notes.append("maximal intent, full recovery; stop the set when contacts slow")
    target = step.intended_percent
    one_rep_max = one_rep_max_for(exercise, baseline=baseline)
    planned = None if one_rep_max is None else one_rep_max * factor
    load_kg = _load_kg(exercise, planned, target, baseline.load_unit)
    bar_too_heavy = (
        load_kg is not None
        and planned is not None
        and target is not None
        and load_kg > planned * target / 100 + exercise.load_step_kg
    )
    if bar_too_heavy and planned is not None and target is not None and load_kg is not None:
        # The empty bar is heavier than the set asks: no barbell load, an effort instead.
        notes.append(
            f"the empty bar ({format_mass(load_kg, baseline.load_unit)}) is heavier than this "
            f"set asks ({format_mass(planned * target / 100, baseline.load_unit)}): do it "
            "with dumbbells or a lighter bar, by the RPE"
        )
        load_kg = None
    if load_kg is not None and exercise.load_split > 1:
        notes.append(
            f"{format_mass(load_kg / exercise.load_split, baseline.load_unit)} in each hand"
        )
    rpe_only = target is not None and load_kg is None and is_loaded(exercise) and not bar_too_heavy
    percent: float | None = None
    rpe = step.rpe
    if load_kg is not None:
        percent = round(target or 0.0, 1)
        if step.percent_1rm is None:
            notes.append("load from the RPE chart as a start; the RPE decides")
        elif exercise.id not in baseline.one_rep_max_kg and exercise.one_rep_max_from:
            base = exercise.one_rep_max_from.replace("-", " ")
            notes.append(
                f"load from your {base} max by the library's ratio: a start; the RPE decides"
            )
    elif target is not None:
        if rpe is None:
            rpe = effort_rpe(reps=step.reps, percent_1rm=target)
        if rpe_only:
            notes.append("no 1RM known: choose the load by RPE")
        elif not bar_too_heavy:
            notes.append("no added load: pick the variation and tempo that meet the RPE")
    return Written(
        work=work,
        item=ExercisePrescription(
            exercise=exercise.id,
            name=exercise.name,
            sets=work.sets,
            reps=step.reps,
            rest_s=work.rest_s,
            percent_1rm=percent,
            rpe=rpe,
            load_kg=load_kg,
            per_side=exercise.unilateral,
            notes="; ".join(notes),
        ),
        one_rep_max_kg=one_rep_max,
        planned_max_kg=planned,
        rpe_only=rpe_only,
    )


def _shown(item: ExercisePrescription) -> Step:
    """The target as the athlete reads it: reps with the percent and RPE written down."""
    return Step(reps=item.reps, percent_1rm=item.percent_1rm, rpe=item.rpe)


def ordered(items: Sequence[Work]) -> list[Work]:
    """Explosive work first, then by role: main, assist, runner work, accessories (SCH-9)."""
    return sorted(items, key=lambda i: 0 if i.exercise.explosive else 1 + ROLE_ORDER.index(i.role))


_SESSION_RPE_OF: Final = {
    LiftVariant.DELOAD: DELOAD_SESSION_RPE,
    LiftVariant.TAPER: TAPER_SESSION_RPE,
    LiftVariant.LIGHT: LIGHT_SESSION_RPE,
    LiftVariant.PRIMER: PRIMER_SESSION_RPE,
    LiftVariant.TEST: TEST_SESSION_RPE,
    LiftVariant.PEAK: PEAK_SESSION_RPE,
}


def _explain(written: Sequence[Written], facts: Facts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rule IDs and the explanation lines of one lift."""
    emphasis = facts.week.lift_emphasis
    runner_specific = emphasis is LiftEmphasis.RUNNER_SPECIFIC
    explosive = [e.work.exercise.name.lower() for e in written if e.work.exercise.explosive]
    rules: list[str] = ["LFT-4", "LFT-5", "SCH-7"]
    lines: list[str] = []
    compounds = [
        e.work.exercise.name.lower()
        for e in written
        if e.work.exercise.compound and e.work.role in {SlotRole.MAIN, SlotRole.ASSIST}
    ]
    if compounds and facts.variant is not LiftVariant.TEST:
        rules.append("LFT-1")
        lines.append(f"LFT-1: built on compound lifts: {', '.join(compounds)} (G1, G2).")
    phase = phase_line(facts)
    if phase is not None:
        rules.append(phase[0])
        lines.append(phase[1])
    heavy = last_heavy_line(facts)
    if heavy is not None:
        rules.append("PER-2")
        lines.append(heavy)
    if facts.variant not in {LiftVariant.TEST, LiftVariant.PRIMER}:
        dose = dose_line(written, facts)
        if dose is not None:
            rules.append(dose[0])
            lines.append(dose[1])
        bodyweight = unloaded_line(written)
        if bodyweight is not None:
            lines.append(bodyweight)
    lines.extend(load_lines(written, facts))
    if any(e.work.exercise.runner_specific for e in written):
        rules.append("LFT-6")
        lines.append(runner_line(written, runner_specific=runner_specific))
    if emphasis is LiftEmphasis.RUNNER or (runner_specific and explosive):
        rules.append("LFT-7")
        lines.append(runner_economy_line(runner_specific=runner_specific))
    upper = [e for e in written if runner_specific and e.work.role is SlotRole.ACCESSORY]
    if upper:
        lines.append(push_pull_line(upper))
    lines.append(volume_line(written, facts))
    lines.append(progression_line(facts))
    lines.append(frequency_line(facts.days, facts.week.lifts))
    if explosive:
        rules.append("SCH-9")
        lines.append(explosive_line(explosive))
    lines.extend(equipment_lines(written, facts))
    return tuple(sorted(set(rules))), tuple(lines)


def finish(
    draft: Draft,
    *,
    week: WeekOutline,
    mode: WeekMode,
    ctx: Context,
    ranges: Mapping[MuscleGroup, SetRange],
    volume_factor: float,
    days: Mapping[MuscleGroup, int],
    missing: Sequence[str],
) -> PlannedLift:
    """Prescribe, load, time and explain a drafted session: the week's :class:`PlannedLift`."""
    factor = ctx.calendar.factor(week)
    test = draft.variant is LiftVariant.TEST
    written = [
        prescribe(item, factor=factor, baseline=ctx.baseline)
        for item in (draft.items if test else ordered(draft.items))
    ]
    kind = lift_kind([(e.work.exercise, _shown(e.item)) for e in written])
    minutes = session_minutes(
        [(e.work.exercise, e.work.role, e.work.step, e.item) for e in written], test=test
    )
    exercises = tuple(e.item for e in written)
    groups = frozenset(g for e in written for g in e.work.exercise.primary)
    rpe = _SESSION_RPE_OF.get(draft.variant, SESSION_RPE[week.lift_emphasis])
    if test:
        heads = list(dict.fromkeys(e.work.exercise.name for e in written))
    else:
        heads = [e.work.exercise.name for e in written if e.work.role is SlotRole.MAIN]
    title = f"{draft.name}: {', '.join(heads)}" if heads else draft.name
    facts = Facts(
        week=week,
        mode=mode,
        variant=draft.variant,
        calendar=ctx.calendar,
        profile=ctx.profile,
        ranges=ranges,
        volume_factor=volume_factor,
        days=days,
        missing=missing,
        weeks_to_test=ctx.calendar.weeks_to_test(week),
        latest_date=draft.latest_date,
        earliest_date=draft.earliest_date,
        fixed_date=draft.fixed_date,
        limit=draft.limit,
    )
    rules, lines = _explain(written, facts)
    short = [(g, sets, low) for g, sets, low in draft.short_of if g in groups]
    if short and draft.variant in {LiftVariant.BUILD, LiftVariant.PEAK}:
        said = ", ".join(f"{g.value} {sets} of {low}" for g, sets, low in short)
        lines = (
            *lines,
            f"LFT-4: this week's sets fall short of the aim for {said}: the exercises your "
            "equipment allows for them already have the most sets that pay (five an exercise "
            "a session); more equipment, bands say, adds exercises and sets (G1, G2).",
        )
    if draft.trimmed_sets and draft.window_min is not None:
        lines = (
            *lines,
            f"LFT-4: {draft.trimmed_sets} set{'s' * (draft.trimmed_sets != 1)} fewer than the "
            f"week's volume asks, so that the session fits the {draft.window_min} minutes your "
            "windows give a lift: accessories give way first, every exercise keeps a set (G1, G2).",
        )
    duration = grid_minutes(minutes)
    return PlannedLift(
        spec=SessionSpec(
            id=SessionId(f"w{week.index + 1:02d}-lift{draft.index + 1}"),
            modality=Modality.LIFT,
            kind=kind,
            title=title,
            duration_min=duration,
            muscle_groups=groups,
            key=_is_key(ctx.profile),
            rpe=rpe,
            contains_explosive=any(e.work.exercise.explosive for e in written),
        ),
        prescription=LiftPrescription(
            kind=kind,
            exercises=exercises,
            duration_min=round(minutes, 1),
            rpe=rpe,
            notes=draft.name,
        ),
        rules=rules,
        explanation=lines,
        variant=draft.variant,
        latest_date=draft.latest_date,
        earliest_date=draft.earliest_date,
        fixed_date=draft.fixed_date,
        fixed_start=None
        if draft.fixed_date is None
        else session_start(ctx.profile, draft.fixed_date, duration),
    )
