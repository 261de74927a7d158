"""What the lifting of one week depends on in the rest of the plan.

A week's lifts are not written alone: their loads start from where the earlier
blocks left them, and the goal's date decides how close to it heavy work may go.
:func:`lift_calendar` reads the whole outline and the profile once and answers:

* **the planned maximum** of each lift in each week (:meth:`LiftCalendar.factor`):
  the profile's 1RM raised by :data:`~runlift.programme.lifting_doses.WEEKLY_GAIN`
  for every loading week before it (strength, hypertrophy and race-specific build
  weeks), capped by :data:`~runlift.programme.lifting_doses.GAIN_CAP`. Novices and
  intermediates gain week by week, advanced lifters block by block. A new block
  therefore starts from the planned maximum the last one reached, and the RPE
  chart turns it into loads for the new block's reps (LFT-5, PER-1).
* **what kind of week** it is for the lifts (:class:`WeekMode`): a build week, a
  peak week before a strength test, a deload, a race taper, the race week or the
  test week.
* **the dates**: the race day and the last day a heavy-lower or explosive lift may
  be done before it (:data:`~runlift.programme.lifting_doses.LAST_HEAVY_DAYS_BEFORE_RACE`),
  or the strength test day and the last day of heavy singles before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.programme.lifting_doses import (
    DOSES,
    GAIN_BY_BLOCK,
    GAIN_CAP,
    LAST_HEAVY_DAYS_BEFORE_RACE,
    LOADING_EMPHASES,
    PEAK_LAST_HEAVY_DAYS,
    PEAK_STEPS,
    WEEKLY_GAIN,
)
from runlift.programme.lifting_templates import SlotRole
from runlift.programme.periodisation import LiftEmphasis, WeekOutline, race_class
from runlift.vocabulary import Experience, GoalKind, Phase, Weekday

DAYS_PER_WEEK: Final = 7
TEST_DAY_MIN_WINDOW_MIN: Final = 90
"""A strength test without a date goes on the last day of the test week whose longest
window holds this many minutes (three lifts worked up to a maximum)."""

DEFAULT_TEST_START: Final = time(9, 0)
"""Start of a test session when no window of the day holds it."""

_SATURDAY: Final = 5


class WeekMode(StrEnum):
    """What a week is for, as far as the lifts are concerned."""

    BUILD = "build"
    PEAK = "peak"
    DELOAD = "deload"
    TAPER = "taper"
    RACE = "race"
    TEST = "test"


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftCalendar:
    """The plan-wide facts the lifts of a week depend on.

    Attributes:
        experience: the athlete's lifting experience.
        weeks: every week of the plan by index.
        factors: planned maximum / profile maximum, by week index.
        loading_weeks: loading weeks counted into each week's factor, by week index.
        offsets: by block and role, how many steps of its dose table the block skips.
        race_day: the race's date, for a race goal.
        race_class: ``marathon``, ``half``, ``10k`` or ``5k`` for a race goal.
        heavy_until: the last day a heavy-lower or explosive lift may be done before
            the race.
        test_day: the strength test's date, for a strength goal with a test week.
        test_week: the index of the test week.
    """

    experience: Experience
    weeks: Mapping[int, WeekOutline]
    factors: Mapping[int, float]
    loading_weeks: Mapping[int, int]
    offsets: Mapping[tuple[int, SlotRole], int]
    race_day: date | None = None
    race_class: str | None = None
    heavy_until: date | None = None
    test_day: date | None = None
    test_week: int | None = None

    def factor(self, week: WeekOutline) -> float:
        """Planned maximum of every lift this week, as a multiple of the profile's maximum."""
        return self.factors.get(week.index, 1.0)

    def step_index(self, week: WeekOutline, role: SlotRole) -> int:
        """Which step of its dose table a loaded exercise of ``role`` takes this week (LFT-5).

        The block's position, plus the steps the block skips so that its first week
        lifts no less at the same reps than the last build week before it.
        """
        return self.offsets.get((week.block, role), 0) + week.week_in_block

    def weeks_to_test(self, week: WeekOutline) -> int | None:
        """For a peak week: how many weeks before the test week it is (1-3); else None.

        A peak week is a strength build week 1-3 weeks before the test week with only
        build weeks between them.
        """
        if self.test_week is None or week.phase is not Phase.BUILD:
            return None
        if week.lift_emphasis is not LiftEmphasis.STRENGTH:
            return None
        k = self.test_week - week.index
        if not 1 <= k <= max(PEAK_STEPS[self.experience]):
            return None
        between = [self.weeks.get(i) for i in range(week.index + 1, self.test_week)]
        if any(w is None or w.phase is not Phase.BUILD for w in between):
            return None
        return k

    def mode(self, week: WeekOutline) -> WeekMode:
        """The week's role for the lifts."""
        if week.phase is Phase.RACE:
            return WeekMode.RACE
        if week.phase is Phase.TEST or week.lift_emphasis is LiftEmphasis.PEAK_TEST:
            return WeekMode.TEST
        if week.deload or week.phase is Phase.DELOAD:
            return WeekMode.DELOAD
        if week.phase is Phase.TAPER:
            return WeekMode.TAPER
        if self.weeks_to_test(week) is not None:
            return WeekMode.PEAK
        return WeekMode.BUILD

    def previous(self, week: WeekOutline) -> WeekOutline:
        """The week before ``week`` in the plan, else a build week standing in for it.

        A deload or a taper repeats the exercises, reps and sets of the week before it,
        made lighter; a plan that starts with one has no week before it, so the same
        block's previous build step stands in, at full volume.
        """
        before = self.weeks.get(week.index - 1)
        if before is not None and before.phase is Phase.BUILD:
            return before
        return replace(
            week,
            index=week.index - 1,
            phase=Phase.BUILD,
            deload=False,
            week_in_block=max(0, week.week_in_block - 1),
            lift_volume_factor=1.0,
        )

    def build_weeks_in_block(self, week: WeekOutline) -> int:
        """How many build weeks the week's block has (at least the week's own position + 1)."""
        count = sum(
            1 for w in self.weeks.values() if w.block == week.block and w.phase is Phase.BUILD
        )
        return max(count, week.week_in_block + 1)

    def peak_until(self) -> date | None:
        """The last day heavy singles may be done before the strength test."""
        if self.test_day is None:
            return None
        return self.test_day - timedelta(days=PEAK_LAST_HEAVY_DAYS)


def is_loading(week: WeekOutline) -> bool:
    """Whether the week raises the planned maximum (a strength, hypertrophy or race build)."""
    return week.phase is Phase.BUILD and week.lift_emphasis in LOADING_EMPHASES


def _factors(
    weeks: Sequence[WeekOutline], experience: Experience
) -> tuple[dict[int, float], dict[int, int]]:
    """Planned-maximum factor and loading weeks counted, for every week in order."""
    gain = WEEKLY_GAIN[experience]
    cap = 1.0 + GAIN_CAP[experience]
    by_block = experience in GAIN_BY_BLOCK
    factors: dict[int, float] = {}
    counted: dict[int, int] = {}
    done = 0
    done_before_block: dict[int, int] = {}
    for week in weeks:
        done_before_block.setdefault(week.block, done)
        loading = done_before_block[week.block] if by_block else done
        counted[week.index] = loading
        factors[week.index] = min(cap, (1.0 + gain) ** loading)
        if is_loading(week):
            done += 1
    return factors, counted


def _offsets(
    weeks: Sequence[WeekOutline], experience: Experience, factors: Mapping[int, float]
) -> dict[tuple[int, SlotRole], int]:
    """The steps each block skips, per role, so that loads do not drop at a block's start.

    A new block restarts its dose table, now on a higher planned maximum. Where its
    first step has the reps the last build week before it had and would still lift
    less, the block starts further into its table, at the first step that lifts as
    much or has other reps (the RPE chart then carries the maximum across).
    """
    offsets: dict[tuple[int, SlotRole], int] = {}
    last: dict[SlotRole, tuple[float, int, float]] = {}
    blocks = sorted({w.block for w in weeks})
    for block in blocks:
        builds = [w for w in weeks if w.block == block and w.phase is Phase.BUILD]
        if not builds:
            continue
        first = min(builds, key=lambda w: w.index)
        final = max(builds, key=lambda w: w.index)
        for role, dose in DOSES[first.lift_emphasis].items():
            table = dose.steps[experience]
            offset = 0
            previous = last.get(role)
            if previous is not None:
                percent, reps, factor = previous
                while offset < len(table) - 1:
                    step = table[offset]
                    now = (step.intended_percent or 0.0) * factors[first.index]
                    if step.reps != reps or now >= percent * factor - 1e-9:
                        break
                    offset += 1
            offsets[(block, role)] = offset
            step = table[min(offset + final.week_in_block, len(table) - 1)]
            if step.intended_percent is not None:
                last[role] = (step.intended_percent, step.reps, factors[final.index])
    return offsets


def test_day_for(profile: AthleteProfile, week: WeekOutline) -> date:
    """The day of the strength test in its week.

    The goal's date when it falls in the week; otherwise the last day of the week
    whose longest availability window holds :data:`TEST_DAY_MIN_WINDOW_MIN`; else the
    week's Saturday.
    """
    goal_date = profile.goal.date
    end = week.start + timedelta(days=DAYS_PER_WEEK - 1)
    if goal_date is not None and week.start <= goal_date <= end:
        return goal_date
    for offset in range(DAYS_PER_WEEK - 1, -1, -1):
        day = week.start + timedelta(days=offset)
        windows = profile.availability.get(Weekday.of(day.weekday()), ())
        if any(w.length_min >= TEST_DAY_MIN_WINDOW_MIN for w in windows):
            return day
    return week.start + timedelta(days=_SATURDAY)


def session_start(profile: AthleteProfile, day: date, minutes: int) -> time:
    """When a session fixed on ``day`` starts, on the 15-minute grid.

    The first window of the day that holds ``minutes``, else the longest window of the
    day, else :data:`DEFAULT_TEST_START`.
    """
    windows = sorted(
        profile.availability.get(Weekday.of(day.weekday()), ()),
        key=lambda w: w.start_min,
    )

    def on_grid(start_min: int) -> int:
        return -(-start_min // 15) * 15

    for window in windows:
        start = on_grid(window.start_min)
        if start + minutes <= window.end_min:
            return time(start // 60, start % 60)
    if windows:
        longest = max(windows, key=lambda w: (w.length_min, -w.start_min))
        start = on_grid(longest.start_min)
        return time(start // 60, start % 60)
    return DEFAULT_TEST_START


def lift_calendar(
    plan: Sequence[WeekOutline], profile: AthleteProfile, week: WeekOutline
) -> LiftCalendar:
    """Read the plan's outline and the profile into a :class:`LiftCalendar`.

    ``week`` is added to ``plan`` when the plan does not hold a week of its index,
    so that a single week can be planned on its own.
    """
    by_index = {w.index: w for w in plan}
    by_index.setdefault(week.index, week)
    weeks = [by_index[i] for i in sorted(by_index)]
    experience = profile.lifting.experience
    factors, counted = _factors(weeks, experience)
    goal = profile.goal
    race_day: date | None = None
    klass: str | None = None
    heavy_until: date | None = None
    if goal.kind is GoalKind.RACE and goal.race is not None:
        race_day = goal.race.date
        klass = race_class(goal.race.distance_m)
        heavy_until = race_day - timedelta(days=LAST_HEAVY_DAYS_BEFORE_RACE[klass])
    test_week: WeekOutline | None = None
    if goal.kind is GoalKind.STRENGTH:
        tests = [w for w in weeks if w.phase is Phase.TEST]
        test_week = tests[-1] if tests else None
    if week.lift_emphasis is LiftEmphasis.PEAK_TEST and test_week is None:
        test_week = week
    return LiftCalendar(
        experience=experience,
        weeks=MappingProxyType(by_index),
        factors=MappingProxyType(factors),
        loading_weeks=MappingProxyType(counted),
        offsets=MappingProxyType(_offsets(weeks, experience, factors)),
        race_day=race_day,
        race_class=klass,
        heavy_until=heavy_until,
        test_day=None if test_week is None else test_day_for(profile, test_week),
        test_week=None if test_week is None else test_week.index,
    )
