"""Weekly placement: when each session of the week starts, and why.

``place_week`` puts every session of a ``WeekRequest`` on a 15-minute grid
inside the athlete's windows so that every hard rule holds and the week's rule
cost (``runlift.rules.week_cost``) is as low as possible, using OR-Tools CP-SAT
(imported only when a week is placed, so the command line starts fast). When no
placement can satisfy the hard rules it returns an ``InfeasibleWeek`` naming the
colliding rules and inputs and the smallest changes that would make the week
work. See ``docs/placement.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.domain.week import TimeWindow, WeekRequest
from runlift.errors import InvalidInput, PlanningError
from runlift.rules.model import CostBreakdown, RuleId
from runlift.vocabulary import EvidenceProfile, Weekday

if TYPE_CHECKING:
    from runlift.planner.prepare import Prepared
    from runlift.planner.solve import Solution

DEFAULT_TIME_LIMIT_S = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """Why a session sits where it does.

    Attributes:
        window: the availability window it uses (e.g. ``Tue 18:00-20:00``) or ``fixed start``.
        rule_ids: the rules that shaped its placement, in catalogue order.
        lines: one line per rule, e.g. ``SCH-1: 9.5 h after 'Heavy lower' (min 6 h)``.
        penalties: rule points this session takes part in (a day or pair penalty is
            listed on every session of that day or pair; the week's ``cost`` is the sum
            that counts).
        sources: the guidance documents and literature of each rule.
        preferences: lines about tie-break preferences and moves.
    """

    window: str
    rule_ids: tuple[RuleId, ...]
    lines: tuple[str, ...]
    penalties: Mapping[RuleId, int]
    sources: Mapping[RuleId, tuple[str, ...]]
    preferences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekPlacement:
    """A placed week.

    Attributes:
        sessions: the placed sessions in start order; a combined block made by the
            planner links its parts through ``SessionSpec.combined_with``.
        explanations: why each session is where it is.
        cost: ``runlift.rules.week_cost`` of ``sessions``, by rule.
        solver_cost: the same cost as the solver's objective terms counted it (equal
            to ``cost``; kept to show that the model prices exactly the rules).
        preferences: points of the terms that are not rule costs: ``moves``
            (re-placement), ``preferred_start`` and ``best_slot`` (tie-breaks).
        moved: sessions whose start differs from the previous placement.
        optimal: True when the solver proved that no placement costs less.
        solve_time_s: the solver's wall time.
    """

    sessions: tuple[ScheduledSession, ...]
    explanations: Mapping[SessionId, Explanation]
    cost: CostBreakdown
    solver_cost: CostBreakdown
    preferences: Mapping[str, int]
    moved: tuple[SessionId, ...]
    optimal: bool
    solve_time_s: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """Hard rules and inputs that cannot all hold together.

    Attributes:
        rule_ids: the colliding rules (``availability`` when the windows take part).
        session_ids: the sessions involved.
        inputs: the inputs behind the collision, one short line each.
        text: one paragraph a person can act on.
    """

    rule_ids: tuple[RuleId, ...]
    session_ids: tuple[SessionId, ...]
    inputs: tuple[str, ...]
    text: str


class RelaxationKind(StrEnum):
    """Kinds of change that can make an infeasible week feasible."""

    ADD_WINDOW = "add_window"
    EXTEND_WINDOW = "extend_window"
    PROFILE = "profile"
    ALLOW_COMBINED = "allow_combined"
    DROP_SESSION = "drop_session"


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowChange:
    """A window added to a weekday, or an existing one (``replaces``) made longer."""

    weekday: Weekday
    window: TimeWindow
    replaces: TimeWindow | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Relaxation:
    """One change that was checked to make the week feasible.

    Attributes:
        kind: what changes.
        size: how much it changes, in change points (``docs/placement.md``): one per
            hour of added window time, 1.5 per evidence-profile step, 2 for allowing
            combined sessions, 3 per dropped session (6 for a key session).
        text: the change in words.
        windows: windows to add or extend.
        profile: the evidence profile to switch to.
        session_ids: sessions to drop.
    """

    kind: RelaxationKind
    size: float
    text: str
    windows: tuple[WindowChange, ...] = ()
    profile: EvidenceProfile | None = None
    session_ids: tuple[SessionId, ...] = ()

    def apply(self, request: WeekRequest) -> WeekRequest:
        """Return ``request`` with this change made."""
        context = request.context
        if self.kind is RelaxationKind.PROFILE and self.profile is not None:
            return dataclasses.replace(
                request, context=dataclasses.replace(context, profile=self.profile)
            )
        if self.kind is RelaxationKind.ALLOW_COMBINED:
            return dataclasses.replace(
                request, context=dataclasses.replace(context, allow_combined=True)
            )
        if self.kind is RelaxationKind.DROP_SESSION and self.session_ids:
            dropped = set(self.session_ids)
            return dataclasses.replace(
                request,
                sessions=tuple(s for s in request.sessions if s.id not in dropped),
                preferred_start={
                    k: v for k, v in request.preferred_start.items() if k not in dropped
                },
            )
        if self.windows:
            availability = dict(request.availability)
            for change in self.windows:
                kept = tuple(
                    w for w in availability.get(change.weekday, ()) if w != change.replaces
                )
                availability[change.weekday] = tuple(
                    sorted((*kept, change.window), key=lambda w: w.start_min)
                )
            return dataclasses.replace(request, availability=availability)
        raise InvalidInput("relaxation", self.kind, "a complete relaxation")


@dataclass(frozen=True, slots=True, kw_only=True)
class InfeasibleWeek:
    """No placement satisfies the hard rules: what collides and what would fix it.

    Attributes:
        conflicts: the colliding rules and inputs.
        relaxations: changes checked to make the week feasible, smallest first.
        solve_time_s: the solvers' total wall time, diagnosis included.
    """

    conflicts: tuple[Conflict, ...]
    relaxations: tuple[Relaxation, ...]
    solve_time_s: float

    @property
    def text(self) -> str:
        """The conflicts and the best relaxations as a few lines of text."""
        lines = [c.text for c in self.conflicts]
        if self.relaxations:
            lines.append("Any one of these would make the week work:")
            lines.extend(f"- {r.text}" for r in self.relaxations)
        return "\n".join(lines)


@dataclass(slots=True)
class PlacementMemo:
    """Weeks already placed in one run (a whole plan, say), for weeks whose model repeats.

    A week whose model is the same as an earlier one's (``solve.model_key``: the same
    sessions apart from ids and titles, the same allowed starts, context and local
    midnights) takes the earlier proven-optimal solution instead of solving again; it is
    explained afresh and reports a solve time of zero. Only proven-optimal solutions are
    kept, so a memo never changes a week's cost.

    Attributes:
        solved: proven-optimal solutions by model key.
        hits: weeks placed from the memo.
    """

    solved: dict[tuple[object, ...], Solution] = field(default_factory=dict)
    hits: int = 0


def _hinted_minutes(prepared: Prepared, hint: Mapping[SessionId, datetime]) -> dict[int, int]:
    """Elapsed guesses per item index: the previous placement's starts, then ``hint``."""
    guesses = {i.index: i.previous_min for i in prepared.items if i.previous_min is not None}
    for session_id, moment in hint.items():
        if moment.tzinfo is None:
            raise InvalidInput("hint", moment.isoformat(), "a start with a timezone")
        guesses[prepared.item(session_id).index] = prepared.clock.elapsed_min(moment)
    return guesses


def place_week(
    request: WeekRequest,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    previous: WeekPlacement | None = None,
    fixed: Mapping[SessionId, datetime] | None = None,
    hint: Mapping[SessionId, datetime] | None = None,
    memo: PlacementMemo | None = None,
    suggest: bool = True,
) -> WeekPlacement | InfeasibleWeek:
    """Place the week's sessions, or explain why they cannot be placed.

    Args:
        request: the sessions, windows, commitments and context.
        time_limit_s: the solver's time limit for the placement (the diagnosis of an
            infeasible week gets the same budget again).
        previous: an earlier placement of this week; sessions keep their starts
            unless moving them lowers the rule cost by more than the move costs
            (``runlift.planner.constraints.stability.MOVE_POINTS`` per session).
        fixed: starts that must be kept as they are (e.g. sessions already done),
            even outside the windows; truncated to the minute.
        hint: a first guess per session (e.g. the same weekday and time as last
            week); it speeds up the search and never changes the cost found. A guess
            outside the session's allowed starts moves to the nearest one of its day.
            The previous placement's starts are guessed too.
        memo: weeks placed earlier in the same run; a week with the same model reuses
            their proven-optimal solution (``PlacementMemo``).
        suggest: for an infeasible week, also search the changes that would make it
            work (``InfeasibleWeek.relaxations``, each checked by solving); without it
            only the conflicts are found, which is much cheaper.

    Returns:
        A ``WeekPlacement``, or an ``InfeasibleWeek`` when the hard rules cannot hold.

    Raises:
        InvalidInput: a non-positive time limit, an SCH-7 composition error (how many
            lifts, and how many train legs, back and chest), malformed combined
            blocks, fixed starts that are unknown, outside the week or overlapping, or
            a hint for an unknown session or without a timezone.
        PlanningError: the time limit ran out before any placement was found.
    """
    if not time_limit_s > 0:
        raise InvalidInput("time_limit_s", time_limit_s, "a number of seconds above zero")
    # The solver is imported here, not at module level: it takes ~0.3 s to load.
    from runlift.planner import diagnosis, explain, solve  # noqa: PLC0415
    from runlift.planner.prepare import prepare  # noqa: PLC0415

    prepared = prepare(
        request, fixed=fixed, previous=previous.sessions if previous is not None else ()
    )
    guesses = _hinted_minutes(prepared, hint or {})
    key = solve.model_key(prepared) if memo is not None else None
    if memo is not None and key in memo.solved:
        memo.hits += 1
        return explain.placement(prepared, memo.solved[key], optimal=True, solve_time_s=0.0)
    model = solve.build(prepared)
    solve.add_hints(model, guesses)
    outcome = solve.solve(model, time_limit_s=time_limit_s)
    if outcome.solution is not None:
        optimal = outcome.status is solve.Status.OPTIMAL
        if memo is not None and key is not None and optimal:
            memo.solved[key] = outcome.solution
        return explain.placement(
            prepared, outcome.solution, optimal=optimal, solve_time_s=outcome.wall_time_s
        )
    if outcome.status is solve.Status.UNKNOWN:
        raise PlanningError(
            f"no placement found within {time_limit_s:g} s; allow the solver more time"
        )
    return diagnosis.diagnose(
        prepared, time_limit_s=time_limit_s, spent_s=outcome.wall_time_s, suggest=suggest
    )
