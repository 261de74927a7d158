"""SCH-6: combined blocks, the two parts of one session with a 10-20 min break.

A lift/run pair is a block when both start on the same day and the priority
part ends ``min_gap_min`` to ``max_gap_min`` before the other starts. Blocks
named in the input (``SessionSpec.combined_with``) must be placed that way; when
``WeekContext.allow_combined`` is set the model may also make new blocks, each
session in at most one. The block literals live in ``PlacementModel.blocks``;
SCH-1 exempts them from its same-day gap.
"""

from __future__ import annotations

from collections.abc import Iterator

from runlift.placement.model import GapPair, Lit, Order, PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_6 as RULE
from runlift.vocabulary import Modality


def _orders(m: PlacementModel) -> tuple[Order, ...]:
    if m.prepared.priority is Modality.LIFT:
        return (Order.LIFT_FIRST,)
    if m.prepared.priority is Modality.RUN:
        return (Order.RUN_FIRST,)
    return (Order.LIFT_FIRST, Order.RUN_FIRST)


def _may_combine(m: PlacementModel, pair: GapPair) -> bool:
    key = (pair.lift.index, pair.run.index)
    if key in m.prepared.linked:
        return True
    in_block = {index for block in m.prepared.linked for index in block}
    return (
        m.context.allow_combined
        and m.prepared.priority is not None
        and pair.lift.index not in in_block
        and pair.run.index not in in_block
    )


def _gap_range(m: PlacementModel) -> tuple[int, int]:
    low = round(RULE.param("min_gap_min", m.profile))
    high = round(RULE.param("max_gap_min", m.profile))
    return low, high


def gap_cuts(m: PlacementModel, pair: GapPair) -> Iterator[tuple[Order, int]]:
    """Cut the priority-first order at the block's break limits."""
    if not _may_combine(m, pair):
        return
    low, high = _gap_range(m)
    for order in _orders(m):
        yield order, low
        yield order, high + 1


def add(m: PlacementModel) -> list[Term]:
    """Create the block literals; require the input blocks; one block per session."""
    low, high = _gap_range(m)
    per_item: dict[int, list[Lit]] = {}
    for key, pair in m.pairs.items():
        block: Lit = False
        if _may_combine(m, pair):
            segments = [
                s.lit for order in _orders(m) for s in pair.where(order=order, low=low, high=high)
            ]
            block = m.all_of(
                [m.same_day(pair.lift, pair.run), m.any_of(segments, "block_gap")], "block"
            )
        m.blocks[key] = block
        if key in m.prepared.linked:
            m.clause([block], m.guard(RULE.id, *key))
        for index in key:
            per_item.setdefault(index, []).append(block)
    for index, blocks in per_item.items():
        live = [b for b in blocks if b is not False]
        for n, first in enumerate(live):
            for second in live[n + 1 :]:
                m.forbid([first, second], m.guard(RULE.id, index))
    return []
