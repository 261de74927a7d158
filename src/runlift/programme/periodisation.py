"""Periodisation: the weeks of a plan, grouped into blocks, with their running volume and sessions.

:func:`outline_plan` turns an athlete profile into one :class:`WeekOutline` per
week, from the first Monday on or after ``start_date`` to the race week, the
strength-test week or the last of the goal's weeks. ``docs/periodisation.md``
gives the model, its numbers and their sources (the numbers are the tables of
:mod:`runlift.programme.periodisation_tables`); in short:

* **Blocks** (mesocycles, PER-1) end in a deload (PER-3) every 5-8 weeks for a
  novice, 4-6 for an intermediate and 3-5 for an advanced athlete. They
  alternate a running focus (running volume builds, lifting is maintained) with
  a lifting focus (strength or hypertrophy); muscle goals alternate strength
  and hypertrophy and keep maintenance running throughout. The last block
  carries the goal (PER-2): a race block ending in a progressive taper and race
  week, a strength peaking block ending in the test week, or an ordinary block.
* **Running volume** starts from the athlete's weekly km, rises at most 10 % a
  week (Nielsen 2014; Buist 2008) towards a peak set by the goal, the race
  distance and the athlete's running habit, drops about 22 % on deloads, falls
  week on week through a taper of 7-10 days (5-10 km), 10-14 (half marathon) or
  14-21 (marathon) (Mujika & Padilla 2003; Bosquet 2007), and is capped so that
  every week's sessions fit in 75 % of the athlete's available time. When
  muscle comes first, lifting blocks cut it (RUN-2); runners hold it.
* **Sessions**: lifts from ``lifting.sessions_per_week`` within SCH-7's 2-3 (up
  to 4 when lifting comes first); runs from the week's volume within a range set
  by the goal and priority, and no more than the athlete's windows hold under
  RL-1 and SCH-1 and, near a race or test, no more than its allowed days hold
  (:mod:`runlift.programme.training_days`); a long run in the week's longest
  window (up to 29-31 km in a marathon build, with a midweek medium-long run),
  and hard runs by goal (Seiler 2010; RUN-1).
* **Lifting style** ``runner_specific`` (``lifting.style``): no strength or
  hypertrophy block and no test week. The earlier blocks alternate running
  volume with the goal's own focus (race-specific for a race), every week's
  lifts are the runner-specific work of LFT-6 (``LiftEmphasis.RUNNER_SPECIFIC``)
  and there are 2-3 of them a week (LFT-6, G5). Strength and hypertrophy goals
  need the full style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from runlift.domain.athlete import AthleteProfile
from runlift.domain.quantities import quantity
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.programme.blocks import (
    Frame,
    first_monday,
    plan_calendar,
    plan_frames,
    race_class,
    running_experience,
    taper_weeks,
    training_experience,
    week_monday,
)
from runlift.programme.periodisation_tables import (
    AVAILABLE_TIME_SHARE,
    BOSQUET_2007,
    CONSERVATIVE_VDOT,
    DAYS_PER_WEEK,
    DELOAD_LIFT_FACTOR,
    DELOAD_SPACING_WEEKS,
    DELOAD_VOLUME_FACTOR,
    FOCUS_WORDS,
    KM_PER_RUN,
    LIFT_SESSION_ESTIMATE_MIN,
    LIFT_VOLUME_FACTOR,
    LIFTING_BLOCK_RUN_FACTOR,
    LIFTING_FOCI,
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
    PRE_RACE_DAYS_FULL,
    RACE_PEAK_KM,
    RACE_PEAK_PRIORITY_FACTOR,
    RACE_WEEK_LIFT_FACTOR,
    RACE_WEEK_REST_DAYS,
    RAMP_NOTE,
    RUN_OVERHEAD_MIN,
    RUNNER_SPECIFIC_BUILD_LIFT_FACTOR,
    RUNNER_SPECIFIC_FOCUS_WORDS,
    RUNS_RANGE,
    SHAKEOUT_MIN,
    SLOT_MIN,
    START_KM_PER_RUN,
    TAPER_FREQUENCY_KEPT,
    TAPER_LIFT_FACTOR,
    TAPER_SHARES,
    TEST_WEEK_LIFT_FACTOR,
    TEST_WEEK_RUN_FACTOR,
    THREE_RUN_LONG_SHARE,
    WEEKLY_RAMP_MAX,
)
from runlift.programme.training_days import (
    DayRoom,
    SessionDates,
    day_room,
    hard_days_in,
    run_days_in,
    session_dates,
    window_cap_min,
    window_minutes,
)
from runlift.rules.catalogue.lifting import LFT_6
from runlift.rules.catalogue.scheduling import SCH_7
from runlift.rules.checkers.sch_7 import max_lifts
from runlift.rules.priority import priority_first
from runlift.science import running
from runlift.units import SECONDS_PER_MINUTE
from runlift.vocabulary import (
    BlockFocus,
    Experience,
    GoalKind,
    LiftingStyle,
    Modality,
    Phase,
    Priority,
)

__all__ = [
    "DayRoom",
    "LiftEmphasis",
    "SessionDates",
    "WeekOutline",
    "day_room",
    "first_monday",
    "outline_plan",
    "race_class",
    "taper_weeks",
    "week_monday",
]


class LiftEmphasis(StrEnum):
    """What the week's lifts aim at; the lifting prescription picks its templates from it."""

    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    MAINTENANCE = "maintenance"
    RUNNER = "runner"
    PEAK_TEST = "peak_test"
    RUNNER_SPECIFIC = "runner_specific"
    """Only the runner-specific work of LFT-6, every week (``lifting.style: runner_specific``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekOutline:
    """One week of the plan before its sessions are written.

    Attributes:
        index: 0-based week number.
        start: the week's Monday.
        block: 0-based mesocycle number.
        focus: what the block emphasises (PER-1); the last block carries the goal (PER-2).
        phase: BUILD, DELOAD, TAPER, RACE (race week) or TEST (strength test week).
        deload: True on a deload week.
        run_volume_km: planned training distance of the week. In race week the race itself
            is not included: this is the distance of the other runs.
        long_run_km: distance of the long run, 0 when the week has none. Never shorter than
            the week's other runs.
        quality_sessions: hard runs this week (0-2); in race week the race counts as one.
        runs: running sessions this week, the race included.
        lifts: lifting sessions this week (SCH-7).
        lift_emphasis: what the lifts aim at.
        lift_volume_factor: 1.0 normal; about 0.5 on deloads and in the taper (intensity
            kept); lower in hard running blocks (LFT-4).
        week_in_block: 0-based position in the block; progression restarts after a deload.
        weeks_to_goal: weeks from this one to the goal week (0 in the goal week).
        rules: IDs of the rules that shaped this week.
        notes: one line per reason, each naming its rule ID or source.
        goal_date: the race day, or the strength test day (the goal's date, else the
            Saturday of the last week); the goal's date for other goals, if any.
        medium_long_km: a marathon build's midweek medium-long run, 0 when none.
        shakeout_km: the easy jog with strides on the day before the race, when that day
            falls in this week and has a window; 0 otherwise.
        peaking: a week of a strength goal's peaking block: the lifts climb towards the
            test's heavy singles while their volume falls; the test week follows.
        dates: the dates each kind of session may take (the long run's longest window;
            near a race or a test, the days around it).
    """

    index: int
    start: date
    block: int
    focus: BlockFocus
    phase: Phase
    deload: bool
    run_volume_km: float
    long_run_km: float
    quality_sessions: int
    runs: int
    lifts: int
    lift_emphasis: LiftEmphasis
    lift_volume_factor: float
    week_in_block: int
    weeks_to_goal: int
    rules: tuple[str, ...]
    notes: tuple[str, ...]
    goal_date: date | None = None
    medium_long_km: float = 0.0
    shakeout_km: float = 0.0
    peaking: bool = False
    dates: SessionDates = field(default_factory=SessionDates)

    def days_to_goal(self, day: date) -> int | None:
        """Days from ``day`` to the goal day (0 on it, negative after it); None without one."""
        return None if self.goal_date is None else (self.goal_date - day).days


# --- numbers of the model (docs/periodisation.md gives their sources) ---


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
    if race is None:
        return running.training_paces(vdot=CONSERVATIVE_VDOT)
    return running.training_paces(vdot=running.vdot(distance_m=race.distance_m, time_s=race.time_s))


def estimated_run_min(*, distance_km: float, easy_max_s_per_km: float) -> float:
    """Time budgeted for a run: its distance at the slow end of easy pace plus a small overhead.

    Every structured run ``running_prescription`` writes takes no longer than this:
    its faster parts only shorten it.
    """
    return distance_km * easy_max_s_per_km / SECONDS_PER_MINUTE + RUN_OVERHEAD_MIN


def shakeout_km(easy_max_s_per_km: float) -> float:
    """Distance of the shakeout on the day before a race: 25 min at the slow end of easy."""
    return _floor_tenth(SHAKEOUT_MIN * SECONDS_PER_MINUTE / easy_max_s_per_km)


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


def week_run_distances_km(week: WeekOutline) -> tuple[float, ...]:
    """The week's training runs by distance (``training_run_distances_km`` of its outline)."""
    return training_run_distances_km(
        volume_km=week.run_volume_km,
        training_runs=week.runs - (1 if week.phase is Phase.RACE else 0),
        long_run_km=week.long_run_km,
        medium_long_km=week.medium_long_km,
        shakeout_km=week.shakeout_km,
    )


def planned_week_minutes(week: WeekOutline, *, easy_max_s_per_km: float) -> int:
    """Minutes budgeted for a week's training sessions (the race excluded), on the 15-min grid."""
    run_min = sum(
        slot_min(estimated_run_min(distance_km=d, easy_max_s_per_km=easy_max_s_per_km))
        for d in week_run_distances_km(week)
    )
    return run_min + week.lifts * LIFT_SESSION_ESTIMATE_MIN


def _runs_in_room(runs: int, lifts: int, room: DayRoom, *, race_week: bool) -> int:
    """``runs`` training runs cut to what the windows hold (never below one)."""
    most = room.runs_for(lifts) - (1 if race_week else 0)
    return min(runs, max(1, most)) if runs > 0 else 0


def _room_note(asked: int, runs: int, lifts: int, room: DayRoom) -> str:
    return (
        f"RL-1: {quantity(runs, 'training runs')} instead of {asked}, sharing the week's "
        f"distance: the windows hold one run and one lift a day on {quantity(room.days, 'days')}, "
        f"and a lift and a run {room.min_gap_h:g} h apart (SCH-1) on {room.double_days} of them, "
        f"{quantity(room.sessions, 'sessions')} in all with {quantity(lifts, 'lifts')}"
    )


# --- running volume and session counts ---


@dataclass(frozen=True, slots=True)
class _Setup:
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


def _floor_tenth(value: float) -> float:
    return math.floor(value * 10 + 1e-9) / 10


def _runs_for(volume_km: float, low: int, high: int) -> int:
    if volume_km <= 0:
        return 0
    by_volume = max(low, math.ceil(volume_km / KM_PER_RUN - 1e-9))
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9))
    return max(1, min(by_volume, by_length, high))


def _long_limits(setup: _Setup, runs: int) -> tuple[float, float]:
    """Share of the week and minutes the long run may take (Daniels 2014; P&D 2009; RUN-1)."""
    if setup.group == "muscle":
        return MUSCLE_LONG_RUN_SHARE, MUSCLE_LONG_RUN_MAX_MIN
    if setup.race_class == "marathon":
        return MARATHON_LONG_RUN_SHARE, MARATHON_LONG_RUN_MAX_MIN
    share = THREE_RUN_LONG_SHARE if runs == MIN_RUNS_FOR_LONG else LONG_RUN_SHARE_MAX
    cap = LONG_RUN_MAX_MIN if setup.group == "race" else MIXED_LONG_RUN_MAX_MIN
    return share, cap


def _km_in(minutes: float, setup: _Setup, *, overhead: bool) -> float:
    """Distance run in ``minutes`` at the slow end of easy pace (less the run's overhead)."""
    usable = minutes - (RUN_OVERHEAD_MIN if overhead else 0.0)
    return max(0.0, usable * SECONDS_PER_MINUTE / setup.easy_max_s_per_km)


@dataclass(frozen=True, slots=True)
class _Shape:
    long_km: float = 0.0
    medium_long_km: float = 0.0


def _shape(
    volume_km: float,
    runs: int,
    setup: _Setup,
    *,
    long_window_min: int,
    medium_long_window_min: int,
) -> _Shape:
    """The long run and the medium-long run of a week of ``runs`` runs (shakeout excluded).

    The long run takes what its share of the week, its time cap and its window allow;
    when that is no longer than the other runs would be, the week has no long run
    and its runs are equal. A marathon build of five runs or more adds a
    medium-long run of 70 % of the long run when it stands out from the easy runs
    and leaves each of them at least ``KM_PER_RUN``.
    """
    if runs < MIN_RUNS_FOR_LONG or long_window_min <= 0:
        return _Shape()
    share, cap_min = _long_limits(setup, runs)
    cap_km = min(
        _km_in(cap_min, setup, overhead=False), _km_in(long_window_min, setup, overhead=True)
    )
    if setup.race_class == "marathon":
        cap_km = min(cap_km, MARATHON_LONG_RUN_MAX_KM)
    long_km = _floor_tenth(min(share * volume_km, cap_km))
    if long_km <= volume_km / runs + 1e-9:
        return _Shape()
    if setup.race_class != "marathon" or runs < MEDIUM_LONG_MIN_RUNS:
        return _Shape(long_km=long_km)
    ml_cap = min(
        _km_in(MEDIUM_LONG_MAX_MIN, setup, overhead=False),
        _km_in(medium_long_window_min, setup, overhead=True),
    )
    medium = _floor_tenth(min(MEDIUM_LONG_OF_LONG * long_km, ml_cap))
    rest = (volume_km - long_km - medium) / (runs - 2)
    if medium < MEDIUM_LONG_LEAD * rest or rest < KM_PER_RUN:
        return _Shape(long_km=long_km)
    return _Shape(long_km=long_km, medium_long_km=medium)


def _build_week_minutes(volume_km: float, lifts: int, setup: _Setup) -> int:
    runs = _runs_for(volume_km, setup.runs_low, setup.runs_high)
    shape = _shape(
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


def _max_volume_km(lifts: int, setup: _Setup, ceiling_km: float) -> float:
    """Largest weekly distance (0.1 km grid, at most ``ceiling_km``) whose week fits the budget."""
    low, high = 0, math.floor(ceiling_km * 10 + 1e-9)
    if _build_week_minutes(high / 10, lifts, setup) <= setup.budget_min:
        return high / 10
    if lifts * LIFT_SESSION_ESTIMATE_MIN > setup.budget_min:
        return -1.0
    while high - low > 1:
        middle = (low + high) // 2
        if _build_week_minutes(middle / 10, lifts, setup) <= setup.budget_min:
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


def _setup(profile: AthleteProfile, start: date) -> _Setup:
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
    setup = _Setup(
        group=group,
        race_class=klass,
        runs_low=runs_low,
        runs_high=runs_high,
        lifts=lifts,
        lifts_asked=asked,
        lifts_low=min(lifts, lifts_low),
        start_km=_floor_tenth(start_km),
        target_km=_floor_tenth(target),
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
    )
    return _fit_to_time(setup, available_min)


def _fit_to_time(setup: _Setup, available_min: float) -> _Setup:
    """Fit the build weeks into 75 % of the available time, cutting the secondary modality first.

    Running first: lifts go down to SCH-7's minimum before running distance is
    capped. Lifting (or neither) first: running distance is capped down to its
    floor before lifts go. Too little time even then is an input error.
    """
    lifts = setup.lifts
    floor_km = setup.runs_low * MIN_RUN_KM
    notes: list[str] = []
    if setup.first is Modality.RUN:
        while (
            lifts > setup.lifts_low
            and _build_week_minutes(setup.target_km, lifts, setup) > setup.budget_min
        ):
            lifts -= 1
        cap = _max_volume_km(lifts, setup, setup.target_km)
    else:
        cap = _max_volume_km(lifts, setup, setup.target_km)
        while cap < floor_km and lifts > setup.lifts_low:
            lifts -= 1
            cap = _max_volume_km(lifts, setup, setup.target_km)
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
    if cap < setup.target_km:
        reason = (
            "RUN-3: running comes first and lifts are already at SCH-7's minimum, so"
            if setup.first is Modality.RUN
            else "Lifting comes first (SCH-3), so"
        )
        notes.append(
            f"{reason} running distance is capped at {cap:g} km a week (aim {setup.target_km:g} "
            f"km) to fit {budget_h:.1f} h ({AVAILABLE_TIME_SHARE:.0%} of the available time)"
        )
    return _Setup(
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
    )


def _volumes(frames: Sequence[Frame], setup: _Setup, race_day: date | None) -> list[float]:
    """Running distance per week: ramp, hold or cut by focus; deload, taper and race-week cuts.

    The taper's weeks are shares of the last build week before it (``TAPER_SHARES``),
    race week's scaled down when the race leaves fewer than six days before it.
    """
    volumes: list[float] = []
    level = setup.start_km
    pre_taper = level
    for index, frame in enumerate(frames):
        previous = frames[index - 1] if index else None
        if frame.phase is Phase.BUILD:
            if frame.focus in LIFTING_FOCI:
                entering = previous is None or previous.focus not in LIFTING_FOCI
                if setup.muscle_first and entering:
                    level = _floor_tenth(level * LIFTING_BLOCK_RUN_FACTOR[frame.focus])
            elif previous is not None and previous.phase is Phase.BUILD:
                level = min(setup.target_km, _floor_tenth(level * (1 + WEEKLY_RAMP_MAX)))
            volume = level
            pre_taper = volume
        elif frame.phase is Phase.DELOAD:
            volume = _floor_tenth(level * DELOAD_VOLUME_FACTOR)
        elif frame.phase in {Phase.TAPER, Phase.RACE} and setup.race_class is not None:
            share = TAPER_SHARES[setup.race_class][frame.weeks_out]
            if frame.phase is Phase.RACE and race_day is not None:
                share *= race_day.weekday() / PRE_RACE_DAYS_FULL
            volume = _floor_tenth(pre_taper * share)
        else:
            volume = _floor_tenth(level * TEST_WEEK_RUN_FACTOR)
        volumes.append(volume)
    return volumes


def _taper_runs(volume_km: float, peak_runs: int, setup: _Setup) -> int:
    """Training runs in a taper or race week: frequency kept near the peak's (Bosquet 2007).

    At least 80 % of the peak week's runs, none shorter than ``MIN_RUN_KM``; race
    week's are fewer when its days before the race run out (``_week_runs``).
    """
    by_volume = _runs_for(volume_km, setup.runs_low, setup.runs_high)
    kept = math.ceil(TAPER_FREQUENCY_KEPT * peak_runs - 1e-9)
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9)) if volume_km > 0 else 0
    return max(0, min(max(by_volume, kept), by_length, setup.runs_high))


def _quality(frame: Frame, runs: int, shape: _Shape, setup: _Setup) -> int:
    """Hard runs in the week (the race and the shakeout excluded), by goal, focus and phase.

    Race, fat-loss and general plans keep at least one easy run besides the long
    run (Seiler 2010); muscle-first plans may make every short run a hard one (RUN-1).
    Lifting blocks keep one hard run when muscle comes first (RUN-2) and the usual
    one or two otherwise. A marathon plan's race-specific long run carries
    marathon-pace work and counts.
    """
    if frame.phase is Phase.TEST or runs == 0:
        return 0
    lifting_first = frame.focus in LIFTING_FOCI and setup.muscle_first
    if frame.phase in {Phase.RACE, Phase.DELOAD} or lifting_first:
        wanted = 1
    elif setup.group == "muscle":
        wanted = 2
    elif setup.group == "race" and frame.focus is BlockFocus.RACE_SPECIFIC:
        wanted = 2 if runs >= 4 else 1
    else:
        wanted = 2 if runs >= 5 else 1
    long_is_quality = (
        setup.race_class == "marathon"
        and frame.focus is BlockFocus.RACE_SPECIFIC
        and frame.phase in {Phase.BUILD, Phase.TAPER}
        and shape.long_km > 0
    )
    others = runs - (1 if shape.long_km > 0 else 0) - (1 if shape.medium_long_km > 0 else 0)
    keep_easy = 1 if setup.group != "muscle" and others >= 2 else 0
    return max(0, min(wanted, others - keep_easy + (1 if long_is_quality else 0)))


def _lifts_in(frame: Frame, setup: _Setup) -> int:
    if frame.phase is Phase.RACE and setup.lifts > setup.lifts_low:
        return setup.lifts_low
    return setup.lifts


def _lift_emphasis(frame: Frame, style: LiftingStyle) -> LiftEmphasis:
    if style is LiftingStyle.RUNNER_SPECIFIC:
        return LiftEmphasis.RUNNER_SPECIFIC
    if frame.phase is Phase.TEST:
        return LiftEmphasis.PEAK_TEST
    if frame.phase in {Phase.TAPER, Phase.RACE}:
        return LiftEmphasis.RUNNER
    focus = frame.focus
    if focus is BlockFocus.STRENGTH:
        return LiftEmphasis.STRENGTH
    if focus in {BlockFocus.HYPERTROPHY, BlockFocus.GENERAL}:
        return LiftEmphasis.HYPERTROPHY
    if focus is BlockFocus.RACE_SPECIFIC:
        return LiftEmphasis.RUNNER
    return LiftEmphasis.MAINTENANCE


def _lift_factor(frame: Frame, style: LiftingStyle) -> float:
    if frame.phase is Phase.DELOAD:
        return DELOAD_LIFT_FACTOR
    if frame.phase is Phase.TAPER:
        return TAPER_LIFT_FACTOR
    if frame.phase is Phase.RACE:
        return RACE_WEEK_LIFT_FACTOR
    if frame.phase is Phase.TEST:
        return TEST_WEEK_LIFT_FACTOR
    if style is LiftingStyle.RUNNER_SPECIFIC:
        return RUNNER_SPECIFIC_BUILD_LIFT_FACTOR
    return LIFT_VOLUME_FACTOR[frame.focus]


# --- one week's runs ---


@dataclass(frozen=True, slots=True)
class _Runs:
    """A week's running: its distance, runs and their shape, and why runs were cut."""

    volume_km: float
    asked: int
    training: int
    shape: _Shape
    shakeout_km: float
    quality: int
    notes: tuple[str, ...]


def _race_week_room(dates: SessionDates, *, lifts: int, setup: _Setup, start: date) -> int:
    """Runs race week holds when its runs and lifts keep to days of their own.

    Race week shares no day between a run and a lift: it stays light, and the
    lifts need no gap (SCH-1) or order (SCH-3, SCH-9) next to a run.
    """
    week = [start + timedelta(days=offset) for offset in range(DAYS_PER_WEEK)]
    run_days = set(dates.easy if dates.easy is not None else week) | set(dates.shakeout)
    lift_days = (
        set(dates.lifts)
        if dates.lifts is not None
        else {d for d in week if setup.windows_min[d.weekday()] >= LIFT_SESSION_ESTIMATE_MIN}
    )
    return max(0, min(len(run_days), len(run_days | lift_days) - lifts))


def _week_runs(
    frame: Frame,
    volume: float,
    *,
    lifts: int,
    dates: SessionDates,
    setup: _Setup,
    peak_runs: int,
    pre_race_days: int | None,
    start: date,
    run_cap_km: float | None = None,
) -> _Runs:
    """How many runs the week has, its long, medium-long and shakeout runs, and its hard runs.

    Race week holds no more runs than its days before the race can take apart from
    the lifts, and none longer than ``run_cap_km`` (the week before's runs).
    """
    race_week = frame.phase is Phase.RACE
    asked = _runs_for(volume, setup.runs_low, setup.runs_high)
    if frame.phase in {Phase.TAPER, Phase.RACE}:
        asked = _taper_runs(volume, peak_runs, setup)
    training = _runs_in_room(asked, lifts, setup.room, race_week=race_week)
    notes: list[str] = []
    if training < asked:
        notes.append(_room_note(asked, training, lifts, setup.room))
    held = run_days_in(dates, run_days=training)
    if race_week:
        held = min(held, _race_week_room(dates, lifts=lifts, setup=setup, start=start))
        if pre_race_days is not None and pre_race_days > RACE_WEEK_REST_DAYS:
            held = min(held, pre_race_days - RACE_WEEK_REST_DAYS)
    if held < training:
        notes.append(
            f"{quantity(held, 'training runs')} instead of {training}: near the goal day only "
            f"{quantity(held, 'days')} with a window may hold a run, one a day (RL-1; "
            "Pfitzinger & Douglas 2009)"
        )
        training = held
    shake = 0.0
    longest = shakeout_km(setup.easy_max_s_per_km)
    if run_cap_km is not None:
        longest = min(longest, run_cap_km)
    while training > 0 and dates.shakeout:
        room_km = volume - MIN_RUN_KM * (training - 1)
        shake = _floor_tenth(min(longest, room_km))
        if shake >= MIN_RUN_KM:
            break
        shake = 0.0
        training -= 1
    if training <= 0 or volume <= 0:
        return _Runs(0.0, asked, 0, _Shape(), 0.0, 0, tuple(notes))
    if training == 1 and shake > 0:
        volume = shake
    if race_week and run_cap_km is not None:
        # Fewer runs than the week before, none of them longer than its runs.
        volume = min(volume, _floor_tenth(shake + (training - (shake > 0)) * run_cap_km))
    runs = training - (1 if shake > 0 else 0)
    shape = _Shape()
    if not race_week:
        shape = _shape(
            volume - shake,
            runs,
            setup,
            long_window_min=window_cap_min(dates.long, setup.windows_min),
            medium_long_window_min=window_cap_min(dates.medium_long, setup.windows_min),
        )
    quality = _quality(frame, runs, shape, setup)
    quality = min(quality, hard_days_in(dates, run_days=quality))
    return _Runs(volume, asked, training, shape, shake, quality, tuple(notes))


# --- explanation ---


@dataclass(frozen=True, slots=True)
class _Told:
    """What one week's notes speak of."""

    volume: float
    previous_volume: float | None
    pre_taper: float
    lifts: int
    factor: float
    runs: _Runs
    goal_day: date | None


def _spacing_words(setup: _Setup) -> str:
    lo, hi, _ = DELOAD_SPACING_WEEKS[setup.experience]
    return (
        f"a deload every {lo}-{hi} weeks for an athlete of {setup.experience.value} experience "
        "(Haff & Triplett 2016 NSCA Essentials; Israetel et al. 2015)"
    )


def _phase_notes(frame: Frame, told: _Told, setup: _Setup, profile: AthleteProfile) -> list[str]:
    notes: list[str] = []
    volume = told.volume
    if frame.phase is Phase.DELOAD:
        before = told.previous_volume or 0.0
        cut = 100 * (1 - volume / before) if before > 0 else 0.0
        notes.append(
            f"PER-3: recovery week: running {cut:.0f} % lighter ({volume:g} km), lifting volume "
            f"x{told.factor:g}, paces and loads kept so fitness holds while fatigue clears (G4; "
            "Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187; Pfitzinger & Douglas "
            f"2009: recovery weeks about 20-25 % lighter); {_spacing_words(setup)}"
        )
    elif frame.phase in {Phase.TAPER, Phase.RACE}:
        cut = 100 * (1 - volume / told.pre_taper) if told.pre_taper > 0 else 0.0
        what = "race week, before the race" if frame.phase is Phase.RACE else "taper week"
        notes.append(
            f"Taper ({what}): {volume:g} km, {cut:.0f} % below the last build week's "
            f"{told.pre_taper:g} km; the distance falls week by week to the race while the hard "
            "sessions, paces and most runs stay (Mujika & Padilla 2003: progressive taper; "
            f"{BOSQUET_2007}: volume cut 41-60 %, intensity and frequency kept)"
        )
        race = profile.goal.race
        if frame.phase is Phase.RACE and race is not None:
            notes.append(
                f"PER-2: race day {race.date.isoformat()}: the day before it holds only an easy "
                "jog of 20-30 min with strides, or rest, and the last hard run is at least 3 "
                "days before the race (Pfitzinger & Douglas 2009)"
            )
    elif frame.phase is Phase.TEST:
        test = "" if told.goal_day is None else f" on {told.goal_day.isoformat()}"
        notes.append(
            f"PER-2: test week: the lifts test their maxima fresh{test}; running halved, easy "
            "and off the test day and the day before (SCH-4; Pritchard et al. 2015 Strength "
            "Cond J 37(2):72-83: reduce volume, keep intensity before a strength test)"
        )
    elif told.previous_volume is not None and volume > told.previous_volume + 1e-9:
        notes.append(f"{RAMP_NOTE}: {told.previous_volume:g} -> {volume:g} km")
    if frame.peaking:
        test = "" if told.goal_day is None else f" ({told.goal_day.isoformat()})"
        notes.append(
            f"PER-2: peaking block: the lifts climb towards the heavy singles of the test"
            f"{test} while their volume falls, then a lighter test week (Pritchard et al. 2015 "
            "Strength Cond J 37(2):72-83)"
        )
    return notes


def _running_notes(frame: Frame, told: _Told, setup: _Setup) -> tuple[list[str], list[str]]:
    rules: list[str] = []
    notes: list[str] = []
    if frame.focus in LIFTING_FOCI and frame.phase is Phase.BUILD:
        if setup.muscle_first:
            rules.append("RUN-2")
            cut = 100 * (1 - LIFTING_BLOCK_RUN_FACTOR[frame.focus])
            notes.append(
                f"RUN-2: muscle comes first, so the lifting blocks cut running by {cut:.0f} % "
                "and hold it there, with one hard run a week (G1)"
            )
        else:
            notes.append(
                "PER-1: in this lifting block the running holds its distance and its hard "
                "sessions: cutting running in lifting blocks (RUN-2) is for athletes whose "
                "muscle comes first, not for runners (G1, G3)"
            )
    if setup.group == "muscle":
        rules.append("RUN-1")
        notes.append(
            "RUN-1: muscle comes first: no long slow runs (longest run at most 1 h), hard runs "
            "are short intervals, hills or sprints (G2; Wilson et al. 2012 J Strength Cond Res "
            "26(8):2293-2307)"
        )
    shape = told.runs.shape
    if shape.long_km > 0 and setup.race_class == "marathon":
        notes.append(
            f"Long run {shape.long_km:g} km, the key session of a marathon build: up to 40 % "
            "of the week and 3 h, building to several runs of 29-32 km where the week allows "
            "(Pfitzinger & Douglas 2009, Advanced Marathoning)"
        )
    if shape.medium_long_km > 0:
        notes.append(
            f"Medium-long run {shape.medium_long_km:g} km midweek, about 70 % of the long run "
            "and at most 90 min: a second endurance run that stays easy (Pfitzinger & Douglas "
            "2009)"
        )
    return rules, notes


def _week_reasons(
    frame: Frame, told: _Told, *, profile: AthleteProfile, setup: _Setup
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rules: list[str] = ["PER-1"]
    runner_specific = setup.style is LiftingStyle.RUNNER_SPECIFIC
    where = f"PER-1: block {frame.block + 1}, week {frame.week_in_block + 1}"
    if runner_specific:
        notes: list[str] = [
            f"{where}: {RUNNER_SPECIFIC_FOCUS_WORDS[frame.focus]}; lifting style "
            "runner_specific: no strength or hypertrophy blocks, so the blocks alternate "
            "running emphases while the lifting is maintained runner-specific work (LFT-6) "
            "in every block (G1, G3, G5)"
        ]
    else:
        notes = [f"{where}: {FOCUS_WORDS[frame.focus]} (G1, G3)"]
    goal = profile.goal
    if frame.final_block:
        rules.append("PER-2")
        what = (
            "the race"
            if goal.kind is GoalKind.RACE
            else "the strength test"
            if goal.kind is GoalKind.STRENGTH
            else f"the {goal.kind.value.replace('_', ' ')} goal"
        )
        notes.append(f"PER-2: the block nearest the goal prioritises {what} (G3)")
    if frame.phase is Phase.DELOAD:
        rules.append("PER-3")
    elif frame.phase in {Phase.TAPER, Phase.RACE}:
        rules.append("PER-2")
    notes.extend(_phase_notes(frame, told, setup, profile))
    running_rules, running_notes = _running_notes(frame, told, setup)
    rules.extend(running_rules)
    notes.extend(running_notes)
    if goal.kind is GoalKind.RACE or goal.priority is Priority.RUNNING:
        rules.append("RUN-3")
        notes.append("RUN-3: running is the priority; its key sessions get the best slots (G3, G4)")
    rules.append("SCH-7")
    lifts = told.lifts
    if lifts == 0:
        notes.append("SCH-7: no lifts: the profile asks for none")
    else:
        asked = setup.lifts_asked
        said = f" (profile asks {asked})" if asked != lifts else ""
        notes.append(
            f"SCH-7: {lifts} lifts{said}; legs, back and chest each trained 2-3 times a week "
            "(G1, G2, G5)"
        )
    if runner_specific and lifts > 0:
        rules.append("LFT-6")
        notes.append(
            f"LFT-6: {lifts} runner-specific lifts: single-leg hops, calf raises, split and "
            "eccentric squats, hip and ankle work with slow lowering, 2-3 a week for middle- "
            "and long-distance runners (G5; Blagrove et al. 2018)"
        )
    if runner_specific and lifts > 0 and frame.phase is Phase.BUILD:
        rules.append("LFT-4")
        notes.append(
            f"LFT-4: lifting volume x{told.factor:g}: two light sets of each runner-specific "
            "exercise are already few, high-quality sets, so running load does not cut them "
            "further (G1, G2)"
        )
    elif told.factor < 1.0 and frame.phase is Phase.BUILD:
        rules.append("LFT-4")
        notes.append(
            f"LFT-4: lifting volume x{told.factor:g} while running load is high: few, heavy, "
            "high-quality sets (G1, G2)"
        )
    if goal.kind is GoalKind.RACE and lifts >= 2:
        rules.append("LFT-7")
        work = (
            "explosive single-leg hops and runner-specific strength work support running "
            "economy, without heavy lifting (lifting style runner_specific)"
            if runner_specific
            else "heavy and explosive strength work improves running economy"
        )
        notes.append(
            f"LFT-7: the race plan keeps 2 or more lifts: {work} (Rønnestad & Mujika 2014; "
            "Blagrove et al. 2018)"
        )
    notes.extend(setup.time_notes)
    if told.runs.notes:
        rules.append("RL-1")
        notes.extend(told.runs.notes)
    return tuple(dict.fromkeys(rules)), tuple(notes)


# --- the plan ---


def outline_plan(profile: AthleteProfile) -> tuple[WeekOutline, ...]:
    """Outline every week of the athlete's plan (see the module docstring for the model).

    Raises:
        InvalidInput: the goal date lies before the first Monday, the plan would run
            longer than two years, the running distance or lift count is negative, the
            availability cannot hold even two lifts and the shortest runs, or
            ``runner_specific`` lifting is asked for a strength or hypertrophy goal.
    """
    calendar = plan_calendar(profile)
    start, n_weeks, goal_day = calendar.start, calendar.weeks, calendar.goal_day
    setup = _setup(profile, start)
    frames = plan_frames(
        calendar, goal=profile.goal.kind, style=setup.style, experience=setup.experience
    )
    race_day = goal_day if profile.goal.kind is GoalKind.RACE else None
    test_day = goal_day if profile.goal.kind is GoalKind.STRENGTH else None
    volumes = _volumes(frames, setup, race_day)
    weeks: list[WeekOutline] = []
    peak_runs = 0
    pre_taper = setup.start_km
    previous: float | None = None
    run_cap: float | None = None
    for index, (frame, planned) in enumerate(zip(frames, volumes, strict=True)):
        week_start = start + timedelta(days=DAYS_PER_WEEK * index)
        lifts = _lifts_in(frame, setup)
        dates = session_dates(
            week_start=week_start,
            windows_min=setup.windows_min,
            race_day=race_day,
            test_day=test_day,
            lifts=lifts,
        )
        pre_race = (
            race_day.weekday() if race_day is not None and frame.phase is Phase.RACE else None
        )
        runs = _week_runs(
            frame,
            planned,
            lifts=lifts,
            dates=dates,
            setup=setup,
            peak_runs=peak_runs,
            pre_race_days=pre_race,
            start=week_start,
            run_cap_km=run_cap,
        )
        if frame.phase is Phase.BUILD:
            peak_runs = max(peak_runs, runs.asked)
            pre_taper = runs.volume_km
        factor = _lift_factor(frame, setup.style)
        told = _Told(
            volume=runs.volume_km,
            previous_volume=previous,
            pre_taper=pre_taper,
            lifts=lifts,
            factor=factor,
            runs=runs,
            goal_day=goal_day,
        )
        rules, notes = _week_reasons(frame, told, profile=profile, setup=setup)
        race_week = frame.phase is Phase.RACE
        weeks.append(
            WeekOutline(
                index=index,
                start=week_start,
                block=frame.block,
                focus=frame.focus,
                phase=frame.phase,
                deload=frame.phase is Phase.DELOAD,
                run_volume_km=runs.volume_km,
                long_run_km=runs.shape.long_km,
                quality_sessions=runs.quality + (1 if race_week else 0),
                runs=runs.training + (1 if race_week else 0),
                lifts=lifts,
                lift_emphasis=_lift_emphasis(frame, setup.style),
                lift_volume_factor=factor,
                week_in_block=frame.week_in_block,
                weeks_to_goal=n_weeks - 1 - index,
                rules=rules,
                notes=notes,
                goal_date=goal_day,
                medium_long_km=runs.shape.medium_long_km,
                shakeout_km=runs.shakeout_km,
                peaking=frame.peaking,
                dates=dates,
            )
        )
        previous = runs.volume_km
        others = week_run_distances_km(weeks[-1])[1 if runs.shape.long_km > 0 else 0 :]
        run_cap = max(others, default=None)
    return tuple(weeks)


def long_run_is_quality(week: WeekOutline, profile: AthleteProfile) -> bool:
    """Whether the week's long run carries marathon-pace work and counts as a hard run."""
    race = profile.goal.race
    return (
        profile.goal.kind is GoalKind.RACE
        and race is not None
        and race_class(race.distance_m) == "marathon"
        and week.focus is BlockFocus.RACE_SPECIFIC
        and week.phase in {Phase.BUILD, Phase.TAPER}
        and week.long_run_km > 0
    )
