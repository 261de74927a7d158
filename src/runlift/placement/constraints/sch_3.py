"""SCH-3: on a day with both, the priority modality's first session starts first.

For each session ``j`` of the other modality: ``j`` is *unpreceded* when it
shares its day with a priority session but no priority session of that day
starts before it. A day is out of order exactly when one of its other-modality
sessions is unpreceded. Hard (strength, hypertrophy, race goals): no session is
unpreceded. Soft: ``weight`` per day with an unpreceded session.
"""

from __future__ import annotations

from runlift.placement.model import Lit, PlacementModel, Term, days_of_week
from runlift.rules.catalogue.scheduling import SCH_3 as RULE


def add(m: PlacementModel) -> list[Term]:
    """Order the first sessions of shared days (hard) or price the days out of order (soft)."""
    first = m.prepared.priority
    if first is None or not (m.prepared.sch3_hard or m.soft):
        return []
    ours = [i for i in m.items if i.spec.modality is first]
    theirs = [i for i in m.items if i.spec.modality is not first]
    unpreceded: dict[int, Lit] = {}
    for other in theirs:
        shared = {i.index: m.same_day(i, other) for i in ours}
        shared = {index: lit for index, lit in shared.items() if lit is not False}
        if not shared:
            continue
        preceded = m.any_of(
            (m.all_of([lit, m.before(m.items[index], other)]) for index, lit in shared.items()),
            "preceded",
        )
        if m.prepared.sch3_hard:
            for index, lit in shared.items():
                m.clause([m.negate(lit), preceded], m.guard(RULE.id, index, other.index))
        else:
            unpreceded[other.index] = m.all_of(
                [m.any_of(shared.values()), m.negate(preceded)], "unpreceded"
            )
    if m.prepared.sch3_hard or not unpreceded:
        return []
    terms: list[Term] = []
    for day in days_of_week():
        late = m.any_of(
            (m.all_of([lit, m.day(m.items[index], day)]) for index, lit in unpreceded.items()),
            f"out_of_order_{day}",
        )
        items = tuple(i.index for i in m.items if day in m.days(i))
        terms.append(Term(name=RULE.id, weight=RULE.weight or 0, expr=late, upper=1, items=items))
    return terms
