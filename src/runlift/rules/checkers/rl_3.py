"""RL-3: no more than ``max_loaded_days_in_a_row`` loaded days in a row.

A *loaded* session is a hard run (intervals, tempo, hills, ..., or over 90 min),
a long run, a heavy-lower lift (a full-body lift that trains the legs counts) or
an explosive lift. A loaded day is a local date on which one starts. Every
stretch of consecutive loaded days longer than the limit costs the rule's weight
once per day beyond the limit (three in a row: once; four: twice). Dates run on
across weeks, so Saturday, Sunday and Monday are three days in a row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.conventions import RL_3 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import by_date
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import LiftKind, RunKind

_ONE_DAY = timedelta(days=1)


def loads_the_day(spec: SessionSpec) -> bool:
    """A hard run, a long run, a heavy-lower lift or an explosive lift."""
    if spec.is_run:
        return spec.is_hard_run or spec.kind is RunKind.LONG
    return spec.is_heavy_lower or spec.kind is LiftKind.EXPLOSIVE


def most_in_a_row(context: WeekContext) -> int:
    """The most loaded days allowed in a row."""
    return round(RULE.param("max_loaded_days_in_a_row", context.profile))


def _stretches(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[list[tuple[date, list[ScheduledSession]]]]:
    """Each stretch of consecutive loaded days longer than the limit, days in order."""
    loaded = {
        day: [s for s in group if loads_the_day(s.spec)]
        for day, group in by_date(sessions, context).items()
    }
    loaded = {day: group for day, group in loaded.items() if group}
    most = most_in_a_row(context)
    stretch: list[tuple[date, list[ScheduledSession]]] = []
    for day in sorted(loaded):
        if stretch and stretch[-1][0] + _ONE_DAY != day:
            if len(stretch) > most:
                yield stretch
            stretch = []
        stretch.append((day, loaded[day]))
    if len(stretch) > most:
        yield stretch


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation per stretch of more loaded days in a row than allowed."""
    most = most_in_a_row(context)
    for stretch in _stretches(sessions, context):
        first, last = stretch[0][0], stretch[-1][0]
        involved = tuple(s for _, group in stretch for s in group)
        # Easing a day inside the stretch splits it; the first such day whose sessions
        # are not key is the cheapest to change.
        inner = [(day, s) for day, group in (stretch[1:-1] or stretch) for s in group]
        day, target = next(((d, s) for d, s in inner if not s.spec.key), inner[0])
        yield Violation(
            rule_id=RULE.id,
            sessions=involved,
            measured=len(stretch),
            limit=most,
            unit="loaded days in a row",
            text=(
                f"{len(stretch)} loaded days in a row, {day_text(first)} to {day_text(last)} "
                f"({', '.join(quoted(s) for s in involved)}): hard days need easy days between "
                "them to absorb the work"
            ),
            fix=(f"make {quoted(target)} on {day_name(day)} easy, or move it next to an easy day"),
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x loaded days beyond the limit, summed over stretches."""
    most = most_in_a_row(context)
    return (RULE.weight or 0) * sum(len(s) - most for s in _stretches(sessions, context))
