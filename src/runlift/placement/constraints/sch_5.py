"""SCH-5: the day after a hard run is for rest or an upper-body lift.

``weight`` for every session other than an upper-body lift that starts on the
day after a day with a hard run, ``loaded_factor`` times that for a loaded
session (``runlift.rules.checkers.sch_5.units``). Across Sunday night too: a hard run of the
Sunday before (a neighbouring week's session) prices this Monday's sessions.
(This Sunday's hard run and next Monday's sessions are priced next week.)
"""

from __future__ import annotations

from runlift.placement.model import PlacementModel, Term, days_of_week
from runlift.placement.prepare import Item
from runlift.rules.catalogue.scheduling import SCH_5 as RULE
from runlift.rules.checkers.sch_5 import units
from runlift.vocabulary import LiftKind


def _upper(item: Item) -> bool:
    return item.spec.is_lift and item.spec.kind is LiftKind.UPPER


def add(m: PlacementModel) -> list[Term]:
    """One term per (session, day) for sessions that may follow a hard-run day."""
    if not m.soft:
        return []
    weight = RULE.weight or 0
    hard_runs = [i for i in m.items if i.spec.is_hard_run]
    outside = m.prepared.outside
    terms: list[Term] = []
    if -1 in outside.hard_run_days:
        terms.extend(
            Term(
                name=RULE.id,
                weight=weight * units(item.spec, m.context),
                expr=m.day(item, 0),
                upper=1,
                items=(item.index,),
            )
            for item in m.items
            if not _upper(item) and 0 in m.days(item)
        )
    if not hard_runs:
        return terms
    for day in list(days_of_week())[:-1]:
        hard_day = m.any_of((m.day(run, day) for run in hard_runs), f"hard_run_day_{day}")
        if hard_day is False:
            continue
        for item in m.items:
            if _upper(item):
                continue
            after = m.all_of([hard_day, m.day(item, day + 1)], "after_hard_run")
            items = (item.index, *(r.index for r in hard_runs if day in m.days(r)))
            terms.append(
                Term(
                    name=RULE.id,
                    weight=weight * units(item.spec, m.context),
                    expr=after,
                    upper=1,
                    items=items,
                )
            )
    return terms
