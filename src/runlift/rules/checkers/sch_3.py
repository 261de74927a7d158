"""SCH-3: on a day with both, the priority modality's first session starts first.

Hard for strength, hypertrophy and race goals (``sch3_is_hard``); otherwise each
date out of order costs the rule's weight.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_3 as RULE
from runlift.rules.model import Violation
from runlift.rules.priority import priority_first, sch3_is_hard
from runlift.rules.timing import by_date, elapsed_s, timed
from runlift.rules.wording import clock, day_text, quoted
from runlift.units import SECONDS_PER_MINUTE
from runlift.vocabulary import Modality


def _out_of_order(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[date, ScheduledSession, ScheduledSession]]:
    """(date, first priority session, first other session) for each date out of order."""
    first = priority_first(context)
    if first is None:
        return
    for day, group in by_date(timed(sessions), context).items():
        ours = [s for s in group if s.spec.modality is first]
        theirs = [s for s in group if s.spec.modality is not first]
        if ours and theirs and not ours[0].start < theirs[0].start:
            yield day, ours[0], theirs[0]


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a violation (hard or soft by goal) per date whose priority session is not first."""
    hard = sch3_is_hard(context)
    for day, ours, theirs in _out_of_order(sessions, context):
        late_min = elapsed_s(theirs.start, ours.start) / SECONDS_PER_MINUTE
        modality = "lifting" if ours.spec.modality is Modality.LIFT else "running"
        yield Violation(
            rule_id=RULE.id,
            sessions=(theirs, ours),
            measured=late_min,
            limit=0,
            unit="min",
            text=(
                f"on {day_text(day)} {quoted(theirs)} starts before {quoted(ours)}; "
                f"{modality} comes first for a {context.goal.value.replace('_', ' ')} goal"
            ),
            fix=(
                f"start {quoted(ours)} before {clock(theirs.start, context)}, "
                f"or move {quoted(theirs)} to after {quoted(ours)}"
            ),
            hard=hard,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x dates out of order when SCH-3 is soft for the goal; 0 when it is hard."""
    if sch3_is_hard(context):
        return 0
    return (RULE.weight or 0) * sum(1 for _ in _out_of_order(sessions, context))
