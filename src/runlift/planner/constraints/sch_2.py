"""SCH-2: prefer lifts and runs on different days; ``weight`` per day that has both."""

from __future__ import annotations

from runlift.planner.model import PlacementModel, Term, days_of_week
from runlift.rules.catalogue.scheduling import SCH_2 as RULE
from runlift.vocabulary import Modality


def add(m: PlacementModel) -> list[Term]:
    """One term per day: the day has a lift and a run."""
    if not m.soft:
        return []
    terms: list[Term] = []
    for day in days_of_week():
        both = m.all_of([m.has(day, Modality.LIFT), m.has(day, Modality.RUN)], f"both_{day}")
        items = tuple(i.index for i in m.items if day in m.days(i))
        terms.append(Term(name=RULE.id, weight=RULE.weight or 0, expr=both, upper=1, items=items))
    return terms
