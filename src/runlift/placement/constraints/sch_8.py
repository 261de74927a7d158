"""SCH-8: general fitness alternates lift days and run days.

For a general-fitness goal only: ``weight`` per pair of consecutive days of
the week that both train one modality and not the other.
"""

from __future__ import annotations

from runlift.placement.model import Lit, PlacementModel, Term, days_of_week
from runlift.rules.catalogue.scheduling import SCH_8 as RULE
from runlift.vocabulary import GoalKind, Modality


def add(m: PlacementModel) -> list[Term]:
    """One term per modality and pair of consecutive days."""
    if m.context.goal is not GoalKind.GENERAL_FITNESS or not m.soft:
        return []
    terms: list[Term] = []
    for modality in Modality:
        other = Modality.RUN if modality is Modality.LIFT else Modality.LIFT
        only: list[Lit] = [
            m.all_of([m.has(day, modality), m.negate(m.has(day, other))], f"only_{modality}")
            for day in days_of_week()
        ]
        for day in list(days_of_week())[:-1]:
            repeat = m.all_of([only[day], only[day + 1]], f"repeat_{modality}_{day}")
            items = tuple(i.index for i in m.items if {day, day + 1} & set(m.days(i)))
            terms.append(
                Term(name=RULE.id, weight=RULE.weight or 0, expr=repeat, upper=1, items=items)
            )
    return terms
