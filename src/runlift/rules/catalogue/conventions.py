"""runlift's own rules: placement conventions that GUIDELINES.md does not state.

Their IDs start with ``RL-`` so they can never be mistaken for a guideline ID.
Each has a solver-free checker in ``runlift.rules.checkers`` of the same name.
"""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, same_for_all
from runlift.rules.weights import WEIGHTS
from runlift.vocabulary import RuleStrength

DANIELS_2014 = (
    "Daniels 2014, Daniels' Running Formula, 3rd ed., Human Kinetics "
    "(doubles only at high weekly mileage)"
)

RL_1 = Rule(
    id=RuleId("RL-1"),
    title=(
        "Runs and lifts that start on one local date: at most max_runs_per_day runs and at "
        "most max_lifts_per_day lifts (a combined block is one run and one lift; sessions "
        "with a fixed start, such as a race, count)"
    ),
    sources=("runlift convention", DANIELS_2014),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"max_runs_per_day": same_for_all(1), "max_lifts_per_day": same_for_all(1)},
    weight=None,
)

RL_2 = Rule(
    id=RuleId("RL-2"),
    title=(
        "Pairs of lifts that both train the legs and start on consecutive local dates; each "
        "pair costs weight"
    ),
    sources=(
        "runlift convention",
        "G4 (PHY-2: fatigue left by one session degrades the next)",
        "G1 G2 (SCH-4: the legs carry the running too)",
    ),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={},
    weight=WEIGHTS[RuleId("RL-2")],
)

RULES = (RL_1, RL_2)
