"""RL-1: at most ``max_runs_per_day`` runs and ``max_lifts_per_day`` lifts on one day.

For each modality and day, the free sessions of that modality that start on
the day number at most the limit minus the fixed sessions already there.
Fixed sessions count against free ones (a race day holds no other run) but are
not judged among themselves: they are history. A combined block is one run and
one lift and needs nothing special.

With a limit of one (every profile) the count of a day *is* whether the day
holds such a session, so the model states it as an equality, ``sum of x[i, d]
== has(d, modality)``, and adds that these day literals sum to the number of
sessions. Both are implied by the at-most-one alone, but stated outright they
let the solver count: a week with more runs than days that can hold one fails
at once instead of after a search, and the day literals that SCH-2, SCH-8 and
SCH-10 price are tied to the count of sessions (``benchmarks/README.md``).

In the diagnosis model a session counts only while its RL-1 assumption holds,
so an infeasible week names exactly the sessions that crowd the days.
"""

from __future__ import annotations

from collections import Counter

from runlift.placement.model import Expr, Lit, PlacementModel, Term, days_of_week
from runlift.placement.prepare import Item
from runlift.rules.catalogue.conventions import RL_1 as RULE
from runlift.rules.checkers.rl_1 import most_per_day
from runlift.vocabulary import Modality


def _counted(m: PlacementModel, item: Item, day: int) -> Lit:
    """Literal: free session ``item`` starts on ``day`` and RL-1 holds for it."""
    on_day = m.day(item, day)
    guard = m.guard(RULE.id, item.index) or []
    if not guard or on_day is False:
        return on_day
    return m.all_of([on_day, *guard], f"rl1_{item.index}_{day}")


def _sessions_counted(m: PlacementModel, free: list[Item]) -> Expr:
    """How many free sessions count: all of them, or those whose assumption holds."""
    if not m.diagnose:
        return len(free)
    return sum(m.linear(lit) for item in free for lit in m.guard(RULE.id, item.index) or [])


def _bound_modality(m: PlacementModel, modality: Modality) -> None:
    items = [i for i in m.items if i.spec.modality is modality]
    if len(items) < 2:
        return
    most = most_per_day(modality, m.context)
    fixed_on = Counter(i.fixed_day for i in items if i.fixed_day is not None)
    free = [i for i in items if not i.fixed]
    exact = most == 1
    holding: list[Expr] = []
    for day in days_of_week():
        counted = [_counted(m, i, day) for i in free if day in m.days(i)]
        counted = [lit for lit in counted if lit is not False]
        certain = sum(1 for lit in counted if lit is True)
        room = max(0, most - fixed_on[day]) - certain
        variables = [lit for lit in counted if not isinstance(lit, bool)]
        holding.append(certain)
        if room < 0:
            m.clause([])  # more free sessions than room can only start on this day
        elif room == 0:
            for lit in variables:
                m.forbid([lit])
        elif exact and variables:
            holds = m.new_bool(f"rl1_{modality}_{day}") if m.diagnose else m.has(day, modality)
            m.model.add(sum(m.linear(lit) for lit in variables) == m.linear(holds))
            holding.append(m.linear(holds))
        elif len(variables) > room:
            m.model.add(sum(m.linear(lit) for lit in variables) <= room)
    if exact and free:
        m.model.add(sum(holding) == _sessions_counted(m, free))


def add(m: PlacementModel) -> list[Term]:
    """Bound the sessions of each modality that start on each day."""
    for modality in Modality:
        _bound_modality(m, modality)
    return []
