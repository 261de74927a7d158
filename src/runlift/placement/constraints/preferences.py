"""Tie-break preferences: placements of equal rule cost differ only by these.

* ``preferred_start``: one point per 15-minute step between a session's local
  start and the athlete's preferred start for it (``WeekRequest.preferred_start``).
* ``best_slot`` (RUN-3 for key runs when running comes first; likewise key lifts
  when lifting comes first): a key session of the priority modality takes the
  best slot, defined as the earliest start of its day, when the athlete is
  freshest and before the day's other demands; one point per 15-minute step
  after the earliest time of day it could start on any day.

* ``spread``: ``SPREAD_POINTS`` per session beyond the first on a day, so that
  equally good weeks use more days rather than stacking sessions.

They never outweigh a rule point: the objective multiplies the rule cost by
one more than the largest possible sum of preference points.
"""

from __future__ import annotations

import bisect

from ortools.sat.python import cp_model

from runlift.domain.week import MINUTES_PER_DAY
from runlift.placement.model import PlacementModel, Term, Tier
from runlift.placement.prepare import Item

PREFERRED_START = "preferred_start"
BEST_SLOT = "best_slot"
SPREAD = "spread"
SPREAD_POINTS = 4
"""Preference points per extra session on a day: as much as an hour off a preferred start."""


def time_of_day_min(m: PlacementModel, start_min: int) -> int:
    """Minutes from the local midnight of its day to an elapsed start."""
    day = bisect.bisect_right(m.midnights, start_min) - 1
    return start_min - m.midnights[day]


def _time_of_day_steps(m: PlacementModel, item: Item) -> cp_model.IntVar:
    """The session's local start in grid steps after its day's midnight, as a bounded variable."""
    if item.index in m.times_of_day:
        return m.times_of_day[item.index]
    steps = sorted({time_of_day_min(m, start) // m.unit_min for start in m.possible_starts(item)})
    result = m.model.new_int_var_from_domain(
        cp_model.Domain.from_values(steps), f"time_of_day_{item.index}"
    )
    offsets = sum(
        (m.midnights[day] // m.unit_min) * m.linear(m.day(item, day)) for day in m.days(item)
    )
    m.model.add(result == m.k[item.index] - offsets)
    m.times_of_day[item.index] = result
    return result


def add(m: PlacementModel) -> list[Term]:
    """Add the preference terms of the free sessions."""
    terms: list[Term] = []
    for item in m.items:
        starts = m.possible_starts(item)
        if item.fixed or not starts:
            continue
        if item.preferred_min_of_day is not None:
            upper = MINUTES_PER_DAY // m.unit_min
            distance = m.model.new_int_var(0, upper, f"preferred_{item.index}")
            m.model.add_abs_equality(
                distance, _time_of_day_steps(m, item) - item.preferred_min_of_day // m.unit_min
            )
            terms.append(
                Term(
                    name=PREFERRED_START,
                    weight=1,
                    expr=distance,
                    upper=upper,
                    items=(item.index,),
                    tier=Tier.PREFERENCE,
                )
            )
        if item.spec.key and item.spec.modality is m.prepared.priority:
            times = [time_of_day_min(m, start) for start in starts]
            upper = (max(times) - min(times)) // m.unit_min
            if upper > 0:
                terms.append(
                    Term(
                        name=BEST_SLOT,
                        weight=1,
                        expr=_time_of_day_steps(m, item) - min(times) // m.unit_min,
                        upper=upper,
                        items=(item.index,),
                        tier=Tier.PREFERENCE,
                    )
                )
    terms.extend(_spread(m))
    return terms


def _spread(m: PlacementModel) -> list[Term]:
    """Sessions beyond the first of their day: the number of sessions minus the days used."""
    if len(m.items) < 2:
        return []
    used, _ = m.day_totals()
    return [
        Term(
            name=SPREAD,
            weight=SPREAD_POINTS,
            expr=len(m.items) - used,
            upper=len(m.items) - 1,
            items=tuple(i.index for i in m.items),
            tier=Tier.PREFERENCE,
        )
    ]
