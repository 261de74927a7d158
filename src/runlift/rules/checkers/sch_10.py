"""SCH-10: the athlete's rest days are kept; the guideline's one rest day is preferred.

A rest day is a local date of the ISO week with no session. Hard: at least
``WeekContext.rest_days_min`` rest days, the minimum the athlete asked for.
Soft: when the athlete's minimum is below the guideline's ``rest_days_min``
(one), each rest day missing below the guideline's costs the rule's weight.
Weeks with no session at all have seven rest days and are not judged.
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


def athlete_minimum(context: WeekContext) -> int:
    """The athlete's own minimum of rest days a week (hard); raises outside 0..7."""
    if not 0 <= context.rest_days_min <= DAYS_PER_WEEK:
        raise InvalidInput("rest_days_min", context.rest_days_min, "between 0 and 7 days")
    return context.rest_days_min


def guideline_minimum(context: WeekContext) -> int:
    """The guideline's minimum of rest days a week (soft)."""
    return round(RULE.param("rest_days_min", context.profile))


def soft_minimum(context: WeekContext) -> int:
    """The rest days the soft part asks for: the guideline's, when the athlete's is lower.

    Zero when the athlete's minimum is at least the guideline's: the hard part then
    already asks for more.
    """
    guideline = guideline_minimum(context)
    return guideline if athlete_minimum(context) < guideline else 0


def _weeks(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[tuple[int, int], list[ScheduledSession], int]]:
    """(ISO week, its sessions, rest days) for each ISO week with a session."""
    for week, group in by_week(sessions, context).items():
        training_days = len({day for day in by_date(group, context) if iso_week(day) == week})
        yield week, group, DAYS_PER_WEEK - training_days


def _fix(group: list[ScheduledSession], missing: int, context: WeekContext) -> str:
    days = by_date(group, context)
    # Free the day whose sessions matter least: fewest key sessions, then fewest sessions.
    day, lightest = min(
        days.items(),
        key=lambda item: (sum(s.spec.key for s in item[1]), len(item[1]), item[0]),
    )
    titles = ", ".join(quoted(s) for s in lightest)
    return f"move {titles} from {day_text(day)} onto another training day, or drop it" + (
        f", and free {quantity(missing - 1, 'more days')}" if missing > 1 else ""
    )


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a violation per ISO week short of rest days.

    Hard below the athlete's minimum; else soft below the guideline's.
    """
    hard_min = athlete_minimum(context)
    soft_min = soft_minimum(context)
    for (year, week), group, rest in _weeks(sessions, context):
        label = f"week {year}-W{week:02d} has {quantity(rest, 'rest days')}"
        if rest < hard_min:
            yield Violation(
                rule_id=RULE.id,
                sessions=tuple(group),
                measured=rest,
                limit=hard_min,
                unit="rest days",
                text=f"{label}; the athlete asked for at least {hard_min}",
                fix=_fix(group, hard_min - rest, context),
                hard=True,
            )
        elif rest < soft_min:
            yield Violation(
                rule_id=RULE.id,
                sessions=tuple(group),
                measured=rest,
                limit=soft_min,
                unit="rest days",
                text=f"{label}; at least {soft_min} a week is better for recovery",
                fix=_fix(group, soft_min - rest, context),
                hard=False,
            )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x rest days missing below the soft minimum, in weeks that meet the hard one."""
    hard_min = athlete_minimum(context)
    soft_min = soft_minimum(context)
    return (RULE.weight or 0) * sum(
        soft_min - rest for *_, rest in _weeks(sessions, context) if hard_min <= rest < soft_min
    )
