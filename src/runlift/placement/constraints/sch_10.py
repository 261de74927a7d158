"""SCH-10: at least ``WeekContext.rest_days_min`` rest days; ``weight`` per missing one.

A rest day is a day of the week on which no session starts. A week without
sessions is not judged.
"""

from __future__ import annotations

from runlift.errors import InvalidInput
from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_10 as RULE


def add(m: PlacementModel) -> list[Term]:
    """One term: max(0, minimum - rest days)."""
    minimum = m.context.rest_days_min
    if not 0 <= minimum <= DAYS_PER_WEEK:
        raise InvalidInput("rest_days_min", minimum, "between 0 and 7 days")
    if not m.items or minimum == 0 or not m.soft:
        return []
    used, _ = m.day_totals()
    rest = DAYS_PER_WEEK - used
    missing = m.model.new_int_var(0, minimum, "missing_rest_days")
    m.model.add_max_equality(missing, [0, minimum - rest])
    items = tuple(i.index for i in m.items)
    return [Term(name=RULE.id, weight=RULE.weight or 0, expr=missing, upper=minimum, items=items)]
