"""Re-placement with minimal change: moving a session from its previous start costs points.

Each session that has a previous start (``place_week(previous=...)``) and is
not fixed costs ``MOVE_POINTS`` when it starts anywhere else. The points count
on the same scale as rule penalties, so a session moves only when that lowers
the rule cost by more than ``MOVE_POINTS`` (or when its old slot is gone).
They are reported apart from the rule cost.
"""

from __future__ import annotations

from runlift.placement.model import Lit, PlacementModel, Term, Tier

MOVE_POINTS = 5
"""Cost of moving one session, in rule points: half a shared lift/run day (SCH-2)."""

MOVES = "moves"


def add(m: PlacementModel) -> list[Term]:
    """One term per session with a previous start."""
    terms: list[Term] = []
    for item in m.items:
        if item.fixed or item.previous_min is None:
            continue
        moved: Lit
        if item.previous_min not in m.possible_starts(item):
            moved = True
        else:
            moved = m.new_bool(f"moved_{item.index}")
            target = item.previous_min // m.unit_min
            m.model.add(m.k[item.index] == target).only_enforce_if(~moved)
            m.model.add(m.k[item.index] != target).only_enforce_if(moved)
        terms.append(
            Term(
                name=MOVES,
                weight=MOVE_POINTS,
                expr=moved,
                upper=1,
                items=(item.index,),
                tier=Tier.STABILITY,
            )
        )
    return terms
