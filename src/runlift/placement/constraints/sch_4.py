"""SCH-4: no run soon after a heavy-lower lift, no hard run soon before one.

(a) For a heavy-lower lift, lift-first segments with a gap below
``after_heavy_lower_h`` are forbidden, whatever the day. (b) For a heavy-lower
lift and a hard run, run-first segments with a gap below
``hard_run_before_heavy_lower_h`` are forbidden.
"""

from __future__ import annotations

from collections.abc import Iterator

from runlift.placement.model import GapPair, Order, PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_4 as RULE

MINUTES_PER_HOUR = 60


def _limits(m: PlacementModel) -> tuple[int, int]:
    after = round(RULE.param("after_heavy_lower_h", m.profile) * MINUTES_PER_HOUR)
    before = round(RULE.param("hard_run_before_heavy_lower_h", m.profile) * MINUTES_PER_HOUR)
    return after, before


def gap_cuts(m: PlacementModel, pair: GapPair) -> Iterator[tuple[Order, int]]:
    """Cut at the two limits where they apply to the pair."""
    if not pair.lift.spec.is_heavy_lower:
        return
    after, before = _limits(m)
    yield Order.LIFT_FIRST, after
    if pair.run.spec.is_hard_run:
        yield Order.RUN_FIRST, before


def add(m: PlacementModel) -> list[Term]:
    """Forbid the segments that break (a) or (b)."""
    after, before = _limits(m)
    for key, pair in m.pairs.items():
        if not pair.lift.spec.is_heavy_lower:
            continue
        guard = m.guard(RULE.id, *key)
        for segment in pair.where(order=Order.LIFT_FIRST, high=after - 1):
            m.forbid([segment.lit], guard)
        if pair.run.spec.is_hard_run:
            for segment in pair.where(order=Order.RUN_FIRST, high=before - 1):
                m.forbid([segment.lit], guard)
    return []
