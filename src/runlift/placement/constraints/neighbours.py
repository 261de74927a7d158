"""The gap rules' soft costs against the neighbouring weeks' sessions (PHY-1, SCH-4).

``prepare`` prices every allowed start of a session against the sessions of the
weeks before and after (``Item.boundary``: PHY-1 points and SCH-4's quality-run
penalty, exactly as the checkers price the pairs) and removes the starts that
would break a hard rule. Here the starts are grouped into runs of equal price,
in start order; one literal per run holds exactly when the session starts in it,
and each run's points become terms of their rule. A fixed session's price is a
constant. The day rules that cross Sunday night (SCH-5, RL-2, RL-3) price their
boundary in their own modules.
"""

from __future__ import annotations

from runlift.placement.model import Lit, PlacementModel, Term
from runlift.placement.prepare import Item
from runlift.rules.model import RuleId


def _runs(item: Item) -> list[tuple[int, int, tuple[int, ...]]]:
    """(first start, last start, points per rule) for each run of equally priced starts."""
    prices = list(zip(*(points for _, points in item.boundary), strict=True))
    runs: list[tuple[int, int, tuple[int, ...]]] = []
    for start, price in zip(item.starts, prices, strict=True):
        if runs and runs[-1][2] == price:
            runs[-1] = (runs[-1][0], start, price)
        else:
            runs.append((start, start, price))
    return runs


def _terms(item: Item, rules: list[RuleId], price: tuple[int, ...], *, lit: Lit) -> list[Term]:
    return [
        Term(name=rule, weight=points, expr=lit, upper=1, items=(item.index,))
        for rule, points in zip(rules, price, strict=True)
        if points
    ]


def add(m: PlacementModel) -> list[Term]:
    """The neighbour points of every session, as terms of their rules."""
    if not m.soft:
        return []
    terms: list[Term] = []
    for item in m.items:
        if not item.boundary:
            continue
        rules = [rule for rule, _ in item.boundary]
        if item.fixed:
            terms.extend(_terms(item, rules, tuple(p[0] for _, p in item.boundary), lit=True))
            continue
        runs = _runs(item)
        if len(runs) == 1:
            terms.extend(_terms(item, rules, runs[0][2], lit=True))
            continue
        lits = []
        for first, last, price in runs:
            lit = m.new_bool(f"near_{item.index}_{first}")
            m.model.add(m.k[item.index] >= first // m.unit_min).only_enforce_if(lit)
            m.model.add(m.k[item.index] <= last // m.unit_min).only_enforce_if(lit)
            lits.append(lit)
            terms.extend(_terms(item, rules, price, lit=lit))
        m.model.add_exactly_one(lits)
    return terms
