"""SCH-8: general fitness alternates lift days and run days.

For a general-fitness goal only: each pair of consecutive local dates in one
ISO week on which the same single modality trains (and the other does not)
costs the rule's weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_8 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import alternative_day, by_date, iso_week, modalities
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import GoalKind, Modality

_ONE_DAY = timedelta(days=1)


def _repeats(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[date, Modality, list[ScheduledSession], list[ScheduledSession]]]:
    """(date, modality, its sessions, next date's sessions) per repeated single-modality pair."""
    if context.goal is not GoalKind.GENERAL_FITNESS:
        return
    dates = by_date(sessions, context)
    for day, group in dates.items():
        following = dates.get(day + _ONE_DAY)
        if following is None or iso_week(day) != iso_week(day + _ONE_DAY):
            continue
        kinds = modalities(group)
        if len(kinds) == 1 and modalities(following) == kinds:
            yield day, next(iter(kinds)), group, following


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation per pair of consecutive days that train only the same modality."""
    dates = by_date(sessions, context)
    for day, modality, group, following in _repeats(sessions, context):
        mover = following[0]

        def free_of(candidate: date, kind: Modality = modality) -> bool:
            neighbours = (candidate - _ONE_DAY, candidate, candidate + _ONE_DAY)
            return all(kind not in modalities(dates.get(d, [])) for d in neighbours)

        target = alternative_day(mover, context, free_of)
        where = f"to {day_name(target)}" if target is not None else "to a day between two others"
        yield Violation(
            rule_id=RULE.id,
            sessions=(*group, *following),
            measured=2,
            limit=1,
            unit="consecutive days",
            text=(
                f"{day_text(day)} and {day_text(day + _ONE_DAY)} both train only "
                f"{modality.value}; general fitness alternates lift days and run days"
            ),
            fix=f"move {quoted(mover)} {where}, or swap its day with a day of the other kind",
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x pairs of consecutive same-week dates that train only the same modality."""
    return (RULE.weight or 0) * sum(1 for _ in _repeats(sessions, context))
