"""``runlift lint`` as a use case: findings with their cost, and fixes checked against the windows.

A hard finding breaks a rule. A soft finding is no rule broken: it is a cost the
placement weighs (``runlift.rules.week_cost``), so each says how many points it adds
and what the whole week's soft findings add up to.

The rules' checkers suggest a fix for every finding without knowing the athlete's
windows. When the file says them (runlift's own plan.json and plan.ics do), each week
with findings is placed again inside those windows, with any race kept where it is:
if no placement costs less, the week is as good as its windows allow and the fix
says so; otherwise the fix is the smallest set of moves that makes the week cheaper
(``place_week`` with the week as it stands as the previous placement), each move
inside a window. Without windows the checker's fix stands, except that a race never
moves: a fix that would move one moves the other session instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from runlift.domain.quantities import quantity
from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.domain.week import WeekContext, WeekRequest
from runlift.errors import InvalidInput, PlanningError
from runlift.io.imported import Availability, ImportedSessions
from runlift.placement.week import WeekPlacement, place_week
from runlift.rules import PENALTIES, CostBreakdown, Violation, check_sessions, week_cost
from runlift.rules.timing import local, local_date
from runlift.vocabulary import RunKind

CHECK_TIME_LIMIT_S = 2.0
"""The solver's time limit for placing one week again."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One violation, with what it costs and how to fix it.

    Attributes:
        violation: the rule's finding, as its checker wrote it.
        week_start: the Monday of the local week the finding belongs to (its last session's).
        cost_points: for a soft finding, the points it adds to the week's cost.
        week_cost_points: for a soft finding, the points of every soft finding of that week.
        fix: what would fix it.
        fix_checked: the fix was checked by placing the week again inside the athlete's
            windows (the race kept where it is).
    """

    violation: Violation
    week_start: date
    cost_points: int | None
    week_cost_points: int | None
    fix: str
    fix_checked: bool


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_of(violation: Violation, context: WeekContext) -> date:
    days = [local_date(s, context) for s in violation.sessions]
    return _monday(max(days)) if days else date.min


def _is_race(session: ScheduledSession) -> bool:
    return session.spec.kind is RunKind.RACE


def _race_stays(violation: Violation) -> str:
    """The checker's fix, unless it would move a race: then the other session moves."""
    races = [s for s in violation.sessions if _is_race(s)]
    if not any(f"'{race.spec.title}'" in violation.fix for race in races):
        return violation.fix
    others = [f"'{s.spec.title}'" for s in violation.sessions if not _is_race(s)]
    if not others:
        return "the race's day and time are fixed; nothing else here can move"
    return f"the race's day and time are fixed: move {' or '.join(others)} instead"


def _when(moment: datetime, context: WeekContext) -> str:
    clock = local(moment, context)
    return f"{clock:%a %Y-%m-%d %H:%M}"


@dataclass(frozen=True, slots=True)
class _WeekCheck:
    """A week placed again inside the windows: the least cost, or the moves that lower it."""

    cost: int
    better_cost: int | None
    moves: Mapping[SessionId, datetime]
    still: frozenset[tuple[str, tuple[SessionId, ...]]]


def _key(violation: Violation) -> tuple[str, tuple[SessionId, ...]]:
    return violation.rule_id, tuple(s.spec.id for s in violation.sessions)


def _placed(result: object) -> WeekPlacement | None:
    return result if isinstance(result, WeekPlacement) else None


def _added_cost(
    week: Sequence[ScheduledSession], around: Sequence[ScheduledSession], context: WeekContext
) -> int:
    """What the week adds to the cost, pairs with the weeks around it included."""
    return week_cost([*week, *around], context).total - week_cost(around, context).total


def _check_week(
    week: Sequence[ScheduledSession],
    around: Sequence[ScheduledSession],
    *,
    monday: date,
    context: WeekContext,
    availability: Availability,
) -> _WeekCheck | None:
    """Place ``week`` again inside ``availability``; None when it cannot be placed there."""
    timed = [s for s in week if not s.all_day]
    if len(timed) != len(week):
        return None
    request = WeekRequest(
        week_start=monday,
        sessions=tuple(s.spec for s in timed),
        availability=availability,
        context=context,
        neighbours=tuple(s for s in around if not s.all_day),
    )
    fixed = {s.spec.id: s.start for s in timed if _is_race(s)}
    try:
        best = _placed(place_week(request, time_limit_s=CHECK_TIME_LIMIT_S, fixed=fixed))
        if best is None:
            return None
        now = _added_cost(timed, around, context)
        least = _added_cost(best.sessions, around, context)
        if least >= now:
            return _WeekCheck(cost=now, better_cost=None, moves={}, still=frozenset())
        as_it_is = WeekPlacement(
            sessions=tuple(timed),
            explanations={},
            cost=CostBreakdown(terms={}),
            boundary_cost=CostBreakdown(terms={}),
            solver_cost=CostBreakdown(terms={}),
            preferences={},
            moved=(),
            optimal=False,
            solve_time_s=0.0,
        )
        smallest = _placed(
            place_week(request, time_limit_s=CHECK_TIME_LIMIT_S, fixed=fixed, previous=as_it_is)
        )
    except (InvalidInput, PlanningError):
        return None
    if smallest is None or not smallest.moved:
        return _WeekCheck(cost=now, better_cost=None, moves={}, still=frozenset())
    moves = {s.spec.id: s.start for s in smallest.sessions if s.spec.id in smallest.moved}
    better = _added_cost(smallest.sessions, around, context)
    after = check_sessions([*smallest.sessions, *around], context)
    return _WeekCheck(
        cost=now,
        better_cost=better if better < now else None,
        moves=moves,
        still=frozenset(_key(v) for v in after),
    )


def _checked_fix(
    violation: Violation,
    check: _WeekCheck,
    *,
    context: WeekContext,
    titles: Mapping[SessionId, str],
) -> str | None:
    if check.better_cost is None:
        if violation.hard:
            return None
        return "none needed: no placement inside your windows makes this week cheaper"
    if _key(violation) in check.still:
        return (
            None
            if violation.hard
            else ("none that pays: placing the week again inside your windows keeps this cost")
        )
    moves = "; ".join(
        f"move '{titles[session_id]}' to {_when(start, context)}"
        for session_id, start in sorted(check.moves.items(), key=lambda item: item[1])
    )
    return f"{moves} (saves {quantity(check.cost - check.better_cost, 'points')})"


def lint_sessions(imported: ImportedSessions, context: WeekContext) -> tuple[Finding, ...]:
    """Every finding of the imported sessions, with its cost and a fix.

    Args:
        imported: the sessions read from a file, with the windows when the file says them.
        context: goal, priority, evidence profile and rest days to judge by.
    """
    violations = check_sessions(imported.sessions, context)
    weeks: dict[date, list[ScheduledSession]] = defaultdict(list)
    for session in imported.sessions:
        weeks[_monday(local_date(session, context))].append(session)
    cost: dict[int, int] = {}
    week_total: dict[date, int] = defaultdict(int)
    for index, violation in enumerate(violations):
        if not violation.hard and violation.rule_id in PENALTIES:
            cost[index] = PENALTIES[violation.rule_id](violation.sessions, context)
            week_total[_week_of(violation, context)] += cost[index]
    checks: dict[date, _WeekCheck | None] = {}
    if imported.availability is not None:
        for monday in sorted({_week_of(v, context) for v in violations}):
            around = [
                *weeks.get(monday - timedelta(days=7), []),
                *weeks.get(monday + timedelta(days=7), []),
            ]
            checks[monday] = _check_week(
                weeks.get(monday, []),
                around,
                monday=monday,
                context=context,
                availability=imported.availability,
            )
    titles = {s.spec.id: s.spec.title for s in imported.sessions}
    findings = []
    for index, violation in enumerate(violations):
        monday = _week_of(violation, context)
        check = checks.get(monday)
        checked = (
            None
            if check is None
            else _checked_fix(violation, check, context=context, titles=titles)
        )
        findings.append(
            Finding(
                violation=violation,
                week_start=monday,
                cost_points=cost.get(index),
                week_cost_points=week_total[monday] if index in cost else None,
                fix=checked if checked is not None else _race_stays(violation),
                fix_checked=checked is not None,
            )
        )
    return tuple(findings)
