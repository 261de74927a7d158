"""Periodisation: the weeks of a plan, grouped into blocks, with their running volume and sessions.

:func:`outline_plan` turns an athlete profile into one :class:`WeekOutline` per
week, from the first Monday on or after ``start_date`` to the race week, the
strength-test week or the last of the goal's weeks. ``docs/periodisation.md``
gives the model, its numbers and their sources (the numbers are the tables of
:mod:`runlift.programme.periodisation_tables`); in short:

* **Blocks** (mesocycles, PER-1) of 3-5 weeks whose last week is a deload
  (PER-3) alternate a running focus (running volume builds, lifting is
  maintained) with a lifting focus (strength or hypertrophy, maintenance runs
  cut by RUN-2). The last block carries the goal (PER-2) and ends with the
  taper and race week, the strength test week, or a deload. It may reach six
  weeks because its taper takes the place of a deload.
* **Running volume** starts from the athlete's weekly km, rises at most 10 % a
  week (Nielsen 2014; Buist 2008) towards a peak set by the goal, the race
  distance and the athlete's running habit, is halved on deloads, cut by
  41-60 % in the taper (Bosquet 2007), and is capped so that every week's
  sessions fit in 75 % of the athlete's available time.
* **Sessions**: lifts from ``lifting.sessions_per_week`` within SCH-7's 2-3 (up
  to 4 when lifting comes first); runs from the week's volume within a range set
  by the goal and priority, and no more than the athlete's windows hold under
  RL-1 and SCH-1 (``day_room``); hard runs by goal (Seiler 2010; RUN-1).
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
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runlift.domain.athlete import AthleteProfile
from runlift.domain.quantities import quantity
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.programme.periodisation_tables import (
    ADVANCED_RUNNER_FROM_KM,
    AVAILABLE_TIME_SHARE,
    BOSQUET_2007,
    CONSERVATIVE_VDOT,
    DAYS_PER_WEEK,
    DEFAULT_PLAN_WEEKS,
    DELOAD_LIFT_FACTOR,
    DELOAD_VOLUME_FACTOR,
    EARLIER_FOCI,
    FOCUS_WORDS,
    GOAL_FOCUS,
    HALF_CLASS_FROM_M,
    KM_PER_RUN,
    LIFT_SESSION_ESTIMATE_MIN,
    LIFT_VOLUME_FACTOR,
    LIFTING_BLOCK_RUN_FACTOR,
    LIFTING_FOCI,
    LONG_RUN_MAX_MIN,
    LONG_RUN_SHARE_MAX,
    LONG_TAPER_FROM_M,
    MARATHON_CLASS_FROM_M,
    MAX_LOADING_BLOCK_WEEKS,
    MAX_PLAN_WEEKS,
    MIN_BLOCK_WEEKS,
    MIN_RUN_KM,
    MIN_RUNS_FOR_LONG,
    MIXED_LONG_RUN_MAX_MIN,
    MUSCLE_GOALS,
    MUSCLE_LONG_RUN_MAX_MIN,
    MUSCLE_LONG_RUN_SHARE,
    NON_RACE_TARGET_KM,
    NOVICE_RUNNER_BELOW_KM,
    PREFERRED_BLOCK_WEEKS,
    RACE_PEAK_KM,
    RACE_PEAK_PRIORITY_FACTOR,
    RACE_WEEK_LIFT_FACTOR,
    RACE_WEEK_VOLUME_FACTOR,
    RAMP_NOTE,
    RUN_OVERHEAD_MIN,
    RUN_WINDOW_MIN,
    RUNNER_SPECIFIC_BUILD_LIFT_FACTOR,
    RUNNER_SPECIFIC_EARLIER_FOCI,
    RUNNER_SPECIFIC_FOCUS_WORDS,
    RUNS_RANGE,
    SLOT_MIN,
    START_KM_PER_RUN,
    TAPER_FREQUENCY_KEPT,
    TAPER_LIFT_FACTOR,
    TAPER_VOLUME_FACTOR,
    TEN_K_CLASS_FROM_M,
    TEST_WEEK_LIFT_FACTOR,
    TEST_WEEK_RUN_FACTOR,
    WEEKLY_RAMP_MAX,
)
from runlift.rules.catalogue.lifting import LFT_6
from runlift.rules.catalogue.scheduling import SCH_1, SCH_7
from runlift.rules.checkers.sch_7 import max_lifts
from runlift.rules.priority import priority_first
from runlift.science import running
from runlift.units import SECONDS_PER_MINUTE
from runlift.vocabulary import BlockFocus, GoalKind, LiftingStyle, Modality, Phase, Priority


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
        long_run_km: distance of the long run (at most 30 % of ``run_volume_km``), 0 when
            the week has none.
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


# --- numbers of the model (docs/periodisation.md gives their sources) ---


def race_class(distance_m: float) -> str:
    """The race class that sets peaks, tapers and race-specific work: 5k, 10k, half, marathon.

    Distances up to 7 km count as 5k, up to 15 km as 10k, up to 30 km as half,
    longer ones as marathon.
    """
    if distance_m >= MARATHON_CLASS_FROM_M:
        return "marathon"
    if distance_m >= HALF_CLASS_FROM_M:
        return "half"
    if distance_m >= TEN_K_CLASS_FROM_M:
        return "10k"
    return "5k"


def goal_group(goal: GoalKind) -> str:
    """Group goals by how they treat running: race, muscle, fat_loss or general."""
    if goal is GoalKind.RACE:
        return "race"
    if goal in MUSCLE_GOALS:
        return "muscle"
    if goal is GoalKind.FAT_LOSS:
        return "fat_loss"
    return "general"


def first_monday(day: date) -> date:
    """The Monday on or after ``day``."""
    return day + timedelta(days=(-day.weekday()) % DAYS_PER_WEEK)


def week_monday(day: date) -> date:
    """The Monday of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


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


def training_run_distances_km(
    *, volume_km: float, training_runs: int, long_run_km: float
) -> tuple[float, ...]:
    """Split a week's distance over its training runs: the long run first, the rest equal.

    The race is not a training run. Without a long run (``long_run_km`` 0) all
    runs are equal.
    """
    if training_runs <= 0 or volume_km <= 0:
        return ()
    if long_run_km <= 0 or training_runs < 2:
        return (volume_km / training_runs,) * training_runs
    rest = (volume_km - long_run_km) / (training_runs - 1)
    return (long_run_km, *((rest,) * (training_runs - 1)))


def planned_week_minutes(week: WeekOutline, *, easy_max_s_per_km: float) -> int:
    """Minutes budgeted for a week's training sessions (the race excluded), on the 15-min grid."""
    runs = week.runs - (1 if week.phase is Phase.RACE else 0)
    distances = training_run_distances_km(
        volume_km=week.run_volume_km, training_runs=runs, long_run_km=week.long_run_km
    )
    run_min = sum(
        slot_min(estimated_run_min(distance_km=d, easy_max_s_per_km=easy_max_s_per_km))
        for d in distances
    )
    return run_min + week.lifts * LIFT_SESSION_ESTIMATE_MIN


# --- what the windows hold: RL-1 and SCH-1 ---


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRoom:
    """How many sessions the athlete's weekly windows can hold (RL-1, SCH-1).

    Attributes:
        run_days: weekdays with a window of at least ``RUN_WINDOW_MIN``; RL-1 allows
            one run on each.
        lift_days: weekdays with a window of at least ``LIFT_SESSION_ESTIMATE_MIN``;
            RL-1 allows one lift on each.
        double_days: weekdays whose windows hold a lift (``LIFT_SESSION_ESTIMATE_MIN``)
            and a run (``RUN_WINDOW_MIN``) SCH-1's ``min_gap_h`` apart, in either order.
        days: weekdays that hold a run or a lift.
        min_gap_h: SCH-1's minimum same-day gap under the athlete's evidence profile.
    """

    run_days: int
    lift_days: int
    double_days: int
    days: int
    min_gap_h: float

    @property
    def sessions(self) -> int:
        """Most sessions a week holds: one on each day with a window, two on a double day."""
        return self.days + self.double_days

    def runs_for(self, lifts: int) -> int:
        """Most runs a week with ``lifts`` lifts holds (the race counts as one)."""
        return min(self.run_days, self.sessions - lifts)


def _holds_two(
    windows: Sequence[tuple[int, int]], first_min: int, second_min: int, gap: int
) -> bool:
    """Whether a ``first_min`` session then a ``second_min`` one, ``gap`` apart, fit the windows."""
    starts = [
        (math.ceil(start / SLOT_MIN) * SLOT_MIN, end)
        for start, end in windows
        if math.ceil(start / SLOT_MIN) * SLOT_MIN + min(first_min, second_min) <= end
    ]
    firsts = [start for start, end in starts if start + first_min <= end]
    if not firsts:
        return False
    earliest_second = math.ceil((min(firsts) + first_min + gap) / SLOT_MIN) * SLOT_MIN
    return any(max(start, earliest_second) + second_min <= end for start, end in starts)


def day_room(profile: AthleteProfile) -> DayRoom:
    """What the athlete's windows hold under RL-1 (a run and a lift a day) and SCH-1."""
    gap_h = SCH_1.param("min_gap_h", profile.evidence_profile)
    gap = round(gap_h * 60)
    run_days = lift_days = double_days = days = 0
    for windows in profile.availability.values():
        spans = [(w.start_min, w.end_min) for w in windows]
        run = any(end - start >= RUN_WINDOW_MIN for start, end in spans)
        lift = any(end - start >= LIFT_SESSION_ESTIMATE_MIN for start, end in spans)
        run_days += run
        lift_days += lift
        days += run or lift
        double_days += _holds_two(
            spans, LIFT_SESSION_ESTIMATE_MIN, RUN_WINDOW_MIN, gap
        ) or _holds_two(spans, RUN_WINDOW_MIN, LIFT_SESSION_ESTIMATE_MIN, gap)
    return DayRoom(
        run_days=run_days,
        lift_days=lift_days,
        double_days=double_days,
        days=days,
        min_gap_h=gap_h,
    )


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


# --- the calendar: blocks and phases ---


@dataclass(frozen=True, slots=True)
class _Frame:
    block: int
    focus: BlockFocus
    phase: Phase
    week_in_block: int
    final_block: bool


def _partition(weeks: int) -> list[int]:
    """Split ``weeks`` (0 or at least 3) into blocks of 3-5 weeks, as near 4 as fits."""
    if weeks <= 0:
        return []
    count = max(
        math.ceil(weeks / MAX_LOADING_BLOCK_WEEKS),
        min(weeks // MIN_BLOCK_WEEKS, math.floor(weeks / PREFERRED_BLOCK_WEEKS + 0.5)),
    )
    base, extra = divmod(weeks, count)
    return [base + 1] * extra + [base] * (count - extra)


def _blocks(n_weeks: int, terminal: tuple[Phase, ...]) -> list[list[Phase]]:
    """Phases per block: loading blocks end in a deload, the last ends with ``terminal``."""
    terminal = terminal[len(terminal) - min(len(terminal), n_weeks) :]
    if not terminal:
        if n_weeks < MIN_BLOCK_WEEKS:
            return [[Phase.BUILD] * n_weeks]
        return [[Phase.BUILD] * (n - 1) + [Phase.DELOAD] for n in _partition(n_weeks)]
    remaining = n_weeks - len(terminal)
    final_build = remaining
    for candidate in (3, 4, 2):
        rest = remaining - candidate
        if rest == 0 or rest >= MIN_BLOCK_WEEKS:
            final_build = candidate
            break
    loading = [
        [Phase.BUILD] * (n - 1) + [Phase.DELOAD] for n in _partition(remaining - final_build)
    ]
    return [*loading, [Phase.BUILD] * final_build + list(terminal)]


def _earlier_foci(goal: GoalKind, style: LiftingStyle) -> tuple[BlockFocus, ...]:
    """Foci of the blocks before the last one, by goal and lifting style (PER-1).

    Raises:
        InvalidInput: ``runner_specific`` lifting with a strength or hypertrophy goal,
            which needs strength or hypertrophy blocks and ends with a test or a muscle
            block that runner-specific work alone does not serve.
    """
    if style is LiftingStyle.FULL:
        return EARLIER_FOCI[goal]
    foci = RUNNER_SPECIFIC_EARLIER_FOCI.get(goal)
    if foci is None:
        raise InvalidInput(
            "lifting.style",
            style.value,
            f"{LiftingStyle.FULL.value} for a {goal.value.replace('_', ' ')} goal: "
            f"{style.value} lifting has no strength or hypertrophy blocks and no test week",
        )
    return foci


def _block_foci(count: int, goal: GoalKind, style: LiftingStyle) -> list[BlockFocus]:
    """The focus of each of ``count`` blocks; the last carries the goal (PER-1, PER-2).

    Full style: counted backwards from the last block, so the block before it is a
    running-volume block. Runner-specific style: counted from the first block, so the
    plan opens with running volume before any race-pace block, as a base comes before
    specific work.
    """
    earlier = _earlier_foci(goal, style)
    if style is LiftingStyle.FULL:
        before = [earlier[(count - 2 - number) % len(earlier)] for number in range(count - 1)]
    else:
        before = [earlier[number % len(earlier)] for number in range(count - 1)]
    return [*before, GOAL_FOCUS[goal]]


def _frames(
    n_weeks: int, terminal: tuple[Phase, ...], goal: GoalKind, style: LiftingStyle
) -> list[_Frame]:
    blocks = _blocks(n_weeks, terminal)
    foci = _block_foci(len(blocks), goal, style)
    frames: list[_Frame] = []
    for number, (phases, focus) in enumerate(zip(blocks, foci, strict=True)):
        from_last = len(blocks) - 1 - number
        frames.extend(
            _Frame(
                block=number,
                focus=focus,
                phase=phase,
                week_in_block=position,
                final_block=from_last == 0,
            )
            for position, phase in enumerate(phases)
        )
    return frames


def _calendar(profile: AthleteProfile) -> tuple[date, int, tuple[Phase, ...]]:
    """First Monday, number of weeks, and the phases that end the plan."""
    start = first_monday(profile.start_date)
    goal = profile.goal
    end: date | None = None
    field = "goal.date"
    terminal: tuple[Phase, ...] = ()
    if goal.kind is GoalKind.RACE:
        if goal.race is None:
            raise InvalidInput("goal.race", None, "a race goal needs race: {distance, date}")
        end = goal.race.date
        field = "goal.race.date"
        taper = 1 if goal.race.distance_m >= LONG_TAPER_FROM_M else 0
        terminal = (*([Phase.TAPER] * taper), Phase.RACE)
    elif goal.date is not None:
        end = goal.date
    if goal.kind is GoalKind.STRENGTH:
        terminal = (Phase.TEST,)
    if end is not None:
        if end < start:
            raise InvalidInput(
                field, end.isoformat(), f"must be on or after the plan's first Monday, {start}"
            )
        n_weeks = (week_monday(end) - start).days // DAYS_PER_WEEK + 1
    else:
        n_weeks = goal.weeks if goal.weeks is not None else DEFAULT_PLAN_WEEKS
        if isinstance(n_weeks, bool) or n_weeks < 1:
            raise InvalidInput("goal.weeks", goal.weeks, "at least 1 week")
    if n_weeks > MAX_PLAN_WEEKS:
        raise InvalidInput(
            "goal",
            f"{n_weeks} weeks",
            f"plans run at most {MAX_PLAN_WEEKS} weeks; pick a nearer goal",
        )
    return start, n_weeks, terminal


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


def _floor_tenth(value: float) -> float:
    return math.floor(value * 10 + 1e-9) / 10


def _runs_for(volume_km: float, low: int, high: int) -> int:
    if volume_km <= 0:
        return 0
    by_volume = max(low, math.ceil(volume_km / KM_PER_RUN - 1e-9))
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9))
    return max(1, min(by_volume, by_length, high))


def _long_run_km(volume_km: float, training_runs: int, setup: _Setup) -> float:
    if training_runs < MIN_RUNS_FOR_LONG:
        return 0.0
    if setup.group == "muscle":
        share, cap_min = MUSCLE_LONG_RUN_SHARE, MUSCLE_LONG_RUN_MAX_MIN
    elif setup.group == "race":
        share, cap_min = LONG_RUN_SHARE_MAX, LONG_RUN_MAX_MIN
    else:
        share, cap_min = LONG_RUN_SHARE_MAX, MIXED_LONG_RUN_MAX_MIN
    cap_km = cap_min * SECONDS_PER_MINUTE / setup.easy_max_s_per_km
    return _floor_tenth(min(share * volume_km, cap_km))


def _build_week_minutes(volume_km: float, lifts: int, setup: _Setup) -> int:
    runs = _runs_for(volume_km, setup.runs_low, setup.runs_high)
    long_km = _long_run_km(volume_km, runs, setup)
    distances = training_run_distances_km(
        volume_km=volume_km, training_runs=runs, long_run_km=long_km
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
    if current < NOVICE_RUNNER_BELOW_KM:
        table = novice
    elif current < ADVANCED_RUNNER_FROM_KM:
        table = intermediate
    else:
        table = advanced
    return max(table * RACE_PEAK_PRIORITY_FACTOR[profile.goal.priority], current)


def _setup(profile: AthleteProfile) -> _Setup:
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
        start = max(current, start_floor)
    elif group == "muscle":
        klass = None
        target = NON_RACE_TARGET_KM[group][goal.priority]
        start = min(max(current, start_floor), target)
    else:
        klass = None
        target = max(NON_RACE_TARGET_KM[group][goal.priority], current)
        start = max(current, start_floor)
    target = max(target, start)
    available_min = profile.available_hours_per_week * 60
    setup = _Setup(
        group=group,
        race_class=klass,
        runs_low=runs_low,
        runs_high=runs_high,
        lifts=lifts,
        lifts_asked=asked,
        lifts_low=min(lifts, lifts_low),
        start_km=_floor_tenth(start),
        target_km=_floor_tenth(target),
        time_cap_km=None,
        easy_max_s_per_km=timing_paces(profile).easy_max_s_per_km,
        budget_min=AVAILABLE_TIME_SHARE * available_min,
        first=priority_first(context),
        time_notes=(),
        style=style,
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
    )


def _volumes(frames: Sequence[_Frame], setup: _Setup) -> list[float]:
    """Running distance per week: ramp, hold or cut by focus; deload, taper and race-week cuts."""
    volumes: list[float] = []
    level = setup.start_km
    peak = 0.0
    for index, frame in enumerate(frames):
        previous = frames[index - 1] if index else None
        if frame.phase is Phase.BUILD:
            if frame.focus in LIFTING_FOCI:
                if frame.week_in_block == 0:
                    level = _floor_tenth(level * LIFTING_BLOCK_RUN_FACTOR[frame.focus])
            elif previous is not None and previous.phase is Phase.BUILD:
                level = min(setup.target_km, _floor_tenth(level * (1 + WEEKLY_RAMP_MAX)))
            volume = level
            peak = max(peak, volume)
        elif frame.phase is Phase.DELOAD:
            volume = _floor_tenth(level * DELOAD_VOLUME_FACTOR)
        elif frame.phase is Phase.TAPER:
            volume = _floor_tenth((peak or level) * TAPER_VOLUME_FACTOR)
        elif frame.phase is Phase.RACE:
            volume = _floor_tenth((peak or level) * RACE_WEEK_VOLUME_FACTOR)
        else:
            volume = _floor_tenth(level * TEST_WEEK_RUN_FACTOR)
        volumes.append(volume)
    return volumes


def _taper_runs(volume_km: float, peak_runs: int, setup: _Setup, *, race_week: bool) -> int:
    """Training runs in a taper or race week: frequency kept near the peak's (Bosquet 2007).

    At least 80 % of the peak week's runs (never shorter than ``MIN_RUN_KM``);
    in race week the race is one of them.
    """
    by_volume = _runs_for(volume_km, setup.runs_low, setup.runs_high)
    kept = math.ceil(TAPER_FREQUENCY_KEPT * peak_runs - 1e-9)
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9))
    runs = min(max(by_volume, kept), by_length, setup.runs_high)
    if race_week:
        runs = min(runs, setup.runs_high - 1, max(by_volume, kept) - 1)
    return max(0, runs)


def _quality(frame: _Frame, training_runs: int, long_km: float, setup: _Setup) -> int:
    """Hard runs in the week (the race excluded), by goal, focus and phase.

    Race, fat-loss and general plans keep at least one easy run besides the long
    run (Seiler 2010); muscle-first plans may make every short run a hard one (RUN-1).
    A marathon plan's race-specific long run carries marathon-pace work and counts.
    """
    if frame.phase is Phase.TEST or training_runs == 0:
        return 0
    if frame.phase is Phase.RACE:
        wanted = 1 if training_runs >= 2 else 0
    elif frame.phase is Phase.DELOAD or frame.focus in LIFTING_FOCI:
        wanted = 1
    elif setup.group == "muscle":
        wanted = 2
    elif setup.group == "race" and frame.focus is BlockFocus.RACE_SPECIFIC:
        wanted = 2 if training_runs >= 4 else 1
    else:
        wanted = 2 if training_runs >= 5 else 1
    long_is_quality = (
        setup.race_class == "marathon"
        and frame.focus is BlockFocus.RACE_SPECIFIC
        and frame.phase in {Phase.BUILD, Phase.TAPER}
        and long_km > 0
    )
    others = training_runs - (1 if long_km > 0 else 0)
    keep_easy = 1 if setup.group != "muscle" and others >= 2 else 0
    return max(0, min(wanted, others - keep_easy + (1 if long_is_quality else 0)))


def _lifts_in(frame: _Frame, setup: _Setup) -> int:
    if frame.phase is Phase.RACE and setup.lifts > setup.lifts_low:
        return setup.lifts_low
    return setup.lifts


def _lift_emphasis(frame: _Frame, style: LiftingStyle) -> LiftEmphasis:
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


def _lift_factor(frame: _Frame, style: LiftingStyle) -> float:
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


# --- explanation ---


def _week_reasons(
    frame: _Frame,
    *,
    volume: float,
    previous_volume: float | None,
    peak: float,
    lifts: int,
    factor: float,
    profile: AthleteProfile,
    setup: _Setup,
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
        notes.append(
            f"PER-3: deload week: running about half ({volume:g} km), lifting volume "
            f"x{factor:g}, paces and loads kept so fitness holds while fatigue clears (G4; "
            "Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187)"
        )
    elif frame.phase in {Phase.TAPER, Phase.RACE}:
        rules.append("PER-2")
        cut = 100 * (1 - volume / peak) if peak > 0 else 0.0
        what = "race week" if frame.phase is Phase.RACE else "taper week"
        extra = ", race not counted" if frame.phase is Phase.RACE else ""
        notes.append(
            f"Taper ({what}): {volume:g} km{extra}, {cut:.0f} % below the peak of {peak:g} km; "
            f"hard sessions and paces kept ({BOSQUET_2007}: volume cut 41-60 %, intensity kept)"
        )
        if frame.phase is Phase.RACE and goal.race is not None:
            notes.append(f"PER-2: race day {goal.race.date.isoformat()}")
    elif frame.phase is Phase.TEST:
        notes.append("PER-2: test week: lifting tests its maxima fresh; running halved and easy")
    elif previous_volume is not None and volume > previous_volume + 1e-9:
        notes.append(f"{RAMP_NOTE}: {previous_volume:g} -> {volume:g} km")
    if frame.focus in LIFTING_FOCI and frame.phase is Phase.BUILD:
        rules.append("RUN-2")
        cut = 100 * (1 - LIFTING_BLOCK_RUN_FACTOR[frame.focus])
        notes.append(
            f"RUN-2: lifting block: running distance cut {cut:.0f} % at its start and held, one "
            "hard run a week (G1)"
        )
    if setup.group == "muscle":
        rules.append("RUN-1")
        notes.append(
            "RUN-1: muscle comes first: no long slow runs (longest run at most 1 h), hard runs "
            "are short intervals, hills or sprints (G2; Wilson et al. 2012 J Strength Cond Res "
            "26(8):2293-2307)"
        )
    if goal.kind is GoalKind.RACE or goal.priority is Priority.RUNNING:
        rules.append("RUN-3")
        notes.append("RUN-3: running is the priority; its key sessions get the best slots (G3, G4)")
    rules.append("SCH-7")
    if lifts == 0:
        notes.append("SCH-7: no lifts: the profile asks for none")
    else:
        asked = setup.lifts_asked
        told = f" (profile asks {asked})" if asked != lifts else ""
        notes.append(
            f"SCH-7: {lifts} lifts{told}; legs, back and chest each trained 2-3 times a week "
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
            f"LFT-4: lifting volume x{factor:g}: two light sets of each runner-specific "
            "exercise are already few, high-quality sets, so running load does not cut them "
            "further (G1, G2)"
        )
    elif factor < 1.0 and frame.phase is Phase.BUILD:
        rules.append("LFT-4")
        notes.append(
            f"LFT-4: lifting volume x{factor:g} while running load is high: few, heavy, "
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
    start, n_weeks, terminal = _calendar(profile)
    setup = _setup(profile)
    frames = _frames(n_weeks, terminal, profile.goal.kind, setup.style)
    volumes = _volumes(frames, setup)
    goal_index = n_weeks - 1
    room = day_room(profile)
    weeks: list[WeekOutline] = []
    peak = 0.0
    peak_runs = 0
    for index, (frame, volume) in enumerate(zip(frames, volumes, strict=True)):
        if frame.phase is Phase.BUILD:
            peak = max(peak, volume)
        elif peak == 0.0:
            peak = setup.start_km
        in_race_week = frame.phase is Phase.RACE
        lifts = _lifts_in(frame, setup)
        # The taper keeps the frequency the build weeks asked for; the windows then cap it.
        asked = _runs_for(volume, setup.runs_low, setup.runs_high)
        if frame.phase is Phase.BUILD:
            peak_runs = max(peak_runs, asked)
        elif frame.phase in {Phase.TAPER, Phase.RACE}:
            asked = _taper_runs(volume, peak_runs, setup, race_week=in_race_week)
        training_runs = _runs_in_room(asked, lifts, room, race_week=in_race_week)
        long_km = 0.0 if in_race_week else _long_run_km(volume, training_runs, setup)
        quality = _quality(frame, training_runs, long_km, setup)
        factor = _lift_factor(frame, setup.style)
        rules, notes = _week_reasons(
            frame,
            volume=volume,
            previous_volume=volumes[index - 1] if index else None,
            peak=peak,
            lifts=lifts,
            factor=factor,
            profile=profile,
            setup=setup,
        )
        if training_runs < asked:
            rules = (*rules, "RL-1")
            notes = (*notes, _room_note(asked, training_runs, lifts, room))
        weeks.append(
            WeekOutline(
                index=index,
                start=start + timedelta(days=DAYS_PER_WEEK * index),
                block=frame.block,
                focus=frame.focus,
                phase=frame.phase,
                deload=frame.phase is Phase.DELOAD,
                run_volume_km=volume,
                long_run_km=long_km,
                quality_sessions=quality + (1 if in_race_week else 0),
                runs=training_runs + (1 if in_race_week else 0),
                lifts=lifts,
                lift_emphasis=_lift_emphasis(frame, setup.style),
                lift_volume_factor=factor,
                week_in_block=frame.week_in_block,
                weeks_to_goal=goal_index - index,
                rules=rules,
                notes=notes,
            )
        )
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
