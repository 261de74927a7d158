"""SCH-2: prefer lifts and runs on different days; ``weight`` per day that has both."""

from __future__ import annotations

from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_2 as RULE


def add(m: PlacementModel) -> list[Term]:
    """One term per day: the day has a lift and a run."""
    if not m.soft:
        return []
    _, both = m.day_totals()
    items = tuple(i.index for i in m.items)
    return [
        Term(name=RULE.id, weight=RULE.weight or 0, expr=both, upper=DAYS_PER_WEEK, items=items)
    ]
