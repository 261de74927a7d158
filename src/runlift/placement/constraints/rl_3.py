"""RL-3: no more than ``max_loaded_days_in_a_row`` loaded days in a row, counted first.

A day is loaded when a loaded session (``runlift.rules.checkers.rl_3.loads_the_day``)
starts on it. Every stretch of ``max + 1`` consecutive days that are all loaded
and that ends in the week costs ``weight``; stretches that begin in the week
before read its days from its sessions (``Prepared.outside``). A stretch that
ends in the week after is priced there (in the week of its last day). The terms are *leading*
(``Term.leading``): the objective makes as few such stretches as the hard rules
allow (after RL-2's heavy-lower lifts on consecutive days, the tier above), then
minimises the rest of the cost.
"""

from __future__ import annotations

from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import LOADED_STRETCH_TIER, Lit, PlacementModel, Term
from runlift.rules.catalogue.conventions import RL_3 as RULE
from runlift.rules.checkers.rl_3 import loads_the_day, most_in_a_row


def add(m: PlacementModel) -> list[Term]:
    """One leading term per stretch of ``max + 1`` days that ends in the week."""
    loaded_items = [i for i in m.items if loads_the_day(i.spec)]
    if not m.soft or not loaded_items:
        return []
    most = most_in_a_row(m.context)
    outside = m.prepared.outside.loaded_days

    def loaded(day: int) -> Lit:
        if day < 0:
            return day in outside
        return m.any_of((m.day(i, day) for i in loaded_items), f"loaded_{day}")

    terms: list[Term] = []
    for first in range(-most, DAYS_PER_WEEK - most):
        days = range(first, first + most + 1)
        stretch = m.all_of((loaded(day) for day in days), f"loaded_stretch_{first}")
        if stretch is False:
            continue
        items = tuple(i.index for i in loaded_items if set(m.days(i)) & set(days))
        terms.append(
            Term(
                name=RULE.id,
                weight=RULE.weight or 0,
                expr=stretch,
                upper=1,
                items=items,
                leading=LOADED_STRETCH_TIER,
            )
        )
    return terms
