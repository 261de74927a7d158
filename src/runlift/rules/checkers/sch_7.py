"""SCH-7: weekly lifting composition.

In each ISO week with a lift, legs, back and chest are each lifted on
``min_per_week`` to ``max_per_week`` distinct local dates, and there are at most
``max_lifts`` lifts (``max_lifts_lifting_first`` when the priority is lifting).
Placement cannot change the counts, so the planner reports this before solving.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.quantities import quantity
from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_7 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import by_week, local_date
from runlift.rules.wording import quoted
from runlift.vocabulary import MuscleGroup, Priority

GROUPS = (MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST)
"""The major groups, in the order they are reported."""


def max_lifts(context: WeekContext) -> int:
    """Most lifts allowed in a week for this athlete's priority."""
    name = "max_lifts_lifting_first" if context.priority is Priority.LIFTING else "max_lifts"
    return round(RULE.param(name, context.profile))


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation per group lifted on too few or too many days, and for excess lifts."""
    low = round(RULE.param("min_per_week", context.profile))
    high = round(RULE.param("max_per_week", context.profile))
    most = max_lifts(context)
    for (year, week), group in by_week(sessions, context).items():
        lifts = [s for s in group if s.spec.is_lift]
        if not lifts:
            continue
        label = f"week {year}-W{week:02d}"
        for muscle in GROUPS:
            training = [s for s in lifts if muscle in s.spec.muscle_groups]
            days = len({local_date(s, context) for s in training})
            if days < low:
                yield Violation(
                    rule_id=RULE.id,
                    sessions=tuple(training or lifts),
                    measured=days,
                    limit=low,
                    unit="days",
                    text=(
                        f"{label}: {muscle.value} is lifted on {quantity(days, 'days')}; "
                        f"{low}-{high} needed"
                    ),
                    fix=(
                        f"add {muscle.value} work to {quantity(low - days, 'more lifts')} "
                        "on other days"
                    ),
                    hard=True,
                )
            elif days > high:
                yield Violation(
                    rule_id=RULE.id,
                    sessions=tuple(training),
                    measured=days,
                    limit=high,
                    unit="days",
                    text=f"{label}: {muscle.value} is lifted on {days} days; {low}-{high} allowed",
                    fix=f"take {muscle.value} out of {quoted(training[-1])}",
                    hard=True,
                )
        if len(lifts) > most:
            spare = [s for s in lifts if not s.spec.key] or lifts
            yield Violation(
                rule_id=RULE.id,
                sessions=tuple(lifts),
                measured=len(lifts),
                limit=most,
                unit="lifts",
                text=(
                    f"{label} has {len(lifts)} lifts; at most {most} for a "
                    f"{context.priority.value} priority"
                ),
                fix=f"drop {quantity(len(lifts) - most, 'lifts')}, e.g. {quoted(spare[-1])}",
                hard=True,
            )
