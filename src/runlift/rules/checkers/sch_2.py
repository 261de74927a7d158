"""SCH-2: prefer lifts and runs on different days; each local date with both costs the weight."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_2 as RULE
from runlift.rules.model import Violation
from runlift.rules.priority import priority_first
from runlift.rules.timing import alternative_day, by_date, modalities
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import Modality


def _shared_days(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[date, list[ScheduledSession]]]:
    for day, group in by_date(sessions, context).items():
        if modalities(group) == frozenset(Modality):
            yield day, group


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation for each local date with both a lift and a run."""
    dates = by_date(sessions, context)
    first = priority_first(context) or Modality.LIFT
    for day, group in _shared_days(sessions, context):
        movable = [s for s in group if s.spec.modality is not first]
        mover = min(movable, key=lambda s: s.spec.key)  # a key session is the last to move
        target = alternative_day(
            mover, context, lambda d: first not in modalities(dates.get(d, []))
        )
        where = day_name(target) if target is not None else f"a day without a {first.value}"
        yield Violation(
            rule_id=RULE.id,
            sessions=tuple(group),
            measured=1,
            limit=0,
            unit="shared days",
            text=(
                f"{day_text(day)} has both a lift and a run "
                f"({', '.join(quoted(s) for s in group)}); separate days are preferred"
            ),
            fix=f"move {quoted(mover)} to {where}",
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x number of local dates with both a lift and a run."""
    return (RULE.weight or 0) * sum(1 for _ in _shared_days(sessions, context))
