"""SCH-6: the two parts of a combined block.

Combined blocks only when ``WeekContext.allow_combined``; then both parts start
on the same local date, the later part starts ``min_gap_min`` to ``max_gap_min``
minutes after the earlier ends, and the priority modality's part comes first.
A part whose partner is not among the sessions is not judged here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_6 as RULE
from runlift.rules.model import Violation
from runlift.rules.priority import priority_first
from runlift.rules.timing import earlier_later, gap_s, in_order, local_date, timed
from runlift.rules.wording import clock, day_text, quoted, shifted
from runlift.units import SECONDS_PER_MINUTE

_SECONDS_PER_MINUTE = int(SECONDS_PER_MINUTE)


def combined_blocks(
    sessions: Sequence[ScheduledSession],
) -> list[tuple[ScheduledSession, ScheduledSession]]:
    """(earlier part, later part) of every combined block whose two parts are both present."""
    by_id = {s.id: s for s in sessions}
    seen: set[frozenset[str]] = set()
    blocks = []
    for session in in_order(sessions):
        partner_id = session.spec.combined_with
        if partner_id is None or partner_id not in by_id or partner_id == session.id:
            continue
        key = frozenset({session.id, partner_id})
        if key in seen:
            continue
        seen.add(key)
        blocks.append(earlier_later(session, by_id[partner_id]))
    return blocks


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation for each combined block that is not allowed or not well formed."""
    min_gap = RULE.param("min_gap_min", context.profile)
    max_gap = RULE.param("max_gap_min", context.profile)
    first = priority_first(context)
    for earlier, later in combined_blocks(timed(sessions)):
        pair = (earlier, later)
        names = f"{quoted(earlier)} + {quoted(later)}"
        if not context.allow_combined:
            yield Violation(
                rule_id=RULE.id,
                sessions=pair,
                measured=1,
                limit=0,
                unit="combined blocks",
                text=f"{names} form a combined block, but combined sessions are not allowed",
                fix=f"schedule {quoted(later)} as a separate session on another day",
                hard=True,
            )
            continue
        day = local_date(earlier, context)
        if local_date(later, context) != day:
            days_apart = (local_date(later, context) - day).days
            yield Violation(
                rule_id=RULE.id,
                sessions=pair,
                measured=days_apart,
                limit=0,
                unit="days",
                text=f"combined block {names} is split over {days_apart + 1} days",
                fix=(
                    f"start {quoted(later)} on {day_text(day)}, {min_gap:g}-{max_gap:g} min "
                    f"after {quoted(earlier)} ends"
                ),
                hard=True,
            )
            continue
        gap_min = gap_s(earlier, later) / _SECONDS_PER_MINUTE
        if not min_gap <= gap_min <= max_gap:
            low = shifted(earlier.end, seconds=round(min_gap * _SECONDS_PER_MINUTE))
            high = shifted(earlier.end, seconds=round(max_gap * _SECONDS_PER_MINUTE))
            yield Violation(
                rule_id=RULE.id,
                sessions=pair,
                measured=gap_min,
                limit=min_gap if gap_min < min_gap else max_gap,
                unit="min",
                text=(
                    f"in combined block {names} the second part starts {gap_min:g} min after the "
                    f"first ends; {min_gap:g}-{max_gap:g} min are needed"
                ),
                fix=(
                    f"start {quoted(later)} between {clock(low, context)} and "
                    f"{clock(high, context)}"
                ),
                hard=True,
            )
        if (
            first is not None
            and earlier.spec.modality is not later.spec.modality
            and earlier.spec.modality is not first
        ):
            yield Violation(
                rule_id=RULE.id,
                sessions=pair,
                measured=2,
                limit=1,
                unit="position",
                text=(
                    f"in combined block {names} the {first.value} part comes second; "
                    "the priority part goes first"
                ),
                fix=f"swap the parts: {quoted(later)} first, then {quoted(earlier)}",
                hard=True,
            )
