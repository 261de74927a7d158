"""Checks a week request and turns it into what the placement model needs (no solver here).

The result lists, for every session, the starts it may take: every local
wall-clock time on the 15-minute grid (hh:00, hh:15, hh:30, hh:45) from which
the session fits wholly inside one availability window without touching a
commitment or a session whose start is fixed, on a date the request allows it
(``WeekRequest.allowed_dates``). Starts are stored as elapsed
minutes since Monday 00:00 local time (see ``runlift.placement.clock``).

Composition (SCH-7: how many lifts, how many train legs, back and chest) does
not depend on placement, so a week that breaks it is an input error here,
before any solving.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from runlift.domain.quantities import quantity
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import MINUTES_PER_DAY, WeekContext, WeekRequest
from runlift.errors import InvalidInput
from runlift.placement.clock import DAYS_PER_WEEK, MINUTES_PER_WEEK, WeekClock, zone_named
from runlift.rules.catalogue.physiology import PHY_1
from runlift.rules.catalogue.scheduling import SCH_4, SCH_7
from runlift.rules.checkers import phy_1, sch_4
from runlift.rules.checkers.rl_2 import trains_legs
from runlift.rules.checkers.rl_3 import loads_the_day
from runlift.rules.checkers.rl_4 import is_race, protected_offsets, spoils_a_race
from runlift.rules.checkers.sch_7 import GROUPS, max_lifts
from runlift.rules.model import RuleId
from runlift.rules.priority import priority_first, sch3_is_hard
from runlift.rules.timing import s_to_hours
from runlift.vocabulary import Modality, RunKind, Weekday

GRID_MIN = 15
"""Start times lie on a 15-minute grid of local wall-clock time."""

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS = tuple(Weekday)
"""Weekdays in order; ``WEEKDAYS.index(day)`` is 0 for Monday."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowPiece:
    """An availability window, or the part of one left between commitments.

    Attributes:
        day: 0 = Monday.
        start_min: local minutes after midnight at which the piece opens.
        end_min: local minutes after midnight at which it closes.
        label: the window as the athlete gave it, e.g. ``Tue 18:00-20:00``.
    """

    day: int
    start_min: int
    end_min: int
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One session as the model sees it.

    Attributes:
        index: position in ``Prepared.items``.
        spec: the session.
        fixed_min: elapsed start when the start is fixed, else ``None``.
        fixed_day: local day of a fixed start.
        starts: allowed elapsed starts, ascending (empty for a fixed session).
        start_days: local day (0 = Monday) of each allowed start.
        start_windows: index into ``Prepared.pieces`` of each allowed start.
        previous_min: where the session started in the previous placement, if anywhere.
        preferred_min_of_day: preferred local start, minutes after midnight.
        boundary: per rule, the points each allowed start costs against the neighbouring
            weeks' sessions (PHY-1, SCH-4), aligned with ``starts``; rules that cost
            nothing at any start are left out.
    """

    index: int
    spec: SessionSpec
    fixed_min: int | None
    fixed_day: int | None
    starts: tuple[int, ...]
    start_days: tuple[int, ...]
    start_windows: tuple[int, ...]
    previous_min: int | None
    preferred_min_of_day: int | None
    boundary: tuple[tuple[RuleId, tuple[int, ...]], ...] = ()

    @property
    def id(self) -> SessionId:
        """The session's id."""
        return self.spec.id

    @property
    def duration_min(self) -> int:
        """Planned duration in minutes."""
        return self.spec.duration_min

    @property
    def fixed(self) -> bool:
        """True when the start is given and not for the model to choose."""
        return self.fixed_min is not None

    @property
    def days(self) -> tuple[int, ...]:
        """Local days on which the session may start, ascending."""
        if self.fixed_day is not None:
            return (self.fixed_day,)
        return tuple(sorted(set(self.start_days)))

    def earliest_min(self) -> int:
        """Earliest possible elapsed start (``MINUTES_PER_WEEK`` if there is none)."""
        if self.fixed_min is not None:
            return self.fixed_min
        return self.starts[0] if self.starts else MINUTES_PER_WEEK

    def latest_min(self) -> int:
        """Latest possible elapsed start (-1 if there is none)."""
        if self.fixed_min is not None:
            return self.fixed_min
        return self.starts[-1] if self.starts else -1


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A checked week request, ready for the model.

    Attributes:
        request: the request as given.
        clock: wall-clock / elapsed-time conversion for the week.
        items: one per session, in request order.
        pieces: availability windows minus commitments.
        priority: the modality that goes first on a shared day, if any.
        sch3_hard: whether SCH-3 is hard for the goal.
        linked: index pairs of combined blocks given in the input (lift index, run index).
        outside: what the neighbouring weeks hold on the days around this one.
    """

    request: WeekRequest
    clock: WeekClock
    items: tuple[Item, ...]
    pieces: tuple[WindowPiece, ...]
    priority: Modality | None
    sch3_hard: bool
    linked: tuple[tuple[int, int], ...]
    outside: Outside

    def item(self, session_id: str) -> Item:
        """The item of session ``session_id``."""
        for candidate in self.items:
            if candidate.id == session_id:
                return candidate
        raise InvalidInput("session", session_id, "an id of a session in this week")


def check_composition(request: WeekRequest) -> None:
    """Raise ``InvalidInput`` when the week's lifts break SCH-7 whatever their placement.

    A week with lifts needs legs, back and chest each in ``min_per_week`` to
    ``max_per_week`` lifts, and at most ``max_lifts`` lifts (more when lifting
    has priority). Placement then only has to spread each group over distinct days.
    """
    lifts = [s for s in request.sessions if s.is_lift]
    if not lifts:
        return
    profile = request.context.profile
    low = round(SCH_7.param("min_per_week", profile))
    high = round(SCH_7.param("max_per_week", profile))
    most = max_lifts(request.context)
    if len(lifts) > most:
        raise InvalidInput(
            "sessions",
            f"{len(lifts)} lifts",
            f"SCH-7: at most {most} lifts a week for a {request.context.priority.value} "
            "priority; drop a lift",
        )
    for muscle in GROUPS:
        count = sum(1 for s in lifts if muscle in s.muscle_groups)
        if not low <= count <= high:
            raise InvalidInput(
                "sessions",
                f"{muscle.value} in {quantity(count, 'lifts')}",
                f"SCH-7: each of legs, back and chest must be trained on {low}-{high} days a "
                f"week; put {muscle.value} into {low}-{high} of the lifts",
            )


def _linked_pairs(request: WeekRequest) -> tuple[tuple[int, int], ...]:
    """Combined blocks named in the input, as (lift index, run index); raises if malformed."""
    index = {s.id: n for n, s in enumerate(request.sessions)}
    pairs: set[tuple[int, int]] = set()
    for n, spec in enumerate(request.sessions):
        if spec.combined_with is None:
            continue
        if not request.context.allow_combined:
            raise InvalidInput(
                "combined_with",
                spec.combined_with,
                "no combined blocks unless combined sessions are allowed (SCH-6); "
                "allow them or drop combined_with",
            )
        other = index.get(spec.combined_with)
        if other is None or request.sessions[other].combined_with not in {None, spec.id}:
            raise InvalidInput(
                "combined_with", spec.combined_with, f"the id of the other part of {spec.id!r}"
            )
        partner = request.sessions[other]
        if spec.modality is partner.modality:
            raise InvalidInput(
                "combined_with", spec.combined_with, "a combined block is one lift and one run"
            )
        pairs.add((n, other) if spec.is_lift else (other, n))
    seen: set[int] = set()
    for lift, run in pairs:
        if lift in seen or run in seen:
            raise InvalidInput("combined_with", request.sessions[lift].id, "one block per session")
        seen.update((lift, run))
    return tuple(sorted(pairs))


def window_pieces(request: WeekRequest) -> tuple[WindowPiece, ...]:
    """The availability windows of the week with the commitments cut out, by day then time."""
    pieces: list[WindowPiece] = []
    for day, weekday in enumerate(WEEKDAYS):
        blocked = sorted(
            (c.window.start_min, c.window.end_min)
            for c in request.commitments
            if c.weekday is weekday
        )
        for window in sorted(request.availability.get(weekday, ()), key=lambda w: w.start_min):
            label = f"{DAY_NAMES[day]} {window}"
            spans = [(window.start_min, window.end_min)]
            for low, high in blocked:
                spans = [
                    part
                    for start, end in spans
                    for part in ((start, min(end, low)), (max(start, high), end))
                    if part[1] > part[0]
                ]
            pieces.extend(
                WindowPiece(day=day, start_min=start, end_min=end, label=label)
                for start, end in spans
            )
    return tuple(pieces)


def _overlaps(start: int, duration: int, busy: list[tuple[int, int]]) -> bool:
    return any(start < end and begin < start + duration for begin, end in busy)


def allowed_starts(
    *,
    duration_min: int,
    pieces: tuple[WindowPiece, ...],
    clock: WeekClock,
    busy: list[tuple[int, int]],
) -> list[tuple[int, int, int]]:
    """(elapsed start, day, piece index) of every grid start from which a session fits a piece.

    ``busy`` lists elapsed [start, end) spans already taken by fixed sessions.
    """
    steady = clock.steady
    found: list[tuple[int, int, int]] = []
    for number, piece in enumerate(pieces):
        first = math.ceil(piece.start_min / GRID_MIN) * GRID_MIN
        for wall in range(first, piece.end_min - duration_min + 1, GRID_MIN):
            if steady:
                start = piece.day * MINUTES_PER_DAY + wall
            else:
                moment = clock.local(day=piece.day, minute_of_day=wall)
                closing = clock.local(day=piece.day, minute_of_day=piece.end_min)
                if moment is None or closing is None:
                    continue
                start = clock.elapsed_min(moment)
                if start + duration_min > clock.elapsed_min(closing):
                    continue
            if not busy or not _overlaps(start, duration_min, busy):
                found.append((start, piece.day, number))
    found.sort()
    return found


def any_starts(
    *, duration_min: int, clock: WeekClock, busy: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(elapsed start, day) of every grid start of the week that ends by midnight.

    The domain a session gets when its availability is relaxed while an
    infeasible week is diagnosed.
    """
    whole_days = tuple(
        WindowPiece(day=day, start_min=0, end_min=MINUTES_PER_DAY - 1, label="")
        for day in range(DAYS_PER_WEEK)
    )
    return [
        (start, day)
        for start, day, _ in allowed_starts(
            duration_min=duration_min, pieces=whole_days, clock=clock, busy=busy
        )
    ]


NEIGHBOUR_REACH_MIN = 48 * 60
"""Sessions further apart than this (end to start) share no gap rule (PHY-1, SCH-4 reach 48 h)."""


@dataclass(frozen=True, slots=True)
class Near:
    """A neighbouring week's session, on the week's time axis.

    Attributes:
        session: the session.
        day: its local date as a day of the week (-1 = the Sunday before, 7 = the
            Monday after).
        start_min: elapsed start, whole minutes (rounded down).
        end_min: elapsed end, whole minutes (rounded down).
        start_us: elapsed start in microseconds, exact.
        end_us: elapsed end in microseconds, exact.
    """

    session: ScheduledSession
    day: int
    start_min: int
    end_min: int
    start_us: int
    end_us: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Outside:
    """What the week before holds on the days just before this one.

    The day rules that reach across midnight on Sunday read these: SCH-5 (the day
    after a hard run), RL-2 (leg lifts on consecutive days) and RL-3 (loaded days in
    a row). Days are numbered as the week's: -1 is the Sunday before. Only the days
    before the week are kept: a pair or stretch across Sunday night is priced in the
    week of its later session (``docs/placement.md``, "Neighbouring weeks").

    Attributes:
        hard_run_days: days with a hard run.
        leg_lifts: days and the lifts that train the legs starting on them.
        loaded_days: days with a loaded session (RL-3).
    """

    hard_run_days: frozenset[int] = frozenset()
    leg_lifts: tuple[tuple[int, SessionSpec], ...] = ()
    loaded_days: frozenset[int] = frozenset()

    def legs_on(self, day: int) -> list[SessionSpec]:
        """The lifts that train the legs and start on ``day``."""
        return [spec for d, spec in self.leg_lifts if d == day]


_MICROSECOND = timedelta(microseconds=1)
_US_PER_MINUTE = 60_000_000
_US_PER_SECOND = 1_000_000


def _neighbour_day(session: ScheduledSession, request: WeekRequest, clock: WeekClock) -> int:
    """The neighbour's local date as a day of the week (all-day sessions: their date as given)."""
    if session.all_day:
        return (session.start.date() - request.week_start).days
    return (session.start.astimezone(clock.zone).date() - request.week_start).days


def neighbours_on_axis(request: WeekRequest, clock: WeekClock) -> list[Near]:
    """Every neighbour with its times on the week's axis; one inside the week raises."""
    result = []
    # In UTC: two datetimes of one zone subtract as wall-clock times, not real time.
    midnight = clock.at(0).astimezone(UTC)
    for session in request.neighbours:
        day = _neighbour_day(session, request, clock)
        if 0 <= day < DAYS_PER_WEEK:
            raise InvalidInput(
                "neighbours",
                session.id,
                f"a session outside the week of {request.week_start} (it is a session to place)",
            )
        result.append(
            Near(
                session=session,
                day=day,
                start_min=clock.elapsed_min(session.start),
                end_min=clock.elapsed_min(session.end),
                start_us=(session.start.astimezone(UTC) - midnight) // _MICROSECOND,
                end_us=(session.end.astimezone(UTC) - midnight) // _MICROSECOND,
            )
        )
    return result


def _near_neighbours(request: WeekRequest, clock: WeekClock) -> list[Near]:
    """The neighbours close enough to matter to a start: within reach of the week or a race."""
    reach = NEIGHBOUR_REACH_MIN
    return [
        n
        for n in neighbours_on_axis(request, clock)
        if (n.end_min > -reach and n.start_min < MINUTES_PER_WEEK + reach)
        or is_race(n.session.spec)
        or spoils_a_race(n.session.spec)
    ]


def outside_days(request: WeekRequest, clock: WeekClock) -> Outside:
    """The facts of the days before the week that the day rules read (``Outside``)."""
    before = sorted(
        (n for n in neighbours_on_axis(request, clock) if n.day < 0), key=lambda n: n.start_us
    )
    return Outside(
        hard_run_days=frozenset(n.day for n in before if n.session.spec.is_hard_run),
        leg_lifts=tuple(
            (n.day, dataclasses.replace(n.session.spec, id=SessionId(""), title=""))
            for n in before
            if trains_legs(n.session.spec)
        ),
        loaded_days=frozenset(n.day for n in before if loads_the_day(n.session.spec)),
    )


@dataclass(frozen=True, slots=True)
class NeighbourCost:
    """What one start of a session costs against the neighbouring weeks' sessions.

    Attributes:
        clear: no hard rule breaks (no overlap; SCH-4, the PHY-1 pair bound, RL-4).
        phy_1: PHY-1 points of the pairs it makes, times the rule's weight.
        sch_4: SCH-4 quality runs within a day after heavy legs, times the rule's weight.
    """

    clear: bool
    phy_1: int = 0
    sch_4: int = 0


_BLOCKED = NeighbourCost(clear=False)
_FREE = NeighbourCost(clear=True)


def _race_clash(spec: SessionSpec, day: int, other: Near, context: WeekContext) -> bool:
    """True if RL-4 forbids ``spec`` on ``day`` next to the neighbour ``other``."""
    protected = protected_offsets(context)
    if spoils_a_race(spec) and is_race(other.session.spec) and other.day - day in protected:
        return True
    return is_race(spec) and spoils_a_race(other.session.spec) and day - other.day in protected


def neighbour_cost(
    spec: SessionSpec,
    start: int,
    day: int,
    near: list[Near],
    context: WeekContext,
    *,
    price_all: bool = False,
) -> NeighbourCost:
    """What starting ``spec`` at elapsed minute ``start`` on local ``day`` costs next to ``near``.

    The same tests and prices as the checkers ``runlift.rules.checkers.sch_4``,
    ``phy_1`` and ``rl_4`` make on each pair (a test in ``tests/placement`` compares
    them on many starts). Hard rules hold against every neighbour; only the pairs
    with sessions before the week are priced (each pair across Sunday night is
    priced in the week of its later session). A start that breaks a hard rule is
    priced at nothing, unless ``price_all`` (a fixed session: its pairs are history,
    but they cost).
    """
    end = start + spec.duration_min
    clear = True
    points = [0, 0]
    for other in near:
        if (other.start_min < end and start < other.end_min) or _race_clash(
            spec, day, other, context
        ):
            if not price_all:
                return _BLOCKED
            clear = False
        if other.session.spec.modality is spec.modality or other.session.all_day:
            continue
        # Whole minutes are rounded down: a minute more keeps a gap just short of 48 h.
        if (
            other.start_min - end > NEIGHBOUR_REACH_MIN
            or start - other.end_min > NEIGHBOUR_REACH_MIN
        ):
            continue
        start_us, end_us = start * _US_PER_MINUTE, end * _US_PER_MINUTE
        other_first = other.start_us < start_us
        later_start, earlier_end = (
            (start_us, other.end_us) if other_first else (other.start_us, end_us)
        )
        gap = round((later_start - earlier_end) / _US_PER_SECOND)
        mine, theirs = spec, other.session.spec
        lift, run = (mine, theirs) if mine.is_lift else (theirs, mine)
        run_first = (theirs is run) == other_first
        status = sch_4.pair_status(
            lift=lift, run=run, run_first=run_first, gap_seconds=gap, profile=context.profile
        )
        cost = phy_1.cost_at_gap(
            lift=lift, run=run, run_before_lift=run_first, gap_h=s_to_hours(max(0, gap))
        )
        if status in {"after", "before"} or cost > PHY_1.param("max_pair_cost", context.profile):
            if not price_all:
                return _BLOCKED
            clear = False
        if other.day >= DAYS_PER_WEEK:
            continue
        points[0] += cost * (PHY_1.weight or 0)
        if status == "quality":
            points[1] += sch_4.quality_points(context)
    if clear and points == [0, 0]:
        return _FREE
    return NeighbourCost(clear=clear, phy_1=points[0], sch_4=points[1])


def _boundary(costs: list[NeighbourCost]) -> tuple[tuple[RuleId, tuple[int, ...]], ...]:
    """Per rule, the points of each start (``Item.boundary``); rules always at 0 left out."""
    return tuple(
        (rule_id, points)
        for rule_id, points in (
            (PHY_1.id, tuple(c.phy_1 for c in costs)),
            (SCH_4.id, tuple(c.sch_4 for c in costs)),
        )
        if any(points)
    )


def _fixed_minutes(
    request: WeekRequest, clock: WeekClock, fixed: Mapping[SessionId, datetime]
) -> dict[SessionId, tuple[int, int]]:
    ids = {s.id for s in request.sessions}
    result: dict[SessionId, tuple[int, int]] = {}
    for session_id, moment in fixed.items():
        if session_id not in ids:
            raise InvalidInput("fixed", session_id, "the id of a session in this week")
        if moment.tzinfo is None:
            raise InvalidInput("fixed", moment.isoformat(), "a start with a timezone")
        elapsed = clock.elapsed_min(moment)
        day = clock.day_of(elapsed)
        if not 0 <= day < DAYS_PER_WEEK:
            raise InvalidInput(
                "fixed", moment.isoformat(), f"a start in the week of {request.week_start}"
            )
        result[session_id] = (elapsed, day)
    spans = sorted(
        (start, start + next(s.duration_min for s in request.sessions if s.id == sid), sid)
        for sid, (start, _) in result.items()
    )
    for (_, end, first), (start, _, second) in itertools.pairwise(spans):
        if start < end:
            raise InvalidInput("fixed", f"{first}, {second}", "fixed sessions must not overlap")
    return result


def _previous_minutes(
    previous: tuple[ScheduledSession, ...], clock: WeekClock
) -> dict[SessionId, int]:
    result: dict[SessionId, int] = {}
    for session in previous:
        elapsed = clock.elapsed_min(session.start)
        if 0 <= clock.day_of(elapsed) < DAYS_PER_WEEK:
            result[session.id] = elapsed
    return result


def prepare(
    request: WeekRequest,
    *,
    fixed: Mapping[SessionId, datetime] | None = None,
    previous: tuple[ScheduledSession, ...] = (),
) -> Prepared:
    """Check ``request`` and list every session's allowed starts.

    Raises:
        InvalidInput: unknown timezone, SCH-7 composition broken, malformed combined
            blocks, or fixed starts that are unknown, outside the week or overlapping.
    """
    context = request.context
    clock = WeekClock(request.week_start, zone_named(context.timezone))
    check_composition(request)
    linked = _linked_pairs(request)
    fixed_at = _fixed_minutes(request, clock, fixed or {})
    previous_at = _previous_minutes(previous, clock)
    busy = sorted(
        (start, start + s.duration_min)
        for s in request.sessions
        if s.id in fixed_at
        for start in (fixed_at[s.id][0],)
    )
    pieces = window_pieces(request)
    near = _near_neighbours(request, clock)
    outside = outside_days(request, clock)
    items: list[Item] = []
    by_duration: dict[int, list[tuple[int, int, int]]] = {}
    for n, spec in enumerate(request.sessions):
        preferred = request.preferred_start.get(spec.id)
        preferred_min = None if preferred is None else preferred.hour * 60 + preferred.minute
        if spec.id in fixed_at:
            start, day = fixed_at[spec.id]
            items.append(
                Item(
                    index=n,
                    spec=spec,
                    fixed_min=start,
                    fixed_day=day,
                    starts=(),
                    start_days=(),
                    start_windows=(),
                    previous_min=previous_at.get(spec.id),
                    preferred_min_of_day=preferred_min,
                    boundary=_boundary(
                        [neighbour_cost(spec, start, day, near, context, price_all=True)]
                    )
                    if near
                    else (),
                )
            )
            continue
        if spec.duration_min not in by_duration:
            by_duration[spec.duration_min] = allowed_starts(
                duration_min=spec.duration_min, pieces=pieces, clock=clock, busy=busy
            )
        found = by_duration[spec.duration_min]
        dates = request.allowed_dates.get(spec.id)
        if dates is not None:
            days = {(day - request.week_start).days for day in dates}
            found = [f for f in found if f[1] in days]
        boundary: tuple[tuple[RuleId, tuple[int, ...]], ...] = ()
        if near:
            costs = [neighbour_cost(spec, f[0], f[1], near, context) for f in found]
            found = [f for f, c in zip(found, costs, strict=True) if c.clear]
            boundary = _boundary([c for c in costs if c.clear])
        items.append(
            Item(
                index=n,
                spec=spec,
                fixed_min=None,
                fixed_day=None,
                starts=tuple(s for s, _, _ in found),
                start_days=tuple(d for _, d, _ in found),
                start_windows=tuple(w for _, _, w in found),
                previous_min=previous_at.get(spec.id),
                preferred_min_of_day=preferred_min,
                boundary=boundary,
            )
        )
    return Prepared(
        request=request,
        clock=clock,
        items=tuple(items),
        pieces=pieces,
        priority=priority_first(context),
        sch3_hard=sch3_is_hard(context),
        linked=linked,
        outside=outside,
    )


def drop_rank(spec: SessionSpec) -> tuple[int, int, int, str]:
    """Which session to give up first: non-key before key, easy runs, other runs, then lifts.

    The shortest of a rank first, then by id, so the choice is the same on every run.
    """
    if spec.is_run and spec.kind in {RunKind.EASY, RunKind.RECOVERY}:
        kind_rank = 0
    elif spec.is_run:
        kind_rank = 1
    else:
        kind_rank = 2
    return (int(spec.key), kind_rank, spec.duration_min, spec.id)
