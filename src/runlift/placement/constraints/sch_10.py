"""SCH-10: the athlete's rest days are kept (hard); the guideline's one is preferred (soft).

A rest day is a day of the week on which no session starts. Hard: the days used
are at most ``7 - WeekContext.rest_days_min``; sessions whose start is fixed are
history, so when they alone use more days the bound is theirs. Soft (only when
the athlete's minimum is below the guideline's): ``weight x max(0, guideline
minimum - rest days)``. A week without sessions is not judged.
"""

from __future__ import annotations

from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_10 as RULE
from runlift.rules.checkers.sch_10 import athlete_minimum, soft_minimum


def most_days(m: PlacementModel) -> int:
    """The most days the week may use: those the athlete's rest days leave, or the fixed ones'."""
    fixed_days = {i.fixed_day for i in m.items if i.fixed_day is not None}
    return max(DAYS_PER_WEEK - athlete_minimum(m.context), len(fixed_days))


def add(m: PlacementModel) -> list[Term]:
    """Bound the days used (hard); one term for the rest days missing below the guideline's."""
    athlete_minimum(m.context)  # an impossible minimum is the caller's error, even with no items
    if not m.items:
        return []
    used, _ = m.day_totals()
    if most_days(m) < DAYS_PER_WEEK:
        # One assumption for the whole week in the diagnosis model: the rule is about the
        # week's days, not about any one session.
        m.model.add(used <= most_days(m)).only_enforce_if(m.guard(RULE.id) or [])
    minimum = soft_minimum(m.context)
    if minimum == 0 or not m.soft:
        return []
    missing = m.model.new_int_var(0, minimum, "missing_rest_days")
    m.model.add_max_equality(missing, [0, minimum - (DAYS_PER_WEEK - used)])
    items = tuple(i.index for i in m.items)
    return [Term(name=RULE.id, weight=RULE.weight or 0, expr=missing, upper=minimum, items=items)]
