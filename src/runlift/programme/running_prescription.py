"""The running sessions of one week: structured runs at the athlete's VDOT paces.

:func:`plan_runs` splits the week's distance from its :class:`WeekOutline`
over its runs (the long run first, at most 30 % of the week; the rest equal),
turns ``quality_sessions`` of them into hard sessions chosen by goal, block and
race distance, and writes every run as steps: warm-up, repeats of work at a
pace zone with their recoveries, cool-down.

* **Intensity**: race, fat-loss and general plans keep most running easy, with
  one or two hard sessions (Seiler 2010). When muscle comes first (RUN-1) the
  hard runs are short intervals, hill repeats or sprints and there is no long
  slow run; lifting blocks keep one hard run (RUN-2).
* **Caps per session** (Daniels 2014), as a share of the week's distance:
  threshold (T) work at most 10 %; interval (I) work at most 8 % and 10 km;
  repetition (R) work, hills and sprints at most 5 % and 8 km; marathon-pace (M)
  work at most 20 % and 29 km. Race-pace work in race week is held to 10 %
  (runlift's choice, like T). Inside a block the work grows from 70 % of its
  cap by 15 points a week; deloads and the taper use 70 % of a cap that has
  itself shrunk with the week's distance, at unchanged paces.
* **Race-specific work**: I and R for 5 km, I and T for 10 km, T and I for the
  half marathon, M-pace segments in the long run plus T for the marathon.
* **Paces** come from the baseline's VDOT. Without a race result runs are
  prescribed by effort only (RPE and the talk test, Persinger 2004): steps keep
  their zone and distance but carry no pace; their durations are estimated at
  VDOT 30, the slowest row of Daniels' tables, so they err long.
* **Race week** ends with the race itself on race day, at the target pace (or
  the VDOT prediction without a target).

Every session's duration fits the time ``periodisation`` budgeted for it, so
a week's sessions stay within 75 % of the athlete's available time. The numbers
above, and how each workout is cut into reps, are the tables of
:mod:`runlift.programme.running_workouts`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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
    CONSERVATIVE_VDOT,
    LONG_RUN_SHARE_MAX,
    MARATHON_LONG_RUN_SHARE,
    THREE_RUN_LONG_SHARE,
)
from runlift.programme.running_workouts import (
    BOSQUET_2007,
    DANIELS_2014,
    EASY_AROUND_SHARE,
    EFFORT,
    FEWEST_REPS,
    HARD_LONG_MIN,
    KIND_OF,
    LONG_HARD_RPE,
    MARATHON_LONG_MAX_SHARE,
    MARATHON_LONG_START_SHARE,
    MARATHON_LONG_STEP,
    MAX_EASY_AROUND_KM,
    MAX_REPS,
    MIN_MARATHON_SEGMENT_KM,
    MIN_REPS,
    MUSCLE_ROTATION,
    PERSINGER_2004,
    PFITZINGER_2009,
    PROGRESSION_START,
    PROGRESSION_STEP,
    RACE_COOLDOWN_KM,
    RACE_NAMES,
    RACE_SPECIFIC,
    RACE_WARMUP_KM,
    REDUCED_WORK_SHARE,
    REP_CHOICE_SHARE,
    REP_MENUS,
    RPE,
    SEILER_2010,
    SESSION_CAP_KM,
    SESSION_CAP_SHARE,
    STRIDE_RECOVERY_S,
    STRIDE_S,
    STRIDES,
    TARGET_AHEAD_OF_PREDICTION,
    TITLES,
    WARMUP_SHARE,
    ZONE_LETTER,
    Recovery,
    RepMenu,
    Workout,
)
from runlift.science import running
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


def session_cap_km(*, zone: PaceZone, week_km: float) -> float:
    """Most work at ``zone`` in one session of a week of ``week_km`` (Daniels 2014).

    Zones without a cap (easy) return the whole week.
    """
    share = SESSION_CAP_SHARE.get(zone)
    if share is None:
        return week_km
    return min(share * week_km, SESSION_CAP_KM.get(zone, math.inf))


# --- paces ---


@dataclass(frozen=True, slots=True)
class _Paces:
    athlete: running.TrainingPaces | None
    timing: running.TrainingPaces
    race_s_per_km: float | None
    race_timing_s_per_km: float
    source: str = ""
    """Where the training paces come from: "your 10 km of 50:30 (VDOT 40.6)"."""
    race_words: str = "race pace"
    """Where the race pace comes from: "goal pace for 1:45:00"."""

    def target(self, zone: PaceZone) -> float | None:
        """The pace (s/km) prescribed for a zone, or None when running by effort."""
        if zone is PaceZone.RACE:
            return self.race_s_per_km
        if self.athlete is None:
            return None
        return _zone_pace(self.athlete, zone)

    def timing_pace(self, zone: PaceZone | None) -> float:
        """The pace (s/km) used to time a step: the slow end of a range."""
        if zone is None or zone is PaceZone.EASY:
            return self.timing.easy_max_s_per_km
        if zone is PaceZone.RACE:
            return self.race_timing_s_per_km
        return _zone_pace(self.timing, zone)


def _zone_pace(paces: running.TrainingPaces, zone: PaceZone) -> float:
    if zone is PaceZone.MARATHON:
        return paces.marathon_s_per_km
    if zone is PaceZone.THRESHOLD:
        return paces.threshold_s_per_km
    if zone is PaceZone.INTERVAL:
        return paces.interval_s_per_km
    if zone is PaceZone.REPETITION:
        return paces.repetition_s_per_km
    return paces.easy_max_s_per_km


def _paces(profile: AthleteProfile, baseline: Baseline) -> _Paces:
    timing = baseline.paces or running.training_paces(vdot=CONSERVATIVE_VDOT)
    race = profile.goal.race
    race_pace: float | None = None
    race_timing = timing.marathon_s_per_km
    if race is not None:
        km = race.distance_m / METRES_PER_KM
        predicted = _predicted_time_s(baseline.vdot, race.distance_m)
        if race.target_time_s is not None:
            race_pace = race.target_time_s / km
        elif predicted is not None:
            race_pace = predicted / km
        conservative = _predicted_time_s(CONSERVATIVE_VDOT, race.distance_m)
        fallback = race_pace or (None if conservative is None else conservative / km)
        race_timing = fallback or timing.easy_max_s_per_km
    return _Paces(
        athlete=baseline.paces,
        timing=timing,
        race_s_per_km=race_pace,
        race_timing_s_per_km=race_timing,
        source=_pace_source(profile, baseline),
        race_words=_race_words(profile, baseline),
    )


def _distance_words(distance_m: float) -> str:
    """A race distance as an athlete says it: "5 km", "half marathon", "15 km"."""
    named = {5000.0: "5 km", 10000.0: "10 km", 21097.5: "half marathon", 42195.0: "marathon"}
    for metres, words in named.items():
        if abs(distance_m - metres) < 1.0:
            return words
    return f"{distance_m / METRES_PER_KM:g} km"


def _pace_source(profile: AthleteProfile, baseline: Baseline) -> str:
    """The fitness the training paces come from, in the athlete's words."""
    race = profile.running.recent_race
    if race is None or baseline.vdot is None:
        return ""
    return (
        f"your {_distance_words(race.distance_m)} of {format_duration(race.time_s)} "
        f"(VDOT {baseline.vdot:.1f})"
    )


def _race_words(profile: AthleteProfile, baseline: Baseline) -> str:
    """Where the race pace comes from: the target time, or the VDOT prediction."""
    race = profile.goal.race
    if race is None:
        return "race pace"
    if race.target_time_s is not None:
        return f"goal pace for {format_duration(race.target_time_s)}"
    predicted = _predicted_time_s(baseline.vdot, race.distance_m)
    if predicted is None or baseline.vdot is None:
        return "race effort"
    return (
        f"race pace for {format_duration(predicted)}, the {_distance_words(race.distance_m)} "
        f"your VDOT {baseline.vdot:.1f} predicts"
    )


def _predicted_time_s(vdot: float | None, distance_m: float) -> float | None:
    if vdot is None or not running.MIN_VDOT <= vdot <= running.MAX_VDOT:
        return None
    if not running.MIN_RACE_DISTANCE_M <= distance_m <= running.MAX_RACE_DISTANCE_M:
        return None
    return running.race_time_s(vdot=vdot, distance_m=distance_m)


# --- steps ---


def step_km(step: RunStep, *, timing_s_per_km: float) -> float:
    """A step's distance: as given, else its duration at ``timing_s_per_km``."""
    if step.distance_m is not None:
        return step.distance_m / METRES_PER_KM
    return (step.duration_s or 0.0) / timing_s_per_km


def _flat(steps: Sequence[RunStep | RunRepeat]) -> list[RunStep]:
    out: list[RunStep] = []
    for item in steps:
        if isinstance(item, RunRepeat):
            for _ in range(item.count):
                out.extend(item.steps)
        else:
            out.append(item)
    return out


def _totals(steps: Sequence[RunStep | RunRepeat], paces: _Paces) -> tuple[float, float]:
    """Distance (km) and time (s) of a run, timing each step at the slow end of its zone."""
    km = 0.0
    seconds = 0.0
    for step in _flat(steps):
        pace = paces.timing_pace(step.zone)
        distance = step_km(step, timing_s_per_km=pace)
        km += distance
        seconds += step.duration_s if step.duration_s is not None else distance * pace
    return km, seconds


def _easy(kind: StepKind, km: float, paces: _Paces, what: str) -> RunStep:
    fast = None if paces.athlete is None else paces.athlete.easy_min_s_per_km
    slow = None if paces.athlete is None else paces.athlete.easy_max_s_per_km
    metres = math.floor(km * METRES_PER_KM + 1e-6)
    cue = (
        EFFORT[PaceZone.EASY]
        if fast is None or slow is None
        else f"E {format_pace(fast)}-{format_pace(slow)}"
    )
    return RunStep(
        kind=kind,
        distance_m=float(metres),
        zone=PaceZone.EASY,
        pace_fast_s_per_km=fast,
        pace_slow_s_per_km=slow,
        description=f"{what} {metres / METRES_PER_KM:.1f} km easy ({cue})",
    )


def _at_zone(zone: PaceZone, paces: _Paces, *, metres: float, what: str = "") -> RunStep:
    pace = paces.target(zone)
    cue = EFFORT[zone] if pace is None else format_pace(pace)
    label = what or f"{metres:g} m"
    where = paces.race_words if zone is PaceZone.RACE else ZONE_LETTER[zone]
    return RunStep(
        kind=StepKind.WORK,
        distance_m=metres,
        zone=zone,
        pace_fast_s_per_km=pace,
        pace_slow_s_per_km=pace,
        description=f"{label} at {where} ({cue})",
    )


def _jog(*, seconds: float | None = None, metres: float | None = None, what: str) -> RunStep:
    return RunStep(
        kind=StepKind.RECOVERY,
        duration_s=seconds,
        distance_m=metres,
        description=what,
    )


@dataclass(frozen=True, slots=True)
class _Option:
    """One way to cut the work into reps: the rep, its recovery, and their distances."""

    label: str
    work: RunStep
    recovery: RunStep
    work_km: float
    recovery_km: float


def _recovery(
    menu: RepMenu, *, metres: float | None, seconds: float | None, paces: _Paces
) -> RunStep:
    """The recovery after one rep of ``menu``, as its table row says."""
    kind = menu.recovery
    if kind is Recovery.JOG_S:
        return _jog(seconds=menu.recovery_amount, what=menu.recovery_words)
    if kind is Recovery.JOG_REP_TIME and metres is not None:
        rep_s = metres / METRES_PER_KM * paces.timing_pace(menu.zone)
        jog_s = 10.0 * math.ceil(rep_s / 10.0)
        return _jog(seconds=jog_s, what=f"{format_duration(jog_s)} {menu.recovery_words}")
    if kind is Recovery.JOG_REP_DISTANCE and metres is not None:
        return _jog(metres=metres, what=f"{metres:g} m {menu.recovery_words}")
    if kind is Recovery.JOG_TWICE_REP_TIME and seconds is not None:
        return _jog(seconds=2 * seconds, what=f"{2 * seconds:g} s {menu.recovery_words}")
    return _jog(metres=menu.recovery_amount, what=menu.recovery_words)


def _options(workout: Workout, paces: _Paces, klass: str | None) -> tuple[PaceZone, list[_Option]]:
    """The ways to cut ``workout`` into reps, longest rep first (:data:`REP_MENUS`)."""
    menu = REP_MENUS[workout]
    easy = paces.timing_pace(None)
    out = []
    for metres in menu.reps_for(klass):
        recovery = _recovery(menu, metres=metres, seconds=None, paces=paces)
        work = (
            _at_zone(menu.zone, paces, metres=metres)
            if not menu.work_words
            else RunStep(
                kind=StepKind.WORK,
                distance_m=metres,
                zone=menu.zone,
                description=f"{metres:g} m {menu.work_words}",
            )
        )
        out.append(
            _Option(
                label=f"{metres:g} m{menu.label_words}",
                work=work,
                recovery=recovery,
                work_km=metres / METRES_PER_KM,
                recovery_km=step_km(recovery, timing_s_per_km=easy),
            )
        )
    for seconds in menu.rep_seconds:
        recovery = _recovery(menu, metres=None, seconds=seconds, paces=paces)
        out.append(
            _Option(
                label=f"{seconds:g} s{menu.label_words}",
                work=RunStep(
                    kind=StepKind.WORK,
                    duration_s=seconds,
                    zone=menu.zone,
                    description=f"{seconds:g} s {menu.work_words}",
                ),
                recovery=recovery,
                work_km=seconds / paces.timing_pace(menu.zone),
                recovery_km=step_km(recovery, timing_s_per_km=easy),
            )
        )
    return menu.zone, out


@dataclass(frozen=True, slots=True)
class _Built:
    steps: tuple[RunStep | RunRepeat, ...]
    title: str
    zone: PaceZone
    work_km: float
    cap_km: float


def _fitted_reps(option: _Option, *, wanted_km: float, run_km: float, easy_min_km: float) -> int:
    """Reps of ``option`` within ``wanted_km`` that leave ``easy_min_km`` of easy running."""
    reps = min(MAX_REPS, math.floor(wanted_km / option.work_km + 1e-9))
    while reps > 1 and run_km - reps * (option.work_km + option.recovery_km) < easy_min_km:
        reps -= 1
    return reps


def _choose(
    options: Sequence[_Option], *, wanted_km: float, run_km: float, min_reps: int
) -> tuple[int, _Option] | None:
    """Reps and rep length: at least ``min_reps`` reps, fitting the run; None if none can.

    The longest rep whose total comes within 85 % of the most work any rep length
    allows (so 4 x 1000 m beats 2 x 1600 m under a 4.3 km cap, while 6 x 30 s
    beats 10 x 20 s).
    """
    easy_min = min(MAX_EASY_AROUND_KM, EASY_AROUND_SHARE * run_km)
    totals = []
    for option in options:
        reps = _fitted_reps(option, wanted_km=wanted_km, run_km=run_km, easy_min_km=easy_min)
        if reps >= min_reps:
            totals.append((reps * option.work_km, reps, option))
    if not totals:
        return None
    most = max(total for total, _, _ in totals)
    return next(
        (reps, option) for total, reps, option in totals if total >= REP_CHOICE_SHARE * most - 1e-9
    )


def _structured(
    workout: Workout,
    *,
    run_km: float,
    week_km: float,
    share: float,
    paces: _Paces,
    klass: str | None,
    cut: bool = False,
) -> _Built | None:
    """Warm-up, reps of work with recoveries, cool-down, filling ``run_km`` exactly.

    At least the workout's usual reps (``MIN_REPS``), or ``FEWEST_REPS`` when ``cut``;
    None when the week's cap or the run cannot hold that many.
    """
    zone, options = _options(workout, paces, klass)
    cap = session_cap_km(zone=zone, week_km=week_km)
    least = FEWEST_REPS if cut else MIN_REPS[workout]
    chosen = _choose(options, wanted_km=share * cap, run_km=run_km, min_reps=least)
    if chosen is None:
        return None
    reps, option = chosen
    easy = run_km - reps * (option.work_km + option.recovery_km)
    if easy < 0:
        return None
    warmup = math.floor(easy * WARMUP_SHARE * 10 + 1e-9) / 10
    steps: list[RunStep | RunRepeat] = []
    if warmup > 0:
        steps.append(_easy(StepKind.WARMUP, warmup, paces, "Warm up"))
    steps.append(RunRepeat(count=reps, steps=(option.work, option.recovery)))
    cooldown = easy - warmup
    if cooldown * METRES_PER_KM >= 1:
        steps.append(_easy(StepKind.COOLDOWN, cooldown, paces, "Cool down"))
    return _Built(
        steps=tuple(steps),
        title=f"{TITLES[workout]} {reps} x {option.label}",
        zone=zone,
        work_km=reps * option.work_km,
        cap_km=cap,
    )


def _marathon_long(*, long_km: float, week_km: float, share: float, paces: _Paces) -> _Built | None:
    cap = session_cap_km(zone=PaceZone.MARATHON, week_km=week_km)
    marathon_km = math.floor(min(share * long_km, cap) * 10 + 1e-9) / 10
    if marathon_km < MIN_MARATHON_SEGMENT_KM:
        return None
    steady = long_km - marathon_km
    steps: tuple[RunStep | RunRepeat, ...] = (
        _easy(StepKind.STEADY, steady, paces, "Run"),
        _at_zone(
            PaceZone.MARATHON,
            paces,
            metres=marathon_km * METRES_PER_KM,
            what=f"{marathon_km:.1f} km",
        ),
    )
    return _Built(
        steps=steps,
        title=f"Long run {long_km:.1f} km with {marathon_km:.1f} km at M",
        zone=PaceZone.MARATHON,
        work_km=marathon_km,
        cap_km=cap,
    )


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
    paces: _Paces,
    hard_count: int,
    cut: bool,
) -> _Draft | None:
    race = profile.goal.race
    klass = None if race is None else race_class(race.distance_m)
    share = 1.0 if workout is Workout.SHARPENER else _work_share(week)
    built = _structured(
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


def _pace_lines(paces: _Paces, zone: PaceZone | None = None) -> list[str]:
    """Where the run's paces come from, in words the athlete knows."""
    if paces.athlete is None:
        lines = [_effort_line()]
    else:
        lines = [f"Paces: from {paces.source}, Daniels' tables ({DANIELS_2014})"]
    if zone is PaceZone.RACE and paces.race_s_per_km is not None:
        lines.append(f"Race-pace work at {paces.race_words}: {format_pace(paces.race_s_per_km)}")
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
    paces: _Paces,
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
        _marathon_long(
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
        steps = (_easy(StepKind.STEADY, long_km, paces, "Run"),)
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
    *, run_km: float, week: WeekOutline, profile: AthleteProfile, paces: _Paces
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
        steps=(_easy(StepKind.STEADY, run_km, paces, "Run"),),
        key=key,
        rules=_week_rules(week),
        explanation=tuple(lines),
        allowed_dates=week.dates.medium_long,
    )


def _easy_draft(
    *, run_km: float, week: WeekOutline, paces: _Paces, note: str | None = None
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
        steps=(_easy(StepKind.STEADY, run_km, paces, "Run"),),
        key=False,
        rules=_week_rules(week),
        explanation=tuple(lines),
        allowed_dates=week.dates.easy,
    )


def _shakeout_draft(*, run_km: float, week: WeekOutline, paces: _Paces) -> _Draft:
    """The day before the race: an easy jog of 20-30 min ending with a few strides."""
    stride = RunStep(
        kind=StepKind.WORK,
        duration_s=STRIDE_S,
        description=f"{STRIDE_S:g} s stride: quick, relaxed and tall, not a sprint",
    )
    recovery = _jog(seconds=STRIDE_RECOVERY_S, what=f"{STRIDE_RECOVERY_S:g} s easy jog or walk")
    strides_km = STRIDES * (STRIDE_S + STRIDE_RECOVERY_S) / paces.timing_pace(None)
    steps: tuple[RunStep | RunRepeat, ...] = (
        _easy(StepKind.STEADY, run_km - strides_km, paces, "Jog"),
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
    week: WeekOutline, profile: AthleteProfile, baseline: Baseline, paces: _Paces
) -> _Draft:
    race = profile.goal.race
    if race is None:
        raise InvalidInput("goal.race", None, "a race week needs a race goal")
    klass = race_class(race.distance_m)
    name = RACE_NAMES[klass] if klass != "5k" or race.distance_m >= 4000 else "race"
    steps: list[RunStep | RunRepeat] = []
    if RACE_WARMUP_KM[klass] > 0:
        steps.append(_easy(StepKind.WARMUP, RACE_WARMUP_KM[klass], paces, "Warm up"))
    pace = paces.race_s_per_km
    km = race.distance_m / METRES_PER_KM
    steps.append(
        RunStep(
            kind=StepKind.WORK,
            distance_m=race.distance_m,
            zone=PaceZone.RACE,
            pace_fast_s_per_km=pace,
            pace_slow_s_per_km=pace,
            description=f"Race {km:.1f} km"
            + ("" if pace is None else f" at {format_pace(pace)} ({format_duration(pace * km)})"),
        )
    )
    if RACE_COOLDOWN_KM[klass] > 0:
        steps.append(_easy(StepKind.COOLDOWN, RACE_COOLDOWN_KM[klass], paces, "Cool down"))
    predicted = _predicted_time_s(baseline.vdot, race.distance_m)
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
    lines.append("RUN-3: the race is fixed on its date; everything else fits around it (G3, G4)")
    rules = tuple(dict.fromkeys((*_week_rules(week), "PER-2", "RUN-3")))
    return _Draft(
        kind=RunKind.RACE,
        title=f"Race: {name}",
        steps=tuple(steps),
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
    paces: _Paces,
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
    paces = _paces(profile, baseline)
    race_week = week.phase is Phase.RACE
    split = _split(week)
    hard_wanted = max(0, week.quality_sessions - (1 if race_week else 0))
    chosen = list(_workouts(week, profile)[:hard_wanted])
    long_quality = Workout.MARATHON_LONG in chosen
    if long_quality:
        chosen.remove(Workout.MARATHON_LONG)
        viable = _marathon_long(
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


def _finish(draft: _Draft, number: int, week: WeekOutline, paces: _Paces) -> PlannedRun:
    km, seconds = _totals(draft.steps, paces)
    minutes = seconds / SECONDS_PER_MINUTE
    rpe = RPE[draft.kind]
    if draft.kind is RunKind.LONG and (draft.hard or minutes > HARD_LONG_MIN):
        rpe = LONG_HARD_RPE
    basis = "by effort (no race result)" if paces.athlete is None else f"paces from {paces.source}"
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
