"""What the day penalties cost together: SCH-2 and SCH-10 as functions of the days used.

Per day, "has a lift" + "has a run" = "has a session" + "has both"
(``PlacementModel.day_totals``). When RL-1 allows one run and one lift a day,
the days held by lifts and by runs are fixed numbers, so the days used ``u``
fix both penalties: ``lifts + runs - u`` days with both (SCH-2) and
``max(0, m - (7 - u))`` missing rest days (SCH-10's soft part, ``m`` its
minimum, priced only when the athlete's own minimum is lower; the athlete's
minimum itself is a hard bound on ``u``). One more day used saves an SCH-2 day
and may cost a rest day. The objective counts the two
terms through one variable bounded below by that cost of ``u``; the terms and
their values are unchanged. Without it the solver bounds each term on its own
(fewest shared days with every day used, no missing rest day with few days
used) and has to search the days to learn that both cannot hold.
"""

from __future__ import annotations

from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import PlacementModel
from runlift.rules.catalogue.scheduling import SCH_2, SCH_10
from runlift.rules.checkers.sch_10 import soft_minimum
from runlift.vocabulary import Modality


def bound(m: PlacementModel) -> None:
    """Bound the SCH-2 and SCH-10 terms together by the days used, when both are priced."""
    shared = [t for t in m.terms if t.name == SCH_2.id]
    missing = [t for t in m.terms if t.name == SCH_10.id]
    lifts, runs = m.held_days(Modality.LIFT), m.held_days(Modality.RUN)
    if len(shared) != 1 or len(missing) != 1:
        return
    if not isinstance(lifts, int) or not isinstance(runs, int):
        return
    used, _ = m.day_totals()
    minimum = soft_minimum(m.context)
    floors = [
        (SCH_2.weight or 0) * max(0, lifts + runs - u)
        + (SCH_10.weight or 0) * max(0, minimum - (DAYS_PER_WEEK - u))
        for u in range(DAYS_PER_WEEK + 1)
    ]
    m.bound_together([*shared, *missing], used, floors)
