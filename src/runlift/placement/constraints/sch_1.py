"""SCH-1: a lift and a run on the same day are at least ``min_gap_h`` apart (hard), more is better.

Hard: no same-day pair outside a combined block may sit in a gap segment below
``min_gap_h`` (the segments are cut there). Soft: ``weight x whole hours short
of preferred_gap_h`` per same-day pair outside a block, as
``runlift.rules.checkers.sch_1.whole_hours_short`` counts them. The whole hours
are an integer ``q`` tied to the gap ``g`` (minutes) of the pair's order by
``60 q >= P - g - 59`` and, when ``q > 0``, ``60 q <= P - g``: exactly
``max(0, floor((P - g) / 60))``.
"""

from __future__ import annotations

from collections.abc import Iterator

from runlift.placement.model import GapPair, Order, PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_1 as RULE
from runlift.rules.checkers.sch_1 import whole_hours_short

MINUTES_PER_HOUR = 60
SECONDS_PER_MINUTE = 60


def _limits(m: PlacementModel) -> tuple[int, int]:
    minimum = round(RULE.param("min_gap_h", m.profile) * MINUTES_PER_HOUR)
    preferred = round(RULE.param("preferred_gap_h", m.profile) * MINUTES_PER_HOUR)
    return minimum, preferred


def hours_short(gap_min: int, preferred_min: int) -> int:
    """Whole hours by which ``gap_min`` falls short of ``preferred_min``, as the checker counts."""
    return whole_hours_short(gap_min * SECONDS_PER_MINUTE, preferred_min * SECONDS_PER_MINUTE)


def gap_cuts(m: PlacementModel, pair: GapPair) -> Iterator[tuple[Order, int]]:
    """Cut both orders at the minimum gap."""
    if m.same_day(pair.lift, pair.run) is False:
        return
    minimum, _ = _limits(m)
    for order in Order:
        yield order, minimum


def _short_hours(m: PlacementModel, pair: GapPair, preferred: int) -> Term | None:
    """The pair's whole hours short when it shares a day outside a block, or None if always 0."""
    key = (pair.lift.index, pair.run.index)
    same_day = m.same_day(pair.lift, pair.run)
    separate = m.all_of([same_day, m.negate(m.blocks.get(key, False))], "separate")
    close = [s.gap_lo for s in pair.segments if s.gap_lo <= preferred - MINUTES_PER_HOUR]
    if separate is False or not close:
        return None
    upper = hours_short(min(close), preferred)
    lift_first = m.lift_first(pair)
    delta = m.start(pair.run) - m.start(pair.lift)
    gaps = {
        Order.LIFT_FIRST: delta - pair.lift.duration_min,
        Order.RUN_FIRST: -delta - pair.run.duration_min,
    }
    hours = m.model.new_int_var(0, upper, f"short_{key[0]}_{key[1]}")
    positive = m.new_bool(f"short_pos_{key[0]}_{key[1]}")
    m.model.add(hours >= 1).only_enforce_if(positive)
    m.model.add(hours == 0).only_enforce_if(~positive)
    m.clause([m.negate(positive), separate])
    for order, gap in gaps.items():
        in_order = m.all_of(
            [separate, lift_first if order is Order.LIFT_FIRST else m.negate(lift_first)],
            "short_order",
        )
        if in_order is False:
            continue
        enforce = [] if in_order is True else [in_order]
        low = MINUTES_PER_HOUR * hours >= preferred - gap - (MINUTES_PER_HOUR - 1)
        m.model.add(low).only_enforce_if(enforce)
        m.model.add(MINUTES_PER_HOUR * hours <= preferred - gap).only_enforce_if(
            [*enforce, positive]
        )
    return Term(name=RULE.id, weight=RULE.weight or 0, expr=hours, upper=upper, items=key)


def add(m: PlacementModel) -> list[Term]:
    """Forbid short same-day gaps; price the hours short of the preferred gap."""
    minimum, preferred = _limits(m)
    terms: list[Term] = []
    for key, pair in m.pairs.items():
        same_day = m.same_day(pair.lift, pair.run)
        if same_day is False:
            continue
        separate = m.all_of([same_day, m.negate(m.blocks.get(key, False))], "separate")
        guard = m.guard(RULE.id, *key)
        for segment in pair.where(high=minimum - 1):
            m.forbid([separate, segment.lit], guard)
        term = _short_hours(m, pair, preferred) if m.soft else None
        if term is not None:
            terms.append(term)
    return terms
