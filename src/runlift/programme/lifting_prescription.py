"""The lifting sessions of one week: exercises, sets, reps, loads, rests, order and kind.

:func:`plan_lifts` turns a :class:`~runlift.programme.periodisation.WeekOutline`
into :class:`PlannedLift` objects, one per lift of the week. Everything it
decides comes from the data tables of
:mod:`runlift.programme.lifting_templates`, each row naming the rule it serves:

* :data:`LAYOUTS`: which exercises each session holds, by template family and
  number of lifts, so that legs, back and chest are each trained on 2-3
  distinct days (SCH-7) and every session is built on compound lifts (LFT-1).
* :data:`DOSES`: sets, reps, intensity and rest of each exercise role under
  each lift emphasis (LFT-2 hypertrophy, LFT-3 strength and maintenance,
  LFT-6 runner-specific work, SCH-9 explosive work), with one progression step
  per week of the block (LFT-5).
* :data:`WEEKLY_SET_RANGES`: hard sets per major muscle group per week at full
  volume, with their sources; the week's sets are balanced into these ranges,
  then scaled by the week's volume factor (LFT-4; about half on deloads, PER-3).

The ``runner_specific`` emphasis (``lifting.style: runner_specific``) has its own
template family: single-leg hops first (in every session but one, which can then
follow a run on the same day), then the LFT-6 set (calf raises, split and
eccentric squats, hip flexion, ankle work) at RPE 6-6.5 with a slow lowering
phase, then one push and one pull at RPE 7-8 so chest and back keep 2-3 days
(SCH-7). No squat, hinge or lunge reaches RPE 7 or 70 % of 1RM, so none of these
sessions is *heavy lower*.

Loads come from the athlete's one-repetition maxima (``Baseline.one_rep_max_kg``,
directly or through the library's ``one_rep_max_from`` ratio) and are rounded
to the exercise's load increment; without a known maximum the exercise is
prescribed by RPE alone and says so. ``docs/lifting.md`` explains the
templates, the progression and the volumes in prose.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, Equipment, Exercise, equipment_set
from runlift.domain.prescription import ExercisePrescription, LiftPrescription
from runlift.domain.sessions import SessionId, SessionSpec
from runlift.errors import InvalidInput
from runlift.programme.baseline import Baseline
from runlift.programme.lifting_templates import (
    ACSM_2009,
    BICKEL_2011,
    BLAGROVE_2018,
    BOSQUET_2007,
    DELOAD_SESSION_RPE,
    DELOAD_VOLUME_FACTOR,
    DOSES,
    DOUGLAS_2017,
    ECCENTRIC_SECONDS_PER_REP,
    EXPLOSIVE_SECONDS_PER_REP,
    FAMILY_OF,
    GRID_MIN,
    HEAVY_PERCENT_1RM,
    HEAVY_RPE,
    HELMS_2016,
    LAYOUTS,
    MAX_LIFTS_PER_WEEK,
    MAX_SETS_PER_EXERCISE,
    MAX_VOLUME_FACTOR,
    MIN_SETS_PER_EXERCISE,
    RAMP_MIN_PER_MAIN,
    ROLE_ORDER,
    RONNESTAD_2014,
    SCH7_MIN_DAYS,
    SCHOENFELD_2016,
    SECONDS_PER_REP,
    SESSION_RPE,
    TEST_RAMP_MIN,
    WARMUP_MIN,
    WEEKLY_SET_RANGES,
    Dose,
    SetRange,
    Slot,
    SlotRole,
    Step,
)
from runlift.programme.periodisation import LiftEmphasis, WeekOutline
from runlift.science import strength
from runlift.units import format_mass
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    GoalKind,
    LiftKind,
    Modality,
    MuscleGroup,
    Phase,
    Priority,
)

_RPE_CHART_STEPS: Final = tuple(6.0 + 0.5 * i for i in range(9))


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
    """One lift of the week: the session to place, what to do in it, and why.

    Attributes:
        spec: the session for weekly placement (kind, muscle groups, duration, ...).
        prescription: the exercises with sets, reps, intensity, loads and rests.
        rules: IDs of the rules that shaped the session.
        explanation: one line per reason, each naming its rule ID and source.
    """

    spec: SessionSpec
    prescription: LiftPrescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]


# ---------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class _Item:
    """One exercise of one session while the week is being built."""

    session: int
    exercise: Exercise
    role: SlotRole
    dose: Dose
    sets: int
    replaced: str | None


def chart_percent_1rm(*, reps: int, rpe: float) -> float:
    """Percent of 1RM that ``reps`` at ``rpe`` stand for on the RPE chart (reps above 12 clamp)."""
    return strength.percent_one_rep_max(reps=min(reps, strength.MAX_REPS), rpe=rpe)


def rpe_for_percent(*, reps: int, percent_1rm: float) -> float:
    """The chart RPE (6-10, half steps) whose percent for ``reps`` is nearest to ``percent_1rm``.

    Ties go to the lower RPE; percents below the chart's RPE 6 give 6.
    """
    return min(
        _RPE_CHART_STEPS,
        key=lambda rpe: (abs(chart_percent_1rm(reps=reps, rpe=rpe) - percent_1rm), rpe),
    )


def intended_percent_1rm(step: Step) -> float | None:
    """The intensity a step stands for: its %1RM, or the chart value of its reps and RPE."""
    if step.percent_1rm is not None:
        return step.percent_1rm
    if step.rpe is not None:
        return chart_percent_1rm(reps=step.reps, rpe=step.rpe)
    return None


def is_heavy(step: Step) -> bool:
    """Whether a step is heavy enough to make a squat, hinge or lunge *heavy lower*."""
    percent = intended_percent_1rm(step)
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


def _major(exercise: Exercise) -> frozenset[MuscleGroup]:
    return exercise.primary & MAJOR_MUSCLE_GROUPS


_POOL_ROLES: Final = frozenset({SlotRole.MAIN, SlotRole.ASSIST, SlotRole.ACCESSORY})
"""Roles that may fall back on the whole library when the substitution chain fails."""


def _resolve(
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
    Ranking: same major groups, then a superset, then an overlap; explosive for
    explosive; chain before the rest of the library; same pattern; library order.
    """
    preferred = library.get(slot.exercise)
    major_only = bool(_major(preferred))

    def groups_of(exercise: Exercise) -> frozenset[MuscleGroup]:
        return _major(exercise) if major_only else exercise.primary

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
        if slot.role in _POOL_ROLES
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
            entry[0].explosive != preferred.explosive,
            entry[1],
            entry[0].pattern is not preferred.pattern,
            entry[2],
        ),
    )
    return best[0]


def _check_week(week: WeekOutline) -> None:
    if isinstance(week.lifts, bool) or not 0 <= week.lifts <= MAX_LIFTS_PER_WEEK:
        raise InvalidInput(
            "week.lifts", week.lifts, f"0 to {MAX_LIFTS_PER_WEEK} lifts a week (SCH-7)"
        )
    factor = week.lift_volume_factor
    if not math.isfinite(factor) or not 0 < factor <= MAX_VOLUME_FACTOR:
        raise InvalidInput(
            "week.lift_volume_factor", factor, f"above 0 and at most {MAX_VOLUME_FACTOR:g}"
        )
    if week.week_in_block < 0:
        raise InvalidInput("week.week_in_block", week.week_in_block, "zero or more")


def volume_factor(week: WeekOutline) -> float:
    """The factor applied to the week's balanced sets.

    ``week.lift_volume_factor`` (LFT-4: lower in hard running blocks), capped at
    :data:`DELOAD_VOLUME_FACTOR` on deloads (PER-3) and in race week (Bosquet 2007).
    """
    factor = week.lift_volume_factor
    if week.deload or week.phase in {Phase.DELOAD, Phase.RACE}:
        factor = min(factor, DELOAD_VOLUME_FACTOR)
    return factor


def progression_step(week: WeekOutline) -> int:
    """Which step of the dose tables this week uses (LFT-5).

    Build weeks use ``week_in_block``, so the steps restart with each block. A
    deload or taper week repeats the step of the week before it, keeping its
    intensity without raising it (PER-3; Bosquet 2007). Race week goes back to
    the block's first, lightest step: nothing heavy or new days before the race.
    """
    if week.phase is Phase.RACE:
        return 0
    if week.deload or week.phase in {Phase.DELOAD, Phase.TAPER}:
        return max(0, week.week_in_block - 1)
    return week.week_in_block


def scaled_sets(sets: int, *, factor: float) -> int:
    """Sets after the volume factor: rounded half up, never below one."""
    return max(MIN_SETS_PER_EXERCISE, math.floor(sets * factor + 0.5))


def _totals(items: Iterable[_Item]) -> dict[MuscleGroup, int]:
    totals = dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), 0)
    for item in items:
        for group in item.exercise.primary & MAJOR_MUSCLE_GROUPS:
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

_REMOVE_PREFERENCE: Final = (
    SlotRole.ACCESSORY,
    SlotRole.RUNNER,
    SlotRole.ASSIST,
    SlotRole.MAIN,
    SlotRole.EXPLOSIVE,
)
"""Which exercise loses a set first: accessories before the heavy compounds (LFT-1, LFT-4)."""


def _balance(items: list[_Item], ranges: Mapping[MuscleGroup, SetRange]) -> None:
    """Add or remove sets until every trained major group is inside its weekly range.

    Greedy and deterministic: a group below its range gains a set on the exercise
    of that group with the fewest sets (compounds first) whose other groups have
    room; a group above its range loses one from an accessory before a compound,
    the one with the most sets first. Stops when every group fits or no move helps.
    """
    trained = {g for item in items for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS}
    for _ in range(sum(MAX_SETS_PER_EXERCISE for _ in items) * 2 + 1):
        totals = _totals(items)
        short = [g for g in sorted(trained) if totals[g] < ranges[g].low]
        over = [g for g in sorted(trained) if totals[g] > ranges[g].high]
        if short:
            group = short[0]
            candidates = [
                item
                for item in items
                if group in item.exercise.primary
                and item.dose.adjustable
                and item.sets < MAX_SETS_PER_EXERCISE
                and all(
                    totals[g] < ranges[g].high
                    for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS
                    if g != group
                )
            ]
            if not candidates:
                return
            chosen = min(
                candidates, key=lambda i: (i.sets, _ADD_PREFERENCE.index(i.role), i.session)
            )
            chosen.sets += 1
        elif over:
            group = over[0]
            candidates = [
                item
                for item in items
                if group in item.exercise.primary
                and item.dose.adjustable
                and item.sets > MIN_SETS_PER_EXERCISE
                and all(
                    totals[g] > ranges[g].low
                    for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS
                    if g != group
                )
            ]
            if not candidates:
                return
            chosen = min(
                candidates,
                key=lambda i: (_REMOVE_PREFERENCE.index(i.role), -i.sets, -i.session),
            )
            chosen.sets -= 1
        else:
            return


def lift_kind(exercises: Sequence[tuple[Exercise, Step]]) -> LiftKind:
    """The kind of a lift, from its exercises and their targets.

    HEAVY_LOWER when any squat, hinge or lunge is at >= 70 % 1RM or RPE >= 7
    (GUIDELINES.md 'Words'); else EXPLOSIVE when every exercise is explosive;
    UPPER when no exercise trains the legs; RUNNER_STRENGTH when the leg work is
    light and includes runner-specific exercises; FULL_BODY otherwise.
    """
    if any(ex.pattern in HEAVY_LOWER_PATTERNS and is_heavy(step) for ex, step in exercises):
        return LiftKind.HEAVY_LOWER
    if exercises and all(ex.explosive for ex, _ in exercises):
        return LiftKind.EXPLOSIVE
    if not any(MuscleGroup.LEGS in ex.primary for ex, _ in exercises):
        return LiftKind.UPPER
    if any(ex.runner_specific for ex, _ in exercises):
        return LiftKind.RUNNER_STRENGTH
    return LiftKind.FULL_BODY


def _seconds_per_rep(exercise: Exercise, role: SlotRole) -> float:
    if exercise.explosive:
        return EXPLOSIVE_SECONDS_PER_REP
    if exercise.eccentric_emphasis or role is SlotRole.RUNNER:
        return ECCENTRIC_SECONDS_PER_REP
    return SECONDS_PER_REP


def session_minutes(
    exercises: Sequence[tuple[Exercise, SlotRole, ExercisePrescription]],
    *,
    test: bool,
) -> float:
    """Planned minutes of a lift: warm-up, ramp-up before main lifts, then sets x (work + rest).

    Work per set is reps x seconds per rep (doubled when each side is worked in turn).
    """
    minutes = WARMUP_MIN
    for exercise, role, item in exercises:
        if role is SlotRole.MAIN:
            minutes += TEST_RAMP_MIN if test else RAMP_MIN_PER_MAIN
        sides = 2 if item.per_side else 1
        work_s = item.reps * _seconds_per_rep(exercise, role) * sides
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


def _format_number(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------------------------
# Prescriptions
# ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prescribed:
    item: ExercisePrescription
    step: Step
    rpe_only: bool


def _prescribe(
    item: _Item, *, step: Step, sets: int, baseline: Baseline, test: bool
) -> _Prescribed:
    """Sets, reps, intensity and load of one exercise for this week.

    A %1RM step gives a load when the 1RM is known, else the chart RPE of the
    same reps and percent. An RPE step keeps its RPE and, when the 1RM is known,
    adds the chart's load as a starting point. Jumps get reps only.
    """
    exercise = item.exercise
    notes: list[str] = []
    if exercise.unilateral:
        notes.append("reps per side")
    if step.lowering_s is not None:
        notes.append(f"lower over {step.lowering_s} s")
    elif exercise.eccentric_emphasis or item.role is SlotRole.RUNNER:
        notes.append("lower over 3-4 s")
    if exercise.explosive:
        notes.append("maximal intent, full recovery; stop the set when contacts slow")
    if test:
        notes.append("work up in singles and stop at RPE 9: a new 1RM estimate")
    target = intended_percent_1rm(step)
    one_rep_max = one_rep_max_for(exercise, baseline=baseline)
    load_kg: float | None = None
    if target is not None and one_rep_max is not None and exercise.load_increment_kg > 0:
        load = strength.load_for_percent_in_unit_kg(
            one_rep_max_kg=one_rep_max,
            percent_1rm=target,
            unit=baseline.load_unit,
            increment_kg=exercise.load_increment_kg,
            parts=exercise.load_split,
        )
        load_kg = load if load > 0 else None
    if load_kg is not None and exercise.load_split > 1:
        notes.append(
            f"{format_mass(load_kg / exercise.load_split, baseline.load_unit)} in each hand"
        )
    rpe_only = target is not None and load_kg is None and exercise.load_increment_kg > 0
    if load_kg is not None:
        percent: float | None = round(target or 0.0, 1)
        rpe = step.rpe
        if step.percent_1rm is None and not test:
            notes.append("load from the RPE chart as a start; the RPE decides")
    else:
        percent = None
        rpe = step.rpe
        if rpe is None and target is not None:
            rpe = rpe_for_percent(reps=step.reps, percent_1rm=target)
        if rpe_only:
            notes.append("no 1RM known: choose the load by RPE")
        elif target is not None:
            notes.append("bodyweight: make it harder or easier to meet the RPE")
    return _Prescribed(
        item=ExercisePrescription(
            exercise=exercise.id,
            name=exercise.name,
            sets=sets,
            reps=step.reps,
            rest_s=item.dose.rest_s,
            percent_1rm=percent,
            rpe=rpe,
            load_kg=load_kg,
            per_side=exercise.unilateral,
            notes="; ".join(notes),
        ),
        step=step,
        rpe_only=rpe_only,
    )


def _ordered(items: Sequence[_Item]) -> list[_Item]:
    return sorted(
        items,
        key=lambda i: 0 if i.exercise.explosive else 1 + ROLE_ORDER.index(i.role),
    )


def _progression_line(week: WeekOutline, step_index: int) -> str:
    emphasis = week.lift_emphasis
    where = f"week {week.week_in_block + 1} of block {week.block + 1}"
    if emphasis is LiftEmphasis.PEAK_TEST:
        return (
            f"LFT-5: test week: work up to a heavy single at RPE 9 on the main lifts to "
            f"measure the progress of the block ({HELMS_2016})."
        )
    if emphasis is LiftEmphasis.HYPERTROPHY:
        scheme = "effort rises from RPE 8 to 9, then reps step down (10 to 6) as the load climbs"
    elif emphasis is LiftEmphasis.RUNNER:
        scheme = (
            "main lifts +2.5 % 1RM a week (75 to 85 %), jumps and runner-specific work "
            "one or two reps more a week"
        )
    elif emphasis is LiftEmphasis.RUNNER_SPECIFIC:
        scheme = (
            "runner-specific work goes from 8 to 12 reps, from a 3-s to a 4-s lowering and "
            "from RPE 6 to 6.5 (a heavier dumbbell or a stiffer band for the same reps), hops "
            "one or two contacts more a week, push and pull from 8 to 12 reps at RPE 7 to 8"
        )
    else:
        scheme = "+2.5 % 1RM a week on the main lifts (75 to 85 %) as reps step down (5 to 3)"
    if week.phase is Phase.RACE:
        note = "; race week drops back to the first step"
    elif step_index < week.week_in_block:
        note = "; this week holds last week's step"
    elif week.week_in_block == 0 and week.block > 0:
        note = "; the block starts again from its first step after the deload"
    else:
        note = ""
    return f"LFT-5: {where}, step {step_index + 1}: {scheme}{note} ({ACSM_2009})."


def _dose_line(
    emphasis: LiftEmphasis, prescribed: Sequence[tuple[_Item, _Prescribed]]
) -> tuple[str, str] | None:
    """The rule and line that explain the compounds' dose, or None without compounds."""
    compounds = [(i, p) for i, p in prescribed if i.role in {SlotRole.MAIN, SlotRole.ASSIST}]
    if not compounds:
        return None
    item, first = compounds[0]
    step = first.step
    name = item.exercise.name.lower()
    rest_min = _format_number(item.dose.rest_s / 60)
    if emphasis is LiftEmphasis.HYPERTROPHY:
        return "LFT-2", (
            f"LFT-2: {name} {step.reps} reps at RPE {_format_number(step.rpe or 0)}; "
            f"hypertrophy sets stay within 6-12 reps at RPE 8-9 (G1), with "
            f"{rest_min} min rests ({SCHOENFELD_2016})."
        )
    if emphasis is LiftEmphasis.PEAK_TEST:
        return "LFT-3", (
            "LFT-3: apart from the test singles, compounds stay at 70-85 % 1RM for 3-8 reps "
            "with 2-5 min rests (G2)."
        )
    given = first.item
    if given.percent_1rm is not None:
        target = f"{_format_number(given.percent_1rm)} % 1RM"
    else:
        target = (
            f"RPE {_format_number(given.rpe or 0)} (about "
            f"{_format_number(step.percent_1rm or 0)} % 1RM on the RPE chart)"
        )
    return "LFT-3", (
        f"LFT-3: {name} {step.reps} reps at {target}, {rest_min} min rests; strength and "
        "maintenance work stays at 70-85 % 1RM, 3-8 reps, 2-5 min rests (G2)."
    )


def _volume_line(
    week: WeekOutline, *, session_sets: int, factor: float, ranges: Mapping[MuscleGroup, SetRange]
) -> str:
    parts = ", ".join(
        f"{g.value} {ranges[g].low}-{ranges[g].high}" for g in sorted(MAJOR_MUSCLE_GROUPS)
    )
    sources = "; ".join(dict.fromkeys(r.source for r in ranges.values()))
    reason = ""
    if factor < 1:
        if week.deload or week.phase in {Phase.DELOAD, Phase.RACE}:
            reason = f", x{factor:.2f} this week"
        else:
            reason = f", x{factor:.2f} for this week's running load"
    return (
        f"LFT-4: {session_sets} hard sets in this session; weekly sets per group at full "
        f"volume: {parts}{reason} ({sources})."
    )


def _frequency_line(days: Mapping[MuscleGroup, int], lifts: int) -> str:
    counted = ", ".join(f"{g.value} {days[g]}" for g in sorted(MAJOR_MUSCLE_GROUPS))
    if lifts == 1:
        return (
            f"SCH-7: one lift this week (lifts per group: {counted}); two to three days per "
            "group need at least two lifts (G1, G2, G5)."
        )
    short = [g.value for g in sorted(MAJOR_MUSCLE_GROUPS) if days[g] < SCH7_MIN_DAYS]
    if short:
        return (
            f"SCH-7: lifts this week per group: {counted}; the listed equipment allows no "
            f"exercise for {', '.join(short)} on {SCH7_MIN_DAYS} days: add equipment "
            "(bands are enough) (G1, G2, G5)."
        )
    return (
        f"SCH-7: lifts this week per group: {counted}; each of legs, back and chest is "
        "trained on 2-3 days (G1, G2, G5)."
    )


def _runner_line(
    names: Sequence[str],
    prescribed: Sequence[tuple[_Item, _Prescribed]],
    *,
    runner_specific: bool,
) -> str:
    """The LFT-6 line: which runner-specific exercises, and how they are dosed."""
    listed = ", ".join(names)
    sources = f"G5; {BLAGROVE_2018}; {DOUGLAS_2017}"
    steps = [p.step for i, p in prescribed if i.role is SlotRole.RUNNER]
    if not runner_specific or not steps:
        return (
            f"LFT-6: runner-specific work ({listed}) with slow lowering for tendons and "
            f"running mechanics ({sources})."
        )
    step = steps[0]
    lowering = f"{step.lowering_s} s" if step.lowering_s is not None else "3-4 s"
    return (
        f"LFT-6: runner-specific work ({listed}); {step.reps} reps at RPE "
        f"{_format_number(step.rpe or 0)}, lowering over {lowering}, for tendons and running "
        "mechanics; no squat, hinge or lunge reaches RPE 7 or 70 % 1RM, so the session is not "
        f"heavy lower ({sources})."
    )


def _explain(
    week: WeekOutline,
    prescribed: Sequence[tuple[_Item, _Prescribed]],
    *,
    factor: float,
    step_index: int,
    days: Mapping[MuscleGroup, int],
    missing: Sequence[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rule IDs and the explanation lines of one lift, each line naming its rule and source."""
    ranges = WEEKLY_SET_RANGES[week.lift_emphasis]
    deload = week.deload or week.phase is Phase.DELOAD
    test = week.lift_emphasis is LiftEmphasis.PEAK_TEST
    explosive = [i.exercise.name for i, _ in prescribed if i.exercise.explosive]
    rules: list[str] = ["LFT-4", "LFT-5", "SCH-7"]
    lines: list[str] = []
    compounds = [
        i.exercise.name.lower()
        for i, _ in prescribed
        if i.exercise.compound and i.role in {SlotRole.MAIN, SlotRole.ASSIST}
    ]
    if compounds:
        rules.append("LFT-1")
        lines.append(f"LFT-1: built on compound lifts: {', '.join(compounds)} (G1, G2).")
    dose_reason = _dose_line(week.lift_emphasis, prescribed)
    if dose_reason is not None:
        rules.append(dose_reason[0])
        lines.append(dose_reason[1])
    runner_items = [i.exercise.name.lower() for i, _ in prescribed if i.exercise.runner_specific]
    runner_specific = week.lift_emphasis is LiftEmphasis.RUNNER_SPECIFIC
    if runner_items:
        rules.append("LFT-6")
        lines.append(_runner_line(runner_items, prescribed, runner_specific=runner_specific))
    if week.lift_emphasis is LiftEmphasis.RUNNER:
        rules.append("LFT-7")
        lines.append(
            "LFT-7: heavy and explosive strength work kept for running economy and speed "
            f"(G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
        )
    if runner_specific and explosive:
        rules.append("LFT-7")
        lines.append(
            "LFT-7: single-leg hops are the explosive work kept for running economy; there "
            f"is no heavy lifting in this style (G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
        )
    upper = [(i, p) for i, p in prescribed if runner_specific and i.role is SlotRole.ACCESSORY]
    if upper:
        names = " and ".join(i.exercise.name.lower() for i, _ in upper)
        step = upper[0][1].step
        lines.append(
            f"SCH-7: {names} at {step.reps} reps, RPE {_format_number(step.rpe or 0)}: one "
            "push and one pull keep chest and back on the legs' 2-3 days at a maintenance "
            f"dose (G1, G2, G5; {BICKEL_2011})."
        )
    lines.append(
        _volume_line(
            week,
            session_sets=sum(p.item.sets for _, p in prescribed),
            factor=factor,
            ranges=ranges,
        )
    )
    lines.append(_progression_line(week, step_index))
    if deload:
        rules.append("PER-3")
        lines.append(
            "PER-3: deload: about half the sets, at the intensity of the block's last "
            f"build week (G4; {BOSQUET_2007})."
        )
    elif week.phase is Phase.TAPER:
        rules.append("PER-2")
        lines.append(
            "PER-2: taper: fewer sets at last week's intensity, fresh for the goal "
            f"({BOSQUET_2007})."
        )
    elif week.phase is Phase.RACE:
        rules.append("PER-2")
        lines.append(
            "PER-2: race week: half the sets or fewer at the block's lightest step, "
            f"nothing new, fresh for the race ({BOSQUET_2007})."
        )
    if test:
        rules.append("PER-2")
        lines.append(
            "PER-2: strength test week: the block ends by measuring the goal lifts with "
            f"heavy singles at RPE 9 and little other work (G3; {HELMS_2016})."
        )
    lines.append(_frequency_line(days, week.lifts))
    if explosive:
        rules.append("SCH-9")
        lines.append(
            f"SCH-9: explosive work ({', '.join(n.lower() for n in explosive)}) comes first, "
            "done fresh; never after a run on the same day (G4, G5)."
        )
    for item, _ in prescribed:
        if item.replaced is not None:
            lines.append(
                f"{item.exercise.name} replaces {item.replaced.lower()}: the listed "
                "equipment does not allow it (exercise library substitutes)."
            )
    for name in missing:
        lines.append(f"{name}: nothing in its substitutes fits the listed equipment; left out.")
    rpe_only = [i.exercise.name.lower() for i, p in prescribed if p.rpe_only]
    if rpe_only and runner_specific:
        lines.append(
            f"Loads by RPE for {', '.join(rpe_only)}: choose the dumbbell or band that "
            f"meets the week's RPE ({HELMS_2016})."
        )
    elif rpe_only:
        lines.append(
            f"No 1RM known for {', '.join(rpe_only)}: loads are chosen by RPE "
            f"({HELMS_2016}); add a recent set to the profile for prescribed loads."
        )
    return tuple(sorted(set(rules))), tuple(lines)


# ---------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------


def plan_lifts(
    week: WeekOutline,
    profile: AthleteProfile,
    baseline: Baseline,
    library: ExerciseLibrary,
) -> tuple[PlannedLift, ...]:
    """Build the week's lifting sessions.

    Picks the layout for ``week.lift_emphasis`` and ``week.lifts`` (SCH-7,
    LFT-1), swaps exercises the athlete's equipment does not allow for the
    library's substitutes, balances the week's hard sets per major group into
    :data:`WEEKLY_SET_RANGES`, scales them by the volume factor (LFT-4, PER-3),
    doses every exercise from :data:`DOSES` at this week's progression step
    (LFT-2, LFT-3, LFT-5, LFT-6), puts explosive work first (SCH-9) and derives
    each session's kind, muscle groups and duration.

    Args:
        week: the week's outline from the periodisation.
        profile: the athlete (goal priority, equipment).
        baseline: the athlete's 1RMs, by exercise id.
        library: the exercise library.

    Returns:
        One ``PlannedLift`` per lift, ids ``wNN-liftN`` in template order; empty
        when the week has no lift.

    Raises:
        InvalidInput: more than four lifts, a volume factor outside (0, 1.5], a
            negative week in block, or an unknown equipment name in the profile.
    """
    _check_week(week)
    if week.lifts == 0:
        return ()
    kit = equipment_set(
        set(profile.lifting.equipment) | {Equipment.BODYWEIGHT.value},
        field_name="lifting.equipment",
    )
    layout = LAYOUTS[(FAMILY_OF[week.lift_emphasis], week.lifts)]
    pool = library.available(kit)
    doses = DOSES[week.lift_emphasis]

    items: list[_Item] = []
    missing: dict[int, list[str]] = {}
    for index, template in enumerate(layout):
        used: set[str] = set()
        for slot in template.slots:
            exercise = _resolve(slot, library=library, pool=pool, kit=kit, used=used)
            if exercise is None:
                missing.setdefault(index, []).append(library.get(slot.exercise).name)
                continue
            used.add(exercise.id)
            dose = doses[slot.role]
            items.append(
                _Item(
                    session=index,
                    exercise=exercise,
                    role=slot.role,
                    dose=dose,
                    sets=dose.sets,
                    replaced=None
                    if exercise.id == slot.exercise
                    else library.get(slot.exercise).name,
                )
            )
    if week.lifts > 1:
        _balance(items, WEEKLY_SET_RANGES[week.lift_emphasis])

    factor = volume_factor(week)
    step_index = progression_step(week)
    test = week.lift_emphasis is LiftEmphasis.PEAK_TEST
    days = {
        g: sum(
            1
            for index in range(len(layout))
            if any(i.session == index and g in i.exercise.primary for i in items)
        )
        for g in MAJOR_MUSCLE_GROUPS
    }
    key = _is_key(profile)
    deload = week.deload or week.phase is Phase.DELOAD

    planned: list[PlannedLift] = []
    for index, template in enumerate(layout):
        session_items = _ordered([i for i in items if i.session == index])
        prescribed = [
            (
                item,
                _prescribe(
                    item,
                    step=item.dose.step(step_index),
                    sets=scaled_sets(item.sets, factor=factor),
                    baseline=baseline,
                    test=test and item.role is SlotRole.MAIN,
                ),
            )
            for item in session_items
        ]
        kind = lift_kind([(i.exercise, p.step) for i, p in prescribed])
        minutes = session_minutes([(i.exercise, i.role, p.item) for i, p in prescribed], test=test)
        exercises = tuple(p.item for _, p in prescribed)
        groups = frozenset(g for i, _ in prescribed for g in i.exercise.primary)
        rpe = SESSION_RPE[week.lift_emphasis]
        if deload:
            rpe = min(rpe, DELOAD_SESSION_RPE)
        heads = [i.exercise.name for i, _ in prescribed if i.role is SlotRole.MAIN]
        title = f"{template.name}: {', '.join(heads)}" if heads else template.name

        rules, lines = _explain(
            week,
            prescribed,
            factor=factor,
            step_index=step_index,
            days=days,
            missing=missing.get(index, []),
        )
        session_id = SessionId(f"w{week.index + 1:02d}-lift{index + 1}")
        planned.append(
            PlannedLift(
                spec=SessionSpec(
                    id=session_id,
                    modality=Modality.LIFT,
                    kind=kind,
                    title=title,
                    duration_min=grid_minutes(minutes),
                    muscle_groups=groups,
                    key=key,
                    rpe=rpe,
                    contains_explosive=any(i.exercise.explosive for i, _ in prescribed),
                ),
                prescription=LiftPrescription(
                    kind=kind,
                    exercises=exercises,
                    duration_min=round(minutes, 1),
                    rpe=rpe,
                    notes=template.name,
                ),
                rules=rules,
                explanation=lines,
            )
        )
    return tuple(planned)


def weekly_sets(lifts: Sequence[PlannedLift], library: ExerciseLibrary) -> dict[MuscleGroup, int]:
    """Work sets per major muscle group over a week's lifts (primary groups only)."""
    totals = dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), 0)
    for lift in lifts:
        for item in lift.prescription.exercises:
            for group in library.get(item.exercise).primary & MAJOR_MUSCLE_GROUPS:
                totals[group] += item.sets
    return totals


def training_days(lifts: Sequence[PlannedLift]) -> dict[MuscleGroup, int]:
    """How many of the week's lifts train each major group (SCH-7 counts distinct days)."""
    return {
        g: sum(1 for lift in lifts if g in lift.spec.muscle_groups)
        for g in sorted(MAJOR_MUSCLE_GROUPS)
    }
