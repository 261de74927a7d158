"""RL-2: a day between lifts that train the legs.

``weight`` for every pair of leg-training lifts whose local start days are
consecutive, in either order; ``heavy_pair_factor`` times that for two heavy-lower
lifts. Across Sunday night too: each leg lift of the week before on its Sunday
prices this week's leg lifts on Monday. (This Sunday's leg lift and next
Monday's are priced next week.)
"""

from __future__ import annotations

import itertools

from runlift.placement.model import PlacementModel, Term, days_of_week
from runlift.rules.catalogue.conventions import RL_2 as RULE
from runlift.rules.checkers.rl_2 import pair_units, trains_legs


def add(m: PlacementModel) -> list[Term]:
    """One term per (pair of leg lifts, day, order) that can fall on consecutive days."""
    if not m.soft:
        return []
    weight = RULE.weight or 0
    legs = [i for i in m.items if trains_legs(i.spec)]
    terms: list[Term] = []
    outside = m.prepared.outside
    for item in legs:
        units = sum(pair_units(other, item.spec, m.context) for other in outside.legs_on(-1))
        if units and 0 in m.days(item):
            terms.append(
                Term(
                    name=RULE.id,
                    weight=weight * units,
                    expr=m.day(item, 0),
                    upper=1,
                    items=(item.index,),
                )
            )
    for first, second in itertools.combinations(legs, 2):
        for day in list(days_of_week())[:-1]:
            for earlier, later in ((first, second), (second, first)):
                if day not in m.days(earlier) or day + 1 not in m.days(later):
                    continue
                both = m.all_of([m.day(earlier, day), m.day(later, day + 1)], "legs_in_a_row")
                terms.append(
                    Term(
                        name=RULE.id,
                        weight=weight * pair_units(earlier.spec, later.spec, m.context),
                        expr=both,
                        upper=1,
                        items=(earlier.index, later.index),
                    )
                )
    return terms
