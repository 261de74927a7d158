"""Weekly placement, the package's public entry: when each session of the week starts, and why.

``place_week`` puts every session of a ``WeekRequest`` on a 15-minute grid
inside the athlete's windows so that every hard rule holds and the week's rule
cost (``runlift.rules.week_cost``) is as low as possible, using OR-Tools CP-SAT
(imported only when a week is placed, so the command line starts fast). When no
placement can satisfy the hard rules it returns an ``InfeasibleWeek`` naming the
colliding rules and inputs and the smallest changes that would make the week
work. See ``docs/placement.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.domain.week import WeekRequest
from runlift.errors import InvalidInput, PlanningError
from runlift.placement.results import (
    Conflict,
    Explanation,
    InfeasibleWeek,
    Relaxation,
    RelaxationKind,
    WeekPlacement,
    WindowChange,
)

if TYPE_CHECKING:
    from runlift.placement.prepare import Prepared
    from runlift.placement.solve import Solution

__all__ = [
    "DEFAULT_TIME_LIMIT_S",
    "Conflict",
    "Explanation",
    "InfeasibleWeek",
    "PlacementMemo",
    "Relaxation",
    "RelaxationKind",
    "WeekPlacement",
    "WindowChange",
    "place_week",
]

DEFAULT_TIME_LIMIT_S = 2.0


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
    previous: WeekPlacement | Sequence[ScheduledSession] | None = None,
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
        previous: an earlier placement of this week, or its sessions (an earlier plan
            version's week); sessions keep the starts of the same ids unless moving them
            lowers the rule cost by more than the move costs
            (``runlift.placement.constraints.stability.MOVE_POINTS`` per session).
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
    from runlift.placement import diagnosis, explain, solve  # noqa: PLC0415
    from runlift.placement.prepare import prepare  # noqa: PLC0415

    earlier: tuple[ScheduledSession, ...] = ()
    if isinstance(previous, WeekPlacement):
        earlier = previous.sessions
    elif previous is not None:
        earlier = tuple(previous)
    prepared = prepare(request, fixed=fixed, previous=earlier)
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
