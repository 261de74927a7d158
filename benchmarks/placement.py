"""Weekly placement: solve time, proven optimality and cost against a greedy placement.

Generates seeded random but realistic athlete-weeks (varied windows,
commitments, goals and profiles; 5-10 sessions, 2-4 lifts composed to satisfy
SCH-7, capped at what the windows hold: see ``random_week``; one week in twenty
is left as drawn, over-full), places each with ``place_week`` and with a simple
greedy placement, and reports the median, p95 and max wall time of
``place_week`` (model building, solving and explanations) for all weeks and by
group (feasible, infeasible, within and beyond the windows' capacity), the
share proven optimal, the share infeasible (each must come with an
explanation), and the total rule cost of both placements over the weeks where
both found one.

Usage: .venv/bin/python benchmarks/placement.py [--weeks 1000] [--seed 1] [--quick] [--json]
       [--no-greedy] [--over-full-share 0.05]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from datetime import time as clock_time

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import Commitment, TimeWindow, WeekContext, WeekRequest
from runlift.placement.prepare import GRID_MIN, allowed_starts, prepare, window_pieces
from runlift.placement.week import InfeasibleWeek, WeekPlacement, place_week
from runlift.rules import check_week, week_cost
from runlift.rules.catalogue.scheduling import SCH_1
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    Modality,
    MuscleGroup,
    Priority,
    RunKind,
    Weekday,
)

LEGS, BACK, CHEST = MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST
FULL = frozenset({LEGS, BACK, CHEST})
MAJOR = FULL
WEEKDAYS = tuple(Weekday)
FIRST_MONDAY = date(2025, 1, 6)


def _window(start_min: int, length_min: int) -> TimeWindow:
    end = min(start_min + length_min, 23 * 60 + 45)
    return TimeWindow(
        start=clock_time(start_min // 60, start_min % 60), end=clock_time(end // 60, end % 60)
    )


def _lifts(rng: random.Random, count: int, priority: Priority) -> list[SessionSpec]:
    """Lifts whose groups satisfy SCH-7 (legs, back and chest each in 2-3 lifts)."""
    plans: list[tuple[LiftKind, frozenset[MuscleGroup]]]
    if count == 2:
        plans = [
            (rng.choice([LiftKind.FULL_BODY, LiftKind.HEAVY_LOWER]), FULL),
            (rng.choice([LiftKind.FULL_BODY, LiftKind.UPPER, LiftKind.RUNNER_STRENGTH]), FULL),
        ]
    elif count == 3:
        plans = rng.choice(
            [
                [(LiftKind.FULL_BODY, FULL)] * 3,
                [
                    (LiftKind.HEAVY_LOWER, frozenset({LEGS, BACK})),
                    (LiftKind.UPPER, frozenset({CHEST, BACK})),
                    (LiftKind.FULL_BODY, FULL),
                ],
                [
                    (LiftKind.HEAVY_LOWER, FULL),
                    (LiftKind.UPPER, frozenset({CHEST, BACK, MuscleGroup.SHOULDERS})),
                    (LiftKind.RUNNER_STRENGTH, frozenset({LEGS, MuscleGroup.CORE})),
                ],
            ]
        )
    else:
        plans = [
            (LiftKind.HEAVY_LOWER, frozenset({LEGS, MuscleGroup.CORE})),
            (LiftKind.UPPER, frozenset({CHEST, BACK})),
            (LiftKind.FULL_BODY, frozenset({LEGS})),
            (LiftKind.UPPER, frozenset({CHEST, BACK, MuscleGroup.ARMS})),
        ]
    lifts = []
    for n, (kind, groups) in enumerate(plans):
        explosive = kind is not LiftKind.UPPER and rng.random() < 0.15
        lifts.append(
            SessionSpec(
                id=SessionId(f"lift{n + 1}"),
                modality=Modality.LIFT,
                kind=LiftKind.EXPLOSIVE if explosive and rng.random() < 0.5 else kind,
                title=f"{kind.value.replace('_', ' ').title()} {n + 1}",
                duration_min=rng.choice([45, 60, 60, 75, 90]),
                muscle_groups=groups,
                key=priority is Priority.LIFTING and n == 0,
                contains_explosive=explosive,
            )
        )
    return lifts


def _runs(rng: random.Random, count: int, priority: Priority) -> list[SessionSpec]:
    kinds: list[RunKind] = [RunKind.LONG]
    hard = rng.choice([0, 1, 1, 2]) if count > 2 else rng.choice([0, 1])
    kinds += [rng.choice([RunKind.INTERVALS, RunKind.TEMPO, RunKind.HILLS]) for _ in range(hard)]
    while len(kinds) < count:
        kinds.append(rng.choice([RunKind.EASY, RunKind.EASY, RunKind.RECOVERY]))
    runs = []
    for n, kind in enumerate(kinds[:count]):
        duration = {
            RunKind.LONG: rng.choice([75, 90, 105, 120]),
            RunKind.EASY: rng.choice([30, 40, 45, 60]),
            RunKind.RECOVERY: rng.choice([25, 30, 40]),
        }.get(kind, rng.choice([45, 50, 60]))
        runs.append(
            SessionSpec(
                id=SessionId(f"run{n + 1}"),
                modality=Modality.RUN,
                kind=kind,
                title=f"{kind.value.replace('_', ' ').title()} run {n + 1}",
                duration_min=duration,
                key=priority is Priority.RUNNING and n <= 1,
            )
        )
    return runs


def _availability(rng: random.Random) -> dict[Weekday, tuple[TimeWindow, ...]]:
    availability: dict[Weekday, tuple[TimeWindow, ...]] = {}
    style = rng.choice(["office", "shift", "flexible"])
    for day, weekday in enumerate(WEEKDAYS):
        windows: list[TimeWindow] = []
        weekend = day >= 5
        if weekend:
            if rng.random() < 0.85:
                windows.append(_window(rng.choice([7, 8, 9]) * 60, rng.choice([120, 180, 240])))
            if rng.random() < 0.5:
                windows.append(_window(rng.choice([15, 16, 17]) * 60, rng.choice([90, 120])))
        else:
            if rng.random() < (0.6 if style == "office" else 0.4):
                windows.append(
                    _window(
                        rng.choice([5 * 60 + 30, 6 * 60, 6 * 60 + 30]), rng.choice([60, 90, 120])
                    )
                )
            if style == "flexible" and rng.random() < 0.4:
                windows.append(_window(12 * 60, rng.choice([60, 75])))
            if rng.random() < (0.8 if style != "shift" else 0.5):
                windows.append(
                    _window(
                        rng.choice([17, 18, 19]) * 60 + rng.choice([0, 30]),
                        rng.choice([90, 120, 150, 180]),
                    )
                )
        if windows:
            availability[weekday] = tuple(windows)
    return availability


OVER_FULL_SHARE = 0.05
"""Share of weeks drawn without regard to what the windows hold (the rest are capped)."""

TYPICAL_SESSION_MIN = 60
"""Session length used to judge whether a day's windows hold a lift and a run."""


@dataclass(frozen=True, slots=True)
class Capacity:
    """What a week's windows (commitments taken out) can hold under RL-1 and SCH-1.

    Attributes:
        days: days with a window piece of at least ``TYPICAL_SESSION_MIN``; RL-1 allows one
            run and one lift on each.
        double_days: those of them whose windows hold two ``TYPICAL_SESSION_MIN`` sessions
            SCH-1's minimum gap apart (a lift and a run on one day).
    """

    days: int
    double_days: int

    @property
    def sessions(self) -> int:
        """Most sessions the windows hold: one a day, two on a double day."""
        return self.days + self.double_days


def _grid_up(minute: int) -> int:
    return -(-minute // GRID_MIN) * GRID_MIN


def capacity(request: WeekRequest) -> Capacity:
    """How many sessions the week's windows hold (see ``Capacity``)."""
    min_gap = round(SCH_1.param("min_gap_h", request.context.profile) * 60)
    pieces = window_pieces(request)
    days = double_days = 0
    for day in range(len(WEEKDAYS)):
        fits = [
            (_grid_up(p.start_min), p.end_min)
            for p in pieces
            if p.day == day and _grid_up(p.start_min) + TYPICAL_SESSION_MIN <= p.end_min
        ]
        if not fits:
            continue
        days += 1
        first_end = min(start for start, _ in fits) + TYPICAL_SESSION_MIN
        if any(
            max(start, _grid_up(first_end + min_gap)) + TYPICAL_SESSION_MIN <= end
            for start, end in fits
        ):
            double_days += 1
    return Capacity(days=days, double_days=double_days)


def _context(rng: random.Random) -> WeekContext:
    goal = rng.choice(list(GoalKind))
    priority = {
        GoalKind.RACE: Priority.RUNNING,
        GoalKind.STRENGTH: Priority.LIFTING,
        GoalKind.HYPERTROPHY: Priority.LIFTING,
    }.get(goal, rng.choice([Priority.BALANCED, Priority.RUNNING, Priority.LIFTING]))
    return WeekContext(
        goal=goal,
        priority=priority,
        profile=rng.choice(
            [EvidenceProfile.DEFAULT] * 6
            + [EvidenceProfile.MODERATE] * 3
            + [EvidenceProfile.STRICT]
        ),
        rest_days_min=rng.choice([1, 1, 1, 2]),
        allow_combined=rng.random() < 0.2,
        timezone=rng.choice(["Europe/Berlin", "Europe/Berlin", "America/New_York", "UTC"]),
    )


def random_week(
    rng: random.Random, *, over_full_share: float = OVER_FULL_SHARE
) -> tuple[WeekRequest, bool]:
    """One realistic athlete-week, and whether it holds more than its windows do.

    The context, windows and commitments are drawn first, then 5-10 sessions. An
    athlete plans no more than the windows and the rest days hold: at most one run
    and one lift per day with a window (RL-1), on no more days than the athlete's
    rest days leave (SCH-10, as ``build_plan`` trims a week), and no more sessions
    than ``capacity``, runs giving way first (easy and recovery runs before the
    others), never fewer than two lifts (SCH-7) and one run. One week in twenty
    (``over_full_share``) keeps the sessions as drawn, so that infeasible weeks and
    their explanations stay measured.
    """
    context = _context(rng)
    availability = _availability(rng)
    commitments = tuple(
        Commitment(title="appointment", weekday=rng.choice(WEEKDAYS), window=_window(18 * 60, 60))
        for _ in range(rng.choice([0, 0, 1, 2]))
    )
    request = WeekRequest(
        week_start=FIRST_MONDAY + timedelta(weeks=rng.randrange(52)),
        sessions=(),
        availability=availability,
        context=context,
        commitments=commitments,
    )
    total = rng.randint(5, 10)
    lifts = rng.choice([4, 3, 2] if context.priority is Priority.LIFTING else [3, 2])
    lifts = min(lifts, total - 2)
    runs = total - lifts
    room = capacity(request)
    days = min(room.days, len(WEEKDAYS) - context.rest_days_min)
    sessions_held = days + min(room.double_days, days)
    if rng.random() >= over_full_share:
        lifts = max(2, min(lifts, days))
        runs = max(1, min(runs, days, sessions_held - lifts))
    beyond = max(lifts, runs) > days or lifts + runs > sessions_held
    sessions = (*_lifts(rng, lifts, context.priority), *_runs(rng, runs, context.priority))
    return dataclasses.replace(request, sessions=sessions), beyond


def greedy(request: WeekRequest) -> tuple[ScheduledSession, ...] | None:
    """Place sessions one by one (longest first) at the start that adds least cost.

    Candidates are every hour of every window; a start is allowed if the sessions
    placed so far have no hard violation and a lift does not share a day with
    another lift of the same major muscle group. Returns None when a session finds
    no start or the finished week breaks a hard rule.
    """
    prepared = prepare(request)
    placed: list[ScheduledSession] = []
    order = sorted(prepared.items, key=lambda i: (-i.spec.key, -i.duration_min, i.id))
    for item in order:
        best: tuple[int, ScheduledSession] | None = None
        busy = [(s.start, s.end) for s in placed]
        starts = allowed_starts(
            duration_min=item.duration_min, pieces=prepared.pieces, clock=prepared.clock, busy=[]
        )
        for start, _, _ in starts[::4]:
            moment = prepared.clock.at(start)
            end = prepared.clock.at(start + item.duration_min)
            if any(b_start < end and moment < b_end for b_start, b_end in busy):
                continue
            if item.spec.is_lift and any(
                s.spec.is_lift
                and s.start.date() == moment.date()
                and s.spec.muscle_groups & item.spec.muscle_groups & MAJOR
                for s in placed
            ):
                continue  # SCH-7: spread each major group over days
            trial = [*placed, ScheduledSession(spec=item.spec, start=moment, end=end)]
            if any(v.hard and v.rule_id != "SCH-7" for v in check_week(trial, request.context)):
                continue
            cost = week_cost(trial, request.context).total
            if best is None or cost < best[0]:
                best = (cost, trial[-1])
        if best is None:
            return None
        placed.append(best[1])
    if any(v.hard for v in check_week(placed, request.context)):
        return None  # e.g. two lifts of one muscle group ended on the same day (SCH-7)
    return tuple(placed)


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _summary(times: Sequence[float]) -> dict[str, float | int | None]:
    """Count, median, p95 and max of ``times`` (seconds) in milliseconds."""
    if not times:
        return {"count": 0, "median_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "count": len(times),
        "median_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * _percentile(times, 0.95), 1),
        "max_ms": round(1000 * max(times), 1),
    }


def run(
    weeks: int, seed: int, *, with_greedy: bool, over_full_share: float = OVER_FULL_SHARE
) -> dict[str, object]:
    """Place ``weeks`` random weeks and summarise."""
    rng = random.Random(seed)
    place_week(random_week(random.Random(-1))[0])  # load the solver before timing
    times: list[float] = []
    groups: dict[str, list[float]] = {
        "feasible": [],
        "infeasible": [],
        "within_capacity": [],
        "beyond_capacity": [],
        "within_capacity_infeasible": [],
        "beyond_capacity_infeasible": [],
    }
    optimal = infeasible = explained = relaxed = 0
    exact = 0
    cost_cp = cost_greedy = 0
    greedy_failed = compared = greedy_worse = 0
    for _ in range(weeks):
        request, beyond = random_week(rng, over_full_share=over_full_share)
        started = time.perf_counter()
        result = place_week(request)
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        where = "beyond_capacity" if beyond else "within_capacity"
        groups[where].append(elapsed)
        if isinstance(result, InfeasibleWeek):
            infeasible += 1
            groups["infeasible"].append(elapsed)
            groups[f"{where}_infeasible"].append(elapsed)
            explained += bool(result.conflicts and result.conflicts[0].text)
            relaxed += bool(result.relaxations)
            continue
        assert isinstance(result, WeekPlacement)
        groups["feasible"].append(elapsed)
        optimal += result.optimal
        exact += result.cost == result.solver_cost
        if with_greedy:
            placed = greedy(request)
            if placed is None:
                greedy_failed += 1
            else:
                compared += 1
                greedy_cost = week_cost(placed, request.context).total
                cost_cp += result.cost.total
                cost_greedy += greedy_cost
                greedy_worse += greedy_cost > result.cost.total
    feasible = weeks - infeasible
    return {
        "weeks": weeks,
        "seed": seed,
        "over_full_share": over_full_share,
        **{key: value for key, value in _summary(times).items() if key != "count"},
        **{
            f"{name}_{key}": value
            for name, values in groups.items()
            for key, value in _summary(values).items()
        },
        "proven_optimal_share_of_feasible": round(optimal / feasible, 4) if feasible else None,
        "solver_cost_equals_week_cost_share": round(exact / feasible, 4) if feasible else None,
        "infeasible_share": round(infeasible / weeks, 4),
        "infeasible_with_explanation_share": round(explained / infeasible, 4)
        if infeasible
        else None,
        "infeasible_with_relaxation_share": round(relaxed / infeasible, 4) if infeasible else None,
        "greedy_compared_weeks": compared,
        "greedy_failed_on_feasible_weeks": greedy_failed,
        "greedy_worse_share_of_compared": round(greedy_worse / compared, 4) if compared else None,
        "mean_cost_cp_sat": round(cost_cp / compared, 2) if compared else None,
        "mean_cost_greedy": round(cost_greedy / compared, 2) if compared else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="100 weeks")
    parser.add_argument("--no-greedy", action="store_true", help="skip the greedy comparison")
    parser.add_argument(
        "--over-full-share",
        type=float,
        default=OVER_FULL_SHARE,
        help="share of weeks drawn without regard to their windows (1 = none capped)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    weeks = 100 if args.quick else args.weeks
    result = run(
        weeks, args.seed, with_greedy=not args.no_greedy, over_full_share=args.over_full_share
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>44}: {value}")


if __name__ == "__main__":
    main()
