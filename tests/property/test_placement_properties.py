"""Weekly placement over random weeks: hard rules always hold, and small weeks are optimal.

1. For random realistic athletes and availabilities, whatever ``place_week``
   returns passes every hard checker, and its cost is ``week_cost``.
2. On small weeks (3-4 sessions, a few short windows, the real 15-minute grid)
   its cost equals the optimum found by enumerating every placement and
   scoring it with ``runlift.rules.week_cost`` and the hard checkers.
3. On crowded weeks (few days with windows), every relaxation offered for an
   infeasible week makes it placeable, and every window change and dropped
   session answered on the diagnosis model gets the answer of a model of the
   changed week alone.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import TimeWindow, WeekContext, WeekRequest
from runlift.errors import InvalidInput
from runlift.placement import diagnosis, solve
from runlift.placement.prepare import prepare
from runlift.placement.week import (
    InfeasibleWeek,
    Relaxation,
    RelaxationKind,
    WeekPlacement,
    place_week,
)
from runlift.rules import check_week, priority_first, week_cost
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

ALL_MAJOR = frozenset({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST})
WEEKDAYS = tuple(Weekday)
MONDAYS = (date(2025, 1, 6), date(2025, 3, 24), date(2025, 10, 20))  # 2 weeks with a clock change
SLOW = [HealthCheck.too_slow, HealthCheck.filter_too_much]
MAX_COMBINATIONS = 5000
"""Placements the brute force may enumerate (before removing overlaps)."""


def _lift(index: int, kind: LiftKind, minutes: int, *, explosive: bool = False) -> SessionSpec:
    return SessionSpec(
        id=SessionId(f"lift{index}"),
        modality=Modality.LIFT,
        kind=kind,
        title=f"Lift {index}",
        duration_min=minutes,
        muscle_groups=ALL_MAJOR,
        contains_explosive=explosive,
    )


def _run(index: int, kind: RunKind, minutes: int, *, key: bool = False) -> SessionSpec:
    return SessionSpec(
        id=SessionId(f"run{index}"),
        modality=Modality.RUN,
        kind=kind,
        title=f"Run {index}",
        duration_min=minutes,
        key=key,
    )


@st.composite
def contexts(draw: st.DrawFn) -> WeekContext:
    return WeekContext(
        goal=draw(st.sampled_from(list(GoalKind))),
        priority=draw(st.sampled_from(list(Priority))),
        profile=draw(st.sampled_from(list(EvidenceProfile))),
        rest_days_min=draw(st.integers(min_value=0, max_value=2)),
        allow_combined=draw(st.booleans()),
        timezone=draw(st.sampled_from(["Europe/Berlin", "America/New_York", "UTC"])),
    )


@st.composite
def sessions(draw: st.DrawFn, *, low: int, high: int, lifts: Sequence[int]) -> list[SessionSpec]:
    """``low``..``high`` sessions; 0, 2 or 3 full-body-group lifts (SCH-7 holds), the rest runs."""
    total = draw(st.integers(min_value=low, max_value=high))
    lift_count = min(draw(st.sampled_from(list(lifts))), total)
    made: list[SessionSpec] = []
    for index in range(lift_count):
        lift_kind = draw(st.sampled_from(list(LiftKind)))
        minutes = draw(st.sampled_from([30, 45, 60, 75]))
        made.append(_lift(index, lift_kind, minutes, explosive=draw(st.booleans())))
    for index in range(total - lift_count):
        run_kind = draw(st.sampled_from(list(RunKind)))
        minutes = draw(st.sampled_from([20, 30, 45, 60, 95]))
        made.append(_run(index, run_kind, minutes, key=draw(st.booleans())))
    return made


@st.composite
def availability(
    draw: st.DrawFn, *, days: int, longest_min: int
) -> dict[Weekday, tuple[TimeWindow, ...]]:
    """Windows on ``days`` random days, starting at any 5 minutes (not only on the grid)."""
    chosen = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=days, unique=True))
    result: dict[Weekday, tuple[TimeWindow, ...]] = {}
    for weekday in chosen:
        count = draw(st.integers(min_value=1, max_value=2))
        spans = []
        cursor = draw(st.integers(min_value=5 * 12, max_value=11 * 12)) * 5
        for _ in range(count):
            length = draw(st.integers(min_value=4, max_value=longest_min // 5)) * 5
            end = min(cursor + length, 23 * 60 + 55)
            if end <= cursor:
                break
            spans.append(
                TimeWindow(start=time(cursor // 60, cursor % 60), end=time(end // 60, end % 60))
            )
            cursor = end + draw(st.integers(min_value=0, max_value=10 * 12)) * 5
            if cursor >= 23 * 60:
                break
        result[weekday] = tuple(spans)
    return result


def _request(
    specs: list[SessionSpec],
    windows: dict[Weekday, tuple[TimeWindow, ...]],
    context: WeekContext,
    monday: date,
) -> WeekRequest:
    return WeekRequest(
        week_start=monday, sessions=tuple(specs), availability=windows, context=context
    )


def _assert_sound(request: WeekRequest, result: WeekPlacement | InfeasibleWeek) -> None:
    if isinstance(result, InfeasibleWeek):
        assert result.conflicts
        assert all(c.text for c in result.conflicts)
        return
    hard = [v.text for v in check_week(result.sessions, request.context) if v.hard]
    assert hard == []
    assert result.cost == week_cost(result.sessions, request.context)
    assert result.solver_cost == result.cost
    assert {s.id for s in result.sessions} == {s.id for s in request.sessions}


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW)
@given(
    specs=sessions(low=5, high=9, lifts=(2, 3)),
    context=contexts(),
    monday=st.sampled_from(MONDAYS),
    data=st.data(),
)
def test_every_placement_passes_the_hard_checkers(
    specs: list[SessionSpec], context: WeekContext, monday: date, data: st.DataObject
) -> None:
    windows = data.draw(availability(days=7, longest_min=240))
    request = _request(specs, windows, context, monday)
    _assert_sound(request, place_week(request))


def _grid_starts(
    spec: SessionSpec, windows: dict[Weekday, tuple[TimeWindow, ...]], monday: date, zone: ZoneInfo
) -> list[datetime]:
    """Every local start on the 15-minute grid from which ``spec`` fits one window."""
    starts = []
    for day, weekday in enumerate(WEEKDAYS):
        for window in windows.get(weekday, ()):
            first = -(-window.start_min // 15) * 15
            for minute in range(first, window.end_min - spec.duration_min + 1, 15):
                starts.append(
                    datetime.combine(
                        monday + timedelta(days=day), time(minute // 60, minute % 60), tzinfo=zone
                    )
                )
    return starts


def _with_blocks(placed: list[ScheduledSession], context: WeekContext) -> list[ScheduledSession]:
    """Label a same-day lift/run pair 10-20 min apart, priority first, as a combined block."""
    if not context.allow_combined or priority_first(context) is None:
        return placed
    low = 15 if context.profile is EvidenceProfile.STRICT else 10
    first = priority_first(context)
    partner: dict[str, str] = {}
    ordered = sorted(placed, key=lambda s: s.start)
    for earlier, later in itertools.combinations(ordered, 2):
        if (
            earlier.spec.modality is first
            and later.spec.modality is not first
            and earlier.start.date() == later.start.date()
            and low * 60 <= (later.start - earlier.end).total_seconds() <= 20 * 60
            and earlier.id not in partner
            and later.id not in partner
        ):
            partner[earlier.id], partner[later.id] = later.id, earlier.id
    if not partner:
        return placed
    return [
        dataclasses.replace(
            s, spec=dataclasses.replace(s.spec, combined_with=SessionId(partner[s.id]))
        )
        if s.id in partner
        else s
        for s in placed
    ]


def brute_force_cost(request: WeekRequest) -> int | None:
    """Lowest ``week_cost`` over every placement without hard violations, or None."""
    zone = ZoneInfo(request.context.timezone)
    options = [
        [
            ScheduledSession(
                spec=spec, start=start, end=start + timedelta(minutes=spec.duration_min)
            )
            for start in _grid_starts(spec, dict(request.availability), request.week_start, zone)
        ]
        for spec in request.sessions
    ]
    scored: list[tuple[int, list[ScheduledSession]]] = []
    for combo in itertools.product(*options):
        ordered = sorted(combo, key=lambda s: s.start)
        if any(a.end > b.start for a, b in itertools.pairwise(ordered)):
            continue
        placed = _with_blocks(list(combo), request.context)
        scored.append((week_cost(placed, request.context).total, placed))
    scored.sort(key=lambda item: item[0])
    for cost, placed in scored:
        if not any(v.hard for v in check_week(placed, request.context)):
            return cost
    return None


@st.composite
def small_availability(draw: st.DrawFn) -> dict[Weekday, tuple[TimeWindow, ...]]:
    """2-3 days, each with a morning window and sometimes an evening one, 45-75 min long."""
    chosen = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=2, max_size=3, unique=True))
    result: dict[Weekday, tuple[TimeWindow, ...]] = {}
    for weekday in chosen:
        spans: list[TimeWindow] = []
        for earliest, latest in ((5 * 60 + 30, 8 * 60), (16 * 60, 19 * 60)):
            if spans and not draw(st.booleans()):
                continue
            start = draw(st.integers(min_value=earliest // 5, max_value=latest // 5)) * 5
            end = start + draw(st.sampled_from([45, 50, 60, 75]))
            spans.append(
                TimeWindow(start=time(start // 60, start % 60), end=time(end // 60, end % 60))
            )
        result[weekday] = tuple(spans)
    return result


@st.composite
def small_sessions(draw: st.DrawFn) -> list[SessionSpec]:
    """3-4 sessions of 30-60 min: runs only, or two lifts (SCH-7) and runs."""
    total = draw(st.integers(min_value=3, max_value=4))
    lifts = draw(st.sampled_from([0, 2]))
    made = [
        _lift(
            index,
            draw(st.sampled_from(list(LiftKind))),
            draw(st.sampled_from([30, 45, 60])),
            explosive=draw(st.booleans()),
        )
        for index in range(lifts)
    ]
    made += [
        _run(
            index,
            draw(st.sampled_from(list(RunKind))),
            draw(st.sampled_from([30, 45, 60])),
            key=draw(st.booleans()),
        )
        for index in range(total - lifts)
    ]
    return made


@settings(max_examples=120, deadline=None, suppress_health_check=SLOW)
@given(specs=small_sessions(), windows=small_availability(), context=contexts())
def test_small_weeks_reach_the_brute_force_optimum(
    specs: list[SessionSpec],
    windows: dict[Weekday, tuple[TimeWindow, ...]],
    context: WeekContext,
) -> None:
    request = _request(specs, windows, context, MONDAYS[0])
    zone = ZoneInfo(context.timezone)
    combos = math.prod(len(_grid_starts(s, windows, MONDAYS[0], zone)) for s in specs)
    assume(combos <= MAX_COMBINATIONS)
    result = place_week(request)
    best = brute_force_cost(request)
    _assert_sound(request, result)
    event("infeasible" if best is None else "costly" if best else "free")
    if best is None:
        assert isinstance(result, InfeasibleWeek)
    else:
        assert isinstance(result, WeekPlacement)
        assert result.optimal
        assert result.cost.total == best


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(
    specs=sessions(low=5, high=9, lifts=(2, 3)),
    context=contexts(),
    monday=st.sampled_from(MONDAYS),
    data=st.data(),
)
def test_crowded_weeks_offer_only_relaxations_that_work(
    specs: list[SessionSpec], context: WeekContext, monday: date, data: st.DataObject
) -> None:
    windows = data.draw(availability(days=4, longest_min=180))
    request = _request(specs, windows, context, monday)
    result = place_week(request)
    event(type(result).__name__)
    if isinstance(result, WeekPlacement):
        return
    for relaxation in result.relaxations:
        assert isinstance(place_week(relaxation.apply(request)), WeekPlacement), relaxation.text
    # The checks behind them: on the diagnosis model where it can stand for the
    # changed week, each answer must be that of a model of its own.
    prepared = prepare(request)
    model = solve.build(prepared, diagnose=True, objective=False)
    cores, _ = diagnosis.find_cores(model, 5.0)
    checks = diagnosis._Checks(prepared, model, limit_s=5.0, cores=cores)
    new_windows, extensions = diagnosis._window_candidates(request, 60)
    drops = [
        Relaxation(
            kind=RelaxationKind.DROP_SESSION,
            size=diagnosis.DROP_POINTS,
            text=f"drop {item.spec.title}",
            session_ids=(item.id,),
        )
        for item in prepared.items
    ]
    for candidate in [*new_windows[:4], *extensions[:4], *drops]:
        answer, _ = checks.works(candidate)
        relaxed = candidate.apply(request)
        try:
            again = prepare(relaxed, fixed=diagnosis._fixed(relaxed, prepared))
        except InvalidInput:
            alone = False
        else:
            outcome = solve.solve(solve.build(again, objective=False), time_limit_s=5.0)
            alone = outcome.solution is not None
        assert answer == alone, candidate.text
