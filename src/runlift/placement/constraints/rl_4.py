"""RL-4: no heavy legs, explosive lift or hard run on race day or the days before it.

For each race of the week (a run of kind ``race``, usually with a fixed start)
and each session RL-4 keeps away from it (``spoils_a_race``), the session may not
start on the race's day or on any of the ``days_before`` days before it. Races
and such sessions of the neighbouring weeks rule out starts in ``prepare``.
"""

from __future__ import annotations

from runlift.placement.model import PlacementModel, Term
from runlift.rules.catalogue.conventions import RL_4 as RULE
from runlift.rules.checkers.rl_4 import is_race, protected_offsets, spoils_a_race


def add(m: PlacementModel) -> list[Term]:
    """Forbid each (race day, protected day) pair of day literals."""
    offsets = protected_offsets(m.context)
    for race in (i for i in m.items if is_race(i.spec)):
        for other in m.items:
            if other.index == race.index or not spoils_a_race(other.spec):
                continue
            guard = m.guard(RULE.id, race.index, other.index)
            for race_day in m.days(race):
                for offset in offsets:
                    day = race_day - offset
                    if day in m.days(other):
                        m.forbid([m.day(race, race_day), m.day(other, day)], guard)
    return []
