"""SCH-4: runs and heavy-lower lifts kept apart the way coaches mean it.

For a heavy-lower lift: (a) lift-first segments with a gap below
``after_heavy_lower_h`` are forbidden, whatever the run and the day; (b) with a
hard run, run-first segments with a gap below ``hard_run_before_heavy_lower_h``
are forbidden; (c) with a hard or long run, each lift-first segment with a gap
from ``after_heavy_lower_h`` to below ``quality_after_heavy_lower_h`` costs the
rule's weight (``quality_points``: less when lifting comes first). Pairs with the
neighbouring weeks' sessions are priced by
``constraints.neighbours`` and ruled out in ``prepare``.
"""

from __future__ import annotations

from collections.abc import Iterator

from runlift.placement.model import GapPair, Order, PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_4 as RULE
from runlift.rules.checkers.sch_4 import is_quality_run, quality_points

MINUTES_PER_HOUR = 60


def _limits(m: PlacementModel) -> tuple[int, int, int]:
    """(after, quality after, hard run before) in minutes."""
    return (
        round(RULE.param("after_heavy_lower_h", m.profile) * MINUTES_PER_HOUR),
        round(RULE.param("quality_after_heavy_lower_h", m.profile) * MINUTES_PER_HOUR),
        round(RULE.param("hard_run_before_heavy_lower_h", m.profile) * MINUTES_PER_HOUR),
    )


def gap_cuts(m: PlacementModel, pair: GapPair) -> Iterator[tuple[Order, int]]:
    """Cut at the limits that apply to the pair (the soft one only when it is priced)."""
    if not pair.lift.spec.is_heavy_lower:
        return
    after, quality, before = _limits(m)
    yield Order.LIFT_FIRST, after
    if m.soft and is_quality_run(pair.run.spec):
        yield Order.LIFT_FIRST, quality
    if pair.run.spec.is_hard_run:
        yield Order.RUN_FIRST, before


def add(m: PlacementModel) -> list[Term]:
    """Forbid the segments that break (a) or (b); price those of (c)."""
    after, quality, before = _limits(m)
    weight = quality_points(m.context)
    terms: list[Term] = []
    for key, pair in m.pairs.items():
        if not pair.lift.spec.is_heavy_lower:
            continue
        guard = m.guard(RULE.id, *key)
        for segment in pair.where(order=Order.LIFT_FIRST, high=after - 1):
            m.forbid([segment.lit], guard)
        if pair.run.spec.is_hard_run:
            for segment in pair.where(order=Order.RUN_FIRST, high=before - 1):
                m.forbid([segment.lit], guard)
        if m.soft and is_quality_run(pair.run.spec):
            terms.extend(
                Term(name=RULE.id, weight=weight, expr=segment.lit, upper=1, items=key)
                for segment in pair.where(order=Order.LIFT_FIRST, low=after, high=quality - 1)
            )
    return terms
