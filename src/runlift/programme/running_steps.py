"""How one run is written: its paces and its steps.

* **Paces** (``paces_for``) come from the baseline's VDOT (Daniels 2014) and say
  where they come from ("your 10 km of 50:30 (VDOT 39.5)", "goal pace for
  1:45:00"); without a race result the steps go by effort (Persinger 2004) and
  are timed at VDOT 30.
* **Steps**: easy running, work at a zone, recoveries, and the structured
  sessions (``structured``): a warm-up, reps of work with their recoveries cut
  from :data:`runlift.programme.running_workouts.REP_MENUS` within Daniels'
  per-session caps, and a cool-down; a marathon long run with its M-pace part
  (``marathon_long``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from runlift.domain.athlete import AthleteProfile
from runlift.domain.prescription import RunRepeat, RunStep
from runlift.programme.baseline import Baseline
from runlift.programme.periodisation_tables import CONSERVATIVE_VDOT
from runlift.programme.running_workouts import (
    EASY_AROUND_SHARE,
    EFFORT,
    FEWEST_REPS,
    MAX_EASY_AROUND_KM,
    MAX_REPS,
    MIN_MARATHON_SEGMENT_KM,
    MIN_REPS,
    REP_CHOICE_SHARE,
    REP_MENUS,
    SESSION_CAP_KM,
    SESSION_CAP_SHARE,
    TITLES,
    WARMUP_SHARE,
    ZONE_LETTER,
    Recovery,
    RepMenu,
    Workout,
)
from runlift.science import running
from runlift.units import METRES_PER_KM, format_duration, format_pace
from runlift.vocabulary import PaceZone, StepKind


def session_cap_km(*, zone: PaceZone, week_km: float) -> float:
    """Most work at ``zone`` in one session of a week of ``week_km`` (Daniels 2014).

    Zones without a cap (easy) return the whole week.
    """
    share = SESSION_CAP_SHARE.get(zone)
    if share is None:
        return week_km
    return min(share * week_km, SESSION_CAP_KM.get(zone, math.inf))


@dataclass(frozen=True, slots=True)
class Paces:
    """The paces a week's runs are written and timed at.

    Attributes:
        athlete: the athlete's training paces; None without a race result.
        timing: paces that time the steps (the athlete's, or VDOT 30's).
        race_s_per_km: the race pace (target, or prediction); None without either.
        race_timing_s_per_km: the pace that times race-pace work.
        source: where the training paces come from ("your 10 km of 50:30 (VDOT 39.5)").
        race_words: where the race pace comes from ("goal pace for 1:45:00").
    """

    athlete: running.TrainingPaces | None
    timing: running.TrainingPaces
    race_s_per_km: float | None
    race_timing_s_per_km: float
    source: str = ""
    race_words: str = "race pace"

    def target(self, zone: PaceZone) -> float | None:
        """The pace (s/km) prescribed for a zone, or None when running by effort."""
        if zone is PaceZone.RACE:
            return self.race_s_per_km
        if self.athlete is None:
            return None
        return zone_pace(self.athlete, zone)

    def timing_pace(self, zone: PaceZone | None) -> float:
        """The pace (s/km) used to time a step: the slow end of a range."""
        if zone is None or zone is PaceZone.EASY:
            return self.timing.easy_max_s_per_km
        if zone is PaceZone.RACE:
            return self.race_timing_s_per_km
        return zone_pace(self.timing, zone)


def zone_pace(paces: running.TrainingPaces, zone: PaceZone) -> float:
    """The pace (s/km) of ``zone`` in ``paces``; easy gives its slow end."""
    if zone is PaceZone.MARATHON:
        return paces.marathon_s_per_km
    if zone is PaceZone.THRESHOLD:
        return paces.threshold_s_per_km
    if zone is PaceZone.INTERVAL:
        return paces.interval_s_per_km
    if zone is PaceZone.REPETITION:
        return paces.repetition_s_per_km
    return paces.easy_max_s_per_km


def paces_for(profile: AthleteProfile, baseline: Baseline) -> Paces:
    """The athlete's training, timing and race paces, with where they come from."""
    timing = baseline.paces or running.training_paces(vdot=CONSERVATIVE_VDOT)
    race = profile.goal.race
    race_pace: float | None = None
    race_timing = timing.marathon_s_per_km
    if race is not None:
        km = race.distance_m / METRES_PER_KM
        predicted = predicted_time_s(baseline.vdot, race.distance_m)
        if race.target_time_s is not None:
            race_pace = race.target_time_s / km
        elif predicted is not None:
            race_pace = predicted / km
        conservative = predicted_time_s(CONSERVATIVE_VDOT, race.distance_m)
        fallback = race_pace or (None if conservative is None else conservative / km)
        race_timing = fallback or timing.easy_max_s_per_km
    return Paces(
        athlete=baseline.paces,
        timing=timing,
        race_s_per_km=race_pace,
        race_timing_s_per_km=race_timing,
        source=_pace_source(profile, baseline),
        race_words=_race_words(profile, baseline),
    )


def distance_words(distance_m: float) -> str:
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
        f"your {distance_words(race.distance_m)} of {format_duration(race.time_s)} "
        f"(VDOT {baseline.vdot:.1f})"
    )


def _race_words(profile: AthleteProfile, baseline: Baseline) -> str:
    """Where the race pace comes from: the target time, or the VDOT prediction."""
    race = profile.goal.race
    if race is None:
        return "race pace"
    if race.target_time_s is not None:
        return f"goal pace for {format_duration(race.target_time_s)}"
    predicted = predicted_time_s(baseline.vdot, race.distance_m)
    if predicted is None or baseline.vdot is None:
        return "race effort"
    return (
        f"race pace for {format_duration(predicted)}, the {distance_words(race.distance_m)} "
        f"your VDOT {baseline.vdot:.1f} predicts"
    )


def predicted_time_s(vdot: float | None, distance_m: float) -> float | None:
    """The VDOT prediction for ``distance_m``, or None outside Daniels' tables."""
    if vdot is None or not running.MIN_VDOT <= vdot <= running.MAX_VDOT:
        return None
    if not running.MIN_RACE_DISTANCE_M <= distance_m <= running.MAX_RACE_DISTANCE_M:
        return None
    return running.race_time_s(vdot=vdot, distance_m=distance_m)


def step_km(step: RunStep, *, timing_s_per_km: float) -> float:
    """A step's distance: as given, else its duration at ``timing_s_per_km``."""
    if step.distance_m is not None:
        return step.distance_m / METRES_PER_KM
    return (step.duration_s or 0.0) / timing_s_per_km


def flat_steps(steps: Sequence[RunStep | RunRepeat]) -> list[RunStep]:
    """The steps with every repeat written out."""
    out: list[RunStep] = []
    for item in steps:
        if isinstance(item, RunRepeat):
            for _ in range(item.count):
                out.extend(item.steps)
        else:
            out.append(item)
    return out


def totals(steps: Sequence[RunStep | RunRepeat], paces: Paces) -> tuple[float, float]:
    """Distance (km) and time (s) of a run, timing each step at the slow end of its zone."""
    km = 0.0
    seconds = 0.0
    for step in flat_steps(steps):
        pace = paces.timing_pace(step.zone)
        distance = step_km(step, timing_s_per_km=pace)
        km += distance
        seconds += step.duration_s if step.duration_s is not None else distance * pace
    return km, seconds


def easy_step(kind: StepKind, km: float, paces: Paces, what: str) -> RunStep:
    """``km`` of easy running: the E range, or by effort without a race result."""
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


def zone_step(zone: PaceZone, paces: Paces, *, metres: float, what: str = "") -> RunStep:
    """``metres`` of work at ``zone``'s pace (by effort without one)."""
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


def jog_step(*, seconds: float | None = None, metres: float | None = None, what: str) -> RunStep:
    """A recovery jog, by time or distance, without a pace."""
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
    menu: RepMenu, *, metres: float | None, seconds: float | None, paces: Paces
) -> RunStep:
    """The recovery after one rep of ``menu``, as its table row says."""
    kind = menu.recovery
    if kind is Recovery.JOG_S:
        return jog_step(seconds=menu.recovery_amount, what=menu.recovery_words)
    if kind is Recovery.JOG_REP_TIME and metres is not None:
        rep_s = metres / METRES_PER_KM * paces.timing_pace(menu.zone)
        jog_s = 10.0 * math.ceil(rep_s / 10.0)
        return jog_step(seconds=jog_s, what=f"{format_duration(jog_s)} {menu.recovery_words}")
    if kind is Recovery.JOG_REP_DISTANCE and metres is not None:
        return jog_step(metres=metres, what=f"{metres:g} m {menu.recovery_words}")
    if kind is Recovery.JOG_TWICE_REP_TIME and seconds is not None:
        return jog_step(seconds=2 * seconds, what=f"{2 * seconds:g} s {menu.recovery_words}")
    return jog_step(metres=menu.recovery_amount, what=menu.recovery_words)


def _options(workout: Workout, paces: Paces, klass: str | None) -> tuple[PaceZone, list[_Option]]:
    """The ways to cut ``workout`` into reps, longest rep first (:data:`REP_MENUS`)."""
    menu = REP_MENUS[workout]
    easy = paces.timing_pace(None)
    out = []
    for metres in menu.reps_for(klass):
        recovery = _recovery(menu, metres=metres, seconds=None, paces=paces)
        work = (
            zone_step(menu.zone, paces, metres=metres)
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
class Built:
    """A structured run: its steps, title, work zone, work done and the session's cap."""

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


def structured(
    workout: Workout,
    *,
    run_km: float,
    week_km: float,
    share: float,
    paces: Paces,
    klass: str | None,
    cut: bool = False,
) -> Built | None:
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
        steps.append(easy_step(StepKind.WARMUP, warmup, paces, "Warm up"))
    steps.append(RunRepeat(count=reps, steps=(option.work, option.recovery)))
    cooldown = easy - warmup
    if cooldown * METRES_PER_KM >= 1:
        steps.append(easy_step(StepKind.COOLDOWN, cooldown, paces, "Cool down"))
    return Built(
        steps=tuple(steps),
        title=f"{TITLES[workout]} {reps} x {option.label}",
        zone=zone,
        work_km=reps * option.work_km,
        cap_km=cap,
    )


def marathon_long(*, long_km: float, week_km: float, share: float, paces: Paces) -> Built | None:
    """A long run whose last part is at marathon pace; None when that part is under 1 km."""
    cap = session_cap_km(zone=PaceZone.MARATHON, week_km=week_km)
    marathon_km = math.floor(min(share * long_km, cap) * 10 + 1e-9) / 10
    if marathon_km < MIN_MARATHON_SEGMENT_KM:
        return None
    steady = long_km - marathon_km
    steps: tuple[RunStep | RunRepeat, ...] = (
        easy_step(StepKind.STEADY, steady, paces, "Run"),
        zone_step(
            PaceZone.MARATHON,
            paces,
            metres=marathon_km * METRES_PER_KM,
            what=f"{marathon_km:.1f} km",
        ),
    )
    return Built(
        steps=steps,
        title=f"Long run {long_km:.1f} km with {marathon_km:.1f} km at M",
        zone=PaceZone.MARATHON,
        work_km=marathon_km,
        cap_km=cap,
    )
