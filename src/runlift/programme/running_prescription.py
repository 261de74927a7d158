"""The running sessions of one week: structured runs at the athlete's VDOT paces.

:func:`plan_runs` splits the week's distance from its :class:`WeekOutline`
over its runs (the long run first, the longest of the week; a marathon build's
medium-long run; the rest equal; the shakeout before a race), turns
``quality_sessions`` of them into hard sessions chosen by goal, block and race
distance, and writes every run as steps (:mod:`runlift.programme.running_steps`):
warm-up, repeats of work at a pace zone with their recoveries, cool-down.

* **Intensity**: race, fat-loss and general plans keep most running easy, with
  one or two hard sessions from week 1 (Seiler 2010). When muscle comes first
  (RUN-1) the hard runs are short intervals, hill repeats or sprints and there
  is no long slow run; lifting blocks then keep one hard run (RUN-2), while a
  runner's strength block keeps its usual ones.
* **Caps per session** (Daniels 2014), as a share of the week's distance:
  threshold (T) work at most 10 %; interval (I) work at most 8 % and 10 km;
  repetition (R) work, hills and sprints at most 5 % and 8 km; marathon-pace (M)
  work at most 20 % and 29 km. Race-pace work in race week is held to 10 %
  (runlift's choice, like T). Inside a block the work grows from 70 % of its
  cap by 15 points a week; deloads and the taper use 70 % of a cap that has
  itself shrunk with the week's distance, at unchanged paces.
* **Race-specific work**: I and R for 5 km, I and T for 10 km, T and I for the
  half marathon, M-pace segments in the long run plus T for the marathon.
* **Race week**: a race-pace sharpener 3-5 days before the race, an easy
  shakeout with strides the day before it (Pfitzinger & Douglas 2009), and the
  race itself on race day, at the target pace (or the VDOT prediction without a
  target). Every run carries the dates it may take (``WeekOutline.dates``).
* **Paces** come from the baseline's VDOT and say so ("from your 10 km of 50:30
  (VDOT 39.5)"). Without a race result runs are prescribed by effort only (RPE
  and the talk test, Persinger 2004).

Every session's duration fits the time ``periodisation`` budgeted for it, so
a week's sessions stay within 75 % of the athlete's available time. The numbers
above, and how each workout is cut into reps, are the tables of
:mod:`runlift.programme.running_workouts`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from runlift.domain.athlete import AthleteProfile
from runlift.domain.prescription import RunPrescription, RunRepeat, RunStep
from runlift.domain.sessions import SessionId, SessionSpec
from runlift.errors import InvalidInput
from runlift.programme.baseline import Baseline
from runlift.programme.periodisation import (
    WeekOutline,
    goal_group,
    long_run_is_quality,
    race_class,
    slot_min,
    week_run_distances_km,
)
from runlift.programme.periodisation_tables import (
    LONG_RUN_SHARE_MAX,
    MARATHON_LONG_RUN_SHARE,
    THREE_RUN_LONG_SHARE,
)
from runlift.programme.running_steps import (
    Paces,
    easy_step,
    flat_steps,
    jog_step,
    marathon_long,
    paces_for,
    predicted_time_s,
    session_cap_km,
    step_km,
    structured,
    totals,
)
from runlift.programme.running_workouts import (
    BOSQUET_2007,
    DANIELS_2014,
    FEWEST_REPS,
    HARD_LONG_MIN,
    KIND_OF,
    LONG_HARD_RPE,
    MARATHON_LONG_MAX_SHARE,
    MARATHON_LONG_START_SHARE,
    MARATHON_LONG_STEP,
    MUSCLE_ROTATION,
    PERSINGER_2004,
    PFITZINGER_2009,
    PROGRESSION_START,
    PROGRESSION_STEP,
    RACE_NAMES,
    RACE_SPECIFIC,
    RACE_WARMUP,
    REDUCED_WORK_SHARE,
    RPE,
    SEILER_2010,
    SESSION_CAP_KM,
    SESSION_CAP_SHARE,
    STRIDE_RECOVERY_S,
    STRIDE_S,
    STRIDES,
    TARGET_AHEAD_OF_PREDICTION,
    TITLES,
    ZONE_LETTER,
    Workout,
)
from runlift.units import METRES_PER_KM, SECONDS_PER_MINUTE, format_duration, format_pace
from runlift.vocabulary import (
    BlockFocus,
    GoalKind,
    Modality,
    PaceZone,
    Phase,
    Priority,
    RunKind,
    StepKind,
)

__all__ = ["PlannedRun", "plan_runs", "session_cap_km", "step_km"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedRun:
    """A run of the week with its prescription and the reasons for it.

    Attributes:
        spec: what placement needs (duration on the 15-minute grid, key flag, RPE).
        prescription: the structured run.
        rules: IDs of the rules that shaped it.
        explanation: one line per reason, each naming a rule ID or a source.
        fixed_date: the date the run must happen on (the race), else None.
        allowed_dates: the dates the run may take (the long run's longest window; near a
            race, the days around it: ``WeekOutline.dates``); None for any day.
    """

    spec: SessionSpec
    prescription: RunPrescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    fixed_date: date | None = None
    allowed_dates: frozenset[date] | None = None


# --- choosing the week's sessions ---


def _workouts(week: WeekOutline, profile: AthleteProfile) -> tuple[Workout, ...]:
    """The week's hard sessions in order of importance (the first ones are kept)."""
    if week.phase is Phase.RACE:
        return (Workout.SHARPENER,)
    group = goal_group(profile.goal.kind)
    if group == "muscle":
        first = week.index % len(MUSCLE_ROTATION)
        return (
            MUSCLE_ROTATION[first],
            MUSCLE_ROTATION[(first + 1) % len(MUSCLE_ROTATION)],
        )
    if week.focus in {BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY} and "RUN-2" in week.rules:
        return (Workout.HILLS,)
    race = profile.goal.race
    if group == "race" and race is not None:
        if week.focus is BlockFocus.RACE_SPECIFIC:
            chosen = RACE_SPECIFIC[race_class(race.distance_m)]
            if Workout.MARATHON_LONG in chosen and not long_run_is_quality(week, profile):
                return (Workout.TEMPO, Workout.INTERVALS)
            return chosen
        return (Workout.TEMPO, Workout.REPETITION)
    return (Workout.INTERVALS, Workout.TEMPO)


def _fallbacks(profile: AthleteProfile) -> tuple[Workout, ...]:
    """Sessions to try, in order, when the chosen one does not fit a short run or small cap."""
    if goal_group(profile.goal.kind) == "muscle":
        return MUSCLE_ROTATION
    return (Workout.TEMPO, Workout.INTERVALS, Workout.REPETITION, Workout.HILLS)


def _work_share(week: WeekOutline) -> float:
    if week.phase is Phase.BUILD:
        return min(1.0, PROGRESSION_START + PROGRESSION_STEP * week.week_in_block)
    return REDUCED_WORK_SHARE


def _marathon_share(week: WeekOutline) -> float:
    if week.phase is Phase.BUILD:
        return min(
            MARATHON_LONG_MAX_SHARE,
            MARATHON_LONG_START_SHARE + MARATHON_LONG_STEP * week.week_in_block,
        )
    return MARATHON_LONG_START_SHARE


def _week_rules(week: WeekOutline) -> tuple[str, ...]:
    return tuple(r for r in week.rules if r.startswith(("PER-", "RUN-")))


@dataclass(frozen=True, slots=True)
class _Draft:
    kind: RunKind
    title: str
    steps: tuple[RunStep | RunRepeat, ...]
    key: bool
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    fixed_date: date | None = None
    hard: bool = False
    allowed_dates: frozenset[date] | None = None


def _phase_lines(week: WeekOutline) -> list[str]:
    if week.phase is Phase.DELOAD:
        return ["PER-3: recovery week: same paces, a little less of everything (G4)"]
    if week.phase is Phase.TAPER:
        return [f"Taper: same paces, less work ({BOSQUET_2007}: keep intensity, cut volume)"]
    if week.phase is Phase.BUILD:
        share = _work_share(week)
        return [
            f"Progression: week {week.week_in_block + 1} of block {week.block + 1}: the hard "
            f"part is {share:.0%} of the most one session should hold, rising week by week "
            f"({DANIELS_2014})"
        ]
    return []


def _quality_draft(
    workout: Workout,
    *,
    run_km: float,
    week: WeekOutline,
    profile: AthleteProfile,
    paces: Paces,
    hard_count: int,
    cut: bool,
) -> _Draft | None:
    race = profile.goal.race
    klass = None if race is None else race_class(race.distance_m)
    share = 1.0 if workout is Workout.SHARPENER else _work_share(week)
    built = structured(
        workout,
        run_km=run_km,
        week_km=week.run_volume_km,
        share=share,
        paces=paces,
        klass=klass,
        cut=cut,
    )
    if built is None:
        return None
    rules = list(_week_rules(week))
    letter = ZONE_LETTER[built.zone]
    lines = [
        f"{SEILER_2010}: most running stays easy; "
        + (
            f"this is the only hard run of {week.runs}"
            if hard_count <= 1
            else f"this is one of {hard_count} hard runs in {week.runs}"
        ),
        f"{DANIELS_2014}: {letter} work in one session at most {_cap_words(built.zone)}: "
        f"{built.work_km:.2f} km, within this week's cap of {built.cap_km:.2f} km",
    ]
    group = goal_group(profile.goal.kind)
    if group == "muscle":
        lines.append(
            "RUN-1: muscle comes first: a short high-intensity session instead of long slow "
            "running (G2)"
        )
    if week.focus in {BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY} and "RUN-2" in week.rules:
        rules.append("RUN-2")
        lines.append("RUN-2: lifting block: one hard run a week, running trimmed (G1)")
    if workout is Workout.SHARPENER and klass is not None:
        lines.append(
            f"PER-2: race week: a short touch of race pace for the {RACE_NAMES[klass]}, at "
            f"least 3 days before the race so the legs are fresh on the day, volume low "
            f"({PFITZINGER_2009}; {BOSQUET_2007})"
        )
    elif week.focus is BlockFocus.RACE_SPECIFIC and klass is not None:
        lines.append(
            f"PER-2: race-specific work for the {RACE_NAMES[klass]}: {letter} ({DANIELS_2014})"
        )
    lines.extend(_phase_lines(week))
    lines.extend(_pace_lines(paces, built.zone))
    if workout in {Workout.HILLS, Workout.SPRINTS}:
        lines.append(
            f"{DANIELS_2014}: hills and sprints count as R work (5 % cap); run by effort, the "
            "slope or distance makes pace meaningless"
        )
    return _Draft(
        kind=KIND_OF[workout],
        title=built.title,
        steps=built.steps,
        key=True,
        rules=tuple(dict.fromkeys(rules)),
        explanation=tuple(lines),
        hard=True,
        allowed_dates=week.dates.sharpener if workout is Workout.SHARPENER else week.dates.hard,
    )


def _cap_words(zone: PaceZone) -> str:
    share = SESSION_CAP_SHARE[zone]
    limit = SESSION_CAP_KM.get(zone)
    return f"{share:.0%} of the week" + ("" if limit is None else f" and {limit:g} km")


def _effort_line() -> str:
    return (
        f"No recent race: run by effort (RPE and the talk test, {PERSINGER_2004}); add a race "
        "result for VDOT paces"
    )


def _pace_lines(paces: Paces, zone: PaceZone | None = None) -> list[str]:
    """Where the run's paces come from, in words the athlete knows."""
    if paces.athlete is None:
        lines = [_effort_line()]
    else:
        lines = [f"Paces: from {paces.source}, Daniels' tables ({DANIELS_2014})"]
    if zone is PaceZone.RACE and paces.race_s_per_km is not None:
        lines.append(
            f"PER-2: race-pace work at {paces.race_words}: {format_pace(paces.race_s_per_km)}, "
            "the pace of the race itself (G3)"
        )
    return lines


def _long_share_words(week: WeekOutline, profile: AthleteProfile, others: int) -> str:
    """Which cap set the long run, with its source."""
    race = profile.goal.race
    if race is not None and race_class(race.distance_m) == "marathon":
        return (
            f"{PFITZINGER_2009}: a marathon build's long run, its key session, may take "
            f"{MARATHON_LONG_RUN_SHARE:.0%} of the week and 3 h"
        )
    if goal_group(profile.goal.kind) == "muscle":
        return "RUN-1: muscle comes first: the longest run stays within 1 h (G2)"
    if others == 2:
        return (
            f"With three runs the long run may take {THREE_RUN_LONG_SHARE:.0%} of the week, "
            f"so that it stays the longest (runlift's choice; {DANIELS_2014}: 150 min at most)"
        )
    return f"{DANIELS_2014}: long run at most {LONG_RUN_SHARE_MAX:.0%} of the week's km and 150 min"


def _long_draft(
    *,
    long_km: float,
    week: WeekOutline,
    profile: AthleteProfile,
    paces: Paces,
    quality: bool,
    longest_other_km: float,
    others: int,
) -> _Draft:
    rules = list(_week_rules(week))
    lines = [
        f"{_long_share_words(week, profile, others)}: {long_km:.1f} of "
        f"{week.run_volume_km:g} km"
        + (
            f", longer than any other run this week ({longest_other_km:.1f} km at most)"
            if longest_other_km > 0
            else ""
        )
    ]
    key = profile.goal.priority is Priority.RUNNING or profile.goal.kind is GoalKind.RACE
    if key:
        rules.append("RUN-3")
        lines.append("RUN-3: running is the priority: the long run is a key session (G3, G4)")
    if week.dates.long is not None:
        lines.append(
            "The long run takes the week's longest window, so that it never has to be cut "
            f"short to fit a weekday slot ({PFITZINGER_2009})"
        )
    built = (
        marathon_long(
            long_km=long_km, week_km=week.run_volume_km, share=_marathon_share(week), paces=paces
        )
        if quality
        else None
    )
    if built is not None:
        lines.append(
            f"PER-2: marathon-specific long run: {built.work_km:.1f} km at M, at most "
            f"{_cap_words(PaceZone.MARATHON)} ({DANIELS_2014})"
        )
        lines.extend(_phase_lines(week))
        title, steps = built.title, built.steps
    else:
        title = f"Long run {long_km:.1f} km"
        steps = (easy_step(StepKind.STEADY, long_km, paces, "Run"),)
        lines.extend(line for line in _phase_lines(week) if not line.startswith("Progression"))
    lines.extend(_pace_lines(paces))
    dates = week.dates.long
    if built is not None and week.dates.hard is not None and dates is not None:
        dates = dates & week.dates.hard
    return _Draft(
        kind=RunKind.LONG,
        title=title,
        steps=steps,
        key=key or built is not None,
        rules=tuple(dict.fromkeys(rules)),
        explanation=tuple(lines),
        hard=built is not None,
        allowed_dates=dates,
    )


def _medium_long_draft(
    *, run_km: float, week: WeekOutline, profile: AthleteProfile, paces: Paces
) -> _Draft:
    lines = [
        f"{PFITZINGER_2009}: a midweek medium-long run, about 70 % of the long run and at most "
        "90 min: a second endurance run of the marathon week, at easy pace",
        f"{SEILER_2010}: easy running at conversational effort carries most of the volume",
    ]
    lines.extend(line for line in _phase_lines(week) if not line.startswith("Progression"))
    lines.extend(_pace_lines(paces))
    key = profile.goal.kind is GoalKind.RACE or profile.goal.priority is Priority.RUNNING
    return _Draft(
        kind=RunKind.EASY,
        title=f"Medium-long run {run_km:.1f} km",
        steps=(easy_step(StepKind.STEADY, run_km, paces, "Run"),),
        key=key,
        rules=_week_rules(week),
        explanation=tuple(lines),
        allowed_dates=week.dates.medium_long,
    )


def _easy_draft(
    *, run_km: float, week: WeekOutline, paces: Paces, note: str | None = None
) -> _Draft:
    lines = [f"{SEILER_2010}: easy running at conversational effort carries most of the volume"]
    if note is not None:
        lines.append(note)
    if week.phase is Phase.DELOAD:
        lines.append("PER-3: recovery week: shorter easy running (G4)")
    elif week.phase in {Phase.TAPER, Phase.RACE}:
        lines.append(f"Taper: easy running kept short, frequency kept ({BOSQUET_2007})")
    elif week.phase is Phase.TEST:
        lines.append(
            "PER-2: test week: running halved and easy, away from the test day, so the test is "
            "done fresh (G3)"
        )
    else:
        lines.append(
            f"PER-1: block {week.block + 1} ({week.focus.value.replace('_', ' ')}) sets the "
            f"week's running at {week.run_volume_km:.0f} km; easy runs fill what the key runs "
            "leave"
        )
    lines.extend(_pace_lines(paces))
    return _Draft(
        kind=RunKind.EASY,
        title=f"Easy {run_km:.1f} km",
        steps=(easy_step(StepKind.STEADY, run_km, paces, "Run"),),
        key=False,
        rules=_week_rules(week),
        explanation=tuple(lines),
        allowed_dates=week.dates.easy,
    )


def _shakeout_draft(*, run_km: float, week: WeekOutline, paces: Paces) -> _Draft:
    """The day before the race: an easy jog of 20-30 min ending with a few strides."""
    stride = RunStep(
        kind=StepKind.WORK,
        duration_s=STRIDE_S,
        description=f"{STRIDE_S:g} s stride: quick, relaxed and tall, not a sprint",
    )
    recovery = jog_step(seconds=STRIDE_RECOVERY_S, what=f"{STRIDE_RECOVERY_S:g} s easy jog or walk")
    strides_km = STRIDES * (STRIDE_S + STRIDE_RECOVERY_S) / paces.timing_pace(None)
    steps: tuple[RunStep | RunRepeat, ...] = (
        easy_step(StepKind.STEADY, run_km - strides_km, paces, "Jog"),
        RunRepeat(count=STRIDES, steps=(stride, recovery)),
    )
    lines = [
        f"{PFITZINGER_2009}: the day before the race, an easy 20-30 min jog with a few "
        "strides keeps the legs awake without tiring them; rest is fine too",
        f"Taper: frequency kept, volume cut ({BOSQUET_2007})",
        *_pace_lines(paces),
    ]
    return _Draft(
        kind=RunKind.EASY,
        title=f"Shakeout {run_km:.1f} km with {STRIDES} strides",
        steps=steps,
        key=True,
        rules=tuple(dict.fromkeys((*_week_rules(week), "PER-2"))),
        explanation=tuple(lines),
        allowed_dates=week.dates.shakeout,
    )


def _race_draft(
    week: WeekOutline, profile: AthleteProfile, baseline: Baseline, paces: Paces
) -> _Draft:
    race = profile.goal.race
    if race is None:
        raise InvalidInput("goal.race", None, "a race week needs a race goal")
    klass = race_class(race.distance_m)
    name = RACE_NAMES[klass] if klass != "5k" or race.distance_m >= 4000 else "race"
    pace = paces.race_s_per_km
    km = race.distance_m / METRES_PER_KM
    # The race is its distance at its pace, nothing more: the warm-up is advice.
    steps: tuple[RunStep | RunRepeat, ...] = (
        RunStep(
            kind=StepKind.WORK,
            distance_m=race.distance_m,
            zone=PaceZone.RACE,
            pace_fast_s_per_km=pace,
            pace_slow_s_per_km=pace,
            description=f"Race {km:.1f} km"
            + ("" if pace is None else f" at {format_pace(pace)} ({format_duration(pace * km)})"),
        ),
    )
    predicted = predicted_time_s(baseline.vdot, race.distance_m)
    lines = [f"PER-2: race day {race.date.isoformat()}: the goal of the plan (G3)"]
    if race.target_time_s is not None:
        lines.append(
            f"PER-2: goal pace from the target {format_duration(race.target_time_s)}: "
            f"{format_pace(race.target_time_s / km)}"
        )
        if predicted is not None and race.target_time_s < predicted * (
            1 - TARGET_AHEAD_OF_PREDICTION
        ):
            lines.append(
                f"{DANIELS_2014}: {paces.source or f'VDOT {baseline.vdot:.1f}'} predicts "
                f"{format_duration(predicted)}; the target is ambitious: start near the "
                "predicted pace"
            )
    elif predicted is not None:
        lines.append(
            f"{DANIELS_2014}: race pace from {paces.source or f'VDOT {baseline.vdot:.1f}'}: "
            f"{format_pace(predicted / km)} ({format_duration(predicted)})"
        )
    else:
        lines.append(f"No race result or target: run by feel ({PERSINGER_2004})")
    lines.append(
        f"Before the start: {RACE_WARMUP[klass]}; the warm-up is not part of the race's "
        f"distance or time ({PFITZINGER_2009})"
    )
    lines.append("RUN-3: the race is fixed on its date; everything else fits around it (G3, G4)")
    rules = tuple(dict.fromkeys((*_week_rules(week), "PER-2", "RUN-3")))
    return _Draft(
        kind=RunKind.RACE,
        title=f"Race: {name}",
        steps=steps,
        key=True,
        rules=rules,
        explanation=tuple(lines),
        fixed_date=race.date,
        hard=True,
    )


def _instead(draft: _Draft, wanted: Workout) -> _Draft:
    """``draft`` saying that it stands in for ``wanted``, which did not fit."""
    line = (
        f"{TITLES[wanted]}: not even {FEWEST_REPS} reps fit this run within this week's caps "
        f"({DANIELS_2014}: work caps scale with the week), so {draft.title.lower()} instead"
    )
    return replace(draft, explanation=(*draft.explanation[:1], line, *draft.explanation[1:]))


def _check(week: WeekOutline) -> None:
    if isinstance(week.runs, bool) or week.runs < 0:
        raise InvalidInput("week.runs", week.runs, "0 or more")
    if not math.isfinite(week.run_volume_km) or week.run_volume_km < 0:
        raise InvalidInput("week.run_volume_km", week.run_volume_km, "0 km or more")
    if not 0 <= week.long_run_km <= week.run_volume_km + 1e-9:
        raise InvalidInput(
            "week.long_run_km", week.long_run_km, "between 0 and the week's distance"
        )
    if week.quality_sessions < 0:
        raise InvalidInput("week.quality_sessions", week.quality_sessions, "0 or more")


@dataclass(frozen=True, slots=True)
class _Split:
    """The week's training runs by role: long, medium-long, the others, the shakeout."""

    long_km: float
    medium_long_km: float
    others: list[float]
    shakeout_km: float


def _split(week: WeekOutline) -> _Split:
    distances = list(week_run_distances_km(week))
    long_km = distances.pop(0) if week.long_run_km > 0 and len(distances) > 1 else 0.0
    medium_km = distances.pop(0) if week.medium_long_km > 0 and len(distances) > 1 else 0.0
    shake_km = distances.pop() if week.shakeout_km > 0 and distances else 0.0
    return _Split(long_km, medium_km, distances, shake_km)


def _hard_drafts(
    chosen: list[Workout],
    split: _Split,
    *,
    week: WeekOutline,
    profile: AthleteProfile,
    paces: Paces,
) -> tuple[list[_Draft], list[float]]:
    """The hard sessions on the first of the other runs, and the runs left easy."""
    drafts: list[_Draft] = []
    easy_km: list[float] = []
    fallbacks = _fallbacks(profile)
    for position, run_km in enumerate(split.others):
        draft = None
        if position < len(chosen):
            # The chosen workout, cut down to two reps if need be; else the first fallback
            # at its usual reps; else one cut down.
            tries = (
                (False, chosen[position]),
                (True, chosen[position]),
                *((cut, w) for cut in (False, True) for w in fallbacks),
            )
            for cut, workout in tries:
                draft = _quality_draft(
                    workout,
                    run_km=run_km,
                    week=week,
                    profile=profile,
                    paces=paces,
                    hard_count=week.quality_sessions,
                    cut=cut,
                )
                if draft is not None:
                    if workout is not chosen[position]:
                        draft = _instead(draft, chosen[position])
                    break
        if draft is None:
            easy_km.append(run_km)
        else:
            drafts.append(draft)
    return drafts, easy_km


def plan_runs(
    week: WeekOutline, profile: AthleteProfile, baseline: Baseline
) -> tuple[PlannedRun, ...]:
    """Write the week's runs: hard sessions, long and medium-long runs, easy runs, the race.

    Raises:
        InvalidInput: the outline has negative counts or distances, or a race week
            without a race goal.
    """
    _check(week)
    paces = paces_for(profile, baseline)
    race_week = week.phase is Phase.RACE
    split = _split(week)
    hard_wanted = max(0, week.quality_sessions - (1 if race_week else 0))
    chosen = list(_workouts(week, profile)[:hard_wanted])
    long_quality = Workout.MARATHON_LONG in chosen
    if long_quality:
        chosen.remove(Workout.MARATHON_LONG)
        viable = marathon_long(
            long_km=split.long_km,
            week_km=week.run_volume_km,
            share=_marathon_share(week),
            paces=paces,
        )
        if viable is None:
            # Too short a long run for an M segment: the tempo carries the quality instead.
            long_quality = False
            chosen.insert(0, Workout.INTERVALS if Workout.TEMPO in chosen else Workout.TEMPO)
    drafts, easy_km = _hard_drafts(chosen, split, week=week, profile=profile, paces=paces)
    if split.long_km > 0:
        drafts.append(
            _long_draft(
                long_km=split.long_km,
                week=week,
                profile=profile,
                paces=paces,
                quality=long_quality,
                longest_other_km=max(
                    [split.medium_long_km, *split.others, split.shakeout_km], default=0.0
                ),
                others=len(split.others) + (1 if split.medium_long_km > 0 else 0),
            )
        )
    if split.medium_long_km > 0:
        drafts.append(
            _medium_long_draft(run_km=split.medium_long_km, week=week, profile=profile, paces=paces)
        )
    dropped = hard_wanted - sum(1 for d in drafts if d.hard)
    for number, run_km in enumerate(easy_km):
        note = (
            "Too short for a structured session this week: run it easy"
            f" ({DANIELS_2014}: work caps scale with the week)"
            if number < dropped
            else None
        )
        drafts.append(_easy_draft(run_km=run_km, week=week, paces=paces, note=note))
    if split.shakeout_km > 0:
        drafts.append(_shakeout_draft(run_km=split.shakeout_km, week=week, paces=paces))
    if race_week:
        drafts.append(_race_draft(week, profile, baseline, paces))
    return tuple(_finish(draft, number, week, paces) for number, draft in enumerate(drafts, 1))


def _finish(draft: _Draft, number: int, week: WeekOutline, paces: Paces) -> PlannedRun:
    km, seconds = totals(draft.steps, paces)
    minutes = seconds / SECONDS_PER_MINUTE
    rpe = RPE[draft.kind]
    if draft.kind is RunKind.LONG and (draft.hard or minutes > HARD_LONG_MIN):
        rpe = LONG_HARD_RPE
    basis = "by effort (no race result)" if paces.athlete is None else f"paces from {paces.source}"
    if draft.kind is RunKind.RACE and paces.race_s_per_km is not None:
        basis = f"at {paces.race_words}"
    elif paces.race_s_per_km is not None and any(
        step.zone is PaceZone.RACE for step in flat_steps(draft.steps)
    ):
        basis += f"; race pace: {paces.race_words}"
    prescription = RunPrescription(
        kind=draft.kind,
        steps=draft.steps,
        distance_km=round(km, 2),
        duration_min=round(minutes, 1),
        rpe=rpe,
        notes=f"{draft.title}; {basis}",
    )
    spec = SessionSpec(
        id=SessionId(f"w{week.index + 1:02d}-run{number}"),
        modality=Modality.RUN,
        kind=draft.kind,
        title=draft.title,
        duration_min=slot_min(minutes),
        key=draft.key,
        rpe=rpe,
    )
    return PlannedRun(
        spec=spec,
        prescription=prescription,
        rules=draft.rules,
        explanation=draft.explanation,
        fixed_date=draft.fixed_date,
        allowed_dates=draft.allowed_dates,
    )
