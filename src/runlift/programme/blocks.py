"""The plan's calendar: its weeks grouped into blocks, and each week's phase.

A plan runs from the first Monday on or after the start date to the goal's
week. Its weeks are grouped into blocks (mesocycles, PER-1) that end in a
deload (PER-3) every 5-8 weeks for a novice, 4-6 for an intermediate and 3-5
for an advanced athlete (``DELOAD_SPACING_WEEKS``). Their foci alternate, and
the last block carries the goal (PER-2): build weeks, then a taper whose length
suits the race distance and race week, or a strength goal's peaking weeks and
its test week. ``docs/periodisation.md`` gives the numbers and their sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from runlift.domain.athlete import AthleteProfile
from runlift.errors import InvalidInput
from runlift.programme.periodisation_tables import (
    ADVANCED_RUNNER_FROM_KM,
    DAYS_PER_WEEK,
    DEFAULT_PLAN_WEEKS,
    DELOAD_SPACING_WEEKS,
    EARLIER_FOCI,
    FINAL_BUILD_WEEKS,
    GOAL_FOCUS,
    HALF_CLASS_FROM_M,
    MARATHON_CLASS_FROM_M,
    MAX_PLAN_WEEKS,
    MIN_BLOCK_WEEKS,
    NOVICE_RUNNER_BELOW_KM,
    RUNNER_SPECIFIC_EARLIER_FOCI,
    TAPER_DAYS_MIDDLE,
    TAPER_SHARES,
    TEN_K_CLASS_FROM_M,
    TEST_WEEKDAY,
)
from runlift.vocabulary import BlockFocus, Experience, GoalKind, LiftingStyle, Phase, Priority


@dataclass(frozen=True, slots=True, kw_only=True)
class Calendar:
    """The plan's frame in time.

    Attributes:
        start: the first Monday.
        weeks: number of weeks, the goal's week included.
        terminal: the phases that close the plan: taper weeks and race week, the test
            week, or none.
        goal_day: the race day; a strength goal's test day (its date, else the Saturday
            of the last week); another goal's date, if any.
    """

    start: date
    weeks: int
    terminal: tuple[Phase, ...]
    goal_day: date | None


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


_LEVELS = (Experience.NOVICE, Experience.INTERMEDIATE, Experience.ADVANCED)


def running_experience(weekly_km: float) -> Experience:
    """Running habit read from the weekly distance: under 20 km novice, from 50 km advanced."""
    if weekly_km < NOVICE_RUNNER_BELOW_KM:
        return Experience.NOVICE
    if weekly_km < ADVANCED_RUNNER_FROM_KM:
        return Experience.INTERMEDIATE
    return Experience.ADVANCED


def training_experience(profile: AthleteProfile) -> Experience:
    """The experience that spaces the deloads: that of the priority modality.

    Running priority: the running habit; lifting priority: the lifting experience;
    balanced: the more experienced of the two, whose training builds fatigue faster.
    """
    runner = running_experience(profile.running.weekly_km)
    lifter = profile.lifting.experience
    if profile.goal.priority is Priority.RUNNING:
        return runner
    if profile.goal.priority is Priority.LIFTING:
        return lifter
    return max(runner, lifter, key=_LEVELS.index)


def taper_weeks(klass: str, race_day: date) -> int:
    """Taper weeks before race week: the taper's length comes nearest its middle for ``klass``.

    The taper runs from its first Monday through race day; race week alone is
    ``race_day.weekday() + 1`` days of it. Ties go to the longer taper.
    """
    in_race_week = race_day.weekday() + 1
    middle = TAPER_DAYS_MIDDLE[klass]
    return min(
        range(len(TAPER_SHARES[klass])),
        key=lambda weeks: (abs(DAYS_PER_WEEK * weeks + in_race_week - middle), -weeks),
    )


def first_monday(day: date) -> date:
    """The Monday on or after ``day``."""
    return day + timedelta(days=(-day.weekday()) % DAYS_PER_WEEK)


def week_monday(day: date) -> date:
    """The Monday of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Frame:
    """One week's place in the calendar, before its distances and sessions.

    Attributes:
        block: 0-based block (mesocycle) number.
        focus: the block's focus (PER-1, PER-2).
        phase: BUILD, DELOAD, TAPER, RACE or TEST.
        week_in_block: 0-based position in the block.
        final_block: the week belongs to the block that carries the goal.
        peaking: a build week of a strength goal's last block, which peaks for the test.
        weeks_out: taper and race weeks: weeks before race week (0 for race week itself).
    """

    block: int
    focus: BlockFocus
    phase: Phase
    week_in_block: int
    final_block: bool
    peaking: bool = False
    weeks_out: int = -1


def _partition(weeks: int, spacing: tuple[int, int, int]) -> list[int] | None:
    """Split ``weeks`` into blocks of ``lo``-``hi`` weeks, each as near ``preferred`` as fits.

    Ties go to fewer blocks (fewer deloads); longer blocks come first. None when no
    split fits.
    """
    if weeks == 0:
        return []
    lo, hi, preferred = spacing
    counts = [n for n in range(1, weeks // lo + 1) if n * lo <= weeks <= n * hi]
    if not counts:
        return None
    count = min(counts, key=lambda n: (abs(weeks / n - preferred), n))
    base, extra = divmod(weeks, count)
    return [base + 1] * extra + [base] * (count - extra)


def _loading(lengths: Sequence[int]) -> list[list[Phase]]:
    return [[Phase.BUILD] * (n - 1) + [Phase.DELOAD] for n in lengths]


def _blocks(
    n_weeks: int, terminal: tuple[Phase, ...], spacing: tuple[int, int, int]
) -> list[list[Phase]]:
    """Phases per block: loading blocks end in a deload, the last ends with ``terminal``.

    Deloads come every ``spacing`` weeks (fewest, most, preferred) by the athlete's
    experience; where the calendar allows no such split, blocks of at least
    ``MIN_BLOCK_WEEKS`` are used.
    """
    terminal = terminal[len(terminal) - min(len(terminal), n_weeks) :]
    relaxed = (MIN_BLOCK_WEEKS, spacing[1], spacing[2])
    if not terminal:
        lengths = _partition(n_weeks, spacing) or _partition(n_weeks, relaxed)
        if lengths is None:
            if n_weeks < MIN_BLOCK_WEEKS:
                return [[Phase.BUILD] * n_weeks]
            lengths = [n_weeks]
        return _loading(lengths)
    remaining = n_weeks - len(terminal)
    choice: tuple[int, list[int]] | None = None
    for candidate in FINAL_BUILD_WEEKS:
        split = _partition(remaining - candidate, spacing) if candidate <= remaining else None
        if split is not None:
            choice = (candidate, split)
            break
    if choice is None and remaining < spacing[1]:
        choice = (max(0, remaining), [])
    for candidate in FINAL_BUILD_WEEKS:
        split = _partition(remaining - candidate, relaxed) if candidate <= remaining else None
        if choice is None and split is not None:
            choice = (candidate, split)
    final_build, lengths = choice if choice is not None else (remaining, [])
    return [*_loading(lengths), [Phase.BUILD] * final_build + list(terminal)]


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

    Full style: counted backwards from the last block. Runner-specific style:
    counted from the first block, so the plan opens with running volume before any
    race-pace block, as a base comes before specific work.
    """
    earlier = _earlier_foci(goal, style)
    if style is LiftingStyle.FULL:
        before = [earlier[(count - 2 - number) % len(earlier)] for number in range(count - 1)]
    else:
        before = [earlier[number % len(earlier)] for number in range(count - 1)]
    return [*before, GOAL_FOCUS[goal]]


def plan_frames(
    calendar: Calendar, *, goal: GoalKind, style: LiftingStyle, experience: Experience
) -> list[Frame]:
    """Every week's block, focus and phase, deloads spaced by the athlete's experience.

    Raises:
        InvalidInput: ``runner_specific`` lifting with a strength or hypertrophy goal.
    """
    n_weeks = calendar.weeks
    blocks = _blocks(n_weeks, calendar.terminal, DELOAD_SPACING_WEEKS[experience])
    foci = _block_foci(len(blocks), goal, style)
    frames: list[Frame] = []
    for number, (phases, focus) in enumerate(zip(blocks, foci, strict=True)):
        final = number == len(blocks) - 1
        frames.extend(
            Frame(
                block=number,
                focus=focus,
                phase=phase,
                week_in_block=position,
                final_block=final,
                peaking=final and goal is GoalKind.STRENGTH and phase is Phase.BUILD,
            )
            for position, phase in enumerate(phases)
        )
    return [
        replace(frame, weeks_out=n_weeks - 1 - index)
        if frame.phase in {Phase.TAPER, Phase.RACE}
        else frame
        for index, frame in enumerate(frames)
    ]


def plan_calendar(profile: AthleteProfile) -> Calendar:
    """The plan's calendar: its first Monday, length, closing phases and goal day.

    Raises:
        InvalidInput: a race goal without its race, a goal date before the first
            Monday, a goal of under one week, or a plan longer than two years.
    """
    start = first_monday(profile.start_date)
    goal = profile.goal
    end: date | None = None
    field_name = "goal.date"
    terminal: tuple[Phase, ...] = ()
    if goal.kind is GoalKind.RACE:
        if goal.race is None:
            raise InvalidInput("goal.race", None, "a race goal needs race: {distance, date}")
        end = goal.race.date
        field_name = "goal.race.date"
        tapering = taper_weeks(race_class(goal.race.distance_m), goal.race.date)
        terminal = (*([Phase.TAPER] * tapering), Phase.RACE)
    elif goal.date is not None:
        end = goal.date
    if goal.kind is GoalKind.STRENGTH:
        terminal = (Phase.TEST,)
    if end is not None:
        if end < start:
            raise InvalidInput(
                field_name, end.isoformat(), f"must be on or after the plan's first Monday, {start}"
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
    goal_day = end
    if goal.kind is GoalKind.STRENGTH and end is None:
        goal_day = start + timedelta(days=DAYS_PER_WEEK * (n_weeks - 1) + TEST_WEEKDAY)
    return Calendar(start=start, weeks=n_weeks, terminal=terminal, goal_day=goal_day)
