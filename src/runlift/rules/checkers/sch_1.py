"""SCH-1: a lift and a run on the same local date are at least ``min_gap_h`` apart.

Hard part: gap (later start - earlier end) >= ``min_gap_h``. Soft part: each
whole hour by which the gap falls short of ``preferred_gap_h`` costs the rule's
weight. Both parts skip the two parts of one combined block (SCH-6 rules them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_1 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import (
    alternative_day,
    by_date,
    earlier_later,
    gap_s,
    hours_to_s,
    lift_run_pairs,
    local,
    local_date,
    modalities,
    s_to_hours,
    same_block,
    timed,
)
from runlift.rules.wording import clock, day_name, day_text, hours_text, quoted, shifted
from runlift.units import SECONDS_PER_HOUR

_SECONDS_PER_HOUR = int(SECONDS_PER_HOUR)


def _same_day_pairs(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[ScheduledSession, ScheduledSession, int]]:
    """(earlier, later, gap in s) for every same-date lift/run pair outside a combined block."""
    for lift, run in lift_run_pairs(timed(sessions)):
        if local_date(lift, context) != local_date(run, context) or same_block(lift, run):
            continue
        earlier, later = earlier_later(lift, run)
        yield earlier, later, gap_s(earlier, later)


def whole_hours_short(gap_seconds: int, preferred_seconds: int) -> int:
    """Whole hours by which a gap falls short of the preferred gap (0 if it does not)."""
    return max(0, (preferred_seconds - gap_seconds) // _SECONDS_PER_HOUR)


def _fix(
    earlier: ScheduledSession,
    later: ScheduledSession,
    needed_s: int,
    sessions: Sequence[ScheduledSession],
    context: WeekContext,
) -> str:
    dates = by_date(sessions, context)
    other = earlier.spec.modality
    day = alternative_day(later, context, lambda d: other not in modalities(dates.get(d, [])))
    earliest = shifted(earlier.end, seconds=needed_s)
    same_date = local(earliest, context).date() == local_date(later, context)
    if day is not None and same_date:
        return (
            f"move {quoted(later)} to {day_name(day)} or start it at "
            f"{clock(earliest, context)} or later"
        )
    if same_date:
        return f"start {quoted(later)} at {clock(earliest, context)} or later"
    if day is not None:
        return f"move {quoted(later)} to {day_name(day)}"
    return f"move {quoted(later)} to another day"


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield hard violations below ``min_gap_h``, else soft ones short of ``preferred_gap_h``."""
    min_gap_h = RULE.param("min_gap_h", context.profile)
    preferred_gap_h = RULE.param("preferred_gap_h", context.profile)
    min_s, preferred_s = hours_to_s(min_gap_h), hours_to_s(preferred_gap_h)
    for earlier, later, gap in _same_day_pairs(sessions, context):
        day = day_text(local_date(later, context))
        gap_text = hours_text(s_to_hours(gap))
        if gap < min_s:
            yield Violation(
                rule_id=RULE.id,
                sessions=(earlier, later),
                measured=s_to_hours(gap),
                limit=min_gap_h,
                unit="h",
                text=(
                    f"{quoted(later)} starts {gap_text} after {quoted(earlier)} ends on {day}; "
                    f"a lift and a run on one day need {hours_text(min_gap_h)} or more between them"
                ),
                fix=_fix(earlier, later, min_s, sessions, context),
                hard=True,
            )
        elif whole_hours_short(gap, preferred_s) > 0:
            yield Violation(
                rule_id=RULE.id,
                sessions=(earlier, later),
                measured=s_to_hours(gap),
                limit=preferred_gap_h,
                unit="h",
                text=(
                    f"{quoted(later)} starts {gap_text} after {quoted(earlier)} ends on {day}; "
                    f"{hours_text(preferred_gap_h)} or more is preferred"
                ),
                fix=_fix(earlier, later, preferred_s, sessions, context),
                hard=False,
            )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x whole hours short of ``preferred_gap_h``, summed over same-day lift/run pairs."""
    preferred_s = hours_to_s(RULE.param("preferred_gap_h", context.profile))
    weight = RULE.weight or 0
    return weight * sum(
        whole_hours_short(gap, preferred_s) for _, _, gap in _same_day_pairs(sessions, context)
    )
