"""SCH-4: no run soon after a heavy-lower lift, no hard run soon before one.

(a) a run starting after a heavy-lower lift starts at least ``after_heavy_lower_h``
after the lift ends; (b) a hard run before a heavy-lower lift ends at least
``hard_run_before_heavy_lower_h`` before the lift starts. Across midnight and weeks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_4 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import (
    earlier_later,
    gap_s,
    hours_to_s,
    lift_run_pairs,
    s_to_hours,
    timed,
)
from runlift.rules.wording import hours_text, quoted, shifted, start_at_or_after, start_text


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation per run too soon after, or hard run too soon before, a heavy lower."""
    after_h = RULE.param("after_heavy_lower_h", context.profile)
    before_h = RULE.param("hard_run_before_heavy_lower_h", context.profile)
    for lift, run in lift_run_pairs(timed(sessions)):
        if not lift.spec.is_heavy_lower:
            continue
        earlier, later = earlier_later(lift, run)
        gap = gap_s(earlier, later)
        if earlier is lift and gap < hours_to_s(after_h):
            yield Violation(
                rule_id=RULE.id,
                sessions=(lift, run),
                measured=s_to_hours(gap),
                limit=after_h,
                unit="h",
                text=(
                    f"run {start_text(run, context)} starts {hours_text(s_to_hours(gap))} after "
                    f"heavy lower lift {quoted(lift)} ends; at least {hours_text(after_h)} needed"
                ),
                fix=start_at_or_after(run, shifted(lift.end, seconds=hours_to_s(after_h)), context),
                hard=True,
            )
        elif earlier is run and run.spec.is_hard_run and gap < hours_to_s(before_h):
            yield Violation(
                rule_id=RULE.id,
                sessions=(run, lift),
                measured=s_to_hours(gap),
                limit=before_h,
                unit="h",
                text=(
                    f"hard run {quoted(run)} ends {hours_text(s_to_hours(gap))} before heavy "
                    f"lower lift {start_text(lift, context)}; {hours_text(before_h)} or more needed"
                ),
                fix=start_at_or_after(
                    lift, shifted(run.end, seconds=hours_to_s(before_h)), context
                ),
                hard=True,
            )
