"""One constraint module per rule: each adds its constraints and returns its objective terms.

``GAP_CUTS`` declare where a rule's value changes along a lift/run pair's gap
axis (the model cuts the axis there); ``RULES`` add the rules in an order that
lets SCH-1 read the combined-block literals SCH-6 creates, then the soft costs
of the pairs with the neighbouring weeks' sessions (``neighbours``); ``EXTRAS``
add the stability and tie-break terms that are not rule costs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from runlift.placement.constraints import (
    neighbours,
    phy_1,
    preferences,
    rl_1,
    rl_2,
    rl_3,
    rl_4,
    sch_1,
    sch_2,
    sch_3,
    sch_4,
    sch_5,
    sch_6,
    sch_7,
    sch_8,
    sch_9,
    sch_10,
    stability,
)
from runlift.placement.model import GapCuts, PlacementModel, Term

Adder = Callable[[PlacementModel], list[Term]]

GAP_CUTS: Sequence[GapCuts] = (phy_1.gap_cuts, sch_1.gap_cuts, sch_4.gap_cuts, sch_6.gap_cuts)

RULES: Sequence[Adder] = (
    phy_1.add,
    sch_6.add,
    sch_1.add,
    sch_2.add,
    sch_3.add,
    sch_4.add,
    sch_5.add,
    sch_7.add,
    sch_8.add,
    sch_9.add,
    sch_10.add,
    rl_1.add,
    rl_2.add,
    rl_3.add,
    rl_4.add,
    neighbours.add,
)

EXTRAS: Sequence[Adder] = (stability.add, preferences.add)
