"""PHY-1: interference cost of every lift/run pair, summed (soft) and bounded per pair (hard).

Each gap segment of a pair has one cost, ``runlift.rules.checkers.phy_1.cost_at_gap``
at the segment's order and gap (the cost is constant inside a bucket of
``GAP_BUCKET_BOUNDS_H``, and the segments are cut at those bounds). Segments whose
cost exceeds ``max_pair_cost`` are forbidden; the others add ``weight x cost``.
"""

from __future__ import annotations

from collections.abc import Iterator

from runlift.domain.sessions import SessionSpec
from runlift.placement.model import GapPair, Order, PlacementModel, Term
from runlift.rules.catalogue.physiology import PHY_1 as RULE
from runlift.rules.checkers.phy_1 import cost_at_gap
from runlift.science.interference import GAP_BUCKET_BOUNDS_H
from runlift.vocabulary import MuscleGroup

MINUTES_PER_HOUR = 60
BUCKET_CUTS_MIN = tuple(round(bound * MINUTES_PER_HOUR) for bound in GAP_BUCKET_BOUNDS_H)


def gap_cuts(m: PlacementModel, pair: GapPair) -> Iterator[tuple[Order, int]]:
    """Cut both orders at every bucket bound (6, 12, 24, 48 h).

    A model without soft terms needs only the cut below which the pair bound breaks:
    the cost never rises with the gap, so the segments below it all break the bound
    and the ones above it none.
    """
    max_cost = RULE.param("max_pair_cost", m.profile)
    for order in Order:
        if m.soft:
            for cut in BUCKET_CUTS_MIN:
                yield order, cut
            continue
        run_first = order is Order.RUN_FIRST
        for bucket, cut in enumerate(BUCKET_CUTS_MIN):
            if _bucket_cost(pair.lift.spec, pair.run.spec, run_first, bucket) <= max_cost:
                break
            yield order, cut


def segment_cost(pair: GapPair, *, run_first: bool, gap_min: int) -> int:
    """Interference points of the pair at ``gap_min`` minutes in the given order."""
    bucket = sum(1 for cut in BUCKET_CUTS_MIN if gap_min >= cut)
    return _bucket_cost(pair.lift.spec, pair.run.spec, run_first, bucket)


_COSTS: dict[tuple[object, ...], int] = {}
_COSTS_KEPT = 4096


def _bucket_cost(lift: SessionSpec, run: SessionSpec, run_first: bool, bucket: int) -> int:  # noqa: FBT001
    """The cost at the lower bound of gap bucket ``bucket`` (the cost is constant inside it).

    Remembered by what ``cost_at_gap`` reads of the two sessions (the run's kind and
    minutes, the lift's kind and whether it trains the legs): hashing whole sessions
    took a millisecond of every model.
    """
    legs = MuscleGroup.LEGS in lift.muscle_groups
    key: tuple[object, ...] = (run.kind, run.duration_min, lift.kind, legs, run_first, bucket)
    cost = _COSTS.get(key)
    if cost is None:
        if len(_COSTS) >= _COSTS_KEPT:
            _COSTS.clear()
        gap_min = (0, *BUCKET_CUTS_MIN)[bucket]
        cost = cost_at_gap(
            lift=lift, run=run, run_before_lift=run_first, gap_h=gap_min / MINUTES_PER_HOUR
        )
        _COSTS[key] = cost
    return cost


def add(m: PlacementModel) -> list[Term]:
    """Forbid segments above the pair bound; price the others."""
    max_cost = RULE.param("max_pair_cost", m.profile)
    weight = RULE.weight or 0
    terms: list[Term] = []
    for pair in m.pairs.values():
        guard = m.guard(RULE.id, pair.lift.index, pair.run.index)
        for segment in pair.segments:
            cost = segment_cost(
                pair, run_first=segment.order is Order.RUN_FIRST, gap_min=segment.gap_lo
            )
            if cost > max_cost:
                m.forbid([segment.lit], guard)
            if cost and m.soft:
                terms.append(
                    Term(
                        name=RULE.id,
                        weight=weight * cost,
                        expr=segment.lit,
                        upper=1,
                        items=(pair.lift.index, pair.run.index),
                    )
                )
    return terms
