"""Periodisation: the weeks of a plan, grouped into blocks, with their running volume and sessions.

:func:`outline_plan` turns an athlete profile into one :class:`WeekOutline` per
week, from the first Monday on or after ``start_date`` to the race week, the
strength-test week or the last of the goal's weeks. ``docs/periodisation.md``
gives the model, its numbers and their sources (the numbers are the tables of
:mod:`runlift.programme.periodisation_tables`); in short:

* **Blocks** (:mod:`runlift.programme.blocks`; PER-1, PER-2, PER-3) end in a
  deload every 5-8 weeks for a novice, 4-6 for an intermediate and 3-5 for an
  advanced athlete, alternate their foci, and the last carries the goal: a
  progressive taper and race week, a strength peaking block and its test week,
  or an ordinary block.
* **Running volume** (:mod:`runlift.programme.running_volume`) starts from the
  athlete's weekly km, rises at most 10 % a week (Nielsen 2014; Buist 2008)
  towards a peak set by the goal, the race distance and the running habit, is
  22 % lighter in recovery weeks, falls week by week through a taper of 7-10
  days (5-10 km), 10-14 (half marathon) or 14-21 (marathon) (Mujika & Padilla
  2003; Bosquet 2007), and fits 75 % of the available time. Lifting blocks cut
  it only when muscle comes first (RUN-2); runners hold it.
* **Sessions**: lifts from ``lifting.sessions_per_week`` within SCH-7's 2-3 (up
  to 4 when lifting comes first); runs from the week's volume within a range set
  by the goal and priority, no more than the windows hold under RL-1 and SCH-1
  nor, near a race or test, than its allowed days hold
  (:mod:`runlift.programme.training_days`); a long run in the week's longest
  window (to 29-32 km in a marathon build, with a midweek medium-long run); hard
  runs by goal from week 1 (Seiler 2010; RUN-1); a shakeout the day before a race.
* **Lifting style** ``runner_specific`` (``lifting.style``): no strength or
  hypertrophy block and no test week. The earlier blocks alternate running
  volume with the goal's own focus (race-specific for a race), every week's
  lifts are the runner-specific work of LFT-6 (``LiftEmphasis.RUNNER_SPECIFIC``)
  and there are 2-3 of them a week (LFT-6, G5). Strength and hypertrophy goals
  need the full style.

Each week's notes (:mod:`runlift.programme.week_notes`) name the rules and
sources that shaped it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.quantities import quantity
from runlift.programme.blocks import (
    Frame,
    first_monday,
    plan_calendar,
    plan_frames,
    race_class,
    taper_weeks,
    week_monday,
)
from runlift.programme.periodisation_tables import (
    DAYS_PER_WEEK,
    DELOAD_LIFT_FACTOR,
    DELOAD_VOLUME_FACTOR,
    FINAL_LIGHT_DAYS,
    LIFT_SESSION_ESTIMATE_MIN,
    LIFT_VOLUME_FACTOR,
    LIFTING_BLOCK_RUN_FACTOR,
    LIFTING_FOCI,
    MIN_RUN_KM,
    PRE_RACE_DAYS_FULL,
    RACE_WEEK_LIFT_FACTOR,
    RACE_WEEK_REST_DAYS,
    RUNNER_SPECIFIC_BUILD_LIFT_FACTOR,
    TAPER_FREQUENCY_KEPT,
    TAPER_LIFT_FACTOR,
    TAPER_SHARES,
    TEST_WEEK_LIFT_FACTOR,
    TEST_WEEK_RUN_FACTOR,
    WEEKLY_RAMP_MAX,
)
from runlift.programme.running_volume import (
    Setup,
    Shape,
    estimated_run_min,
    fitting_runs,
    floor_tenth,
    goal_group,
    runs_for,
    setup_for,
    shakeout_km,
    slot_min,
    timing_paces,
    training_run_distances_km,
    week_shape,
)
from runlift.programme.training_days import (
    DayRoom,
    SessionDates,
    day_room,
    hard_days_in,
    run_days_in,
    session_dates,
    window_cap_min,
)
from runlift.programme.week_notes import WeekFacts, week_reasons
from runlift.vocabulary import (
    BlockFocus,
    GoalKind,
    LiftingStyle,
    Modality,
    Phase,
)

__all__ = [
    "DayRoom",
    "LiftEmphasis",
    "SessionDates",
    "WeekOutline",
    "day_room",
    "estimated_run_min",
    "explosive_lifts",
    "first_monday",
    "goal_group",
    "outline_plan",
    "race_class",
    "slot_min",
    "taper_weeks",
    "timing_paces",
    "training_run_distances_km",
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


# --- distances and time of a week's runs ---


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


EXPLOSIVE_LIFTS: Final[Mapping[LiftEmphasis, tuple[int, ...]]] = MappingProxyType(
    {
        LiftEmphasis.RUNNER: (0, 1, 1, 2, 1),
        LiftEmphasis.RUNNER_SPECIFIC: (0, 1, 1, 2, 2),
    }
)
"""Lifts with jumps (hops, SCH-9) in a week of 0-4 lifts, by lift emphasis; the other
emphases have none. The runner layouts open with single-leg hops in their heavy (or, for
the runner-specific style, hopping) sessions: A, and C with three lifts (LFT-6, LFT-7).
``tests/programme/test_periodisation.py`` checks these counts against the lifting
templates. Such a lift never follows a run on its day, so when the run must come first
(SCH-3 for a race) it needs a day of its own."""


def explosive_lifts(emphasis: LiftEmphasis, lifts: int) -> int:
    """How many of a week's ``lifts`` lifts of ``emphasis`` open with jumps (SCH-9)."""
    counts = EXPLOSIVE_LIFTS.get(emphasis)
    if counts is None or lifts <= 0:
        return 0
    return counts[min(lifts, len(counts) - 1)]


LOADED_LIFTS: Final[Mapping[LiftEmphasis, tuple[int, ...]]] = MappingProxyType(
    {
        LiftEmphasis.STRENGTH: (0, 1, 2, 2, 2),
        LiftEmphasis.HYPERTROPHY: (0, 1, 2, 2, 2),
        LiftEmphasis.MAINTENANCE: (0, 1, 1, 2, 2),
        LiftEmphasis.RUNNER: (0, 1, 1, 2, 1),
        LiftEmphasis.RUNNER_SPECIFIC: (0, 1, 1, 2, 2),
        LiftEmphasis.PEAK_TEST: (0, 1, 2, 2, 2),
    }
)
"""Heavy-lower or jumping lifts (loaded sessions, RL-3) in a build week of 0-4 lifts, by
emphasis, as the lifting templates write them (``tests/programme/test_periodisation.py``
checks them against ``plan_lifts``): a strength or hypertrophy week has two heavy leg days,
a maintenance week one with two lifts, a runner's week its lift with hops (and with three
lifts a hinge day with hops)."""

MAX_LOADED_DAYS: Final = 4
"""A week holds at most four loaded days with never three in a row (RL-3: two at most in a
row, so one easy day in three: L L E L L E E). Fewer training days hold fewer."""


def loaded_lifts(emphasis: LiftEmphasis, lifts: int) -> int:
    """How many of a week's ``lifts`` lifts of ``emphasis`` are heavy-lower or jumping."""
    counts = LOADED_LIFTS[emphasis]
    return 0 if lifts <= 0 else counts[min(lifts, len(counts) - 1)]


@dataclass(frozen=True, slots=True)
class _Room:
    """How many training runs a week's days hold, and the words and rules when it cuts."""

    runs: int
    rules: tuple[str, ...] = ()
    note: str = ""


def _runs_in_room(
    asked: int, lifts: int, explosive: int, setup: Setup, *, race_week: bool
) -> _Room:
    """``asked`` training runs cut to what the week's days hold (never below one).

    The days are those with a window less the athlete's rest days (SCH-10); each holds
    one run and one lift (RL-1), both only when the windows keep them SCH-1's gap apart
    in the order SCH-3 asks, and a lift with jumps never after a run (SCH-9).
    """
    room = setup.room
    first = setup.order
    most = room.runs_for(
        lifts, explosive=explosive, first=first, rest_days_min=setup.rest_days_min
    ) - (1 if race_week else 0)
    runs = min(asked, max(1, most)) if asked > 0 else 0
    if runs >= asked:
        return _Room(runs)
    days = room.training_days(setup.rest_days_min)
    shared = min(room.shared_days(lifts, explosive=explosive, first=first), days)
    rules = ["RL-1"]
    if days < room.days:
        rules.append("SCH-10")
        where = (
            f"after your {quantity(setup.rest_days_min, 'rest days')} a week, "
            f"{quantity(days, 'days')} are left to train"
        )
    else:
        where = f"your windows hold training on {quantity(days, 'days')}"
    jumps = ""
    if shared < min(room.shared_days(lifts, first=first), days):
        rules += ["SCH-9", "SCH-3"]
        jumps = (
            "; a lift that opens with jumps takes a day of its own: it never follows a run "
            "(SCH-9), and the run goes first on a shared day (SCH-3)"
        )
    pairs = "none" if shared == 0 else f"{shared} of them"
    note = (
        f"{', '.join(rules)}: {quantity(runs, 'training runs')} instead of {asked}, sharing "
        f"the week's distance: {where}, one run and one lift a day, a lift and a run "
        f"{room.min_gap_h:g} h apart (SCH-1) on {pairs}{jumps}"
    )
    return _Room(runs, tuple(rules), note)


# --- running volume and session counts ---


def _volumes(frames: Sequence[Frame], setup: Setup, race_day: date | None) -> list[float]:
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
                    level = floor_tenth(level * LIFTING_BLOCK_RUN_FACTOR[frame.focus])
            elif previous is not None and previous.phase is Phase.BUILD:
                level = min(setup.target_km, floor_tenth(level * (1 + WEEKLY_RAMP_MAX)))
            volume = level
            pre_taper = volume
        elif frame.phase is Phase.DELOAD:
            volume = floor_tenth(level * DELOAD_VOLUME_FACTOR)
        elif frame.phase in {Phase.TAPER, Phase.RACE} and setup.race_class is not None:
            share = TAPER_SHARES[setup.race_class][frame.weeks_out]
            if frame.phase is Phase.RACE and race_day is not None:
                share *= race_day.weekday() / PRE_RACE_DAYS_FULL
            volume = floor_tenth(pre_taper * share)
        else:
            volume = floor_tenth(level * TEST_WEEK_RUN_FACTOR)
        volumes.append(volume)
    return volumes


def _taper_runs(volume_km: float, peak_runs: int, setup: Setup) -> int:
    """Training runs in a taper or race week: frequency kept near the peak's (Bosquet 2007).

    At least 80 % of the peak week's runs, none shorter than ``MIN_RUN_KM``; race
    week's are fewer when its days before the race run out (``_week_runs``).
    """
    by_volume = runs_for(volume_km, setup.runs_low, setup.runs_high)
    kept = math.ceil(TAPER_FREQUENCY_KEPT * peak_runs - 1e-9)
    by_length = max(1, math.floor(volume_km / MIN_RUN_KM + 1e-9)) if volume_km > 0 else 0
    return max(0, min(max(by_volume, kept), by_length, setup.runs_high))


def _quality(frame: Frame, runs: int, shape: Shape, setup: Setup) -> int:
    """Hard runs in the week (the race and the shakeout excluded), by goal, focus and phase.

    Race, fat-loss and general plans keep at least one easy run besides the long
    run (Seiler 2010); muscle-first plans may make every short run a hard one (RUN-1).
    Lifting blocks keep one hard run: their running is maintenance running (PER-1),
    its intensity kept by one hard session while two heavy lifts a week build
    strength (RUN-2 when muscle comes first; Mujika & Padilla 2000; Rønnestad &
    Mujika 2014). A marathon plan's race-specific long run carries marathon-pace
    work and counts.
    """
    if frame.phase is Phase.TEST or runs == 0:
        return 0
    if frame.phase in {Phase.RACE, Phase.DELOAD} or frame.focus in LIFTING_FOCI:
        wanted = 1
    elif setup.group == "muscle":
        wanted = 2
    elif setup.group == "race" and frame.focus is BlockFocus.RACE_SPECIFIC:
        wanted = 2 if runs >= 4 else 1
    else:
        wanted = 2 if runs >= 5 else 1
    long_is_quality = _long_quality(frame, shape, setup)
    others = runs - (1 if shape.long_km > 0 else 0) - (1 if shape.medium_long_km > 0 else 0)
    keep_easy = 1 if setup.group != "muscle" and others >= 2 else 0
    return max(0, min(wanted, others - keep_easy + (1 if long_is_quality else 0)))


def _plan_explosive(profile: AthleteProfile) -> Callable[[int], int]:
    """Lifts with jumps in the plan's most jumping weeks, by lifts a week: what fits the time."""
    if profile.lifting.style is LiftingStyle.RUNNER_SPECIFIC:
        return lambda lifts: explosive_lifts(LiftEmphasis.RUNNER_SPECIFIC, lifts)
    if profile.goal.kind is GoalKind.RACE:
        return lambda lifts: explosive_lifts(LiftEmphasis.RUNNER, lifts)
    return lambda lifts: 0


def _long_quality(frame: Frame, shape: Shape, setup: Setup) -> bool:
    """Whether the long run carries marathon-pace work (a marathon's race-specific weeks)."""
    return (
        setup.race_class == "marathon"
        and frame.focus is BlockFocus.RACE_SPECIFIC
        and frame.phase in {Phase.BUILD, Phase.TAPER}
        and shape.long_km > 0
    )


def _lifts_in(frame: Frame, setup: Setup, *, start: date, race_day: date | None) -> int:
    """The week's lifts: none in race week, and few enough in the week before it.

    Race week holds no lift: the last heavy or explosive lift comes 7-14 days before
    the race (lifting prescription), and SCH-7 allows no single light lift a week. The
    last six days before the race hold at most one light lift (PER-2), so a week that
    reaches into them keeps one lift there and the others on its days before them.
    """
    if frame.phase is Phase.RACE:
        return 0
    if race_day is None or setup.lifts == 0:
        return setup.lifts
    cutoff = race_day - timedelta(days=FINAL_LIGHT_DAYS + 1)
    end = start + timedelta(days=DAYS_PER_WEEK - 1)
    if end <= cutoff:
        return setup.lifts
    before = sum(
        1
        for offset in range(DAYS_PER_WEEK)
        if start + timedelta(days=offset) <= cutoff
        and setup.windows_min[offset] >= LIFT_SESSION_ESTIMATE_MIN
    )
    # The long run of such a week needs one of the days before the last six as well.
    lifts = min(setup.lifts, before + 1 - (1 if before >= 2 else 0))
    return lifts if lifts >= setup.lifts_low else 0


@dataclass(frozen=True, slots=True, kw_only=True)
class _WeekFrame:
    """Where a week stands: its Monday, the goal's days, and what the weeks before left."""

    start: date
    race_day: date | None
    test_day: date | None
    peak_runs: int
    pre_race_days: int | None
    run_cap_km: float | None
    lifts_before: int | None = None


def _week_sessions(
    frame: Frame, planned_km: float, setup: Setup, *, week: _WeekFrame
) -> tuple[int, SessionDates, _Runs]:
    """The week's lifts, the dates its sessions may take and its runs.

    When the week's loaded sessions (hard and long runs, heavy or jumping lifts) outnumber
    the loaded days it holds without three in a row (RL-3), the secondary modality gives
    way first: running first, a heavy lift goes (down to SCH-7's two); then hard runs.
    """
    emphasis = _lift_emphasis(frame, setup.style)

    def planned(lifts: int) -> tuple[SessionDates, _Runs]:
        dates = session_dates(
            week_start=week.start,
            windows_min=setup.windows_min,
            race_day=week.race_day,
            test_day=week.test_day,
            lifts=lifts,
        )
        runs = _week_runs(
            frame,
            planned_km,
            lifts=lifts,
            dates=dates,
            setup=setup,
            peak_runs=week.peak_runs,
            pre_race_days=week.pre_race_days,
            start=week.start,
            run_cap_km=week.run_cap_km,
            explosive=explosive_lifts(emphasis, lifts),
        )
        return dates, runs

    lifts = _lifts_in(frame, setup, start=week.start, race_day=week.race_day)
    if frame.phase in {Phase.DELOAD, Phase.TAPER} and week.lifts_before is not None:
        # A lighter week never holds more lifts than the build week before it.
        lifts = min(lifts, week.lifts_before)
    dates, runs = planned(lifts)
    if setup.first is Modality.RUN and runs.training < runs.asked and lifts > setup.lifts_low:
        # Running first (RUN-3): a lift gives way before a run the days cannot hold.
        fewer_dates, fewer_runs = planned(setup.lifts_low)
        if fewer_runs.training > runs.training:
            lifts, dates = setup.lifts_low, fewer_dates
            runs = replace(
                fewer_runs,
                notes=(
                    *fewer_runs.notes,
                    f"RUN-3: {quantity(lifts, 'lifts')} this week instead of "
                    f"{setup.lifts}: running comes first, and with fewer lifts the week's "
                    "days hold another run",
                ),
            )
    budget = _loaded_budget(setup, emphasis, lifts)
    if runs.loaded + loaded_lifts(emphasis, lifts) > budget and setup.first is Modality.RUN:
        fewer = max(
            (
                n
                for n in range(setup.lifts_low, lifts)
                if loaded_lifts(emphasis, n) < loaded_lifts(emphasis, lifts)
            ),
            default=None,
        )
        if fewer is not None:
            lifts = fewer
            dates, runs = planned(lifts)
            budget = _loaded_budget(setup, emphasis, lifts)
            runs = replace(runs, notes=(*runs.notes, _lifts_cut_note(lifts, budget)))
    return lifts, dates, _fit_loaded(runs, loaded_lifts(emphasis, lifts), budget, setup)


def _loaded_budget(setup: Setup, emphasis: LiftEmphasis, lifts: int) -> int:
    """Loaded sessions a week holds with never three loaded days in a row (RL-3).

    At most four loaded days on the days the rest days leave, and fewer with fewer
    days; a heavy or jumping lift and a hard run may share a day only when the lift
    may go first (SCH-3, SCH-4: a hard run 12 h or more before heavy legs), on the
    days whose windows hold a lift and then a run.
    """
    days = min(MAX_LOADED_DAYS, setup.room.training_days(setup.rest_days_min))
    shared = 0
    if setup.order is not Modality.RUN:
        shared = min(loaded_lifts(emphasis, lifts), setup.room.lift_first_days)
    return days + shared


def _lifts_cut_note(lifts: int, budget: int) -> str:
    return (
        f"RL-3, RUN-3: {quantity(lifts, 'lifts')} this week: the week holds "
        f"{quantity(budget, 'loaded days')} (hard or long runs, heavy or jumping lifts) "
        "without three in a row, and running comes first, so a heavy lift gives way"
    )


def _fit_loaded(runs: _Runs, lifts_loaded: int, budget: int, setup: Setup) -> _Runs:
    """Fewer hard runs when the week's loaded sessions outnumber its loaded days (RL-3).

    A week keeps one hard run at least (Seiler 2010), and its long run.
    """
    excess = runs.loaded + lifts_loaded - budget
    if excess <= 0 or runs.quality <= 1:
        return runs
    quality = max(1, runs.quality - excess)
    note = (
        f"RL-3: {quantity(quality, 'hard runs')} instead of {runs.quality}: the week holds "
        f"{quantity(budget, 'loaded days')} (hard or long runs, heavy or jumping lifts) "
        "without three in a row, so that every two hard days are followed by an easy one "
        "(Bowerman & Freeman 1991; Seiler 2010)"
    )
    return replace(runs, quality=quality, notes=(*runs.notes, note))


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
    shape: Shape
    shakeout_km: float
    quality: int
    notes: tuple[str, ...]
    long_quality: bool = False

    @property
    def loaded(self) -> int:
        """The week's loaded runs (RL-3): its hard runs and its long run.

        The long run counts once when it carries marathon-pace work (it is then one of
        the hard runs).
        """
        long_run = 1 if self.shape.long_km > 0 and not self.long_quality else 0
        return self.quality + long_run


def _race_week_room(dates: SessionDates, *, lifts: int, setup: Setup, start: date) -> int:
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
    setup: Setup,
    peak_runs: int,
    pre_race_days: int | None,
    start: date,
    run_cap_km: float | None = None,
    explosive: int = 0,
) -> _Runs:
    """How many runs the week has, its long, medium-long and shakeout runs, and its hard runs.

    Race week holds no more runs than its days before the race can take apart from
    the lifts, and none longer than ``run_cap_km`` (the week before's runs).
    """
    race_week = frame.phase is Phase.RACE
    asked = runs_for(volume, setup.runs_low, setup.runs_high)
    if frame.phase in {Phase.TAPER, Phase.RACE}:
        asked = _taper_runs(volume, peak_runs, setup)
    room = _runs_in_room(asked, lifts, explosive, setup, race_week=race_week)
    training = room.runs
    notes: list[str] = [room.note] if room.note else []
    held = run_days_in(dates, run_days=training)
    if race_week:
        held = min(held, _race_week_room(dates, lifts=lifts, setup=setup, start=start))
        if pre_race_days is not None and pre_race_days > RACE_WEEK_REST_DAYS:
            held = min(held, pre_race_days - RACE_WEEK_REST_DAYS)
        # The race takes a day; the rest days the athlete asked for stay free (SCH-10).
        held = min(held, DAYS_PER_WEEK - setup.rest_days_min - 1)
    if not race_week and 0 < training <= held and not dates.shakeout and volume > 0:
        most = min(
            setup.runs_held(lifts, explosive), setup.runs_high, run_days_in(dates, run_days=7)
        )
        fitted = fitting_runs(volume, training, most, setup)
        if fitted is not None and fitted > training:
            notes.append(
                f"RL-1: {quantity(fitted, 'training runs')} instead of {training}, sharing the "
                "week's distance, so that each run has a window long enough for it (one run "
                "a day) and none but the long run lasts more than 90 minutes"
            )
            training = held = fitted
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
        # No longer than the week's other runs, nor so long that they drop under 2 km.
        room_km = min(volume / training, volume - MIN_RUN_KM * (training - 1))
        shake = floor_tenth(min(longest, room_km if training > 1 else volume))
        if shake >= MIN_RUN_KM:
            break
        shake = 0.0
        training -= 1
    if training <= 0 or volume <= 0:
        return _Runs(0.0, asked, 0, Shape(), 0.0, 0, tuple(notes))
    if training == 1 and shake > 0:
        volume = shake
    if race_week and run_cap_km is not None:
        # Fewer runs than the week before, none of them longer than its runs.
        volume = min(volume, floor_tenth(shake + (training - (shake > 0)) * run_cap_km))
    runs = training - (1 if shake > 0 else 0)
    shape = Shape()
    if not race_week:

        def shaped(volume_km: float) -> Shape:
            return week_shape(
                volume_km - shake,
                runs,
                setup,
                # Near a race a long run held to one day would fight the week's other
                # sessions for it: such a week shares its distance equally instead.
                long_window_min=0
                if dates.easy is not None and dates.long is not None and len(dates.long) < 2
                else window_cap_min(dates.long, setup.windows_min),
                medium_long_window_min=window_cap_min(dates.medium_long, setup.windows_min),
            )

        fitted_km = _near_race_fit(
            volume, shake_km=shake, runs=runs, dates=dates, setup=setup, shaped=shaped
        )
        if fitted_km < volume:
            notes.append(
                f"RL-1: {fitted_km:g} km this week instead of {volume:g}, so that each run "
                "has a window long enough for it on the days before the race, one run a day"
            )
            volume = fitted_km
        shape = shaped(volume)
    quality = _quality(frame, runs, shape, setup)
    quality = min(quality, hard_days_in(dates, run_days=quality))
    return _Runs(
        volume,
        asked,
        training,
        shape,
        shake,
        quality,
        tuple(notes),
        long_quality=_long_quality(frame, shape, setup),
    )


def _near_race_fit(
    volume_km: float,
    *,
    shake_km: float,
    runs: int,
    dates: SessionDates,
    setup: Setup,
    shaped: Callable[[float], Shape],
) -> float:
    """The week's distance, cut so that near a race each run fits a window of its days.

    Near a race the runs may take only the days before the race's eve (``dates.easy``);
    the longest run takes the longest of their windows, the next the next, one a day
    (RL-1). A week whose runs, timed at the slow end of easy pace, do not fit them runs
    less (0.1 km at a time), never below ``MIN_RUN_KM`` a run.
    """
    if dates.easy is None or runs <= 0:
        return volume_km
    have = sorted((setup.windows_min[d.weekday()] for d in dates.easy), reverse=True)

    def fits(total_km: float) -> bool:
        shape = shaped(total_km)
        distances = training_run_distances_km(
            volume_km=total_km - shake_km,
            training_runs=runs,
            long_run_km=shape.long_km,
            medium_long_km=shape.medium_long_km,
        )
        need = sorted(
            (
                slot_min(
                    estimated_run_min(distance_km=d, easy_max_s_per_km=setup.easy_max_s_per_km)
                )
                for d in distances
            ),
            reverse=True,
        )
        return len(need) <= len(have) and all(n <= h for n, h in zip(need, have, strict=False))

    if len(have) < runs or fits(volume_km):
        return volume_km
    floor = shake_km + runs * MIN_RUN_KM
    total = floor_tenth(volume_km)
    while total > floor and not fits(total):
        total = round(total - 0.1, 1)
    return max(total, floor)


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
    setup = setup_for(profile, start, explosive_for=_plan_explosive(profile))
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
        pre_race = (
            race_day.weekday() if race_day is not None and frame.phase is Phase.RACE else None
        )
        lifts, dates, runs = _week_sessions(
            frame,
            planned,
            setup,
            week=_WeekFrame(
                start=week_start,
                race_day=race_day,
                test_day=test_day,
                peak_runs=peak_runs,
                pre_race_days=pre_race,
                run_cap_km=run_cap,
                lifts_before=weeks[-1].lifts if weeks else None,
            ),
        )
        if frame.phase is Phase.BUILD:
            peak_runs = max(peak_runs, runs.asked)
            pre_taper = runs.volume_km
        factor = _lift_factor(frame, setup.style)
        facts = WeekFacts(
            frame=frame,
            volume_km=runs.volume_km,
            previous_volume_km=previous,
            pre_taper_km=pre_taper,
            lifts=lifts,
            lifts_asked=setup.lifts_asked,
            lift_factor=factor,
            long_km=runs.shape.long_km,
            medium_long_km=runs.shape.medium_long_km,
            goal_day=goal_day,
            style=setup.style,
            group=setup.group,
            race_class=setup.race_class,
            muscle_first=setup.muscle_first,
            experience=setup.experience,
            time_notes=setup.time_notes,
            room_notes=runs.notes,
        )
        rules, notes = week_reasons(facts, profile)
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
