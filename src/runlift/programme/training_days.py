"""Which days can hold which session: the athlete's windows, and the days around a goal day.

Two questions about days, both pure:

* **What the windows hold** (``day_room``): RL-1 allows one run and one lift a
  day, SCH-1 keeps a lift and a run on one day ``min_gap_h`` apart, SCH-3 may fix
  which of them comes first and SCH-9 keeps an explosive lift from following a
  run, and the athlete's rest days (SCH-10) leave only so many days: a week of
  windows holds only so many sessions, whatever their length.
* **Which dates each session may take** (``session_dates``):

  * the long run goes in the longest window of the week, and a marathon build's
    medium-long run midweek, away from it (Pfitzinger & Douglas 2009);
  * near a race: no run on or after race day, the day before it holds only an
    easy shakeout jog (or rest), no hard run or race-pace work in the last two
    days (the sharpener 3-5 days out), no long run in the last six days,
    and no lift from the day before the race to the day after it (Pfitzinger &
    Douglas 2009; Daniels 2014; Mujika & Padilla 2003);
  * in a strength test week, no run on the test day or the day before it (SCH-4).

The placement takes these dates as ``WeekRequest.allowed_dates``; the
periodisation counts them so that a week never asks for more runs, hard runs
or long runs than its dates can hold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runlift.domain.athlete import AthleteProfile
from runlift.programme.periodisation_tables import (
    DAYS_PER_WEEK,
    HARD_RUN_DAYS_BEFORE_MIN,
    LIFT_FREE_DAYS_AFTER_RACE,
    LIFT_SESSION_ESTIMATE_MIN,
    LONG_RUN_DAYS_BEFORE_MIN,
    RUN_WINDOW_MIN,
    SHAKEOUT_DAYS_BEFORE,
    SHARPENER_DAYS_BEFORE_MAX,
    SLOT_MIN,
    TEST_RUN_FREE_DAYS,
)
from runlift.rules.catalogue.scheduling import SCH_1
from runlift.vocabulary import Modality, Weekday

# --- what the windows hold: RL-1 and SCH-1 ---


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRoom:
    """How many sessions the athlete's weekly windows can hold (RL-1, SCH-1, SCH-3, SCH-9).

    Attributes:
        run_days: weekdays with a window of at least ``RUN_WINDOW_MIN``; RL-1 allows
            one run on each.
        lift_days: weekdays with a window of at least ``LIFT_SESSION_ESTIMATE_MIN``;
            RL-1 allows one lift on each.
        double_days: weekdays whose windows hold a lift (``LIFT_SESSION_ESTIMATE_MIN``)
            and a run (``RUN_WINDOW_MIN``) SCH-1's ``min_gap_h`` apart, in either order.
        days: weekdays that hold a run or a lift.
        min_gap_h: SCH-1's minimum same-day gap under the athlete's evidence profile.
        run_first_days: double days whose windows hold the run first, then the lift.
        lift_first_days: double days whose windows hold the lift first, then the run.
    """

    run_days: int
    lift_days: int
    double_days: int
    days: int
    min_gap_h: float
    run_first_days: int = 0
    lift_first_days: int = 0

    @property
    def sessions(self) -> int:
        """Most sessions a week holds: one on each day with a window, two on a double day."""
        return self.days + self.double_days

    def training_days(self, rest_days_min: int = 0) -> int:
        """Days of the week that may hold training: days with a window, less the rest days."""
        return max(0, min(self.days, DAYS_PER_WEEK - rest_days_min))

    def shared_days(self, lifts: int, *, explosive: int = 0, first: Modality | None = None) -> int:
        """Most of ``lifts`` lifts that can share a day with a run.

        A lift shares a day with a run only in the order SCH-3 asks (``first``, when the
        goal makes the order a hard rule; either order otherwise), and an explosive lift
        (``explosive`` of them) never comes after a run on its day (SCH-9): when the run
        must come first, it needs a day without a run.
        """
        plain = max(0, lifts - explosive)
        if first is Modality.RUN:
            return min(plain, self.run_first_days)
        if first is Modality.LIFT:
            return min(lifts, self.lift_first_days)
        return min(
            self.double_days,
            min(plain, self.double_days) + min(explosive, self.lift_first_days),
        )

    def runs_for(
        self,
        lifts: int,
        *,
        explosive: int = 0,
        first: Modality | None = None,
        rest_days_min: int = 0,
    ) -> int:
        """Most runs a week with ``lifts`` lifts holds (the race counts as one).

        One run and one lift a day (RL-1) on the days the athlete's rest days leave
        (SCH-10); a lift shares a day with a run only as :meth:`shared_days` allows, any
        other lift takes a day of its own.
        """
        days = self.training_days(rest_days_min)
        shared = min(self.shared_days(lifts, explosive=explosive, first=first), days)
        return max(0, min(self.run_days, days, days - lifts + shared))


def _grid_start(start_min: int) -> int:
    return math.ceil(start_min / SLOT_MIN) * SLOT_MIN


def _holds_two(
    windows: Sequence[tuple[int, int]], first_min: int, second_min: int, gap: int
) -> bool:
    """Whether a ``first_min`` session then a ``second_min`` one, ``gap`` apart, fit the windows."""
    starts = [
        (_grid_start(start), end)
        for start, end in windows
        if _grid_start(start) + min(first_min, second_min) <= end
    ]
    firsts = [start for start, end in starts if start + first_min <= end]
    if not firsts:
        return False
    earliest_second = _grid_start(min(firsts) + first_min + gap)
    return any(max(start, earliest_second) + second_min <= end for start, end in starts)


def day_room(profile: AthleteProfile) -> DayRoom:
    """What the athlete's windows hold under RL-1 (a run and a lift a day) and SCH-1."""
    gap_h = SCH_1.param("min_gap_h", profile.evidence_profile)
    gap = round(gap_h * 60)
    run_days = lift_days = double_days = days = run_first = lift_first = 0
    for windows in profile.availability.values():
        spans = [(w.start_min, w.end_min) for w in windows]
        run = any(end - start >= RUN_WINDOW_MIN for start, end in spans)
        lift = any(end - start >= LIFT_SESSION_ESTIMATE_MIN for start, end in spans)
        run_days += run
        lift_days += lift
        days += run or lift
        lift_then_run = _holds_two(spans, LIFT_SESSION_ESTIMATE_MIN, RUN_WINDOW_MIN, gap)
        run_then_lift = _holds_two(spans, RUN_WINDOW_MIN, LIFT_SESSION_ESTIMATE_MIN, gap)
        double_days += lift_then_run or run_then_lift
        lift_first += lift_then_run
        run_first += run_then_lift
    return DayRoom(
        run_days=run_days,
        lift_days=lift_days,
        double_days=double_days,
        days=days,
        min_gap_h=gap_h,
        run_first_days=run_first,
        lift_first_days=lift_first,
    )


def window_minutes(profile: AthleteProfile) -> tuple[int, ...]:
    """The longest window of each weekday, Monday first, in minutes from its first grid start.

    A session starts on the 15-minute grid, so a window opening at 06:10 holds no
    more than one opening at 06:15. A weekday without a window gives 0.
    """
    out = []
    for day in Weekday:
        spans = [(w.start_min, w.end_min) for w in profile.availability.get(day, ())]
        longest = max((end - _grid_start(start) for start, end in spans), default=0)
        out.append(max(0, longest // SLOT_MIN * SLOT_MIN))
    return tuple(out)


# --- which dates each session may take ---


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionDates:
    """The dates each kind of session may start on in one week; None: any day of the week.

    Every set holds only dates whose windows can hold a run (or, for ``lifts``, a lift).

    Attributes:
        long: the long run: the days of the week's longest window (and, near a race, at
            least ``LONG_RUN_DAYS_BEFORE_MIN`` days before it).
        medium_long: a marathon build's medium-long run: days with a window, away from the
            long run's days and the days next to them when the week allows.
        hard: hard runs, race-pace work included: near a race, at least
            ``HARD_RUN_DAYS_BEFORE_MIN`` days before it.
        sharpener: race week's race-pace sharpener: 3-5 days before the race, neither on
            the day after the last long run nor close to the race (``hard`` when none of
            those days has a window).
        easy: every other run: never on or after race day, nor on the day before it, nor
            on a strength test day or the day before it.
        shakeout: the day before the race, when it falls in this week and has a window:
            the only run that day.
        lifts: lifts: not the day before the race, race day or the day after it, when the
            other days hold the week's lifts.
    """

    long: frozenset[date] | None = None
    medium_long: frozenset[date] | None = None
    hard: frozenset[date] | None = None
    sharpener: frozenset[date] | None = None
    easy: frozenset[date] | None = None
    shakeout: frozenset[date] = frozenset()
    lifts: frozenset[date] | None = None


def _longest(days: set[date], windows_min: Sequence[int]) -> set[date]:
    """The days of ``days`` whose window is the longest among them."""
    most = max((windows_min[d.weekday()] for d in days), default=0)
    return {d for d in days if windows_min[d.weekday()] == most}


def session_dates(
    *,
    week_start: date,
    windows_min: Sequence[int],
    race_day: date | None = None,
    test_day: date | None = None,
    lifts: int = 0,
) -> SessionDates:
    """The dates each kind of session may take in the week of ``week_start``.

    Args:
        week_start: the week's Monday.
        windows_min: the longest window of each weekday, Monday first (``window_minutes``).
        race_day: the goal race's date, for a race goal.
        test_day: the strength test day, for a strength goal.
        lifts: the week's lifts, so that keeping them off the race's eve leaves them room.
    """
    days = [week_start + timedelta(days=offset) for offset in range(DAYS_PER_WEEK)]
    run_days = {d for d in days if windows_min[d.weekday()] >= RUN_WINDOW_MIN}
    easy = set(run_days)
    hard = set(run_days)
    long_pool = set(run_days)
    shakeout: set[date] = set()
    sharpener: set[date] = set()
    lift_days: frozenset[date] | None = None
    near = False
    if race_day is not None and race_day - week_start < timedelta(days=2 * DAYS_PER_WEEK):
        near = True
        eve = race_day - timedelta(days=SHAKEOUT_DAYS_BEFORE)
        easy = {d for d in run_days if d < eve}
        shakeout = {eve} & run_days
        hard = {d for d in easy if (race_day - d).days >= HARD_RUN_DAYS_BEFORE_MIN}
        sharpener = {d for d in hard if (race_day - d).days <= SHARPENER_DAYS_BEFORE_MAX} or hard
        long_pool = {d for d in easy if (race_day - d).days >= LONG_RUN_DAYS_BEFORE_MIN}
        off = {eve, race_day, race_day + timedelta(days=LIFT_FREE_DAYS_AFTER_RACE)}
        free = {
            d
            for d in days
            if d not in off and windows_min[d.weekday()] >= LIFT_SESSION_ESTIMATE_MIN
        }
        if off & set(days) and len(free) >= lifts:
            lift_days = frozenset(free)
    elif test_day is not None and week_start <= test_day < week_start + timedelta(
        days=DAYS_PER_WEEK
    ):
        near = True
        off = {test_day - timedelta(days=n) for n in range(TEST_RUN_FREE_DAYS + 1)}
        easy = run_days - off
        hard = set(easy)
        long_pool = set(easy)
    long = _longest(long_pool, windows_min)
    away = {d + timedelta(days=n) for d in long for n in (-1, 0, 1)}
    medium_long = (easy - away) or (easy - long)
    return SessionDates(
        long=frozenset(long),
        medium_long=frozenset(medium_long),
        hard=frozenset(hard) if near else None,
        sharpener=frozenset(sharpener) if near else None,
        easy=frozenset(easy) if near else None,
        shakeout=frozenset(shakeout),
        lifts=lift_days,
    )


def run_days_in(dates: SessionDates, *, run_days: int) -> int:
    """How many runs the week's dates hold: one a day (RL-1), ``run_days`` without limits."""
    if dates.easy is None:
        return run_days
    return len(dates.easy) + len(dates.shakeout)


def hard_days_in(dates: SessionDates, *, run_days: int) -> int:
    """How many hard runs the week's dates hold."""
    return run_days if dates.hard is None else len(dates.hard)


def window_cap_min(dates: frozenset[date] | None, windows_min: Sequence[int]) -> int:
    """The longest window among ``dates`` (any day when None), in minutes."""
    if dates is None:
        return max(windows_min, default=0)
    return max((windows_min[d.weekday()] for d in dates), default=0)
