"""SCH-10: at least ``WeekContext.rest_days_min`` rest days a week.

A rest day is a local date of the ISO week with no session. Each rest day
missing below the minimum costs the rule's weight; weeks with no session at
all have seven rest days and are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.quantities import quantity
from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.rules.catalogue.scheduling import SCH_10 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import by_date, by_week, iso_week
from runlift.rules.wording import day_text, quoted

DAYS_PER_WEEK = 7


def _minimum(context: WeekContext) -> int:
    if not 0 <= context.rest_days_min <= DAYS_PER_WEEK:
        raise InvalidInput("rest_days_min", context.rest_days_min, "between 0 and 7 days")
    return context.rest_days_min


def _short_weeks(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[tuple[int, int], list[ScheduledSession], int, int]]:
    """(ISO week, its sessions, rest days, missing rest days) for each week short of rest."""
    minimum = _minimum(context)
    for week, group in by_week(sessions, context).items():
        training_days = len({day for day in by_date(group, context) if iso_week(day) == week})
        rest = DAYS_PER_WEEK - training_days
        if rest < minimum:
            yield week, group, rest, minimum - rest


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation for each ISO week with fewer rest days than the athlete's minimum."""
    for (year, week), group, rest, missing in _short_weeks(sessions, context):
        days = by_date(group, context)
        # Free the day whose sessions matter least: fewest key sessions, then fewest sessions.
        day, lightest = min(
            days.items(),
            key=lambda item: (sum(s.spec.key for s in item[1]), len(item[1]), item[0]),
        )
        titles = ", ".join(quoted(s) for s in lightest)
        yield Violation(
            rule_id=RULE.id,
            sessions=tuple(group),
            measured=rest,
            limit=context.rest_days_min,
            unit="rest days",
            text=(
                f"week {year}-W{week:02d} has {quantity(rest, 'rest days')}; at least "
                f"{context.rest_days_min} wanted"
            ),
            fix=(
                f"move {titles} from {day_text(day)} onto another training day"
                + (f" and free {quantity(missing - 1, 'more days')}" if missing > 1 else "")
            ),
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x rest days missing below ``rest_days_min``, summed over ISO weeks."""
    return (RULE.weight or 0) * sum(missing for *_, missing in _short_weeks(sessions, context))
