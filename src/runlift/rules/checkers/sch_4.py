"""SCH-4: runs and heavy-lower lifts kept apart the way coaches mean it.

Hard (a): a run starting after a heavy-lower lift starts at least
``after_heavy_lower_h`` after the lift ends (any run: the legs are still tired
and heavy). Hard (b): a hard run before a heavy-lower lift ends at least
``hard_run_before_heavy_lower_h`` before the lift starts. Soft (c): a hard or
long run (a *quality* run) that starts at least ``after_heavy_lower_h`` but less
than ``quality_after_heavy_lower_h`` after a heavy-lower lift ends costs the
rule's weight: the run's quality suffers the day after heavy legs, while an easy
run the next morning is fine (PHY-1 still prices it). When lifting comes first
(``runlift.rules.priority.priority_first``) the run's quality matters less than
the lifts' spacing, and the soft part costs ``lifting_first_share`` of the weight.
Across midnight and weeks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_4 as RULE
from runlift.rules.model import Violation
from runlift.rules.priority import priority_first
from runlift.rules.timing import (
    earlier_later,
    gap_s,
    hours_to_s,
    lift_run_pairs,
    s_to_hours,
    timed,
)
from runlift.rules.wording import hours_text, quoted, shifted, start_at_or_after, start_text
from runlift.vocabulary import EvidenceProfile, Modality, RunKind


def is_quality_run(spec: SessionSpec) -> bool:
    """A hard run (intervals, tempo, ..., over 90 min) or a long run: what SCH-4 (c) protects."""
    return spec.is_run and (spec.is_hard_run or spec.kind is RunKind.LONG)


def quality_points(context: WeekContext) -> int:
    """What one quality run within a day after heavy legs costs (SCH-4's soft part)."""
    weight = RULE.weight or 0
    if priority_first(context) is Modality.LIFT:
        return round(weight * RULE.param("lifting_first_share", context.profile))
    return weight


def limits_s(profile: EvidenceProfile) -> tuple[int, int, int]:
    """(after, quality after, hard run before) in seconds under ``profile``."""
    return (
        hours_to_s(RULE.param("after_heavy_lower_h", profile)),
        hours_to_s(RULE.param("quality_after_heavy_lower_h", profile)),
        hours_to_s(RULE.param("hard_run_before_heavy_lower_h", profile)),
    )


def pair_status(
    *,
    lift: SessionSpec,
    run: SessionSpec,
    run_first: bool,
    gap_seconds: int,
    profile: EvidenceProfile,
) -> str | None:
    """What SCH-4 says of a lift/run pair ``gap_seconds`` apart in the given order.

    ``"after"`` or ``"before"`` for the two hard parts, ``"quality"`` for the soft
    part, ``None`` when the pair is fine. The checker and the placement share it.
    """
    if not lift.is_heavy_lower:
        return None
    after, quality, before = limits_s(profile)
    if not run_first:
        if gap_seconds < after:
            return "after"
        if is_quality_run(run) and gap_seconds < quality:
            return "quality"
        return None
    if run.is_hard_run and gap_seconds < before:
        return "before"
    return None


def _pairs(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[ScheduledSession, ScheduledSession, int, str]]:
    """(lift, run, gap in s, status) for every heavy-lower pair SCH-4 has something to say of."""
    for lift, run in lift_run_pairs(timed(sessions)):
        if not lift.spec.is_heavy_lower:
            continue
        earlier, later = earlier_later(lift, run)
        gap = gap_s(earlier, later)
        status = pair_status(
            lift=lift.spec,
            run=run.spec,
            run_first=earlier is run,
            gap_seconds=gap,
            profile=context.profile,
        )
        if status is not None:
            yield lift, run, gap, status


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield SCH-4's hard violations (runs too close to a heavy lower lift) and soft ones.

    Hard: a run too soon after, or a hard run too soon before, a heavy lower lift.
    Soft: a hard or long run within about a day after one.
    """
    after_h = RULE.param("after_heavy_lower_h", context.profile)
    quality_h = RULE.param("quality_after_heavy_lower_h", context.profile)
    before_h = RULE.param("hard_run_before_heavy_lower_h", context.profile)
    for lift, run, gap, status in _pairs(sessions, context):
        gap_text = hours_text(s_to_hours(gap))
        if status == "after":
            yield Violation(
                rule_id=RULE.id,
                sessions=(lift, run),
                measured=s_to_hours(gap),
                limit=after_h,
                unit="h",
                text=(
                    f"run {start_text(run, context)} starts {gap_text} after heavy lower lift "
                    f"{quoted(lift)} ends; at least {hours_text(after_h)} needed"
                ),
                fix=start_at_or_after(run, shifted(lift.end, seconds=hours_to_s(after_h)), context),
                hard=True,
            )
        elif status == "quality":
            yield Violation(
                rule_id=RULE.id,
                sessions=(lift, run),
                measured=s_to_hours(gap),
                limit=quality_h,
                unit="h",
                text=(
                    f"{start_text(run, context)} starts {gap_text} after heavy lower lift "
                    f"{quoted(lift)} ends: a hard or long run that soon after heavy legs loses "
                    f"quality; {hours_text(quality_h)} or more is better"
                ),
                fix=start_at_or_after(
                    run, shifted(lift.end, seconds=hours_to_s(quality_h)), context
                )
                + f", or swap it with an easy run, or move {quoted(lift)} after it",
                hard=False,
            )
        else:
            yield Violation(
                rule_id=RULE.id,
                sessions=(run, lift),
                measured=s_to_hours(gap),
                limit=before_h,
                unit="h",
                text=(
                    f"hard run {quoted(run)} ends {gap_text} before heavy lower lift "
                    f"{start_text(lift, context)}; {hours_text(before_h)} or more needed"
                ),
                fix=start_at_or_after(
                    lift, shifted(run.end, seconds=hours_to_s(before_h)), context
                ),
                hard=True,
            )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Points x quality runs within ``quality_after_heavy_lower_h`` after a heavy-lower lift.

    The points are the weight, or ``lifting_first_share`` of it when lifting comes first.
    """
    return quality_points(context) * sum(
        1 for *_, status in _pairs(sessions, context) if status == "quality"
    )
