"""SCH-5: the day after a hard run is for rest or an upper-body lift.

Every session that starts on the local date after a date with a hard run, and
is not an upper-body lift (``LiftKind.UPPER``), costs the rule's weight;
``loaded_factor`` times as much when it is itself loaded (a hard or long run, a
heavy-lower or explosive lift: ``rl_3.loads_the_day``), a hard day right after a
hard day. Runs over 90 min count as hard (``SessionSpec.is_hard_run``). Sunday's hard run
reaches into next Monday when a span of weeks is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_5 as RULE
from runlift.rules.checkers.rl_3 import loads_the_day
from runlift.rules.model import Violation
from runlift.rules.timing import alternative_day, by_date, local_date
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import LiftKind

_ONE_DAY = timedelta(days=1)


def _is_upper_lift(session: ScheduledSession) -> bool:
    return session.spec.is_lift and session.spec.kind is LiftKind.UPPER


def units(spec: SessionSpec, context: WeekContext) -> int:
    """Weight units of ``spec`` on the day after a hard run: more for a loaded session."""
    if loads_the_day(spec):
        return round(RULE.param("loaded_factor", context.profile))
    return 1


def _offenders(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[tuple[ScheduledSession, ...], ScheduledSession]]:
    """(hard runs of the day before, offending session) for each offending session."""
    dates = by_date(sessions, context)
    for day, group in dates.items():
        hard_runs = tuple(s for s in dates.get(day - _ONE_DAY, []) if s.spec.is_hard_run)
        if not hard_runs:
            continue
        for session in group:
            if not _is_upper_lift(session):
                yield hard_runs, session


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation for each non-upper session on the day after a hard run."""
    dates = by_date(sessions, context)

    for hard_runs, session in _offenders(sessions, context):
        day = local_date(session, context)
        target = alternative_day(
            session,
            context,
            lambda d: not any(s.spec.is_hard_run for s in dates.get(d - _ONE_DAY, [])),
        )
        move = f"move {quoted(session)} to {day_name(target)}" if target is not None else None
        swap = "make it an easy upper-body lift" if session.spec.is_lift else "replace it by rest"
        hard_day = units(session.spec, context) > 1
        yield Violation(
            rule_id=RULE.id,
            sessions=(*hard_runs, session),
            measured=1,
            limit=0,
            unit="sessions",
            text=(
                f"{quoted(session)} on {day_text(day)} follows the hard run "
                f"{quoted(hard_runs[0])}"
                + ("; a hard day right after a hard day" if hard_day else "")
                + "; the next day is for rest or an easy upper-body lift"
            ),
            fix=f"{move} or {swap}" if move is not None else swap,
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x sessions other than upper-body lifts on days after a hard-run day.

    Loaded sessions count ``loaded_factor`` times.
    """
    return (RULE.weight or 0) * sum(
        units(session.spec, context) for _, session in _offenders(sessions, context)
    )
