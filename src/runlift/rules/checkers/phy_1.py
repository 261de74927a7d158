"""PHY-1: the interference cost of lift/run pairs, soft in sum and hard per pair.

Every lift/run pair less than 48 h apart costs
``runlift.science.interference.interference_cost_points`` (run kind and planned
minutes, lift kind and whether it trains the legs, which came first, gap =
later start - earlier end, overlaps counted as 0 h). The week's sum times the
rule's weight enters ``week_cost``; no single pair may exceed ``max_pair_cost``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput
from runlift.rules.catalogue.physiology import PHY_1 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import (
    earlier_later,
    gap_s,
    hours_to_s,
    lift_run_pairs,
    s_to_hours,
    timed,
)
from runlift.rules.wording import hours_text, quoted, shifted, start_at_or_after
from runlift.science.interference import GAP_BUCKET_BOUNDS_H, interference_cost_points
from runlift.vocabulary import LiftKind, MuscleGroup, RunKind


def _run_kind(spec: SessionSpec) -> RunKind:
    if isinstance(spec.kind, RunKind):
        return spec.kind
    raise InvalidInput("kind", spec.kind, "a run needs a run kind")


def _lift_kind(spec: SessionSpec) -> LiftKind:
    if isinstance(spec.kind, LiftKind):
        return spec.kind
    raise InvalidInput("kind", spec.kind, "a lift needs a lift kind")


def cost_at_gap(*, lift: SessionSpec, run: SessionSpec, run_before_lift: bool, gap_h: float) -> int:
    """Interference points of a lift and a run placed ``gap_h`` hours apart in the given order."""
    return interference_cost_points(
        run_kind=_run_kind(run),
        run_duration_min=run.duration_min,
        lift_kind=_lift_kind(lift),
        lift_trains_legs=MuscleGroup.LEGS in lift.muscle_groups,
        run_before_lift=run_before_lift,
        gap_h=gap_h,
    )


def pair_cost(lift: ScheduledSession, run: ScheduledSession) -> int:
    """Interference points of a placed lift/run pair (0 from 48 h apart)."""
    earlier, later = earlier_later(lift, run)
    return cost_at_gap(
        lift=lift.spec,
        run=run.spec,
        run_before_lift=earlier is run,
        gap_h=s_to_hours(max(0, gap_s(earlier, later))),
    )


def _costly_pairs(
    sessions: Sequence[ScheduledSession],
) -> Iterator[tuple[ScheduledSession, ScheduledSession, int]]:
    for lift, run in lift_run_pairs(timed(sessions)):
        cost = pair_cost(lift, run)
        if cost > 0:
            yield lift, run, cost


def _fix(lift: ScheduledSession, run: ScheduledSession, target: int, context: WeekContext) -> str:
    """Advice that brings the pair's cost to ``target`` points or fewer."""
    earlier, later = earlier_later(lift, run)
    for bound_h in GAP_BUCKET_BOUNDS_H:
        if (
            cost_at_gap(lift=lift.spec, run=run.spec, run_before_lift=earlier is run, gap_h=bound_h)
            <= target
        ):
            return start_at_or_after(
                later, shifted(earlier.end, seconds=hours_to_s(bound_h)), context
            )
    return f"move {quoted(later)} to another day"  # pragma: no cover - 48 h always costs 0


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation per pair above ``max_pair_cost``, a soft one per other costly pair."""
    max_cost = RULE.param("max_pair_cost", context.profile)
    for lift, run, cost in _costly_pairs(sessions):
        earlier, later = earlier_later(lift, run)
        gap_text = hours_text(s_to_hours(max(0, gap_s(earlier, later))))
        hard = cost > max_cost
        text = (
            f"run {quoted(run)} and lift {quoted(lift)} are {gap_text} apart "
            f"({'run' if earlier is run else 'lift'} first): interference {cost} points"
        )
        yield Violation(
            rule_id=RULE.id,
            sessions=(earlier, later),
            measured=cost,
            limit=max_cost if hard else 0,
            unit="points",
            text=f"{text}, above the {max_cost:g} allowed for one pair" if hard else text,
            fix=_fix(lift, run, int(max_cost) if hard else cost - 1, context),
            hard=hard,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x the sum of interference points over every lift/run pair."""
    del context  # the cost depends on the sessions only
    return (RULE.weight or 0) * sum(cost for *_, cost in _costly_pairs(sessions))
