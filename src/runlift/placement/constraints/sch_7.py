"""SCH-7: legs, back and chest each lifted on ``min_per_week`` to ``max_per_week`` distinct days.

The counts of lifts are checked before solving
(``runlift.placement.prepare.check_composition``); here the lifts that train the
same group are spread over enough distinct days.
"""

from __future__ import annotations

from runlift.placement.model import PlacementModel, Term, days_of_week
from runlift.rules.catalogue.scheduling import SCH_7 as RULE
from runlift.rules.checkers.sch_7 import GROUPS


def add(m: PlacementModel) -> list[Term]:
    """Bound the number of distinct days per major group."""
    lifts = m.lifts()
    if not lifts:
        return []
    low = round(RULE.param("min_per_week", m.profile))
    high = round(RULE.param("max_per_week", m.profile))
    for muscle in GROUPS:
        training = [i for i in lifts if muscle in i.spec.muscle_groups]
        guard = m.guard(RULE.id, *(i.index for i in training))
        if guard is None:
            continue
        days = [
            m.linear(m.any_of((m.day(i, day) for i in training), f"{muscle.value}_{day}"))
            for day in days_of_week()
        ]
        m.model.add(sum(days) >= low).only_enforce_if(guard)
        m.model.add(sum(days) <= high).only_enforce_if(guard)
    return []
