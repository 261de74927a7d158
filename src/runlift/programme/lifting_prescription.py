"""The lifting sessions of one week: exercises, sets, reps, loads, rests, order, kind and dates.

:func:`plan_lifts` turns a :class:`~runlift.programme.periodisation.WeekOutline`
into :class:`PlannedLift` objects, one per lift of the week, reading the whole
plan's outline for what the week depends on
(:func:`~runlift.programme.lifting_progression.lift_calendar`). The numbers are
the tables of :mod:`runlift.programme.lifting_templates` (which exercises) and
:mod:`runlift.programme.lifting_doses` (how much), each row naming its rule:

* **Build weeks**: the layout for the emphasis and the number of lifts (SCH-7,
  LFT-1), exercises swapped for what the equipment allows (favouring, without
  added load, variations hard enough to reach the prescribed effort), the week's
  hard sets balanced per muscle group (LFT-4; rising through a hypertrophy block),
  and every exercise dosed at the week's step for the athlete's experience (LFT-2,
  LFT-3, LFT-5, LFT-6). Loads are a percent of the lift's *planned maximum*: the
  profile's 1RM raised for the loading weeks before this one, so a new block starts
  where the last one ended (LFT-5, PER-1).
* **Peak weeks** (the 1-3 weeks before a strength test): the main lifts climb from
  heavy triples to singles at 92.5 % as the sets come down (PER-2).
* **Deloads** repeat last week's exercises and reps with half the sets and two RPE
  points less (PER-3); a **race taper** halves the sets and takes one point off.
* **Near a race** no heavy-lower or explosive lift comes within 10 days of a
  marathon or half marathon, or 7 days of a 5-10 km race: a week that straddles
  that day keeps its first heavy session, dated to be done by then
  (``PlannedLift.latest_date``), and turns the others light; the race week has no
  lift. **Before a strength test** heavy singles end 5 days before it.
* **Test week**: the test session is fixed on the test day (a warm-up ramp, then an
  opener, a second and an optional third attempt for each main lift), with one
  light primer at least 3 days before it, or after it when the week has no room.

``docs/lifting.md`` explains the templates, the progression and the volumes in prose.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import Equipment, Exercise, MovementPattern, equipment_set
from runlift.errors import InvalidInput
from runlift.programme.baseline import Baseline
from runlift.programme.lifting_doses import (
    AFTER_TEST_DAYS,
    DELOAD_RPE_DROP,
    DELOAD_SET_SHARE,
    DOSES,
    LIGHT_RPE,
    MAX_VOLUME_FACTOR,
    MIN_SETS_PER_EXERCISE,
    NOVICE_TEST_RAMP,
    NOVICE_TEST_REPS,
    PEAK_REST_S,
    PEAK_SETS,
    PEAK_STEPS,
    PEAK_TAPER_MAX_DAYS,
    PEAK_VOLUME_FACTOR,
    PRIMER_DAYS_BEFORE,
    SCH7_MIN_DAYS,
    TAPER_RPE_DROP,
    TAPER_SET_SHARE,
    TEST_ATTEMPTS,
    TEST_RAMP,
    TEST_REST_S,
    TEST_WARMUP_REST_S,
    WEEKLY_SET_RANGES,
    SetRange,
    Step,
    effort_percent,
)
from runlift.programme.lifting_progression import (
    DAYS_PER_WEEK,
    WeekMode,
    lift_calendar,
)
from runlift.programme.lifting_reasons import (
    LiftVariant,
    Work,
    number,
)
from runlift.programme.lifting_sessions import (
    REMOVE_PREFERENCE,
    Context,
    Draft,
    ExerciseLibrary,
    PlannedLift,
    balance,
    chart_percent_1rm,
    easier,
    finish,
    floored_load_kg,
    grid_minutes,
    is_heavy,
    is_loaded,
    lift_kind,
    light_step,
    major_groups,
    one_rep_max_for,
    prescribe,
    resolve,
    rpe_for_percent,
    scaled_sets,
    session_minutes,
    set_ranges,
)
from runlift.programme.lifting_templates import (
    FAMILY_OF,
    LAYOUTS,
    MAX_LIFTS_PER_WEEK,
    NSCA_2016,
    PRIMER,
    TEST_ORDER,
    SessionTemplate,
    SlotRole,
    TemplateFamily,
)
from runlift.programme.periodisation import LiftEmphasis, WeekOutline
from runlift.programme.periodisation_tables import FINAL_LIGHT_DAYS, LIFT_SESSION_ESTIMATE_MIN
from runlift.programme.training_days import window_minutes
from runlift.science import strength
from runlift.units import KG_PER_LB, format_mass
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    Experience,
    LiftKind,
    MassUnit,
    MuscleGroup,
)

__all__ = [
    "ExerciseLibrary",
    "LiftVariant",
    "PlannedLift",
    "chart_percent_1rm",
    "grid_minutes",
    "is_heavy",
    "lift_kind",
    "one_rep_max_for",
    "plan_lifting",
    "plan_lifts",
    "rpe_for_percent",
    "scaled_sets",
    "session_minutes",
    "set_ranges",
    "training_days",
    "weekly_sets",
]

MAX_TESTED_LIFTS: Final = 3
"""Most main lifts tested on one day (squat, bench press, deadlift)."""

_LEG_DOMINANT: Final = frozenset(
    {
        MovementPattern.SQUAT,
        MovementPattern.HINGE,
        MovementPattern.LUNGE,
        MovementPattern.KNEE_FLEXION,
    }
)
"""Leg-dominant patterns, left out of a light session near a race."""

LIGHT_LEG_EXERCISE: Final = "bent-knee-calf-raise"
LIGHT_LEG_REPS: Final = 12
LIGHT_LEG_REST_S: Final = 60
"""The legs' work in a light session that has nothing else for them: two easy sets of a
bodyweight soleus raise (LFT-6), which keeps the legs' second day of the week (SCH-7)."""

LIGHT_MAX_SETS: Final = 2
"""Most sets of an exercise in a light session."""

PEAK_HEAVY_PERCENT: Final = 90.0
"""A main lift at or above this percent of the planned maximum is a heavy single or double."""


# ---------------------------------------------------------------------------------
# Effort, loads and kinds
# ---------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------
# Exercises for the equipment
# ---------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------
# Volume
# ---------------------------------------------------------------------------------


def lift_window_min(profile: AthleteProfile, lifts: int) -> int | None:
    """The longest a lift may last: the window of the ``lifts``-th best day for lifting.

    The week's longest window is left to the long run (the periodisation puts it there),
    so the lifts take the longest windows of the other days; a lift as long as the
    ``lifts``-th of them still has a day for each lift. Never below the lift's budget
    (``LIFT_SESSION_ESTIMATE_MIN``), which the week's time already counts on. None when
    the profile has no window that holds a lift (lifts written without a calendar).
    """
    windows = sorted(window_minutes(profile), reverse=True)[1:]
    usable = [w for w in windows if w >= LIFT_SESSION_ESTIMATE_MIN]
    if lifts <= 0 or not usable:
        return None
    return max(LIFT_SESSION_ESTIMATE_MIN, usable[min(lifts, len(usable)) - 1])


def _fit_window(
    drafts: Sequence[Draft], window_min: int | None, ctx: Context, factor: float
) -> None:
    """Take sets away until each session fits ``window_min`` minutes on the 15-minute grid.

    The exercise with the most sets loses one first (among equals an accessory before
    runner work, assistance and the main lifts), so the week's groups keep their balance;
    every exercise keeps at least one set, so the days each muscle group is trained
    (SCH-7) stay as they were.
    """
    if window_min is None:
        return
    for draft in drafts:
        while True:
            written = [
                prescribe(item, factor=factor, baseline=ctx.baseline) for item in draft.items
            ]
            minutes = session_minutes(
                [(w.work.exercise, w.work.role, w.work.step, w.item) for w in written]
            )
            if grid_minutes(minutes) <= window_min:
                break
            spare = [i for i in draft.items if i.sets > MIN_SETS_PER_EXERCISE]
            if not spare:
                break
            item = min(spare, key=lambda i: (-i.sets, REMOVE_PREFERENCE.index(i.role)))
            item.sets -= 1
            draft.trimmed_sets += 1
            draft.window_min = window_min


def _mark_short(
    drafts: Sequence[Draft], ranges: Mapping[MuscleGroup, SetRange], factor: float
) -> None:
    """Note on every session the groups whose week falls short of their range's bottom.

    The weekly balance stops when every exercise of a group has its most sets: a kit
    with one back exercise gives back no more. The explanation says so rather than
    pretend the aim is met. A volume factor below one lowers the aim with the sets.
    """
    items = [i for d in drafts for i in d.items]
    short = []
    for group, limits in sorted(ranges.items()):
        sets = sum(i.sets for i in items if group in i.exercise.primary)
        low = scaled_sets(limits.low, factor=factor)
        if any(group in i.exercise.primary for i in items) and sets < low:
            short.append((group, sets, low))
    for draft in drafts:
        draft.short_of = tuple(short)


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


def _halved(sets: int, share: float) -> int:
    """Sets of a deload or taper: ``share`` of them rounded down, never below one."""
    return max(MIN_SETS_PER_EXERCISE, math.floor(sets * share + 1e-9))


# ---------------------------------------------------------------------------------
# Steps: lighter, capped, peaked
# ---------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------
# Sessions being written
# ---------------------------------------------------------------------------------


def _layout(emphasis: LiftEmphasis, lifts: int) -> tuple[SessionTemplate, ...]:
    return LAYOUTS[(FAMILY_OF[emphasis], lifts)]


def _drafts(
    reference: WeekOutline, lifts: int, ctx: Context
) -> tuple[list[Draft], dict[int, list[str]], float]:
    """The sessions of a build (or peak) week: exercises, balanced sets and steps.

    Returns the drafts, the exercises left out per session, and the volume factor used.
    """
    emphasis = reference.lift_emphasis
    experience = ctx.calendar.experience
    doses = DOSES[emphasis]
    k = ctx.calendar.weeks_to_test(reference)
    missing: dict[int, list[str]] = {}
    drafts: list[Draft] = []
    items: list[Work] = []
    for index, template in enumerate(_layout(emphasis, lifts)):
        used: set[str] = set()
        session: list[Work] = []
        for slot in template.slots:
            exercise = resolve(slot, library=ctx.library, pool=ctx.pool, kit=ctx.kit, used=used)
            if exercise is None:
                missing.setdefault(index, []).append(ctx.library.get(slot.exercise).name)
                continue
            used.add(exercise.id)
            dose = doses[slot.role]
            loaded = is_loaded(exercise)
            position = (
                ctx.calendar.step_index(reference, slot.role) if loaded else reference.week_in_block
            )
            step = dose.step(position, experience=experience, loaded=loaded)
            session.append(
                Work(
                    session=index,
                    exercise=exercise,
                    role=slot.role,
                    sets=dose.sets,
                    rest_s=dose.rest_s,
                    step=step,
                    rule=dose.rule,
                    adjustable=dose.adjustable,
                    replaced=None
                    if exercise.id == slot.exercise
                    else ctx.library.get(slot.exercise).name,
                    harder=exercise.id != slot.exercise
                    and ctx.library.get(slot.exercise).is_possible_with(equipment=ctx.kit),
                )
            )
        items.extend(session)
        drafts.append(
            Draft(
                index=index,
                name=template.name,
                items=session,
                variant=LiftVariant.PEAK if k is not None else LiftVariant.BUILD,
            )
        )
    if lifts > 1:
        # A hypertrophy block adds sets week by week from where the last week left them,
        # so no exercise loses a set while the block's volume rises (LFT-4, LFT-5).
        first = 0 if emphasis is LiftEmphasis.HYPERTROPHY else reference.week_in_block
        for position in range(first, reference.week_in_block + 1):
            ranges = set_ranges(replace(reference, week_in_block=position), ctx.calendar)
            balance(items, ranges, remove=position == first)
    factor = reference.lift_volume_factor
    for item in items:
        item.sets = scaled_sets(item.sets, factor=factor)
    if k is not None:
        for item in items:
            if item.role is SlotRole.MAIN and is_loaded(item.exercise):
                item.step = PEAK_STEPS[experience][k]
                item.sets = PEAK_SETS[k]
                item.rest_s = PEAK_REST_S
            else:
                item.sets = scaled_sets(item.sets, factor=PEAK_VOLUME_FACTOR[k])
    return drafts, missing, factor


def _days(drafts: Sequence[Draft]) -> dict[MuscleGroup, int]:
    return {
        g: sum(1 for d in drafts if any(g in i.exercise.primary for i in d.items))
        for g in sorted(MAJOR_MUSCLE_GROUPS)
    }


def _trim(drafts: Sequence[Draft], target: float) -> None:
    """Drop one-set exercises until the week's sets reach ``target``, keeping SCH-7's days.

    An exercise may go when its session keeps another exercise, and each of its major
    groups is still trained in that session or on at least SCH-7's minimum of days.
    Accessories go first, then runner work, then assistance; the last session first.
    """
    while sum(i.sets for d in drafts for i in d.items) > target + 1e-9:
        days = _days(drafts)
        options: list[tuple[int, int, Draft, Work]] = []
        for draft in drafts:
            for item in draft.items:
                if item.sets > 1 or item.role in {SlotRole.MAIN, SlotRole.EXPLOSIVE}:
                    continue
                if len(draft.items) < 2:
                    continue
                rest = [i for i in draft.items if i is not item]
                keeps = all(
                    any(g in i.exercise.primary for i in rest) or days[g] > SCH7_MIN_DAYS
                    for g in major_groups(item.exercise)
                )
                if keeps:
                    options.append((REMOVE_PREFERENCE.index(item.role), -draft.index, draft, item))
        if not options:
            return
        _, _, draft, item = min(options, key=lambda o: (o[0], o[1]))
        draft.items.remove(item)


def _deload(drafts: Sequence[Draft]) -> None:
    """Half the sets, two RPE points easier, same reps (PER-3); :func:`_trim` follows."""
    for draft in drafts:
        draft.variant = LiftVariant.DELOAD
        draft.trimmed_sets = 0
        for item in draft.items:
            item.sets = _halved(item.sets, DELOAD_SET_SHARE)
            item.step = easier(item.step, DELOAD_RPE_DROP)


def _taper(drafts: Sequence[Draft]) -> None:
    """Half the sets, one RPE point easier (PER-2; Bosquet 2007); :func:`_trim` follows."""
    for draft in drafts:
        draft.variant = LiftVariant.TAPER
        draft.trimmed_sets = 0
        for item in draft.items:
            item.sets = _halved(item.sets, TAPER_SET_SHARE)
            item.step = easier(item.step, TAPER_RPE_DROP)


def _make_light(draft: Draft, limit: date, ctx: Context) -> None:
    """A light, non-leg-dominant session: upper body, calves, hips and ankles at RPE 6 or less.

    Jumps and squat, hinge, lunge and hamstring exercises go (hard eccentric and jumping
    work leaves the legs weak and sore for days, Clarkson & Hubal 2002); the rest is
    kept at normal tempo, at most two sets, RPE 6 or easier. A session that trained the
    legs keeps them with a bent-knee calf raise when nothing else is left for them, so
    the week still counts two days for the legs (SCH-7).
    """
    draft.variant = LiftVariant.LIGHT
    draft.limit = limit
    draft.latest_date = None
    trained_legs = any(MuscleGroup.LEGS in i.exercise.primary for i in draft.items)
    kept = [
        i
        for i in draft.items
        if not i.exercise.explosive and i.exercise.pattern not in _LEG_DOMINANT
    ]
    for item in kept:
        item.step = light_step(item.step, item.exercise)
        item.sets = min(item.sets, LIGHT_MAX_SETS)
    if trained_legs and not any(MuscleGroup.LEGS in i.exercise.primary for i in kept):
        calf = ctx.library.get(LIGHT_LEG_EXERCISE)
        kept.append(
            Work(
                session=draft.index,
                exercise=calf,
                role=SlotRole.RUNNER,
                sets=LIGHT_MAX_SETS,
                rest_s=LIGHT_LEG_REST_S,
                step=Step(reps=LIGHT_LEG_REPS, rpe=LIGHT_RPE),
                rule="LFT-6",
                adjustable=False,
            )
        )
    draft.items[:] = kept


def _draft_is_heavy_lower_or_explosive(draft: Draft) -> bool:
    kind = lift_kind([(i.exercise, i.step) for i in draft.items])
    return kind is LiftKind.HEAVY_LOWER or any(i.exercise.explosive for i in draft.items)


def _draft_has_heavy_singles(draft: Draft) -> bool:
    return any(
        i.role is SlotRole.MAIN and (i.step.intended_percent or 0.0) >= PEAK_HEAVY_PERCENT
        for i in draft.items
    )


def _limit(
    drafts: Sequence[Draft],
    week: WeekOutline,
    limit: date | None,
    heavy: Callable[[Draft], bool],
    ctx: Context,
) -> None:
    """Keep heavy sessions on or before ``limit``; the others in the week become light.

    A week that ends by ``limit`` is untouched. A week that starts after it has no
    heavy session. A week that straddles it keeps as many of its first heavy sessions
    as fit on alternate days up to ``limit`` (each must be done by then) and makes the
    rest light.
    """
    if limit is None:
        return
    end = week.start + timedelta(days=DAYS_PER_WEEK - 1)
    if end <= limit:
        return
    room = 0 if week.start > limit else (limit - week.start).days // 2 + 1
    if not _lift_days_until(ctx.profile, week.start, limit):
        # No day of the week up to the limit has a window that holds a lift.
        room = 0
    kept = [d for d in drafts if heavy(d)][:room]
    for draft in drafts:
        if draft in kept:
            draft.latest_date = limit
        else:
            _make_light(draft, limit, ctx)


def _peak_late(
    drafts: Sequence[Draft], week: WeekOutline, test_day: date | None, ctx: Context
) -> None:
    """The last heavy singles come about a week before the test, not two.

    In the week that holds the day ``PEAK_TAPER_MAX_DAYS`` before the test, its heavy
    sessions are dated from that day on, as many of the last of them as the days from
    then to their last day (``_limit``) hold on alternate days; the others keep the
    whole week.
    """
    if test_day is None:
        return
    first = test_day - timedelta(days=PEAK_TAPER_MAX_DAYS)
    end = week.start + timedelta(days=DAYS_PER_WEEK - 1)
    if not week.start < first <= end:
        return
    heavy = [
        d for d in drafts if d.variant is not LiftVariant.LIGHT and _draft_has_heavy_singles(d)
    ]
    if not heavy:
        return
    days = _lift_days_until(ctx.profile, first, heavy[-1].latest_date or end)
    # Heavy sessions a day apart at least, as many as those days hold (RL-2).
    room = (len(days) + 1) // 2
    for draft in heavy[max(0, len(heavy) - room) :] if room else ():
        draft.earliest_date = first


def _lift_days_until(profile: AthleteProfile, start: date, last: date) -> list[date]:
    """The days from ``start`` to ``last`` whose windows hold a lift."""
    windows = window_minutes(profile)
    days = [start + timedelta(days=n) for n in range(max(0, (last - start).days + 1))]
    return [d for d in days if windows[d.weekday()] >= LIFT_SESSION_ESTIMATE_MIN]


def _final_days(drafts: Sequence[Draft], week: WeekOutline, race_day: date | None) -> None:
    """At most one lift in the last six days before a race: the others are done before them.

    The periodisation plans no more lifts in such a week than its days before the last
    six can hold with one more (``FINAL_LIGHT_DAYS``); one lift of the week may fall in
    them, the last of those ``_limit`` made light (a heavy one it kept is already dated
    before them), the others are dated to be done by the day before.
    """
    if race_day is None or not drafts:
        return
    cutoff = race_day - timedelta(days=FINAL_LIGHT_DAYS + 1)
    end = week.start + timedelta(days=DAYS_PER_WEEK - 1)
    if end <= cutoff or week.start > cutoff:
        return
    undated = [d for d in drafts if d.latest_date is None]
    late = undated[-1] if undated else None
    for draft in drafts:
        if draft is not late:
            draft.latest_date = min(draft.latest_date or cutoff, cutoff)


# ---------------------------------------------------------------------------------
# Prescriptions
# ---------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------
# Finishing a session
# ---------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------
# The strength test week
# ---------------------------------------------------------------------------------


def _tested(ctx: Context, lifts: int) -> list[Exercise]:
    """The lifts to test: the strength layout's main lifts in meet order, at most three.

    Order follows the lift each slot asks for (squat, bench press, deadlift, overhead
    press), whatever the equipment puts in its place. When those leave legs, back or
    chest untested (a bodyweight kit has no deadlift), the first assistance exercise
    that trains the group is tested too, so the test day counts for SCH-7.
    """
    layout = LAYOUTS[(TemplateFamily.BUILD, max(2, lifts))]
    mains: list[tuple[int, Exercise]] = []
    assists: list[Exercise] = []
    used: set[str] = set()
    for template in layout:
        for slot in template.slots:
            if slot.role not in {SlotRole.MAIN, SlotRole.ASSIST}:
                continue
            exercise = resolve(slot, library=ctx.library, pool=ctx.pool, kit=ctx.kit, used=used)
            if exercise is None:
                continue
            used.add(exercise.id)
            if slot.role is SlotRole.MAIN:
                pattern = ctx.library.get(slot.exercise).pattern
                rank = TEST_ORDER.index(pattern) if pattern in TEST_ORDER else len(TEST_ORDER)
                mains.append((rank, exercise))
            else:
                assists.append(exercise)
    chosen = [e for _, e in sorted(mains, key=lambda m: m[0])][:MAX_TESTED_LIFTS]
    for group in sorted(MAJOR_MUSCLE_GROUPS):
        if any(group in e.primary for e in chosen):
            continue
        extra = next((e for e in assists if group in e.primary and e not in chosen), None)
        if extra is not None:
            chosen.append(extra)
    return chosen


def _test_work(exercise: Exercise, ctx: Context, planned_max_kg: float | None) -> list[Work]:
    """The warm-up ramp and the attempts of one tested lift."""
    novice = ctx.calendar.experience is Experience.NOVICE
    if not is_loaded(exercise):
        return [
            Work(
                session=1,
                exercise=exercise,
                role=SlotRole.ASSIST,
                sets=1,
                rest_s=TEST_WARMUP_REST_S,
                step=Step(reps=5, rpe=5.0),
                rule="PER-2",
                notes=("warm-up",),
            ),
            Work(
                session=1,
                exercise=exercise,
                role=SlotRole.MAIN,
                sets=1,
                rest_s=TEST_REST_S,
                step=Step(reps=12, rpe=9.5),
                rule="PER-2",
                notes=("test: as many clean reps as you can, stop one short of failure",),
            ),
        ]
    reps = NOVICE_TEST_REPS if novice else 1
    ramp = NOVICE_TEST_RAMP if novice else TEST_RAMP
    rm_percent = effort_percent(reps=reps, rpe=10.0)
    if planned_max_kg is None:
        rpes = (8.0, 9.0, 9.5)
        warm = [
            Work(
                session=1,
                exercise=exercise,
                role=SlotRole.ASSIST,
                sets=1,
                rest_s=TEST_WARMUP_REST_S,
                step=Step(reps=ramp_reps, rpe=min(9.0, 3.0 + index * 1.5)),
                rule="PER-2",
                notes=("warm-up",),
            )
            for index, (ramp_reps, _) in enumerate(ramp)
        ]
        attempts = [
            Work(
                session=1,
                exercise=exercise,
                role=SlotRole.MAIN,
                sets=1,
                rest_s=TEST_REST_S,
                step=Step(reps=reps, rpe=rpe),
                rule="PER-2",
                notes=(name, "no max known: work up by RPE; your heaviest good set is your max"),
            )
            for rpe, (_, name) in zip(rpes, TEST_ATTEMPTS, strict=True)
        ]
        return warm + attempts
    warm_percents, attempt_percents = _test_percents(
        [rm_percent * share / 100 for _, share in ramp],
        [rm_percent * share / 100 for share, _ in TEST_ATTEMPTS],
        planned_max_kg=planned_max_kg,
        step_kg=_plate_step_kg(exercise, ctx.baseline.load_unit),
        round_kg=lambda load_kg: floored_load_kg(
            exercise,
            strength.round_load_in_unit_kg(
                load_kg=load_kg,
                unit=ctx.baseline.load_unit,
                increment_kg=exercise.load_increment_kg,
                parts=exercise.load_split,
            ),
            ctx.baseline.load_unit,
        ),
        floor_kg=floored_load_kg(exercise, 0.0, ctx.baseline.load_unit),
    )
    warm = [
        Work(
            session=1,
            exercise=exercise,
            role=SlotRole.ASSIST,
            sets=1,
            rest_s=TEST_WARMUP_REST_S,
            step=Step(reps=ramp_reps, percent_1rm=percent),
            rule="PER-2",
            notes=("warm-up",),
        )
        for (ramp_reps, _), percent in zip(ramp, warm_percents, strict=True)
        if percent is not None
    ]
    attempts = [
        Work(
            session=1,
            exercise=exercise,
            role=SlotRole.MAIN,
            sets=1,
            rest_s=TEST_REST_S,
            step=Step(reps=reps, percent_1rm=percent),
            rule="PER-2",
            notes=(f"{name}: {number(share)} % of your {_rm_words(reps)} estimate",),
        )
        for (share, name), percent in zip(TEST_ATTEMPTS, attempt_percents, strict=True)
        if percent is not None
    ]
    return warm + attempts


def _plate_step_kg(exercise: Exercise, unit: MassUnit) -> float:
    """The smallest change of load the athlete's plates make, in kg (5 lb a part in pounds)."""
    if unit is MassUnit.LB:
        return strength.POUND_STEP_PER_PART_LB * KG_PER_LB * exercise.load_split
    return exercise.load_step_kg


def _test_percents(
    ramp: Sequence[float],
    attempts: Sequence[float],
    *,
    planned_max_kg: float,
    step_kg: float,
    round_kg: Callable[[float], float],
    floor_kg: float = 0.0,
) -> tuple[list[float | None], list[float | None]]:
    """Percents of the planned maximum for the warm-ups and attempts, with rising loads.

    Each attempt takes the plate load nearest its target (never below ``floor_kg``, the
    empty bar), moved up a plate when it would repeat the attempt before; the optional
    last attempt is left out when that puts it more than half a plate above its target
    plus 2 %. Warm-ups take the nearest load that stays at least a plate below the set
    after them and not below the floor, and are left out when none is left. None marks
    a set left out; a moved set shows the percent of its load.
    """

    def load_of(percent: float) -> float:
        return round_kg(planned_max_kg * percent / 100)

    def percent_of(load: float, wanted: float) -> float:
        return round(wanted if load == load_of(wanted) else 100 * load / planned_max_kg, 1)

    attempt_out: list[float | None] = []
    last = 0.0
    for position, wanted in enumerate(attempts):
        load = max(load_of(wanted), last + step_kg) if position else load_of(wanted)
        optional = position == len(attempts) - 1 and position > 0
        if optional and load > planned_max_kg * (wanted + 2) / 100 + step_kg / 2:
            attempt_out.append(None)
            continue
        attempt_out.append(percent_of(load, wanted))
        last = load
    warm_out: list[float | None] = []
    ceiling = load_of(attempts[0]) - step_kg
    for wanted in reversed(ramp):
        load = min(load_of(wanted), ceiling)
        if load <= 0 or load < floor_kg:
            warm_out.append(None)
            continue
        warm_out.append(percent_of(load, wanted))
        ceiling = load - step_kg
    return list(reversed(warm_out)), attempt_out


def _rm_words(reps: int) -> str:
    return "1-rep max" if reps == 1 else f"{reps}-rep max"


def _test_lines(tested: Sequence[Exercise], ctx: Context, factor: float) -> list[str]:
    lines: list[str] = []
    for exercise in tested:
        one_rep_max = one_rep_max_for(exercise, baseline=ctx.baseline)
        if one_rep_max is None or not is_loaded(exercise):
            continue
        planned = one_rep_max * factor
        novice = ctx.calendar.experience is Experience.NOVICE
        reps = NOVICE_TEST_REPS if novice else 1
        target = planned * effort_percent(reps=reps, rpe=10.0) / 100
        lines.append(
            f"Test: {exercise.name.lower()}: your planned {_rm_words(reps)} is about "
            f"{format_mass(round(target, 1), ctx.baseline.load_unit)}; warm up in 4 sets of "
            "fewer reps at 50, 70, 80 and 90 % of it, then an opener at 93 % that you are "
            "sure of, a second attempt at 100 % and, only if the second moved well, a third "
            "at 103 %; rest 3-5 min between "
            f"attempts ({NSCA_2016})."
        )
    return lines


def _test_week(week: WeekOutline, ctx: Context) -> tuple[PlannedLift, ...]:
    calendar = ctx.calendar
    test_day = calendar.test_day
    if test_day is None:
        raise InvalidInput("week", week.index, "a test week needs a test day")
    factor = calendar.factor(week)
    tested = _tested(ctx, week.lifts)
    test_items: list[Work] = []
    for exercise in tested:
        one_rep_max = one_rep_max_for(exercise, baseline=ctx.baseline)
        planned = None if one_rep_max is None else one_rep_max * factor
        test_items.extend(_test_work(exercise, ctx, planned))
    drafts: list[Draft] = []
    if week.lifts >= 2:
        primer_items: list[Work] = []
        used: set[str] = set()
        for slot in PRIMER.slots:
            chosen = resolve(slot, library=ctx.library, pool=ctx.pool, kit=ctx.kit, used=used)
            if chosen is None:
                continue
            used.add(chosen.id)
            dose = DOSES[LiftEmphasis.PEAK_TEST][slot.role]
            primer_items.append(
                Work(
                    session=0,
                    exercise=chosen,
                    role=slot.role,
                    sets=dose.sets,
                    rest_s=dose.rest_s,
                    step=dose.step(0, experience=calendar.experience, loaded=is_loaded(chosen)),
                    rule=dose.rule,
                    adjustable=False,
                )
            )
        before = test_day - timedelta(days=PRIMER_DAYS_BEFORE)
        primer = Draft(index=0, name=PRIMER.name, items=primer_items, variant=LiftVariant.PRIMER)
        if before >= week.start:
            primer.latest_date = before
        else:
            primer.earliest_date = test_day + timedelta(days=AFTER_TEST_DAYS)
        drafts.append(primer)
    drafts.append(
        Draft(
            index=len(drafts),
            name="Strength test",
            items=test_items,
            variant=LiftVariant.TEST,
            fixed_date=test_day,
        )
    )
    days = _days(drafts)
    ranges = WEEKLY_SET_RANGES[LiftEmphasis.PEAK_TEST]
    lifts = []
    for draft in drafts:
        lift = finish(
            draft,
            week=replace(week, lifts=len(drafts)),
            mode=WeekMode.TEST,
            ctx=ctx,
            ranges=ranges,
            volume_factor=week.lift_volume_factor,
            days=days,
            missing=(),
        )
        if draft.variant is LiftVariant.TEST:
            extra = _test_lines(tested, ctx, factor)
            lift = replace(lift, explanation=(*lift.explanation, *extra))
        lifts.append(lift)
    return tuple(lifts)


# ---------------------------------------------------------------------------------
# The entry points
# ---------------------------------------------------------------------------------


def plan_lifts(
    week: WeekOutline,
    profile: AthleteProfile,
    baseline: Baseline,
    library: ExerciseLibrary,
    *,
    plan: Sequence[WeekOutline],
) -> tuple[PlannedLift, ...]:
    """Build the week's lifting sessions.

    Args:
        week: the week's outline from the periodisation.
        profile: the athlete (experience, goal and its date, priority, equipment).
        baseline: the athlete's 1RMs, by exercise id.
        library: the exercise library.
        plan: every week of the plan's outline, in any order; the loads of ``week``
            start from the weeks before it, and the goal's date is read with it. A
            plan without ``week`` is read as if it held it.

    Returns:
        One ``PlannedLift`` per lift, ids ``wNN-liftN`` in template order; empty
        when the week has no lift or is a race week (SCH-7 allows no single lift,
        and the legs should be fresh for the race).

    Raises:
        InvalidInput: more than four lifts, a volume factor outside (0, 1.5], a
            negative week in block, or an unknown equipment name in the profile.
    """
    _check_week(week)
    if week.lifts == 0:
        return ()
    calendar = lift_calendar(plan, profile, week)
    mode = calendar.mode(week)
    if mode is WeekMode.RACE:
        return ()
    kit = equipment_set(
        set(profile.lifting.equipment) | {Equipment.BODYWEIGHT.value},
        field_name="lifting.equipment",
    )
    ctx = Context(
        profile=profile,
        baseline=baseline,
        library=library,
        kit=kit,
        pool=library.available(kit),
        calendar=calendar,
    )
    if mode is WeekMode.TEST:
        return _test_week(week, ctx)
    reference = calendar.previous(week) if mode in {WeekMode.DELOAD, WeekMode.TAPER} else week
    if reference.lift_emphasis is not week.lift_emphasis:
        reference = replace(reference, lift_emphasis=week.lift_emphasis)
    drafts, missing, volume_factor = _drafts(reference, week.lifts, ctx)
    ranges = set_ranges(reference, calendar)
    if week.lifts > 1 and mode in {WeekMode.BUILD, WeekMode.PEAK}:
        _mark_short(drafts, ranges, volume_factor)
    # The week as it fits the windows; a deload or taper halves that week, as written.
    window = lift_window_min(profile, week.lifts)
    _fit_window(drafts, window, ctx, calendar.factor(reference))
    built = sum(i.sets for d in drafts for i in d.items)
    if mode is WeekMode.DELOAD:
        _deload(drafts)
    elif mode is WeekMode.TAPER:
        _taper(drafts)
    _limit(drafts, week, calendar.heavy_until, _draft_is_heavy_lower_or_explosive, ctx)
    _final_days(drafts, week, calendar.race_day)
    if mode is WeekMode.PEAK:
        _limit(drafts, week, calendar.peak_until(), _draft_has_heavy_singles, ctx)
        _peak_late(drafts, week, calendar.test_day, ctx)
    if mode in {WeekMode.DELOAD, WeekMode.TAPER}:
        _trim(drafts, (DELOAD_SET_SHARE if mode is WeekMode.DELOAD else TAPER_SET_SHARE) * built)
    _fit_window(drafts, window, ctx, calendar.factor(week))
    days = _days(drafts)
    return tuple(
        finish(
            draft,
            week=week,
            mode=mode,
            ctx=ctx,
            ranges=ranges,
            volume_factor=volume_factor,
            days=days,
            missing=missing.get(draft.index, []),
        )
        for draft in drafts
    )


def plan_lifting(
    plan: Sequence[WeekOutline],
    profile: AthleteProfile,
    baseline: Baseline,
    library: ExerciseLibrary,
) -> tuple[tuple[PlannedLift, ...], ...]:
    """The lifts of every week of ``plan``, in the plan's order."""
    return tuple(plan_lifts(week, profile, baseline, library, plan=plan) for week in plan)


def weekly_sets(
    lifts: Sequence[PlannedLift],
    library: ExerciseLibrary,
    groups: Iterable[MuscleGroup] = MAJOR_MUSCLE_GROUPS,
) -> dict[MuscleGroup, int]:
    """Work sets per muscle group over a week's lifts (primary groups only)."""
    totals = dict.fromkeys(sorted(groups), 0)
    for lift in lifts:
        for item in lift.prescription.exercises:
            for group in library.get(item.exercise).primary & set(totals):
                totals[group] += item.sets
    return totals


def training_days(lifts: Sequence[PlannedLift]) -> dict[MuscleGroup, int]:
    """How many of the week's lifts train each major group (SCH-7 counts distinct days)."""
    return {
        g: sum(1 for lift in lifts if g in lift.spec.muscle_groups)
        for g in sorted(MAJOR_MUSCLE_GROUPS)
    }
