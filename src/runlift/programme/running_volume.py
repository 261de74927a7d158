"""How far and how often the athlete runs: targets, runs a week, a week's shape, the time budget.

* **Targets**: a race's peak by its distance, the athlete's running habit and
  priority (Daniels 2014; Rasmussen 2013; Wilson 2012); other goals' ceilings or
  aims; the starting distance (``setup_for``).
* **Runs a week**: one per 8 km within the goal's range, none under 2 km
  (``runs_for``).
* **A week's shape** (``week_shape``): the long run (Daniels 2014: 30 % and
  150 min; 40 % with three runs; a marathon's 40 %, 3 h and 32 km, Pfitzinger &
  Douglas 2009; RUN-1: 1 h when muscle comes first), never shorter than the other
  runs and within its window, and a marathon build's medium-long run.
* **Time**: every build week fits 75 % of the available hours, the secondary
  modality giving way first (RUN-3).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from runlift.domain.athlete import AthleteProfile
from runlift.domain.sessions import HARD_RUN_MIN_DURATION_MIN
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.programme.blocks import race_class, running_experience, training_experience
from runlift.programme.periodisation_tables import (
    AVAILABLE_TIME_SHARE,
    CONSERVATIVE_VDOT,
    KM_PER_RUN,
    LIFT_SESSION_ESTIMATE_MIN,
    LONG_RUN_MAX_MIN,
    LONG_RUN_SHARE_MAX,
    MARATHON_LONG_RUN_MAX_KM,
    MARATHON_LONG_RUN_MAX_MIN,
    MARATHON_LONG_RUN_SHARE,
    MEDIUM_LONG_LEAD,
    MEDIUM_LONG_MAX_MIN,
    MEDIUM_LONG_MIN_RUNS,
    MEDIUM_LONG_OF_LONG,
    MIN_RUN_KM,
    MIN_RUNS_FOR_LONG,
    MIXED_LONG_RUN_MAX_MIN,
    MUSCLE_GOALS,
    MUSCLE_LONG_RUN_MAX_MIN,
    MUSCLE_LONG_RUN_SHARE,
    NON_RACE_TARGET_KM,
    RACE_PEAK_KM,
    RACE_PEAK_PRIORITY_FACTOR,
    RUN_OVERHEAD_MIN,
    RUNS_RANGE,
    SHAKEOUT_MIN,
    SLOT_MIN,
    START_KM_PER_RUN,
    THREE_RUN_LONG_SHARE,
)
from runlift.programme.training_days import (
    DayRoom,
    day_room,
    session_dates,
    window_cap_min,
    window_minutes,
)
from runlift.rules.catalogue.lifting import LFT_6
from runlift.rules.catalogue.scheduling import SCH_7
from runlift.rules.checkers.sch_7 import max_lifts
from runlift.rules.priority import priority_first, sch3_is_hard
from runlift.science import running
from runlift.units import SECONDS_PER_MINUTE
from runlift.vocabulary import Experience, GoalKind, LiftingStyle, Modality, Priority


def goal_group(goal: GoalKind) -> str:
    """Group goals by how they treat running: race, muscle, fat_loss or general."""
    if goal is GoalKind.RACE:
        return "race"
    if goal in MUSCLE_GOALS:
        return "muscle"
    if goal is GoalKind.FAT_LOSS:
        return "fat_loss"
    return "general"


def muscle_first(profile: AthleteProfile) -> bool:
    """Whether muscle comes first: a strength or hypertrophy goal, or lifting priority.

    Then lifting blocks cut running (RUN-2); a runner's strength block holds it.
    """
    return profile.goal.kind in MUSCLE_GOALS or profile.goal.priority is Priority.LIFTING


def slot_min(minutes: float) -> int:
    """Round a duration up to the 15-minute placement grid (never below one slot)."""
    return max(SLOT_MIN, math.ceil(minutes / SLOT_MIN - 1e-4) * SLOT_MIN)


def timing_paces(profile: AthleteProfile) -> running.TrainingPaces:
    """Paces used to estimate durations: from the recent race, else at the slowest table VDOT.

    Without a race result the runs are prescribed by effort (see
    ``running_prescription``); these paces only size the time they take, erring long.
    """
    race = profile.running.recent_race
    vdot = None if race is None else running.vdot(distance_m=race.distance_m, time_s=race.time_s)
    if vdot is None or not running.MIN_VDOT <= vdot <= running.MAX_VDOT:
        # Off Daniels' tables (a 5 km slower than about 30 min): timed as without a race,
        # as the baseline prescribes such a runner by effort.
        return running.training_paces(vdot=CONSERVATIVE_VDOT)
    return running.training_paces(vdot=vdot)


def estimated_run_min(*, distance_km: float, easy_max_s_per_km: float) -> float:
    """Time budgeted for a run: its distance at the slow end of easy pace plus a small overhead.

    Every structured run ``running_prescription`` writes takes no longer than this:
    its faster parts only shorten it.
    """
    return distance_km * easy_max_s_per_km / SECONDS_PER_MINUTE + RUN_OVERHEAD_MIN


def shakeout_km(easy_max_s_per_km: float) -> float:
    """Distance of the shakeout on the day before a race: 25 min at the slow end of easy."""
    return floor_tenth(SHAKEOUT_MIN * SECONDS_PER_MINUTE / easy_max_s_per_km)


def training_run_distances_km(
    *,
    volume_km: float,
    training_runs: int,
    long_run_km: float,
    medium_long_km: float = 0.0,
    shakeout_km: float = 0.0,
) -> tuple[float, ...]:
    """Split a week's distance over its training runs.

    In order: the long run, the medium-long run, the other runs sharing the rest
    equally, and the shakeout before a race. The race is not a training run.
    Without a long run (``long_run_km`` 0) and shakeout all runs are equal.
    """
    if training_runs <= 0 or volume_km <= 0:
        return ()
    if training_runs == 1:
        return (volume_km,)
    fixed = tuple(km for km in (long_run_km, medium_long_km) if km > 0)
    last = (shakeout_km,) if shakeout_km > 0 else ()
    others = training_runs - len(fixed) - len(last)
    if others <= 0:
        return (*fixed, *last)
    rest = (volume_km - sum(fixed) - sum(last)) / others
    return (*fixed, *((rest,) * others), *last)


@dataclass(frozen=True, slots=True)
class Setup:
    """What the whole plan's running and lifting start from, once fitted to the athlete's time.

    Attributes:
        group: how the goal treats running (``goal_group``).
        race_class: 5k, 10k, half or marathon; None without a race.
        runs_low: fewest runs a week; runs_high: most.
        lifts: lifts a week after fitting; lifts_asked: what the profile asks;
            lifts_low: SCH-7's (or LFT-6's) fewest.
        start_km: the first week's distance; target_km: the peak or aim.
        time_cap_km: the most a build week may run to fit the time budget.
        easy_max_s_per_km: the slow end of easy pace, which times the runs.
        budget_min: 75 % of the available minutes a week.
        first: the modality that goes first on a shared day.
        time_notes: what fitting into the time cut, one note each.
        style: the lifting style.
        muscle_first: a muscle goal or lifting priority (RUN-2 applies).
        experience: the experience that spaces the deloads.
        windows_min: the longest window of each weekday, Monday first.
        room: what the windows hold under RL-1 and SCH-1.
        long_window_min: the longest window of a plain week, which holds the long run.
        medium_long_window_min: the longest window left for a medium-long run.
        order: the modality SCH-3 puts first on a shared day when the goal makes the
            order a hard rule (strength, hypertrophy, race), else None.
        rest_days_min: the athlete's rest days a week (SCH-10), which no week gives up.
        most_runs: the most training runs a build week's days hold with the plan's lifts,
            which the running distance is fitted to.
    """

    group: str
    race_class: str | None
    runs_low: int
    runs_high: int
    lifts: int
    lifts_asked: int
    lifts_low: int
    start_km: float
    target_km: float
    time_cap_km: float | None
    easy_max_s_per_km: float
    budget_min: float
    first: Modality | None
    time_notes: tuple[str, ...]
    style: LiftingStyle
    muscle_first: bool
    experience: Experience
    windows_min: tuple[int, ...]
    room: DayRoom
    long_window_min: int
    medium_long_window_min: int
    order: Modality | None = None
    rest_days_min: int = 0
    most_runs: int = 7

    def runs_held(self, lifts: int, explosive: int = 0) -> int:
        """Most training runs the week's days hold with ``lifts`` lifts (never below one)."""
        return max(
            1,
            self.room.runs_for(
                lifts, explosive=explosive, first=self.order, rest_days_min=self.rest_days_min
            ),
        )


def floor_tenth(value: float) -> float:
    """``value`` rounded down to 0.1 (km)."""
    return math.floor(value * 10 + 1e-9) / 10


def runs_for(volume_km: float, low: int, high: int) -> int:
    """Runs for a week of ``volume_km``: one per 8 km within ``low``-``high``, none under 2 km."""
    if volume_km <= 0:
        return 0
    by_volume = max(low, math.ceil(volume_km / KM_PER_RUN - 1e-9))
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9))
    return max(1, min(by_volume, by_length, high))


def _long_limits(setup: Setup, runs: int) -> tuple[float, float]:
    """Share of the week and minutes the long run may take (Daniels 2014; P&D 2009; RUN-1)."""
    if setup.group == "muscle":
        return MUSCLE_LONG_RUN_SHARE, MUSCLE_LONG_RUN_MAX_MIN
    if setup.race_class == "marathon":
        return MARATHON_LONG_RUN_SHARE, MARATHON_LONG_RUN_MAX_MIN
    share = THREE_RUN_LONG_SHARE if runs == MIN_RUNS_FOR_LONG else LONG_RUN_SHARE_MAX
    cap = LONG_RUN_MAX_MIN if setup.group == "race" else MIXED_LONG_RUN_MAX_MIN
    return share, cap


def _km_in(minutes: float, setup: Setup, *, overhead: bool) -> float:
    """Distance run in ``minutes`` at the slow end of easy pace (less the run's overhead)."""
    usable = minutes - (RUN_OVERHEAD_MIN if overhead else 0.0)
    return max(0.0, usable * SECONDS_PER_MINUTE / setup.easy_max_s_per_km)


@dataclass(frozen=True, slots=True)
class Shape:
    """A week's long and medium-long runs, 0 where it has none."""

    long_km: float = 0.0
    medium_long_km: float = 0.0


def week_shape(
    volume_km: float,
    runs: int,
    setup: Setup,
    *,
    long_window_min: int,
    medium_long_window_min: int,
) -> Shape:
    """The long run and the medium-long run of a week of ``runs`` runs (shakeout excluded).

    The long run takes what its share of the week, its time cap and its window allow;
    when that is no longer than the other runs would be, the week has no long run
    and its runs are equal. A marathon build of five runs or more adds a
    medium-long run of 70 % of the long run when it stands out from the easy runs
    and leaves each of them at least ``KM_PER_RUN``.
    """
    if runs < MIN_RUNS_FOR_LONG or long_window_min <= 0:
        return Shape()
    share, cap_min = _long_limits(setup, runs)
    cap_km = min(
        _km_in(cap_min, setup, overhead=False), _km_in(long_window_min, setup, overhead=True)
    )
    if setup.race_class == "marathon":
        cap_km = min(cap_km, MARATHON_LONG_RUN_MAX_KM)
    long_km = floor_tenth(min(share * volume_km, cap_km))
    if long_km <= volume_km / runs + 1e-9:
        return Shape()
    if setup.race_class != "marathon" or runs < MEDIUM_LONG_MIN_RUNS:
        return Shape(long_km=long_km)
    ml_cap = min(
        # With its overhead it still takes no more than 90 minutes: it stays an easy run.
        _km_in(MEDIUM_LONG_MAX_MIN, setup, overhead=True),
        _km_in(medium_long_window_min, setup, overhead=True),
    )
    medium = floor_tenth(min(MEDIUM_LONG_OF_LONG * long_km, ml_cap))
    rest = (volume_km - long_km - medium) / (runs - 2)
    if medium < MEDIUM_LONG_LEAD * rest or rest < KM_PER_RUN:
        return Shape(long_km=long_km)
    return Shape(long_km=long_km, medium_long_km=medium)


def runs_fit_windows(distances_km: Sequence[float], setup: Setup) -> bool:
    """Whether each run, timed at the slow end of easy pace, has a weekday window of its own.

    The longest run takes the longest window, the next the next longest, and so on: a
    week never asks for runs that only the weekend's windows could hold, one a day (RL-1).
    Only the longest may last more than 90 minutes, past which a run counts as hard.
    """
    need = sorted(
        (
            slot_min(estimated_run_min(distance_km=d, easy_max_s_per_km=setup.easy_max_s_per_km))
            for d in distances_km
        ),
        reverse=True,
    )
    have = sorted(setup.windows_min, reverse=True)
    # Past 90 minutes a run counts as hard (GUIDELINES.md): only the long run may go on so
    # long, or the week's easy runs would add loaded days of their own (RL-3).
    return (
        len(need) <= len(have)
        and all(n <= h for n, h in zip(need, have, strict=False))
        and all(n <= HARD_RUN_MIN_DURATION_MIN for n in need[1:])
    )


def week_distances_km(volume_km: float, runs: int, setup: Setup) -> tuple[float, ...]:
    """A plain week's training runs by distance: its long and medium-long runs, the rest equal."""
    shape = week_shape(
        volume_km,
        runs,
        setup,
        long_window_min=setup.long_window_min,
        medium_long_window_min=setup.medium_long_window_min,
    )
    return training_run_distances_km(
        volume_km=volume_km,
        training_runs=runs,
        long_run_km=shape.long_km,
        medium_long_km=shape.medium_long_km,
    )


def fitting_runs(volume_km: float, fewest: int, most: int, setup: Setup) -> int | None:
    """The fewest runs from ``fewest`` to ``most`` whose week fits the windows, else None.

    More runs make each shorter: a week whose equal shares are too long for the
    weekday windows takes another run when its days hold one. No run is shorter than
    ``MIN_RUN_KM``.
    """
    longest = max(fewest, min(most, math.floor(volume_km / MIN_RUN_KM + 1e-9)))
    for runs in range(max(1, fewest), longest + 1):
        if runs_fit_windows(week_distances_km(volume_km, runs, setup), setup):
            return runs
    return None


def _build_week_minutes(volume_km: float, lifts: int, setup: Setup) -> int:
    most = min(setup.runs_high, setup.most_runs)
    runs = min(runs_for(volume_km, setup.runs_low, setup.runs_high), most)
    runs = fitting_runs(volume_km, runs, most, setup) or runs
    shape = week_shape(
        volume_km,
        runs,
        setup,
        long_window_min=setup.long_window_min,
        medium_long_window_min=setup.medium_long_window_min,
    )
    distances = training_run_distances_km(
        volume_km=volume_km,
        training_runs=runs,
        long_run_km=shape.long_km,
        medium_long_km=shape.medium_long_km,
    )
    run_min = sum(
        slot_min(estimated_run_min(distance_km=d, easy_max_s_per_km=setup.easy_max_s_per_km))
        for d in distances
    )
    return run_min + lifts * LIFT_SESSION_ESTIMATE_MIN


def _week_fits(volume_km: float, lifts: int, setup: Setup, *, windows: bool = True) -> bool:
    """Whether a build week of ``volume_km`` fits the time budget and its runs the windows."""
    if _build_week_minutes(volume_km, lifts, setup) > setup.budget_min:
        return False
    if not windows:
        return True
    most = min(setup.runs_high, setup.most_runs)
    runs = min(runs_for(volume_km, setup.runs_low, setup.runs_high), most)
    return fitting_runs(volume_km, runs, most, setup) is not None


def _max_volume_km(lifts: int, setup: Setup, ceiling_km: float, *, windows: bool = True) -> float:
    """Largest weekly distance (0.1 km grid, at most ``ceiling_km``) whose week fits.

    The week fits when its sessions take at most the time budget and, with ``windows``,
    each of its runs has a window long enough for it (:func:`fitting_runs`).
    """
    low, high = 0, math.floor(ceiling_km * 10 + 1e-9)
    if _week_fits(high / 10, lifts, setup, windows=windows):
        return high / 10
    if lifts * LIFT_SESSION_ESTIMATE_MIN > setup.budget_min:
        return -1.0
    while high - low > 1:
        middle = (low + high) // 2
        if _week_fits(middle / 10, lifts, setup, windows=windows):
            low = middle
        else:
            high = middle
    return low / 10


def _race_peak_km(profile: AthleteProfile, distance_m: float) -> float:
    current = profile.running.weekly_km
    novice, intermediate, advanced = RACE_PEAK_KM[race_class(distance_m)]
    level = running_experience(current)
    table = {
        Experience.NOVICE: novice,
        Experience.INTERMEDIATE: intermediate,
        Experience.ADVANCED: advanced,
    }[level]
    return max(table * RACE_PEAK_PRIORITY_FACTOR[profile.goal.priority], current)


def setup_for(
    profile: AthleteProfile,
    start: date,
    *,
    explosive_for: Callable[[int], int] = lambda lifts: 0,
) -> Setup:
    """The plan's starting numbers, fitted to 75 % of the available time and the windows.

    ``explosive_for(lifts)`` says how many of a week's lifts open with jumps (SCH-9),
    which take days of their own when the run must come first.

    Raises:
        InvalidInput: a negative weekly distance or lift count, or windows that cannot
            hold even two lifts and the shortest runs.
    """
    goal = profile.goal
    group = goal_group(goal.kind)
    current = profile.running.weekly_km
    if not math.isfinite(current) or current < 0:
        raise InvalidInput("running.weekly_km", current, "a distance of 0 km or more")
    asked = profile.lifting.sessions_per_week
    if isinstance(asked, bool) or asked < 0:
        raise InvalidInput("lifting.sessions_per_week", asked, "0 or more")
    context = WeekContext(goal=goal.kind, priority=goal.priority, profile=profile.evidence_profile)
    style = profile.lifting.style
    lifts_low = round(SCH_7.param("min_per_week", profile.evidence_profile))
    lifts_high = max_lifts(context)
    if style is LiftingStyle.RUNNER_SPECIFIC:
        # LFT-6 (G5): 2-3 runner-specific sessions a week, whatever the priority.
        lifts_low = max(lifts_low, round(LFT_6.param("sessions_min", profile.evidence_profile)))
        lifts_high = min(lifts_high, round(LFT_6.param("sessions_max", profile.evidence_profile)))
    lifts = 0 if asked == 0 else min(max(asked, lifts_low), lifts_high)
    runs_low, runs_high = RUNS_RANGE[group][goal.priority]
    start_floor = runs_low * START_KM_PER_RUN
    if group == "race" and goal.race is not None:
        klass: str | None = race_class(goal.race.distance_m)
        target = _race_peak_km(profile, goal.race.distance_m)
        start_km = max(current, start_floor)
    elif group == "muscle":
        klass = None
        target = NON_RACE_TARGET_KM[group][goal.priority]
        start_km = min(max(current, start_floor), target)
    else:
        klass = None
        target = max(NON_RACE_TARGET_KM[group][goal.priority], current)
        start_km = max(current, start_floor)
    target = max(target, start_km)
    available_min = profile.available_hours_per_week * 60
    windows = window_minutes(profile)
    typical = session_dates(week_start=start, windows_min=windows)
    setup = Setup(
        group=group,
        race_class=klass,
        runs_low=runs_low,
        runs_high=runs_high,
        lifts=lifts,
        lifts_asked=asked,
        lifts_low=min(lifts, lifts_low),
        start_km=floor_tenth(start_km),
        target_km=floor_tenth(target),
        time_cap_km=None,
        easy_max_s_per_km=timing_paces(profile).easy_max_s_per_km,
        budget_min=AVAILABLE_TIME_SHARE * available_min,
        first=priority_first(context),
        time_notes=(),
        style=style,
        muscle_first=muscle_first(profile),
        experience=training_experience(profile),
        windows_min=windows,
        room=day_room(profile),
        long_window_min=window_cap_min(typical.long, windows),
        medium_long_window_min=window_cap_min(typical.medium_long, windows),
        order=priority_first(context) if sch3_is_hard(context) else None,
        rest_days_min=profile.rest_days_min,
    )
    return _fit_to_time(setup, available_min, explosive_for)


def _fit_to_time(setup: Setup, available_min: float, explosive_for: Callable[[int], int]) -> Setup:
    """Fit the build weeks into 75 % of the available time, cutting the secondary modality first.

    Running first: lifts go down to SCH-7's minimum before running distance is
    capped. Lifting (or neither) first: running distance is capped down to its
    floor before lifts go. Too little time even then is an input error. The distance
    is also capped so that each run of a build week has a window long enough for it
    (``explosive_for(lifts)``: the lifts with jumps, which need days of their own).
    """

    def with_lifts(count: int) -> Setup:
        return replace(setup, most_runs=setup.runs_held(count, explosive_for(count)))

    lifts = setup.lifts
    floor_km = setup.runs_low * MIN_RUN_KM
    notes: list[str] = []
    if setup.first is Modality.RUN:
        while (
            lifts > setup.lifts_low
            and _build_week_minutes(setup.target_km, lifts, setup) > setup.budget_min
        ):
            lifts -= 1
        cap = _max_volume_km(lifts, with_lifts(lifts), setup.target_km)
    else:
        cap = _max_volume_km(lifts, with_lifts(lifts), setup.target_km)
        while cap < floor_km and lifts > setup.lifts_low:
            lifts -= 1
            cap = _max_volume_km(lifts, with_lifts(lifts), setup.target_km)
    setup = with_lifts(lifts)
    time_cap = _max_volume_km(lifts, setup, setup.target_km, windows=False)
    if cap < floor_km:
        need_h = _build_week_minutes(floor_km, setup.lifts_low, setup) / AVAILABLE_TIME_SHARE / 60
        raise InvalidInput(
            "availability",
            f"{available_min / 60:g} h a week",
            f"at least {need_h:.1f} h a week are needed for {setup.lifts_low} lifts and "
            f"{setup.runs_low} short runs (sessions take at most "
            f"{AVAILABLE_TIME_SHARE:.0%} of the available time)",
        )
    budget_h = setup.budget_min / 60
    if lifts < setup.lifts:
        notes.append(
            f"RUN-3: running comes first, so lifts drop from {setup.lifts} to {lifts} a week to "
            f"fit {budget_h:.1f} h ({AVAILABLE_TIME_SHARE:.0%} of the available time)"
        )
    if cap < min(setup.target_km, time_cap):
        notes.append(
            f"RL-1: running distance is capped at {cap:g} km a week (aim {setup.target_km:g} "
            "km) so that each run has a window long enough for it, one run a day, and none "
            "but the long run lasts more than 90 minutes, past which a run counts as hard"
        )
    elif cap < setup.target_km:
        reason = (
            "RUN-3: running comes first and lifts are already at SCH-7's minimum, so"
            if setup.first is Modality.RUN
            else "Lifting comes first (SCH-3), so"
        )
        notes.append(
            f"{reason} running distance is capped at {cap:g} km a week (aim {setup.target_km:g} "
            f"km) to fit {budget_h:.1f} h ({AVAILABLE_TIME_SHARE:.0%} of the available time)"
        )
    return Setup(
        group=setup.group,
        race_class=setup.race_class,
        runs_low=setup.runs_low,
        runs_high=setup.runs_high,
        lifts=lifts,
        lifts_asked=setup.lifts_asked,
        lifts_low=setup.lifts_low,
        start_km=min(setup.start_km, cap),
        target_km=min(setup.target_km, cap),
        time_cap_km=cap,
        easy_max_s_per_km=setup.easy_max_s_per_km,
        budget_min=setup.budget_min,
        first=setup.first,
        time_notes=tuple(notes),
        style=setup.style,
        muscle_first=setup.muscle_first,
        experience=setup.experience,
        windows_min=setup.windows_min,
        room=setup.room,
        long_window_min=setup.long_window_min,
        medium_long_window_min=setup.medium_long_window_min,
        order=setup.order,
        rest_days_min=setup.rest_days_min,
        most_runs=setup.most_runs,
    )
