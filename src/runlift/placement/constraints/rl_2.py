"""RL-2: a day between lifts that train the legs.

``weight`` for every pair of leg-training lifts whose local start days are
consecutive, in either order; ``heavy_pair_factor`` times that for two heavy-lower
lifts. Across Sunday night too: each leg lift of the week before on its Sunday
prices this week's leg lifts on Monday. (This Sunday's leg lift and next
Monday's are priced next week.)

Two heavy-lower lifts on consecutive days are leading terms of the highest tier
(``HEAVY_PAIR_TIER``): the objective first makes as few such pairs as the hard
rules allow, ahead of RL-3's loaded stretches and every other cost, so they
happen only when the windows leave no other way. Their weight still counts in
the rule cost like any other pair's.
"""

from __future__ import annotations

import itertools

from runlift.domain.sessions import SessionSpec
from runlift.placement.model import HEAVY_PAIR_TIER, PlacementModel, Term, days_of_week
from runlift.rules.catalogue.conventions import RL_2 as RULE
from runlift.rules.checkers.rl_2 import pair_units, trains_legs


def _tier(first: SessionSpec, second: SessionSpec) -> int:
    """The pair's leading tier: the highest for two heavy-lower lifts, else none."""
    return HEAVY_PAIR_TIER if first.is_heavy_lower and second.is_heavy_lower else 0


def add(m: PlacementModel) -> list[Term]:
    """One term per (pair of leg lifts, day, order) that can fall on consecutive days."""
    if not m.soft:
        return []
    weight = RULE.weight or 0
    legs = [i for i in m.items if trains_legs(i.spec)]
    terms: list[Term] = []
    outside = m.prepared.outside
    for item in legs:
        if 0 not in m.days(item):
            continue
        terms.extend(
            Term(
                name=RULE.id,
                weight=weight * pair_units(other, item.spec, m.context),
                expr=m.day(item, 0),
                upper=1,
                items=(item.index,),
                leading=_tier(other, item.spec),
            )
            for other in outside.legs_on(-1)
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
                        leading=_tier(earlier.spec, later.spec),
                    )
                )
    return terms
